"""Topics: the query language press officers know from monitoring services, matched on lemmas.

Syntax (case of operators matters, words are matched in every inflection):

    word              a word in any form («семья» finds «семьям», «семей»)
    сирот*            any word whose form or lemma starts with «сирот»
    "word word"       consecutive words («"приемная семья"» finds «приёмных семей»)
    "word word"~N     all the words within N words of each other, in any order
    a AND b, a b      both (AND may be left out);  И, & are synonyms
    a OR b            either;                        ИЛИ, | are synonyms
    NOT a, -a         not;                           НЕ, ! are synonyms
    ( ... )           grouping; precedence NOT > AND > OR

An article is relevant when at least one topic matches its main text (title included).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from newsmon.core.datafiles import data_dir
from newsmon.core.yamlfile import UniqueNames, check_fields, config_error, load_yaml_file
from pipeline.lang.morph import Token, adjective_lemma, lemma, normalize_word, tokenize

DATA = data_dir("pipeline")

_TOKEN_RE = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|"(?P<phrase>[^"]*)"(?:~(?P<prox>[^\s()]*))?'
    r"|(?P<op>&&?|\|\|?|!|-(?=\S))|(?P<word>[^\s()\"|&!]+))"
)
_AND = {"AND", "И", "&", "&&"}
_OR = {"OR", "ИЛИ", "|", "||"}
_NOT = {"NOT", "НЕ", "!", "-"}


class QueryError(ValueError):
    """A malformed topic query; the message says what is wrong, in Russian."""


# --- the syntax tree -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    key: str
    prefix: bool = False
    raw: str = field(default="", compare=False)  # as written in the query (search re-lemmatizes)


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]
    within: int | None = None  # None: consecutive; N: within a window of N words


@dataclass(frozen=True)
class Not:
    node: object


@dataclass(frozen=True)
class All:
    nodes: tuple


@dataclass(frozen=True)
class Any:
    nodes: tuple


def _word(raw: str) -> Word:
    _check_word(raw)
    if raw.endswith("*"):
        return Word(normalize_word(raw[:-1]), prefix=True, raw=raw)
    return Word(lemma(raw), raw=raw)


def _check_word(raw: str) -> None:
    """A word is letters or digits, with «*» only at its end; «~» belongs after a quoted phrase."""
    if "~" in raw:
        raise QueryError(f"«{raw}»: знак «~» ставится сразу после фразы в кавычках, "
                         f'например "мама папа"~5')
    if not raw.strip("*"):
        raise QueryError(f"«{raw}» без начала слова: звёздочка ставится после первых букв, "
                         f"например сирот*")
    if "*" in raw.rstrip("*") or raw.endswith("**"):
        raise QueryError(f"«{raw}»: звёздочка ставится только в конце слова, например сирот*")


def _proximity(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isdigit():
        raise QueryError(f"после «~» нужно число слов, например \"мама папа\"~5, а не «~{raw}»")
    return int(raw)


def _lex(query: str) -> list[tuple[str, str, int | None]]:
    out: list[tuple[str, str, int | None]] = []
    pos = 0
    query = query.replace("«", '"').replace("»", '"').replace("“", '"').replace("”", '"')
    while pos < len(query):
        if not query[pos:].strip():
            break
        m = _TOKEN_RE.match(query, pos)
        if not m or m.end() == pos:
            char = query[pos:].strip()[:1]
            if char == '"':
                raise QueryError("не закрыта кавычка «\"»")
            raise QueryError(f"непонятный символ «{char}»")
        pos = m.end()
        if m.group("lp"):
            out.append(("(", "(", None))
        elif m.group("rp"):
            out.append((")", ")", None))
        elif m.group("phrase") is not None:
            prox = _proximity(m.group("prox"))
            out.append(("phrase", m.group("phrase"), prox))
        elif m.group("op"):
            op = m.group("op")
            out.append(("not" if op in _NOT else "and" if op in _AND else "or", op, None))
        else:
            w = m.group("word")
            kind = "and" if w in _AND else "or" if w in _OR else "not" if w in _NOT else "word"
            out.append((kind, w, None))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.toks = _lex(query)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def parse(self):
        if not self.toks:
            raise QueryError("пустой запрос")
        node = self.or_expr()
        if self.i != len(self.toks):
            raise QueryError(f"лишняя «{self.toks[self.i][1]}»")
        return node

    def or_expr(self):
        nodes = [self.and_expr()]
        while self.peek() == "or":
            self.i += 1
            nodes.append(self.and_expr())
        return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))

    def and_expr(self):
        nodes = [self.not_expr()]
        while self.peek() in ("and", "not", "word", "phrase", "("):
            if self.peek() == "and":
                self.i += 1
            nodes.append(self.not_expr())
        return nodes[0] if len(nodes) == 1 else All(tuple(nodes))

    def not_expr(self):
        if self.peek() == "not":
            self.i += 1
            return Not(self.not_expr())
        return self.primary()

    def primary(self):
        kind = self.peek()
        if kind is None:
            raise QueryError("запрос обрывается: после оператора нужно слово")
        _, raw, prox = self.toks[self.i]
        self.i += 1
        if kind == "(":
            node = self.or_expr()
            if self.peek() != ")":
                raise QueryError("не закрыта скобка «(»")
            self.i += 1
            return node
        if kind == "word":
            return _word(raw)
        if kind == "phrase":
            words = tuple(_word(w) for w in re.findall(r"[^\s,.;:]+", raw))
            if not words:
                raise QueryError("пустые кавычки")
            if len(words) == 1 and prox is None:
                return words[0]
            return Phrase(words, prox)
        raise QueryError(f"неожиданная «{raw}»")


def parse_query(query: str):
    """Parse a topic query into a tree; QueryError (Russian message) if malformed."""
    return _Parser(query).parse()


# --- matching ------------------------------------------------------------------------------------


class TextIndex:
    """Positions of every lemma and form in a text, built once and shared by all topics."""

    def __init__(self, tokens: list[Token]) -> None:
        self.positions: dict[str, list[int]] = {}
        for pos, tok in enumerate(tokens):
            surface = normalize_word(tok.text)
            self.positions.setdefault(tok.lemma, []).append(pos)
            if surface != tok.lemma:
                self.positions.setdefault(surface, []).append(pos)
            adjective = adjective_lemma(tok.text)  # «беременным» (noun first) is «беременный» too
            if adjective and adjective not in (tok.lemma, surface):
                self.positions.setdefault(adjective, []).append(pos)

    def find(self, word: Word) -> list[int]:
        if not word.prefix:
            return self.positions.get(word.key, [])
        hits: set[int] = set()
        for key, pos in self.positions.items():
            if key.startswith(word.key):
                hits.update(pos)
        return sorted(hits)


def _phrase_hits(index: TextIndex, node: Phrase) -> bool:
    lists = [index.find(w) for w in node.words]
    if any(not p for p in lists):
        return False
    if node.within is None:
        sets = [set(p) for p in lists]
        return any(all(start + k in sets[k] for k in range(1, len(sets))) for start in lists[0])
    window = max(node.within, len(lists) - 1)
    for start in lists[0]:
        lo = start - window
        ok = True
        for other in lists[1:]:
            j = bisect.bisect_left(other, lo)
            if j >= len(other) or other[j] > start + window:
                ok = False
                break
        if ok:
            return True
    return False


def matches(node, index: TextIndex) -> bool:
    """Does the query tree match the indexed text?"""
    if isinstance(node, Word):
        return bool(index.find(node))
    if isinstance(node, Phrase):
        return _phrase_hits(index, node)
    if isinstance(node, Not):
        return not matches(node.node, index)
    if isinstance(node, All):
        return all(matches(n, index) for n in node.nodes)
    if isinstance(node, Any):
        return any(matches(n, index) for n in node.nodes)
    raise TypeError(node)


def _phrase_evidence(index: TextIndex, node: Phrase) -> set[int]:
    """Positions of the phrase's occurrences (the words next to each other, or within N)."""
    lists = [index.find(w) for w in node.words]
    if any(not p for p in lists):
        return set()
    out: set[int] = set()
    if node.within is None:
        sets = [set(p) for p in lists]
        for start in lists[0]:
            if all(start + k in sets[k] for k in range(1, len(sets))):
                out.update(range(start, start + len(sets)))
        return out
    window = max(node.within, len(lists) - 1)
    for start in lists[0]:
        near = [[p for p in other if abs(p - start) <= window] for other in lists[1:]]
        if all(near):
            out.add(start)
            out.update(p for found in near for p in found)
    return out


