"""Federal subjects: the gazetteer (names, informal names, adjectives, cities) and article attribution.

Everything is matched on lemmas (pipeline.morph), so «в Уссурийске», «уссурийских семей» and
«Комсомольске-на-Амуре» find their subject from one dictionary entry. Data: pipeline/data/regions.yml
and pipeline/data/cities.tsv (generated from city.csv by scripts/build_cities.py).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsmon.errors import UserError
from pipeline.models import get_morph_vocab
from pipeline.morph import Token, lemma, lemmatize_phrase, normalize_word, tokenize

DATA = Path(__file__).resolve().parent / "data"

# Attribution weights: where a mention stands says how much it tells about the article's subject.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
VENUE_FACTOR = 0.2  # «на форуме в Москве»
LIST_FACTOR = 0.3  # «Приморский, Хабаровский, Забайкальский края и Амурская область»
HEADLINE_FACTOR = 0.3  # a short line without final punctuation after the lead (a stray headline)
HOME_FACTOR = 1.5  # the outlet's home region breaks near-ties
MIN_SCORE = 1.5  # one passing mention in the body (1.0) is not enough: title, lead or twice
MIN_SHARE = 0.34  # a region needs this share of the top region's score
MAX_REGIONS = 4
LEAD_CHARS = 400
DOMINANT_RATIO = 10  # «Киров» is the regional centre, not the Kaluga town, unless the text says so


@dataclass(frozen=True)
class Region:
    name: str  # official name, e.g. "Хабаровский край"
    iso: str  # "RU-KHA"
    district: str  # federal district, e.g. "Дальневосточный"


@dataclass(frozen=True)
class Entry:
    """One gazetteer form: a key of lemma tuples pointing at one or more subjects."""

    isos: tuple[str, ...]
    kind: str  # subject | alias | abbr | adj | city | city_adj | district
    needs_context: bool = False
    dominant: str | None = None  # of a shared city name, the subject whose city is 10x larger


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    isos: tuple[str, ...]
    kind: str
    dominant: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    regions: tuple[Region, ...]
    by_iso: dict[str, Region]
    index: dict[str, list[tuple[tuple[frozenset[str], ...], Entry]]]
    lookup: dict[str, str]  # normalized name/alias/abbr/iso → iso, for resolve_region
    suggest_lemmas: dict[str, str]  # a distinctive lemma → iso, for «did you mean»
    street_words: frozenset[str]
    settlement_words: frozenset[str]
    venue_words: frozenset[str]
    national_words: frozenset[str]
    related_markers: tuple[str, ...]
    credit_markers: tuple[str, ...]
    home_adjectives: dict[str, frozenset[str]]  # type word of a subject name → adjective lemmas


def _load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _surface_forms(word: str) -> frozenset[str]:
    """All inflected forms of a one-word name, for names pymorphy lemmatizes inconsistently."""
    forms = {normalize_word(word), lemma(word)}
    parses = get_morph_vocab().parse(normalize_word(word))
    for p in parses[:1]:
        if p.tag.POS == "NOUN":
            forms |= {normalize_word(f.word) for f in p.lexeme}
    return frozenset(forms)


def _key(phrase: str, *, expand: bool) -> tuple[frozenset[str], ...]:
    lemmas = lemmatize_phrase(phrase)
    if expand and len(lemmas) == 1:
        return (_surface_forms(phrase) | {lemmas[0]},)
    return tuple(frozenset({lem}) for lem in lemmas)


@functools.cache
def gazetteer() -> Gazetteer:
    spec = _load_yaml(DATA / "regions.yml")
    regions = tuple(Region(r["name"], r["iso"], r["district"]) for r in spec["regions"])
    index: dict[str, list[tuple[tuple[frozenset[str], ...], Entry]]] = {}
    lookup: dict[str, str] = {}
    suggest: dict[str, str] = {}

    def add(phrase: str, entry: Entry, *, expand: bool = False) -> None:
        key = _key(phrase, expand=expand)
        if not key:
            return
        for first in key[0]:
            index.setdefault(first, []).append((key, entry))

    for spec_r, reg in zip(spec["regions"], regions):
        iso = (reg.iso,)
        lookup[normalize_word(reg.name)] = reg.iso
        lookup[reg.iso.lower()] = reg.iso
        add(reg.name, Entry(iso, "subject"))
        bare = re.sub(r"[()—]", " ", reg.name)
        add(bare, Entry(iso, "subject"))
        for alias in spec_r.get("aliases", []):
            add(alias, Entry(iso, "alias"), expand=True)
            lookup[normalize_word(alias)] = reg.iso
        for abbr in spec_r.get("abbr", []):
            add(abbr, Entry(iso, "abbr"))
            lookup[normalize_word(abbr)] = reg.iso
        for adj in spec_r.get("adj", []):
            add(adj, Entry(iso, "adj"))
            suggest[lemma(adj)] = reg.iso
        for lem in lemmatize_phrase(bare):
            if lem not in {"область", "край", "республика", "автономный", "округ", "народный"}:
                suggest.setdefault(lem, reg.iso)
    for amb in spec.get("ambiguous", []):
        kind = "adj" if amb.get("adj") else "alias"
        add(amb["form"], Entry(tuple(amb["isos"]), kind), expand=kind == "alias")
    for adj, iso in spec.get("city_adjectives", {}).items():
        add(adj, Entry((iso,), "adj"))
    cities: dict[tuple[str, str], dict[str, int]] = {}
    ctx_names: set[str] = set()
    for line in (DATA / "cities.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, iso, kind, ctx, pop = line.split("\t")
        cities.setdefault((name, kind), {})[iso] = int(pop)
        if ctx == "1":
            ctx_names.add(name)
    for (name, kind), pops in cities.items():
        ranked = sorted(pops, key=lambda iso: -pops[iso])
        dominant = None
        if len(ranked) > 1 and pops[ranked[0]] >= DOMINANT_RATIO * max(pops[ranked[1]], 1):
            dominant = ranked[0]
        kind = "city_adj" if kind == "adj" else kind
        entry = Entry(tuple(sorted(pops)), kind, name in ctx_names, dominant)
        add(name, entry, expand=kind == "city" and " " not in name)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    ctx = spec["context"]
    return Gazetteer(
        regions=regions,
        by_iso={r.iso: r for r in regions},
        index=index,
        lookup=lookup,
        suggest_lemmas=suggest,
        street_words=frozenset(ctx["street_words"]),
        settlement_words=frozenset(ctx["settlement_words"]),
        venue_words=frozenset(lem for w in ctx["venue_words"] for lem in lemmatize_phrase(w)[-1:]),
        national_words=frozenset(ctx["national_words"]),
        related_markers=tuple(normalize_word(m).rstrip(":") for m in ctx["related_markers"]),
        credit_markers=tuple(normalize_word(m) for m in ctx["credit_markers"]),
        home_adjectives={k: frozenset(v) for k, v in ctx["home_adjectives"].items()},
    )


def all_regions() -> list[Region]:
    """The 89 federal subjects in a stable order (by federal district, as in regions.yml)."""
    return list(gazetteer().regions)


def region_by_iso(iso: str) -> Region:
    """The subject with this ISO 3166-2:RU code; KeyError if unknown."""
    return gazetteer().by_iso[iso.upper()]


_ABBREVIATIONS = {
    "обл": "область",
    "респ": "республика",
    "р-ка": "республика",
    "ао": "автономный округ",
    "г": "",
    "город": "",
}


def resolve_region(name: str) -> Region:
    """A user's region (official name, ISO code, informal name or inflected form) → Region.

    Unknown names raise UserError with the nearest known official name.
    """
    gaz = gazetteer()
    raw = " ".join(name.split())
    key = normalize_word(raw)
    if key in gaz.lookup:
        return gaz.by_iso[gaz.lookup[key]]
    words = [_ABBREVIATIONS.get(normalize_word(w).rstrip("."), w.rstrip(".")) for w in raw.split()]
    expanded = " ".join(w for w in words if w)
    if normalize_word(expanded) in gaz.lookup:
        return gaz.by_iso[gaz.lookup[normalize_word(expanded)]]
    mentions = find_mentions(expanded[:1].upper() + expanded[1:], ner_spans=())
    # «ХМАО - Югра», «Республика Адыгея (Адыгея)»: every part names the same subject.
    isos = {m.isos for m in mentions}
    covered = sum(m.end - m.start for m in mentions)
    letters = len(re.sub(r"[\W_]", "", expanded))
    if (
        len(isos) == 1
        and len(mentions[0].isos) == 1
        and covered >= letters - 1
        and all(m.kind in ("subject", "alias", "abbr") for m in mentions)
    ):
        return gaz.by_iso[mentions[0].isos[0]]
    if len(mentions) == 1 and len(mentions[0].isos) == 1:
        # A city or an adjective («Хабаровск», «хабаровский»): suggest its subject, do not guess.
        near = gaz.by_iso[mentions[0].isos[0]]
        raise UserError(f"Неизвестный регион «{raw}». Возможно, вы имели в виду «{near.name}»?")
    near = _suggest(expanded)
    if near is None:
        raise UserError(
            f"Неизвестный регион «{raw}». Укажите официальное название субъекта РФ, "
            "например «Хабаровский край»."
        )
    raise UserError(f"Неизвестный регион «{raw}». Возможно, вы имели в виду «{near.name}»?")


def _suggest(text: str) -> Region | None:
    gaz = gazetteer()
    for lem in lemmatize_phrase(text):
        if lem in gaz.suggest_lemmas:
            return gaz.by_iso[gaz.suggest_lemmas[lem]]
    best = difflib.get_close_matches(normalize_word(text), list(gaz.lookup), n=1, cutoff=0.6)
    return gaz.by_iso[gaz.lookup[best[0]]] if best else None


# --- matching -------------------------------------------------------------------------------------


def _token_keys(tok: Token) -> set[str]:
    return {tok.lemma, normalize_word(tok.text)}


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end : b.start]
    return "\n" not in gap and "." not in gap and len(gap) <= 3


def find_mentions(
    text: str,
    *,
    ner_spans: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]] = (),
    tokens: list[Token] | None = None,
) -> list[Mention]:
    """Every mention of a federal subject or one of its places, longest match first.

    `ner_spans` are Natasha's (start, end, type): names inside PER spans are skipped («Владимир
    Путин», «Александр Орловский»); names that are also common words need a LOC span or a
    settlement word before them.
    """
    gaz = gazetteer()
    toks = tokens if tokens is not None else tokenize(text)
    keys = [_token_keys(t) for t in toks]
    per = [(s, e) for s, e, t in ner_spans if t == "PER"]
    loc = [(s, e) for s, e, t in ner_spans if t == "LOC"]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        found = _match_at(gaz, text, toks, keys, i)
        if found is None:
            i += 1
            continue
        n, entry = found
        first, last = toks[i], toks[i + n - 1]
        if _accept(gaz, text, toks, i, n, entry, per, loc):
            out.append(Mention(first.start, last.end, entry.isos, entry.kind, entry.dominant))
        i += n
    return out


def _match_at(gaz, text, toks, keys, i) -> tuple[int, Entry] | None:
    candidates = []
    for k in keys[i]:
        candidates.extend(gaz.index.get(k, ()))
    best: tuple[int, Entry] | None = None
    for key, entry in candidates:
        n = len(key)
        if best is not None and n <= best[0]:
            continue
        if i + n > len(toks):
            continue
        if all(
            keys[i + j] & key[j] and (j == 0 or _joined(text, toks[i + j - 1], toks[i + j]))
            for j in range(n)
        ):
            if _case_ok(toks[i], entry):
                best = (n, entry)
    return best


def _case_ok(tok: Token, entry: Entry) -> bool:
    if entry.kind == "abbr":
        return tok.text.isupper()
    if entry.kind in ("alias", "city"):
        return tok.text[:1].isupper()
    return True


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _accept(gaz, text, toks, i, n, entry, per, loc) -> bool:
    first, last = toks[i], toks[i + n - 1]
    if _overlaps(first.start, last.end, per):
        return False
    prev = ""
    if i > 0 and re.fullmatch(r"\.?[ \t\xa0]{0,2}", text[toks[i - 1].end : first.start]):
        prev = toks[i - 1].lemma  # «г. Мирный», «в Мирном»
    nxt = toks[i + n].lemma if i + n < len(toks) and _joined(text, last, toks[i + n]) else ""
    if prev in {"улица", "ул", "проспект", "пр", "переулок", "шоссе", "площадь", "бульвар"}:
        return False
    if nxt in gaz.street_words:
        # «Московский проспект», «в Приморском районе» (not the town Приморск); a city's own
        # adjective keeps its district («Уссурийский район»).
        if entry.kind == "adj" or (entry.kind == "city" and n == 1 and _adjective_form(first.text)):
            return False
    if entry.needs_context:
        # The LOC span must be the name itself, not a larger place («в Белом доме», «Острове Уайт»).
        if prev in gaz.settlement_words or any(
            s <= first.start and last.end <= e and e - s <= last.end - first.start + 2
            for s, e in loc
        ):
            return True
        # «в Кирове», «во Владимире»: a capitalised place name in the locative after «в».
        return (
            n == 1
            and prev in ("в", "во")
            and first.text[:1].isupper()
            and _geo_locative(first.text)
            and not (_adjective_form(first.text) and nxt and _noun_form(toks[i + 1].text))
        )
    return True


def _adjective_form(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in get_morph_vocab().parse(normalize_word(word)))


def _noun_form(word: str) -> bool:
    parses = get_morph_vocab().parse(normalize_word(word))
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _geo_locative(word: str) -> bool:
    return any(
        "Geox" in p.tag.grammemes and p.tag.case == "loct"
        for p in get_morph_vocab().parse(normalize_word(word))
    )


# --- attribution ----------------------------------------------------------------------------------


def _home_by_adjectives(
    gaz: Gazetteer, toks: list[Token], home_iso: str | None
) -> list[tuple[Region, int]]:
    """A local outlet's article that names no subject at all but says «краевое министерство»,
    «областной центр» (fitting its home region's type) is about the home region; the count is
    the number of those references. National news («Госдума приняла закон») stays regionless."""
    if not home_iso or home_iso not in gaz.by_iso:
        return []
    home = gaz.by_iso[home_iso]
    words = set(lemmatize_phrase(home.name))
    fitting = frozenset().union(
        *(adjs for key, adjs in gaz.home_adjectives.items() if key in words)
    )
    n = sum(1 for t in toks if t.lemma in fitting)
    return [(home, n)] if n else []


TITLE_SEARCH_CHARS = 1500  # widgets (dates, weather, calendars) may come before the title line


def title_line(text: str, title: str = "") -> tuple[int, int] | None:
    """The (start, end) of the line holding the title, when the text repeats it near the top.

    Without a title (plain text from `newsmon tag`), a short first line without final
    punctuation followed by more text is taken as the title.
    """
    if title.strip():
        words = re.findall(r"\w+", title)[:8]
        if not words:
            return None
        pattern = r"\W+".join(re.escape(w) for w in words)
        found = re.search(pattern, text[:TITLE_SEARCH_CHARS], re.IGNORECASE)
        if found is None:
            return None
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        return start, len(text) if end == -1 else end
    first = re.match(r"\s*([^\n]*)", text)
    line = first.group(1).strip()
    rest = text[first.end() :].strip()
    if rest and line and len(line.split()) <= 20 and line[-1] not in ".!?…:;":
        return first.start(1), first.end()
    return None


def related_cut(text: str) -> int:
    """Offset where a related-news block («Читайте также», «Ранее мы писали») starts, else len."""
    markers = gazetteer().related_markers
    pos = 0
    for line in text.splitlines(keepends=True):
        body = normalize_word(line.strip())
        if pos > 0 and any(_opens_block(body, m) for m in markers):
            return pos
        pos += len(line)
    return len(text)


def _opens_block(line: str, marker: str) -> bool:
    """«Читайте также:», «Читайте также: В Омске...», «Ещё новости о событии» — not a sentence
    that merely starts with the word («Рекомендуем родителям следить за детьми.»)."""
    if not line.startswith(marker):
        return False
    rest = line[len(marker) :]
    if rest.strip() in ("", ":") or rest.startswith(":"):
        return True
    return len(line.split()) <= len(marker.split()) + 2 and not line.endswith((".", "!", "?"))


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Spans of credit and caption lines («Фото: пресс-служба правительства края»)."""
    markers = gazetteer().credit_markers
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        if normalize_word(line.lstrip()).startswith(markers):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _headline_lines(text: str, lead_end: int) -> list[tuple[int, int]]:
    """Short lines without final punctuation after the lead: related headlines, captions."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if pos >= lead_end and body and len(body.split()) <= 15 and body[-1] not in '.!?…»":;':
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(".", pos), text.find("\n", pos)) if e != -1]
    return start, min(ends) if ends else len(text)


def _is_venue(gaz, text: str, m: Mention, toks: list[Token]) -> str:
    """ "" if not a venue; "national" for «на всероссийском форуме в Москве»; else "local"."""
    s, e = _sentence_bounds(text, m.start)
    starts = [t.start for t in toks]
    if m.kind in ("adj", "city_adj"):
        # «на Петербургском международном экономическом форуме»: an event named by the place
        k = bisect.bisect_left(starts, m.end)
        if not any(t.lemma in gaz.venue_words for t in toks[k : k + 3] if t.start < e):
            return ""
    else:
        before = text[max(0, m.start - 4) : m.start].lower()
        if not re.search(r"(^|\s)(в|во|на)\s+$", before):
            return ""
    lemmas = {t.lemma for t in toks[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]}
    if not lemmas & gaz.venue_words:
        return ""
    return "national" if lemmas & gaz.national_words else "local"


def _in_list(text: str, mentions: list[Mention], idx: int) -> bool:
    """Part of an enumeration of three or more different subjects separated by commas/«и»."""
    sep = re.compile(r"^[\s,;и—–-]*(?:(?:края|краев|области|областей|республики)[\s,;и]*)?$")
    lo = hi = idx
    while lo > 0 and sep.match(text[mentions[lo - 1].end : mentions[lo].start]):
        lo -= 1
    while hi + 1 < len(mentions) and sep.match(text[mentions[hi].end : mentions[hi + 1].start]):
        hi += 1
    return len({mentions[k].isos for k in range(lo, hi + 1)}) >= 3


def attribute(
    text: str,
    mentions: list[Mention],
    *,
    title_mentions: list[Mention] = (),  # type: ignore[assignment]
    title: str = "",
    title_in_text: bool = False,
    title_span: tuple[int, int] | None = None,
    home_iso: str | None = None,
    tokens: list[Token] | None = None,
) -> list[tuple[Region, int]]:
    """The subjects the article is about, each with its mention count, best first.

    Mentions are weighted by position (title, lead, body), discounted as venues, enumerations or
    stray headlines; regions need MIN_SCORE and MIN_SHARE of the top score; the home region gets
    HOME_FACTOR. Ambiguous names count only when the text (or the home region) picks a candidate.
    """
    gaz = gazetteer()
    toks = tokens if tokens is not None else tokenize(text)
    cut = related_cut(text)
    credits = credit_lines(text[:cut])
    body = [m for m in mentions if m.start < cut and not _inside(m.start, m.end, credits)]
    known = {m.isos[0] for m in [*body, *title_mentions] if len(m.isos) == 1}
    if home_iso:
        known.add(home_iso)

    def resolve(m: Mention) -> str | None:
        if len(m.isos) == 1:
            return m.isos[0]
        hits = [iso for iso in m.isos if iso in known]
        if len(hits) == 1:
            return hits[0]
        return m.dominant if not hits else None

    if title_in_text and title_span is None:
        title_span = (0, re.match(r"\s*[^\n]*", text).end())
    title_in_text = title_span is not None
    t_start, lead_start = title_span if title_span else (0, 0)  # the lead starts after the title
    for s, e in credits:  # a credit line right after the title is not the lead
        if s <= lead_start + 1 and text[lead_start:s].strip() == "":
            lead_start = e
    # The lead is the first paragraph after the title (at most LEAD_CHARS).
    para = re.search(r"\S[^\n]*", text[lead_start:])
    lead_end = lead_start + (min(para.end(), LEAD_CHARS) if para else 0)
    headlines = _headline_lines(text[:cut], lead_end)
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}
    solid: set[str] = set()  # regions with at least one mention that is not only a venue
    local_venues: set[str] = set()  # venues of local (not national) events
    national_venues: set[str] = set()
    venues = [_is_venue(gaz, text, m, toks) for m in body]
    national_anywhere = {resolve(m) for m, v in zip(body, venues) if v == "national"}
    for idx, m in enumerate(body):
        iso = resolve(m)
        if iso is None:
            continue
        in_title_line = title_in_text and t_start <= m.start < lead_start
        weight = (
            TITLE_WEIGHT if in_title_line else LEAD_WEIGHT if m.start < lead_end else BODY_WEIGHT
        )
        venue = venues[idx]
        if venue == "local" and in_title_line and iso not in national_anywhere:
            venue = ""  # «В Омске прошёл семинар» as the title: the local event is the subject
        if venue:
            weight *= VENUE_FACTOR
            (local_venues if venue == "local" else national_venues).add(iso)
        else:
            solid.add(iso)
        if not in_title_line:
            if _in_list(text, body, idx):
                weight *= LIST_FACTOR
            if _inside(m.start, m.end, headlines):
                weight *= HEADLINE_FACTOR
        scores[iso] = scores.get(iso, 0.0) + weight
        counts[iso] = counts.get(iso, 0) + 1
    title_toks = tokenize(title) if title else []
    for m in title_mentions:
        iso = resolve(m)
        if iso is None:
            continue
        venue = _is_venue(gaz, title, m, title_toks)
        if venue == "local" and iso not in national_anywhere:
            venue = ""
        if venue:
            scores[iso] = scores.get(iso, 0.0) + TITLE_WEIGHT * VENUE_FACTOR
            (local_venues if venue == "local" else national_venues).add(iso)
        else:
            scores[iso] = scores.get(iso, 0.0) + TITLE_WEIGHT
            solid.add(iso)
        if not title_in_text:
            counts[iso] = counts.get(iso, 0) + 1
    local_venues -= national_venues
    if not solid:
        # No subject named except as a venue: «краевое министерство» in the home outlet decides.
        main_toks = toks[: bisect.bisect_left([t.start for t in toks], cut)]
        home_hit = _home_by_adjectives(gaz, main_toks, home_iso)
        if home_hit:
            return home_hit
    if not solid and len(local_venues) == 1:
        # «В Уссурийске прошёл городской фестиваль»: the venue of a local event is its subject.
        solid = set(local_venues)
        scores = {iso: sc / VENUE_FACTOR for iso, sc in scores.items()}
    scores = {iso: sc for iso, sc in scores.items() if iso in solid}
    if home_iso in scores:
        scores[home_iso] *= HOME_FACTOR
    if not scores:
        return []
    top = max(scores.values())
    chosen = [iso for iso in scores if scores[iso] >= max(MIN_SCORE, MIN_SHARE * top)]
    chosen.sort(key=lambda iso: (-scores[iso], -counts[iso], iso))
    return [(gaz.by_iso[iso], counts[iso]) for iso in chosen[:MAX_REGIONS]]
