"""What one clause says for and against whoever it is about: events, outcome trends, verdicts.

- **Trends (R2, R6).** An outcome indicator («изъятий», «возвратов», «устроено в семьи») with a
  direction («снизилось», «прибавилось», «больше», «150 против 110», «с 58 до 31») is good or bad
  by the indicator's kind: fewer removals is good news in the words of bad news. «Ни одна … не
  отказалась» and «без … отказов» are a fall to zero.
- **Events.** A delivered positive event (past tense or a noun: «открылась», «помощь») is good;
  announced in the future or described in the present (how a service works) it carries no tone
  (R5), evaluative words aside («благодарят»). A negated positive event is bad («так и не
  отремонтировала», «не получала»). Negative events count in any tense; negated they count
  only as a verdict that refutes them («нарушений не выявила», R8).
- **Who → whom (R11).** When a clause names more than one organisation, an event counts for the
  object only when the object's mention is the organisation nearest to the event word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.tag.tone import lexicon as lx
from pipeline.tag.tone.clauses import Clause, Word
from pipeline.tag.tone.objects import PREPOSITIONS

NUM = r"(\d[\d\s]*(?:[.,]\d+)?)\s*(%|процент\w*|тыс\w*\.?|млн)?"
# (current, previous) orders of the numeric comparisons news use.
COMPARISONS = (
    (re.compile(NUM + r"[^\d.;]{0,12}?\b(?:против|вместо)\s+" + NUM), False),
    (re.compile(r"\bс\s+" + NUM + r"\s+до\s+" + NUM), True),  # previous first
    (re.compile(NUM + r"[^\d;]{0,40}?(?:годом|год|годом\s+ранее|в\s+позапрошлом\s+году)\s*"
                r"(?:ранее|раньше|назад|ранее\s+было|было|году)?[^\d;]{0,25}?" + NUM), False),
)


@dataclass
class Evidence:
    positive: float = 0.0
    negative: float = 0.0
    praise: float = 0.0  # positive weight from praise words (ironic when failures are reported)
    refuted: bool = False  # an independent verdict refuted criticism
    accused: bool = False  # the clause carries criticism or a complaint
    reasons: list[str] = field(default_factory=list)

    def add(self, other: Evidence, weight: float = 1.0) -> None:
        self.positive += other.positive * weight
        self.negative += other.negative * weight
        self.praise += other.praise * weight
        self.refuted |= other.refuted
        self.accused |= other.accused
        self.reasons += other.reasons


def _number(text: str) -> float | None:
    digits = re.sub(r"\s", "", text).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def numeric_direction(text: str) -> int:
    """+1 when a comparison in `text` says the figure rose, -1 fell, 0 none or equal."""
    for pattern, previous_first in COMPARISONS:
        m = pattern.search(text)
        if not m:
            continue
        if re.match(r"\s*(?:час|ч\b|:|мин|утра|вечера)", text[m.end():]):
            continue  # «с 8 до 17 часов»: opening hours, not a trend
        a, b = _number(m.group(1)), _number(m.group(3))
        if a is None or b is None or a == b:
            continue
        if previous_first:
            a, b = b, a
        return 1 if a > b else -1
    return 0


def _negated(words: tuple[Word, ...], i: int, span: int = 3) -> bool:
    """A negation among the few words before word i, within the same stretch of the clause."""
    for j in range(i - 1, max(-1, i - span - 1), -1):
        if words[j].lower in lx.NEGATION:
            return True
        if words[j].pos == "CONJ" and words[j].lower not in {"и"}:
            return False  # «нарушений нет, а задержки…»: the negation stays in its part
    return False


def _indicator(word: Word, nxt: Word | None) -> int:
    """-1 for an outcome where more is worse, +1 where more is better, 0 otherwise."""
    if word.lemma in lx.BAD_INDICATORS or word.lower in lx.BAD_INDICATORS:
        if word.lemma in {"отказ", "отказываться", "отказаться"} and (nxt is None or nxt.lower != "от"):
            return 0  # «отказ в пособии» is a refusal by someone, not an outcome
        return -1
    if word.lemma in lx.GOOD_INDICATORS or word.lower in lx.GOOD_INDICATORS:
        return 1
    if word.lemma in {"передать", "переданный"} and nxt is not None and nxt.lower in {"в", "на"}:
        return 1  # «переданных в семьи»: placed in families
    return 0


def _direction(words: tuple[Word, ...], d: int) -> int:
    """+1 up, -1 down, 0 none; a goal («работа по снижению») is no trend, «больше не» is a fall,
    and a negated direction («не уменьшилось») is the opposite one."""
    word = words[d]
    before = words[d - 1].lower if d else ""
    if before in {"по", "на", "для"}:
        return 0
    after = words[d + 1].lower if d + 1 < len(words) else ""
    if word.lower == "больше" and after in {"не", "нет"}:
        return -1  # «больше не стоит»: no longer
    negated_after = after in {"не", "ни"}  # «меньше не становится»
    direction = 0
    if word.lemma in lx.UP or word.lower in lx.UP_WORDS:
        direction = 1
    elif word.lemma in lx.DOWN or word.lower in lx.DOWN_WORDS:
        direction = -1
    if direction and (before in {"не", "ни"} or negated_after):
        direction = -direction
    return direction


def trends(clause: Clause) -> tuple[list[int], set[int]]:
    """Polarities (+1 good, -1 bad) of the outcome trends in the clause and the words they used."""
    words = clause.words
    indicators = [
        (i, k) for i, w in enumerate(words)
        if (k := _indicator(w, words[i + 1] if i + 1 < len(words) else None))
    ]
    if not indicators:
        return [], set()
    used: set[int] = set()
    found: list[int] = []
    if any(clause.has_phrase(p) for p in lx.FLAT_PHRASES) or any(w.lemma in lx.FLAT for w in words):
        return [], {i for i, _ in indicators}
    for d in range(len(words)):
        direction = _direction(words, d)
        if not direction:
            continue
        # The indicator the trend is about: the nearest before it (its subject, not a complement
        # after a preposition: «очередь на участки растёт»), else the nearest after it.
        earlier = [ik for ik in indicators if ik[0] < d]
        subjects = [ik for ik in earlier if not _dependent(words, ik[0])]
        earlier = subjects or earlier
        i, kind = max(earlier) if earlier else min(indicators, key=lambda ik: abs(ik[0] - d))
        found.append(direction * kind)
        used |= {i, d}
    for d, w in enumerate(words):
        # Leaving a bad state: «вышли из социально опасного положения», «вернулись из приютов».
        if w.lemma in lx.EXIT and d + 1 < len(words) and words[d + 1].lower in {"из", "с"}:
            bad = [i for i, k in indicators if k < 0 and d < i <= d + 5 and i not in used]
            if bad:
                found.append(1)
                used |= {d, *bad}
    if not found and re.search(r"\d", clause.text):
        # A delivered outcome with a number: «за год в семьи устроены 23 ребёнка».
        for d, w in enumerate(words):
            if w.lemma in lx.DELIVERED_OUTCOMES and w.tense == "past" and not _negated(words, d):
                found.append(1)
                used.add(d)
                break
    if found:  # every indicator word is accounted for by the trend («жалобы на задержку … прекратились»)
        used |= {i for i, _ in indicators}
    if not found:
        direction = numeric_direction(clause.text)
        if direction:
            i, kind = indicators[0]
            found.append(direction * kind)
            used.add(i)
    if not found:
        # A fall to zero: «ни одна семья не отказалась», «ни одного возврата», «без отказов».
        for i, kind in indicators:
            if kind < 0 and _negated(words, i, span=4) and not _negated_event_is_failure(words, i):
                found.append(1)
                used.add(i)
    return found, used


def _dependent(words: tuple[Word, ...], i: int) -> bool:
    """A complement, not a subject: after a preposition («на участки») or a noun modifying
    another noun («задержку выплат», «число изъятий»)."""
    j = i - 1
    while j >= 0 and words[j].pos in {"ADJF", "PRTF", "NUMR", "NUMB"}:
        j -= 1  # «на бесплатные земельные участки»
    if j < 0:
        return False
    before = words[j]
    return before.lower in PREPOSITIONS or (before.pos == "NOUN" and words[i].pos == "NOUN")


def _negated_after(words: tuple[Word, ...], i: int) -> bool:
    """Existential negation after a noun: «помощи нет», «психолога не было»."""
    nxt = words[i + 1].lower if i + 1 < len(words) else ""
    return words[i].pos == "NOUN" and nxt in {"нет", "не"} and (
        nxt == "нет" or (i + 2 < len(words) and words[i + 2].lemma == "быть")
    )


def _in_a_name(words: tuple[Word, ...], i: int) -> bool:
    """«служба ранней помощи», «центр помощи детям»: the word names an organisation's work."""
    from pipeline.tag.tone.objects import ORG_NOUNS

    return words[i].pos == "NOUN" and any(w.lemma in ORG_NOUNS for w in words[max(0, i - 2):i])


