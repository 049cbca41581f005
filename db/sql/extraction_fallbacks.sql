-- Articles that newsmon's own extractor could not read, so a fallback extractor (trafilatura
-- alone, or the densest text block) was used: which one, and why. Check their text and date.
select a.id as id, a.published as published, a.source as source, a.title as title, a.url as url,
       a.text_method as extractor, a.extract_note as reason, length(a.text) as text_chars
from articles a
where a.extract_note is not null
  and coalesce(a.published, substr(a.fetched_at, 1, 10))
      between coalesce(nullif(:date_from, ''), '0000-00-00')
          and coalesce(nullif(:date_to, ''), '9999-12-31')
order by a.fetched_at desc, a.id
