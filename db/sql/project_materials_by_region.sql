-- "How many materials about our projects in each region, and how many were reprints?"
-- Articles naming at least one project of the foundation's register, per region, for a period.
select r.name as region, r.iso as iso,
       count(*) as materials,
       count(distinct a.story_id) as stories,
       count(*) - count(distinct a.story_id) as reprints
from articles a
join article_regions k on k.article_id = a.id
join regions r on r.iso = k.iso
where a.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
  and exists (select 1 from article_projects p where p.article_id = a.id and p.registered = 1)
group by r.iso
order by materials desc, region
