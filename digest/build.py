"""Everything the digest shows for a period, gathered from the database (pure: no rendering)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db import digest_queries as dq
from db import queries
from db.queries import Filters
from digest.text import change, make_lead, title_key
from newsmon.core.periods import Period

TOP_STORIES = 10
TOPIC_STORIES = 3
TOP_ORGS = 12
TOP_OUTLETS = 12
CHART_REGIONS = 15

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
    headlines: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    orgs: list[dict] = field(default_factory=list)
    stories: list[dict] = field(default_factory=list)
    topics: list[dict] = field(default_factory=list)
    outlets: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    new_projects: list[dict] = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    growth: dict | None = None  # the region that gained most against the previous period
    tone: dict = field(default_factory=dict)  # db.digest_queries.tone_report: _attention.html
    # Relevant materials from Telegram channels: {"materials": n, "posts": [the newest, linked]}
    telegram: dict = field(default_factory=lambda: {"materials": 0, "posts": []})

    @property
    def is_empty(self) -> bool:
        return not self.totals["materials"]

    @property
    def title(self) -> str:
        return f"Мониторинг СМИ: {self.period.label}"

    @property
    def chart_regions(self) -> list[dict]:
        return self.regions[:CHART_REGIONS]


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


def build_digest(db: Database, period: Period) -> DigestData:
    previous = period.previous()
    totals = queries.totals(db, period)
    previous_totals = queries.totals(db, previous)
    data = DigestData(period=period, previous=previous, totals=totals,
                      previous_totals=previous_totals)
    data.headlines = [
        {"key": key, "label": label, "word": word, "value": totals[key],
         "previous": previous_totals[key], "change": change(totals[key], previous_totals[key])}
        for key, label, word in HEADLINES
    ]
    data.facts = dq.crawl_facts(db, period)
    data.telegram = dq.telegram_materials(db, period)
    if data.is_empty:
        return data
    previous_regions = {r["iso"]: r["materials"] for r in queries.counts(db, "region", previous)}
    data.regions = dq.region_counts(db, period)
    for row in data.regions:
        row["change"] = change(row["materials"], previous_regions.get(row["iso"], 0))
    if previous_totals["materials"]:
        risers = [r for r in data.regions if r["change"]["delta"] > 0]
        data.growth = max(risers, key=lambda r: r["change"]["delta"], default=None)
    data.orgs = queries.counts(db, "org", period)[:TOP_ORGS]
    data.stories = _story_entries(dq.stories(db, period, limit=TOP_STORIES * 3), TOP_STORIES)
    for topic in queries.counts(db, "topic", period):
        rows = dq.stories(db, period, Filters(topic=topic["topic"]), limit=TOPIC_STORIES * 3)
        data.topics.append({**topic, "top": _story_entries(rows, TOPIC_STORIES)})
    data.outlets = dq.outlets(db, period)[:TOP_OUTLETS]
    data.projects = dq.projects(db, period)
    data.new_projects = [p for p in data.projects if p["is_new"] and not p["registered"]]
    data.tone = dq.tone_report(db, period)
    return data
