"""Everything the digest shows for a period, gathered from the database (pure: no rendering)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from db import queries
from newsmon.periods import Period


@dataclass
class DigestData:
    period: Period
    previous: Period
    totals: dict
    previous_totals: dict
    regions: list[dict] = field(default_factory=list)
    orgs: list[dict] = field(default_factory=list)
    stories: list[dict] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.totals["materials"]


def build_digest(db: Database, period: Period) -> DigestData:
    previous = period.previous()
    stories = [a for a in queries.articles(db, period) if a["story_id"] == a["id"]]
    return DigestData(
        period=period,
        previous=previous,
        totals=queries.totals(db, period),
        previous_totals=queries.totals(db, previous),
        regions=queries.counts(db, "region", period),
        orgs=queries.counts(db, "org", period)[:15],
        stories=stories,
    )
