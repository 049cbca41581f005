"""store_article: one transaction per article, stories keyed by their earliest publication."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from db.search import search
from db.store import ArticleRecord, store_article
from tests.factories import make_db

TEXT = "Кризисный центр для мам открылся в Уссурийске. Помощь окажут психолог и юрист."


def record(url: str, published: str | None, **kw) -> ArticleRecord:
    return ArticleRecord(
        url=url, source="outlet", text=kw.pop("text", TEXT), title="Заголовок",
        published=dt.date.fromisoformat(published) if published else None, relevant=True, **kw,
    )


@pytest.fixture
def db(tmp_path):
    db = make_db(tmp_path / "s.db")
    db["sources"].insert({"name": "outlet", "url": "http://127.0.0.1/", "region_iso": None})
    return db


def story_of(db, article_id: int) -> int:
    return db.execute("select story_id from articles where id = ?", [article_id]).fetchone()[0]


def test_article_with_tags_and_search_entry_is_stored(db):
    aid = store_article(db, record("http://a/1", "2025-10-02", regions=[("RU-PRI", 3)],
                                   orgs=[("Фонд Тимченко", 2)], topics=["кризисные центры"] * 2,
                                   projects=[("Маленькие взрослые", 1, True)]))
    assert story_of(db, aid) == aid
    assert db.execute("select iso, mentions from article_regions").fetchall() == [("RU-PRI", 3)]
    assert db.execute("select count(*) from article_topics").fetchone()[0] == 1
    assert db.execute("select registered from article_projects").fetchone()[0] == 1
    assert [r["id"] for r in search(db, "психологом")] == [aid]
    assert db.execute("select article_id from urls where url = 'http://a/1'").fetchone()[0] == aid


def test_same_url_twice_returns_the_stored_article(db):
    first = store_article(db, record("http://a/1", "2025-10-02"))
    again = store_article(db, record("http://a/1", "2025-10-05", request_urls=["http://a/1?utm=x"]))
    assert first == again
    assert db.execute("select count(*) from articles").fetchone()[0] == 1
    assert db.execute("select article_id from urls where url = 'http://a/1?utm=x'").fetchone()[0] == first


@pytest.mark.parametrize(
    ("dates", "original_index"),
    [
        (["2025-10-02", "2025-10-05"], 0),  # reprint arrives later
        (["2025-10-05", "2025-10-02"], 1),  # the original is crawled after its reprint
        (["2025-10-05", "2025-10-05"], 0),  # same day: the first stored
        ([None, "2025-10-07"], 1),  # an undated copy is never the original
    ],
)
def test_earliest_publication_is_the_original(db, dates, original_index):
    ids = []
    for n, day in enumerate(dates):
        ids.append(store_article(db, record(f"http://a/{n}", day), similar=ids[:1]))
    assert {story_of(db, i) for i in ids} == {ids[original_index]}


def test_an_article_similar_to_two_stories_merges_them(db):
    a = store_article(db, record("http://a/1", "2025-10-03"))
    b = store_article(db, record("http://a/2", "2025-10-01", text="Другой текст о том же."))
    c = store_article(db, record("http://a/3", "2025-10-04"), similar=[a, b])
    assert {story_of(db, i) for i in (a, b, c)} == {b}


def test_failed_insert_leaves_nothing_behind(db):
    with pytest.raises(sqlite3.IntegrityError):
        store_article(db, record("http://a/1", "2025-10-02", regions=[("RU-XXX", 1)]))
    for table in ("articles", "article_regions", "urls", "articles_fts"):
        assert db.execute(f"select count(*) from {table}").fetchone()[0] == 0, table


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        store_article(db, ArticleRecord(url="http://b/1", source="unknown-outlet", text=TEXT))
