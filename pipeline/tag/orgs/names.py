"""Organization normal forms: the head noun phrase inflected to the nominative, the rest verbatim.

«Фонда поддержки детей» → «Фонд поддержки детей» (Natasha's `normalize` lemmatizes every word:
«Фонд поддержка дети»); «Хабаровской региональной ... организации «Проектная группа «Союзники»» →
«Хабаровская региональная ... организация «Проектная группа «Союзники»»» with quotes kept whole.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pymorphy2.analyzer import Parse as PymorphyParse

from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import lemma, lemmatize_phrase, normalize_word

OPEN_QUOTES = "«„“"


def balance_quotes(s: str) -> str:
    """«Проектная группа «Союзники» → «Проектная группа «Союзники»»; "x" → «x»."""
    s = re.sub(r'"([^"]*)"', r"«\1»", s)
    s = re.sub(r"[„“]", "«", s).replace("”", "»")
    missing = s.count("«") - s.count("»")
    return s + "»" * missing if missing > 0 else s


def inflect(parse, grams: set[str]):
    """pymorphy2's own inflect (Natasha's MorphForm.inflect expects UD feature names)."""
    return PymorphyParse.inflect(parse, grams)


def cap_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    src_parts, parts = src.split("-"), word.split("-")
    if len(src_parts) == len(parts) > 1:  # «Ханты-Мансийского»
        return "-".join(cap_like(a, b) for a, b in zip(src_parts, parts))
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def inflect_head(words: list[str], kinds: frozenset[str]) -> list[str]:
    """Inflect the leading adjectives and head noun of an organization name to the nominative."""
    morph = get_morph_vocab()
    parses = [morph.parse(normalize_word(w)) for w in words]
    head = next((i for i, w in enumerate(words[:6]) if lemma(w) in kinds), None)
    if head is None:
        head = next((i for i, ps in enumerate(parses) if ps and ps[0].tag.POS == "NOUN"), None)
    if head is None:
        return words
    if head == 0 and normalize_word(words[0]) in kinds:
        return words  # already as listed: «Минсоцразвития» does not decline to «Минсоцразвитие»
    head_opts = [p for p in parses[head] if p.tag.POS in ("NOUN", "ADJF", "PRTF")] or parses[head]
    adjs = range(head)

    def agree(p, q) -> bool:
        return (
            p.tag.case == q.tag.case
            and p.tag.number == q.tag.number
            and (q.tag.number == "plur" or p.tag.gender in (None, q.tag.gender))
        )

    def score(hp) -> int:
        return sum(
            any(agree(ap, hp) for ap in parses[i] if ap.tag.POS in ("ADJF", "PRTF")) for i in adjs
        )

    best = max(head_opts, key=lambda p: (score(p), p.tag.number == "sing")) if head_opts else None
    if best is None:
        return words
    out = list(words)
    number = best.tag.number or "sing"
    infl = inflect(best, {"nomn", number}) or inflect(best, {"nomn"})
    if infl is not None:
        out[head] = cap_like(words[head], infl.word)
    gender = best.tag.gender if number == "sing" else None
    if best.tag.POS != "NOUN" and number == "sing":
        gender = best.tag.gender
    for i in adjs:
        ap = next((p for p in parses[i] if p.tag.POS in ("ADJF", "PRTF") and agree(p, best)), None)
        if ap is None:
            return words  # not a plain «adjectives + noun» head: leave the name as written
        feats = {"nomn", number} | ({gender} if gender else set())
        infl = inflect(ap, feats)
        if infl is not None:
            out[i] = cap_like(words[i], infl.word)
    return out


def is_adjective(word: str) -> bool:
    parses = get_morph_vocab().parse(normalize_word(word))
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def region_genitive(name: str) -> str:
    """«Астраханская область» → «Астраханской области» (adjectives agree, the rest verbatim)."""
    morph = get_morph_vocab()
    words = name.split(" ")
    out = []
    for k, w in enumerate(words):
        parses = [p for p in morph.parse(normalize_word(w)) if p.tag.case == "nomn"]
        if k + 1 < len(words):  # «Тверская область»: an adjective before the noun, not the street
            parses.sort(key=lambda p: p.tag.POS != "ADJF")
        p = next((p for p in parses if p.tag.POS in ("NOUN", "ADJF")), None)
        infl = inflect(p, {"gent"}) if p is not None and "(" not in w else None
        out.append(cap_like(w, infl.word) if infl else w)
        if p is not None and p.tag.POS == "NOUN":
            out.extend(words[k + 1 :])
            break
    return " ".join(out)


def merge_quoted(found: list) -> list:
    """«Фонд «Владмама»», «БФ «Владмама»» and «Благотворительный фонд «Владмама»»: one organization
    under its fullest name (the quoted name decides; heads and abbreviations vary)."""
    best: dict[str, str] = {}
    for m in found:
        q = m.name.find("«")
        if q > 0:
            key = normalize_word(m.name[q:])
            if len(m.name) > len(best.get(key, "")):
                best[key] = m.name
    out = []
    for m in found:
        q = m.name.find("«")
        if q > 0:
            m = replace(m, name=best[normalize_word(m.name[q:])])
        out.append(m)
    return out


def merge_regional(
    found: list,
    abbreviations: dict[str, tuple[str, ...]],
    title_names: frozenset[str] = frozenset(),
) -> list:
    """«Комитет по соцзащите Ленобласти» (a title) and «Комитет по социальной защите населения
    Ленинградской области» (the text): one regional body under its fullest name. Names merge when
    they have the same subject and the shorter one's words (abbreviations expanded) appear in
    order in the longer one's. A title's body («Министр соцзащиты Кубани») is also the text's
    only body with its head word and subject."""
    from pipeline.tag.regions.gazetteer import find_mentions

    keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name in {m.name for m in found}:
        regs = [r for r in find_mentions(name) if len(r.isos) == 1 and r.start > 0]
        if regs and regs[0].kind in ("subject", "alias", "abbr"):
            words: list[str] = []
            for w in lemmatize_phrase(name[: regs[0].start]):
                words.extend(abbreviations.get(w, (w,)))
            keys[name] = (regs[0].isos[0], tuple(w for w in words if w not in ("и", ",")))
    target: dict[str, str] = {}
    for short, (iso, words) in keys.items():
        longer = [
            n
            for n, (iso2, words2) in keys.items()
            if n != short
            and iso2 == iso
            and words2[:1] == words[:1]
            and _subsequence(words, words2)
        ]
        best = max([short, *longer], key=lambda n: (len(keys[n][1]), len(n), n))
        if best == short and short in title_names:
            same = [
                n
                for n, (iso2, words2) in keys.items()
                if n not in title_names and iso2 == iso and words2[:1] == words[:1]
            ]
            best = same[0] if len(same) == 1 else short
        if best != short:
            target[short] = best
    return [replace(m, name=target.get(m.name, m.name)) for m in found]


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return len(short) <= len(long) and all(w in it for w in short)
