"""Enumerations of regions: which mentions stand in a list, and when a list's members each count.

A list names its members in passing («опыт изучили коллеги из Пермского края, Удмуртии и
Башкирии») and is discounted — unless it says what happens to each member. Two shapes do:

- each member has its own predicate: «Прикамье — число семей выросло; Башкирия — открыто шесть
  школ» (`predicated_members`);
- each member is the subject or the place of its own clause, one after another in a paragraph:
  «Костромская область устроила в семьи 41 ребёнка. Во Владимирской области открыли три
  отделения… Ивановская область сократила очередь, а в Тверской области заработала линия»
  (`clause_members`) — a review of several regions, told member by member;
- the members share one predicate whose argument the whole list is: «в проекте участвуют A, B,
  C и D», «гранты получат A, B и C», «A, B и C подписали соглашение», «субсидии направят A, B и C»
  (`list_arguments`). Natasha's dependency parse decides: the list (its first member and
  the members conjoined to it) is the subject, object or indirect object of the sentence's
  predicate. A place («программа работает и в Москве, и в Петербурге») is not enough: it is as
  often a passing remark as the news. A list that hangs off a noun («коллеги из A, B», «делегаты из A, B», «представители A, B») is a mention list, and so
  is one whose predicate is about an event held somewhere («на форум приехали A, B и C»).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from pipeline.lang import syntax
from pipeline.lang.morph import Token, is_adjective, lemma
from pipeline.tag.regions.gazetteer import Mention

# Between two members of one list: commas, «и», a dash, a shared type word («Новосибирская и
# Томская области, Кузбасс»), a figure in brackets («Тюменская область (95,8 процента), Татарстан»),
# an adjective of the next member after «и» («Заокский район и соседний Тарусский район»).
SEPARATOR = re.compile(
    r"^(?:\s*\([^()]{0,40}\))?[\s,;и—–-]*(?:(?:кра[яеюй]\w*|област\w*|республик\w*)[\s,;и]*)?"
    r"(?:а\s+также\s+|также\s+)?(?:(?:в|во|на)\s+)?"
    r"(?:(?<=и\s)[а-яё]{3,}(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|ой|ей|ую|юю)\s+)?$"
)
# Places of a ranking told one by one («первое место заняла …, на втором месте …»).
PLACE_RE = re.compile(
    r"\b(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*\s+мест|\bмест\w*\s+"
    r"(?:занял|занима|раздел)", re.IGNORECASE,
)
# A sentence that ranks regions («меньше всего отказов зафиксировали в A, B и C», «в пятёрку
# лидеров вошли», «рейтинг возглавили»): the list it names is the ranking, every member its news.
RANKING_RE = re.compile(
    r"\b(?:больше|меньше|лучше|хуже|чаще|реже|выше|ниже)\s+всего\b|\bлидер|\bрейтинг"
    r"|\b(?:пят[её]рк|десятк|тройк)\w*\s+(?:лучш|лидер|регион)|\bнаи(?:меньш|больш|высш|лучш)\w*"
    r"|\b(?:перв|лучш)\w*\s+(?:пят[её]рк|десятк|тройк|двадцатк)"
    r"|\b(?:лучш|худш|высш|низш)\w*\s+(?:показател|результат)",
    re.IGNORECASE,
)
# A list of winners in its own sentence («Среди победителей — НКО из A, B и C»): each won
# something. Not the paragraph around it: «Семья из A стала победителем. Среди финалистов —
# семьи из B, C и D» is one winner and three who did not win.
WINNERS_RE = re.compile(r"\b(?:победител|призер|призёр|лауреат)\w*", re.IGNORECASE)
# The list is an argument of its predicate: who does it, to whom, what.
CORE_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
PREDICATE_POS = frozenset({"VERB", "AUX"})
# A review told member by member: at least this many subjects, each with a clause of its own, in
# one paragraph (two are as often a comparison: «в Татарстане так, а у нас иначе»).
CLAUSE_MEMBERS_MIN = 3
AWARDED_MEMBERS_MIN = 2
# A member opening its own segment: after a bullet or a number («- », «• », «1) »), or «в/на».
ROW_OPENING = re.compile(r"[\s«\"•·*–—-]*(?:\d{1,2}[.)]\s*)?(?:(?:в|во|на)\s+)?")
# A line of a bulleted list or of a table («- A — …», «A | 90,2 | +1,4», «--- | ---»).
ROW_LINE = re.compile(r"\s*(?:[•·*–—-]\s|\d{1,2}[.)]\s)|[^\n]*\s\|\s")
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})
LOCATIVE_PREPOSITIONS = frozenset({"в", "во", "на"})
# Officials a region acts through («губернаторы A и B подписали»), besides its bodies (orgs.yml).
OFFICIAL_LEMMAS = frozenset({
    "губернатор", "глава", "власть", "министр", "омбудсмен", "уполномоченный", "руководитель",
    "мэр", "администрация", "правительство", "совет", "председатель",
})  # fmt: skip
# A meeting of parties: a list of regions in its genitive («совещание уполномоченных A, B и C»)
# names who meet, not guests of an event held somewhere.
JOINT_EVENT_LEMMAS = frozenset({"встреча", "совещание", "заседание", "переговоры", "консультация"})
OFFICIAL_CHAIN = 3  # «уполномоченные ← по правам ← ребёнка ← A, B»


# The text counts the regions it is about: «для семей четырёх областей», «все три делегации»,
# «двух соседних регионов». When it names exactly that many, each is one of the counted.
COUNT_LEMMAS = {
    "два": 2, "оба": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10,
}  # fmt: skip
COUNTED_NOUNS = frozenset({"регион", "область", "край", "республика", "субъект", "делегация"})
COUNT_GAP_WORDS = 2  # adjectives between the number and the noun («четырёх соседних областей»)


def counted_regions(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """The numbers of regions the text says it is about («четырёх дальневосточных регионов» → 4),
    each with where it stands. Only a number word, up to two adjectives, then a word for a region
    or a delegation, with no punctuation between."""
    found: list[tuple[int, int]] = []
    for i, tok in enumerate(toks):
        number = COUNT_LEMMAS.get(tok.lemma)
        if number is None:
            continue
        for j in range(i + 1, min(i + 2 + COUNT_GAP_WORDS, len(toks))):
            if re.search(r"[^\s]", text[toks[j - 1].end : toks[j].start]):
                break
            if toks[j].lemma in COUNTED_NOUNS:
                found.append((number, tok.start))
                break
            if not is_adjective(toks[j].text):
                break
    return found


def groups(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """(first, last) indices of runs of mentions joined only by separators."""
    out, lo = [], 0
    for k in range(1, len(mentions) + 1):
        if k < len(mentions) and SEPARATOR.match(text[mentions[k - 1].end : mentions[k].start]):
            continue
        if k - 1 > lo:
            out.append((lo, k - 1))
        lo = k
    return out


def in_list(text: str, mentions: list[Mention], idx: int) -> bool:
    """Part of an enumeration of three or more different subjects separated by commas/«и»."""
    lo = hi = idx
    while lo > 0 and SEPARATOR.match(text[mentions[lo - 1].end : mentions[lo].start]):
        lo -= 1
    while hi + 1 < len(mentions) and SEPARATOR.match(
        text[mentions[hi].end : mentions[hi + 1].start]
    ):
        hi += 1
    return len({mentions[k].isos for k in range(lo, hi + 1)}) >= 3


# Predicates whose list is what the subject is measured against, not who acts or is concerned.
COMPARISON_LEMMAS = frozenset({
    "опережать", "опередить", "обгонять", "обогнать", "уступать", "уступить", "превосходить",
    "превзойти", "отставать", "отстать", "обойти", "обходить",
})


def list_arguments(
    text: str, mentions: list[Mention], venue_words: frozenset[str]
) -> dict[int, str]:
    """Mentions that are arguments of a predicate a list of two or more different subjects
    shares, by index, with the predicate's lemma. A region that is the argument of a predicate
    conjoined to it counts too («первое место заняла A, за ней следуют B, C и D»)."""
    out: dict[int, str] = {}
    for lo, hi in groups(text, mentions):
        if len({m.isos for m in mentions[lo : hi + 1]}) < 2 or lo in out:
            continue
        s, e = _sentence(text, mentions[lo].start, mentions[hi].end)
        toks = syntax.parse(text, s, e)
        if not toks:
            continue
        span = _span(toks, mentions[lo].start, mentions[hi].end)
        pred = None
        for m in mentions[lo : hi + 1]:
            top = _named_regions(toks, _climb(toks, _root(toks, m), span))
            pred = _argument_of(toks, top, span, venue_words)
            if pred is not None:
                break
        if pred is None:
            pred = _subject_by_case(toks, span, venue_words)
        if pred is None and len({m.isos for m in mentions[lo : hi + 1]}) >= 3:
            ranking = RANKING_RE.search(text, s, e) or WINNERS_RE.search(text, s, e)
            if ranking:  # the parse of a ranking's sentence is often lost; its words are not
                out.update({k: ranking.group(0).lower() for k in range(lo, hi + 1)})
                continue
        if pred is None:
            # «Уполномоченные по правам ребёнка A, B и C подписали меморандум»: each region
            # acts through its own officials or bodies.
            first = _climb(toks, _root(toks, mentions[lo]), span)
            official = _official_of(toks, first) or _body_before(toks, span)
            if official is not None:
                pred = _argument_of(toks, _heads_of(toks, official), span, venue_words)
        if pred is None:
            # «совещание уполномоченных A, B и C», «встреча наставнических программ A и B»: a
            # meeting of the regions' own people or bodies — each region takes part in it.
            pred = _joint_event_of(toks, _climb(toks, _root(toks, mentions[lo]), span))
        if pred is None:
            continue
        word = lemma(toks[pred].text)
        if word in COMPARISON_LEMMAS:
            continue  # «опережая соседние Красноярский край и Кузбасс»: what is compared with
        out.update({k: word for k in range(lo, hi + 1)})
        family = _conjoined(toks, pred)
        for k, m in enumerate(mentions):
            if k in out or not (s <= m.start and m.end <= e):
                continue
            own = _span(toks, m.start, m.end)
            other = _argument_of(toks, _climb(toks, _root(toks, m), own), own, venue_words)
            if other is not None and other in family:
                out[k] = word
    return out


def clause_members(
    text: str, mentions: list[Mention], resolve: Callable[[Mention], str | None],
    venue_words: frozenset[str], skip: Callable[[int], bool] = lambda k: False,
    headline: Callable[[int], bool] = lambda k: False,
) -> set[str]:
    """Subjects of a paragraph that tells what happens in each, clause by clause: each is the
    subject of its own predicate («Ивановская область сократила …») or the place where it
    happens («в Тверской области заработала …»), the predicates all different and none about an
    event held there («в Москве прошёл форум»). CLAUSE_MEMBERS_MIN or more such subjects in one
    paragraph all count. ``skip``: mentions that cannot be members (venues, stray headlines);
    ``headline``: the stray headlines alone — a paragraph opening with its region as the subject
    of what it did is a member even where the text's guests came from there."""
    # A run naming one region twice («в Кузбассе кемеровская АНО …») is no list.
    listed = {k for lo, hi in groups(text, mentions)
              if len({resolve(mentions[j]) for j in range(lo, hi + 1)}) > 1
              for k in range(lo, hi + 1)}
    # A bulleted review's rows are one paragraph; a list is not a review, but a ranking may go
    # on in one.
    by_paragraph = _by_paragraph(text, mentions, resolve, lambda k: skip(k) or k in listed, _rows)
    in_lists = {paragraph: set(members) for paragraph, members in _by_paragraph(
        text, mentions, resolve, lambda k: skip(k) or k not in listed, _rows).items()}
    out: set[str] = set()
    for (lo, hi), members in by_paragraph.items():
        ranked = set(members) | in_lists.get((lo, hi), set())
        if len(ranked) >= CLAUSE_MEMBERS_MIN and (
            RANKING_RE.search(text, lo, hi) or PLACE_RE.search(text, lo, hi)
        ):
            # «Первое место заняла A …, на втором месте B, на третьем — C»; «Лучший показатель у
            # A. Далее следуют B (0,10), C (0,11) и D»: the lists in it are ranked too
            out |= ranked
            continue
        # Winners told clause by clause («севастопольский фонд получит деньги на …, а кубанский
        # центр — на …»): two are already a contest's results, not a comparison.
        awarded = {iso for iso, ks in members.items()
                   if any(AWARD_RE.search(text, *_sentence(text, mentions[k].start, mentions[k].end))
                          for k in ks)}
        by_award = len(awarded) >= AWARDED_MEMBERS_MIN
        least = AWARDED_MEMBERS_MIN if by_award else CLAUSE_MEMBERS_MIN
        if len(members) < least:
            continue  # parse only where a review could be
        told = {iso for iso, ks in members.items()
                if (not by_award or iso in awarded)
                and any(_own_clause(text, mentions[k], venue_words)
                        or _gapped_clause(text, mentions[k])
                        or (by_award and _after_award_colon(text, mentions[k]))
                        for k in ks)}
        if len(told) >= least:
            out |= told
    return (out | _awarded_one_by_one(text, by_paragraph)
            | _reviewed_paragraph_by_paragraph(
                text, mentions, _by_paragraph(text, mentions, resolve, headline, _paragraph),
                venue_words))


