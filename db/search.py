"""Full-text search over lemmas: every inflection of a Russian word finds the article.

`articles_fts` (FTS5, rowid = article id) holds the title and the text rewritten as lemmas; an
ambiguous word form is indexed under each of its normal forms («стали» → сталь, стать), and a query
word matches any of its own normal forms, so «детей», «дети» and «ребёнка» meet in «ребенок».
The index is written by store_article in the article's transaction; `rebuild_index` fills it for
rows stored before the index existed (migrations m0002, m0006). Snippets are cut from the original
text around the best cluster of matching words, since FTS5's own snippet() would show lemmas.

Speed on a large archive (benchmarks/bench_db.py, 1M articles): a third column, `tags`, holds
filter tokens (month, regions, source), so `--month`/`--region`/`--source` narrow the match inside
FTS5 instead of after it (the SQL conditions still apply exactly); ranking (BM25 term frequency,
see `score`) looks at the RANK_WINDOW most recently stored matches (ids follow crawl order), so a
query matching a fifth of the archive does not score 200,000 rows. Narrow by period to rank older
matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from db.search_terms import WORD_RE, index_terms, lemma_text

if TYPE_CHECKING:
    from sqlite_utils import Database

    from db.queries import Filters
    from newsmon.core.periods import Period

TOKENIZE = "unicode61 remove_diacritics 0"
TITLE_WEIGHT = 2.0  # a query word in the title counts as much as a couple in the body
BM25_K1 = 1.2
BM25_B = 0.75
AVG_BODY_TERMS = 300  # a typical news text, in lemma terms
SNIPPET_WORDS = 24
REBUILD_BATCH = 2000
RANK_WINDOW = 2000
MAX_MONTH_TOKENS = 36  # longer periods are filtered by SQL only




def create_index(db: Database) -> None:
    db.execute(
        f"create virtual table if not exists articles_fts using fts5("
        f"title, body, tags, tokenize = '{TOKENIZE}')"
    )


def has_filter_tokens(db: Database) -> bool:
    return "tags" in {row[1] for row in db.execute("pragma table_info(articles_fts)")}


def _token(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def month_token(published: str | None) -> str:
    return "m" + (published[:7].replace("-", "") if published else "none")


def region_token(iso: str) -> str:
    return "r" + _token(iso)


def source_token(source: str) -> str:
    return "s" + _token(source)


def filter_tokens(published: str | None, region_isos: Iterable[str], source: str) -> str:
    return " ".join(
        [month_token(published), source_token(source), *(region_token(i) for i in region_isos)]
    )


def index_article(
    db: Database, article_id: int, title: str | None, text: str, *, published: str | None = None,
    region_isos: Iterable[str] = (), source: str = "",
) -> None:
    db.execute(
        "insert or replace into articles_fts (rowid, title, body, tags) values (?, ?, ?, ?)",
        [article_id, lemma_text(title), lemma_text(text),
         filter_tokens(published, region_isos, source)],
    )


def update_filter_tokens(db: Database, article_id: int) -> None:
    """Rewrite an article's filter tokens after its regions changed (retag, a correction)."""
    row = db.execute(
        """select a.published, a.source, (select group_concat(iso, ' ') from article_regions k
             where k.article_id = a.id) from articles a where a.id = ?""",
        [article_id],
    ).fetchone()
    if row is None:
        return
    published, source, isos = row
    db.execute(
        "update articles_fts set tags = ? where rowid = ?",
        [filter_tokens(published, (isos or "").split(), source), article_id],
    )


def article_body(text: str, lead: str | None) -> str:
    """The text to index: the lead is added when the text does not already hold it."""
    if lead and lead.strip() not in text:
        return f"{lead}\n{text}"
    return text



def rebuild_index(db: Database) -> int:
    """Re-lemmatize every stored article into articles_fts (one transaction); return the count.

    For rows stored before the index existed (migrations) or tagged again since: the `tags`
    column follows article_regions.
    """
    with db.atomic():
        return _rebuild(db)


def _rebuild(db: Database) -> int:
    create_index(db)
    db.execute("delete from articles_fts")
    count = 0
    last = 0
    while True:
        rows = db.execute(
            """select a.id, a.title, a.text, a.lead, a.published, a.source,
                      (select group_concat(iso, ' ') from article_regions k
                        where k.article_id = a.id)
               from articles a where a.id > ? order by a.id limit ?""",
            [last, REBUILD_BATCH],
        ).fetchall()
        if not rows:
            return count
        db.conn.executemany(
            "insert into articles_fts (rowid, title, body, tags) values (?, ?, ?, ?)",
            [
                (i, lemma_text(title), lemma_text(article_body(text, lead)),
                 filter_tokens(published, (isos or "").split(), source))
                for i, title, text, lead, published, source, isos in rows
            ],
        )
        count += len(rows)
        last = rows[-1][0]



