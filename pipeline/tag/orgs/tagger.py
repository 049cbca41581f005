"""Organizations: canonical names from an alias file, «ёлочки» names and Natasha ORG spans.

Normal forms (nominative head, rest verbatim) are made by pipeline.tag.orgs.names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsmon.core.datafiles import data_dir
from newsmon.core.yamlfile import UniqueNames, check_fields, config_error, load_yaml_file
from pipeline.lang.bodies import body_and_media_heads
from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import Token, lemma, lemmatize_phrase, normalize_word, tokenize
from pipeline.tag.orgs.names import (
    OPEN_QUOTES,
    balance_quotes,
    inflect_head,
    is_adjective,
    merge_quoted,
    region_genitive,
)

DATA = data_dir("pipeline")
QUOTE_GAP_TOKENS = 6  # «фонда добровольной помощи детям «Владмама»»: head word up to 6 words back
OMBUDSMAN = ("уполномоченный", "по", "право", "ребенок")
GOV_SPAN_TOKENS = (
    12  # «министерство социального развития, опеки и попечительства Иркутской области»
)
GOV_LINK_POS = {"NOUN", "ADJF", "PRTF", "CONJ", "PREP"}


@dataclass(frozen=True)
class OrgEntry:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrgRegistry:
    entries: tuple[OrgEntry, ...]
    index: dict[str, list[tuple[tuple[str, ...], str]]]  # first lemma → (lemmas, canonical)
    kinds: frozenset[str]
    gov_heads: frozenset[str]
    quote_heads: frozenset[str]
    companies: frozenset[str]
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lemma → lemmas


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    name: str


# --- loading -------------------------------------------------------------------------------------


def load_org_entries(path: Path) -> list[OrgEntry]:
    """Read an orgs.yml (`orgs: [{name, aliases}]`); mistakes → UserError naming file and line."""
    data = load_yaml_file(path)
    if data is None or (isinstance(data, dict) and data.get("orgs", []) is None):
        return []  # an empty file, or «orgs:» with nothing under it
    if not isinstance(data, dict) or not isinstance(data.get("orgs", []), list):
        raise config_error(path, data, "ожидается список «orgs:»")
    if Path(path) != DATA / "orgs.yml":  # the shipped file also holds kinds, heads, markers
        check_fields(path, data, ("orgs",), "файл организаций")
    out = []
    names = UniqueNames(path, "организация")
    for item in data.get("orgs", []):
        where = item if isinstance(item, dict) else data["orgs"]
        if not isinstance(item, dict) or not _text(item.get("name")):
            raise config_error(path, where, "у организации должно быть «name» (строка)")
        check_fields(path, item, ("name", "aliases"), f"организация «{item['name']}»")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(_text(a) for a in aliases):
            raise config_error(path, item, "«aliases» должен быть списком непустых строк")
        names.add(item["name"], item)
        out.append(OrgEntry(item["name"], tuple(aliases)))
    return out


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def build_registry(entries: Iterable[OrgEntry]) -> OrgRegistry:
    spec = load_yaml_file(DATA / "orgs.yml")  # the shipped file: kinds, heads, markers
    merged: dict[str, list[str]] = {}
    for e in entries:
        merged.setdefault(e.name, []).extend([e.name, *e.aliases])
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, aliases in merged.items():
        for alias in set(aliases):
            key = lemmatize_phrase(alias.replace("«", " ").replace("»", " "))
            if key:
                index.setdefault(key[0], []).append((key, name))
    for lst in index.values():
        lst.sort(key=lambda e: -len(e[0]))
    return OrgRegistry(
        entries=tuple(OrgEntry(n, tuple(a)) for n, a in merged.items()),
        index=index,
        kinds=body_and_media_heads()[0],
        gov_heads=_lemmas(spec["gov_heads"]),
        quote_heads=_lemmas(spec["quote_heads"]),
        companies=frozenset(lemma(c) for c in spec["company_markers"] + spec["quote_blockers"]),
        abbreviations={
            lem: lemmatize_phrase(full)
            for short, full in spec.get("abbreviations", {}).items()
            for lem in {lemma(short), normalize_word(short)}
        },
    )


def _lemmas(words: list[str]) -> frozenset[str]:
    """«минсоцразвития» is also read as «минсоцразвитие»: both forms match."""
    return frozenset(form for w in words for form in (normalize_word(w), lemma(w)))


def default_entries() -> list[OrgEntry]:
    return load_org_entries(DATA / "orgs.yml")


_DEFAULT: list[OrgRegistry] = []


def build_default() -> OrgRegistry:
    if not _DEFAULT:
        _DEFAULT.append(build_registry(default_entries()))
    return _DEFAULT[0]


# --- finding -------------------------------------------------------------------------------------



def normalize_org(phrase: str, kinds: frozenset[str] | None = None) -> str:
    """Nominative normal form of an organization name; quoted parts verbatim and balanced."""
    if kinds is None:
        kinds = build_default().kinds
    phrase = " ".join(phrase.split())
    q = min((phrase.find(c) for c in OPEN_QUOTES + '"' if c in phrase), default=len(phrase))
    prefix, tail = phrase[:q], phrase[q:]
    parts = re.split(r"(\s+)", prefix.strip())
    words = parts[::2]
    if words and words[0]:
        words = inflect_head(words, kinds)
        parts[::2] = words
    head = "".join(parts).strip()
    tail = balance_quotes(tail.strip())
    name = f"{head} {tail}".strip() if head else tail
    return name[:1].upper() + name[1:]

def _alias_hits(text: str, toks: list[Token], reg: OrgRegistry) -> list[OrgMention]:
    out = []
    i = 0
    while i < len(toks):
        hit = None
        for key, name in reg.index.get(toks[i].lemma, ()):
            n = len(key)
            if i + n <= len(toks) and all(toks[i + j].lemma == key[j] for j in range(n)):
                if n == 1 and key[0].isascii() is False and not toks[i].text[:1].isupper():
                    continue  # one-word aliases («АСИ», «ОНФ») only as proper names
                if key[0] in reg.gov_heads and _region_at(text, toks, i + n):
                    break  # «Министерство труда ... Чувашской Республики»: the region's own body
                hit = (n, name)
                break
        if hit:
            n, name = hit
            out.append(OrgMention(toks[i].start, toks[i + n - 1].end, name))
            i += n
        else:
            i += 1
    return out


def _region_at(text: str, toks: list[Token], k: int) -> bool:
    """Does a federal subject's name («Чувашской Республики», «Кузбасса», «ХМАО») start at token
    k, right after the previous word?"""
    from pipeline.tag.regions.gazetteer import find_mentions

    if k >= len(toks) or re.search(r"[^\s]", text[toks[k - 1].end : toks[k].start]):
        return False
    window = text[toks[k].start : toks[min(k + 5, len(toks) - 1)].end]
    regs = find_mentions(window)
    return bool(regs) and regs[0].start == 0 and regs[0].kind in ("subject", "alias", "abbr")


def _quoted(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of «...» and "..." runs, nested quotes kept whole, within one line."""
    i = 0
    opener = re.compile('[«„“"]')
    while i < len(text):
        found = opener.search(text, i)
        if found is None:
            return
        i = found.start()
        c = text[i]
        if c in OPEN_QUOTES:
            depth, j, last_close = 0, i, -1
            while j < len(text) and text[j] != "\n":
                if text[j] in OPEN_QUOTES:
                    depth += 1
                elif text[j] in "»”":
                    depth -= 1
                    last_close = j
                    after = text[j + 1 : j + 3].lstrip(" ")
                    # «Проектная группа «Союзники» признан: one » closed both quotes.
                    if depth == 0 or not after or after[0] in ".,;:!?)\n" or after[0].islower():
                        break
                j += 1
            if last_close > i:
                yield i, last_close + 1
                i = last_close + 1
                continue
        elif c == '"':
            j = text.find('"', i + 1)
            if j != -1 and "\n" not in text[i:j]:
                yield i, j + 1
                i = j + 1
                continue
        i += 1