def _by_paragraph(
    text: str, mentions: list[Mention], resolve: Callable[[Mention], str | None],
    skip: Callable[[int], bool], span: Callable[[str, int], tuple[int, int]],
) -> dict[tuple[int, int], dict[str, list[int]]]:
    """The resolved mentions not skipped, by the ``span`` they stand in (a paragraph, or a
    bulleted list's rows as one) and by subject."""
    out: dict[tuple[int, int], dict[str, list[int]]] = {}
    for k, m in enumerate(mentions):
        iso = resolve(m)
        if iso is not None and not skip(k):
            out.setdefault(span(text, m.start), {}).setdefault(iso, []).append(k)
    return out


# A paragraph announcing a winner: «Победителем в номинации … стал центр (Республика Адыгея)»,
# «первое место занял детский сад города Магадана», «лауреатом стала …».
AWARD_RE = re.compile(r"\bпобеди\w*|\bпобедил\w*|\bлауреат\w*|\bпризе?ё?р\w*|\bгран-при",
                      re.IGNORECASE)


def _after_award_colon(text: str, m: Mention) -> bool:
    """«Среди победителей есть и наши соседи: орловский фонд …»: the mention stands in what a
    colon after the award's words spells out."""
    s, _e = _sentence(text, m.start, m.end)
    award = AWARD_RE.search(text, s, m.start)
    return award is not None and ":" in text[award.end() : m.start]


