"""The extraction cascade never loses a page: a failing extractor hands over to the next one."""

from __future__ import annotations

import datetime

import pytest

import pipeline.extract.cascade as extraction
from pipeline.extract.cascade import extract
from pipeline.extract.html import decode

PARA = ("В Томске открылся кризисный центр для мам с детьми, оказавшихся в трудной жизненной "
        "ситуации. Центр работает круглосуточно и принимает женщин из всех районов области. ")
PAGE = (
    "<html><head><title>Кризисный центр открылся в Томске — Томские новости</title>"
    '<meta property="article:published_time" content="2025-10-07T10:00:00+07:00"></head><body>'
    "<div><!-- banner --><h1>Кризисный центр открылся в Томске</h1>"
    f"<p>{PARA * 2}</p><p>{PARA}</p></div></body></html>"
)
NOW = datetime.datetime(2025, 10, 8, 12, 0)


def _failing(*_args):
    raise ValueError("Input object is not an XML element: HtmlComment")


def test_a_comment_before_the_headline_does_not_crash_newsmons_own_extractor():
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert got.fallback is None
    assert got.text_method in ("trafilatura", "baseline")
    assert got.title == "Кризисный центр открылся в Томске"
    assert got.published == datetime.date(2025, 10, 7)


def test_newsmon_failing_falls_back_to_trafilatura_and_says_why(monkeypatch):
    monkeypatch.setattr(extraction, "EXTRACTORS", (("newsmon", _failing), *extraction.EXTRACTORS[1:]))
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert got.text_method == "fallback-trafilatura"
    assert got.fallback is not None and got.fallback.startswith("newsmon: ValueError: Input object")
    assert "кризисный центр для мам" in got.text
    assert got.published == datetime.date(2025, 10, 7)


def test_every_extractor_but_the_last_failing_leaves_the_densest_block(monkeypatch):
    monkeypatch.setattr(
        extraction, "EXTRACTORS",
        (("newsmon", _failing), ("trafilatura", _failing), *extraction.EXTRACTORS[2:]),
    )
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert got.text_method == "fallback-densest"
    assert got.fallback.count("ValueError") == 2
    assert PARA.strip() in got.text


def test_all_extractors_failing_gives_an_empty_result_not_an_exception(monkeypatch):
    monkeypatch.setattr(extraction, "EXTRACTORS", (("newsmon", _failing), ("densest", _failing)))
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert (got.text, got.text_method) == ("", "none")
    assert "densest: ValueError" in got.fallback


@pytest.mark.parametrize("declared", ["utf-8", None])
def test_a_few_bad_bytes_keep_the_declared_charset(declared):
    body = f'<html><head><meta charset="utf-8"></head><body><p>{PARA * 20}</p></body></html>'
    raw = body.encode("utf-8")
    raw = raw[:900] + b"\xff\xfe" + raw[900:]
    text = decode(raw, declared)
    assert "кризисный центр для мам" in text
    assert text.count("\ufffd") == 2


def test_a_page_mislabelled_utf8_in_cp1251_is_still_read():
    raw = f"<html><body><p>{PARA * 5}</p></body></html>".encode("cp1251")
    assert "кризисный центр" in decode(raw, "utf-8")


def test_the_analyst_lists_articles_a_fallback_extracted(tmp_path, monkeypatch):
    from db import open_db
    from db.queries import canned
    from db.store import ArticleRecord, store_article

    monkeypatch.setattr(extraction, "EXTRACTORS", (("newsmon", _failing), *extraction.EXTRACTORS[1:]))
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    db = open_db(tmp_path / "n.db")
    db.execute("insert into sources (name, url) values ('tomsk', 'https://tomsk.example/')")
    for url, note in (("https://tomsk.example/a", got.fallback), ("https://tomsk.example/b", None)):
        store_article(db, ArticleRecord(url=url, source="tomsk", text=got.text, title=got.title,
                                        published=got.published, text_method=got.text_method,
                                        extract_note=note))
    rows = canned(db, "extraction_fallbacks")
    assert [(r["url"], r["extractor"]) for r in rows] == [
        ("https://tomsk.example/a", "fallback-trafilatura")
    ]
    assert rows[0]["reason"].startswith("newsmon: ValueError")


