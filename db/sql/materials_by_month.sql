-- The monthly trend: materials, stories and reprints per month, optionally about one region,
-- organization or project (named as in the CLI: «Приморье», an alias or part of a name).
select m.month as month,
       count(*) as materials,
       count(distinct m.story_id) as stories,
       count(*) - count(distinct m.story_id) as reprints
from materials m
where m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
  and (coalesce(:region, '') = '' or exists (
        select 1 from article_regions k where k.article_id = m.id and k.iso = region_iso(:region)))
  and (coalesce(:org, '') = '' or exists (
        select 1 from article_orgs o where o.article_id = m.id
          and (o.org = org_name(:org) or instr(casefold(o.org), casefold(trim(:org))) > 0)))
  and (coalesce(:project, '') = '' or exists (
        select 1 from article_projects p where p.article_id = m.id
          and (p.project = project_name(:project)
               or instr(casefold(p.project), casefold(trim(:project))) > 0)))
group by m.month
order by m.month
