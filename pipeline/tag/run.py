"""The tagging stage: Natasha NER + lemma gazetteers → entities, regions, organizations, topics.

One `ArticleDoc` per article, filled by small steps (segment → ner → regions → orgs → topics →
projects), each a function that fills one field, as Natasha's Doc does. Natasha's models load once
per process (pipeline.lang.models.get_models) and `tag_many` batches the NER calls.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.lang.models import get_models, get_morph_vocab
from pipeline.lang.morph import normalize_word, tokenize
from pipeline.tag.base import Tagger, load_taggers
from pipeline.tag.doc import ArticleDoc, Entity, OrgHit, RegionHit
from pipeline.tag.orgs import names as orgnames
from pipeline.tag.orgs import tagger as orgs_mod
from pipeline.tag.regions import attribution
from pipeline.tag.regions import gazetteer as regions_mod
from pipeline.tag.topics import Topic, default_topics, load_topics, match_topics, merge_topics

PERSON_GRAMS = ("Name", "Surn", "Patr")
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
    doc.entities = [
        _entity(doc.text, s, e, t)
        for s0, e0, t in doc.ner
        for s, e in _split_span(doc.text, s0, e0, t)
    ]


def find_regions(doc: ArticleDoc) -> None:
    mentions = regions_mod.find_mentions(doc.text, ner_spans=doc.ner, tokens=doc.tokens)
    title_mentions = (
        regions_mod.find_mentions(doc.title, ner_spans=doc.title_ner, tokens=doc.title_tokens)
        if doc.title and not doc.title_in_text
        else []
    )
    attributed = attribution.attribute(
        doc.text,
        mentions,
        title_mentions=title_mentions,
        title=doc.title,
        title_span=doc.title_span,
        home_iso=doc.home_iso,
        tokens=doc.tokens,
    )
    doc.regions = [RegionHit(r.name, r.iso, n) for r, n in attributed]


def find_orgs(doc: ArticleDoc, config: TagConfig) -> None:
    main = doc.text[: doc.main_end]
    toks = [t for t in doc.tokens if t.end <= doc.main_end]
    spans = [s for s in doc.ner if s[1] <= doc.main_end]
    region = doc.regions[0].region if doc.regions else None
    found = orgs_mod.find_orgs(
        main, tokens=toks, ner_spans=spans, registry=config.orgs, home_region=region
    )
    in_title: list = []
    if doc.title and not doc.title_in_text:
        in_title = orgs_mod.find_orgs(
            doc.title, tokens=doc.title_tokens, ner_spans=doc.title_ner, registry=config.orgs
        )
    found = orgs_mod.merge_quoted(found + in_title)
    titles = frozenset(m.name for m in in_title) - {
        m.name for m in found[: len(found) - len(in_title)]
    }
    found = orgnames.merge_regional(found, config.orgs.abbreviations, titles)
    doc.orgs = [OrgHit(name, n) for name, n in orgs_mod.count_orgs(found)]


def find_topics(doc: ArticleDoc, config: TagConfig) -> None:
    toks = [t for t in doc.tokens if t.end <= doc.main_end]
    if doc.title and not doc.title_in_text:
        toks = doc.title_tokens + toks
    doc.topics = match_topics("", list(config.topics), tokens=toks)


def find_projects(doc: ArticleDoc, config: TagConfig) -> None:
    registry = _projects_registry(config.projects_file)
    if registry is None:
        return
    from pipeline.tag.projects import tagger as projects

    main = doc.text[: doc.main_end]
    if doc.title and not doc.title_in_text:
        main = doc.title + "\n" + main
    try:
        doc.projects = list(projects.find_projects(main, registry))
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
        doc.entities, doc.regions, doc.orgs, doc.projects, bool(doc.topics), doc.topics, labels
    )


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


# --- entity normal forms -------------------------------------------------------------------------


LEGAL_FORM_RE = re.compile(
    r"(?:ОАО|ООО|ЗАО|ПАО|АО|НАО|ГУП|МУП|ФГУП|ИП|[Кк]онцерн|[Кк]омпания|[Кк]орпорация)\s+[«\"]"
)


def _split_span(text: str, start: int, end: int, typ: str) -> list[tuple[int, int]]:
    """«Джоэл Саймон (Joel Simon)» → two names; «Овечкин, Фёдоров» → two; «• Коста Рика» trimmed."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ')»".'):
        end -= 1
    if end <= start:
        return []
    span = text[start:end]
    paren = span.rfind(" (")
    if paren > 0 and span.endswith(")") and span.count("(") == 1:
        inner = span[paren + 2 : -1]
        # «Джоэл Саймон (Joel Simon)», «Банк Китая (Bank of China)»: two names of one thing;
        # an abbreviation in brackets («(КЗЖ)») is dropped from ORG names in _entity.
        if typ == "PER" or (" " in inner and not inner.isupper()):
            return [(start, start + paren), (start + paren + 2, end - 1)]
    if typ == "PER" and ", " in span:
        parts, pos = [], start
        for piece in span.split(", "):
            parts.append((pos, pos + len(piece)))
            pos += len(piece) + 2
        return [p for p in parts if p[1] > p[0]]
    return [(start, end)]


