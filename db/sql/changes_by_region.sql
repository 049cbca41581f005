-- "What changed since last month?" — materials per region in :month (YYYY-MM) against the month
-- before it, the largest change first; regions new this month are marked.
with bounds as (
  select date(:month || '-01') as this_start,
         date(:month || '-01', '+1 month', '-1 day') as this_end,
         date(:month || '-01', '-1 month') as prev_start,
         date(:month || '-01', '-1 day') as prev_end
),
per_region as (
  select k.iso as iso,
         sum(m.published between b.this_start and b.this_end) as materials,
         sum(m.published between b.prev_start and b.prev_end) as previous
  from materials m
  join article_regions k on k.article_id = m.id
  join bounds b
  where m.published between b.prev_start and b.this_end
  group by k.iso
)
select r.name as region, r.iso as iso, p.materials as materials, p.previous as previous,
       p.materials - p.previous as change,
       case when p.previous = 0 then 'новый регион' when p.materials = 0 then 'нет материалов'
            else '' end as note
from per_region p join regions r on r.iso = p.iso
order by abs(p.materials - p.previous) desc, p.materials desc, region
