"""Why the taggers decided what they did: an optional collector the tagging steps fill as they
decide (`newsmon explain`). The decisions are never made twice: each step records its own reasons
when given a Trace, and does nothing extra without one, so the crawl does not pay for it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MentionStep:
    """One region mention as attribution saw it."""

    start: int
    end: int
    in_title_field: bool  # offsets point into the title, not the text
    iso: str | None  # None: not counted (see rules)
    candidates: tuple[str, ...] = ()
    rules: list[str] = field(default_factory=list)  # codes, see pipeline.tag.explain.RULES
    weight: float = 0.0


@dataclass
class RegionOutcome:
    iso: str
    score: float
    mentions: int
    chosen: bool = False
    rules: list[str] = field(default_factory=list)


@dataclass
class RegionTrace:
    mentions: list[MentionStep] = field(default_factory=list)
    outcomes: dict[str, RegionOutcome] = field(default_factory=dict)
    decided_by: list[str] = field(default_factory=list)  # whole-article rules that decided

    def outcome(self, iso: str) -> RegionOutcome:
        return self.outcomes.setdefault(iso, RegionOutcome(iso, 0.0, 0))


@dataclass
class Span:
    start: int
    end: int
    name: str
    rule: str
    in_title_field: bool = False


@dataclass
class Trace:
    regions: RegionTrace = field(default_factory=RegionTrace)
    topics: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)  # start, end, title
    topics_excluded: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)  # by NOT
    orgs: list[Span] = field(default_factory=list)
    projects: list[Span] = field(default_factory=list)
    orgs_left_out: list[Span] = field(default_factory=list)  # name = the words as written
    projects_left_out: list[Span] = field(default_factory=list)
