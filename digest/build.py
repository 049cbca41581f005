"""Everything the digest shows for a period, gathered from the database (pure: no rendering)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db import digest_queries as dq
from db import queries
from db.queries import Filters
from digest.text import change, make_lead, month_short, title_key
from newsmon.core.periods import Period

TOP_STORIES = 10
TOPIC_STORIES = 3
TOP_ORGS = 12
TOP_OUTLETS = 12
CHART_REGIONS = 15
TREND_MONTHS = 12
# The foundation the digest is written for: materials naming it, or a project of its register
# (projects.yml, `registered`), come first. The names are the org register's canonical name and
# the short form the fixtures and older databases use.
FOUNDATION = "Фонд поддержки детей, находящихся в трудной жизненной ситуации"
FOUNDATION_ORGS = (FOUNDATION, "Фонд поддержки детей")
KIND_NAMES = {"web": "сайты изданий", "telegram": "Telegram-каналы"}

HEADLINES = (
    ("materials", "Материалы", "материал"),
    ("stories", "Сюжеты", "сюжет"),
    ("reprints", "Перепечатки", "перепечатка"),
    ("outlets", "Издания", "издание"),
    ("regions", "Регионы", "регион"),
)


@dataclass
class DigestData:
    period: Period
    previous: Period
    totals: dict
    previous_totals: dict
    titles: dict[str, str] = field(default_factory=dict)  # outlet slug → its human name
    headlines: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    orgs: list[dict] = field(default_factory=list)
    more_orgs: int = 0
    stories: list[dict] = field(default_factory=list)
    more_stories: int = 0
    topics: list[dict] = field(default_factory=list)
    outlets: list[dict] = field(default_factory=list)
    more_outlets: int = 0
    projects: list[dict] = field(default_factory=list)
    new_projects: list[dict] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    growth: dict | None = None  # the region that gained most against the previous period
    tone: dict = field(default_factory=dict)  # db.digest_queries.tone_report: _attention.html
    # Relevant materials from Telegram channels: {"materials": n, "posts": [the newest, linked]}
    telegram: dict = field(default_factory=lambda: {"materials": 0, "posts": []})
    foundation: dict = field(default_factory=dict)
    appendix: list[dict] = field(default_factory=list)  # every story with all its materials
    materials: list[dict] = field(default_factory=list)  # every material (the spreadsheet)
    taggers: tuple[str, ...] = ()
    trend: list[dict] = field(default_factory=list)
    kinds: list[dict] = field(default_factory=list)
    monitoring: dict = field(default_factory=dict)
    leaders: dict = field(default_factory=dict)  # «who leads» with ties kept: region, story, org

    @property
    def is_empty(self) -> bool:
        return not self.totals["materials"]

    @property
    def title(self) -> str:
        return f"Мониторинг СМИ: {self.period.label}"

    @property
    def chart_regions(self) -> list[dict]:
        return self.regions[:CHART_REGIONS]

    def outlet(self, name: str | None) -> str:
        """The outlet's human name (`title:` in sources.yml), else its slug."""
        return self.titles.get(name or "", name or "")

    @property
    def hints(self) -> list[str]:
        """Notes for the analyst who runs the digest, never for the press email's readers."""
        out = []
        if self.new_projects:
            names = ", ".join(f"«{p['project']}»" for p in self.new_projects)
            out.append(f"Проекты вне реестра, впервые упомянутые в этом периоде: {names} — если "
                       f"это проекты фонда, добавьте их в projects.yml")
        untitled = sorted({m["source"] for m in self.materials if m["source"] not in self.titles})
        if untitled:
            out.append(f"У изданий нет человеческого названия (title: в sources.yml), в отчёте "
                       f"стоит их имя: {', '.join(untitled)}")
        return out


def _story_entries(rows: list[dict], limit: int) -> list[dict]:
    """Story rows → digest entries: a two-line lead, no two entries with the same title."""
    seen: set[str] = set()
    entries = []
    for row in rows:
        key = title_key(row["title"]) or row["url"]
        if key in seen:
            continue
        seen.add(key)
        entries.append({**row, "lead": make_lead(row["title"], row["lead"], row.pop("text", None))})
        if len(entries) == limit:
            break
    return entries


def _leaders(rows: list[dict], key: str) -> list[dict]:
    """The rows sharing the top value of `key` (a tie is said as a tie); none when it is 0."""
    if not rows or not rows[0][key]:
        return []
    top = max(r[key] for r in rows)
    return [r for r in rows if r[key] == top]


