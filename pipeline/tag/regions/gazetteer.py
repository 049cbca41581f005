"""Federal subjects: the gazetteer (names, informal names, adjectives, cities) and mentions in a text.

Everything is matched on lemmas (pipeline.lang.morph), so «в Уссурийске», «уссурийских семей» and
«Комсомольске-на-Амуре» find their subject from one dictionary entry. Data: pipeline/data/regions.yml
pipeline/data/cities.tsv (generated from city.csv by scripts/build_cities.py) and
pipeline/data/districts.tsv (every municipal district and its centre, scripts/build_districts.py).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
from collections.abc import Container
from dataclasses import dataclass, replace
from typing import NamedTuple

from newsmon.core.datafiles import data_dir
from newsmon.core.errors import UserError
from newsmon.core.yamlfile import load_yaml_file
from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import Token, lemma, lemmas_all, lemmatize_phrase, normalize_word, tokenize

DATA = data_dir("pipeline")

DOMINANT_RATIO = 10  # «Киров» is the regional centre, not the Kaluga town, unless the text says so
# A large city is meant over a town of its name at a lower ratio: «Благовещенск» (214 thousand) is
# the Amur capital, not the Bashkir town of 34 thousand.
LARGE_CITY = 150_000
LARGE_CITY_RATIO = 5


def _dominant_ratio(population: int) -> int:
    return LARGE_CITY_RATIO if population >= LARGE_CITY else DOMINANT_RATIO
SMALL_TOWN = 50_000  # «Приволжского затона» (Приволжск, 16 000 people) is not the town
SUGGEST_CUTOFF = 0.8  # «Нарния» is not «Татария» (0.62): no suggestion beats a silly one


@dataclass(frozen=True)
class Region:
    name: str  # official name, e.g. "Хабаровский край"
    iso: str  # "RU-KHA"
    district: str  # federal district, e.g. "Дальневосточный"


@dataclass(frozen=True)
class Entry:
    """One gazetteer form: a key of lemma tuples pointing at one or more subjects."""

    isos: tuple[str, ...]
    # subject | alias | abbr | initials | adj | city | city_adj | district | centre | demonym
    kind: str
    needs_context: bool = False
    dominant: str | None = None  # of a shared city name, the subject whose city is 10x larger
    small: bool = False  # a small town's adjective: counts only when the text names its subject
    shared: bool = False  # a district name also borne by places elsewhere: needs its subject named
    form: str = ""  # an abbreviation exactly as it must be written («РТ»; «СО» is not «со»)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    isos: tuple[str, ...]
    kind: str
    dominant: str | None = None
    small: bool = False
    shared: bool = False  # counts only when the text or the home region names its subject


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
    stay_words: frozenset[str]
    body_words: frozenset[str]
    national_words: frozenset[str]
    related_markers: tuple[str, ...]
    credit_markers: tuple[str, ...]
    home_adjectives: dict[str, frozenset[str]]  # type word of a subject name → adjective lemmas
    query_abbreviations: dict[str, str]  # «обл» → «область» in a user's --region


def _surface_forms(word: str) -> frozenset[str]:
    """All inflected forms of a one-word name, for names pymorphy lemmatizes inconsistently."""
    forms = {normalize_word(word), lemma(word)}
    parses = get_morph_vocab().parse(normalize_word(word))
    for p in parses[:1]:
        if p.tag.POS == "NOUN":
            forms |= {normalize_word(f.word) for f in p.lexeme}
    if parses and "Fixd" in parses[0].tag:
        # «Лиски», «Туймазы»: a plural town name the dictionary takes for an indeclinable one
        # («Сочи», «Тольятти» are); read as the plural noun it also is, it declines («в Лисках»).
        plural = next((p for p in parses[1:] if p.tag.POS == "NOUN"
                       and {"plur", "nomn"} <= set(p.tag.grammemes)), None)
        if plural is not None:
            forms |= {normalize_word(f.word) for f in plural.lexeme if "plur" in f.tag}
    folded = normalize_word(word)
    if folded.endswith("ье"):
        # «Прииртышье», «Зауралье», «Приангарье»: a neuter noun in «-ье», declined as such
        # («Прииртышья», «Прииртышью»), which pymorphy may read as something else.
        stem = folded[:-2]
        forms |= {stem + ending for ending in ("ье", "ья", "ью", "ьем")}
    return frozenset(forms)


def _key(phrase: str, *, expand: bool) -> tuple[frozenset[str], ...]:
    lemmas = lemmatize_phrase(phrase)
    if expand and len(lemmas) == 1:
        return (_surface_forms(phrase) | {lemmas[0]},)
    return tuple(frozenset({lem}) for lem in lemmas)


@functools.cache
def gazetteer() -> Gazetteer:
    spec = load_yaml_file(DATA / "regions.yml")
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

    def add_abbreviation(abbr: str, entry: Entry) -> None:
        # keyed by its letters, not a lemma: pymorphy reads «СО» as «с», «ВО» as «в»
        index.setdefault(normalize_word(abbr), []).append(((frozenset({normalize_word(abbr)}),),
                                                           entry))

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
            add_abbreviation(abbr, Entry(iso, "abbr", form=abbr))
            lookup[normalize_word(abbr)] = reg.iso
        for adj in spec_r.get("adj", []):
            add(adj, Entry(iso, "adj"))
            suggest[lemma(adj)] = reg.iso
        for lem in lemmatize_phrase(bare):
            if lem not in {"область", "край", "республика", "автономный", "округ", "народный"}:
                suggest.setdefault(lem, reg.iso)
    listed = {normalize_word(a) for r in spec["regions"] for a in r.get("abbr", [])}
    for abbr, isos in sorted(_initials(spec["regions"]).items()):
        if normalize_word(abbr) in listed:
            continue
        if len(abbr) >= 3 and len(isos) == 1:  # «ХМАО», «КБР»: one subject's, unmistakable
            add_abbreviation(abbr, Entry(isos, "abbr", form=abbr))
            lookup[normalize_word(abbr)] = isos[0]
        else:  # «РТ», «ЧР», «СК»: another subject's too, or another body's — needs context
            add_abbreviation(abbr, Entry(isos, "initials", form=abbr))
    for amb in spec.get("ambiguous", []):
        kind = "adj" if amb.get("adj") else "alias"
        add(amb["form"], Entry(tuple(amb["isos"]), kind), expand=kind == "alias")
    for adj, iso in spec.get("city_adjectives", {}).items():
        add(adj, Entry((iso,), "adj"))
    for demonym, iso in spec.get("demonyms", {}).items():
        add(demonym, Entry((iso,), "demonym"), expand=True)  # lower-case in a sentence
    cities: dict[tuple[str, str], dict[str, int]] = {}
    ctx_names: set[str] = set()
    for line in (DATA / "cities.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, iso, kind, ctx, pop = line.split("\t")
        name = _without_yo(name)
        cities.setdefault((name, kind), {})[iso] = int(pop)
        if ctx == "1":
            ctx_names.add(name)
    for (name, kind), pops in list(cities.items()):
        # «в Ростове» is said of Ростов-на-Дону as well as of Ростов (Ярославская область): a
        # hyphenated city's first part that is another town's name belongs to both; one that
        # reads as a town's name of its own («Петропавловск», «Переславль»: what locals write)
        # names the city.
        head = name.split("-")[0]
        if kind == "city" and head != name and (
            (head, "city") in cities or _short_form_of_a_town(head)
        ):
            for iso, pop in pops.items():
                cities.setdefault((head, "city"), {}).setdefault(iso, pop)
    data_shared = _read_districts(cities, ctx_names)
    town_pop = {normalize_word(n): max(p.values()) for (n, k), p in cities.items() if k == "city"}
    shared = _shared_districts(spec, cities)
    okrugs = {  # «Зеленоградский административный округ» (Москва), written «Зеленоградский округ»
        name.removesuffix(" административный округ"): set(pops)
        for (name, kind), pops in cities.items()
        if kind == "district" and name.endswith(" административный округ")
    }
    for (name, kind), pops in cities.items():
        ranked = sorted(pops, key=lambda iso: -pops[iso])
        dominant = None
        if (
            kind == "city"
            and len(ranked) > 1
            and pops[ranked[0]] >= _dominant_ratio(pops[ranked[0]]) * max(pops[ranked[1]], 1)
        ):
            dominant = ranked[0]  # a village shared by subjects is never guessed by its size
        if kind == "district" and len(pops) == 1 and name in data_shared:
            shared.add(name)  # «Центральный район»: its adjective names places in many subjects
        small = max(pops.values()) < SMALL_TOWN
        if kind == "adj":  # «уссурийский»: the town's population is the size
            small = town_pop.get(name[:-2], 0) < SMALL_TOWN
        kind = "city_adj" if kind == "adj" else kind
        entry = Entry(tuple(sorted(pops)), kind, name in ctx_names, dominant, small, name in shared)
        own = _key(name, expand=True) if kind == "centre" else ()
        if len(own) == 1 and any(
            len(key) == 1 for form in own[0] for key, _ in index.get(form, ())
        ):
            continue  # станица Курская is not «Курская (область)», посёлок Орловский not «орловский»
        add(name, entry, expand=kind in ("city", "centre") and " " not in name)
        if kind == "district" and name.endswith(" район"):
            # «Чердаклинский муниципальный район», «… муниципальный округ» (many districts became
            # municipal okrugs in the 2020s; the table keeps the name a newspaper writes)
            head = _key(name, expand=False)[:-1]
            okrug = okrugs.get(name.removesuffix(" район"), set()) - set(pops)
            if okrug:  # «Зеленоградский округ»: Калининградская область's and Москва's
                entry = replace(entry, isos=tuple(sorted(set(pops) | okrug)))
            for unit in UNIT_KEYS:
                key = head + unit
                for first in key[0]:
                    index.setdefault(first, []).append((key, entry))
    for adj, iso, small in _derived_adjectives(spec, cities, ctx_names, index):
        add(adj, Entry((iso,), "city_adj", small=small))
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
        stay_words=frozenset(lem for w in ctx["stay_words"] for lem in lemmatize_phrase(w)[-1:]),
        body_words=frozenset(lem for w in ctx["body_words"] for lem in lemmatize_phrase(w)[-1:]),
        national_words=frozenset(ctx["national_words"]),
        related_markers=tuple(normalize_word(m).rstrip(":") for m in ctx["related_markers"]),
        credit_markers=tuple(normalize_word(m) for m in ctx["credit_markers"]),
        home_adjectives={k: frozenset(v) for k, v in ctx["home_adjectives"].items()},
        query_abbreviations={k: v or "" for k, v in spec["query_abbreviations"].items()},
    )


def _read_districts(cities: dict[tuple[str, str], dict[str, int]], ctx_names: set[str]) -> set[str]:
    """pipeline/data/districts.tsv (scripts/build_districts.py): every municipal district and okrug
    with its subject, and the largest settlement of each (kind «centre»: Чердаклы, Плешаново),
    merged into the city table's rows; and federal_city_parts.tsv, the districts and towns
    inside Москва and Санкт-Петербург that the settlement tables leave out. Returns the district names whose adjective also names
    settlements in many subjects («Центральный», «Октябрьский»): shared, read from the data."""
    shared: set[str] = set()
    lines = [
        line
        for table in ("districts.tsv", "federal_city_parts.tsv")
        for line in (DATA / table).read_text(encoding="utf-8").splitlines()
    ]
    for line in lines:
        if not line or line.startswith("#"):
            continue
        name, iso, kind, ctx, is_shared, pop = line.split("\t")
        name = _without_yo(name)
        if kind == "centre" and (name, "city") in cities:
            kind = "city"  # Москва's Отрадное beside Ленинградская область's town: one name
        pops = cities.setdefault((name, kind), {})
        pops[iso] = max(pops.get(iso, 0), int(pop))
        if ctx == "1":
            ctx_names.add(name)
        if is_shared == "1":
            shared.add(name)
    return shared


def _without_yo(name: str) -> str:
    """One place however its tables spell it: «Будённовский район» (districts.tsv) and
    «Буденновский район» (cities.tsv) are one district, and a district or town of the same name
    in another subject then shares its entry, instead of hiding behind the other spelling."""
    return name.replace("ё", "е").replace("Ё", "Е")


SUBJECT_TYPES = frozenset({"область", "край", "республика", "округ"})
MUNICIPAL = frozenset({"муниципальный"})
# «Мариинско-Посадский муниципальный район / округ», and plainly «Мариинско-Посадский округ»: the
# district became a municipal okrug and its own site writes it so.
UNIT_KEYS = (
    (MUNICIPAL, frozenset({"район"})), (MUNICIPAL, frozenset({"округ"})), (frozenset({"округ"}),)
)


def _initials(regions: list[dict]) -> dict[str, tuple[str, ...]]:
    """Abbreviations by initials, derived from the official names: «Республика Татарстан» → РТ,
    «Кабардино-Балкарская Республика» → КБР, «Ханты-Мансийский автономный округ — Югра» → ХМАО,
    «Чувашская Республика — Чувашия» → ЧР. Only a name with its type word (область, край,
    республика, округ) gives initials («Санкт-Петербург» does not give «СП»). One abbreviation may
    belong to several subjects: РТ is Татарстан and Тыва, ЧР Чувашия and Чечня."""
    out: dict[str, set[str]] = {}
    for r in regions:
        plain = re.sub(r"\([^)]*\)", " ", r["name"])  # «Республика Саха (Якутия)»
        for part in re.split(r"\s+—\s+", plain):
            words = [w for w in re.split(r"[\s-]+", part.strip()) if w]
            if len(words) < 2 or not set(lemmatize_phrase(part)) & SUBJECT_TYPES:
                continue
            out.setdefault("".join(w[0] for w in words).upper(), set()).add(r["iso"])
    return {abbr: tuple(sorted(isos)) for abbr, isos in out.items()}


def _shared_districts(spec: dict, cities: dict) -> set[str]:
    """District names that also belong to places elsewhere, found from the data: «Дзержинский
    район» (Калужская область) is named like the town Дзержинск (Нижегородская область), and so
    are city districts of Новосибирск, Перми, Ярославля; «Свердловский район» is named like another
    subject. Such a name counts only when the text or the home region names its subject."""
    towns: dict[str, set[str]] = {}
    for (name, kind), pops in cities.items():
        if kind == "city":
            towns.setdefault(normalize_word(name), set()).update(pops)
    subject_adjs = {normalize_word(a): r["iso"] for r in spec["regions"] for a in r.get("adj", [])}
    out = set()
    for (name, kind), pops in cities.items():
        if kind != "district" or " " not in name:
            continue
        adj = normalize_word(name.split()[0])
        stem = re.sub(r"(ск|цк)(ий|ой)$", "", adj)
        if len(stem) < 4 or stem == adj:
            continue
        elsewhere = {iso for town, isos in towns.items() if town.startswith(stem) for iso in isos}
        if subject_adjs.get(adj) not in (None, *pops) or elsewhere - set(pops):
            out.add(name)
    return out


def _derived_adjectives(spec: dict, cities: dict, ctx_names: set[str], index: dict):
    """«Таганрог» → «таганрогский», «Череповец» → «череповецкий», «Балаково» → «балаковский»:
    adjectives of one-subject, one-word towns by the suffix rules in regions.yml, kept only when
    pymorphy reads the adjective as its own lemma and it is not a common word (stoplist)."""
    stop = set(spec.get("adjective_stoplist", []))
    rules = [(a, b) for a, b in spec["adjective_rules"]]
    for (name, kind), pops in cities.items():
        if kind != "city" or len(pops) != 1 or name in ctx_names or not name.isalpha():
            continue
        low = normalize_word(name)
        for ending, suffix in rules:
            if ending == "+" and low[-1] in CONSONANTS:
                adj = low + suffix
            elif ending != "+" and low.endswith(ending):
                adj = low[: -len(ending)] + suffix
            else:
                continue
            taken = any(len(key) == 1 for key, _ in index.get(adj, ()))  # «Тверской»: own entry
            if adj not in stop and not taken and lemma(adj) == adj:
                (iso,) = pops
                yield adj, iso, pops[iso] < SMALL_TOWN
            break


# Settlements smaller than a town: the city table holds towns, so «в посёлке Октябрьском» or
# «посёлки Мга и Павлово» is not the town of that name in another subject.
VILLAGE_WORDS = frozenset({
    "село", "деревня", "хутор", "аул", "посёлок", "поселок", "пос", "пгт", "станица",
    "слобода", "починок", "выселок", "местечко",
})
# How far back a plural «посёлки», «сёла» governs a list of names joined by commas and «и».
VILLAGE_LIST_WORDS = 6
CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")


def all_regions() -> list[Region]:
    """The 89 federal subjects in a stable order (by federal district, as in regions.yml)."""
    return list(gazetteer().regions)


def region_by_iso(iso: str) -> Region:
    """The subject with this ISO 3166-2:RU code; KeyError if unknown."""
    return gazetteer().by_iso[iso.upper()]


def resolve_region(name: str) -> Region:
    """A user's region (official name, ISO code, informal name or inflected form) → Region.

    Unknown names raise UserError with the nearest known official name.
    """
    gaz = gazetteer()
    raw = " ".join(name.split())
    key = normalize_word(raw)
    if key in gaz.lookup:
        return gaz.by_iso[gaz.lookup[key]]
    abbr = gaz.query_abbreviations
    words = [abbr.get(normalize_word(w).rstrip("."), w.rstrip(".")) for w in raw.split()]
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
    best = difflib.get_close_matches(
        normalize_word(text), list(gaz.lookup), n=1, cutoff=SUGGEST_CUTOFF
    )
    return gaz.by_iso[gaz.lookup[best[0]]] if best else None


# --- matching -------------------------------------------------------------------------------------


class TokenKeys(NamedTuple):
    """What a token matches a name's word by: its lemma and form (``own``); for names of several
    words, also every reading of a capitalised word (``readings``)."""

    own: frozenset[str]
    readings: frozenset[str]


def _token_keys(tok: Token) -> TokenKeys:
    own = frozenset({tok.lemma, normalize_word(tok.text)})
    return TokenKeys(own, own | lemmas_all(tok.text) if tok.text[:1].isupper() else own)


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
    city_parts: set[tuple[str, ...]] = set()
    i = 0
    while i < len(toks):
        found = _match_at(gaz, text, toks, keys, i)
        if found is None:
            i += 1
            continue
        n, entry = found
        first, last = toks[i], toks[i + n - 1]
        city = _district_of_named_city(gaz, text, toks, keys, i, n, entry)
        if city is not None:
            # «в Куйбышевском районе Новокузнецка»: the town that follows says which subject.
            out.append(Mention(first.start, last.end, city.isos, "district", city.dominant))
            i += n
            continue
        if _subject_district(text, toks, i, n, entry):
            # «Оренбургский район» of Оренбургская область, or «Приморский район» of Петербург:
            # counts only when the text or the home region names the subject.
            out.append(Mention(first.start, last.end, entry.isos, "district", shared=True))
        elif entry.kind in ("city", "centre") and (
            _names_a_city_part(text, toks, i) or _after_na(text, toks, i)
        ):
            # «в микрорайоне Юрьевец Фрунзенского района Владимира»: a part of a city named
            # like a town elsewhere; the text's other «Юрьевец» are that part too. So is a town's
            # name after «на» («на Соколе», «на Оби»): a town is «в Соколе»; «на» takes a city's
            # district, a river or a street.
            city_parts.add(_name_key(toks, i, n))
        elif _accept(gaz, text, toks, i, n, entry, per, loc):
            if entry.kind == "adj" and n == 1:
                entry = _subject_of_adjective(gaz, text, toks, keys, i) or entry
            kind = entry.kind
            if kind == "city" and n == 1 and _adjectival(text, toks, i):
                kind = "city_adj"  # «в Приволжском затоне» is not «за Приволжском»
            out.append(
                Mention(
                    first.start,
                    last.end,
                    entry.isos,
                    kind,
                    entry.dominant,
                    entry.small,
                    entry.shared,
                )
            )
        i += n
    if city_parts:
        out = [m for m in out if _name_key(tokenize(text[m.start : m.end]), 0, None)
               not in city_parts]
    out = _districts_by_centres(out)
    out = follow_town_districts(text, out, town_districts(text, out))
    out = follow_districts(text, out, district_names(text, out))
    named = {iso for m in out if not (m.small and m.kind == "city_adj") for iso in m.isos}
    return [m for m in out if not (m.small and m.kind == "city_adj") or set(m.isos) & named]


# Words for a part of a city: a name after one is that part, not a town of the same name.
CITY_PART_WORDS = frozenset({"микрорайон", "мкр", "мкрн", "квартал", "жилмассив"})


def _names_a_city_part(text: str, toks: list[Token], i: int) -> bool:
    """«микрорайон Юрьевец», «мкр. Заря», «жилой массив Восточный»: the name right after a
    word for a part of a city."""
    if i == 0 or not re.fullmatch(r"\.?[ \t\xa0]{0,2}", text[toks[i - 1].end : toks[i].start]):
        return False
    prev = toks[i - 1].lemma
    return prev in CITY_PART_WORDS or (
        prev == "массив" and i > 1 and toks[i - 2].lemma == "жилой")


def _after_na(text: str, toks: list[Token], i: int) -> bool:
    return i > 0 and toks[i - 1].lemma == "на" and re.fullmatch(
        r"[ \t\xa0]{1,2}", text[toks[i - 1].end : toks[i].start]) is not None


# Between a town and the district it lies in: «Находка, Тазовский район», «Находка Тазовского
# района».
_TOWN_DISTRICT_GAP = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*")


def town_districts(text: str, mentions: list[Mention]) -> dict[str, tuple[str, ...]]:
    """Towns named together with the district they lie in («Находка, Тазовский район» on Ямал,
    not Находка of Приморье): the town's lemma → the district's subject."""
    return {
        lemma(text[town.start : town.end]): district.isos
        for town, district in itertools.pairwise(mentions)
        if town.kind in ("city", "centre") and district.kind == "district"
        and len(district.isos) == 1 and not district.shared
        and _TOWN_DISTRICT_GAP.fullmatch(text[town.end : district.start])
    }


def follow_town_districts(
    text: str, mentions: list[Mention], placed: dict[str, tuple[str, ...]]
) -> list[Mention]:
    """Every mention of a town `town_districts` placed (of the text, or of its headline) is the
    placed town."""
    if not placed:
        return mentions
    return [
        dataclasses.replace(m, isos=isos, dominant=None)
        if m.kind in ("city", "centre") and (isos := placed.get(lemma(text[m.start : m.end])))
        else m
        for m in mentions
    ]


def _name_key(toks: list[Token], i: int, n: int | None) -> tuple[str, ...]:
    return tuple(t.lemma for t in (toks[i : i + n] if n is not None else toks[i:]))


def _districts_by_centres(mentions: list[Mention]) -> list[Mention]:
    """A district name several subjects share, in a text that also names the centre of one of
    those districts («в Красногвардейском районе … в селе Плешаново»), is that subject's
    district; the centre is then known to be that subject's too."""
    centres = [set(m.isos) for m in mentions if m.kind == "centre"]
    if not centres:
        return mentions
    picked: dict[frozenset[str], str] = {}  # a centre's subjects → the one a district confirmed
    out = []
    for m in mentions:
        if m.kind == "district" and len(m.isos) > 1:
            meets = [c & set(m.isos) for c in centres]
            hits = {iso for meet in meets if len(meet) == 1 for iso in meet}
            if len(hits) == 1 and not any(len(meet) > 1 for meet in meets):
                (iso,) = hits
                m = Mention(m.start, m.end, (iso,), m.kind)
                picked.update({frozenset(c): iso for c in centres if iso in c})
        out.append(m)
    return [
        Mention(m.start, m.end, (picked[frozenset(m.isos)],), m.kind)
        if m.kind == "centre" and frozenset(m.isos) in picked
        else m
        for m in out
    ]


