"""What the taggers read and fill: one article's text, tokens and NER spans, and the hits each
built-in tagger adds (Natasha's Doc in miniature: each step fills its own field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.lang.morph import Token
from pipeline.tag.trace import Trace


@dataclass
class Entity:
    start: int
    end: int
    type: str  # PER | LOC | ORG
    text: str
    normal: str


@dataclass
class RegionHit:
    region: str
    iso: str
    mentions: int


@dataclass
class OrgHit:
    name: str
    mentions: int


@dataclass
class ArticleDoc:
    text: str
    title: str = ""
    home_iso: str | None = None
    tokens: list[Token] = field(default_factory=list)
    title_tokens: list[Token] = field(default_factory=list)
    ner: list[tuple[int, int, str]] = field(default_factory=list)
    title_ner: list[tuple[int, int, str]] = field(default_factory=list)
    main_end: int = 0  # where a related-news block starts
    title_in_text: bool = False
    title_span: tuple[int, int] | None = None  # the line of the text that repeats the title
    entities: list[Entity] = field(default_factory=list)
    regions: list[RegionHit] = field(default_factory=list)
    orgs: list[OrgHit] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    projects: list = field(default_factory=list)
    # What registered taggers publish beside their labels, printed by `newsmon tag` under its key
    # (the tone tagger: "tone" and "tones").
    extras: dict[str, Any] = field(default_factory=dict)
    trace: Trace | None = None  # filled only for newsmon explain (pipeline.tag.trace)
