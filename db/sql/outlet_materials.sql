-- "What did <outlet> publish?" — its materials for a period, newest first; the outlet by its
-- name in sources.yml, any case.
select m.id as id, m.published as published, m.title as title, m.url as url,
       m.reprint as reprint, m.regions as regions, m.topics as topics, m.projects as projects
from materials m
where casefold(m.source) = casefold(trim(:source))
  and m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
order by m.published desc, m.id desc
