"""A page refused as no article, or found dated nowhere, is not fetched again — by the same page
rules. After an upgrade that reads pages better, the pages an older release refused are read once
more (their verdict carries the revision of the rules that gave it), or the articles among them
would stay lost for good. Locally and in the distributed crawl's Redis memory alike."""

from __future__ import annotations

import datetime as dt
import sqlite3

import redis
import yaml
from faults_sites import crawl, query

from db import open_db
from db.runs import NOT_ARTICLE_STATUS, record_url, url_is_done
from db.tx import write_tx
from newsmon.crawl.redis_link import GONE, JUDGED_PREFIX, URLS, RedisLink
from newsmon.crawl.redis_memory import RedisMemory, is_done_value
from newsmon.crawl.redis_writer import publish_urls
from newsmon.siteserver import SiteServer
from pipeline.extract.revision import rules_revision
from tests.redis_server import RedisServer

TEXT = ("Центр поддержки семьи открыл группу для приёмных родителей. Встречи проходят по "
        "субботам, на них психологи разбирают вопросы адаптации детей в новой семье. ")


def _site(tmp_path):
    folder = tmp_path / "sites" / "centre"
    (folder / "public" / "news").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": "centre", "region": "Тверская область", "sitemaps": ["/sitemap.xml"]},
        allow_unicode=True), encoding="utf-8")  # fmt: skip
    (folder / "public" / "news" / "gruppa.html").write_text(
        "<html><head><meta charset='utf-8'><title>Группа для приёмных родителей</title></head>"
        "<body><main><h1>Группа для приёмных родителей</h1>"
        "<time datetime='2025-10-07'>7 октября 2025</time>"
        + "".join(f"<p>{TEXT * 2}</p>" for _ in range(3)) + "</main></body></html>", "utf-8")
    (folder / "public" / "priem.html").write_text(
        "<html><head><meta charset='utf-8'><title>График приёма граждан</title></head><body>"
        "<main><h1>График приёма граждан</h1><p>Приём ведётся по средам с 10 до 13 часов, "
        "запись по телефону. Консультации для приёмных родителей и опекунов бесплатны.</p>"
        "</main></body></html>", "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/gruppa.html</loc></url>'
        "<url><loc>{{BASE}}/priem.html</loc></url></urlset>", "utf-8")
    return tmp_path / "sites"


def test_a_page_refused_by_an_older_release_is_read_again_once(tmp_path):
    with SiteServer(_site(tmp_path)) as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db_path = tmp_path / "n.db"
        open_db(db_path).conn.close()  # the schema, as an older release left it plus this one's
        article = server.url("centre", "/news/gruppa.html")
        with sqlite3.connect(db_path) as con:  # an older release refused the article
            con.execute("insert into urls (url, status, first_seen, last_seen, judged_by) "
                        "values (?, ?, '2025-10-07T20:00:00+00:00', '2025-10-07T20:00:00+00:00', "
                        "'older-rules')", [article, NOT_ARTICLE_STATUS])  # fmt: skip
        marks = len(server.request_log)
        first = crawl(sources, db_path)
        asked_first = [e.path for e in server.request_log[marks:]]
        marks = len(server.request_log)
        second = crawl(sources, db_path)
        asked_second = [e.path for e in server.request_log[marks:]]
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "/news/gruppa.html" in asked_first
    assert query(db_path, "select title from articles") == [("Группа для приёмных родителей",)]
    # The short undated notice is refused by tonight's rules: remembered with their revision,
    # and neither it nor the stored article is fetched on the next night.
    assert query(db_path, "select status, judged_by from urls where url like '%priem%'") == [
        (NOT_ARTICLE_STATUS, rules_revision())]
    assert "/priem.html" in asked_first
    assert "/priem.html" not in asked_second and "/news/gruppa.html" not in asked_second


def test_the_verdict_of_the_same_rules_stands(tmp_path):
    db = open_db(tmp_path / "n.db")
    with write_tx(db):
        record_url(db, "http://a/same", NOT_ARTICLE_STATUS, judged_by=rules_revision())
        record_url(db, "http://a/before", NOT_ARTICLE_STATUS)  # rows kept before judged_by
        record_url(db, "http://a/gone", 404)
    judge = rules_revision()
    assert url_is_done(db, "http://a/same", judge=judge)
    assert not url_is_done(db, "http://a/before", judge=judge)
    assert url_is_done(db, "http://a/gone", judge=judge)  # the site's verdict, not the rules'
    assert url_is_done(db, "http://a/before")  # a caller that judges nothing reads it as before
    assert url_is_done(db, "http://a/same", dt.date(2025, 1, 1), judge="newer-rules") is False


def test_redis_memory_forgets_an_older_releases_refusals(tmp_path):
    db = open_db(tmp_path / "n.db")
    with write_tx(db):
        record_url(db, "http://a/same", NOT_ARTICLE_STATUS, judged_by=rules_revision())
        record_url(db, "http://a/older", NOT_ARTICLE_STATUS, judged_by="older-rules")
        record_url(db, "http://a/gone", 410)
    with RedisServer(tmp_path / "redis") as server:
        client = redis.Redis.from_url(server.url)
        client.hset(URLS, "http://a/older", GONE)  # the mark an older release's worker left
        publish_urls(db, client)
        link = RedisLink(server.url)
        memory = RedisMemory(link)
        assert memory.is_done("http://a/same", None)
        assert memory.is_done("http://a/gone", None)
        assert client.hget(URLS, "http://a/older") is None
        assert not memory.is_done("http://a/older", None)
        memory.remember(["http://a/worker"], NOT_ARTICLE_STATUS)  # a worker's own refusal
        assert client.hget(URLS, "http://a/worker") == JUDGED_PREFIX + rules_revision().encode()
        assert memory.is_done("http://a/worker", None)
        client.close()
    assert not is_done_value(JUDGED_PREFIX + b"older-rules", None)
