"""Digest-only questions (stories, outlets, projects, crawl facts); shared counts: db.queries.

Every question counts topic-relevant articles of the period only, as db.queries does.
"""

from __future__ import annotations

from sqlite_utils import Database

from db.queries import Filters, article_conditions, counts
from newsmon.core.periods import Period

ALL = Filters()


def stories(
    db: Database, period: Period, filters: Filters = ALL, limit: int | None = None
) -> list[dict]:
    """Story clusters of the period, biggest first: one row per story with its first publication.

    `materials` counts the story's publications in the period, `reprints` = materials − 1,
    `outlets` the distinct outlets that carried it. The row's title/lead/url/source/date are those
    of the earliest publication in the period (the original when it falls in the period).
    """
    where, params = article_conditions(period, filters)
    sql = f"""
        with p as (select a.* from articles a where {where}),
        g as (
            select story_id, count(*) as materials, count(distinct source) as outlets,
                   min(published) as first_published
            from p group by story_id
        ),
        firsts as (
            select p.story_id, p.id, row_number() over (
                partition by p.story_id order by p.published, p.id = p.story_id desc, p.id
            ) as n
            from p
        )
        select g.story_id, g.materials, g.materials - 1 as reprints, g.outlets,
               a.id, a.url, a.source, a.title, a.lead, substr(a.text, 1, 6000) as text,
               a.published,
               (select group_concat(name, '; ') from (
                    select r.name from p m join article_regions k on k.article_id = m.id
                    join regions r on r.iso = k.iso where m.story_id = g.story_id
                    group by r.iso order by sum(k.mentions) desc, r.name limit 3)) as regions
        from g join firsts f on f.story_id = g.story_id and f.n = 1
        join articles a on a.id = f.id
        order by g.materials desc, g.outlets desc, g.first_published desc, g.story_id
        {"limit " + str(int(limit)) if limit else ""}
    """
    return list(db.query(sql, params))


def outlets(db: Database, period: Period) -> list[dict]:
    """Outlets ranked by materials, with how many of them were first to publish a story."""
    where, params = article_conditions(period, Filters())
    sql = f"""
        select a.source, s.url as url, count(*) as materials,
               count(distinct a.story_id) as stories,
               sum(a.id = a.story_id) as originals,
               sum(a.id != a.story_id) as reprints
        from articles a left join sources s on s.name = a.source
        where {where}
        group by a.source
        order by materials desc, originals desc, a.source
    """
    return list(db.query(sql, params))


def region_counts(db: Database, period: Period) -> list[dict]:
    """Regions ranked by materials (db.queries.counts rows, with the district added)."""
    rows = counts(db, "region", period)
    districts = dict(db.execute("select iso, district from regions").fetchall())
    for row in rows:
        row["district"] = districts.get(row["iso"], "")
    return rows


def projects(db: Database, period: Period) -> list[dict]:
    """Projects of the period: materials, stories, reprints, top regions with their materials
    («Хабаровский край — 3; Приморский край — 1»), registered or not, and
    whether the project is new (not mentioned by any relevant article before the period)."""
    where, params = article_conditions(period, Filters())
    sql = f"""
        with p as (select a.* from articles a where {where})
        select k.project, count(distinct p.id) as materials,
               count(distinct p.story_id) as stories,
               count(distinct p.id) - count(distinct p.story_id) as reprints,
               max(k.registered) as registered,
               (select group_concat(name || ' — ' || n, '; ') from (
                    select r.name, count(distinct m.id) as n
                    from p m join article_projects kp on kp.article_id = m.id
                    join article_regions kr on kr.article_id = m.id
                    join regions r on r.iso = kr.iso
                    where kp.project = k.project
                    group by r.iso order by n desc, r.name limit 4)) as regions,
               not exists (
                    select 1 from article_projects o join articles b on b.id = o.article_id
                    where o.project = k.project and b.relevant = 1
                      and b.published < :date_from) as is_new
        from p join article_projects k on k.article_id = p.id
        group by k.project
        order by materials desc, stories desc, k.project
    """
    return list(db.query(sql, params))


def telegram_materials(db: Database, period: Period, limit: int = 10) -> dict:
    """How many relevant materials of the period came from Telegram channels, and the newest
    of them (url, title, source, published) to link."""
    where, params = article_conditions(period, Filters(kind="telegram"))
    total = db.execute(f"select count(*) from articles a where {where}", params).fetchone()[0]
    items = list(db.query(
        f"select a.url, a.title, a.source, a.published from articles a where {where} "
        f"order by a.published desc, a.id limit {int(limit)}", params))
    return {"materials": total, "posts": items}


