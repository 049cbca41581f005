"""A crawl killed halfway (SIGKILL, as a power cut or the OOM killer would) leaves a consistent
database, and the next run finishes the job without fetching what was stored."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from db import open_db
from newsmon.siteserver import SiteServer

ROOT = Path(__file__).resolve().parent.parent
TEXTS = yaml.safe_load((ROOT / "tests" / "sites" / "articles.yml").read_text(encoding="utf-8"))
N_ARTICLES = 14


def build_slow_site(root: Path) -> None:
    site = root / "slow"
    (site / "public" / "news").mkdir(parents=True)
    delays = {f"/news/{i}.html": 0.3 for i in range(N_ARTICLES)}
    (site / "site.yml").write_text(
        yaml.safe_dump({"name": "slow", "region": "Калужская область", "sitemaps": ["/sitemap.xml"],
                        "delay": delays}, allow_unicode=True),
        encoding="utf-8",
    )  # fmt: skip
    urls = []
    for i in range(N_ARTICLES):
        text = TEXTS[i % len(TEXTS)]
        body = "".join(f"<p>{p}</p>" for p in text["body"])
        (site / "public" / "news" / f"{i}.html").write_text(
            f'<html><head><meta charset="utf-8"><title>{text["title"]} ({i})</title></head><body>'
            f'<h1>{text["title"]} ({i})</h1><p>{i + 1} октября 2026 года</p>{body}'
            f"<p>Материал номер {i}.</p></body></html>",
            encoding="utf-8",
        )
        urls.append(f"<url><loc>{{{{BASE}}}}/news/{i}.html</loc></url>")
    (site / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        f'sitemap/0.9">{"".join(urls)}</urlset>',
        encoding="utf-8",
    )


def count_articles(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def test_killed_crawl_leaves_consistent_db_and_next_run_finishes(tmp_path):
    build_slow_site(tmp_path / "sites")
    db_path = tmp_path / "newsmon.db"
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        cmd = [sys.executable, "-c", "from newsmon.cli import main; main()", "crawl",
               "--sources", str(sources), "--db", str(db_path), "--quiet"]  # fmt: skip
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while count_articles(db_path) < 3 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        time.sleep(1.0)  # requests of the killed run still in the server's 0.3 s delay get logged

        db = open_db(db_path)
        before = db.execute("select count(*) from articles").fetchone()[0]
        assert 3 <= before < N_ARTICLES
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        assert db.execute("pragma foreign_key_check").fetchall() == []
        # every stored article is whole: its URL row, its text
        assert db.execute(
            "select count(*) from articles a where a.text = '' or not exists "
            "(select 1 from urls u where u.article_id = a.id)"
        ).fetchone() == (0,)
        assert [r["status"] for r in db.query("select status from runs")] == ["running"]
        stored = {urlsplit(r["url"]).path for r in db.query("select url from articles")}
        db.conn.close()

        server.clear_log()
        again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr
        fetched = [e.path for e in server.request_log if e.path.startswith("/news/")]

    db = open_db(db_path)
    assert db.execute("select count(*) from articles").fetchone()[0] == N_ARTICLES
    assert not set(fetched) & stored  # nothing stored was fetched again
    assert len(set(fetched)) == N_ARTICLES - before
    assert [r["status"] for r in db.query("select status from runs order by id")] == [
        "interrupted", "ok",
    ]