def district_names(text: str, mentions: list[Mention]) -> dict[str, tuple[str, ...]]:
    """The districts a text names, by the lemma of their first word («ивановский»)."""
    return {
        lemma(text[m.start : m.end].split()[0]): m.isos for m in mentions if m.kind == "district"
    }


def follow_districts(
    text: str, mentions: list[Mention], districts: dict[str, tuple[str, ...]]
) -> list[Mention]:
    """A subject's or a town's one word read as an adjective, where the article names a
    district of that adjective (a subject's: «Ивановские опекуны … Совет депутатов Ивановского
    муниципального округа» in Амурская область; a town's: a headline «В Красногорском открылся
    клуб» over «Красногорский район … Глазов», not Красногорск), may mean the district: it
    stands for the district's subjects and is resolved from context as the district is.
    ``districts``: `district_names` of the article (its text, for its headline)."""
    out = []
    for m in mentions:
        word = text[m.start : m.end]
        one_word = m.kind in ("adj", "city", "city_adj") and len(word.split()) == 1
        isos = districts.get(lemma(word)) if one_word else None
        if isos is not None and isos != m.isos:
            m = dataclasses.replace(m, isos=isos, dominant=None)  # the district's subjects
        out.append(m)
    return out


def _district_of_named_city(gaz, text, toks, keys, i: int, n: int, entry: Entry) -> Entry | None:
    """The town a district is of, when the town follows it («Куйбышевском районе Новокузнецка»):
    it decides the subject, not a district of the same name elsewhere."""
    after = i + n
    if entry.kind != "district" or after >= len(toks) or not _joined(text, toks[after - 1],
                                                                        toks[after]):
        return None
    found = _match_at(gaz, text, toks, keys, after)
    if found is None or found[1].kind != "city" or not toks[after].text[:1].isupper():
        return None
    return found[1]