def _entity(text: str, start: int, end: int, typ: str) -> Entity:
    if typ == "ORG":
        end = orgs_mod.extend_quote(text, start, end)
        # «Комитет защиты журналистов (КЗЖ)», «ПАСЕ (»: the name without the parenthesis.
        cut = text.rfind(" (", start, end)
        if cut > start and (text[end - 1] == ")" or text.find(")", cut, end) == -1):
            end = cut
        # «ОАО «Газпром»»: the legal form is not part of the name.
        legal = LEGAL_FORM_RE.match(text, start, end)
        if legal and text[end - 1] in '»"':
            start, end = legal.end(), end - 1
    surface = text[start:end]
    return Entity(start, end, typ, surface, normal_form(surface, typ))


@functools.lru_cache(maxsize=50_000)
def normal_form(surface: str, typ: str) -> str:
    """Nominative normal form: persons word by word, places and organizations by head phrase."""
    surface = " ".join(surface.split())
    if typ == "ORG":
        return orgs_mod.normalize_org(surface)
    if typ == "PER":
        return _person_normal(surface.split(" "))
    words = re.split(r"(\s+)", surface)
    words[::2] = orgnames.inflect_head(words[::2], frozenset())
    return "".join(words)


def _named_parses(word: str) -> list:
    if not re.fullmatch(r"[А-ЯЁа-яё]+", word):
        return []
    parses = get_morph_vocab().parse(normalize_word(word))
    return [p for p in parses if any(g in p.tag.grammemes for g in PERSON_GRAMS)]


_SURNAME_ENDINGS = {
    # (gender, case): (oblique ending, nominative ending) of -ов/-ев/-ин/-ын surnames
    ("masc", "gent"): ("а", ""),
    ("masc", "accs"): ("а", ""),
    ("masc", "datv"): ("у", ""),
    ("masc", "ablt"): ("ым", ""),
    ("masc", "loct"): ("е", ""),
    ("femn", "gent"): ("ой", "а"),
    ("femn", "datv"): ("ой", "а"),
    ("femn", "ablt"): ("ой", "а"),
    ("femn", "loct"): ("ой", "а"),
    ("femn", "accs"): ("у", "а"),
}


def _surname_nominative(word: str, case: str | None, gender: str | None) -> str | None:
    """«Травникова» after «Андрея» → «Травников»: surnames pymorphy does not know."""
    rule = _SURNAME_ENDINGS.get((gender or "", case or ""))
    if rule is None or not re.fullmatch(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)(?:а|у|ым|е|ой)", word):
        return None
    old, new = rule
    return word[: -len(old)] + new if word.endswith(old) else None


def _person_normal(words: list[str]) -> str:
    """«Андрея Травникова» → «Андрей Травников»: every name word agrees with the first name's
    case and gender (a surname alone could be a feminine nominative, «Травникова»)."""
    case = gender = None
    for w in words:
        first = next((p for p in _named_parses(w) if "Name" in p.tag.grammemes), None)
        if first is not None:
            case, gender = first.tag.case, first.tag.gender
            break
    out = []
    for w in words:
        parts = []
        for part in w.split("-"):
            named = _named_parses(part)
            if not named and case:
                guessed = _surname_nominative(part, case, gender)
                if guessed:
                    parts.append(guessed)
                    continue
            agreeing = [
                p
                for p in named
                if (case is None or p.tag.case == case)
                and (gender is None or p.tag.gender in (gender, None))
            ]
            best = (agreeing or named or [None])[0]
            infl = orgnames.inflect(best, {"nomn"}) if best is not None else None
            word = infl.word if infl else part
            if "ё" not in part.lower():
                word = word.replace("ё", "е")
            parts.append(orgnames.cap_like(part, word))
        out.append("-".join(parts))
    return " ".join(out)
