"""Is a fetched page a news article? Sitemaps list home, about and contact pages too.

Signals, strongest first: the source's home page is a listing; a service path segment
(«/kontakty/», «/about.html»: pipeline/data/pagetypes.yml); og:type declaring a website or profile
while no JSON-LD article says otherwise.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

import yaml

from newsmon.core.datafiles import data_dir

DATA = data_dir("pipeline") / "pagetypes.yml"
OG_TYPE_RE = re.compile(
    rb"<meta\b[^>]*property\s*=\s*[\"']og:type[\"'][^>]*content\s*=\s*[\"']([^\"']+)", re.I
)
OG_TYPE_REVERSED_RE = re.compile(
    rb"<meta\b[^>]*content\s*=\s*[\"']([^\"']+)[\"'][^>]*property\s*=\s*[\"']og:type", re.I
)
JSONLD_ARTICLE_RE = re.compile(rb"\"@type\"\s*:\s*\"(News|Blog|Report|)?Article\"|NewsArticle", re.I)


@functools.cache
def _data() -> tuple[frozenset[str], frozenset[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return frozenset(data["service_segments"]), frozenset(data["non_article_og_types"])


def _segments(path: str) -> list[str]:
    return [re.sub(r"\.(s?html?|php|aspx?)$", "", s.lower()) for s in path.split("/") if s]


def non_article_reason(url: str, source_url: str, body: bytes) -> str | None:
    """Why the page is not an article, or None when it may be one."""
    path, home = urlsplit(url).path, urlsplit(source_url).path
    if path.rstrip("/") == home.rstrip("/") or _segments(path) in ([], ["index"]):
        return "home page"
    service, og_types = _data()
    hit = next((s for s in _segments(path) if s in service), None)
    if hit:
        return f"service page /{hit}/"
    head = body[:300_000]
    match = OG_TYPE_RE.search(head) or OG_TYPE_REVERSED_RE.search(head)
    if match and match.group(1).decode("latin-1").strip().lower() in og_types:
        if not JSONLD_ARTICLE_RE.search(head):
            return f"og:type {match.group(1).decode('latin-1')}"
    return None
