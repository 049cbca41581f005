"""The tagging stage: Natasha NER + lemma gazetteers → entities, regions, organizations, topics.

One `ArticleDoc` per article, filled by small steps (segment → ner → regions → orgs → topics →
projects), each a function that fills one field, as Natasha's Doc does. Natasha's models load once
per process (pipeline.lang.models.get_models) and `tag_many` batches the NER calls.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.lang.models import get_models
from pipeline.lang.morph import tokenize
from pipeline.tag.base import Tagger, load_taggers
from pipeline.tag.doc import ArticleDoc, Entity, OrgHit, RegionHit
from pipeline.tag.entities import find_entities
from pipeline.tag.orgs import names as orgnames
from pipeline.tag.orgs import tagger as orgs_mod
from pipeline.tag.regions import attribution
from pipeline.tag.regions import gazetteer as regions_mod
from pipeline.tag.topics import Topic, default_topics, load_topics, match_topics, merge_topics
from pipeline.tag.trace import Span, Trace

log = logging.getLogger(__name__)


@dataclass
class TagResult:
    entities: list[Entity]
    regions: list[RegionHit]
    orgs: list[OrgHit]
    projects: list  # list[pipeline.tag.projects.tagger.ProjectHit]
    relevant: bool
    topics: list[str]
    # Labels of the registered taggers (pipeline.tag.base.TAGGERS), by tagger name.
    labels: dict[str, list[str]] = field(default_factory=dict)
    # What the registered taggers publish beside their labels (ArticleDoc.extras): "tone", "tones".
    extras: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict:
        """The `newsmon tag` JSON (docs/commands.md); `labels` only when a tagger is registered."""
        labels = {"labels": {k: list(v) for k, v in self.labels.items()}} if self.labels else {}
        return {
            "entities": [
                {"start": e.start, "end": e.end, "type": e.type, "text": e.text, "normal": e.normal}
                for e in self.entities
            ],
            "regions": [
                {"region": r.region, "iso": r.iso, "mentions": r.mentions} for r in self.regions
            ],
            "orgs": [{"name": o.name, "mentions": o.mentions} for o in self.orgs],
            "projects": [_project_json(p) for p in self.projects],
            "relevant": self.relevant,
            "topics": list(self.topics),
            **self.extras,
            **labels,
        }


def _project_json(p: Any) -> dict:
    if isinstance(p, dict):
        return {"name": p["name"], "mentions": p["mentions"], "registered": bool(p["registered"])}
    return {"name": p.name, "mentions": p.mentions, "registered": bool(p.registered)}


@dataclass(frozen=True, eq=False)
class TagConfig:
    """Topics, organization aliases and the projects register file, defaults plus a user's files."""

    topics: tuple[Topic, ...]
    orgs: orgs_mod.OrgRegistry
    projects_file: Path | None = None
    taggers: dict[str, Tagger] = field(default_factory=dict)  # pipeline.tag.base registry


@functools.cache
def _default_config() -> TagConfig:
    return TagConfig(tuple(default_topics()), orgs_mod.build_default(), taggers=load_taggers())


def load_tag_config(user_dir: Path | None = None) -> TagConfig:
    """Shipped defaults, extended by topics.yml / orgs.yml / projects.yml found in `user_dir`.

    A mistake in a user's file raises UserError naming the file and the line.
    """
    if user_dir is None:
        return _default_config()
    user_dir = Path(user_dir)
    topics = default_topics()
    if (user_dir / "topics.yml").is_file():
        topics = merge_topics(topics, load_topics(user_dir / "topics.yml"))
    entries = orgs_mod.default_entries()
    if (user_dir / "orgs.yml").is_file():
        entries += orgs_mod.load_org_entries(user_dir / "orgs.yml")
    projects = user_dir / "projects.yml"
    return TagConfig(
        tuple(topics),
        orgs_mod.build_registry(entries),
        projects if projects.is_file() else None,
        load_taggers(),
    )


# --- one article ---------------------------------------------------------------------------------


def segment(doc: ArticleDoc) -> None:
    doc.tokens = tokenize(doc.text)
    doc.title_tokens = tokenize(doc.title) if doc.title else []
    doc.main_end = attribution.related_cut(doc.text)
    doc.title_span = attribution.title_line(doc.text, doc.title)
    doc.title_in_text = doc.title_span is not None