def _awarded_one_by_one(
    text: str, by_paragraph: dict[tuple[int, int], dict[str, list[int]]]
) -> set[str]:
    """Winners told paragraph by paragraph, one region each: CLAUSE_MEMBERS_MIN or more such
    paragraphs are a contest's results, and every winner's region is news."""
    winners = [
        next(iter(members)) for (lo, hi), members in by_paragraph.items()
        if len(members) == 1 and (AWARD_RE.search(text, lo, hi) or PLACE_RE.search(text, lo, hi))
    ]
    return set(winners) if len(set(winners)) >= CLAUSE_MEMBERS_MIN else set()


def _reviewed_paragraph_by_paragraph(
    text: str, mentions: list[Mention], by_paragraph: dict[tuple[int, int], dict[str, list[int]]],
    venue_words: frozenset[str],
) -> set[str]:
    """A review told paragraph by paragraph (or row by row), one region each, every paragraph
    opening with its region as the subject or the place of what it did («Томичи запустили … ¶
    Омичи сделали ставку … ¶ В Кузбассе волонтёры прошли обучение …»): CLAUSE_MEMBERS_MIN or more such
    paragraphs are news of each. A paragraph naming its region later, or two regions, is no
    member («Коллеги с Камчатки пока только слушали. Из Якутии прислали вопросы»)."""
    openers: set[str] = set()
    for (lo, _hi), members in by_paragraph.items():
        if len(members) != 1:
            continue
        iso, ks = next(iter(members.items()))
        first = mentions[ks[0]]
        if _sentence(text, first.start, first.end)[0] > lo or not _own_clause(
                text, first, venue_words):
            continue
        openers.add(iso)
    return openers if len(openers) >= CLAUSE_MEMBERS_MIN else set()


