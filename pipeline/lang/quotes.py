"""Quoted spans in Russian news text: «ёлочки», „лапки“, “English” and "straight" quotes.

Names nest («Вектор «Детство-2018»»), and the press often drops the outer closing quote
(«Проектная группа «Союзники» признана…): one closing quote then ends both levels. A quote never
crosses a line break. Only top-level spans are returned; nested quotes stay inside their parent.
Also here: a text as words and whole quotes (QuotedText), whether a quote holds a name rather than
speech or wording (looks_like_name), and one spelling for a name's variants (normalize_name).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pymorphy2

from pipeline.lang.models import get_morph_vocab
from pipeline.lang.morph import Token, lemma, tokenize

OPENING = "«„"
CLOSING = "»"
# Direction decided by context: “ opens in English style but closes „лапки“; " is both.
AMBIGUOUS = '"“”‟'
QUOTE_CHARS = OPENING + CLOSING + AMBIGUOUS
MAX_NAME_WORDS = 12
_QUOTE_RE = re.compile(f"[{re.escape(QUOTE_CHARS)}\n]")
# A context-dependent quote opens when it follows a space, a line start or opening punctuation
# and is followed by a non-space character.
_OPEN_BEFORE = set("([{/—–-:" + OPENING + AMBIGUOUS)


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening quote
    end: int  # offset just after the closing quote
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPENING:
        return True
    if ch in CLOSING:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()


def _next_quote_is_closing(text: str, i: int) -> bool:
    """Whether the next quote after position i, on the same line, is a closing one."""
    for m in _QUOTE_RE.finditer(text, i + 1):
        if m.group() == "\n":
            return False
        return not _is_opening(text, m.start())
    return False


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans in text order, nested quotes kept inside their parent."""
    spans: list[QuoteSpan] = []
    stack: list[int] = []
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        if m.group() == "\n":
            stack.clear()  # an unclosed quote never spans lines
            continue
        if _is_opening(text, i):
            stack.append(i)
            continue
        if not stack:
            continue  # stray closing quote
        opened = stack.pop()
        if stack and not _next_quote_is_closing(text, i):
            # «Вектор «Детство-2018» с целью…: the single closing quote ends every open level.
            opened = stack[0]
            stack.clear()
        if not stack:
            spans.append(QuoteSpan(opened, i + 1, opened + 1, i))
    return spans


def split_words(text: str) -> list[Token]:
    """Word tokens, compounds of letters split at hyphens: «Семья-детям» is «Семья — детям»
    («Детство-2018» stays whole: a yearly edition, see pipeline.tag.projects.register.word_variants)."""
    words: list[Token] = []
    for t in tokenize(text):
        if "-" not in t.text or not all(p.isalpha() for p in t.text.split("-")):
            words.append(t)
            continue
        start = t.start
        for part in t.text.split("-"):
            words.append(Token(start, start + len(part), part, lemma(part)))
            start += len(part) + 1
    return words


@dataclass(frozen=True)
class Unit:
    """A word outside quotes, or a whole top-level quote."""

    start: int
    end: int
    token: int | None = None  # index into tokens
    quote: int | None = None  # index into quotes


class QuotedText:
    """A text as words and top-level quotes: `units` interleaves the words outside quotes with
    whole quotes; `spans` is the token range inside each quote, `token_quote` the reverse."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokens = split_words(text)
        self.quotes = find_quotes(text)
        self.token_quote: list[int | None] = [None] * len(tokens)
        self.spans: list[tuple[int, int]] = []
        self.units: list[Unit] = []
        k = 0
        for qi, q in enumerate(self.quotes):
            while k < len(tokens) and tokens[k].start < q.start:
                self.units.append(Unit(tokens[k].start, tokens[k].end, token=k))
                k += 1
            first = k
            while k < len(tokens) and tokens[k].end <= q.end:
                self.token_quote[k] = qi
                k += 1
            self.spans.append((first, k))
            self.units.append(Unit(q.start, q.end, quote=qi))
        self.units += [Unit(t.start, t.end, token=n) for n, t in enumerate(tokens[k:], k)]

    def gap(self, a: int, b: int) -> str:
        """The text between units a and b."""
        return self.text[self.units[a].end : self.units[b].start]

    def word(self, v: int) -> Token:
        """The token of a word unit."""
        return self.tokens[self.units[v].token]  # type: ignore[index]


_DASH_RE = re.compile(r"(\s*)[-‐‑‒–—―−](\s*)")
_ACRONYM_RE = re.compile(r"^[A-ZА-ЯЁ]{2,}(?:-|$)")


def _wrap_quotes(name: str) -> str:
    """Every quote as « or », the outer pair removed, unbalanced nesting closed."""
    chars = [
        ("«" if _is_opening(name, i) else "»") if ch in QUOTE_CHARS else ch
        for i, ch in enumerate(name)
    ]
    s = "".join(chars).strip()
    if s.startswith("«"):
        s = s[1:]
        if s.count("»") > s.count("«"):
            s = s[: s.rindex("»")] + s[s.rindex("»") + 1 :]
    s = s.strip()
    while s.count("»") > s.count("«") and s.endswith("»"):
        s = s[:-1].rstrip()
    return s + "»" * max(0, s.count("«") - s.count("»"))


_PART_RE = re.compile(r"[а-яa-z]+")
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


def _proper(m: re.Match[str]) -> str:
    """Proper nouns keep their capital whatever the input's case («Дети России», «Семья Ивана»)."""
    return _proper_word(m.group())


