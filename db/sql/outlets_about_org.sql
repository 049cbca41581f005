-- "Which outlets wrote about <organization>?" — any part of the name («Тимченко»), for a period.
select a.source as source, reg.name as outlet_region,
       count(*) as materials,
       count(distinct a.story_id) as stories,
       min(a.published) as first_published,
       max(a.published) as last_published,
       group_concat(distinct o.org) as organizations
from articles a
join article_orgs o on o.article_id = a.id
left join sources s on s.name = a.source
left join regions reg on reg.iso = s.region_iso
where o.org like '%' || :org || '%'
  and a.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by +a.source
order by materials desc, source