def _subject_district(text: str, toks: list[Token], i: int, n: int, entry: Entry) -> bool:
    """A subject's adjective before «район»: a district named after the subject or its capital."""
    nxt = i + n
    return (
        entry.kind == "adj"
        and nxt < len(toks)
        and toks[nxt].lemma == "район"
        and _joined(text, toks[nxt - 1], toks[nxt])
    )


def _adjectival(text: str, toks: list[Token], i: int) -> bool:
    """A city form that reads as an adjective before a noun («Приволжском затоне»), other
    adjectives between them («Приволжском федеральном округе»)."""
    if not _adjective_form(toks[i].text):
        return False
    for j in range(i + 1, min(i + 4, len(toks))):
        if not _joined(text, toks[j - 1], toks[j]):
            return False
        if _noun_form(toks[j].text):
            return True
        if not _adjective_form(toks[j].text):
            return False
    return False


def _match_at(gaz, text, toks, keys, i) -> tuple[int, Entry] | None:
    candidates = []
    for k in sorted(keys[i].readings):  # sorted: the same winner among equals in every process
        candidates.extend(gaz.index.get(k, ()))
    best: tuple[int, Entry] | None = None
    for key, entry in candidates:
        n = len(key)
        if best is not None and n < best[0]:
            continue
        if best is not None and n == best[0] and not _district_reading(toks, i + n, entry, best[1]):
            # Any reading of the word counts here: «Отрадном» is read first as Отрадное
            # (Ленинградская область), but it is as much the locative of Отрадный (Самарская).
            if _two_towns(best[1], entry) and _case_ok(toks[i], entry) and all(
                keys[i + j].readings & key[j] for j in range(n)
            ):
                best = (n, _either_town(best[1], entry))
            continue
        if i + n > len(toks):
            continue
        # In a name of several words any reading of a capitalised word may fit («Среднего Урала»:
        # pymorphy2 reads «Среднего» first as the noun «среднее»); a one-word name needs the
        # word's own lemma or form.
        if all(
            (keys[i + j].readings if n > 1 else keys[i + j].own) & key[j]
            and (j == 0 or _joined(text, toks[i + j - 1], toks[i + j]))
            for j in range(n)
        ):
            if _case_ok(toks[i], entry):
                best = (n, entry)
    return best


