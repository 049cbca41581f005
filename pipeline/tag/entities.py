"""Entities: Natasha's PER/LOC/ORG spans, split where one span holds two names, with normal forms.

«Андрея Травникова» → «Андрей Травников»; «ООО «Ромашка»» keeps its quoted name; «Джоэл Саймон
(Joel Simon)» is two entities.
"""

from __future__ import annotations

import functools
import re

from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import normalize_word
from pipeline.tag.doc import Entity
from pipeline.tag.orgs import names as orgnames
from pipeline.tag.orgs import tagger as orgs_mod

PERSON_GRAMS = ("Name", "Surn", "Patr")


def find_entities(text: str, ner: list[tuple[int, int, str]]) -> list[Entity]:
    """The entities of `text` from its NER spans (start, stop, type)."""
    return [_entity(text, s, e, t) for s0, e0, t in ner for s, e in _split_span(text, s0, e0, t)]


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
