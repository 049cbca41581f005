-- Each project of the register by region for a period: materials, stories, mentions.
select p.project as project, r.name as region, r.iso as iso,
       count(*) as materials,
       count(distinct m.story_id) as stories,
       sum(p.mentions) as mentions
from materials m
join article_projects p on p.article_id = m.id
join article_regions k on k.article_id = m.id
join regions r on r.iso = k.iso
where p.registered = 1
  and m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by p.project, r.iso
order by p.project, materials desc, region