# The dash standing for the verb its sentence gave once, right after a member («…, B — Y») or
# after up to two words naming its people («…, ивановские коллеги — о …»).
_DASH_FOR_VERB = re.compile(r"\s*[—–]\s+\w")
_WORDS_THEN_DASH = re.compile(r"(?:\s+[а-яё]+){0,2}\s*[—–]\s+\w")


# A gapped clause may open with the conjunction that sets it beside the full one («…, а B — …»).
_CLAUSE_CONJUNCTION = re.compile(r"\s*(?:а|и|но)\s+")


def _opens_after_comma(text: str, m: Mention, seg: int, conjunction: bool = False) -> bool:
    """The mention opens the part of its sentence (which starts after ``seg``) after a comma
    (``conjunction``: or after a comma and «а», «и», «но»)."""
    comma = text.rfind(",", seg + 1, m.start)
    if comma < 0:
        return False
    opening = text[comma + 1 : m.start].lower()
    if conjunction:
        joined = _CLAUSE_CONJUNCTION.match(opening)
        opening = opening[joined.end():] if joined else opening
    return bool(ROW_OPENING.fullmatch(opening))


def _gapped_clause(text: str, m: Mention) -> bool:
    """The mention opens a clause whose verb the sentence gave once: after a comma, then up to
    two words and the dash that stands for the verb («Ярославцы рассказали о …, ивановские
    коллеги — о …», «…, а липецкие специалисты — результатами …»)."""
    seg = max(text.rfind(c, 0, m.start) for c in ";.\n!?")
    return _opens_after_comma(text, m, seg, conjunction=True) and bool(
        _WORDS_THEN_DASH.match(text, m.end, m.end + 40))


