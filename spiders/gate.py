"""Pagination gate: follow a listing's next page only when this page brought something new.

Each listing page opens a gate with the number of article requests it made. Every one of them
resolves exactly once (stored, dropped, failed, filtered); the first *fresh* resolution (a new
article recent enough for --since) releases the next pages, and a gate whose requests all
resolved without one closes them for good. The released requests go back through Scrapy's own
scheduler, so the frontier stays Scrapy's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Pending:
    left: int
    following: list[Any] = field(default_factory=list)


class PaginationGate:
    def __init__(self, schedule: Callable[[Any], None]) -> None:
        self.schedule = schedule
        self.pending: dict[str, _Pending] = {}
        self.released = 0
        self.stopped = 0
        # An article linked from several listings (the home page and the news list's first page)
        # is requested once: the other listings wait on its outcome instead of counting a
        # duplicate as «nothing new».
        self.waiting: dict[str, list[str]] = {}
        self.outcome: dict[str, bool] = {}

    def join(self, article: str, listing: str) -> bool | None:
        """`listing` links an article already requested this run: its outcome, when known (the
        caller counts it at once), else None and the listing waits for it."""
        if article in self.outcome:
            return self.outcome[article]
        self.waiting.setdefault(article, []).append(listing)
        return None

    def resolve_article(self, article: str | None, listing: str | None, *, fresh: bool) -> None:
        """The request for `article` (first linked from `listing`) reached its end."""
        self.resolve(listing, fresh=fresh)
        if article is None:
            return
        self.outcome[article] = fresh
        for other in self.waiting.pop(article, []):
            self.resolve(other, fresh=fresh)

    def open(self, listing: str, articles: int, following: list[Any]) -> None:
        """Register a listing page; with nothing new on it its pagination is not followed."""
        if not following:
            return
        if articles == 0:
            self.stopped += 1
            return
        self.pending[listing] = _Pending(articles, list(following))

    def resolve(self, listing: str | None, *, fresh: bool) -> None:
        """One article request from `listing` reached its end."""
        gate = self.pending.get(listing) if listing else None
        if gate is None:
            return
        gate.left -= 1
        if fresh:
            del self.pending[listing]
            self.released += 1
            for request in gate.following:
                self.schedule(request)
        elif gate.left <= 0:
            del self.pending[listing]
            self.stopped += 1

    def close_all(self) -> None:
        """The crawl is idle: any gate still open lost a resolution; do not follow it."""
        self.stopped += len(self.pending)
        self.pending.clear()
