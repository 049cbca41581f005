"""Extraction: text without boilerplate, title, lead, author, encodings, overrides."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from pipeline.extract.cascade import SelectorOverrides, extract

NOW = datetime.datetime(2024, 5, 17, 12, 0)
ROOT = Path(__file__).resolve().parents[1]
PARA1 = (
    "В Хабаровском крае стартовал проект по профилактике социального сиротства. "
    "Кураторы семей помогут родителям справиться с трудностями и сохранить детей в семье."
)
PARA2 = (
    "Проект реализуется при поддержке Фонда поддержки детей, находящихся в трудной жизненной "
    "ситуации, и министерства социальной защиты края. В нем участвуют восемь районов."
)
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
FOOTER = (
    '<div class="footer">Свидетельство о регистрации СМИ Эл № ФС77-60021 от 21.11.2014 г.</div>'
)


@pytest.fixture(scope="module")
def result():
    return extract(
        _page(CHROME_TOP + "<div class='content'>" + ARTICLE + RELATED + "</div>" + FOOTER),
        "http://khv.example/news/1",
        crawl_time=NOW,
    )


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
    got = extract(
        _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{PARA2}</p>{noise}"),
        "http://e.ru/1",
        crawl_time=NOW,
    )
    assert got.text == PARA1 + "\n\n" + PARA2


def test_windows_1251_bytes_are_decoded():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{PARA2}</p>",
        head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    )
    got = extract(
        html.replace('<meta charset="utf-8">', "").encode("cp1251"), "http://e.ru/1", crawl_time=NOW
    )
    assert got.title == "Проект стартовал в крае"
    assert PARA1 in got.text


def test_http_encoding_wins_over_detection():
    raw = (
        _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>")
        .replace('<meta charset="utf-8">', "")
        .encode("cp1251")
    )
    assert PARA1 in extract(raw, "http://e.ru/1", crawl_time=NOW, encoding="cp1251").text


def test_overrides_select_title_text_and_date():
    body = (
        '<div class="x-head">Сайт</div><div class="zag">Настоящий заголовок новости</div>'
        f'<div class="when">01.04.2024</div><div class="txt"><p>{PARA1}</p></div>'
        f'<div class="other"><p>{PARA2}</p></div>'
    )
    got = extract(
        _page(body),
        "http://e.ru/1",
        crawl_time=NOW,
        overrides=SelectorOverrides(title=".zag", text=".txt", date=".when"),
    )
    assert (got.title, got.text, got.published) == (
        "Настоящий заголовок новости",
        PARA1,
        datetime.date(2024, 4, 1),
    )
    assert (got.text_method, got.date_method) == ("override", "override")


def test_cut_title_is_completed_from_meta():
    head = '<meta property="og:title" content="Хабаровский край вошел в Топ-10 лучших практик регионов">'
    got = extract(
        _page(
            f"<h1>Хабаровский край вошел в Топ-10 лучших практик регио…</h1><p>{PARA1}</p>",
            head=head,
        ),
        "http://e.ru/1",
        crawl_time=NOW,
    )
    assert got.title == "Хабаровский край вошел в Топ-10 лучших практик регионов"


def test_author_from_meta():
    got = extract(
        _page(
            f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>",
            head='<meta name="author" content="Мария Иванова">',
        ),
        "http://e.ru/1",
        crawl_time=NOW,
    )
    assert got.author == "Мария Иванова"


def test_empty_page_gives_empty_result():
    got = extract(b"", "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.text, got.published, got.date_method) == (None, "", None, "none")


# ---------------------------------------------------------------------------------------------
# Page structures that defeat naive extraction


def _text(html: str | bytes, **kw) -> str:
    return extract(html, "http://e.ru/1", crawl_time=NOW, **kw).text


def test_layout_table_page_gives_only_the_article_cell():
    html = (
        "<html><head><title>Проект стартовал в крае</title></head><body><table width=100%>"
        "<tr><td width=200><a href='/'>Главная</a><br><a href='/news'>Новости</a><br>"
        "<a href='/doc'>Документы</a>"
        f"<td><b>Проект стартовал в крае</b><br><p>{PARA1}<p>{PARA2}"
        "<tr><td colspan=2>© 2005-2024 Администрация района</table></body></html>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_logo_h1_loses_to_the_headline_that_agrees_with_title_tag():
    html = _page(
        '<header><a href="/"><h1>Районная газета «Знамя труда»</h1></a></header>'
        f'<h2 itemprop="headline">Проект стартовал в крае</h2><p>{PARA1}</p>',
        head="<title>Проект стартовал в крае | Знамя труда</title>",
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == "Проект стартовал в крае"


def test_section_title_tag_falls_back_to_the_line_above_the_text():
    html = _page(
        f"<div><b>Семьям вручили сертификаты на землю</b></div><div>03.10.2017</div><p>{PARA1}</p>",
        head="<title>Новости</title>",
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.published) == (
        "Семьям вручили сертификаты на землю",
        datetime.date(2017, 10, 3),
    )


def test_a_page_builders_widget_of_the_same_class_as_the_text_is_read():
    """A site builder calls every block a widget: the date and headline sit in a block of the
    same class as the text's block, above it; a sidebar's widget of another class stays out."""
    block = '<div class="ul-widget ul-widget-text"><div class="ul-text">{}</div></div>'
    html = _page(
        block.format("<p><i>31 октября 2025 года</i></p><h2>Специалисты центра провели рейд "
                     "в деревнях района</h2>")
        + block.format(f"<p>{PARA1}</p><p>{PARA1}</p>")
        + '<div class="widget widget_recent"><h3>Свежие записи</h3><p>Обновлено 1 ноября '
        "2025 года: новые фото в галерее центра</p></div>",
        head="<title>Новости-8</title>",
    )
    got = extract(html, "http://e.ru/novosti-8", crawl_time=datetime.datetime(2025, 11, 2, 9, 0))
    assert (got.title, got.published) == (
        "Специалисты центра провели рейд в деревнях района",
        datetime.date(2025, 10, 31),
    )
    assert "Свежие записи" not in got.text


def test_mid_text_incut_is_dropped_but_text_goes_on():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>"
        "<p>Читайте также: <a href='/x'>Как получить выплату</a></p>"
        f"<p>{PARA2}</p>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_related_heading_cuts_everything_after_it_in_the_page():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><div class='txt'><p>{PARA1}</p><p>{PARA2}</p></div>"
        "<div class='blk'><h3>Похожие новости</h3><div><p>В районе открыли новую школу на "
        "четыреста мест, рассказали в администрации района и пригласили всех.</p></div></div>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_dated_headline_list_after_the_signature_is_trimmed():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{SIGNATURE}</p>"
        "<p>Объявления района</p><p>Прием граждан по личным вопросам 10.10.2017</p>"
        "<p>Конкурс «Лучшее подворье» 12.10.2017</p>"
    )
    assert _text(html) == PARA1 + "\n\n" + SIGNATURE


def test_short_last_sentence_with_a_date_is_kept():
    last = "Акция продлится до 31 августа."
    html = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{last}</p>")
    assert _text(html) == PARA1 + "\n\n" + last


def test_site_chrome_above_the_headline_is_not_text():
    html = _page(
        '<div class="top">Дагестан Сегодня <span>14:05</span></div><div>5 часов назад</div>'
        f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>"
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.text, got.published) == (PARA1, NOW.date())


@pytest.mark.parametrize(
    "line",
    [
        "Категория: Город",
        "просмотров: 1576   Комментарии: 0   Печать",
        "Теги: семья, дети",
        "Подписывайтесь на наш канал в Telegram!",
        "<< Назад к списку новостей",
    ],
)
def test_meta_and_navigation_lines_are_dropped(line):
    html = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{line}</p><p>{PARA2}</p>")
    assert _text(html) == PARA1 + "\n\n" + PARA2


@pytest.mark.parametrize(
    "html",
    [
        b"",
        b"   ",
        "просто текст без разметки",
        "<html></html>",
        b"\xef\xbb\xbf<html><body><p>x</p></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Т</h1></body></html>',
        b"<html><body>" + b"\xff\xfe\x00garbage" * 50 + b"</body></html>",
    ],
    ids=[
        "empty-bytes",
        "blank",
        "plain-text",
        "empty-html",
        "bom",
        "xhtml-prolog",
        "garbage-bytes",
    ],
)
def test_odd_input_does_not_raise(html):
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert isinstance(got.text, str) and got.date_method in (
        "none",
        "dateline",
        "meta",
        "jsonld",
        "time",
        "url",
    )


# ---------------------------------------------------------------------------------------------
# The shipped marker data


def test_boilerplate_data_has_the_expected_shape():
    import re
    from importlib import resources

    import yaml

    raw = yaml.safe_load(
        resources.files("pipeline").joinpath("data/boilerplate.yml").read_text("utf-8")
    )
    lists = {
        "stop_markers",
        "footer_markers",
        "drop_line_patterns",
        "widget_attr_fragments",
        "article_attr_fragments",
        "signature_prefixes",
        "widget_data_attributes",
    }
    assert set(raw) == lists
    for key in lists:
        assert raw[key] and all(isinstance(v, str) and v.strip() for v in raw[key]), key
    for pattern in raw["drop_line_patterns"]:
        re.compile(pattern)
    # A word mixing Latin and Cyrillic letters never matches real text typed in one script.
    mixed = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[а-яА-ЯёЁ])\w+\b")
    for key in lists - {"drop_line_patterns"}:
        assert not [v for v in raw[key] if mixed.search(v)], key


def test_signature_typed_with_a_latin_letter_is_still_a_signature():
    from pipeline.extract.boilerplate import is_signature

    assert is_signature("Пресc-служба Губернатора и Правительства Новосибирской области")


def test_broken_override_selector_falls_back_to_the_generic_path():
    html = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>")
    got = extract(
        html,
        "http://e.ru/1",
        crawl_time=NOW,
        overrides=SelectorOverrides(title="h1[", text="div..x", date=">>"),
    )
    assert (got.title, got.text, got.text_method) == (
        "Проект стартовал в крае",
        PARA1,
        "trafilatura",
    )


def test_reading_time_and_view_stats_are_not_text():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><div>3 мин · 1,2 тыс. просмотров</div><p>{PARA1}</p>"
        f"<p>{PARA2}</p><div>12 комментариев</div>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


@pytest.mark.parametrize("declared", [None, "cp1252", "iso-8859-1"])
def test_undeclared_cp1251_page_is_not_read_as_western_mojibake(declared):
    # Scrapy guesses cp1252 for a page that declares no charset at all.
    raw = f"<html><body><h1>Проект стартовал в крае</h1><p>{PARA1}</p></body></html>".encode(
        "cp1251"
    )
    got = extract(raw, "http://e.ru/1", crawl_time=NOW, encoding=declared)
    assert (got.title, got.text) == ("Проект стартовал в крае", PARA1)


@pytest.mark.parametrize(
    ("html", "author"),
    [
        (
            _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>Автор: Иван Петров</p>"),
            "Иван Петров",
        ),
        (
            _page(
                f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>",
                head='<script type="application/ld+json">{"@type": "NewsArticle", '
                '"author": {"@type": "Person", "name": "Дарья Котова"}}</script>',
            ),
            "Дарья Котова",
        ),
        (_page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>"), None),
    ],
    ids=["byline-line", "jsonld", "none"],
)
def test_author_where_present(html, author):
    assert extract(html, "http://e.ru/1", crawl_time=NOW).author == author


def test_inline_ad_with_erid_is_not_text():
    ad = (
        "<div class='ad-slot'><div>Реклама</div><p>Кредит наличными от 5,9% годовых! Оформите онлайн "
        "за 5 минут. Реклама. ООО «Пример Банк», erid: 2VtzqwH3k</p></div>"
    )
    html = _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p>{ad}<p>{PARA2}</p>")
    assert _text(html) == PARA1 + "\n\n" + PARA2


@pytest.mark.parametrize(
    ("h1", "og", "expected"),
    [
        (
            "Семьям вручили сертификаты",
            "Семьям вручили сертификаты | Новости района",
            "Семьям вручили сертификаты",
        ),
        (
            "Семьям вручили серт…",
            "Семьям вручили сертификаты на землю | Сайт",
            "Семьям вручили сертификаты на землю",
        ),
        (
            "Семьям вручили сертификаты на зем",
            "Семьям вручили сертификаты на землю",
            "Семьям вручили сертификаты на землю",
        ),
    ],
    ids=["og-with-site-name", "ellipsis", "mid-word"],
)
def test_title_completion_never_adds_the_site_name(h1, og, expected):
    html = _page(f"<h1>{h1}</h1><p>{PARA1}</p>", head=f'<meta property="og:title" content="{og}">')
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == expected


@pytest.mark.parametrize(
    ("title_tag", "site", "expected"),
    [
        ("Семьям вручили сертификаты | Новости района", None, "Семьям вручили сертификаты"),
        (
            "Новости района — Семьям вручили сертификаты на землю",
            None,
            "Семьям вручили сертификаты на землю",
        ),
        ("Итоги года - часть вторая | Сайт", None, "Итоги года - часть вторая"),
        (
            "«Кризис — это не приговор»: психолог о работе с семьями",
            None,
            "«Кризис — это не приговор»: психолог о работе с семьями",
        ),
        (
            "Семьям вручили сертификаты :: Официальный сайт администрации Верхнебуреинского района",
            "Официальный сайт администрации Верхнебуреинского района",
            "Семьям вручили сертификаты",
        ),
    ],
    ids=["pipe", "site-first", "dash-in-title", "dash-in-quotes", "og-site-name"],
)
def test_site_name_is_stripped_from_title_tag(title_tag, site, expected):
    from pipeline.extract.titles import _site_stripped

    assert _site_stripped(title_tag, site) == expected


def test_site_name_element_does_not_beat_the_headline_without_h1():
    html = _page(
        '<p class="site-title">Вести района</p>'
        f'<h2 class="entry-title">Семьям вручили сертификаты на землю</h2><p>{PARA1}</p>',
        head="<title>Семьям вручили сертификаты на землю | Вести района</title>",
    )
    assert (
        extract(html, "http://e.ru/1", crawl_time=NOW).title
        == "Семьям вручили сертификаты на землю"
    )


def test_short_headline_repeated_by_the_text_is_not_extended():
    html = _page(
        "<h1>В Томске открылся центр</h1><p>В Томске открылся центровой корпус больницы, "
        "где будут принимать семьи с детьми из всех районов области.</p>"
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == "В Томске открылся центр"


def test_aspnet_page_wrapped_in_one_form_keeps_its_article():
    html = _page(
        '<form method="post" action="./news.aspx?id=5" id="form1">'
        '<input type="hidden" name="__VIEWSTATE" value="abc">'
        '<div class="menu"><a href="/">Главная</a></div>'
        f"<h1>Проект стартовал в крае</h1><div>12.05.2024</div><p>{PARA1}</p><p>{PARA2}</p>"
        '<div class="search"><input name="q"><input type="submit" value="Найти"></div></form>'
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.text, got.published) == (PARA1 + "\n\n" + PARA2, datetime.date(2024, 5, 12))


def test_one_column_table_of_paragraphs_is_text_without_pipes():
    rows = "".join(f"<tr><td>{p}</td></tr>" for p in (PARA1, PARA2))
    html = _page(f"<h1>Проект стартовал в крае</h1><table class='news'>{rows}</table>")
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_soft_hyphens_and_zero_width_spaces_do_not_reach_the_text():
    html = _page(
        f"<h1>Про\xadект стар\u200bтовал в крае</h1><p>{PARA1.replace('проект', 'про&shy;ект')}</p>"
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.text) == ("Проект стартовал в крае", PARA1)


def test_news_block_between_headline_and_text_is_skipped():
    digest = (
        "<div class='digest'><b>Главное за день</b><div><span>21.10.2022</span> "
        "<a href='#'>В Мичуринске отремонтировали дорогу</a></div></div>"
    )
    html = _page(
        f"<h1>Проект стартовал в крае</h1>{digest}<p>{PARA1}</p><p>{PARA2}</p><div>18.10.2022</div>"
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.text, got.published) == (PARA1 + "\n\n" + PARA2, datetime.date(2022, 10, 18))


def test_headline_found_above_a_bold_lead_when_title_tag_is_a_section_name():
    lead = "Дети участников специальной военной операции смогут бесплатно отдохнуть летом."
    html = _page(
        f"<div>14.05.2024</div><h3 class='news-name'>Семьи получат путевки в лагеря</h3>"
        f"<p><b>{lead}</b></p><p>{PARA1}</p>",
        head="<title>Новости города</title>",
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == "Семьи получат путевки в лагеря"


def test_trafilatura_failure_falls_back_to_the_baseline(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise ValueError("odd page")

    monkeypatch.setattr(trafilatura, "extract", boom)
    got = extract(
        _page(f"<h1>Проект стартовал в крае</h1><p>{PARA1}</p><p>{PARA2}</p>"),
        "http://e.ru/1",
        crawl_time=NOW,
    )
    assert (got.text, got.text_method) == (PARA1 + "\n\n" + PARA2, "baseline")


def test_line_break_in_headline_becomes_a_space_and_ad_label_is_dropped():
    html = _page(
        f"<h1>Семьи Курска<br>получат выплаты</h1><p>{PARA1}</p><p>Реклама 18+</p>",
        head="<title>Семьи Курска получат выплаты | Сайт</title>",
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.text) == ("Семьи Курска получат выплаты", PARA1)


def test_lead_printed_twice_is_kept_once():
    html = _page(
        f"<h1>Проект стартовал в крае</h1><div class='lead'><b>{PARA1}</b></div>"
        f"<div class='text'><p>{PARA1}</p><p>{PARA2}</p></div>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


# --- issue 5 follow-up: <time> in text, events boards, embedded social posts -------------------

_P1 = (
    "<p>В городе открылся центр помощи семьям, оказавшимся в трудной жизненной ситуации. "
    "Специалисты принимают ежедневно, консультации бесплатные.</p>"
)


def test_time_inside_a_paragraph_stays_in_the_text():
    html = (
        "<html><body><h1>Центр приглашает родителей на лекцию</h1><div>14.05.2024</div>" + _P1 +
        '<p>Лекция пройдет <time datetime="2024-06-05T17:00">5 июня в 17:00</time> в здании '
        "центра на улице Мира.</p></body></html>"
    )  # fmt: skip
    assert "Лекция пройдет 5 июня в 17:00 в здании центра на улице Мира." in _text(html)


@pytest.mark.parametrize("heading", ["Ближайшие события", "Афиша", ""])
def test_events_board_after_the_text_is_not_text(heading):
    board = (
        f'<div class="col"><div>{heading}</div>'
        '<div><time datetime="2024-05-20">20 мая</time> <a href="/e/1">Семейный концерт</a></div>'
        '<div><time datetime="2024-05-25">25 мая</time> <a href="/e/2">Ярмарка семей</a></div>'
        "</div>"
    )
    html = f"<html><body><h1>Центр приглашает родителей на лекцию</h1>{_P1}{board}</body></html>"
    text = _text(html)
    assert "Специалисты принимают ежедневно" in text
    assert "концерт" not in text and "Ярмарка" not in text and (not heading or heading not in text)


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="telegram-post" data-telegram-post="chan/12"><a href="https://t.me/'
        'chan/12">Подписал постановление о выплатах семьям, подробности в канале</a></blockquote>',
        '<blockquote data-telegram-post="chan/12">Подписал постановление о выплатах семьям, '
        "подробности в канале</blockquote>",
        '<div class="vk-post-embed"><div id="vk_post_-1_2">Пост ВКонтакте: подписал постановление'
        " о выплатах семьям, подробности в канале</div></div>",
        '<blockquote class="twitter-tweet"><p>Подписал постановление о выплатах семьям, '
        "подробности в канале</p></blockquote>",
        '<iframe src="https://vk.com/video_ext.php?oid=1">Подписал постановление о выплатах '
        "семьям, подробности в канале</iframe>",
    ],
)
def test_embedded_social_post_between_paragraphs_is_not_text(embed):
    html = (
        "<html><body><h1>Семьям помогут с реабилитацией детей</h1>" + _P1 + embed +
        "<p>Заявления принимают в многофункциональных центрах с 1 сентября.</p></body></html>"
    )  # fmt: skip
    text = _text(html)
    assert "постановление" not in text
    assert text.endswith("Заявления принимают в многофункциональных центрах с 1 сентября.")


# --- issue 5 follow-up: site-name <h1>, generic meta titles, rubric labels in the headline ------

HEADLINE = "Семьям участников конкурса вручили сертификаты на отдых"


@pytest.mark.parametrize(
    ("head", "masthead"),
    [
        ("<title>Вестник района</title>", '<div class="masthead"><h1>Вестник района</h1></div>'),
        (f"<title>{HEADLINE} | Вестник района</title>", "<h1>Вестник района</h1>"),
        (
            '<title>Главная</title><meta property="og:site_name" content="Вестник района">',
            "<div><h1>Вестник района</h1><div>Газета для всей семьи</div></div>",
        ),
    ],
)
def test_site_name_h1_loses_to_the_headline_in_h2(head, masthead):
    html = _page(f"{masthead}<h2>{HEADLINE}</h2><div>12.03.2024</div><p>{PARA1}</p>", head=head)
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert (got.title, got.published) == (HEADLINE, datetime.date(2024, 3, 12))


@pytest.mark.parametrize(
    "subtitle",
    [
        "В Хабаровске начал работу центр для мам с детьми, оказавшихся без жилья.",
        "В Хабаровске начал работу центр для мам с детьми, оставшихся без жилья",  # no full stop
    ],
)
def test_short_real_h1_with_a_subtitle_stays_the_title(subtitle):
    html = _page(
        f"<div class='art'><h1>Кризисный центр открылся</h1><h2>{subtitle}</h2><p>{PARA1}</p></div>",
        head="<title>Кризисный центр открылся</title>",
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == "Кризисный центр открылся"


@pytest.mark.parametrize(
    "heading",
    [
        f'<div class="txt-xl txt-bold">{HEADLINE}</div>',
        f'<div style="font-size: 24px; font-weight: 700">{HEADLINE}</div>',
        f"<p><strong>{HEADLINE}</strong></p>",
    ],
)
@pytest.mark.parametrize(
    "head",
    [
        '<title>Новости фонда</title><meta property="og:title" content="Новости фонда">',
        "<title>Новости | Фонд «Теплый дом»</title>",
    ],
)
def test_generic_meta_title_gives_way_to_the_styled_headline_above_the_text(head, heading):
    html = _page(f"{heading}<div>5 марта 2024</div><p>{PARA1}</p>", head=head)
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == HEADLINE


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        (f'<a class="cat" href="/society/">Общество.</a> Тверь: {HEADLINE.lower()}',
         f"Тверь: {HEADLINE.lower()}"),
        (f'<span class="rubric">Транспорт</span> {HEADLINE}', HEADLINE),
        (f"<span>Образование</span> | {HEADLINE}", HEADLINE),
        # Not a rubric: a bold word that starts the headline's sentence.
        (f"<b>Губернатор</b> {HEADLINE.lower()}", f"Губернатор {HEADLINE.lower()}"),
    ],
)  # fmt: skip
def test_rubric_label_inside_the_h1_is_not_title(h1, expected):
    html = _page(f"<h1>{h1}</h1><p>{PARA1}</p>", head="<title>Новости</title>")
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == expected


def test_rubric_label_kept_when_the_meta_title_has_it_too():
    html = _page(
        f"<h1><span class='label'>Итоги.</span> {HEADLINE}</h1><p>{PARA1}</p>",
        head=f'<meta property="og:title" content="Итоги. {HEADLINE}">',
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == f"Итоги. {HEADLINE}"


# --- issue 5 follow-up: lead in its own block, rubric and calendar lines above the text ---------

LEAD = "В Липецке стартовал проект наставничества для выпускников интернатов."
_BODY = "".join(
    f"<p>{p}</p>"
    for p in (
        "Наставниками стали сотрудники двенадцати предприятий региона, они помогут выбрать работу.",
        "В первый поток проекта вошли тридцать выпускников из четырех школ-интернатов области.",
        "Проект продлится год, после чего его итоги обсудят на региональном форуме НКО.",
    )
)


@pytest.mark.parametrize(
    "article",
    [
        f'<h1>{HEADLINE}</h1><div class="date">15.05.2024</div><div class="article-lead">{LEAD}'
        f'</div><div itemprop="articleBody">{_BODY}</div>',
        f'<h1>{HEADLINE}</h1><p class="lead">{LEAD}</p><div class="text">{_BODY}</div>',
        f'<div class="article__header"><h1>{HEADLINE}</h1><p class="article__lead">{LEAD}</p>'
        f'</div><div class="article__body">{_BODY}</div>',
        f'<h1>{HEADLINE}</h1><div class="anons">{LEAD}</div><figure><img src="1.jpg"><figcaption>'
        f"Участники проекта на встрече в областной библиотеке.</figcaption></figure><div>{_BODY}</div>",
    ],
)
def test_lead_in_its_own_block_before_the_body_is_kept_first(article):
    got = extract(
        _page(article, head=f"<title>{HEADLINE}</title>"), "http://e.ru/1", crawl_time=NOW
    )
    assert got.lead == LEAD
    assert got.text.startswith(LEAD + "\n\nНаставниками")
    assert "библиотеке" not in got.text


@pytest.mark.parametrize(
    "chrome",
    [
        ["Социальная сфера"],
        ["Главная » Новости » Общество"],
        ["Ноябрь 2025", "Пн Вт Ср Чт Пт Сб Вс", "1 2 3 4 5 6 7"],
        ["Категория: Общество", "24 октября 2025 г., 16:25"],  # a date after the crawl day too
    ],
)
def test_lead_is_the_first_prose_paragraph_never_a_rubric_or_calendar_line(chrome):
    lines = "".join(f"<div>{c}</div>" for c in chrome)
    html = (
        f"<html><body><table><tr><td>{lines}<p>{PARA1}</p><p>{PARA2}</p></td></tr></table>"
        "</body></html>"
    )
    got = extract(html, "http://e.ru/1", crawl_time=NOW)
    assert got.lead == PARA1
    assert got.text == PARA1 + "\n\n" + PARA2


@pytest.mark.parametrize(
    "first", ["Сначала вино, теперь огурцы.", "Можно ли помочь всем?", "Приказ от 12.03.2024 № 45"]
)
def test_short_first_sentence_stays_the_lead(first):
    html = _page(f"<h1>{HEADLINE}</h1><p>{first}</p><p>{PARA1}</p>")
    assert extract(html, "http://e.ru/1", crawl_time=NOW).lead == first


def test_copyright_line_without_sign_after_the_text_is_not_text():
    html = _page(
        f"<h1>{HEADLINE}</h1><p>{PARA1}</p><p>{PARA2}</p>"
        "<div>Администрация муниципального района Кинельский, 2005–2025</div>"
    )
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_events_table_and_its_heading_after_the_text_are_not_text():
    board = (
        "<h3>Календарь событий</h3><table>"
        '<tr><td><time datetime="2024-05-20">20 мая</time></td><td>Семейный концерт</td></tr>'
        '<tr><td><time datetime="2024-05-25">25 мая</time></td><td>Ярмарка семей</td></tr></table>'
    )
    html = _page(f"<h1>{HEADLINE}</h1><p>{PARA1}</p><p>{PARA2}</p>{board}")
    assert _text(html) == PARA1 + "\n\n" + PARA2


def test_long_site_name_h1_above_the_menu_loses_to_the_headline():
    html = _page(
        "<h1>Официальный сайт администрации Кинельского района Самарской области</h1>"
        '<div><a href="/">Главная</a> <a href="/news/">Новости</a> <a href="/docs/">Документы</a>'
        f"</div><h2>{HEADLINE}</h2><div>12.03.2024</div><p>{PARA1}</p>",
        head="<title>Официальный сайт администрации Кинельского района Самарской области</title>",
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == HEADLINE


def test_h1_repeated_by_og_title_stays_the_title_above_links_and_a_subtitle():
    html = _page(
        f'<h1>{HEADLINE}</h1><div><a href="/t/1">семья</a> <a href="/t/2">отдых</a></div>'
        "<h2>Сертификаты получили двенадцать семей из четырех районов края</h2>"
        f"<p>{PARA1}</p>",
        head=f'<title>{HEADLINE}</title><meta property="og:title" content="{HEADLINE}">',
    )
    assert extract(html, "http://e.ru/1", crawl_time=NOW).title == HEADLINE


@pytest.mark.parametrize("last", ["Проект реализуется с 2019", "Итоги подведут в декабре 2025"])
def test_last_line_ending_with_a_year_without_a_comma_stays_text(last):
    html = _page(f"<h1>{HEADLINE}</h1><p>{PARA1}</p><p>{PARA2}</p><p>{last}</p>")
    assert _text(html).endswith(last)


def test_caption_block_above_the_body_is_not_taken_for_the_lead():
    html = _page(
        f'<h1>{HEADLINE}</h1><div class="photo-desc">Участники конкурса в зале областной '
        f"библиотеки после награждения.</div><div>{_BODY}</div>",
        head=f"<title>{HEADLINE}</title>",
    )
    assert "библиотеки" not in extract(html, "http://e.ru/1", crawl_time=NOW).text


def _builder_box(kind: str, inner: str) -> str:
    """A page builder's block: every piece of the page, headline and text included, is a «widget»."""
    return (f'<div class="pb-element pb-widget pb-widget-{kind}"><div class="pb-widget-container">'
            f"{inner}</div></div>")