def _persisting(words: tuple[Word, ...]) -> bool:
    """«третий месяц не можем», «обещают третий год», «полгода ждут»: a failure that lasts."""
    lemmas = {w.lemma for w in words} | {w.lower for w in words}
    if not lemmas & lx.PERSIST_CONTEXT:
        return False
    for i, w in enumerate(words[:-1]):
        if w.lemma in lx.ORDINALS and words[i + 1].lemma in lx.PERIODS:
            return True
        if w.lower in {"полгода", "годами", "месяцами"}:
            return True
        if w.lower == "уже" and i + 2 < len(words) and words[i + 2].lemma in lx.PERIODS:
            return True  # «делают уже два месяца»
    return False


def _negated_event_is_failure(words: tuple[Word, ...], i: int) -> bool:
    """«без очереди» is not an outcome: only a negated removal/refusal/return is a zero."""
    return words[i].lemma in {"очередь", "задержка", "жалоба", "приют"} and not any(
        w.lower in {"ни", "ни-одной"} for w in words[max(0, i - 4):i]
    )


def _markers(clause: Clause, used: set[int], ev: Evidence) -> None:
    """Whole-clause signs of failure: idioms («на бумаге»), lacks («без присмотра»), lasting
    failures («третий месяц», «до сих пор»)."""
    words = clause.words
    for phrase in lx.NEGATIVE_PHRASES:
        if clause.has_phrase(phrase):
            ev.negative += 1
            ev.reasons.append("- " + " ".join(phrase))
            break
    for i, w in enumerate(words[:-1]):
        if w.lower in {"без", "нет"} and words[i + 1].lemma in lx.NEEDS:
            ev.negative += 0.5  # a family's plight: often the scene the object's help answers
            ev.reasons.append(f"- без {words[i + 1].lemma}")
            used.add(i + 1)
    if _persisting(words) or any(clause.has_phrase(p) for p in lx.STILL):
        ev.negative += 1
        ev.reasons.append("- который месяц")


