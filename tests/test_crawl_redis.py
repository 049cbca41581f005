"""The distributed crawl (`newsmon crawl --redis` workers, one `newsmon store --redis` writer) on a
real redis-server and the fixture outlets, against one local `newsmon crawl` of the same outlets.

Scenario (module scope): night one, local and distributed (writer + 2 workers) on separate
databases; two outlets publish; night two, the same. Then the faults, each on its own Redis
database number: a worker killed with kill -9, the writer killed with kill -9, Redis down.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import yaml

from db import open_db
from newsmon.siteserver import SiteServer
from tests.redis_server import RedisServer, free_port
from tests.test_crawl import SITES, closed_port, publish_next_day

ROOT = Path(__file__).resolve().parent.parent
EXIT_PARTIAL, EXIT_LOCKED = 3, 75
DELAY = 0.5  # DOWNLOAD_DELAY: one outlet's interval across workers (long enough for both to join)
COMMON = ["--since", "2026-01-01", "--quiet", "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1",
          "-s", f"DOWNLOAD_DELAY={DELAY}"]  # fmt: skip


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsmon.cli import main; main()", *args]


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(cli(*args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def finish(proc: subprocess.Popen, timeout: float = 300) -> subprocess.CompletedProcess:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise AssertionError(f"hung: {proc.args}\n{err[-3000:]}") from None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def local_crawl(sources: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cli("crawl", "--sources", str(sources), "--db", str(db), *COMMON),
                          cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip


def writer(url: str, sources: Path, db: Path, *extra: str) -> subprocess.Popen:
    return start("store", "--redis", url, "--sources", str(sources), "--db", str(db),
                 "--grace", "1", "--wait", "120", *extra)  # fmt: skip


def worker(url: str, sources: Path, name: str, *extra: str) -> subprocess.Popen:
    return start("crawl", "--redis", url, "--sources", str(sources), *COMMON,
                 "-s", f"USER_AGENT={name}", "-s", "CONCURRENT_REQUESTS=2",
                 "-s", "NEWSMON_REDIS_WAIT=300", *extra)  # fmt: skip


def distributed(url: str, sources: Path, db: Path, *extra: str, workers: int = 2) -> dict:
    """Workers first, the writer once they all wait for it: they start crawling together (a
    worker loading its models late would otherwise find the small fixture crawl done)."""
    client = redis.Redis.from_url(url)
    crawlers = [worker(url, sources, f"worker{i}", *extra) for i in range(workers)]
    wait_until(lambda: len(client.client_list()) > workers, what="workers waiting for the night")
    client.close()
    w = writer(url, sources, db)
    done = [finish(c) for c in crawlers]
    return {"writer": finish(w, 120), "workers": done}


def snapshot(db_path: Path) -> dict:
    """What must be equal: articles, their regions, the story partition, run counts, counts."""
    db = open_db(db_path)
    articles = {r["url"]: (r["source"], r["title"], r["published"], r["relevant"], r["text"])
                for r in db.query("select * from articles")}  # fmt: skip
    regions: dict[str, list] = {}
    for url, iso, n in db.execute("select a.url, r.iso, r.mentions from article_regions r "
                                  "join articles a on a.id = r.article_id order by 1, 2"):
        regions.setdefault(url, []).append((iso, n))
    stories: dict[int, set] = {}
    for url, story in db.execute("select url, story_id from articles"):
        stories.setdefault(story, set()).add(url)
    aliases = dict(db.execute("select u.url, a.url from urls u join articles a "
                              "on a.id = u.article_id"))  # fmt: skip
    fts = db.execute("select count(*) from articles_fts").fetchone()[0]
    runs = [dict(r) for r in db.query(
        "select source, new_articles from run_sources where run_id = (select max(id) from runs) "
        "order by source")]  # fmt: skip
    db.conn.close()
    counts = {}
    for by in ("region", "source", "topic"):
        out = subprocess.run(cli("counts", "--from", "2026-01-01", "--to", "2026-12-31", "--by", by,
                                 "--format", "json", "--db", str(db_path)),
                             cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
        counts[by] = json.loads(out.stdout)
    return {"articles": articles, "regions": regions, "aliases": aliases, "fts": fts,
            "stories": sorted(sorted(s) for s in stories.values()), "runs": runs,
            "counts": counts}  # fmt: skip


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    with RedisServer(tmp_path_factory.mktemp("redis")) as server:
        yield server


@pytest.fixture(scope="module")
def scene(tmp_path_factory, redis_server):
    tmp = tmp_path_factory.mktemp("redis_crawl")
    sites = tmp / "sites"
    shutil.copytree(SITES, sites)
    with SiteServer(sites) as server:
        sources = server.write_sources(tmp / "sources.yml")
        doc = yaml.safe_load(sources.read_text(encoding="utf-8"))
        doc["sources"].append(
            {"name": "down", "url": f"http://127.0.0.1:{closed_port()}/", "region": "Курская обл."}
        )
        sources.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        local, dist = tmp / "local.db", tmp / "dist.db"
        nights = {}
        for night in ("one", "two"):
            if night == "two":
                publish_next_day(sites)
            result = {"local": local_crawl(sources, local), "local_snapshot": snapshot(local)}
            server.clear_log()
            result.update(distributed(redis_server.url, sources, dist))
            result["log"] = server.request_log
            result["snapshot"] = snapshot(dist)
            nights[night] = result
        yield {"nights": nights, "sources": sources, "server": server, "tmp": tmp,
               "dist": dist, "local": local}  # fmt: skip


@pytest.mark.parametrize("night", ["one", "two"])
def test_distributed_crawl_equals_the_local_one(scene, night):
    got, want = scene["nights"][night]["snapshot"], scene["nights"][night]["local_snapshot"]
    assert len(got["articles"]) == (27 if night == "one" else 29)
    for part in ("articles", "regions", "stories", "aliases", "fts", "runs", "counts"):
        assert got[part] == want[part], part


def test_exit_codes_and_summary_match_the_local_crawl(scene):
    night = scene["nights"]["one"]
    assert night["local"].returncode == EXIT_PARTIAL  # the outlet that is down
    store = night["writer"]
    assert store.returncode == EXIT_PARTIAL, store.stderr
    assert store.stderr.strip().splitlines() == [
        line for line in night["local"].stderr.strip().splitlines()
    ]  # the same one line: «newsmon: источник down недоступен: …»
    assert "новых статей 27" in store.stdout
    for crawl in night["workers"]:
        assert crawl.returncode == 0, crawl.stderr
        assert crawl.stderr == ""


def test_night_two_fetches_no_stored_article_page(scene):
    db = open_db(scene["dist"])
    stored = {url for (url,) in db.execute(
        "select url from urls where article_id is not null and first_seen < "
        "(select started from runs where id = (select max(id) from runs))")}  # fmt: skip
    db.conn.close()
    server = scene["server"]
    fetched = {server.urls[e.site].rstrip("/") + e.path for e in scene["nights"]["two"]["log"]}
    assert stored and not stored & fetched
    new = {p for e in scene["nights"]["two"]["log"] for p in [e.path]
           if p in ("/news/5010/", "/novosti/7109/")}  # fmt: skip
    assert new == {"/news/5010/", "/novosti/7109/"}
    # feeds and listing pages are read again every night
    assert {"/rss.xml", "/"} <= {e.path for e in scene["nights"]["two"]["log"]}


def test_two_workers_share_the_outlets_without_doubling_their_rate(scene):
    log = scene["nights"]["one"]["log"]
    agents = {e.user_agent for e in log}
    assert {"worker0", "worker1"} <= agents
    shared = 0
    for site in {e.site for e in log}:
        hits = sorted((e.at, e.user_agent) for e in log if e.site == site
                      and e.path != "/robots.txt")  # fmt: skip
        shared += len({ua for _, ua in hits}) > 1
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(hits)]
        # The server logs a request when its thread gets to it, a few ms to hundreds of ms after
        # it arrived on a loaded machine, so a pair or two may look close (2 of 9 in a CI run
        # beside an evaluation); two workers without the shared limit collide all the time
        # (about every other gap near 0).
        close = [g for g in gaps if g < DELAY * 0.6]
        assert len(close) <= max(2, len(gaps) // 4), (site, gaps)
    assert shared  # at least one outlet was fetched by both workers


def test_the_crawl_lock_refuses_a_local_crawl_and_a_second_writer(scene, redis_server):
    url = redis_server.url.replace("/0", "/4")
    first = writer(url, scene["sources"], scene["dist"])
    try:
        lock = scene["dist"].with_name(scene["dist"].name + ".lock")
        deadline = time.monotonic() + 60
        while lock.read_text().strip() != str(first.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        second = finish(writer(url, scene["sources"], scene["dist"]), 60)
        assert second.returncode == EXIT_LOCKED and "Сбор уже идёт" in second.stderr
        crawl = local_crawl(scene["sources"], scene["dist"])
        assert crawl.returncode == EXIT_LOCKED and "Сбор уже идёт" in crawl.stderr
    finally:
        first.send_signal(signal.SIGTERM)
        stopped = finish(first, 60)
    assert stopped.returncode == 1 and "прервана" in stopped.stderr


# -- faults --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def baseline(scene):
    """A fresh local crawl of the outlets as they are after night two."""
    db = scene["tmp"] / "baseline.db"
    local_crawl(scene["sources"], db)
    return snapshot(db)


def wait_until(check, timeout: float = 120, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def stored_marks(client: redis.Redis) -> int:
    return sum(1 for v in client.hvals("newsmon:urls") if v == b"s")


SLOW = ["-s", "DOWNLOAD_DELAY=0.6", "-s", "NEWSMON_REDIS_WORKER_TTL=3"]


def same_articles(got: dict, want: dict) -> None:
    """The fault runs equal the baseline. The page that answers after 6 s against a 2 s timeout
    is left out: on a loaded machine a reactor busy tagging may read its late answer before the
    timer fires, in any crawl, local or not."""
    for part in ("articles", "regions"):
        assert {k: v for k, v in got[part].items() if not k.endswith(SLOW_PAGE)} == {
            k: v for k, v in want[part].items() if not k.endswith(SLOW_PAGE)}, part  # fmt: skip
    stories = [[u for u in s if not u.endswith(SLOW_PAGE)] for s in got["stories"]]
    assert [s for s in stories if s] == [
        s for s in ([u for u in s if not u.endswith(SLOW_PAGE)] for s in want["stories"]) if s]
    assert got["fts"] == len(got["articles"])


SLOW_PAGE = "/news/5006/"


def test_a_worker_killed_with_kill_9_loses_nothing(scene, redis_server, baseline):
    url = redis_server.url.replace("/0", "/1")
    client = redis.Redis.from_url(url)
    db = scene["tmp"] / "killed_worker.db"
    store = writer(url, scene["sources"], db)
    victim = worker(url, scene["sources"], "victim", *SLOW)
    wait_until(lambda: client.scard("newsmon:leased-by") > 0, what="the victim's first lease")
    victim_id = client.srandmember("newsmon:leased-by").decode()
    rescuer = worker(url, scene["sources"], "rescuer", *SLOW)
    try:
        def leased() -> int:
            return client.hlen(f"newsmon:inflight:{victim_id}")

        wait_until(lambda: stored_marks(client) >= 3 and leased() > 0, what="a busy worker")
        in_flight = leased()
        victim.send_signal(signal.SIGKILL)
        victim.communicate()
    finally:
        if victim.poll() is None:
            victim.kill()
    assert in_flight > 0 and stored_marks(client) < len(baseline["articles"])
    rescued = finish(rescuer)
    result = finish(store, 120)
    assert rescued.returncode == 0, rescued.stderr
    assert result.returncode == EXIT_PARTIAL, result.stderr  # the outlet that is down
    assert not client.exists(f"newsmon:inflight:{victim_id}")  # taken over, not left
    same_articles(snapshot(db), baseline)


def test_the_writer_killed_mid_run_resumes_without_duplicates(scene, redis_server, baseline):
    url = redis_server.url.replace("/0", "/2")
    client = redis.Redis.from_url(url)
    db = scene["tmp"] / "killed_writer.db"
    first = writer(url, scene["sources"], db)
    crawlers = [worker(url, scene["sources"], f"w{i}", *SLOW) for i in range(2)]
    wait_until(lambda: stored_marks(client) >= 3, what="stored articles")
    first.send_signal(signal.SIGKILL)
    first.communicate()
    assert stored_marks(client) < len(baseline["articles"])
    second = writer(url, scene["sources"], db)
    for crawl in crawlers:
        assert finish(crawl).returncode == 0
    result = finish(second, 120)
    assert result.returncode == EXIT_PARTIAL, result.stderr
    got = snapshot(db)
    same_articles(got, baseline)
    conn = open_db(db).conn
    assert conn.execute("select status from runs order by id").fetchall() == [
        ("interrupted",), ("partial",)]  # fmt: skip
    assert conn.execute("select count(*) from article_minhash").fetchone()[0] == len(
        got["articles"])  # fmt: skip
    conn.close()


@pytest.mark.parametrize("command", ["crawl", "store"])
def test_redis_unreachable_is_one_line_and_non_zero(scene, command):
    url = f"redis://127.0.0.1:{free_port()}/0"
    args = ["--sources", str(scene["sources"])]
    if command == "store":
        args += ["--db", str(scene["tmp"] / "unreachable.db")]
    result = subprocess.run(cli(command, "--redis", url, *args), cwd=ROOT, capture_output=True,
                            text=True, timeout=120)  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newsmon: Redis {url} недоступен"), lines


def test_a_bad_redis_url_is_a_usage_error(scene):
    result = subprocess.run(cli("crawl", "--redis", "http://x/0", "--sources", str(scene["sources"])),
                            cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2 and "redis://HOST:PORT/N" in result.stderr


def test_redis_going_down_mid_run_stops_both_with_one_line(scene, tmp_path):
    with RedisServer(tmp_path / "redis") as server:
        client = redis.Redis.from_url(server.url)
        store = writer(server.url, scene["sources"], tmp_path / "down.db")
        crawl = worker(server.url, scene["sources"], "w", *SLOW)
        wait_until(lambda: stored_marks(client) >= 2, what="stored articles")
    for proc in (crawl, store):
        result = finish(proc, 120)
        assert result.returncode == 1, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and f"Redis {server.url} недоступен" in lines[0], lines
    assert os.path.exists(tmp_path / "down.db")


def test_a_record_crosses_redis_unchanged():
    import datetime as dt

    from db.store import ArticleRecord
    from newsmon.crawl.records import from_json, to_json

    record = ArticleRecord(
        url="http://127.0.0.1:1/a", source="s", text="Текст «статьи»", title="Заголовок",
        published=dt.date(2026, 10, 5), relevant=True, regions=[("RU-KHA", 2)],
        orgs=[("Фонд", 1)], topics=["семья"], projects=[("Проект", 1, True)],
        labels=[("tone", "positive")], request_urls=["http://127.0.0.1:1/a?utm_source=x"],
        signature=bytes(range(256)), tones=[("Фонд", "positive", False)], kind="telegram",
        links=[("http://127.0.0.1:1/b", "forward")],
    )  # fmt: skip
    assert from_json(to_json(record)) == record


def test_the_writer_stores_a_redelivered_article_once_and_drops_a_malformed_entry(
    redis_server, tmp_path
):
    """At-least-once from Redis, exactly once by URL: the same entry twice (a writer killed after
    its commit, before its ack) is one article; an entry no worker could have written is
    acknowledged and dropped instead of blocking the stream."""
    import datetime as dt

    from db.runs import start_run
    from db.store import ArticleRecord, ensure_regions
    from newsmon.crawl.records import to_json
    from newsmon.crawl.redis_link import ITEMS, WRITER_GROUP, RedisLink
    from newsmon.crawl.redis_writer import Writer, ensure_group
    from pipeline.cluster.minhash import signature, to_bytes

    link = RedisLink(redis_server.url.replace("/0", "/5"))
    r = link.client
    r.flushdb()
    ensure_group(r)
    db = open_db(tmp_path / "w.db")
    ensure_regions(db)
    db["sources"].insert({"name": "s", "url": "http://127.0.0.1:1/", "region_iso": "RU-KHA"})
    text = "Семьи Хабаровского края получили поддержку фонда. " * 10
    record = ArticleRecord(url="http://127.0.0.1:1/a", source="s", text=text, title="Т",
                           published=dt.date(2026, 10, 5), regions=[("RU-KHA", 1)],
                           request_urls=["http://127.0.0.1:1/a"],
                           signature=to_bytes(signature(text)))  # fmt: skip
    for data in (to_json(record), to_json(record), "{not json"):
        r.xadd(ITEMS, {"kind": "article", "data": data})
    writer = Writer(db, link, start_run(db, None))
    entries = r.xreadgroup(WRITER_GROUP, "writer", {ITEMS: ">"}, count=10)[0][1]
    assert writer.drain(r, entries) == 3
    assert db.execute("select count(*) from articles").fetchone()[0] == 1
    assert writer.stored == 1 and writer.rejected == 1
    assert r.xlen(ITEMS) == 0 and r.xpending(ITEMS, WRITER_GROUP)["pending"] == 0
    assert r.hget("newsmon:urls", record.url) == b"s"
    db.conn.close()
