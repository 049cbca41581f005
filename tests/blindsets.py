"""The consistency checks every blind set's test file (tests/test_blind_outlets*.py) repeats.

Each blind set (eval/blind_outletsNN/) is two fictional outlets served on 127.0.0.1, a gold.json,
an articles.yml and a build.py that renders sites/ and night1/. What is the same for every set is
held here once, parameterised where the sets differ (sizes of the gold, shares, extra labels);
each test file keeps its own parameters, its floors and its set-specific tests. Not collected:
pytest collects only test_*.py.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, Literal
from urllib.parse import urljoin

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import run_blind_outlets  # noqa: E402

ISO = re.compile(r"^RU-[A-Z]{2,3}$")
HREF = r'href="([^"#]*)'  # the links served_pages follows: double-quoted href, fragment cut
ASSET = re.compile(r"\.(css|js|jpg|png|svg|pdf|ico|xml)(\?|$)")
ARTICLE_FIELDS = ("published", "relevant", "regions", "story", "title")
REDIRECTS = (301, 302, 303, 307, 308)  # the statuses a set's served_pages(redirects=) records


def set_number(here: Path) -> str:
    """The number of a set as set_dir takes it and as its temporary folders are named: "50"
    for eval/blind_outlets50, "" for the first set (eval/blind_outlets)."""
    return here.name.removeprefix("blind_outlets")


def load_build(here: Path) -> ModuleType:
    """The set's build.py as a module (its NIGHT1, EVENING1, instant(), …)."""
    spec = importlib.util.spec_from_file_location(f"{here.name}_build", here / "build.py")
    assert spec is not None and spec.loader is not None, here / "build.py"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_articles(here: Path) -> list[dict[str, Any]]:
    return yaml.safe_load((here / "articles.yml").read_text(encoding="utf-8"))["articles"]


