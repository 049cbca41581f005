"""The views Datasette shows: `materials` (what counts, the digest and search call a material) and
`all_articles` (every stored article, labelled whether it is a material).

Both are written from `db.queries.article_conditions`, the WHERE clause `newsmon counts` uses, so
the browser and the CLI share one definition of a material; analysts' corrections need nothing
here, since the tag tables and `articles.relevant` always hold the corrected values.
"""

from __future__ import annotations

from sqlite_utils import Database

# Tag lists as JSON arrays (Datasette's array facets), the most mentioned first.
_TAGS = {
    "regions": "select r.name as v from article_regions k join regions r on r.iso = k.iso "
               "where k.article_id = a.id order by k.mentions desc, r.name",
    "topics": "select k.topic as v from article_topics k where k.article_id = a.id order by k.topic",
    "orgs": "select k.org as v from article_orgs k where k.article_id = a.id "
            "order by k.mentions desc, k.org",
    "projects": "select k.project as v from article_projects k where k.article_id = a.id "
                "order by k.mentions desc, k.project",
    # Labels of every registered tagger (tone, …), generically: «tone: негативная».
    "labels": "select k.tagger || ': ' || k.label as v from article_labels k "
              "where k.article_id = a.id order by k.tagger, k.label",
}


def _select(where: str, extra: str = "") -> str:
    tags = ",\n       ".join(
        f"(select json_group_array(v) from ({sql})) as {name}" for name, sql in _TAGS.items()
    )
    return f"""select a.id as id, a.published as published, substr(a.published, 1, 7) as month,
       case a.kind when 'telegram' then 'Telegram' else 'сайт' end as kind,
       a.source as source, a.title as title, a.url as url,{extra}
       coalesce(a.story_id != a.id, 0) as reprint,
       a.story_id as story_id,
       {tags}
from articles a
where {where}"""


def material_condition() -> str:
    """The WHERE clause (over `articles a`) of a material: `newsmon counts`' own, no filters."""
    from db.queries import Filters, article_conditions

    where, params = article_conditions(None, Filters())
    assert not params, "a material's definition takes no parameters"
    return where


def materials_sql() -> str:
    return _select(material_condition())


def all_articles_sql() -> str:
    flag = f"\n       case when {material_condition()} then 'да' else 'нет' end as material,"
    return _select("1 = 1", flag)


def count_sql(view: str) -> str:
    """How many rows a view of this module has (the workspace's home page)."""
    if view not in VIEWS:
        raise ValueError(view)
    return f"select count(*) from {view}"


VIEWS = ("materials", "all_articles")


def create_views(db: Database) -> None:
    for name, sql in (("materials", materials_sql()), ("all_articles", all_articles_sql())):
        db.execute(f"drop view if exists {name}")
        db.execute(f"create view {name} as\n{sql}")
