"""What a rewrite keeps: the facts (figures and names) and the content words of a text.

An edited reprint changes most wording, the headline and the order of paragraphs, so it shares
few 3-word shingles with its original; what it keeps are the facts — «41 ребёнок», «7,5 млн
рублей», «15 сентября», «Марина Лаптева», «центр „Содействие“», «Рыбинск» — and most content
words in other forms and order. Two extracts of a text, both cheap (regular expressions and the
lemma cache the shingles already fill):

* **facts**: the figures, normalized («1 240» = «1240», «7,5» = «7.5», «сорок» = «40»; a phone
  number or a time is one figure; small counts, 0–10, and years say too little alone and are
  left out), and the lemmas of capitalized words inside a sentence (names of people, places,
  organisations, programmes; a sentence's first word is left out: it is capitalized anyway);
* **terms**: the lemmas of content words (function words and short words out) with their counts,
  for a TF-IDF cosine.

Both are hashed to 32 bits for storage with the signature (pipeline.cluster.minhash).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from datasketch.hashfunc import sha1_hash32

# A figure: digits with thousands groups («1 240», «4 300»), a decimal part («11,2»), or digits
# joined by «:» or «-» (a time «8:00», a phone «8-800-000-00-00», a score «3:1»).
NUMBER_RE = re.compile(r"\d+(?:[ \u00a0]\d{3}(?!\d))*(?:[.,:\-]\d+)*")
WORD_RE = re.compile(r"\d+(?:[ \u00a0]\d{3}(?!\d))*(?:[.,:\-]\d+)*|[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")
MIN_FIGURE = 11  # 0–10 («два ребёнка», «1 ноября») say too little alone
YEARS = range(1990, 2040)

# Numerals a rewrite spells out («девять пар» for «9 пар»), as lemmas.
_UNITS = ("ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать "
          "тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
          "девятнадцать").split()
_TENS = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто".split()
_HUNDREDS = "сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот".split()
NUMERALS = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
    **{w: 100 * (i + 1) for i, w in enumerate(_HUNDREDS)},
}
# Function words and the commonest verbs/nouns of the genre: they make any two notes look alike.
STOP = frozenset("""
это этот тот который также такой свой весь все всё они она оно его её их ещё уже для при
или как так что чтобы если когда где после перед между через около более менее кроме
только даже можно нужно быть мочь стать год сообщить рассказать отметить сказать один
""".split())
MIN_TERM = 4  # shorter words are mostly prepositions, conjunctions and pronouns


def _sentence_start(line: str, start: int) -> bool:
    """Does a word at `start` open a sentence (after «. », a dash or quote at the line's start)?"""
    before = line[max(0, start - 12) : start].rstrip(" \u00a0«\"„(—–-")
    return (not before.strip() and start < 12) or (bool(before) and before[-1] in ".!?…:")


def _figure(token: str) -> str | None:
    """The normalized figure of a number token, or None when it says too little alone."""
    compact = token.replace(" ", "").replace("\u00a0", "")
    compact = re.sub(r"^(\d{1,2}):00$", r"\1", compact)  # «19:00» is «19 часов»
    if re.fullmatch(r"\d+", compact):
        value = int(compact)
        if value < MIN_FIGURE or value in YEARS:
            return None
        return str(value)
    return compact.replace(",", ".")


MONTHS = ("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь "
          "декабрь").split()


def name_key(word: str) -> str:
    """A name's lemma with a town's suffix and its adjective's cut to one stem: «Копейск» and
    «Копейский центр», «Хабаровск» and «Хабаровский край» are one fact (two newsrooms name the
    same place one way or the other)."""
    if word.endswith(("ский", "цкий")) and len(word) > 6:
        return word[:-4]
    if word.endswith(("ск", "цк")) and len(word) > 4:
        return word[:-2]
    return word


def analyse_line(line: str, lemma: Callable[[str], str]) -> tuple[set[str], Counter[str]]:
    """(facts, term counts) of one paragraph.

    `lemma` is pipeline.lang.morph.lemma (passed in: the shingles fill the same cache)."""
    facts: set[str] = set()
    terms: Counter[str] = Counter()
    pending = 0  # a spelled-out numeral being summed («сорок пять»)
    day = ""  # a figure that may be a day of a month («15 сентября», «1 января»)
    for match in WORD_RE.finditer(line):
        token = match.group()
        if token[0].isdigit():
            figure = _figure(token)
            if figure:
                facts.add("#" + figure)
            day = token if token.isdigit() and int(token) <= 31 else ""
            pending = 0
            continue
        word = lemma(token)
        if day and word in MONTHS:
            facts.add(f"@{int(day)}.{MONTHS.index(word) + 1}")
        day = ""
        if word in NUMERALS:
            pending += NUMERALS[word]
            continue
        if pending >= MIN_FIGURE:
            facts.add(f"#{pending}")
        pending = 0
        if token[0].isupper() and not _sentence_start(line, match.start()):
            facts.add(name_key(word))
        if len(word) >= MIN_TERM and word not in STOP and word not in MONTHS:
            terms[word] += 1
    if pending >= MIN_FIGURE:
        facts.add(f"#{pending}")
    return facts, terms


def hashed(items: set[str]) -> list[int]:
    return sorted({sha1_hash32(item.encode()) for item in items})


def hashed_counts(counts: Counter[str]) -> dict[int, int]:
    out: Counter[int] = Counter()
    for item, n in counts.items():
        out[sha1_hash32(item.encode())] += n
    return dict(out)