def crawl(here: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real (two-night, with night1/) crawl of the set, for a test file's module-scoped
    ``crawled`` fixture."""
    name = f"blind{set_number(here)}"
    tmp = tmp_path_factory.mktemp(name)
    return run_blind_outlets.crawl(tmp / f"{name}.db", tmp, here)


def check_found_by_name_and_number(here: Path, number: int) -> None:
    """Set ``number`` is found by its folder's name and by its number, and is the file's ``here``."""
    assert run_blind_outlets.set_dir(f"blind_outlets{number}") == here
    assert run_blind_outlets.set_dir(str(number)) == here


def check_gold_judges_stored(here: Path, crawled: dict[str, Any], *, scored: bool = False) -> None:
    """After two nights every stored page is one the gold judges. ``scored``: the older sets'
    form, through run_blind_outlets.score (its unknown pages, every figure within its total, the
    recall's total the gold's articles) instead of the page keys."""
    gold = run_blind_outlets.load_gold(here)
    report = run_blind_outlets.score(gold, crawled) if scored else None
    assert crawled["stored"], "the crawl stored nothing: the sites or the runner are broken"
    assert 0 < crawled["night1_stored"] <= len(crawled["stored"])
    assert crawled["night2_requests"] > 0
    if report is not None:
        assert report.unknown == []
    else:
        # No score is computed here: the set's author never scored it (the lead scores it once).
        key = run_blind_outlets.page_key
        keys = {(p["outlet"], key(p["url"])) for p in gold["pages"]}
        unknown = [r["url"] for r in crawled["stored"] if (r["source"], key(r["url"])) not in keys]
        assert unknown == [], "stored pages the gold does not judge"
    assert {row["source"] for row in crawled["stored"]} <= set(gold["outlets"])
    if report is not None:
        for name, (hits, total) in report.figures.items():
            assert 0 <= hits <= total, name
        assert report.figures["stored recall"][1] == sum(p["is_article"] for p in gold["pages"])
    assert set(crawled["counts"]) == set(gold["months"])


def check_gold_lists_every_page_once(
    here: Path,
    *,
    min_articles: int,
    min_others: int,
    relevant_share: tuple[float, float],
    min_cross_outlet_stories: int = 2,
    extra_fields: Iterable[str] = (),
    published_between: tuple[str, str] | None = None,
    articles_are_kind_article: bool = False,
    articles_per_outlet: int | None = None,
) -> None:
    """The gold lists every page once, each outlet's with at least ``min_articles`` articles
    and ``min_others`` other pages in all; every article fully labelled (``extra_fields`` beside
    the usual ones), published in the set's months (and ``published_between``, inclusive ISO
    dates), its regions ISO codes; the share of relevant articles within ``relevant_share``; at
    least ``min_cross_outlet_stories`` stories told by both outlets; each outlet a home region
    of its own; ``articles_are_kind_article``: an article's ``kind`` is "article";
    ``articles_per_outlet``: every outlet has exactly so many articles."""
    gold = run_blind_outlets.load_gold(here)
    keys = [(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]]
    assert len(keys) == len(set(keys))
    assert {p["outlet"] for p in gold["pages"]} == set(gold["outlets"])
    articles = [p for p in gold["pages"] if p["is_article"]]
    assert len(articles) >= min_articles and len(gold["pages"]) - len(articles) >= min_others
    fields = {*ARTICLE_FIELDS, *extra_fields}
    assert all(fields <= set(p) for p in articles)
    assert all(p["published"][:7] in gold["months"] for p in articles)
    if published_between is not None:
        first, last = published_between
        assert all(first <= p["published"] <= last for p in articles)
    assert all(ISO.match(iso) for p in articles for iso in p["regions"])
    relevant = sum(p["relevant"] for p in articles)
    low, high = relevant_share
    assert low <= relevant / len(articles) <= high, "about three quarters relevant"
    stories: dict[str, set[str]] = {}
    for p in articles:
        stories.setdefault(p["story"], set()).add(p["outlet"])
    assert sum(len(o) > 1 for o in stories.values()) >= min_cross_outlet_stories, (
        "the set holds cross-outlet stories (reprints)"
    )
    homes = {o["iso"] for o in gold["outlets"].values()}
    assert len(homes) == len(gold["outlets"]), "every outlet has a home region of its own"
    if articles_are_kind_article:
        assert all(not p["is_article"] or p["kind"] == "article" for p in gold["pages"])
    if articles_per_outlet is not None:
        for name in gold["outlets"]:
            assert sum(p["outlet"] == name for p in articles) == articles_per_outlet, name


def check_gold_is_articles_yml(
    here: Path,
    *,
    words: tuple[int, int] | None = None,
    markup: Iterable[str] = (),
    extra_labels: Iterable[str] = (),
    dates: tuple[str, str] | None = None,
) -> None:
    """Every article of articles.yml is one gold page with its labels (``extra_labels``, e.g.
    "note", beside the usual ones) and its local date; ``words``: each text's length in words
    lies within (inclusive), ``markup`` (strings such as «[pagebreak]») not counted as words;
    ``dates``: each article's date lies within (inclusive ISO dates)."""
    gold = run_blind_outlets.load_gold(here)
    articles = load_articles(here)
    pages = {(p["outlet"], p["title"], p["published"]): p for p in gold["pages"] if p["is_article"]}
    assert len(pages) == len(articles) == sum(p["is_article"] for p in gold["pages"])
    extra = tuple(extra_labels)
    cuts = tuple(markup)
    for a in articles:
        p = pages[(a["outlet"], a["title"], a["date"].isoformat())]
        labels = (a["relevant"], sorted(a["regions"]), a["story"], *(a[k] for k in extra))
        assert (p["relevant"], p["regions"], p["story"], *(p[k] for k in extra)) == labels
        if words is not None:
            text = a["text"]
            for cut in cuts:
                text = text.replace(cut, " ")
            assert words[0] <= len(text.split()) <= words[1], a["id"]
        if dates is not None:
            assert dates[0] <= a["date"].isoformat() <= dates[1], a["id"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the answer itself (an HTTPError) is what is recorded


def served_pages(
    here: Path,
    sites: Path,
    *,
    href: str = HREF,
    check_gold: bool = True,
    relative: bool = False,
    redirects: Collection[int] = (),
    asset: re.Pattern[str] = ASSET,
    charset: str = "utf-8",
    links: Callable[[str], Iterable[str]] | None = None,
) -> dict[str, dict[str, int]]:
    """Every HTML page each outlet of ``sites`` serves, found by following links (``href``: the
    pattern whose group is a link; ``links``: a set's own reading of a page's links instead)
    from its home page, with its HTTP status (0: not HTML); and, with ``check_gold``, the status
    of every page the gold names (negative: served but not reached by links, or its error).
    ``relative``: links are resolved against the page they stand on, as a browser does (trimmed,
    then joined), and only those to the outlet's own host are followed; otherwise only
    root-relative ones and absolute ones to the host. ``redirects``: the statuses recorded as
    they are, not followed by the client, whose Location is then followed as a link (without
    them a redirect is followed and its target recorded under the address asked for).
    ``asset``: the links not followed; ``charset``: a page's encoding when it names none."""
    from newsmon.siteserver import SiteServer

    gold = run_blind_outlets.load_gold(here)
    opener = (
        urllib.request.build_opener(_NoRedirect) if redirects else urllib.request.build_opener()
    )
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
                            seen[url] = 0  # a feed: not a page the gold judges
                            continue
                        body = resp.read().decode(
                            resp.headers.get_content_charset() or charset, "replace"
                        )
                except urllib.error.HTTPError as exc:
                    seen[url] = exc.code
                    if exc.code in redirects:
                        todo.append(exc.headers["Location"].replace(base, ""))
                    continue
                for link in links(body) if links is not None else re.findall(href, body):
                    if relative:
                        link = urljoin(base + url, html.unescape(link).strip()) if link else ""
                        if not link.startswith(base + "/"):
                            continue  # another outlet, another host, javascript:, mailto:
                        link = link[len(base) :]
                    else:
                        link = html.unescape(link).replace(base, "")
                        if not link.startswith("/"):
                            continue
                    if not asset.search(link):
                        todo.append(link)
            if check_gold:
                for page in gold["pages"]:
                    if page["outlet"] == name and page["url"] not in seen:
                        try:
                            with opener.open(base + page["url"]) as resp:
                                seen[page["url"]] = -resp.status  # served, but not reached by links
                        except urllib.error.HTTPError as exc:
                            seen[page["url"]] = -exc.code
            out[name] = seen
    return out


def check_served_and_linked(
    here: Path,
    served: dict[str, dict[str, int]] | None = None,
    *,
    href: str = HREF,
    redirects: Collection[int] = (),
    unlinked_redirects: bool = False,
    other_redirect: Callable[[dict[str, Any], int], None] | None = None,
    **crawl: Any,
) -> None:
    """Every page of the gold is served, every article is reached by links (``href``, as in
    served_pages) from its outlet's home page, and every HTML page reached (200, or one of
    ``redirects``) is in the gold. ``served``: a set's own crawl of its sites (served_pages'
    form) where the shared one does not fit its outlets; ``crawl``: served_pages' further
    keywords for the shared one (``relative``, ``asset``, ``charset``, ``links``).
    ``redirects``: as in served_pages; a gold page of kind "redirect" answers with one of them,
    reached by links (or, with ``unlinked_redirects``, served but not reached by them), unless
    ``other_redirect`` (its page, its status) accepts another answer (a meta-refresh page)."""
    gold = run_blind_outlets.load_gold(here)
    if served is None:
        served = served_pages(here, here / "sites", href=href, redirects=redirects, **crawl)
    keys = {(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]}
    for page in gold["pages"]:
        status = served[page["outlet"]][page["url"]]
        if redirects and page["kind"] == "redirect":
            answer = abs(status) if unlinked_redirects else status
            if other_redirect is None or answer in redirects:
                assert answer in redirects, page["url"]
            else:
                other_redirect(page, status)
        else:
            assert abs(status) == 200, page["url"]
        if page["is_article"]:
            assert status == 200, f"{page['outlet']} {page['url']} is not linked from the site"
    for name, seen in served.items():
        for url, status in seen.items():
            if status == 200 or status in redirects:
                assert (name, run_blind_outlets.page_key(url)) in keys, (
                    f"{name} {url} is served but not in the gold"
                )


def evening(build: ModuleType, outlet: str, night: Literal[1, 2]) -> dt.datetime:
    """21:00 of the set's first or second night in ``outlet``'s own zone, however build.py
    spells it: ``evening(outlet, NIGHTn)``, or ``EVENINGn`` (one instant, or one an outlet)."""
    if hasattr(build, "evening"):
        return build.evening(outlet, getattr(build, f"NIGHT{night}"))
    value = getattr(build, f"EVENING{night}")
    return value[outlet] if isinstance(value, Mapping) else value


def check_first_night(
    here: Path,
    *,
    later: Mapping[str, int],
    edge_per_outlet: bool = True,
    all_by_second_night: bool = False,
) -> None:
    """build.py's nights are the gold's; the articles that go online after the first night's
    evening (by the instant, in their outlet's zone: ``evening``) are ``later`` (outlet: how
    many); night1/ shows every other article's title and none of these; on the first night's
    day articles stand on both sides of that evening (in each outlet, with
    ``edge_per_outlet``); ``all_by_second_night``: every article is online by the second
    night's evening."""
    build = load_build(here)
    gold = run_blind_outlets.load_gold(here)
    assert build.NIGHT1.isoformat() == gold["nights"]["night1"]
    assert build.NIGHT2.isoformat() == gold["nights"]["night2"]
    articles = load_articles(here)
    late = [a for a in articles if build.instant(a) > evening(build, a["outlet"], 1)]
    assert sorted(a["outlet"] for a in late) == sorted(
        name for name, count in later.items() for _ in range(count)
    )
    if all_by_second_night:
        assert all(build.instant(a) <= evening(build, a["outlet"], 2) for a in articles)
    night_text = {
        name: "\n".join(f.read_text(encoding="utf-8") for f in (here / "night1" / name).rglob("*") if f.is_file())
        for name in gold["outlets"]
    }  # fmt: skip
    for a in articles:
        text = night_text[a["outlet"]]
        shown = a["title"] in text or html.escape(a["title"]) in text
        assert shown == (a not in late), (a["id"], a["title"])
    for name in gold["outlets"] if edge_per_outlet else [None]:
        edge = [a for a in articles
                if a["date"] == build.NIGHT1 and (name is None or a["outlet"] == name)]  # fmt: skip
        assert {a in late for a in edge} == {True, False}, (
            f"the night edge: {build.NIGHT1} on both sides ({name or 'every outlet'})"
        )


def check_night1_still_served(here: Path, *, redirects: Collection[int] = (), **crawl: Any) -> None:
    """Every file of each outlet's night1/ is still in its sites/ (the second night) and its
    site.yml is the same; every page the night-1 sites serve by links (200, or one of
    ``redirects``; ``crawl``: served_pages' further keywords) is in the gold."""
    gold = run_blind_outlets.load_gold(here)
    keys = {(p["outlet"], run_blind_outlets.page_key(p["url"])) for p in gold["pages"]}
    for name in gold["outlets"]:
        first, second = here / "night1" / name, here / "sites" / name
        before = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
        after = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
        assert before <= after, sorted(map(str, before - after))[:5]
        assert (first / "site.yml").read_bytes() == (second / "site.yml").read_bytes(), name
    night1 = served_pages(here, here / "night1", check_gold=False, redirects=redirects, **crawl)
    for name, seen in night1.items():
        for url, status in seen.items():
            if status == 200 or status in redirects:
                assert (name, run_blind_outlets.page_key(url)) in keys, (
                    f"night 1: {name} {url} not in the gold"
                )


def check_committed_output_is_rendered(
    here: Path, tmp_path: Path, *, dirs: Iterable[str] = ("sites", "night1")
) -> None:
    """The committed ``dirs`` and gold.json are byte for byte what build.py renders."""
    result = subprocess.run([sys.executable, str(here / "build.py"), "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert result.returncode == 0, result.stderr
    folders = tuple(dirs)

    def files(root: Path) -> dict[str, bytes]:
        found = {str(p.relative_to(root)): p.read_bytes()
                 for d in folders for p in (root / d).rglob("*") if p.is_file()}  # fmt: skip
        return found | {"gold.json": (root / "gold.json").read_bytes()}

    committed, rendered = files(here), files(tmp_path)
    changed = sorted(
        k for k in committed.keys() | rendered.keys() if committed.get(k) != rendered.get(k)
    )
    assert not changed, f"eval/{here.name}/ is stale: run build.py and commit ({changed[:5]})"


def check_floors(
    here: Path,
    crawled: dict[str, Any],
    *,
    at_least: Mapping[str, int] | None = None,
    exact: Mapping[str, tuple[int, int]] | None = None,
    complete: Iterable[str] | Literal["all"] = (),
    short_at_most: Mapping[str, int] | None = None,
    total_at_most: Mapping[str, int] | None = None,
) -> run_blind_outlets.Report:
    """The set's floors after its first look, on run_blind_outlets.score of the crawl: a
    figure's hits ``at_least`` so many; ``exact`` (hits, total); ``complete``: hits == total
    (``"all"``: every figure); ``short_at_most``: total − hits (articles missed, non-articles
    stored) at most so many; ``total_at_most``: the total (pages stored) at most so many.
    Returns the report for a set's further assertions."""
    report = run_blind_outlets.score(run_blind_outlets.load_gold(here), crawled)
    figures = report.figures
    for name, floor in (at_least or {}).items():
        assert figures[name][0] >= floor, f"{name}: {figures[name]} below {floor}"
    for name, pair in (exact or {}).items():
        assert figures[name] == pair, f"{name}: {figures[name]}, not {pair}"
    for name in figures if complete == "all" else complete:
        hits, total = figures[name]
        assert hits == total, f"{name}: {hits}/{total}"
    for name, most in (short_at_most or {}).items():
        hits, total = figures[name]
        assert total - hits <= most, f"{name}: {hits}/{total}, more than {most} short"
    for name, most in (total_at_most or {}).items():
        assert figures[name][1] <= most, f"{name}: {figures[name]}, total above {most}"
    return report
