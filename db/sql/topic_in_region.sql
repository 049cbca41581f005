-- "Everything about <topic> in <region>" for a period; the region by any name the CLI accepts
-- (official, ISO code, «Приморье»), the topic by any part of its name in any case. Reprints are
-- marked with the number of their story's original.
select m.published as published, m.source as source, m.title as title, m.url as url,
       case when m.story_id = m.id then '' else m.story_id end as reprint_of,
       group_concat(distinct t.topic) as topics
from materials m
join article_topics t on t.article_id = m.id
join article_regions k on k.article_id = m.id
where instr(casefold(t.topic), casefold(trim(:topic))) > 0
  and k.iso = region_iso(:region)
  and m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by m.id
order by m.published desc, m.id