@functools.lru_cache(maxsize=100_000)
def _proper_word(word: str) -> str:
    parses = pymorphy2.MorphAnalyzer.parse(get_morph_vocab(), word)
    return word.capitalize() if parses and _PROPER & parses[0].tag.grammemes else word


def normalize_name(name: str) -> str:
    """One spelling for the variants of a name: quote style, letter case, ё, dashes, spaces.

    «Вектор „Детство-2018“», ВЕКТОР «ДЕТСТВО–2018» and "Вектор "Детство-2018"" all give
    Вектор «Детство-2018»: sentence case, acronyms kept, ё as е, hyphen inside words, spaced dash.
    """
    s = _wrap_quotes(" ".join(name.split()))
    s = _DASH_RE.sub(lambda m: " — " if (m.group(1) or m.group(2)) else "-", s)
    s = s.replace("ё", "е").replace("Ё", "Е").strip(" ,;:.")
    letters = [c for c in s if c.isalpha()]
    shouting = len(letters) > 3 and all(c.isupper() for c in letters)
    words = [
        w
        if _ACRONYM_RE.match(w.strip("«»!?,.")) and not shouting
        else _PART_RE.sub(_proper, w.lower())
        for w in s.split(" ")
    ]
    s = " ".join(words)
    # Capitals at the start and after each opening quote («Вектор «Детство»»).
    return re.sub(r"(^|«)(\W*)(\w)", lambda m: m.group(1) + m.group(2) + m.group(3).upper(), s)


@functools.lru_cache(maxsize=100_000)
def _parses(word: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    return tuple(
        (p.pos, tuple(sorted(p.feats.items()))) for p in get_morph_vocab().parse(word.lower())
    )


def is_verb(word: str) -> bool:
    """A finite verb, infinitive or gerund (first parse): a clause boundary for head search."""
    parses = _parses(word)
    if not parses:
        return False
    pos, feats = parses[0]
    return pos in ("VERB", "AUX") and ("VerbForm", "Part") not in feats


def is_indicative(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0][0] == "VERB" and ("Mood", "Ind") in parses[0][1]


def is_genitive(word: str) -> bool:
    return any(("Case", "Gen") in feats for _, feats in _parses(word))


def numbers(word: str) -> frozenset[str]:
    """Grammatical numbers a word form can have (empty for words without number)."""
    found = {dict(f).get("Number") for _, f in _parses(word)}
    return frozenset(n for n in found if n is not None)


def is_genitive_plural(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and all(("Case", "Gen") in f and ("Number", "Plur") in f for _, f in parses)


def is_possessor(word: str) -> bool:
    """A word only in oblique cases, genitive among them («Единой», «Сбербанка»): a quoted name
    that starts so is an owner («инициатива «Единой России»»), not the thing's own name."""
    parses = _parses(word)
    if not parses or any(pos not in ("NOUN", "ADJ", "PROPN") for pos, _ in parses):
        return False
    cases = {dict(feats).get("Case") for _, feats in parses}
    return "Gen" in cases and "Nom" not in cases


def is_adjective(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0][0] == "ADJ"


_SPEECH_TAIL = re.compile(r"[,!?.…]*\s*[—–-]\s*(\w+)")


def looks_like_name(text: str, quote: QuoteSpan, words: list[Token]) -> bool:
    """Whether a quoted span is a name, not speech («…», — сказала) or wording («одного окна»)."""
    inner = quote.inner(text).strip()
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    first = next(c for c in inner if c.isalnum())
    if not any(c.isalpha() for c in inner):
        return False  # «2024», «1»: a number, not a name
    if first.isalpha() and not first.isupper():
        return False  # «умную помощь», «одного окна»: wording, not a name
    if re.search(r"[.!?…]\s+\S", inner) or inner.endswith((".", ",", ":", "…")):
        return False  # sentences: quoted speech
    after = _SPEECH_TAIL.match(text, quote.end)
    if after and is_verb(after.group(1)):
        return False  # «…», — сказала
    return len(words) <= 5 or not any(is_indicative(w.text) for w in words)