def _quote_hits(text: str, toks: list[Token], reg: OrgRegistry) -> list[OrgMention]:
    morph = get_morph_vocab()
    out = []
    starts = [t.start for t in toks]
    for qs, qe in _quoted(text):
        k = bisect.bisect_left(starts, qs) - 1
        lo = max(0, k - QUOTE_GAP_TOKENS + 1)
        head = None
        for j in range(k, lo - 1, -1):
            if re.search(r"[.,;:!?()\n]", text[toks[j].end : qs if j == k else toks[j + 1].start]):
                break
            if toks[j].lemma in reg.companies:
                break
            if toks[j].lemma in reg.quote_heads:
                head = j
                break
        if head is None:
            continue
        first = head
        while first > 0 and re.fullmatch(r"\s+", text[toks[first - 1].end : toks[first].start]):
            ps = morph.parse(normalize_word(toks[first - 1].text))
            if (
                not ps
                or ps[0].tag.POS not in ("ADJF", "PRTF")
                or toks[first - 1].lemma in reg.companies
            ):
                break
            first -= 1
        words = [t.text for t in toks[first : head + 1]]
        name = " ".join(inflect_head(words, reg.kinds)) + " " + balance_quotes(text[qs:qe])
        out.append(OrgMention(toks[first].start, qe, name[:1].upper() + name[1:]))
    return out


