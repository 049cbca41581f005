"""Blind set 121 of issue 17 (eval/blind_outlets121/), scored by eval/run_blind_outlets.py.

No floor on the scores: the set estimates outlets nobody tuned on, and nothing here computes,
prints or asserts a score. Asserted is only that the set is consistent: a real two-night crawl of it
completes, every page the crawl stores is judged by the gold, the gold lists every page once with
full article labels matching articles.yml, every page of the gold is served (a redirect answers
with its 3xx, or on the VuePress site with its meta-refresh page, to a gold page) and every article
can be reached by links from its outlet's home page, every page reachable that way is in the gold,
the first night shows exactly what had gone online by 21:00 in the outlets' own zone and every page
of it is still served on the second night, and the committed sites are what build.py renders.
"""

from __future__ import annotations

import html
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from tests.blindsets import (
    check_committed_output_is_rendered,
    check_found_by_name_and_number,
    check_gold_judges_stored,
    crawl,
    load_build,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets121"
ISO = re.compile(r"^RU-[A-Z]{2,3}$")
REDIRECTS = (301, 302, 303, 307, 308)
META_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
BASE_TAG = re.compile(r"<base\b[^>]*>", re.IGNORECASE)  # not a link (Plone 5 has none, but be safe)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return crawl(HERE, tmp_path_factory)


def test_the_set_is_found_by_name_and_number():
    check_found_by_name_and_number(HERE, 121)


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    check_gold_judges_stored(HERE, crawled)


def test_gold_lists_every_page_once_with_article_labels():
    gold = run_blind_outlets.load_gold(HERE)
    assert gold["months"] == ["2025-09", "2025-10", "2025-11"] and gold["since"] == "2025-09-01"
    keys = [(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]]
    assert len(keys) == len(set(keys))
    assert {p["outlet"] for p in gold["pages"]} == set(gold["outlets"])
    articles = [p for p in gold["pages"] if p["is_article"]]
    assert len(articles) == 36 and len(gold["pages"]) - len(articles) >= 85
    assert all({"published", "relevant", "regions", "story", "title", "note"} <= set(p) for p in articles)
    assert all(p["note"] for p in articles)
    assert all(p["published"][:7] in gold["months"] for p in articles)
    assert all(ISO.match(iso) for p in articles for iso in p["regions"])
    relevant = sum(p["relevant"] for p in articles)
    assert 0.7 <= relevant / len(articles) <= 0.85, "about three quarters relevant"
    stories: dict[str, set[str]] = {}
    for p in articles:
        stories.setdefault(p["story"], set()).add(p["outlet"])
    assert sum(len(o) > 1 for o in stories.values()) >= 2, "the set holds cross-outlet stories"
    homes = {o["iso"] for o in gold["outlets"].values()}
    assert len(homes) == len(gold["outlets"]), "every outlet has a home region of its own"
    assert all(not p["is_article"] or p["kind"] == "article" for p in gold["pages"])
    per_outlet = {name: sum(p["outlet"] == name for p in articles) for name in gold["outlets"]}
    assert set(per_outlet.values()) == {18}, per_outlet


def test_gold_is_articles_yml():
    """Every article of articles.yml is one gold page with its labels and its local date; the
    verbatim reprint is the same text as its original."""
    gold = run_blind_outlets.load_gold(HERE)
    articles = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))["articles"]
    pages = {(p["outlet"], p["title"], p["published"]): p for p in gold["pages"] if p["is_article"]}
    assert len(pages) == len(articles) == sum(p["is_article"] for p in gold["pages"])
    assert len({a["id"] for a in articles}) == len(articles)
    by_id = {a["id"]: a for a in articles}
    for a in articles:
        p = pages[(a["outlet"], a["title"], a["date"].isoformat())]
        assert (p["relevant"], p["regions"], p["story"], p["note"]) == (
            a["relevant"], sorted(a["regions"]), a["story"], a["note"])
        assert 130 <= len(a["text"].split()) <= 230, a["id"]
        assert "2025-09-02" <= a["date"].isoformat() <= "2025-11-25"
        if a.get("reprint_of"):
            original = by_id[a["reprint_of"]]
            assert a["text"] == original["text"] and a["story"] == original["story"]
            assert a["outlet"] != original["outlet"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the answer itself (an HTTPError) is what is recorded


def served_pages(sites: Path) -> dict[str, dict[str, int]]:
    """Every page each outlet serves, found by following links (absolute and root-relative) from
    its home page, with its HTTP status (0: not HTML, 3xx: a redirect, whose target is followed);
    a meta-refresh page is recorded as 200 and its target followed too; and the status of every
    page the gold names (negative: served but not reached by links)."""
    from newsmon.siteserver import SiteServer

    gold = run_blind_outlets.load_gold(HERE)
    opener = urllib.request.build_opener(_NoRedirect)
    out: dict[str, dict[str, int]] = {}
    with SiteServer(sites) as server:
        for name, home in server.urls.items():
            base = home.rstrip("/")
            seen: dict[str, int] = {}
            todo = ["/"]
            while todo:
                url = todo.pop()
                if url in seen:
                    continue
                try:
                    with opener.open(base + url) as resp:
                        seen[url] = resp.status
                        if "html" not in resp.headers.get("Content-Type", ""):
                            seen[url] = 0  # a feed or a calendar file: not a page the gold judges
                            continue
                        body = resp.read().decode(resp.headers.get_content_charset() or "utf-8", "replace")
                except urllib.error.HTTPError as exc:
                    seen[url] = exc.code
                    if exc.code in REDIRECTS:
                        todo.append(exc.headers["Location"].replace(base, ""))
                    continue
                for href in re.findall(r'href="([^"#]*)', BASE_TAG.sub("", body)) + META_REFRESH.findall(body):
                    href = urljoin(base + url, html.unescape(href)) if href else ""
                    if not href.startswith(base + "/"):
                        continue  # another outlet, another host, javascript:, an empty anchor
                    href = href[len(base):]
                    if not re.search(r"\.(css|js|jpg|png|svg|pdf|ico|xml)(\?|$)", href):
                        todo.append(href)
            for page in gold["pages"]:
                if page["outlet"] == name and page["url"] not in seen:
                    try:
                        with opener.open(base + page["url"]) as resp:
                            seen[page["url"]] = -resp.status  # served, but not reached by links
                    except urllib.error.HTTPError as exc:
                        seen[page["url"]] = -exc.code
            out[name] = seen
    return out


def test_every_gold_page_is_served_and_every_article_is_linked():
    gold = run_blind_outlets.load_gold(HERE)
    served = served_pages(HERE / "sites")
    keys = {(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]}
    for page in gold["pages"]:
        status = served[page["outlet"]][page["url"]]
        if page["kind"] == "redirect":
            if status in REDIRECTS:
                continue
            assert status == 200, page["url"]  # VuePress's redirectFrom: a meta-refresh page
            public = HERE / "sites" / page["outlet"] / "public" / page["url"].lstrip("/")
            assert META_REFRESH.search(public.read_text(encoding="utf-8")), page["url"]
        else:
            assert abs(status) == 200, page["url"]
        if page["is_article"]:
            assert status == 200, f"{page['outlet']} {page['url']} is not linked from the site"
    for name, seen in served.items():
        for url, status in seen.items():
            if status == 200 or status in REDIRECTS:
                assert (name, run_blind_outlets.page_key(url)) in keys, (
                    f"{name} {url} is served but not in the gold"
                )


def test_the_first_night_shows_only_what_had_gone_online_by_then():
    """By the instant, in the outlets' own zone (UTC+3): on 14 November a post of 19:40 (maykop)
    and one of 10:15 (cherkessk) are online on the first night, one of 22:30 and one of 21:20 the
    same day are not."""
    build = load_build(HERE)
    gold = run_blind_outlets.load_gold(HERE)
    assert build.NIGHT1.isoformat() == gold["nights"]["night1"]
    assert build.NIGHT2.isoformat() == gold["nights"]["night2"]
    articles = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))["articles"]
    later = [a for a in articles if build.instant(a) > build.EVENING1]
    assert sorted(a["outlet"] for a in later) == ["cherkessk"] * 4 + ["maykop"] * 3
    night_text = {
        name: "\n".join(f.read_text(encoding="utf-8") for f in (HERE / "night1" / name).rglob("*") if f.is_file())
        for name in gold["outlets"]
    }  # fmt: skip
    for a in articles:
        text = night_text[a["outlet"]]
        shown = a["title"] in text or html.escape(a["title"]) in text
        assert shown == (a not in later), (a["id"], a["title"])
    for name in gold["outlets"]:
        edge = [a for a in articles if a["outlet"] == name and a["date"] == build.NIGHT1]
        assert {a in later for a in edge} == {True, False}, f"the night edge: {name} on both sides"


def test_every_page_of_the_first_night_is_still_served_on_the_second():
    gold = run_blind_outlets.load_gold(HERE)
    keys = {(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]}
    for name in gold["outlets"]:
        first = {p.relative_to(HERE / "night1" / name) for p in (HERE / "night1" / name).rglob("*") if p.is_file()}
        second = {p.relative_to(HERE / "sites" / name) for p in (HERE / "sites" / name).rglob("*") if p.is_file()}
        assert first <= second, sorted(map(str, first - second))[:5]
        assert (HERE / "night1" / name / "site.yml").read_bytes() == (HERE / "sites" / name / "site.yml").read_bytes()
    for name, seen in served_pages(HERE / "night1").items():
        for url, status in seen.items():
            if status == 200 or status in REDIRECTS:
                assert (name, run_blind_outlets.page_key(url)) in keys, f"night 1: {name} {url} not in the gold"


def test_committed_sites_are_what_build_py_renders(tmp_path):
    check_committed_output_is_rendered(HERE, tmp_path)
