-- "Everything about <topic> in <region>" for a period; region by official name or ISO code,
-- topic by any part of its name. Reprints are marked with the id of their story's original.
select a.published as published, a.source as source, a.title as title, a.url as url,
       case when a.story_id = a.id then '' else a.story_id end as reprint_of,
       group_concat(distinct t.topic) as topics
from articles a
join article_topics t on t.article_id = a.id
join article_regions k on k.article_id = a.id
join regions r on r.iso = k.iso
where t.topic like '%' || :topic || '%'
  and (r.name = :region or r.iso = upper(:region))
  and a.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by a.id
order by a.published desc, a.id