def ner(doc: ArticleDoc, markups: tuple[Any, Any] | None = None) -> None:
    """Natasha NER spans for text and title (markups passed in by tag_many's batched call)."""
    if markups is None:
        tagger = get_models().ner_tagger
        texts = [t for t in (doc.text, doc.title) if t.strip()]
        got = iter(tagger.map(texts))
        markups = (
            next(got) if doc.text.strip() else None,
            next(got) if doc.title.strip() else None,
        )
    text_m, title_m = markups
    doc.ner = [(s.start, s.stop, s.type) for s in text_m.spans] if text_m else []
    doc.title_ner = [(s.start, s.stop, s.type) for s in title_m.spans] if title_m else []
    doc.entities = find_entities(doc.text, doc.ner)


def find_regions(doc: ArticleDoc) -> None:
    mentions = regions_mod.find_mentions(doc.text, ner_spans=doc.ner, tokens=doc.tokens)
    title_mentions = (
        regions_mod.follow_districts(
            doc.title,
            regions_mod.find_mentions(
                doc.title, ner_spans=doc.title_ner, tokens=doc.title_tokens
            ),
            regions_mod.district_names(doc.text, mentions),
        )
        if doc.title and not doc.title_in_text
        else []
    )
    # «Находка, Тазовский район: …» over «В Находке сейчас четыре приёмные семьи»: the headline
    # places the town for the text, and the text for the headline.
    mentions = regions_mod.follow_town_districts(
        doc.text, mentions, regions_mod.town_districts(doc.title, title_mentions))
    title_mentions = regions_mod.follow_town_districts(
        doc.title, title_mentions, regions_mod.town_districts(doc.text, mentions))
    attributed = attribution.attribute(
        doc.text,
        mentions,
        title_mentions=title_mentions,
        title=doc.title,
        title_span=doc.title_span,
        home_iso=doc.home_iso,
        tokens=doc.tokens,
        trace=doc.trace.regions if doc.trace is not None else None,
    )
    doc.regions = [RegionHit(r.name, r.iso, n) for r, n in attributed]


def find_orgs(doc: ArticleDoc, config: TagConfig) -> None:
    main = doc.text[: doc.main_end]
    toks = [t for t in doc.tokens if t.end <= doc.main_end]
    spans = [s for s in doc.ner if s[1] <= doc.main_end]
    region = doc.regions[0].region if doc.regions else None
    rules: dict[tuple[int, int], str] | None = {} if doc.trace is not None else None
    title_rules: dict[tuple[int, int], str] | None = {} if doc.trace is not None else None
    found = orgs_mod.find_orgs(
        main, tokens=toks, ner_spans=spans, registry=config.orgs, home_region=region,
        rules=rules,
    )
    in_title: list = []
    if doc.title and not doc.title_in_text:
        in_title = orgs_mod.find_orgs(
            doc.title, tokens=doc.title_tokens, ner_spans=doc.title_ner, registry=config.orgs,
            rules=title_rules,
        )
    found = orgs_mod.merge_quoted(found + in_title)
    titles = frozenset(m.name for m in in_title) - {
        m.name for m in found[: len(found) - len(in_title)]
    }
    found = orgnames.merge_regional(found, config.orgs.abbreviations, titles)
    if doc.trace is not None and rules is not None and title_rules is not None:
        n_text = len(found) - len(in_title)
        doc.trace.orgs = [
            Span(m.start, m.end, m.name, (rules if k < n_text else title_rules).get(
                (m.start, m.end), "government"), in_title_field=k >= n_text)
            for k, m in enumerate(found)
        ]
        doc.trace.orgs_left_out = [  # find_orgs keys what it left out as (start, -end - 1)
            Span(s, -e - 1, (doc.title if in_title else doc.text)[s : -e - 1], why, in_title)
            for in_title, found_rules in ((False, rules), (True, title_rules))
            for (s, e), why in found_rules.items()
            if e < 0
        ]
    doc.orgs = [OrgHit(name, n) for name, n in orgs_mod.count_orgs(found)]