def _government_hits(
    text: str, toks: list[Token], reg: OrgRegistry, home_region: str | None = None
) -> list[OrgMention]:
    """Regional bodies written in lower case, which NER misses: «в министерстве социального
    развития, опеки и попечительства Иркутской области» → one organization, named to its region.
    «министр труда ... Приморского края» names the ministry; «регионального министерства
    социального развития и труда» gets the article's region (`home_region`, official name)."""
    from pipeline.tag.regions.gazetteer import find_mentions

    morph = get_morph_vocab()
    out = []
    i = 0
    while i < len(toks):
        if toks[i].lemma not in reg.gov_heads and toks[i].lemma != "министр":
            i += 1
            continue
        j = i + 1
        while j < len(toks) and j - i <= GOV_SPAN_TOKENS:
            gap = text[toks[j - 1].end : toks[j].start]
            if re.search(r"[.!?;:()\n«»\"]", gap):
                break
            parses = morph.parse(normalize_word(toks[j].text))
            pos = parses[0].tag.POS if parses else None
            if (
                toks[j].text[:1].isupper()
                or pos not in GOV_LINK_POS
                or toks[j].lemma in ("в", "на", "с")
            ):
                break
            if toks[j].lemma in reg.kinds or toks[j].lemma in reg.quote_heads:
                # «министерство ... и благотворительный фонд «...»»: a second organization starts
                while j - 1 > i and (toks[j - 1].lemma == "и" or is_adjective(toks[j - 1].text)):
                    j -= 1
                break
            j += 1
        window_end = toks[min(j + 3, len(toks) - 1)].end
        window = text[toks[i].start : window_end]
        regs = [
            m
            for m in find_mentions(window)
            if m.kind in ("subject", "alias", "abbr") and toks[i].start + m.start >= toks[j - 1].end
        ]
        start = toks[i].start
        if regs and j < len(toks) and start + regs[0].start == toks[j].start:
            end = start + regs[0].end
            if (
                text[start:end].count("(") > text[start:end].count(")")
                and text[end : end + 1] == ")"
            ):
                end += 1  # «Республики Саха (Якутия)»
            if (
                len(regs) > 1
                and regs[1].isos == regs[0].isos
                and re.fullmatch(r"\s*[—–-]\s*", window[regs[0].end : regs[1].start])
            ):
                end = start + regs[1].end  # «ХМАО – Югры»
            out.append(OrgMention(start, end, _gov_name(text[start:end], toks[i], reg)))
            i = j
            continue
        regional = i > 0 and toks[i - 1].lemma in REGIONAL_ADJECTIVES and toks[i].lemma != "министр"
        while j > i + 1 and toks[j - 1].lemma in ("и", "по"):
            j -= 1
        if regional and home_region and j > i + 1:
            name = _gov_name(text[start : toks[j - 1].end], toks[i], reg)
            out.append(OrgMention(start, toks[j - 1].end, f"{name} {region_genitive(home_region)}"))
            i = j
            continue
        i += 1
    return out


REGIONAL_ADJECTIVES = {"региональный", "краевой", "областной", "республиканский", "окружной"}


