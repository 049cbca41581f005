"""A search query in the topics.yml language, compiled to an FTS5 MATCH over the lemma index.

One query language for topics and search: the query is parsed by pipeline.tag.topics.parse_query
(AND/И/&, OR/ИЛИ/|, NOT/НЕ/-/!, brackets, "phrases", "phrase"~N, prefix*), and the tree becomes FTS5:

    word            ("lemma1" OR "lemma2")   every normal form of the word (db.search.index_terms)
    сирот*          "сирот" *                a prefix of an indexed lemma
    "a b"           "a b"                    when each word has one normal form, else
                    NEAR("a1" "b1", k) OR …  k = the extra forms an ambiguous word adds to the index
    "a b"~N         NEAR("a1" "b1", N + k)
    a b, a AND b    (a) AND (b)              prepositions and conjunctions dropped beside other words
    a NOT b         (a) NOT (b)              FTS5 has only binary NOT: a query needs a positive word
    a OR b          (a) OR (b)

Only words taken from the query by WORD_RE reach the expression, always quoted, so no FTS5 syntax
(column filters, NEAR, ^) can be injected. Prefix words are matched against lemmas («Уссур*» finds
«Уссурийске» through «уссурийск»).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

from pipeline.tag.topics import All, Any, Not, Phrase, QueryError, Word, parse_query

MAX_COMBINATIONS = 16  # alternatives of an ambiguous phrase expanded into NEAR groups


@dataclass(frozen=True)
class CompiledQuery:
    expression: str  # the FTS5 MATCH string (words only; filters are added by db.search)
    groups: tuple[frozenset[str], ...]  # per positive word, its lemmas: ranking and snippets
    prefixes: tuple[str, ...]  # positive prefix words (lemma prefixes)


@dataclass(frozen=True)
class _Term:
    """One query word in index terms: alternatives (any one matches) or a lemma prefix."""

    alternatives: tuple[str, ...] = ()
    prefix: str = ""

    def fts(self) -> str:
        if self.prefix:
            return f'"{self.prefix}" *'
        alts = [f'"{t}"' for t in self.alternatives]
        return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


@functools.lru_cache(maxsize=256)
def compile_query(query: str) -> CompiledQuery | None:
    """None when the query holds no word at all; QueryError (Russian) when it is malformed."""
    from db.search_terms import WORD_RE

    if not WORD_RE.search(query):
        if "*" in query or "~" in query:
            parse_query(query)  # says what is wrong with a bare «*» or «~»
        return None
    tree = _drop_function_words(parse_query(query))
    if isinstance(tree, Not):
        raise QueryError("нужно хотя бы одно слово без NOT: например, центр NOT спорт")
    expression = _fts(tree)
    if expression is None:
        return None
    groups: list[frozenset[str]] = []
    prefixes: list[str] = []
    for term in _positive_terms(tree):
        if term.prefix:
            prefixes.append(term.prefix)
        else:
            groups.append(frozenset(term.alternatives))
    return CompiledQuery(expression, tuple(groups), tuple(prefixes))


# --- tree → FTS5 ---------------------------------------------------------------------------------


def _terms(word: Word) -> list[_Term]:
    """A query word as index terms; «Комсомольск-на-Амуре» is three, as the index has it."""
    from db.search_terms import WORD_RE, index_terms

    parts = WORD_RE.findall(word.raw[:-1] if word.prefix else word.raw)
    terms = [_Term(index_terms(p)) for p in parts]
    if word.prefix and terms:
        terms[-1] = _Term(prefix=parts[-1].lower().replace("ё", "е"))
    return terms


def _fts(node) -> str | None:
    if isinstance(node, Word):
        return _sequence(_terms(node), None)
    if isinstance(node, Phrase):
        return _sequence([t for w in node.words for t in _terms(w)], node.within)
    if isinstance(node, All):
        return _all(node)
    if isinstance(node, Any):
        return _any(node)
    if isinstance(node, Not):
        raise QueryError("NOT можно ставить только рядом со словом, которое искать: центр NOT спорт")
    raise TypeError(node)


def _all(node: All) -> str | None:
    positive: list[str | None] = []
    negative: list[str | None] = []
    for child in node.nodes:
        if isinstance(child, Not):
            expr = _fts(_unwrap_not(child))
            (negative if _is_not(child) else positive).append(expr)
        else:
            positive.append(_fts(child))
    kept = [p for p in positive if p]
    dropped = [n for n in negative if n]
    if not kept:
        if dropped:
            raise QueryError("нужно хотя бы одно слово без NOT: например, центр NOT спорт")
        return None
    expr = kept[0] if len(kept) == 1 else " AND ".join(f"({p})" for p in kept)
    for n in dropped:
        expr = f"({expr}) NOT ({n})"
    return expr


def _any(node: Any) -> str | None:
    if any(isinstance(child, Not) for child in node.nodes):
        raise QueryError("NOT внутри OR поиск не понимает: уберите NOT или поставьте его после "
                         "скобок, например (центр OR приют) NOT спорт")
    parts = [p for p in (_fts(child) for child in node.nodes) if p]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " OR ".join(f"({p})" for p in parts)


def _sequence(terms: list[_Term], within: int | None) -> str | None:
    """One term, a phrase (within=None: consecutive) or a proximity group."""
    if not terms:
        return None
    if len(terms) == 1:
        return terms[0].fts()
    simple = all(len(t.alternatives) == 1 for t in terms)
    if within is None and simple:
        return '"' + " ".join(t.alternatives[0] for t in terms) + '"'
    slack = sum(max(len(t.alternatives), 1) - 1 for t in terms)
    distance = (0 if within is None else max(within, len(terms) - 1)) + slack
    choices = [[f'"{t.prefix}" *'] if t.prefix else [f'"{a}"' for a in t.alternatives]
               for t in terms]
    groups = [f"NEAR({' '.join(combo)}, {distance})"
              for combo in itertools.islice(itertools.product(*choices), MAX_COMBINATIONS)]
    return groups[0] if len(groups) == 1 else " OR ".join(groups)


def _is_not(node) -> bool:
    """NOT NOT x is x."""
    depth = 0
    while isinstance(node, Not):
        depth += 1
        node = node.node
    return depth % 2 == 1


def _unwrap_not(node):
    while isinstance(node, Not):
        node = node.node
    return node


# --- words that do not narrow a search ----------------------------------------------------------


def _drop_function_words(node):
    """«о кризисных центрах в Приморье»: prepositions and conjunctions beside other words go."""
    if isinstance(node, All):
        children = [_drop_function_words(c) for c in node.nodes]
        kept = [c for c in children if not _is_function_word(c)]
        if any(not isinstance(c, Not) for c in kept):
            children = kept
        return children[0] if len(children) == 1 else All(tuple(children))
    if isinstance(node, Any):
        return Any(tuple(_drop_function_words(c) for c in node.nodes))
    if isinstance(node, Not):
        return Not(_drop_function_words(node.node))
    return node


def _is_function_word(node) -> bool:
    from db.search_terms import is_function_word

    return isinstance(node, Word) and not node.prefix and is_function_word(node.raw)


def _positive_terms(node) -> list[_Term]:
    if isinstance(node, Word):
        return _terms(node)
    if isinstance(node, Phrase):
        return [t for w in node.words for t in _terms(w)]
    if isinstance(node, (All, Any)):
        return [t for child in node.nodes for t in _positive_terms(child)]
    return []  # under NOT: nothing to rank or highlight