def build_digest(db: Database, period: Period, titles: dict[str, str] | None = None) -> DigestData:
    previous = period.previous()
    totals = queries.totals(db, period)
    previous_totals = queries.totals(db, previous)
    data = DigestData(period=period, previous=previous, totals=totals,
                      previous_totals=previous_totals, titles=dict(titles or {}))
    data.headlines = [
        {"key": key, "label": label, "word": word, "value": totals[key],
         "previous": previous_totals[key], "change": change(totals[key], previous_totals[key])}
        for key, label, word in HEADLINES
    ]
    data.facts = dq.crawl_facts(db, period)
    data.telegram = dq.telegram_materials(db, period)
    data.monitoring = dq.monitoring(db, period)
    data.monitoring["unreachable_names"] = [data.outlet(n) for n in data.monitoring["unreachable"]]
    data.trend = [{"label": month_short(p), "period": p, "materials": n}
                  for p, n in dq.monthly_materials(db, period, TREND_MONTHS)]
    if data.is_empty:
        return data
    from pipeline.tag.base import registered

    data.taggers = tuple(registered())
    data.kinds = [{"kind": k, "name": KIND_NAMES.get(k, k), "materials": n}
                  for k, n in sorted(dq.kinds(db, period).items(), key=lambda kv: -kv[1])]
    _foundation(db, data)
    previous_regions = {r["iso"]: r["materials"] for r in queries.counts(db, "region", previous)}
    data.regions = dq.region_counts(db, period)
    for row in data.regions:
        row["change"] = change(row["materials"], previous_regions.get(row["iso"], 0))
    if previous_totals["materials"]:
        risers = [r for r in data.regions if r["change"]["delta"] > 0]
        data.growth = max(risers, key=lambda r: r["change"]["delta"], default=None)
    orgs = queries.counts(db, "org", period)
    data.orgs, data.more_orgs = orgs[:TOP_ORGS], max(0, len(orgs) - TOP_ORGS)
    ranked = _foundation_first(dq.stories(db, period), data.foundation["stories"])
    data.stories = _story_entries(ranked[:TOP_STORIES * 3], TOP_STORIES)
    data.more_stories = max(0, totals["stories"] - len(data.stories))
    for topic in queries.counts(db, "topic", period):
        rows = dq.stories(db, period, Filters(topic=topic["topic"]), limit=TOPIC_STORIES * 3)
        top = _story_entries(rows, TOPIC_STORIES)
        data.topics.append({**topic, "top": top, "more": max(0, topic["stories"] - len(top))})
    outlets = dq.outlets(db, period)
    data.outlets, data.more_outlets = outlets[:TOP_OUTLETS], max(0, len(outlets) - TOP_OUTLETS)
    data.projects = sorted(dq.projects(db, period), key=lambda p: not p["registered"])
    data.new_projects = [p for p in data.projects if p["is_new"] and not p["registered"]]
    data.tone = dq.tone_report(db, period)
    data.leaders = {
        "regions": _leaders(data.regions, "materials"),
        "stories": _leaders(sorted(ranked, key=lambda r: -r["reprints"]), "reprints"),
        "orgs": _leaders(orgs, "materials"),
    }
    _appendix(db, data, ranked)
    for row in (*data.stories, *data.outlets, *(m for m in data.materials),
                *(s for t in data.topics for s in t["top"]), *data.leaders["stories"]):
        row["outlet"] = data.outlet(row["source"])
    return data


def _foundation(db: Database, data: DigestData) -> None:
    ids = dq.foundation_materials(db, data.period, FOUNDATION_ORGS)
    previous = dq.foundation_materials(db, data.previous, FOUNDATION_ORGS)
    stories = dq.story_ids(db, ids)
    data.foundation = {"name": FOUNDATION, "ids": ids, "stories": stories,
                       "materials": len(ids), "previous": len(previous),
                       "change": change(len(ids), len(previous))}


def _foundation_first(stories: list[dict], foundation_stories: set[int]) -> list[dict]:
    """Stories with a material about the foundation first, each group in its own order."""
    for story in stories:
        story["foundation"] = story["story_id"] in foundation_stories
    return sorted(stories, key=lambda s: not s["foundation"])


def _appendix(db: Database, data: DigestData, ranked: list[dict]) -> None:
    """Every material of the period under its story, stories in the digest's order."""
    data.materials = dq.materials(db, data.period, data.taggers)
    by_story: dict[int, list[dict]] = {}
    for m in data.materials:
        m["foundation"] = m["id"] in data.foundation["ids"]
        by_story.setdefault(m["story_id"], []).append(m)
    for story in ranked:
        members = by_story.pop(story["story_id"], [])
        if members:
            data.appendix.append({"first": members[0], "reprints": members[1:],
                                  "foundation": story["foundation"]})