_TOWN_KINDS = ("city", "centre")


def _two_towns(a: Entry, b: Entry) -> bool:
    """One word that is a form of two towns of different subjects: «Октябрьском» is Октябрьск
    (Самарская область) in the instrumental and Октябрьский (Башкортостан) in the locative."""
    return a.kind in _TOWN_KINDS and b.kind in _TOWN_KINDS and set(a.isos) != set(b.isos)


def _either_town(a: Entry, b: Entry) -> Entry:
    """Both towns' subjects, shared: the text or the home region says which (as for a district
    name several subjects have)."""
    isos = tuple(sorted(set(a.isos) | set(b.isos)))
    return Entry(isos, "city", small=a.small and b.small, shared=True)


def _district_reading(toks: list[Token], after: int, entry: Entry, current: Entry) -> bool:
    """Before «район» a subject's adjective («Приморском районе») beats a town of the same
    spelling (Приморск): the district reading is the one _subject_district can weigh."""
    return (
        entry.kind == "adj" and current.kind != "adj"
        and after < len(toks) and toks[after].lemma == "район"
    )


def _case_ok(tok: Token, entry: Entry) -> bool:
    if entry.kind in ("abbr", "initials"):
        return tok.text == entry.form
    if entry.kind in ("alias", "city", "centre"):
        return tok.text[:1].isupper()
    return True


