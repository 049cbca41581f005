-- Full-text search as `newsmon search` does it (db/search.py): every inflection of a Russian word,
-- OR/ИЛИ, NOT/НЕ, "phrases", prefix*; best first with a snippet. Like the CLI it searches every
-- stored article; the «material» column tells which ones count.
select a.id as id, a.published as published, a.source as source, a.title as title, a.url as url,
       a.reprint as reprint, a.material as material,
       search_score(f.title, f.body, :q) as score,
       search_snippet(x.text, :q) as snippet
from articles_fts f
join all_articles a on a.id = f.rowid
join articles x on x.id = f.rowid
where articles_fts match fts_match(:q)
  and (coalesce(:date_from, '') = '' and coalesce(:date_to, '') = ''
       or a.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                          and coalesce(nullif(:date_to, ''), '9999-12-31'))
  and (coalesce(:region, '') = '' or exists (
        select 1 from article_regions k where k.article_id = a.id and k.iso = region_iso(:region)))
  and (coalesce(:source, '') = '' or casefold(a.source) = casefold(trim(:source)))
order by score desc, a.id desc
limit 100