def test_a_western_page_mislabelled_utf8_is_not_read_as_cyrillic():
    text = "Hörspiele für Kinder und Erwachsene. Die Größe der Bühne überrascht, schön. " * 3
    raw = f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    assert "Hörspiele für Kinder" in decode(raw.encode("cp1252"), "utf-8")


def test_an_english_page_with_two_bad_bytes_keeps_its_curly_quotes():
    text = "“The centre opened,” she said — ‘finally’. " * 5
    raw = f"<html><body><p>{text}</p></body></html>".encode()
    decoded = decode(raw[:60] + b"\xff" + raw[60:], "utf-8")
    assert "“The centre opened,”" in decoded and decoded.count("\ufffd") == 1


def test_too_little_text_from_newsmon_asks_trafilatura_and_keeps_newsmons_title_and_date(monkeypatch):
    def teaser_only(tree, url, now, overrides):
        got = extraction._extract_newsmon(tree, url, now, overrides)
        got.text = "Фото: пресс-служба администрации Томской области"  # a caption, not the text
        return got

    monkeypatch.setattr(extraction, "EXTRACTORS", (("newsmon", teaser_only), *extraction.EXTRACTORS[1:]))
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert got.text_method == "fallback-trafilatura" and len(got.text) > 300
    assert got.fallback == "newsmon: текст короче 100 знаков"
    assert (got.title, got.published) == ("Кризисный центр открылся в Томске", datetime.date(2025, 10, 7))


def test_a_short_article_is_not_padded_with_what_surrounds_it(monkeypatch):
    def short_item(tree, url, now, overrides):
        got = extraction._extract_newsmon(tree, url, now, overrides)
        got.text = got.text[:60]
        return got

    monkeypatch.setattr(extraction, "EXTRACTORS", (("newsmon", short_item), *extraction.EXTRACTORS[1:]))
    got = extract(PAGE, "https://tomsk.example/a", crawl_time=NOW)
    assert (len(got.text), got.text_method) == (60, "trafilatura")


def test_a_page_with_no_article_stays_short_rather_than_passing_off_teasers():
    page = "<html><body><ul>" + "".join(
        f'<li><a href="/n/{i}">Новость номер {i}</a></li>' for i in range(5)) + "</ul></body></html>"
    got = extract(page, "https://tomsk.example/", crawl_time=NOW)
    assert len(got.text) < 100 and not got.text_method.startswith("fallback-densest")


def test_a_short_posts_text_is_not_trafilaturas_one_line_of_the_whole_article_element():
    """A short Jekyll post: trafilatura falls back to the article element's whole text on one
    line — date, author, text, tags, share and the previous/next posts' titles. The page's own
    paragraphs are the text."""
    from pipeline.extract.cascade import extract

    html = (
        "<html><head><meta charset='utf-8'><title>День донора | Рядом</title></head><body>"
        "<header><a href='/'>Рядом</a></header><main><article class='post h-entry'>"
        "<header><h1 class='post-title'>День донора: 37 волонтёров сдали кровь</h1>"
        "<p class='post-meta'><time datetime='2025-10-21T18:30:00+03:00'>21 окт. 2025</time>"
        " • <span>Денис Бобров</span></p></header><div class='post-content'>"
        "<p>Вместе со станцией переливания крови провели день донора. Пришли 37 человек, 11 из"
        " них — впервые. Всего собрали почти 16 литров крови.</p><p>Спасибо станции за чай и"
        " печенье, а всем участникам — за смелость. Следующая акция — в конце января.</p></div>"
        "<p class='post-tags'>Теги: <a href='/tags/#gorod'>город</a></p><div class='post-nav'>"
        "<a class='prev' href='/2025/10/17/monitoring.html'>← Мониторинг социального сиротства:"
        " что говорят цифры</a><a class='next' href='/2025/10/28/veshchi.html'>Кризисному центру"
        " нужны зимние вещи →</a></div></article></main></body></html>"
    )
    got = extract(html.encode(), "http://h/2025/10/21/den-donora.html")
    assert got.text.startswith("Вместе со станцией") and got.text.endswith("в конце января.")
    assert "сиротства" not in got.text