# A town's name ends so («Петропавловск», «Переславль», «Усолье», «Гаврилов»); «Усть-», «Южно-»,
# «Горно-», «Улан-» are only parts of one.
_TOWN_ENDINGS = ("ск", "цк", "ов", "ев", "ль", "ье")


def _short_form_of_a_town(head: str) -> bool:
    """The first part of a hyphenated city reads as a town's own name, and is no common word
    («Соль-Илецк»: «соль» is salt)."""
    if len(head) < 5 or not head.lower().endswith(_TOWN_ENDINGS):
        return False
    parses = get_morph_vocab().parse(head.lower())
    return not any(p.tag.POS == "NOUN" and "Geox" not in p.tag.grammemes and p.is_known
                   for p in parses)


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _village_list(text: str, toks, i: int) -> bool:
    """«посёлки Мга и Павлово», «в сёлах Ильинское, Никольское»: a settlement word governs the
    capitalised names listed after it (joined only by commas and «и»)."""
    j = i - 1
    while j >= 0 and i - j <= VILLAGE_LIST_WORDS:
        if not re.fullmatch(r"[\s,\xa0]*", text[toks[j].end : toks[j + 1].start]):
            return False
        if toks[j].lemma in VILLAGE_WORDS:
            return True
        if toks[j].lemma != "и" and not toks[j].text[:1].isupper():
            return False
        j -= 1
    return False


