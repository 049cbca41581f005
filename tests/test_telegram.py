"""Telegram channels (#19): the preview parser on the fixture host's pages, sources.yml's
`telegram:` entries, and two nights of `newsmon crawl` over several channels on one host
(tests/tgsites/, built from channels.yml) with an outlet whose articles two posts retell.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from db import open_db
from newsmon.siteserver import SiteServer
from pipeline.extract.telegram import parse_preview, post_title

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "tgsites"
SPEC = yaml.safe_load((SITES / "channels.yml").read_text(encoding="utf-8"))
EXIT_PARTIAL = 3


def newsmon(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from newsmon.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def page(name: str, origin: str = "https://t.me"):
    path = SITES / "tme" / "public" / "s" / f"{name}.html"
    channel = name.split("@")[0]
    query = "?" + name.split("@")[1] if "@" in name else ""
    body = path.read_bytes().replace(b"{{BASE:nsk_vesti}}", b"https://nsk-vesti.example")
    return parse_preview(body, f"{origin}/s/{channel}{query}")


def gold_posts() -> dict[str, dict]:
    """Permalink path → the spec's post, for every post a reader calls a material."""
    return {
        f"/{c['name']}/{p['id']}": p
        for c in SPEC["channels"] for p in c.get("posts", []) if p["material"]
    }  # fmt: skip


# -- the parser --------------------------------------------------------------------------------


def test_a_preview_page_gives_its_posts_oldest_first_and_the_next_older_page():
    first = page("minsoc_nso")
    assert first.channel == "minsoc_nso" and first.title == "Минтруд и соцразвития НСО"
    assert [p.id for p in first.posts] == [10, 11, 12, 13, 14, 15]
    assert first.before == 10
    assert page("minsoc_nso@before=4").before is None  # the channel's first page
    post = first.posts[3]
    assert post.url == "https://t.me/minsoc_nso/13"
    assert post.published_utc is not None and post.published_utc.isoformat() == (
        "2026-10-31T22:30:00+00:00"
    )


def test_service_messages_and_photo_or_emoji_only_posts_are_not_materials():
    oldest = {p.id: p for p in page("minsoc_nso@before=4").posts}
    assert oldest[1].service and not oldest[1].is_material
    assert not oldest[2].is_material and oldest[3].is_material
    middle = {p.id: p for p in page("minsoc_nso@before=10").posts}
    assert middle[4].has_media and not middle[4].is_material  # three photos, no text
    newest = {p.id: p for p in page("minsoc_nso").posts}
    assert not newest[12].is_material  # «🔥🔥🔥 #НСО #ГодСемьи» under a photo


def test_a_link_preview_is_not_the_posts_text_but_its_link_is_kept():
    post = {p.id: p for p in page("minsoc_nso@before=10").posts}[9]
    assert "Многодетным семьям Новосибирской области выдадут" not in post.text  # preview title
    assert "https://nsk-vesti.example/news/2026/10/mnogodetnye-zemlya/" in post.links
    assert post.preview_url == "https://nsk-vesti.example/news/2026/10/mnogodetnye-zemlya/"


def test_a_forward_names_the_original_post_on_the_previews_own_host():
    posts = {p.id: p for p in page("kha_semya", "http://127.0.0.1:8123").posts}
    assert posts[104].forwarded_from == "http://127.0.0.1:8123/minsoc_nso/7"
    assert posts[104].url == "http://127.0.0.1:8123/kha_semya/104"


def test_a_poll_is_its_question_and_options():
    poll = {p.id: p for p in page("kha_semya").posts}[108]
    assert poll.title == "Пользовались ли вы услугами семейного центра?"
    assert poll.text.splitlines()[1:] == ["Да", "Нет", "Планирую"]


