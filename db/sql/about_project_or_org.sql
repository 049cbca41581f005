-- "What was written about <project or organization> in <region> for a period?" — every material,
-- newest first. Names as in the CLI: an alias, any case, a region's informal name («Приморье»).
-- An empty field is no restriction.
select m.id as id, m.published as published, m.kind as kind, m.source as source,
       m.title as title, m.url as url, m.reprint as reprint,
       m.regions as regions, m.orgs as orgs, m.projects as projects
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
order by m.published desc, m.id desc
