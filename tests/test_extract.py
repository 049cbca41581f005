"""Extraction: text without boilerplate, title, lead, author, encodings, overrides."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import SelectorOverrides, extract

NOW = datetime.datetime(2024, 5, 17, 12, 0)
PARA1 = ("В Хабаровском крае стартовал проект по профилактике социального сиротства. "
         "Кураторы семей помогут родителям справиться с трудностями и сохранить детей в семье.")
PARA2 = ("Проект реализуется при поддержке Фонда поддержки детей, находящихся в трудной жизненной "
         "ситуации, и министерства социальной защиты края. В нем участвуют восемь районов.")
SIGNATURE = "Пресс-служба Губернатора и Правительства Хабаровского края"


def _page(body: str, head: str = "<title>Проект стартовал | Новости Хабаровска</title>") -> str:
    return f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


CHROME_TOP = (
    '<div class="header"><ul class="menu"><li><a href="/">Главная</a></li>'
    '<li><a href="/news">Новости</a></li></ul><span class="today">17 мая 2024</span></div>'
)
ARTICLE = (
    "<h1>Проект «Защитники детства» стартовал в Хабаровском крае</h1>"
    '<div class="date">12 мая 2024, 10:15</div>'
    f"<p>{PARA1}</p><p>{PARA2}</p><p>{SIGNATURE}</p>"
)
RELATED = (
    "<h3>Читайте также</h3><ul><li><a href='/a'>Губернатор открыл новую школу в Амурске</a>"
    " 11.05.2024</li></ul>"
)
FOOTER = '<div class="footer">Свидетельство о регистрации СМИ Эл № ФС77-60021 от 21.11.2014 г.</div>'


@pytest.fixture(scope="module")
def result():
    return extract(_page(CHROME_TOP + "<div class='content'>" + ARTICLE + RELATED + "</div>" + FOOTER),
                   "http://khv.example/news/1", crawl_time=NOW)


def test_text_keeps_paragraphs_and_signature(result):
    assert result.text == "\n\n".join([PARA1, PARA2, SIGNATURE])


def test_title_is_the_heading_not_the_site_name(result):
    assert result.title == "Проект «Защитники детства» стартовал в Хабаровском крае"


def test_lead_is_first_paragraph(result):
    assert result.lead == PARA1


def test_date_is_the_date_line_not_the_today_widget(result):
    assert (result.published, result.date_method) == (datetime.date(2024, 5, 12), "dateline")


@pytest.mark.parametrize(
    "noise",
    [
        "<p>Поделиться</p><p>ВКонтакте</p><p>Одноклассники</p>",
        "<p>просмотров: 160</p>",
        "<p>304 просмотра</p>",
        "<p>Фото: пресс-служба правительства края</p>",
        "<p>Ранее мы писали:</p><p>В Амурске открыли школу для будущих приемных родителей.</p>",
        "<p>По теме</p><p>Новый детский сад открылся в Хабаровске 10 мая, рассказали в мэрии.</p>",
    ],
    ids=["share", "views-label", "views-count", "photo-caption", "earlier", "on-topic"],
)
def test_boilerplate_after_text_is_removed(noise):
    got = extract(_page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{PARA2}</p>{noise}"),
                  "http://e.ru/1", crawl_time=NOW)
    assert got.text == PARA1 + "\n\n" + PARA2


def test_windows_1251_bytes_are_decoded():
    html = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{PARA2}</p>",
                 head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    got = extract(html.replace('<meta charset="utf-8">', "").encode("cp1251"), "http://e.ru/1",
                  crawl_time=NOW)
    assert got.title == "Проект стартовал в крае"
    assert PARA1 in got.text


def test_http_encoding_wins_over_detection():
    raw = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>").replace(
        '<meta charset="utf-8">', "").encode("cp1251")
    assert PARA1 in extract(raw, "http://e.ru/1", crawl_time=NOW, encoding="cp1251").text


def test_overrides_select_title_text_and_date():
    body = ('<div class="x-head">Сайт</div><div class="zag">Настоящий заголовок новости</div>'
            f'<div class="when">01.04.2024</div><div class="txt"><p>{PARA1}</p></div>'
            f'<div class="other"><p>{PARA2}</p></div>')
    got = extract(_page(body), "http://e.ru/1", crawl_time=NOW,
                  overrides=SelectorOverrides(title=".zag", text=".txt", date=".when"))
    assert (got.title, got.text, got.published) == (
        "Настоящий заголовок новости", PARA1, datetime.date(2024, 4, 1))
    assert (got.text_method, got.date_method) == ("override", "override")


def test_cut_title_is_completed_from_meta():
    head = '<meta property="og:title" content="Хабаровский край вошел в Топ-10 лучших практик регионов">'
    got = extract(_page(f"<h1>Хабаровский край вошел в Топ-10 лучших практик регио…</h1><p>{PARA1}</p>",
                        head=head), "http://e.ru/1", crawl_time=NOW)
    assert got.title == "Хабаровский край вошел в Топ-10 лучших практик регионов"


def test_author_from_meta():
    got = extract(_page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>",
                        head='<meta name="author" content="Мария Иванова">'), "http://e.ru/1",
                  crawl_time=NOW)
    assert got.author == "Мария Иванова"


def test_empty_page_gives_empty_result():
    got = extract(b"", "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.text, got.published, got.date_method) == (None, "", None, "none")