def evidence(node, index: TextIndex) -> set[int]:
    """Token positions of the words that make a matching query match (NOT parts give none):
    what `newsmon explain` quotes. Call it only for a tree that `matches`."""
    if isinstance(node, Word):
        return set(index.find(node))
    if isinstance(node, Phrase):
        return _phrase_evidence(index, node)
    if isinstance(node, Not):
        return set()
    if isinstance(node, (All, Any)):
        out: set[int] = set()
        for child in node.nodes:
            if matches(child, index):
                out |= evidence(child, index)
        return out
    raise TypeError(node)


# --- topics.yml ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    name: str
    query: str
    tree: object


def load_topics(path: Path) -> list[Topic]:
    """Read a topics.yml: `topics: [{name, query}]`. Mistakes → UserError naming file and line."""
    data = load_yaml_file(path)
    if data is None or (isinstance(data, dict) and data.get("topics", []) is None):
        return []  # an empty file, or «topics:» with nothing under it
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise config_error(path, data, "ожидается список «topics:»")
    topics = []
    names = UniqueNames(path, "тема")
    for item in data["topics"]:
        where = item if isinstance(item, dict) else data["topics"]
        if not isinstance(item, dict) or not item.get("name") or not item.get("query"):
            raise config_error(path, where, "у темы должны быть «name» и «query»")
        check_fields(path, item, ("name", "query"), f"тема «{item['name']}»")
        names.add(str(item["name"]), item)
        try:
            tree = parse_query(str(item["query"]))
        except QueryError as exc:
            raise config_error(path, item, f"тема «{item['name']}»: {exc}") from None
        topics.append(Topic(str(item["name"]), str(item["query"]), tree))
    return topics