def _own_clause(text: str, m: Mention, venue_words: frozenset[str]) -> bool:
    """The mention is the subject or the place of a predicate (not of an event held there)."""
    s, e = _sentence(text, m.start, m.end)
    toks = syntax.parse(text, s, e)
    if not toks:
        return False
    span = _span(toks, m.start, m.end)
    tok = _root(toks, m)
    if tok.rel == "amod" and 0 <= tok.head < len(toks) and toks[tok.head].pos in ("NOUN", "PROPN"):
        tok = toks[tok.head]  # «в Тверской области»: the mention is the adjective, «области» its noun
        span.add(tok.index)
    if not 0 <= tok.head < len(toks) or tok.head in span:
        return False
    head = toks[tok.head]
    if tok.rel in SUBJECT_RELATIONS and AWARD_RE.match(head.text):
        return True  # «Среди победителей … севастопольский фонд»: the award is the predicate
    if head.pos not in PREDICATE_POS or _about_an_event(toks, head, span, venue_words):
        return False
    return tok.rel in SUBJECT_RELATIONS or (tok.rel == "obl" and any(
        t.head == tok.index and t.rel == "case" and t.text.lower() in LOCATIVE_PREPOSITIONS
        for t in toks
    ))


def _official_of(toks: list[syntax.SynToken], tok: syntax.SynToken) -> syntax.SynToken | None:
    """The official or body a list of regions is the genitive of («губернаторы A и B»,
    «уполномоченные по правам ребёнка A, B»), up a short chain of genitives; None for a list of
    origins («специалисты из A, B») or of anything else («семьи A, B»)."""
    return _genitive_head(toks, tok, officials(), OFFICIAL_CHAIN)