def crawl_facts(db: Database, period: Period) -> dict:
    """What the methods note says: sources watched, sources that published, all articles read."""
    params = period.sql_params
    sources_total = db.execute("select count(*) from sources").fetchone()[0]
    row = db.execute(
        "select count(*), count(distinct source), coalesce(sum(relevant), 0) from articles "
        "where published between :date_from and :date_to",
        params,
    ).fetchone()
    runs = db.execute(
        "select count(*), min(started), max(coalesce(finished, started)) from runs "
        "where kind = 'crawl' and substr(started, 1, 10) between :date_from and :date_to",
        params,
    ).fetchone()
    undated = db.execute("select count(*) from articles where published is null").fetchone()[0]
    where, where_params = article_conditions(period, Filters())
    no_region = db.execute(
        f"select count(*) from articles a where {where} and not exists "
        "(select 1 from article_regions k where k.article_id = a.id)", where_params,
    ).fetchone()[0]
    return {
        "sources": max(sources_total, row[1]),
        "active_sources": row[1],
        "articles": row[0],
        "relevant": row[2],
        "runs": runs[0],
        "undated": undated,
        "no_region": no_region,
    }


# A material counts as negative when its own tone is negative or the text is negative toward any
# organisation or project it names: the digest never shows such a material as positive.
_EFFECTIVE_TONE = """
    case when exists (select 1 from article_tones t where t.article_id = p.id and t.tone = 'negative')
              or l.label = 'negative' then 'negative'
         else coalesce(l.label, 'neutral') end
"""


def tone_report(
    db: Database, period: Period, foundation: str = "Фонд поддержки детей", limit: int = 20
) -> dict:
    """What the digest's «Требует внимания» section shows (docs/tone.md):

    - `attention`: negative materials of the period, newest first, with their link, outlet,
      regions and the objects the text is negative toward;
    - `regions`: per region, materials by tone (positive / neutral / negative);
    - `objects`: the same split for the foundation and its projects (per-object tones);
    - `totals`: the split over all materials of the period.
    """
    where, params = article_conditions(period, Filters())
    params = {**params, "foundation": foundation + "%"}
    base = f"""
        with p as (select a.* from articles a where {where}),
        e as (select p.id, {_EFFECTIVE_TONE} as tone from p
              left join article_labels l on l.article_id = p.id and l.tagger = 'tone')
    """
    attention = list(db.query(
        base + f"""
        select p.id, p.url, p.title, p.source, p.published,
               (select group_concat(r.name, '; ') from article_regions k
                  join regions r on r.iso = k.iso where k.article_id = p.id) as regions,
               (select group_concat(t.object, '; ') from article_tones t
                  where t.article_id = p.id and t.tone = 'negative') as objects
        from p join e on e.id = p.id
        where e.tone = 'negative'
        order by p.published desc, p.id desc
        limit {int(limit)}
        """, params))
    split = """sum(e.tone = 'positive') as positive, sum(e.tone = 'neutral') as neutral,
               sum(e.tone = 'negative') as negative, count(*) as materials"""
    regions = list(db.query(
        base + f"""
        select r.name as region, r.iso, {split}
        from e join article_regions k on k.article_id = e.id join regions r on r.iso = k.iso
        group by r.iso order by materials desc, negative desc, r.name
        """, params))
    objects = list(db.query(
        base + """
        select t.object, sum(t.tone = 'positive') as positive, sum(t.tone = 'neutral') as neutral,
               sum(t.tone = 'negative') as negative, count(*) as materials
        from p join article_tones t on t.article_id = p.id
        where t.object like :foundation
           or exists (select 1 from article_projects k where k.article_id = p.id
                      and k.project = t.object)
        group by t.object order by materials desc, negative desc, t.object
        """, params))
    totals = next(db.query(base + f"select {split} from e", params))
    return {"attention": attention, "regions": regions, "objects": objects, "totals": totals}