@pytest.mark.parametrize("text, title", [
    ("👨‍👩‍👧‍👦 Семейный МФЦ открылся в Бердске\nВ новом центре…", "Семейный МФЦ открылся в Бердске"),
    ("#КалининградскаяОбласть #опека\nВ Черняховске прошла школа приёмных родителей.",
     "В Черняховске прошла школа приёмных родителей"),
    ("Бригада побывала в районе 🚐 Специалисты помогли семьям.", "Бригада побывала в районе"),
    ("Новый центр открыт. Подробнее: https://example.ru/news/1", "Новый центр открыт"),
    ("Внимание! Приём заявлений на путёвки начался. Далее…", "Внимание! Приём заявлений на путёвки начался"),
])  # fmt: skip
def test_a_posts_title_is_its_first_line_or_sentence_without_emoji_hashtags_or_links(text, title):
    assert post_title(text) == title


def test_a_missing_or_private_channel_has_no_preview():
    for name in ("ghost_channel", "closed_chat"):
        body = (SITES / "tme" / "public" / f"{name}.html").read_bytes()
        assert parse_preview(body, f"https://t.me/{name}").channel is None


# -- sources.yml -----------------------------------------------------------------------------


def test_a_telegram_entry_is_a_source_of_the_telegram_kind(tmp_path):
    from newsmon.sources.config import load_sources

    path = tmp_path / "sources.yml"
    path.write_text("sources:\n  - name: minsoc_nso\n    telegram: https://t.me/s/minsoc_nso\n"
                    "    region: Новосибирская область\n", encoding="utf-8")
    (source,) = load_sources(path).sources
    assert (source.kind, source.url, source.region_iso) == (
        "telegram", "https://t.me/s/minsoc_nso", "RU-NVS"
    )