def _accept(gaz, text, toks, i, n, entry, per, loc) -> bool:
    first, last = toks[i], toks[i + n - 1]
    prev = ""
    if i > 0 and re.fullmatch(r"\.?[ \t\xa0]{0,2}", text[toks[i - 1].end : first.start]):
        prev = toks[i - 1].lemma  # «г. Мирный», «в Мирном»
    if (_overlaps(first.start, last.end, per) and not _misread_person(first, last, entry, per)
            and prev not in gaz.settlement_words):  # «г. Курчатов» is a town, not the physicist
        return False
    nxt = toks[i + n].lemma if i + n < len(toks) and _joined(text, last, toks[i + n]) else ""
    if prev in {"улица", "ул", "проспект", "пр", "переулок", "шоссе", "площадь", "бульвар"}:
        return False
    if prev in {"имя", "им"} and toks[i - 1].text.lower() in ("имени", "им"):
        return False  # «библиотека имени Пушкина»: a person honoured in a name, not Пушкин
    if entry.kind == "adj" and (prev in gaz.settlement_words or prev in VILLAGE_WORDS):
        return False  # «станица Курская», «село Московское»: a settlement named by the adjective
    if entry.kind == "initials" and not re.search("[а-яё]", _line(text, first.start)):
        return False  # a line in capitals («СК И МО ПОДПИСАЛИ …») has no abbreviations to tell
    if entry.kind == "city" and (prev in VILLAGE_WORDS or _village_list(text, toks, i)):
        return False  # the table holds towns: «в селе Никольском» is a village, not the town
    if entry.kind == "centre" and (prev in VILLAGE_WORDS or _village_list(text, toks, i)):
        return True  # a district's centre is a village: «в селе Плешаново», «посёлок Чердаклы»
    if nxt in gaz.street_words or (
            entry.kind == "adj" and _conjoined_before(gaz.street_words, text, toks, i + n)):
        # «Московский проспект», «в Приморском районе» (not the town Приморск); a city's own
        # adjective keeps its district («Уссурийский район»). «Ивановский и Тамбовский округа»:
        # the first of two adjectives sharing the word.
        if (entry.kind == "adj" and nxt in CITY_PART_WORDS and i + n + 1 < len(toks)
                and toks[i + n + 1].text[:1].isupper() and _names_a_city_part(text, toks, i + n + 1)
                and _names_in_apposition(toks[i + n + 1].text)):
            # «в йошкар-олинском микрорайоне Мирный»: the part has its own name, so the
            # adjective before it says whose city it is
            return True
        if entry.kind == "adj" or (entry.kind == "city" and n == 1 and _adjective_form(first.text)):
            return False
        if entry.kind == "city_adj" and nxt == "районный":
            return False  # «Выборгский районный суд»: a district's court, Петербург's as well
    if (entry.kind in ("adj", "city_adj") and n == 1 and prev == "на"
            and not (i + 1 < len(toks) and _noun_form(toks[i + 1].text))
            and _elided_street(first.text)):
        return False  # «пункт проката на Московской», «на Комсомольской»: the street, unsaid
    if (entry.kind in ("adj", "city_adj") and n == 1 and prev in BESIDE_PREPOSITIONS
            and not (i + 1 < len(toks) and (_noun_form(toks[i + 1].text)
                                            or _adjective_form(toks[i + 1].text)
                                            or _joined_list_word(text, toks, i + 1)))
            and _feminine_singular_adjective(first.text, cases=("gent",))):
        return False  # «остановка у Красноярской», «возле Московской»: a street, unsaid
    if (entry.kind in ("adj", "city_adj") and n == 1 and ORDINAL_RE.fullmatch(prev)
            and not (i + 1 < len(toks) and _noun_form(toks[i + 1].text))
            and _feminine_singular_adjective(first.text)):
        return False  # «на 2-й Краснодарской», «2-я Московская»: a numbered street, unsaid
    if entry.needs_context:
        # The LOC span must be the name itself, not a larger place («в Белом доме», «Острове Уайт»).
        if prev in gaz.settlement_words or any(
            s <= first.start and last.end <= e and e - s <= last.end - first.start + 2
            for s, e in loc
        ):
            return True
        # «в Кирове», «во Владимире», «из Кургана»: a capitalised place name in the locative
        # after «в», in the genitive after «из».
        case = {"в": "loct", "во": "loct", "из": "gent"}.get(prev)
        return (
            n == 1
            and case is not None
            and first.text[:1].isupper()
            and _geo_case(first.text, case)
            and not (_adjective_form(first.text) and nxt and _noun_form(toks[i + 1].text))
        )
    return True