def _verdicts(clause: Clause, ev: Evidence) -> set[int]:
    """Independent verdicts (R8): refutations («нарушений не выявила», «опровергла», «признала
    законными») and findings («проверка нашла…»). Returns the words they used."""
    words, lemmas = clause.words, clause.lemmas()
    verdict = any(x in lx.VERDICT_SUBJECTS for x in lemmas)
    done: set[int] = set()
    for i, w in enumerate(words):
        if w.lemma in {"найти", "выявить", "подтвердить", "подтвердиться"} and _negated(words, i, 4):
            if any(x in {"нарушение", "основание", "претензия", "факт"} for x in lemmas):
                ev.positive += 1.5
                ev.refuted = True
                done.add(i)
                done |= {j for j, x in enumerate(words) if x.lemma in {"нарушение", "претензия"}}
        if w.lemma in lx.REFUTE and not _negated(words, i):
            ev.positive += 1.5
            ev.refuted = ev.accused = True
            done.add(i)
        if w.lemma in lx.FINDINGS and verdict and not _negated(words, i, 4) and i not in done:
            ev.negative += 1  # an inspection found something: «проверка нашла просроченные продукты»
            ev.accused = True
            done.add(i)
        if w.lemma in {"законный", "необоснованный", "беспочвенный"} and verdict:
            ev.positive += 1.5
            ev.refuted = True
            done.add(i)
    return done