def _heads_of(toks: list[syntax.SynToken], body: syntax.SynToken) -> syntax.SynToken:
    """The top of a chain of officials and bodies in the genitive («руководители ← центров ← A,
    B и C»): who is the predicate's argument."""
    seen = {body.index}
    while body.rel == "nmod" and 0 <= body.head < len(toks) and body.head not in seen:
        head = toks[body.head]
        if lemma(head.text) not in officials():
            break
        seen.add(head.index)
        body = head
    return body


def _body_before(toks: list[syntax.SynToken], in_span: set[int]) -> syntax.SynToken | None:
    """The body a list in the genitive directly follows («центры Тверской, Псковской и
    Новгородской областей»), when the parse hung the list elsewhere (off the next noun
    «…областей стали участниками проекта»): adjacency and case decide."""
    members = [toks[k] for k in in_span if toks[k].pos in ("NOUN", "PROPN", "ADJ")]
    first = min(in_span)
    if not members or first == 0 or any(t.case != "Gen" for t in members):
        return None
    before = toks[first - 1]
    return before if lemma(before.text) in officials() else None


def _joint_event_of(toks: list[syntax.SynToken], tok: syntax.SynToken) -> int | None:
    """The meeting a list of regions is the genitive of, through the people or bodies who meet
    («совещание ← уполномоченных ← по правам ← ребёнка ← A, B»); None for guests («гости из A,
    B»), for anything else («семьи A, B»)."""
    meeting = _genitive_head(toks, tok, JOINT_EVENT_LEMMAS, OFFICIAL_CHAIN + 1)
    return None if meeting is None else meeting.index


def _genitive_head(
    toks: list[syntax.SynToken], tok: syntax.SynToken, lemmas: frozenset[str], steps: int
) -> syntax.SynToken | None:
    """The first word with a lemma of ``lemmas`` up a chain of at most ``steps`` genitives
    (``nmod``) from ``tok``, which takes no preposition («из A, B», «для A, B»: None)."""
    if any(t.head == tok.index and t.rel == "case" for t in toks):
        return None
    cur = tok
    for _ in range(steps):
        if cur.rel != "nmod" or not 0 <= cur.head < len(toks):
            return None
        cur = toks[cur.head]
        if lemma(cur.text) in lemmas:
            return cur
    return None


@functools.lru_cache(maxsize=1)
def officials() -> frozenset[str]:
    """Who acts for a region: the organization kinds of orgs.yml (министерство, правительство,
    уполномоченный…) and the officials who head them."""
    from pipeline.lang.bodies import body_and_media_heads

    return body_and_media_heads()[0] | OFFICIAL_LEMMAS


def _span(toks: list[syntax.SynToken], start: int, end: int) -> set[int]:
    return {t.index for t in toks if start <= t.start and t.end <= end}


def _root(toks: list[syntax.SynToken], m: Mention) -> syntax.SynToken:
    """The token of a mention that its other tokens hang off («край» of «Алтайский край»)."""
    own = [t for t in toks if m.start <= t.start and t.end <= m.end] or [
        t for t in toks if t.start < m.end and m.start < t.end
    ]
    for t in own:
        if not m.start <= _start(toks, t.head) < m.end:
            return t
    return own[0]


def _conjoined(toks: list[syntax.SynToken], pred: int) -> set[int]:
    """A predicate and those conjoined to it («заняла …, следуют …»)."""
    family, grew = {pred}, True
    while grew:
        grew = False
        for t in toks:
            if t.rel != "conj" or t.pos not in PREDICATE_POS:
                continue
            if (t.head in family) != (t.index in family):
                family |= {t.head, t.index}
                grew = True
    return family