def test_a_telegram_entry_without_a_preview_address_is_one_line_naming_the_line(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("sources:\n  - name: minsoc_nso\n    telegram: https://t.me/minsoc_nso\n"
                    "    region: Новосибирская область\n", encoding="utf-8")
    out = newsmon("crawl", "--sources", str(path), "--db", str(tmp_path / "n.db"))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "t.me/s/" in out.stderr and "строка 2" in out.stderr


# -- two nights ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("telegram")
    sites = tmp / "sites"
    shutil.copytree(SITES, sites, ignore=shutil.ignore_patterns("*.py", "channels.yml"))
    db_path = tmp / "newsmon.db"
    with SiteServer(sites) as server:
        sources = server.write_sources(tmp / "sources.yml")
        first = newsmon("crawl", "--sources", str(sources), "--db", str(db_path))
        log1 = server.request_log
        server.clear_log()
        second = newsmon("crawl", "--sources", str(sources), "--db", str(db_path))
        log2 = server.request_log
        yield {"db": db_path, "first": first, "second": second, "log1": log1, "log2": log2,
               "tme": server.url("tme", ""), "sources": sources}


def _stored(db_path: Path) -> dict[str, dict]:
    db = open_db(db_path)
    rows = db.execute("select url, published, story_id, kind, title, source from articles")
    return {url: {"published": pub, "story": story, "kind": kind, "title": title,
                  "source": source} for url, pub, story, kind, title, source in rows}


def test_night_one_stores_exactly_the_material_posts_with_their_local_days(nights):
    assert nights["first"].returncode == EXIT_PARTIAL, nights["first"].stderr  # two channels down
    stored = _stored(nights["db"])
    posts = {url[len(nights["tme"]):]: row for url, row in stored.items()
             if row["kind"] == "telegram"}
    gold = gold_posts()
    assert set(posts) == set(gold)
    assert {path: row["published"] for path, row in posts.items()} == {
        path: str(p["day"]) for path, p in gold.items()
    }
    assert all(row["source"] == path.split("/")[1] for path, row in posts.items())
    web = [row for row in stored.values() if row["kind"] == "web"]
    assert len(web) == 2


def test_a_rate_limited_page_is_retried_after_its_retry_after(nights):
    asked = [(e.path, e.status) for e in nights["log1"] if e.path.startswith("/s/kha_semya")]
    assert asked[:2] == [("/s/kha_semya", 429), ("/s/kha_semya", 200)]


def test_a_missing_or_private_channel_is_one_line_and_the_run_goes_on(nights):
    err = nights["first"].stderr
    for name in ("ghost_channel", "closed_chat"):
        lines = [line for line in err.splitlines() if line.startswith(f"newsmon: источник {name}")]
        assert len(lines) == 1 and "не найден, закрыт" in lines[0]
    assert "Traceback" not in err


def test_forwards_and_retold_posts_share_the_story_of_their_original(nights):
    stored = _stored(nights["db"])
    by_story: dict[str, set[int]] = {}
    tme = nights["tme"]
    for c in SPEC["channels"]:
        for p in c.get("posts", []):
            if p.get("story"):
                by_story.setdefault(p["story"], set()).add(stored[f"{tme}/{c['name']}/{p['id']}"]["story"])
    for outlet in SPEC["outlets"]:
        for art in outlet["articles"]:
            url = next(u for u in stored if u.endswith(art["path"]))
            by_story.setdefault(art["story"], set()).add(stored[url]["story"])
    assert all(len(ids) == 1 for ids in by_story.values()), by_story
    assert len({next(iter(ids)) for ids in by_story.values()}) == len(by_story)
    stories = {row["story"] for row in stored.values()}
    singles = len(stored) - sum(
        len([r for r in stored.values() if r["story"] == next(iter(ids))]) for ids in by_story.values()
    )  # every post outside the spec's stories is a story of its own
    assert len(stories) == len(by_story) + singles


def test_night_two_fetches_no_stored_post_and_no_older_page(nights):
    assert nights["second"].returncode == EXIT_PARTIAL
    pages = [e.path for e in nights["log2"] if e.site == "tme" and e.path.startswith("/s/")]
    assert all("before=" not in p for p in pages), pages
    assert sorted(p for p in pages if not p.startswith(("/s/ghost", "/s/closed"))) == [
        "/s/kgd_deti", "/s/kha_semya", "/s/minsoc_nso"]
    assert "Итого: страниц" in nights["second"].stdout and "новых статей 0" in nights["second"].stdout
    assert not [e for e in nights["log2"] if e.site == "nsk_vesti" and "/news/" in e.path]


def test_counts_by_kind_and_for_one_kind(nights):
    db = str(nights["db"])
    out = newsmon("counts", "--db", db, "--from", "2026-09-01", "--to", "2026-11-30",
                  "--by", "kind", "--all", "--format", "json")
    rows = {r["kind"]: r["materials"] for r in json.loads(out.stdout)}
    assert rows == {"telegram": len(gold_posts()), "web": 2}
    out = newsmon("counts", "--db", db, "--month", "2026-10", "--by", "source", "--kind",
                  "telegram", "--all", "--format", "json")
    assert {r["source"] for r in json.loads(out.stdout)} == {"minsoc_nso", "kha_semya", "kgd_deti"}


def test_search_finds_posts_and_the_materials_view_shows_their_kind(nights):
    out = newsmon("search", "--db", str(nights["db"]), "фестиваль", "--format", "json")
    urls = {r["url"] for r in json.loads(out.stdout)}
    assert f"{nights['tme']}/minsoc_nso/7" in urls and f"{nights['tme']}/kha_semya/104" in urls
    db = open_db(nights["db"])
    kinds = dict(db.execute("select url, kind from all_articles").fetchall())
    assert kinds[f"{nights['tme']}/minsoc_nso/7"] == "Telegram"  # the workspace's label


def test_the_digest_counts_and_links_the_telegram_materials(nights):
    from db.queries import Filters, totals
    from digest.build import build_digest
    from newsmon.core.periods import parse_month

    db = open_db(nights["db"])
    period = parse_month("2026-10")
    data = build_digest(db, period)
    expected = totals(db, period, Filters(kind="telegram"))["materials"]
    assert expected and data.telegram["materials"] == expected
    from digest.render import render_html

    html = render_html(data, {}, inline=False)
    assert 'id="telegram"' in html
    assert all(post["url"] in html for post in data.telegram["posts"])


def test_a_post_retelling_an_article_the_same_day_is_the_reprint_not_the_original(nights):
    stored = _stored(nights["db"])
    article = next(u for u in stored if u.endswith("/news/2026/10/mnogodetnye-zemlya/"))
    post = f"{nights['tme']}/minsoc_nso/9"
    db = open_db(nights["db"])
    article_id = db.execute("select id from articles where url = ?", [article]).fetchone()[0]
    assert stored[post]["published"] == stored[article]["published"]
    assert stored[post]["story"] == stored[article]["story"] == article_id


@pytest.mark.parametrize("spec, folder", [
    ("tests/tgsites/channels.yml", "tests/tgsites"), ("demo/telegram.yml", "demo/telegram"),
])  # fmt: skip
def test_committed_telegram_hosts_are_built_from_their_specs(tmp_path, spec, folder):
    import runpy

    build = runpy.run_path(str(ROOT / "scripts" / "build_telegram_sites.py"))["build"]
    build(ROOT / spec, tmp_path)
    for site in [p.parent for p in tmp_path.glob("*/site.yml")]:
        fresh = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
        committed = {p.relative_to(ROOT / folder / site.name): p.read_bytes()
                     for p in (ROOT / folder / site.name).rglob("*") if p.is_file()}
        assert fresh == committed, f"{folder}/{site.name} is stale: run scripts/build_telegram_sites.py"


def test_channels_of_one_host_share_one_download_slot_and_other_hosts_do_not(tmp_path):
    from newsmon.sources.config import load_sources
    from spiders.news import NewsSpider
    from spiders.telegram import start_telegram

    path = tmp_path / "sources.yml"
    path.write_text(
        "sources:\n"
        "  - {name: a, telegram: 'https://t.me/s/chan_a', region: Москва}\n"
        "  - {name: b, telegram: 'https://t.me/s/chan_b', region: Москва}\n"
        "  - {name: c, kind: telegram, url: 'http://127.0.0.1:8123/s/chan_c', region: Москва}\n",
        encoding="utf-8")
    sources = load_sources(path).sources
    spider = NewsSpider(list(sources), None, str(tmp_path / "n.db"))
    slots = {s.name: next(iter(start_telegram(spider, s))).meta["download_slot"] for s in sources}
    assert slots["a"] == slots["b"] != slots["c"]


def test_only_a_posts_single_link_to_another_site_or_channel_places_it_in_a_story():
    from pipeline.extract.telegram import Post
    from spiders.telegram import story_links

    origin = "https://t.me"

    def post(*links: str, forwarded: str | None = None) -> Post:
        return Post("chan", 9, f"{origin}/chan/9", None, "Текст поста", "Текст поста",
                    links=list(links), forwarded_from=forwarded)

    assert story_links(post("https://site.ru/news/1?utm_source=tg"), origin) == [
        ("https://site.ru/news/1", "story")]
    assert story_links(post("https://t.me/other/5"), origin) == [("https://t.me/other/5", "story")]
    assert story_links(post("https://t.me/chan/3"), origin) == [("https://t.me/chan/3", "link")]
    assert story_links(post("https://t.me/somebody"), origin) == []  # a mention
    assert [rel for _, rel in story_links(post("https://a.ru/1", "https://b.ru/2"), origin)] == [
        "link", "link"]
    assert story_links(post(forwarded="https://t.me/orig/7"), origin) == [
        ("https://t.me/orig/7", "forward")]


def test_retag_tags_posts_as_the_crawl_does(nights):
    """A post naming no region is about its channel's region in the crawl; `retag` keeps it so."""
    db = open_db(nights["db"])
    before = db.execute("select article_id, iso from article_regions order by 1, 2").fetchall()
    out = newsmon("retag", "--db", str(nights["db"]))
    assert out.returncode == 0, out.stderr
    after = open_db(nights["db"]).execute(
        "select article_id, iso from article_regions order by 1, 2").fetchall()
    assert after == before
