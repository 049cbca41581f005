"""Replica outlets for the fault-injection tests (tests/test_faults_*.py) and a crawl runner.

Each site is built from tests/sites/articles.yml texts into a temporary folder and served by
newsmon.siteserver on 127.0.0.1; nothing touches the internet.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXTS = yaml.safe_load((ROOT / "tests" / "sites" / "articles.yml").read_text(encoding="utf-8"))
# Fast, untagged crawls: the faults are about storage and run status, not about tagging.
FAST = ["-s", "NEWSMON_TAG_ENABLED=false", "-s", "NEWSMON_EXTRACT_WORKERS=0",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false",
        "-s", "DOWNLOAD_TIMEOUT=5", "-s", "RETRY_TIMES=1"]  # fmt: skip


def article_html(i: int) -> str:
    text = TEXTS[i % len(TEXTS)]
    body = "".join(f"<p>{p}</p>" for p in text["body"])
    return (
        f'<html><head><meta charset="utf-8"><title>{text["title"]} ({i})</title></head><body>'
        f'<h1>{text["title"]} ({i})</h1><p>{i % 28 + 1} октября 2026 года</p>{body}'
        f"<p>Материал номер {i}.</p></body></html>"
    )


def build_site(
    root: Path, name: str, n_articles: int, *, site: dict[str, Any] | None = None,
    sitemap: bool = True,
) -> Path:
    """`root/name/`: articles /news/<i>.html listed in /sitemap.xml; `site` adds site.yml keys."""
    folder = root / name
    (folder / "public" / "news").mkdir(parents=True)
    config = {"name": name, "region": "Калужская область", **(site or {})}
    if sitemap:
        config.setdefault("sitemaps", ["/sitemap.xml"])
    (folder / "site.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    urls = []
    for i in range(n_articles):
        (folder / "public" / "news" / f"{i}.html").write_text(article_html(i), encoding="utf-8")
        urls.append(f"<url><loc>{{{{BASE}}}}/news/{i}.html</loc></url>")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        f'sitemap/0.9">{"".join(urls)}</urlset>',
        encoding="utf-8",
    )
    return folder


def crawl_cmd(sources: Path, db_path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-c", "from newsmon.cli import main; main()", "crawl",
            "--sources", str(sources), "--db", str(db_path), "--quiet", *FAST, *extra]  # fmt: skip


def crawl(sources: Path, db_path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_cmd(sources, db_path, *extra), cwd=ROOT, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def query(db_path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Read with a connection of our own (read-only), closed at once."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def count_articles(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        return query(db_path, "select count(*) from articles")[0][0]
    except sqlite3.OperationalError:
        return 0  # schema not created yet