def materials(db: Database, period: Period, taggers: tuple[str, ...] = ()) -> list[dict]:
    """Every material of the period with its tags, story by story (the story's first publication
    first): the appendix and the spreadsheet. `taggers`: registered taggers whose labels to add,
    one key each («tone»: «негативная; нейтральная»)."""
    where, params = article_conditions(period, Filters())

    def tags(table: str, column: str, order: str) -> str:
        return (f"(select group_concat(v, '; ') from (select k.{column} as v from {table} k "
                f"where k.article_id = a.id order by {order}))")

    labels = "".join(
        f", (select group_concat(label, '; ') from (select l.label from article_labels l "
        f"where l.article_id = a.id and l.tagger = :tagger{i} order by l.label)) as \"{name}\""
        for i, name in enumerate(taggers)
    )
    params.update({f"tagger{i}": name for i, name in enumerate(taggers)})
    sql = f"""
        select a.id, a.url, a.source, a.title, a.published, a.story_id, a.kind,
               a.id = a.story_id as is_original,
               (select group_concat(v, '; ') from (select r.name as v from article_regions k
                  join regions r on r.iso = k.iso where k.article_id = a.id
                  order by k.mentions desc, r.name)) as regions,
               {tags("article_orgs", "org", "k.mentions desc, k.org")} as orgs,
               {tags("article_projects", "project", "k.mentions desc, k.project")} as projects,
               {tags("article_topics", "topic", "k.topic")} as topics
               {labels}
        from articles a where {where}
        order by a.story_id, a.published, a.id != a.story_id, a.id
    """
    return list(db.query(sql, params))


def monthly_materials(db: Database, last: Period, months: int = 12) -> list[tuple[Period, int]]:
    """Materials per calendar month for the `months` months ending with the one `last` ends in."""
    from newsmon.core.periods import month_period

    periods = []
    year, month = last.end.year, last.end.month
    for _ in range(months):
        periods.append(month_period(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    periods.reverse()
    out = []
    for p in periods:
        where, params = article_conditions(p, Filters())
        out.append((p, db.execute(f"select count(*) from articles a where {where}",
                                  params).fetchone()[0]))
    return out


def kinds(db: Database, period: Period) -> dict[str, int]:
    """Materials per source kind (`web`, `telegram`)."""
    where, params = article_conditions(period, Filters())
    rows = db.execute(f"select a.kind, count(*) from articles a where {where} group by a.kind",
                      params).fetchall()
    return {kind or "web": n for kind, n in rows}


def foundation_materials(db: Database, period: Period, org_names: tuple[str, ...]) -> set[int]:
    """Ids of the period's materials about the foundation: naming one of `org_names`, or a project
    of its register (article_projects.registered)."""
    where, params = article_conditions(period, Filters())
    marks = ", ".join(f":org{i}" for i in range(len(org_names))) or "null"
    params.update({f"org{i}": name for i, name in enumerate(org_names)})
    sql = f"""
        select a.id from articles a where {where} and (
            exists (select 1 from article_orgs o where o.article_id = a.id and o.org in ({marks}))
            or exists (select 1 from article_projects k where k.article_id = a.id
                       and k.registered = 1))
    """
    return {row[0] for row in db.execute(sql, params).fetchall()}


def story_ids(db: Database, article_ids: set[int]) -> set[int]:
    """The stories the given articles belong to."""
    marks = ",".join("?" * len(article_ids))
    return {row[0] for row in db.execute(
        f"select distinct story_id from articles where id in ({marks})",
        list(article_ids)).fetchall()}


def monitoring(db: Database, period: Period) -> dict:
    """How collection ran: the crawls started in the period (or, with none, the latest one before
    its end), the outlets they checked and those that answered no page at all."""
    params = period.sql_params
    runs = [row[0] for row in db.execute(
        "select id from runs where substr(started, 1, 10) between :date_from and :date_to",
        params).fetchall()]
    latest = None
    if not runs:
        # The latest crawl up to the period's end; failing that (an archive crawled later), the
        # latest crawl at all.
        row = db.execute("select id, substr(started, 1, 10) from runs "
                         "order by substr(started, 1, 10) <= :date_to desc, started desc limit 1",
                         params).fetchone()
        if row:
            runs, latest = [row[0]], row[1]
    if not runs:
        return {"runs": 0, "checked": 0, "unreachable": [], "latest": None}
    marks = ",".join("?" * len(runs))
    per_source = db.execute(
        f"select source, sum(pages), max(last_error) from run_sources where run_id in ({marks}) "
        "group by source order by source", runs).fetchall()
    unreachable = [source for source, pages, _ in per_source if not pages]
    return {"runs": len(runs) if latest is None else 0, "checked": len(per_source),
            "unreachable": unreachable, "latest": latest}
