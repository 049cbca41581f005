-- "Which outlets wrote about <organization>?" — any part of the name in any case («тимченко»), or
-- an alias the CLI knows, for a period.
select m.source as source, reg.name as outlet_region,
       count(distinct m.id) as materials,
       count(distinct m.story_id) as stories,
       min(m.published) as first_published,
       max(m.published) as last_published,
       group_concat(distinct o.org) as organizations
from materials m
join article_orgs o on o.article_id = m.id
left join sources s on s.name = m.source
left join regions reg on reg.iso = s.region_iso
where (instr(casefold(o.org), casefold(trim(:org))) > 0 or o.org = org_name(:org))
  and m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by +m.source
order by materials desc, source