def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string for a query in the topics.yml language (db/search_query.py); None for
    a query without words, QueryError (a Russian message) for a malformed one."""
    from db.search_query import compile_query

    compiled = compile_query(query)
    return compiled.expression if compiled else None


def _months(period: Period) -> list[str] | None:
    months = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append(f"m{year:04d}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months if len(months) <= MAX_MONTH_TOKENS else None


def filtered_expression(
    expression: str, period: Period | None, filters: Filters | None, tags: bool = True
) -> str:
    """The words restricted to title and body, AND the filter tokens of the tags column."""
    if not tags:
        return expression
    parts = [f"{{title body}} : ({expression})"]
    months = _months(period) if period else None
    if months:
        parts.append("tags : (" + " OR ".join(months) + ")")
    if filters and filters.region_iso:
        parts.append(f"tags : {region_token(filters.region_iso)}")
    if filters and filters.source and source_token(filters.source) != "s":
        parts.append(f"tags : {source_token(filters.source)}")
    return " AND ".join(parts)


def search(
    db: Database, query: str, period: Period | None = None, filters: Filters | None = None,
    limit: int = 20,
) -> list[dict]:
    """Articles matching `query` (the topics.yml language: every word in any inflection, OR, NOT,
    "phrases", ~N, prefix*), best first, with snippets."""
    from db.queries import Filters, article_conditions
    from db.search_query import compile_query

    compiled = compile_query(query)
    if compiled is None:
        return []
    filters = filters or Filters(relevant_only=False)
    expression = filtered_expression(compiled.expression, period, filters, has_filter_tokens(db))
    where, params = article_conditions(period, filters)
    # The rank window: the newest RANK_WINDOW matches (cheap: FTS5 walks doclists backwards).
    cutoff = db.execute(
        "select min(rowid) from (select rowid from articles_fts where articles_fts match ? "
        "order by rowid desc limit ?)",
        [expression, RANK_WINDOW],
    ).fetchone()[0]
    if cutoff is None:
        return []
    candidates = db.execute(
        f"""select a.id, f.title, f.body from articles_fts f join articles a on a.id = f.rowid
            where articles_fts match :fts_query and f.rowid >= :cutoff and {where}""",
        {**params, "fts_query": expression, "cutoff": cutoff},
    ).fetchall()
    groups, prefixes = list(compiled.groups), compiled.prefixes
    ranked = sorted(
        ((score(groups, title, body, prefixes), aid) for aid, title, body in candidates),
        reverse=True,
    )[:limit]
    if not ranked:
        return []
    marks = ",".join("?" * len(ranked))
    details = {
        row[0]: row
        for row in db.execute(
            f"select id, published, source, title, url, story_id, text from articles "
            f"where id in ({marks})",
            [aid for _, aid in ranked],
        )
    }
    wanted = frozenset().union(*groups)
    out = []
    for value, aid in ranked:
        _, published, source, title, url, story_id, text = details[aid]
        out.append({
            "id": aid, "published": published, "source": source, "title": title, "url": url,
            "story_id": story_id, "score": round(value, 3),
            "snippet": snippet(text, wanted, prefixes=prefixes),
        })
    return out


def score(groups: list[frozenset[str]], title: str, body: str,
          prefixes: Iterable[str] = ()) -> float:
    """BM25's term-frequency part per positive query word (title weighted), without IDF.

    IDF would only reweigh the query's words against each other; FTS5's bm25() gets it by scanning
    each term's whole doclist, hundreds of milliseconds for common words on a million articles.
    """
    title, body = f" {title} ", f" {body} "
    norm = BM25_K1 * (1 - BM25_B + BM25_B * body.count(" ") / AVG_BODY_TERMS)
    counts = [  # str.count on " term ": C speed, no token lists
        (sum(title.count(f" {t} ") for t in group), sum(body.count(f" {t} ") for t in group))
        for group in groups
    ]
    counts += [(title.count(f" {p}"), body.count(f" {p}")) for p in prefixes]
    total = 0.0
    for in_title, in_body in counts:
        total += TITLE_WEIGHT * in_title / (in_title + BM25_K1) + in_body * (BM25_K1 + 1) / (
            in_body + norm
        )
    return total


def snippet(text: str, wanted: Iterable[str], words: int = SNIPPET_WORDS, *,
            prefixes: Iterable[str] = ()) -> str:
    """The window of `words` words holding the most query words, matches in [brackets]."""
    wanted = set(wanted)
    prefixes = tuple(prefixes)
    tokens = list(WORD_RE.finditer(text))
    if not tokens:
        return ""
    hits = [i for i, m in enumerate(tokens) if _is_hit(m.group(), wanted, prefixes)]
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


def _is_hit(word: str, wanted: set[str], prefixes: tuple[str, ...]) -> bool:
    terms = index_terms(word)
    return bool(wanted.intersection(terms)) or any(
        t.startswith(p) for t in terms for p in prefixes
    )