def find_topics(doc: ArticleDoc, config: TagConfig) -> None:
    toks = [t for t in doc.tokens if t.end <= doc.main_end]
    n_title = 0
    if doc.title and not doc.title_in_text:
        toks = doc.title_tokens + toks
        n_title = len(doc.title_tokens)
    evidence: dict[str, list[int]] | None = {} if doc.trace is not None else None
    excluded: dict[str, list[int]] | None = {} if doc.trace is not None else None
    doc.topics = match_topics(
        "", list(config.topics), tokens=toks, trace=evidence, excluded=excluded
    )
    if doc.trace is not None and evidence is not None and excluded is not None:
        doc.trace.topics, doc.trace.topics_excluded = (
            {name: [(toks[k].start, toks[k].end, k < n_title) for k in found]
             for name, found in hits.items()}
            for hits in (evidence, excluded)
        )


def find_projects(doc: ArticleDoc, config: TagConfig) -> None:
    registry = _projects_registry(config.projects_file)
    if registry is None:
        return
    from pipeline.tag.projects import tagger as projects

    main = doc.text[: doc.main_end]
    shift = 0
    if doc.title and not doc.title_in_text:
        main = doc.title + "\n" + main
        shift = len(doc.title) + 1
    spans: list[Span] | None = [] if doc.trace is not None else None
    try:
        doc.projects = list(projects.find_projects(main, registry, spans))
        if doc.trace is not None and spans is not None:
            moved = [  # offsets back into the text, or into the title
                Span(s.start - shift, s.end - shift, s.name, s.rule)
                if s.start >= shift else Span(s.start, s.end, s.name, s.rule, in_title_field=True)
                for s in spans
            ]
            doc.trace.projects = [s for s in moved if s.rule != "not_project"]
            doc.trace.projects_left_out = [s for s in moved if s.rule == "not_project"]
    except Exception:  # another stage's bug must not lose the article's regions and topics
        log.exception("pipeline.tag.projects.tagger.find_projects failed; projects left empty")
        doc.projects = []


@functools.cache
def _projects_registry(path: Path | None) -> Any:
    """pipeline.tag.projects.tagger is another engineer's module: used when importable with its interface."""
    try:
        from pipeline.tag.projects import tagger as projects
    except ImportError:
        return None
    if not (hasattr(projects, "load_registry") and hasattr(projects, "find_projects")):
        return None
    return projects.load_registry(path)


def _run(doc: ArticleDoc, config: TagConfig, markups: tuple[Any, Any] | None) -> TagResult:
    segment(doc)
    ner(doc, markups)
    find_regions(doc)
    find_orgs(doc, config)
    find_topics(doc, config)
    find_projects(doc, config)
    labels = {name: list(tagger.tag(doc)) for name, tagger in config.taggers.items()}
    return TagResult(
        doc.entities, doc.regions, doc.orgs, doc.projects, bool(doc.topics), doc.topics, labels,
        doc.extras,
    )


def tag_traced(
    text: str,
    *,
    title: str = "",
    home_region_iso: str | None = None,
    config: TagConfig | None = None,
) -> tuple[TagResult, ArticleDoc]:
    """tag() with every step recording why (doc.trace): the same decisions, for newsmon explain."""
    doc = ArticleDoc(text, title or "", home_region_iso, trace=Trace())
    return _run(doc, config or load_tag_config(), None), doc


def tag(
    text: str,
    *,
    title: str = "",
    home_region_iso: str | None = None,
    config: TagConfig | None = None,
) -> TagResult:
    """Tag one article's clean main text (offsets in the result point into `text`)."""
    doc = ArticleDoc(text, title or "", home_region_iso)
    return _run(doc, config or load_tag_config(), None)


def tag_many(
    items: Iterable[tuple[str, str, str | None]], config: TagConfig | None = None
) -> list[TagResult]:
    """Tag (text, title, home_iso) items, batching Natasha's NER calls across articles."""
    items = list(items)
    config = config or load_tag_config()
    inputs: list[str] = []
    for text, title, _ in items:
        inputs.append(text)
        inputs.append(title or "")
    # slovnet pads each batch to its longest text: batch texts of similar length together.
    # Blank inputs never reach slovnet (a batch without tokens crashes it).
    order = sorted(
        (k for k in range(len(inputs)) if inputs[k].strip()), key=lambda k: len(inputs[k])
    )
    markups: list[Any] = [None] * len(inputs)
    for k, markup in zip(order, get_models().ner_tagger.map([inputs[k] for k in order])):
        markups[k] = markup
    results = []
    for k, (text, title, home) in enumerate(items):
        doc = ArticleDoc(text, title or "", home)
        pair = (markups[2 * k], markups[2 * k + 1] if title else None)
        results.append(_run(doc, config, pair))
    return results
