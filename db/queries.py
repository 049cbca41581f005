"""Read-only questions the CLI, the digest and Datasette ask; each returns plain dicts.

Counts follow the contract: *materials* = articles (reprints included), *stories* = distinct story
clusters among them, *mentions* = mentions of the key in them (for `source` and `topic`, where an
article has no mention count, one article is one mention).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from newsmon.core.periods import Period

# by → (join clause, key expression, mentions expression). Each tag table has one row per
# (article, key), so count(*) after the join counts distinct articles.
DIMENSIONS: dict[str, tuple[str, str, str]] = {
    "region": ("join article_regions k on k.article_id = a.id", "k.iso", "sum(k.mentions)"),
    "org": ("join article_orgs k on k.article_id = a.id", "k.org", "sum(k.mentions)"),
    "project": ("join article_projects k on k.article_id = a.id", "k.project", "sum(k.mentions)"),
    "topic": ("join article_topics k on k.article_id = a.id", "k.topic", "count(*)"),
    "source": ("", "a.source", "count(*)"),
    "kind": ("", "a.kind", "count(*)"),  # web or telegram (newsmon.sources.kinds)
}
# Any other `by` is the name of a registered tagger (pipeline.tag.base): its labels.
LABELS = ("join article_labels k on k.article_id = a.id and k.tagger = :by_tagger", "k.label",
          "count(*)")


@dataclass(frozen=True)
class Filters:
    region_iso: str | None = None
    org: str | None = None
    project: str | None = None
    topic: str | None = None
    source: str | None = None
    kind: str | None = None  # web | telegram: the kind of source the material came from
    relevant_only: bool = True
    labels: tuple[tuple[str, str], ...] = ()  # (tagger, label): articles with all of them


def article_conditions(period: Period | None, filters: Filters) -> tuple[str, dict]:
    """The WHERE clause (over `articles a`) selecting the articles a question is about."""
    where = ["1 = 1"]
    params: dict = {}
    if filters.relevant_only:
        where.append("a.relevant = 1")
    if period:
        where.append("a.published between :date_from and :date_to")
        params.update(period.sql_params)
    if filters.source:
        where.append("a.source = :f_source")
        params["f_source"] = filters.source
    if filters.kind:
        where.append("a.kind = :f_kind")
        params["f_kind"] = filters.kind
    for table, column, value, name in (
        ("article_regions", "iso", filters.region_iso, "f_region"),
        ("article_orgs", "org", filters.org, "f_org"),
        ("article_projects", "project", filters.project, "f_project"),
        ("article_topics", "topic", filters.topic, "f_topic"),
    ):
        if value:
            where.append(
                f"exists (select 1 from {table} f where f.article_id = a.id and f.{column} = :{name})"
            )
            params[name] = value
    for k, (tagger, label) in enumerate(filters.labels):
        where.append(
            f"exists (select 1 from article_labels f where f.article_id = a.id"
            f" and f.tagger = :f_tagger{k} and f.label = :f_label{k})"
        )
        params[f"f_tagger{k}"], params[f"f_label{k}"] = tagger, label
    return " and ".join(where), params


def counts(
    db: Database, by: str, period: Period | None, filters: Filters = Filters()
) -> list[dict]:
    """Rows of {by, materials, stories, mentions} (plus `iso` for regions), largest first.

    `group by +key`: the unary plus keeps SQLite from walking a (key, …) index to avoid the
    sort, which reads every row of the table instead of one period's (see benchmarks/bench_db.py).
    """
    join, key, mentions = DIMENSIONS.get(by, LABELS)
    where, params = article_conditions(period, filters)
    if by not in DIMENSIONS:
        params["by_tagger"] = by
    grouped = f"""
        select {key} as key, count(*) as materials, count(distinct a.story_id) as stories,
               {mentions} as mentions
        from articles a {join}
        where {where}
        group by +{key}
    """
    if by == "region":
        sql = f"""
            select r.name as region, r.iso as iso, g.materials, g.stories, g.mentions
            from ({grouped}) g join regions r on r.iso = g.key
            order by g.materials desc, g.mentions desc, r.name
        """
    else:
        sql = f"""
            select g.key as "{by}", g.materials, g.stories, g.mentions from ({grouped}) g
            order by g.materials desc, g.mentions desc, g.key
        """
    return list(db.query(sql, params))


def totals(db: Database, period: Period | None, filters: Filters = Filters()) -> dict:
    where, params = article_conditions(period, filters)
    sql = f"""
        select count(*) as materials, count(distinct a.story_id) as stories,
               count(*) - count(distinct a.story_id) as reprints,
               count(distinct a.source) as outlets,
               (select count(distinct k.iso) from article_regions k
                  join articles a on a.id = k.article_id where {where}) as regions
        from articles a where {where}
    """
    return next(db.query(sql, params))


def articles(
    db: Database, period: Period | None, filters: Filters = Filters(), limit: int | None = None
) -> list[dict]:
    """Articles with their story size and regions, earliest story first, originals before reprints."""
    where, params = article_conditions(period, filters)
    sql = f"""
        select a.id, a.url, a.source, a.title, a.lead, a.published, a.story_id,
               (select count(*) from articles s where s.story_id = a.story_id) as story_size,
               (select group_concat(r.name, '; ') from article_regions k
                  join regions r on r.iso = k.iso where k.article_id = a.id) as regions
        from articles a where {where}
        order by a.published desc, a.id
        {"limit " + str(int(limit)) if limit else ""}
    """
    return list(db.query(sql, params))


def known_values(db: Database, by: str) -> list[str]:
    """Every value a filter on `by` may take (for suggestions on a typo)."""
    sql = {
        "org": "select distinct org from article_orgs",
        "project": "select distinct project from article_projects",
        "topic": "select distinct topic from article_topics",
        "source": "select name from sources",
    }[by]
    return [row[0] for row in db.execute(sql).fetchall()]


def sql_text(name: str) -> str:
    """The SQL of a named question in db/sql/ (shared with Datasette's canned queries)."""
    from importlib import resources

    return resources.files("db").joinpath("sql", f"{name}.sql").read_text("utf-8")


def canned(db: Database, name: str, period: Period | None = None, **params: str) -> list[dict]:
    """Run a db/sql/ question as Datasette would; no period = all time."""
    dates = period.sql_params if period else {"date_from": "", "date_to": ""}
    return list(db.query(sql_text(name), {**dates, **params}))