# The kind word of a subject an adjective may share with others or carry as an adjective itself:
# «в Московской и Тверской областях», «Московская областная дума».
SUBJECT_KIND_LEMMAS = {"область": "область", "областной": "область", "край": "край",
                       "краевой": "край"}


def _subject_of_adjective(gaz, text: str, toks: list[Token], keys, i: int) -> Entry | None:
    """The subject an adjective names with the kind word after it or after the list it opens:
    «Московской и Тверской областей» is Московская область, not Москва, whose adjective
    «московский» is on its own."""
    reached = _kind_word_after_list(text, toks, i + 1, SUBJECT_KIND_LEMMAS)
    if reached is None:
        return None
    word = SUBJECT_KIND_LEMMAS[toks[reached].lemma]
    for reading in sorted(keys[i].readings):
        for key, entry in gaz.index.get(reading, ()):
            if entry.kind == "subject" and len(key) == 2 and word in key[1]:
                return entry
    return None


def _conjoined_before(words: frozenset[str], text: str, toks: list[Token], j: int) -> bool:
    """«и Тамбовский округа», «, Тамбовский и Ромненский районы»: token j joins a list (by «и»
    or a comma) of adjectives that ends in one of ``words``."""
    return (j < len(toks) and _list_join(text, toks, j)
            and _kind_word_after_list(text, toks, j, words) is not None)