def _ombudsman_hits(text: str, toks: list[Token], taken: list[OrgMention]) -> list[OrgMention]:
    from pipeline.tag.regions.gazetteer import find_mentions

    out = []
    n = len(OMBUDSMAN)
    for i in range(len(toks) - n + 1):
        if toks[i].lemma != OMBUDSMAN[0] or tuple(t.lemma for t in toks[i : i + n]) != OMBUDSMAN:
            continue
        start = toks[i].start
        if any(m.start <= start < m.end for m in taken):
            continue
        end = toks[i + n - 1].end
        name = ""
        if i + n < len(toks) and toks[i + n].lemma in ("в", "по"):
            window = text[toks[i + n].end : toks[min(i + n + 5, len(toks) - 1)].end]
            regs = find_mentions(window)
            if regs and window[: regs[0].start].strip() == "":
                surface = window[regs[0].start : regs[0].end]
                name += f" {toks[i + n].text.lower()} {surface}"
                end = toks[i + n].end + regs[0].end
        if name:  # without its region («съезд уполномоченных по правам ребёнка») it names no one
            out.append(OrgMention(start, end, "Уполномоченный по правам ребёнка" + name))
    return out


def find_orgs(
    text: str,
    *,
    tokens: list[Token] | None = None,
    ner_spans: Iterable[tuple[int, int, str]] = (),
    registry: OrgRegistry | None = None,
    home_region: str | None = None,
    rules: dict[tuple[int, int], str] | None = None,
) -> list[OrgMention]:
    """Organizations that matter here, each mention with its canonical name, in text order.

    `home_region` (official name of the article's region) names «краевое министерство ...».
    `rules`, when given, gets the way each mention was found (alias, ombudsman, government,
    quote, ner), keyed by its (start, end): newsmon explain."""
    reg = registry or build_default()
    toks = tokens if tokens is not None else tokenize(text)
    found = _alias_hits(text, toks, reg)
    if rules is not None:
        rules.update({(m.start, m.end): "alias" for m in found})
    ombudsman = _ombudsman_hits(text, toks, found)
    found += ombudsman
    if rules is not None:
        rules.update({(m.start, m.end): "ombudsman" for m in ombudsman})
    for m in _government_hits(text, toks, reg, home_region):
        if not any(o.start < m.end and m.start < o.end for o in found):
            found.append(_canonical(m, reg, exact=True))  # named to its region: not the federal one
            if rules is not None:
                rules[(m.start, m.end)] = "government"
    for m in _quote_hits(text, toks, reg):
        if not any(o.start < m.end and m.start < o.end for o in found):
            found.append(_canonical(m, reg))
            if rules is not None:
                rules[(m.start, m.end)] = "quote"
    for s, e, typ in ner_spans:
        if typ != "ORG" or any(o.start < e and s < o.end for o in found):
            continue
        e = extend_quote(text, s, e)
        span = text[s:e]
        key = tuple(t.lemma for t in toks if s <= t.start and t.end <= e)
        if not key or key[0] not in reg.kinds or reg.companies & set(key) or len(key) < 2:
            if rules is not None:  # the key (-1, -1, …) lists what was left out, for explain
                why = "company" if reg.companies & set(key) else (
                    "bare_org" if key and key[0] in reg.kinds else "not_org_kind")
                rules[(s, -e - 1)] = why
            continue  # a bare «Фонд» or «Правительство» names no one in particular
        found.append(_canonical(OrgMention(s, e, normalize_org(span, reg.kinds)), reg))
        if rules is not None:
            rules[(s, e)] = "ner"
    return merge_quoted(sorted(found, key=lambda m: m.start))


def extend_quote(text: str, s: int, e: int) -> int:
    span = text[s:e]
    opened = sum(span.count(c) for c in OPEN_QUOTES) - span.count("»") - span.count("”")
    while opened > 0 and e < len(text) and text[e] != "\n":
        if text[e] in "»”":
            opened -= 1
        e += 1
    return e


def _canonical(m: OrgMention, reg: OrgRegistry, *, exact: bool = False) -> OrgMention:
    """The registry's name for m when an alias starts m's name (or is all of it, with `exact`)."""
    key = lemmatize_phrase(m.name.replace("«", " ").replace("»", " "))
    for alias, name in reg.index.get(key[0] if key else "", ()):
        if key == alias or (not exact and key[: len(alias)] == alias):
            return OrgMention(m.start, m.end, name)
    return m


def count_orgs(mentions: list[OrgMention]) -> list[tuple[str, int]]:
    """(canonical name, mentions) in order of first appearance."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    return list(counts.items())


def _gov_name(span: str, head: Token, reg: OrgRegistry) -> str:
    name = normalize_org(span, reg.kinds)
    if head.lemma == "министр":  # «министр труда ... края Светлана Красицкая»: the ministry
        name = "Министерство" + name[len(name.split(" ", 1)[0]) :]
    return name