def _start(toks: list[syntax.SynToken], index: int) -> int:
    return toks[index].start if 0 <= index < len(toks) else -1


# Words for regions a list after a colon spells out («участвуют четыре региона: A, B, C и D»).
REGION_NOUNS = frozenset({"регион", "субъект", "область", "край", "республика"})


def _named_regions(toks: list[syntax.SynToken], tok: syntax.SynToken) -> syntax.SynToken:
    """A list spelling out a noun for regions («четыре региона: A, B, C и D», parsed as its
    parataxis or apposition) takes that noun's place in the sentence."""
    if tok.rel in ("parataxis", "appos") and 0 <= tok.head < len(toks) and (
        lemma(toks[tok.head].text) in REGION_NOUNS
    ):
        return toks[tok.head]
    return tok


def _climb(
    toks: list[syntax.SynToken], tok: syntax.SynToken, in_span: set[int]
) -> syntax.SynToken:
    """From a member up through the list (conj, amod, flat…) to the token that attaches it."""
    seen = {tok.index}
    while (tok.head in in_span or tok.rel == "conj") and 0 <= tok.head < len(toks) and (
        tok.head not in seen
    ):
        # a conjunct shares the role of the first one, list member or not («получат область,
        # фонды и Чувашия»)
        seen.add(tok.head)
        tok = toks[tok.head]
    return tok


def _argument_of(
    toks: list[syntax.SynToken], tok: syntax.SynToken, in_span: set[int],
    venue_words: frozenset[str],
) -> int | None:
    """The index of the predicate `tok` (a list's attachment) is an argument of, else None."""
    if not 0 <= tok.head < len(toks) or tok.head in in_span:
        return None
    head = toks[tok.head]
    if tok.rel in CORE_RELATIONS:
        nominal = tok.rel.startswith("nsubj") and head.rel == "root"  # «A и B — лидеры»
        if head.pos not in PREDICATE_POS and not nominal:
            return None
    else:
        return None
    if _about_an_event(toks, head, in_span, venue_words) or _only_wished(toks, head):
        return None
    return head.index


# Verbs whose clause is a hope, not an event: «Партнёры надеются, что позже к ней присоединятся
# организации A и B» — nothing has happened in A or B.
WISH_LEMMAS = frozenset({"надеяться", "мечтать", "хотеть", "рассчитывать", "желать"})
_COMPLEMENT_RELATIONS = frozenset({"ccomp", "xcomp"})


def _only_wished(toks: list[syntax.SynToken], head: syntax.SynToken) -> bool:
    """The predicate is the content of a hope or a wish («надеются, что … присоединятся»)."""
    node = head
    for _ in range(2):
        if node.rel not in _COMPLEMENT_RELATIONS or not 0 <= node.head < len(toks):
            return False
        node = toks[node.head]
        if lemma(node.text) in WISH_LEMMAS:
            return True
    return False


def _about_an_event(
    toks: list[syntax.SynToken], head: syntax.SynToken, in_span: set[int],
    venue_words: frozenset[str],
) -> bool:
    """«на форум приехали A, B и C», «в конференции участвовали A и B»: guests of an event held
    somewhere, not what happens in each of them. An event that is the predicate's object
    («Сахалинская область объявила конкурс») is what the subject itself does."""
    return any(
        t.head == head.index and t.index not in in_span and lemma(t.text) in venue_words
        and t.rel != "obj"
        for t in toks
    )