def _positive_weight(clause: Clause, i: int) -> float:
    """How much a non-negated positive event counts: delivered facts yes; plans, present-tense
    descriptions, purposes, routine verbs and the object's own assurances no (R5, R8)."""
    words = clause.words
    w = words[i]
    nxt = words[i + 1].lemma if i + 1 < len(words) else ""
    if nxt in lx.ROUTINE_AFTER.get(w.lemma, ()) or w.lemma in lx.NEGATED_ONLY:
        return 0.0
    if any(x.lemma in lx.ASSURE for x in words):
        return 0.0
    if w.lemma in lx.EVALUATIVE:
        return 1.0
    decided = any(x.lemma in lx.DECISIONS and x.tense == "past" for x in words)
    if any(x.lemma in lx.ANNOUNCE for x in words) and not decided:
        return 0.0
    if w.tense == "futr" and not decided:
        return 0.0
    if (w.tense == "pres" and w.pos == "VERB") or w.pos == "INFN":
        return 0.0  # how a service works, or a purpose («чтобы получить»)
    return 0.5 if w.lemma in lx.WEAK else 1.0


def read_clause(clause: Clause, counts_for: set[int] | None = None) -> Evidence:
    """The evidence of one clause; `counts_for` limits events to those word indexes (R11)."""
    ev = Evidence()
    if any(clause.has_phrase(p) for p in lx.BOILERPLATE) and not re.search(r"\d", clause.text):
        ev.reasons.append(f"шаблон: {clause.text[:60]}")
        return ev
    polarities, used = trends(clause)
    for p in polarities:
        if p > 0:
            ev.positive += 1.5
        else:
            ev.negative += 1.5
    if polarities:
        ev.reasons.append(f"динамика {'+' if sum(polarities) > 0 else '-'}: {clause.text[:60]}")
    _markers(clause, used, ev)
    used |= _verdicts(clause, ev)
    words = clause.words
    need_gone = any(clause.has_phrase(p) for p in lx.NEED_GONE)
    resolved = {
        j for i, w in enumerate(words) if w.lemma in lx.RESOLVE
        for j in range(i + 1, min(len(words), i + 4))
    }
    for i, w in enumerate(words):
        if i in used or (counts_for is not None and i not in counts_for):
            continue
        negated = _negated(words, i) or _negated_after(words, i)
        if w.lemma in lx.LACK and negated:
            ev.negative += 1
            continue
        if w.lemma in lx.POSITIVE_EVENTS:
            if _in_a_name(words, i) or (
                w.pos == "NOUN" and i and words[i - 1].lower in {"на", "для"}
            ):
                continue  # a name («служба ранней помощи»), a purpose («на обучение»)
            if negated:
                ev.negative += 1
                ev.reasons.append(f"не {w.lemma}")
                continue
            weight = _positive_weight(clause, i)
            if weight:
                if w.lemma in lx.PRAISE:
                    ev.praise += weight
                ev.positive += weight
                ev.reasons.append(f"+ {w.lemma}")
            continue
        if w.lemma in lx.PRAISE and not negated:
            ev.praise += 1
            ev.positive += 1
            continue
        if w.lemma in lx.NEGATIVE_EVENTS:
            if negated or i in resolved:
                continue
            if w.lemma in {"закрыть", "закрыться", "закрывать", "закрываться", "закрытый"} and need_gone:
                ev.positive += 1
                continue
            if w.lemma in {"отказ", "отказываться"} and i + 1 < len(words) and words[i + 1].lower == "от":
                continue
            weight = 0.5 if w.tense == "futr" else 1.0
            if w.lemma in lx.MOOD or (i and words[i - 1].lower == "после"):
                weight *= 0.5  # harm that sets the scene; what came before the news
            ev.negative += weight
            ev.accused = True
            ev.reasons.append(f"- {w.lemma}")
    if any(w.lemma in lx.PRAISE for w in words):
        ev.praise = ev.positive  # «Спасибо, очень помогли 🙃»: ironic if a failure is reported
    return ev