def _list_join(text: str, toks: list[Token], j: int) -> bool:
    """Token j is «и» or follows a comma."""
    return toks[j].lemma == "и" or bool(re.fullmatch(r"\s*,\s*", text[toks[j - 1].end : toks[j].start]))


def _kind_word_after_list(text: str, toks: list[Token], j: int, words: Container[str]) -> int | None:
    """The one walk both readings of an adjective list share: from token j on, adjectives joined
    by «и» or commas, up to one of ``words`` (a kind word: «областей», «районы»); its index, or
    None when the list ends in anything else or at the end of a phrase."""
    while j < len(toks) and _joined(text, toks[j - 1], toks[j]):
        if toks[j].lemma in words:
            return j
        if toks[j].lemma != "и" and not _adjective_form(toks[j].text):
            return None
        j += 1
    return None


def _line(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1 : len(text) if end < 0 else end]


def _misread_person(first: Token, last: Token, entry: Entry, per) -> bool:
    """Natasha often reads a region's informal name alone as a person («Рейтинг возглавила
    Смоленщина», «…Калужщина и Рязанщина»): a PER span that is exactly a subject's name or
    informal name, with no first name or surname beside it, is the region. «Питер Пэн» (a longer
    span) and a town named like a person («Владимир») stay people. A demonym is a people."""
    if entry.kind == "demonym":
        return True  # «Якутяне, хабаровчане и магаданцы — в финале»: a people, never a person
    return entry.kind in ("subject", "alias", "abbr") and any(
        s == first.start and e == last.end for s, e in per
    )


def _adjective_form(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in get_morph_vocab().parse(normalize_word(word)))


# Prepositions of a place beside something, taking the genitive: «у Красноярской» is by a street.
BESIDE_PREPOSITIONS = frozenset({"у", "возле", "около", "напротив", "близ"})


def _joined_list_word(text: str, toks: list[Token], j: int) -> bool:
    """Token j joins a list: «и», «или», or a comma before an adjective («у Московской, Тверской
    и Ярославской областей»; not «у Красноярской, рядом с рынком»)."""
    if toks[j].lemma in ("и", "или"):
        return True
    return (text[toks[j - 1].end : toks[j].start].strip() == "," and j + 1 < len(toks)
            and _adjective_form(toks[j + 1].text))


def _elided_street(word: str) -> bool:
    """A feminine adjective in the locative, read as «на … улице» with the street word left
    out; only a form no subject's name takes (not «на Камчатке», not an adjective plural)."""
    return _feminine_singular_adjective(word, cases=("loct", "datv"))


# «2-я», «2-й», «1-ой», «3-ю»: an ordinal numeral written with its ending.
ORDINAL_RE = re.compile(r"\d+-?(?:я|й|ая|ой|ую|ю)")


def _feminine_singular_adjective(word: str, cases: tuple[str, ...] | None = None) -> bool:
    """Some parse reads the word as a feminine singular adjective (in one of ``cases``)."""
    return any(
        p.tag.POS == "ADJF" and p.tag.gender == "femn" and p.tag.number == "sing"
        and (cases is None or p.tag.case in cases)
        for p in get_morph_vocab().parse(normalize_word(word))
    )


def _noun_form(word: str) -> bool:
    parses = get_morph_vocab().parse(normalize_word(word))
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _names_in_apposition(word: str) -> bool:
    """«(микрорайоне) Мирный», «(микрорайоне) Северном»: a name in the nominative or agreeing in
    the locative — not «(микрорайоне) Великого Новгорода», the whole the part belongs to."""
    cases = {p.tag.case for p in get_morph_vocab().parse(normalize_word(word))}
    return bool(cases & {"nomn", "loct", "loc2"})


def _geo_case(word: str, case: str) -> bool:
    return any(
        "Geox" in p.tag.grammemes and p.tag.case == case
        for p in get_morph_vocab().parse(normalize_word(word))
    )

