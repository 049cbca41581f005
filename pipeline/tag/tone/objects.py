"""The object of a tone judgement: how it is named in a text and which clauses are about it.

An object given as «отдел опеки Ленинского района» is found in a text by its head noun and that
noun's generic references («отдел», «опека», «специалисты»), by the words of its quoted name
(«Куратор семьи» → «куратор»), and by the institutional nouns inside it. A *system* object
(«система профилактики…», «поддержка приёмных семей…») is the whole text's subject.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.lang.morph import tokenize
from pipeline.tag.tone.clauses import Clause

# Institutional nouns → the words a text uses to refer back to them.
ALIASES: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in {
        "фонд": {"фонд"},
        "проект": {"проект"},
        "программа": {"программа"},
        "министерство": {"министерство", "ведомство", "минсоцразвитие", "минздрав", "минобр",
                         "минтруд", "министр", "минобрнауки", "минсоцполитика"},
        "минсоцразвитие": {"минсоцразвитие", "министерство", "ведомство"},
        "минздрав": {"минздрав", "министерство", "ведомство"},
        "департамент": {"департамент", "ведомство"},
        "управление": {"управление", "ведомство"},
        "отдел": {"отдел"},
        "опека": {"опека", "опекунский"},
        "орган": {"орган"},
        "центр": {"центр"},
        "приют": {"приют"},
        "администрация": {"администрация", "чиновник", "мэрия"},
        "правительство": {"правительство"},
        "служба": {"служба", "соцслужба"},
        "соцслужба": {"соцслужба", "служба"},
        "соцзащита": {"соцзащита"},
        "комиссия": {"комиссия", "кдн"},
        "уполномоченный": {"уполномоченный", "омбудсмен"},
        "омбудсмен": {"омбудсмен", "уполномоченный"},
        "собрание": {"собрание", "заксобрание", "парламент"},
        "дума": {"дума", "парламент"},
        "полиция": {"полиция", "полицейский"},
        "мчс": {"мчс", "спасатель"},
        "больница": {"больница", "клиника"},
        "поликлиника": {"поликлиника"},
        "дом": {"дом"},
        "отделение": {"отделение"},
        "квартира": {"квартира"},
        "семья": {"семья"},
        "гбу": set(), "гку": set(), "мбу": set(), "ано": set(),
        "суд": {"суд"},
        "прокуратура": {"прокуратура", "прокурор"},
    }.items()
}
ORG_NOUNS = frozenset().union(*ALIASES.values()) - {"семья", "дом"}
# Courts and prosecutors judge the object; they are not another organisation competing for a
# clause's events («суд обязал администрацию…» is about the administration).
JUDGES = frozenset({"суд", "прокуратура", "прокурор"})
SYSTEM_HEADS = frozenset({"система", "поддержка", "профилактика", "сфера", "работа"})
# Words of a quoted name too common to find it by («Семья», «Дом детства»).
COMMON = frozenset({
    "семья", "ребенок", "дом", "мама", "детство", "жизнь", "взрослый", "рядом", "центр", "наш",
    "свой", "новый", "для", "мать", "дитя", "родной", "человек", "социальный", "детский",
})
QUOTED_RE = re.compile(r"«([^«»]+)»")


@dataclass(frozen=True)
class TargetObject:
    name: str
    keys: frozenset[str]  # lemmas that mention it
    system: bool  # a region's family-support system: the whole text is about it


@functools.lru_cache(maxsize=4096)
def parse_object(name: str) -> TargetObject:
    lemmas = [t.lemma for t in tokenize(name)]
    head = lemmas[0] if lemmas else ""
    if head in SYSTEM_HEADS:
        return TargetObject(name, frozenset(), True)
    keys: set[str] = set()
    outside = QUOTED_RE.sub(" ", name)
    for noun in [t.lemma for t in tokenize(outside)]:
        if noun in ALIASES:
            keys |= ALIASES[noun]
    if "социальный" in lemmas and "защита" in lemmas:
        keys.add("соцзащита")
    for quoted in QUOTED_RE.findall(name.replace("««", "«")):
        for word in tokenize(quoted):
            if word.lemma not in COMMON and len(word.lemma) > 2 and word.lemma not in ORG_NOUNS:
                keys.add(word.lemma)
    if not keys:
        keys = {head} if head else set()
    return TargetObject(name, frozenset(keys), False)


def mention_positions(clause: Clause, target: TargetObject) -> list[int]:
    """Indexes of the clause's words that refer to the object."""
    return [i for i, w in enumerate(clause.words) if w.lemma in target.keys or w.lower in target.keys]


PREPOSITIONS = frozenset({"из", "в", "во", "на", "при", "от", "у", "к", "для", "с", "со", "о", "об",
                          "по", "за", "до", "около", "возле"})


def other_org_positions(clause: Clause, target: TargetObject) -> list[int]:
    """Indexes of other organisations acting in the clause: institutional nouns that are not the
    object's references and not a place or circumstance after a preposition («из приютов»)."""
    words = clause.words
    return [
        i for i, w in enumerate(words)
        if w.lemma in ORG_NOUNS and w.lemma not in JUDGES
        and w.lemma not in target.keys and w.lower not in target.keys
        and not (i and words[i - 1].lower in PREPOSITIONS)
        and not (i and words[i - 1].pos == "NOUN")  # «ремонт приюта»: a modifier, not an actor
    ]


def enabled_by(clause: Clause, positions: list[int]) -> bool:
    """The object is named as the one who made the clause's facts possible («при поддержке фонда»,
    «благодаря гранту фонда»): every fact in the clause is its."""
    from pipeline.tag.tone.lexicon import ENABLERS

    words = clause.words
    for m in positions:
        before = words[max(0, m - 4):m]
        for phrase in ENABLERS:
            n = len(phrase)
            for k in range(len(before) - n + 1):
                if all(phrase[j] in (before[k + j].lemma, before[k + j].lower) for j in range(n)):
                    return True
    return False


def is_listed(clause: Clause, positions: list[int], target: TargetObject) -> bool:
    """A mention in a list of participants, partners or programmes (R12)."""
    from pipeline.tag.tone.lexicon import LIST_MARKERS

    if not any(w.lemma in LIST_MARKERS for w in clause.words):
        return False
    others = [w for w in clause.words if w.lemma in ORG_NOUNS and w.lemma not in target.keys]
    return bool(others) or clause.text.count(",") >= 2 or clause.text.count("«") >= 2


def is_background(clause: Clause) -> bool:
    """The object's role is past or commissioned: «семь лет назад фонд помог», «по заказу фонда»."""
    from pipeline.tag.tone.lexicon import BACKGROUND

    words = clause.words
    for phrase in BACKGROUND:
        if phrase == ("ранее",):
            if any(w.lower == "ранее" and (i == 0 or words[i - 1].lemma not in {"год", "годом"})
                   and not (i and words[i - 1].lower == "годом") for i, w in enumerate(words)):
                return True
            continue
        if clause.has_phrase(phrase):
            return True
    return False

