"""The fourth blind set of issue 17 (eval/blind_outlets4/), scored by eval/run_blind_outlets.py.

No floor on the scores: the set estimates outlets nobody tuned on, and nothing here prints or
asserts a score. Asserted is only that the set is consistent: a real two-night crawl of it
completes, every page the crawl stores is judged by the gold, the gold lists every page once with
full article labels, every page of the gold is served and every article can be reached by links
from its outlet's home page, the first night shows only what was published by then, and the
committed sites are what build.py renders.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

HERE = ROOT / "eval" / "blind_outlets4"
ISO = re.compile(r"^RU-[A-Z]{2,3}$")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("blind4")
    return run_blind_outlets.crawl(tmp / "blind4.db", tmp, HERE)


def test_the_set_is_found_by_name_and_number():
    assert run_blind_outlets.set_dir("blind_outlets4") == HERE
    assert run_blind_outlets.set_dir("4") == HERE


def test_gold_judges_every_stored_page_after_two_nights(crawled):
    gold = run_blind_outlets.load_gold(HERE)
    report = run_blind_outlets.score(gold, crawled)
    assert crawled["stored"], "the crawl stored nothing: the sites or the runner are broken"
    assert 0 < crawled["night1_stored"] <= len(crawled["stored"])
    assert crawled["night2_requests"] > 0
    assert report.unknown == []
    assert {row["source"] for row in crawled["stored"]} <= set(gold["outlets"])
    for name, (hits, total) in report.figures.items():
        assert 0 <= hits <= total, name
    assert report.figures["stored recall"][1] == sum(p["is_article"] for p in gold["pages"])
    assert set(crawled["counts"]) == set(gold["months"])


def test_gold_lists_every_page_once_with_article_labels():
    gold = run_blind_outlets.load_gold(HERE)
    keys = [(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]]
    assert len(keys) == len(set(keys))
    assert {p["outlet"] for p in gold["pages"]} == set(gold["outlets"])
    articles = [p for p in gold["pages"] if p["is_article"]]
    assert len(articles) >= 65 and len(gold["pages"]) - len(articles) >= 60
    assert all({"published", "relevant", "regions", "story", "title"} <= set(p) for p in articles)
    assert all(p["published"][:7] in gold["months"] for p in articles)
    assert all(ISO.match(iso) for p in articles for iso in p["regions"])
    relevant = sum(p["relevant"] for p in articles)
    assert 0.6 <= relevant / len(articles) <= 0.85, "about three quarters relevant"
    stories: dict[str, set[str]] = {}
    for p in articles:
        stories.setdefault(p["story"], set()).add(p["outlet"])
    assert sum(len(o) > 1 for o in stories.values()) >= 3, "the set holds cross-outlet reprints"
    homes = {o["iso"] for o in gold["outlets"].values()}
    assert len(homes) == len(gold["outlets"]), "every outlet has a home region of its own"


def served_pages(sites: Path) -> dict[str, dict[str, int]]:
    """Every HTML page each outlet serves, found by following links from its home page,
    with its HTTP status (0: not HTML); and the status of every page the gold names (negative:
    served but not reached by links)."""
    from newsmon.siteserver import SiteServer

    gold = run_blind_outlets.load_gold(HERE)
    out: dict[str, dict[str, int]] = {}
    with SiteServer(sites) as server:
        for name, base in server.urls.items():
            base = base.rstrip("/")
            seen: dict[str, int] = {}
            todo = ["/"]
            while todo:
                url = todo.pop()
                if url in seen:
                    continue
                try:
                    with urllib.request.urlopen(base + url) as resp:
                        seen[url] = resp.status
                        if "html" not in resp.headers.get("Content-Type", ""):
                            seen[url] = 0  # a feed: not a page the gold judges
                            continue
                        body = resp.read().decode(resp.headers.get_content_charset() or "utf-8", "replace")
                except urllib.error.HTTPError as exc:
                    seen[url] = exc.code
                    continue
                for href in re.findall(r'href="([^"#]*)', body):
                    href = html.unescape(href).replace(base, "")
                    if href.startswith("/") and not re.search(r"\.(css|js|jpg|png|svg|pdf|ico|xml)(\?|$)", href):
                        todo.append(href)
            for page in gold["pages"]:
                if page["outlet"] == name and page["url"] not in seen:
                    with urllib.request.urlopen(base + page["url"]) as resp:
                        seen[page["url"]] = -resp.status  # served, but not reached by links
            out[name] = seen
    return out


def test_every_gold_page_is_served_and_every_article_is_linked():
    gold = run_blind_outlets.load_gold(HERE)
    served = served_pages(HERE / "sites")
    keys = {(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]}
    for page in gold["pages"]:
        status = served[page["outlet"]][page["url"]]
        assert abs(status) == 200, page["url"]
        if page["is_article"]:
            assert status == 200, f"{page['outlet']} {page['url']} is not linked from the site"
    for name, seen in served.items():
        for url, status in seen.items():
            if status == 200:
                assert (name, run_blind_outlets.page_key(url)) in keys, f"{name} {url} is served but not in the gold"


def test_the_first_night_shows_only_what_was_published_by_then():
    gold = run_blind_outlets.load_gold(HERE)
    night1 = dt.date.fromisoformat(gold["nights"]["night1"])
    later = [p for p in gold["pages"] if p["is_article"] and dt.date.fromisoformat(p["published"]) > night1]
    assert 10 <= len(later) <= 15, "the second night should bring about ten new articles"
    for p in later:  # per outlet: a later reprint may carry the title of an earlier original elsewhere
        text = "\n".join(f.read_text(encoding="utf-8") for f in (HERE / "night1" / p["outlet"]).rglob("*") if f.is_file())
        assert p["title"] not in text and html.escape(p["title"]) not in text, p["url"]


def test_committed_sites_are_what_build_py_renders(tmp_path):
    result = subprocess.run([sys.executable, str(HERE / "build.py"), "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr

    def files(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for d in ("sites", "night1")
                for p in (root / d).rglob("*") if p.is_file()} | {"gold.json": (root / "gold.json").read_bytes()}  # fmt: skip

    committed, rendered = files(HERE), files(tmp_path)
    changed = sorted(k for k in committed.keys() | rendered.keys() if committed.get(k) != rendered.get(k))
    assert not changed, f"eval/blind_outlets4/ is stale: run build.py and commit ({changed[:5]})"


def test_the_causes_fixed_after_the_first_look_stay_fixed(crawled):
    """Not blind since its one scoring (first look in the README: stored precision 0.857, region
    sets 50/59, region-months 23/42): floors for what fixed its causes — undated service pages
    are no articles, a byline link is no teaser, a one-post taxonomy page is a teaser, bulleted
    and table lists of regions, rankings with figures, guests who came to learn, benefits for
    families with children, a site builder's footer naming the owner."""
    report = run_blind_outlets.score(run_blind_outlets.load_gold(HERE), crawled)
    for figure in ("stored precision", "date exact", "relevance recall"):
        hits, total = report.figures[figure]  # a ministry's order is a document (session 6)
        assert hits == total, figure
    # This set's gold counts a vacancy and a greeting as off-topic articles; since session 21
    # newsmon refuses headlines labelled so, as the later sets' gold does (55, 70, 81, 83,
    # 92-97). Both are irrelevant: no count moves.
    hits, total = report.figures["stored recall"]
    assert hits >= total - 2
    assert report.figures["region set exact"][0] >= 58
    assert report.figures["region-month materials exact"][0] >= 41
    assert report.figures["region-month stories exact"][0] >= 41
