-- A story with all its reprints: every stored article of the story of the given article (its
-- number or address), the original first; whether each one counts as a material.
select a.id as id, a.published as published, a.kind as kind, a.source as source,
       a.title as title, a.url as url, a.reprint as reprint, a.material as material,
       a.regions as regions
from all_articles a
where a.story_id = (select coalesce(x.story_id, x.id) from articles x
                    where x.id = cast(trim(:article) as integer) or x.url = trim(:article))
order by a.reprint, a.published, a.id