def test_a_post_on_a_page_built_of_widgets_keeps_only_its_own_text():
    cards = "".join(
        f'<article class="pb-post"><h3><a href="/p{n}/">Новость фонда номер {n}</a></h3>'
        f'<div class="pb-post__excerpt"><p>{PARA2[:90]}…</p></div><a href="/p{n}/">Читать далее »</a>'
        "</article>" for n in range(3)
    )
    body = (
        _builder_box("heading", "<h1>Фонд открыл новый офис</h1>")
        + _builder_box("post-content", f"<p>{PARA1}</p><p>{PARA2}</p><p>Вход со двора, есть пандус.</p>")
        + _builder_box("posts", cards)
        + _builder_box("text-editor", "<p>Благотворительный фонд «Опора». ОГРН 1205900001234, "
                       "ИНН 5902000000. Пермь, ул. Сибирская, 5.</p>")
    )
    got = extract(_page(body), "https://fond.example/novyj-ofis/", crawl_time=NOW)
    assert got.fallback is None
    assert got.text == f"{PARA1}\n\n{PARA2}\n\nВход со двора, есть пандус."


def test_a_short_article_keeps_its_text_when_the_footer_has_more_prose():
    """A table layout (a newspaper's own PHP engine, windows-1251): the footer cell's lines
    outweigh a two-paragraph article, but a box that opens as the site footer («© …») is never
    taken for the article. The page skeleton is blind set 3's, with a text of our own."""
    page = (ROOT / "eval/blind_outlets3/sites/vyatkray/public/article.php@id=374.html").read_text(
        encoding="utf-8")
    start, end = page.index('<div class="text">'), page.index('<p class="author">')
    text = ('<div class="text"><p>С понедельника участок улицы Мира закроют для транспорта: '
            "подрядчик меняет трубы и бордюры.</p><p>Автобусы пойдут в объезд, работы обещают "
            "завершить за две недели.</p></div>")
    got = extract((page[:start] + text + page[end:]).encode("cp1251"),
                  "https://sevkray.example/article.php?id=5", crawl_time=NOW)
    assert got.fallback is None
    assert got.text.startswith("С понедельника участок улицы Мира")
    assert "Учредитель" not in got.text


def test_a_recent_posts_widget_of_truncated_excerpts_is_cut_from_a_short_post():
    """A short greeting, then «recent posts» whose excerpts end mid-sentence with «…»: the
    excerpts are other posts' teasers, not the post's text."""
    from pipeline.extract.cascade import extract

    teasers = "".join(
        f"<article class='item'><a href='/post/{i}'><h2>Новость номер {i} о работе ассоциации</h2>"
        f"</a><p>Специалисты ассоциации провели встречу с семьями района номер {i} и рассказали, "
        f"как устроена помощь, где семьи…</p></article>" for i in range(3))
    html = ("<html><body><main><article><h1>С Днём учителя!</h1><time datetime='2025-10-05'>5 "
            "октября</time><p>Дорогие учителя! Поздравляем вас с профессиональным праздником. "
            "Спасибо за терпение и любовь к детям.</p><p>Желаем вам здоровья и вдохновения!</p>"
            f"</article><section class='recent'>{teasers}</section></main></body></html>")
    text = extract(html, "https://assoc.test/post/s-dnem-uchitelya").text
    assert "Дорогие учителя" in text and "Желаем" in text
    assert "…" not in text
