-- Materials, stories, reprints and mentions per region for a period: the `materials` view (the
-- definition `newsmon counts` uses), so the numbers equal `newsmon counts --by region`
-- (materials = stories + reprints). :date_from / :date_to — YYYY-MM-DD, both days included;
-- empty = unbounded.
select r.name as region, r.iso as iso,
       count(*) as materials,
       count(distinct m.story_id) as stories,
       count(*) - count(distinct m.story_id) as reprints,
       sum(k.mentions) as mentions
from materials m
join article_regions k on k.article_id = m.id
join regions r on r.iso = k.iso
where m.published between coalesce(nullif(:date_from, ''), '0000-00-00')
                      and coalesce(nullif(:date_to, ''), '9999-12-31')
group by r.iso
order by materials desc, mentions desc, region
