"""Full-text search over lemmas: every inflection of a Russian word finds the article.

`articles_fts` (FTS5, rowid = article id) holds the title and the text rewritten as lemmas; an
ambiguous word form is indexed under each of its normal forms («стали» → сталь, стать), and a query
word matches any of its own normal forms, so «детей», «дети» and «ребёнка» meet in «ребенок».
The index is written by store_article in the article's transaction; `rebuild_index` fills it for
rows stored before the index existed (migration m0002). Results are ranked by bm25 (title weighs
more); snippets are cut from the original text around the best cluster of matching words, since
FTS5's own snippet() would show lemmas.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.queries import Filters
    from newsmon.periods import Period

TOKENIZE = "unicode61 remove_diacritics 0"
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
SNIPPET_WORDS = 24
WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")  # hyphens split: «Комсомольск-на-Амуре» = 3 words
_CYRILLIC = re.compile("[а-я]")
REBUILD_BATCH = 2000


@functools.lru_cache(maxsize=300_000)
def index_terms(word: str) -> tuple[str, ...]:
    """The lemmas a word form is indexed (and searched) under: every normal form of it."""
    from pipeline.models import get_morph_vocab

    key = word.lower().replace("ё", "е")
    if not _CYRILLIC.search(key):
        return (key,)
    forms = dict.fromkeys(
        p.normal_form.lower().replace("ё", "е") for p in get_morph_vocab().parse(key)
    )
    return tuple(forms) or (key,)


def lemma_text(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(" ".join(index_terms(w)) for w in WORD_RE.findall(text))


def create_index(db: Database) -> None:
    db.execute(
        f"create virtual table if not exists articles_fts using fts5("
        f"title, body, tokenize = '{TOKENIZE}')"
    )


def index_article(db: Database, article_id: int, title: str | None, text: str) -> None:
    db.execute(
        "insert or replace into articles_fts (rowid, title, body) values (?, ?, ?)",
        [article_id, lemma_text(title), lemma_text(text)],
    )


def unindex_article(db: Database, article_id: int) -> None:
    db.execute("delete from articles_fts where rowid = ?", [article_id])


def rebuild_index(db: Database) -> int:
    """Re-lemmatize every stored article into articles_fts; return how many were indexed."""
    create_index(db)
    db.execute("delete from articles_fts")
    count = 0
    last = 0
    while True:
        rows = db.execute(
            "select id, title, text from articles where id > ? order by id limit ?",
            [last, REBUILD_BATCH],
        ).fetchall()
        if not rows:
            return count
        db.conn.executemany(
            "insert into articles_fts (rowid, title, body) values (?, ?, ?)",
            [(i, lemma_text(t), lemma_text(x)) for i, t, x in rows],
        )
        count += len(rows)
        last = rows[-1][0]


def query_terms(query: str) -> list[tuple[str, ...]]:
    """One tuple of alternative lemmas per query word."""
    return [index_terms(w) for w in WORD_RE.findall(query)]


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string: every query word required, any of its lemmas accepted."""
    groups = query_terms(query)
    if not groups:
        return None
    parts = []
    for terms in groups:
        alts = " OR ".join(f'"{t}"' for t in terms)
        parts.append(f"({alts})" if len(terms) > 1 else alts)
    return " AND ".join(parts)


def search(
    db: Database, query: str, period: Period | None = None, filters: Filters | None = None,
    limit: int = 20,
) -> list[dict]:
    """Articles matching every word of `query` in any inflection, best first, with snippets."""
    from db.queries import Filters, article_conditions

    expression = match_expression(query)
    if expression is None:
        return []
    filters = filters or Filters(relevant_only=False)
    where, params = article_conditions(period, filters)
    sql = f"""
        select a.id, a.published, a.source, a.title, a.url, a.story_id, a.text,
               bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) as score
        from articles_fts join articles a on a.id = articles_fts.rowid
        where articles_fts match :fts_query and {where}
        order by score limit {int(limit)}
    """
    cursor = db.execute(sql, {**params, "fts_query": expression})
    names = [d[0] for d in cursor.description]
    wanted = {t for terms in query_terms(query) for t in terms}
    out = []
    for row in cursor.fetchall():
        item = dict(zip(names, row))
        text = item.pop("text")
        item["score"] = round(-item["score"], 3)
        item["snippet"] = snippet(text, wanted)
        out.append(item)
    return out


def snippet(text: str, wanted: Iterable[str], words: int = SNIPPET_WORDS) -> str:
    """The window of `words` words holding the most query words, matches in [brackets]."""
    wanted = set(wanted)
    tokens = list(WORD_RE.finditer(text))
    if not tokens:
        return ""
    hits = [i for i, m in enumerate(tokens) if wanted.intersection(index_terms(m.group()))]
    start = 0
    if hits:
        best = max(hits, key=lambda h: sum(1 for j in hits if h <= j < h + words))
        start = max(0, min(best - 3, len(tokens) - words))
    end = min(len(tokens), start + words)
    hit_set = set(hits)
    pieces = []
    pos = tokens[start].start()
    for i in range(start, end):
        m = tokens[i]
        pieces.append(text[pos : m.start()])
        pieces.append(f"[{m.group()}]" if i in hit_set else m.group())
        pos = m.end()
    out = "".join(pieces).strip()
    out = " ".join(out.split())
    return ("…" if start > 0 else "") + out + ("…" if end < len(tokens) else "")