def _subject_by_case(
    toks: list[syntax.SynToken], in_span: set[int], venue_words: frozenset[str]
) -> int | None:
    """When the parse loses the list's head (an elliptical «Новосибирская и Томская области,
    Кузбасс и Хакасия подписали …»; «примут участие Брянщина, Смоленщина и …» read as a list
    hanging off itself), morphology decides: a list in the nominative, in a sentence whose verb
    has no subject of its own, is that verb's subject."""
    members = [toks[k] for k in in_span if toks[k].pos in ("NOUN", "PROPN", "ADJ")]
    if not members or any(t.case != "Nom" for t in members):
        return None
    verbs = [t for t in toks if t.head == -1 and t.pos in PREDICATE_POS]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: min(abs(t.index - k) for k in in_span))
    if any(t.head == verb.index and t.rel.startswith("nsubj") and t.index not in in_span
           for t in toks):
        return None
    if _about_an_event(toks, verb, in_span, venue_words) or _only_wished(toks, verb):
        return None
    return verb.index


# A sentence's end: «!», «?», a line break, or a full stop after a word of four characters or
# more (or a closing quote or bracket) followed by a capital, a quote, a digit or a dash — not
# the stop of «обл.», «г.», «ул.» («Ульяновская обл. и РТ получили…» is one sentence).
_SENTENCE_END_RE = re.compile(
    r"[!?\n]|(?:(?<=\w{4})|(?<=[»\")\]]))\.(?=\s+[«\"А-ЯЁA-Z0-9—–-]|\s*$)"
)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last sentence end before it to the first
    after it."""
    lo = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END_RE.search(text, end)
    return lo, (after.end() if after else len(text))


def predicated_members(
    text: str, mentions: list[Mention], resolve: Callable[[Mention], str | None]
) -> set[str]:
    """Subjects of an enumeration that says what happens in each: every member opens its own
    segment (after «;», a sentence start or a line start) and is followed by «—» or «:» and its
    own predicate («Прикамье — число семей выросло; Башкирия — открыто шесть школ»), or stands
    after a comma with a dash for the verb its sentence gave once («A берёт на себя X, B — Y»,
    with the sentence's opener A). Two or more such members in one paragraph make a list whose
    members all count."""
    found: dict[tuple[int, int], set[str]] = {}
    openers: dict[int, str] = {}  # sentence start → the member opening that sentence
    gapped: list[int] = []  # sentence starts of members opening a gapped clause
    for m in mentions:
        iso = resolve(m)
        if iso is None:
            continue
        seg = max(text.rfind(c, 0, m.start) for c in ";.\n!?")
        head = text[seg + 1 : m.start]
        tail = text[m.end : m.end + 3]
        opens = ROW_OPENING.fullmatch(head.lower())
        if opens:
            openers.setdefault(seg, iso)
        if opens and re.match(r"\s*[—–:|]", tail):
            found.setdefault(_rows(text, m.start), set()).add(iso)
            continue
        # A clause whose verb the sentence gave once: «A берёт на себя подготовку кураторов,
        # B — методические материалы, C — летнюю смену». Its member stands after a comma,
        # followed by the dash that stands for the verb, and acts as the opener does.
        if _opens_after_comma(text, m, seg) and _DASH_FOR_VERB.match(text, m.end, m.end + 5):
            found.setdefault(_rows(text, m.start), set()).add(iso)
            gapped.append(seg)
    for seg in gapped:
        if seg in openers:
            found.setdefault(_rows(text, seg + 1), set()).add(openers[seg])
    return {iso for isos in found.values() if len(isos) >= 2 for iso in isos}


def _rows(text: str, pos: int) -> tuple[int, int]:
    """The paragraph at pos, or the run of bullet or table lines it belongs to («- A — …»,
    «A | 90,2 | +1,4» each on a line of its own, blank lines between: one list)."""
    lo, hi = _paragraph(text, pos)
    if not ROW_LINE.match(text[lo:hi]):
        return lo, hi
    while lo > 0:
        prev_lo, prev_hi = _paragraph(text, lo - 1)
        line = text[prev_lo:prev_hi]
        if line.strip() and not ROW_LINE.match(line):
            break
        lo = prev_lo
    while hi < len(text):
        next_lo, next_hi = _paragraph(text, hi + 1)
        line = text[next_lo:next_hi]
        if line.strip() and not ROW_LINE.match(line):
            break
        hi = next_hi
    return lo, hi


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end
