"""Re-tag stored articles after the taggers or an analyst's topics/orgs/projects files changed.

Articles are read and tagged in batches (Natasha's NER is cheaper in bulk); each batch is written
in one transaction through db.corrections.write_machine_tags, which re-applies the analysts' corrections,
so a crash loses at most the batch in flight and a rerun gives the same tables. Story clusters come
from the texts' signatures, not from tags, and stay as they are. The run is recorded in `runs`
(kind `retag`) with a JSON summary of what moved.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlite_utils import Database

from db.corrections import write_machine_tags
from db.runs import finish_run, now_iso, start_run
from db.tags import TagValues, read_field
from db.tx import write_tx

if TYPE_CHECKING:
    from newsmon.core.periods import Period
    from pipeline.tag.run import TagConfig, TagResult

BATCH = 64
EXAMPLES = 5


@dataclass
class Change:
    article_id: int
    title: str
    before: object
    after: object


@dataclass
class RetagReport:
    run_id: int
    articles: int = 0
    relevance: list[Change] = field(default_factory=list)
    regions: list[Change] = field(default_factory=list)
    orgs: int = 0
    projects: int = 0
    topics: int = 0
    corrected: int = 0  # articles whose corrections were re-applied

    def summary(self) -> dict:
        return {
            "articles": self.articles,
            "relevance_changed": len(self.relevance),
            "became_relevant": sum(1 for c in self.relevance if c.after),
            "became_irrelevant": sum(1 for c in self.relevance if not c.after),
            "regions_changed": len(self.regions),
            "orgs_changed": self.orgs,
            "projects_changed": self.projects,
            "topics_changed": self.topics,
            "corrected_articles": self.corrected,
        }


def values_of(result: TagResult) -> TagValues:
    return TagValues(
        relevant=result.relevant,
        regions=[(r.iso, r.mentions) for r in result.regions],
        orgs=[(o.name, o.mentions) for o in result.orgs],
        topics=list(result.topics),
        projects=[(p.name, p.mentions, bool(p.registered)) for p in result.projects],
        labels=[(name, label) for name, labels in result.labels.items() for label in labels],
        tones=[(t["object"], t["tone"], bool(t["mixed"]))
               for t in result.extras.get("tones", ())],
    )


def _selection(period: Period | None) -> tuple[str, list]:
    if period is None:
        return "", []
    return " and a.published between ? and ?", [period.start.isoformat(), period.end.isoformat()]


def _keys(rows: object) -> list:
    return sorted(row[0] for row in rows) if isinstance(rows, list) else []


def retag(
    db: Database, config: TagConfig, period: Period | None = None, *, batch: int = BATCH,
    progress: Callable[[int, int], None] | None = None,
    home_default_kinds: frozenset[str] = frozenset(),
    home_default_sources: frozenset[str] = frozenset(),
    source_names: dict[str, tuple[str, ...]] | None = None,
) -> RetagReport:
    """Tag the period's stored articles again (all when None); return what moved.

    ``home_default_kinds``: the source kinds whose materials naming no region are about the home
    region (newsmon.sources.kinds `home_by_default`), as the crawl tags them;
    ``home_default_sources``: the sources of those kinds' voice by their name (a regional body's
    site: newsmon.sources.voice); ``source_names``: each source's own names, whose topics its
    materials about its own work are on (pipeline.tag.own_work)."""
    from pipeline.tag.own_work import with_source
    from pipeline.tag.run import tag_many

    where, params = _selection(period)
    total = db.execute(f"select count(*) from articles a where 1 = 1{where}", params).fetchone()[0]
    run_id = start_run(db, None, kind="retag")
    report = RetagReport(run_id)
    status = "failed"
    try:
        last = 0
        while True:
            rows = db.execute(
                f"""select a.id, a.text, coalesce(a.title, ''), s.region_iso, a.kind, a.source,
                      exists(select 1 from article_links l
                             where l.article_id = a.id and l.rel = 'forward')
                    from articles a left join sources s on s.name = a.source
                    where a.id > ?{where} order by a.id limit ?""",
                [last, *params, batch],
            ).fetchall()
            if not rows:
                break
            results = tag_many([(text, title, home) for _, text, title, home, *_ in rows], config)
            for (_, text, title, home, kind, source, forwards), result in zip(rows, results):
                # A forwarded post or a reprint of another site's page is not the body's voice.
                home_voice = not forwards and (kind in home_default_kinds
                                               or source in home_default_sources)
                with_source(result, text, title, home, (source_names or {}).get(source, ()),
                            config.topics, home_voice=home_voice, republished=bool(forwards))
            with write_tx(db):
                for (article_id, _, title, *_), result in zip(rows, results):
                    _write(db, report, article_id, title, values_of(result), config)
                db["runs"].update(run_id, {"pages": report.articles})
            last = rows[-1][0]
            if progress is not None:
                progress(report.articles, total)
        status = "ok"
    finally:
        finish_run(db, run_id, status, {})
        with write_tx(db):
            db["runs"].update(run_id, {
                "finished": now_iso(), "pages": report.articles,
                "note": json.dumps(report.summary(), ensure_ascii=False),
            })
    return report


def _write(
    db: Database, report: RetagReport, article_id: int, title: str, values: TagValues,
    config: TagConfig,
) -> None:
    fields = ("relevant", "regions", "orgs", "projects")
    before = {f: read_field(db, article_id, f) for f in fields}
    topics_before = _topics(db, article_id)
    write_machine_tags(db, article_id, values, taggers=config.taggers)
    after = {f: read_field(db, article_id, f) for f in fields}
    report.articles += 1
    if before["relevant"] != after["relevant"]:
        report.relevance.append(
            Change(article_id, title, before["relevant"], after["relevant"])
        )
    if _keys(before["regions"]) != _keys(after["regions"]):
        report.regions.append(
            Change(article_id, title, _keys(before["regions"]), _keys(after["regions"]))
        )
    report.orgs += _keys(before["orgs"]) != _keys(after["orgs"])
    report.projects += _keys(before["projects"]) != _keys(after["projects"])
    report.topics += topics_before != _topics(db, article_id)
    if db.execute("select 1 from corrections where article_id = ? limit 1", [article_id]).fetchone():
        report.corrected += 1


def _topics(db: Database, article_id: int) -> list[str]:
    rows = db.execute("select topic from article_topics where article_id = ?", [article_id])
    return sorted(r[0] for r in rows)
