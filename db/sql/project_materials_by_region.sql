-- "How many materials about our projects in each region, and how many were reprints?"
-- Materials naming at least one project of the foundation's register, per region, for a period.
select r.name as region, r.iso as iso,
       count(*) as materials,
       count(distinct m.story_id) as stories,
       count(*) - count(distinct m.story_id) as reprints
from materials m
join article_regions k on k.article_id = m.id
join regions r on r.iso = k.iso
where m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
  and exists (select 1 from article_projects p where p.article_id = m.id and p.registered = 1)
group by r.iso
order by materials desc, region