def default_topics() -> list[Topic]:
    return load_topics(DATA / "topics.yml")


def merge_topics(base: list[Topic], extra: list[Topic]) -> list[Topic]:
    """A user's topic with the same name replaces the shipped one; new names are added."""
    names = {t.name for t in extra}
    return [t for t in base if t.name not in names] + extra


def _matches_but_for_not(node, index: TextIndex) -> bool:
    """Would the query match if its NOT parts were left out?"""
    if isinstance(node, Not):
        return True
    if isinstance(node, All):
        return all(_matches_but_for_not(n, index) for n in node.nodes)
    if isinstance(node, Any):
        return any(_matches_but_for_not(n, index) for n in node.nodes)
    return matches(node, index)


def match_topics(
    text: str, topics: list[Topic], *, tokens: list[Token] | None = None,
    trace: dict[str, list[int]] | None = None,
    excluded: dict[str, list[int]] | None = None,
) -> list[str]:
    """Names of the topics whose query matches the text; `trace` gets each matching topic's
    evidence (token positions), `excluded` that of the topics only a NOT part kept out."""
    index = TextIndex(tokens if tokens is not None else tokenize(text))
    names = [t.name for t in topics if matches(t.tree, index)]
    if trace is not None:
        by_name = {t.name: t for t in topics}
        for name in names:
            trace[name] = sorted(evidence(by_name[name].tree, index))
    if excluded is not None:
        for t in topics:
            if t.name not in names and _matches_but_for_not(t.tree, index):
                excluded[t.name] = sorted(evidence(t.tree, index))
    return names
