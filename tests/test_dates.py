"""Russian date expressions and the page signals that carry the publication date."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract.date_expressions import parse_russian_date
from pipeline.extract.dates import find_published

NOW = datetime.datetime(2024, 5, 17, 12, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11:04, 23.07.2015", datetime.date(2015, 7, 23)),
        ("12.02.2024 года", datetime.date(2024, 2, 12)),
        ("17 апреля 2024", datetime.date(2024, 4, 17)),
        ("5 ноября 2023 г., 14:20", datetime.date(2023, 11, 5)),
        ("Опубликовано: 3 марта 2024 года в 09:15", datetime.date(2024, 3, 3)),
        ("Пн, 17 апр. 2024", datetime.date(2024, 4, 17)),
        ("23/07/15", datetime.date(2015, 7, 23)),
        ("2024-02-12T10:00:00+03:00", datetime.date(2024, 2, 12)),
        ("Mon, 12 Feb 2024 10:00:00 +0300", datetime.date(2024, 2, 12)),
        ("April 17, 2024", datetime.date(2024, 4, 17)),
        ("вчера, 18:40", datetime.date(2024, 5, 16)),
        ("Сегодня в 10:05", datetime.date(2024, 5, 17)),
        ("позавчера", datetime.date(2024, 5, 15)),
        ("2 часа назад", datetime.date(2024, 5, 17)),
        ("15 часов назад", datetime.date(2024, 5, 16)),
        ("минуту назад", datetime.date(2024, 5, 17)),
        ("полчаса назад", datetime.date(2024, 5, 17)),
        ("1-го мая", datetime.date(2024, 5, 1)),
        ("3 дня назад", datetime.date(2024, 5, 14)),
        # No year: this year unless that lands after the crawl, then last year.
        ("3 мая", datetime.date(2024, 5, 3)),
        ("3 сентября", datetime.date(2023, 9, 3)),
    ],
)
def test_russian_date_forms_parse(text, expected):
    assert parse_russian_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "20 марафонцев вышли на старт",
        "32.13.2024",
        "Эл № ФС77-60021",
        "версия 1.2.3",
        "",
        "Май 2024",
    ],
)
def test_non_dates_give_none(text):
    assert parse_russian_date(text, now=NOW) is None


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


ARTICLE = "<p>" + "Текст новости о поддержке семей с детьми в регионе. " * 6 + "</p>"


@pytest.mark.parametrize(
    ("html", "expected", "method"),
    [
        (
            _page(
                '<script type="application/ld+json">{"@type": "NewsArticle", '
                '"datePublished": "2023-10-05T09:00:00+03:00"}</script>',
                "<h1>Заголовок</h1>" + ARTICLE,
            ),
            datetime.date(2023, 10, 5),
            "jsonld",
        ),
        (
            _page(
                '<meta property="article:published_time" content="2022-01-31T23:10:00+10:00">',
                "<h1>Заголовок</h1>" + ARTICLE,
            ),
            datetime.date(2022, 1, 31),
            "meta",
        ),
        (
            _page(
                "",
                '<article><h1>Заголовок</h1><time datetime="2021-06-01">1 июня</time>'
                + ARTICLE
                + "</article>",
            ),
            datetime.date(2021, 6, 1),
            "time",
        ),
        (
            _page(
                "",
                '<div class="today">17 мая 2024</div><h1>Заголовок</h1>'
                '<div class="meta">5 марта 2024, 14:20</div>' + ARTICLE,
            ),
            datetime.date(2024, 3, 5),
            "dateline",
        ),
        (
            _page("", "<h1>Заголовок</h1>" + ARTICLE + "<p>12.02.2024 года | 304 просмотра</p>"),
            datetime.date(2024, 2, 12),
            "dateline",
        ),
        (
            _page("", "<h1>Заголовок</h1><p>вчера, 18:40</p>" + ARTICLE),
            datetime.date(2024, 5, 16),
            "dateline",
        ),
    ],
)
def test_published_date_signals(html, expected, method):
    assert find_published(html, url="http://example.ru/news/1", now=NOW) == (expected, method)


@pytest.mark.parametrize(
    "body",
    [
        # A today's-date widget and weather in the header.
        '<div class="header"><span class="header__date">17 мая 2024</span><span>+12°C</span></div>'
        "<h1>Заголовок</h1>" + ARTICLE,
        # A calendar in the sidebar.
        '<div class="sidebar"><div class="calendar">Май 2024 <a>1</a> <a>2</a> <a>3</a></div></div>'
        "<h1>Заголовок</h1>" + ARTICLE,
        # Related news with their own dates, after a «Читайте также» heading.
        "<h1>Заголовок</h1>"
        + ARTICLE
        + "<h3>Читайте также</h3><p>12.05.2024</p><p>Другая новость</p>",
        # Copyright year in the footer.
        "<h1>Заголовок</h1>" + ARTICLE + "<footer>© 2010–2024 Вести. 16+</footer>",
        # A date inside a sentence of the article is not a date line.
        "<h1>Заголовок</h1><p>Форум пройдет 20 мая в Хабаровске, организаторы ждут гостей.</p>"
        + ARTICLE,
    ],
    ids=["today-widget", "calendar", "related", "footer-copyright", "date-in-sentence"],
)
def test_untrustworthy_dates_give_none(body):
    assert find_published(_page("", body), url="http://example.ru/n", now=NOW) == (None, "none")


def test_future_meta_date_is_rejected():
    html = _page(
        '<meta property="article:published_time" content="2030-01-01">',
        "<h1>Заголовок</h1>" + ARTICLE,
    )
    assert find_published(html, url="http://example.ru/n", now=NOW) == (None, "none")


def test_override_selector_wins():
    html = _page(
        '<meta property="article:published_time" content="2020-01-01">',
        '<h1>Заголовок</h1><span class="dt">01.04.2024</span>' + ARTICLE,
    )
    got = find_published(html, url="http://e.ru/n", now=NOW, override_selector="span.dt")
    assert got == (datetime.date(2024, 4, 1), "override")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Weather with a relative word, site names with one, today's widget with a label.
        ("<div>Сегодня +3</div><h1>Заголовок</h1>" + ARTICLE, None),
        ("<div>Дагестан Сегодня 14:05</div><h1>Заголовок</h1>" + ARTICLE, None),
        ("<div>Сегодня: 12 мая 2024</div><h1>Заголовок</h1>" + ARTICLE, None),
        # A field line may hold lower-case words; a sentence may not.
        (
            "<h1>Заголовок</h1>"
            + ARTICLE
            + "<div>Категория: Новости поселения | Просмотров: 304 | Дата: 01.09.2021</div>",
            datetime.date(2021, 9, 1),
        ),
        ("<h1>Заголовок</h1><p>Акция продлится до 31 августа.</p>" + ARTICLE, None),
        # The line under the text wins over a today's-date line above the title.
        (
            "<div>Понедельник, 17 мая 2024</div><h1>Заголовок</h1>"
            + ARTICLE
            + "<p>14 мая 2024 г.</p>",
            datetime.date(2024, 5, 14),
        ),
        # …but a dated item of another block further down the page does not.
        (
            "<div class='wrap'><div>3 марта 2024, 16:40</div><h1>Заголовок</h1><div class='t'>"
            + ARTICLE
            + "</div></div><div class='bottom'><div class='it'><div class='d'>2 мая 2024</div>"
            "<a href='#'>Другая новость</a></div></div>",
            datetime.date(2024, 3, 3),
        ),
    ],
    ids=[
        "weather",
        "site-name",
        "today-label",
        "field-line",
        "sentence",
        "tail-over-widget",
        "other-block",
    ],
)
def test_date_line_rules(body, expected):
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW)[0] == expected


def test_jsonld_webpage_date_is_not_the_article_date():
    head = (
        '<script type="application/ld+json">{"@type": "WebPage", '
        '"datePublished": "2015-01-01T00:00:00+03:00"}</script>'
    )
    body = "<h1>Заголовок</h1><div>3 марта 2024, 16:40</div>" + ARTICLE
    assert find_published(_page(head, body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 3, 3),
        "dateline",
    )


def test_time_elements_of_related_block_are_ignored():
    body = (
        "<h1>Заголовок</h1><div>21 сентября 2022, 11:10</div>"
        + ARTICLE
        + '<section class="related"><time datetime="2022-09-20">20 сентября</time></section>'
    )
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2022, 9, 21),
        "dateline",
    )


def test_date_in_url_is_the_last_resort():
    html = _page("", "<h1>Заголовок</h1>" + ARTICLE)
    assert find_published(html, url="https://e.ru/2023/09/14/slug/", now=NOW) == (
        datetime.date(2023, 9, 14),
        "url",
    )


def test_publisher_local_date_is_kept_not_converted_to_utc():
    # 08:30 in Vladivostok is the previous day in UTC: the outlet's date is the right one.
    head = '<meta property="article:published_time" content="2024-05-10T08:30:00+10:00">'
    assert find_published(_page(head, ARTICLE), url="http://e.ru/n", now=NOW)[0] == datetime.date(
        2024, 5, 10
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Обновлено: 7 мая 2024", None),
        ("Опубликовано: 5 мая 2024 | Обновлено: 7 мая 2024", datetime.date(2024, 5, 5)),
        (
            "Дата публикации: 28.04.2024 | Дата изменения: 02.05.2024 | Просмотров: 712",
            datetime.date(2024, 4, 28),
        ),
    ],
)
def test_update_dates_are_not_publication_dates(line, expected):
    body = f"<h1>Заголовок</h1><div>{line}</div>" + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW)[0] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Приказ от 12.03.2024 № 45", None),
        ("Постановление от 1 марта 2024", None),
        ("Заявки принимаются до 15 мая", None),
        ("Дата печати: 16.05.2024", None),
        ("Выпуск от 12 мая 2024", datetime.date(2024, 5, 12)),
        # an event's hours under its headline: when it happens, not when it was published
        ("14 мая, 12:00–18:00 · Дворец культуры", None),
        ("14 мая 2024, с 10:00 до 14:00, Дом молодёжи", None),
        ("14 мая 2024, 12:30 · Новости", datetime.date(2024, 5, 14)),
        # a line that labels its date as an event's: an events board's page
        ("Дата проведения: 14.05.2024", None),
        ("Состоится 14 мая 2024", None),
        ("Опубликовано: 14.05.2024", datetime.date(2024, 5, 14)),
    ],
)
def test_document_deadline_and_print_dates_are_not_date_lines(line, expected):
    body = f"<h1>Заголовок</h1><p>{line}</p>" + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW)[0] == expected


def test_generic_date_meta_loses_to_the_date_line():
    # Some CMSs fill <meta name="date"> with the day the page was served.
    head = '<meta name="date" content="2024-05-17">'
    body = "<h1>Заголовок</h1><div>3 марта 2024, 16:40</div>" + ARTICLE
    assert find_published(_page(head, body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 3, 3),
        "dateline",
    )
    assert find_published(
        _page(head, "<h1>Заголовок</h1>" + ARTICLE), url="http://e.ru/n", now=NOW
    ) == (datetime.date(2024, 5, 17), "meta")


def test_time_zone_labels_do_not_spoil_a_date_line():
    body = "<h1>Заголовок</h1><div>Опубликовано: 17 апреля 2024 года, 10:15 (мск)</div>" + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW)[0] == datetime.date(
        2024, 4, 17
    )


def test_time_element_inside_a_sentence_dates_an_event_not_the_page():
    event = (
        '<p>Форум пройдет <time datetime="2024-06-01">1 июня</time> в Хабаровске, организаторы '
        "ждут специалистов органов опеки, социальных служб и некоммерческих организаций края "
        "со всех районов и городов.</p>"
    )
    body = "<h1>Заголовок</h1><div>5 мая 2024</div>" + event + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 5, 5),
        "dateline",
    )


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (
            "Хабаровск, 5 мая 2024. Фонд открыл в городе консультационный пункт для приемных семей, "
            "где специалисты бесплатно консультируют родителей по вопросам воспитания.",
            datetime.date(2024, 5, 5),
        ),
        (
            "ХАБАРОВСК, 5 мая. /ТАСС/. Фонд открыл в городе консультационный пункт для приемных "
            "семей, где специалисты бесплатно консультируют родителей по вопросам воспитания.",
            datetime.date(2024, 5, 5),
        ),
        (
            "5 мая в Хабаровске открылся консультационный пункт для приемных семей. Специалисты "
            "бесплатно консультируют родителей по вопросам воспитания и здоровья детей.",
            None,
        ),
    ],
    ids=["place-date", "tass-style", "sentence-starting-with-date"],
)
def test_press_release_lead_dateline(lead, expected):
    body = f"<h1>Заголовок</h1><p>{lead}</p>" + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW)[0] == expected


def test_hatom_abbr_published_title_is_read():
    body = (
        '<h1>Заголовок</h1><abbr class="published" title="2023-02-01T10:00:00+03:00">'
        "1 февраля</abbr>" + ARTICLE
    )
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2023, 2, 1),
        "time",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://e.ru/2023/09/14/slug/", datetime.date(2023, 9, 14)),
        ("https://e.ru/news/2023-09-14-slug.html", datetime.date(2023, 9, 14)),
        ("https://e.ru/20230914/slug-123.html", datetime.date(2023, 9, 14)),
        ("https://e.ru/news/20230914", datetime.date(2023, 9, 14)),
        ("https://e.ru/news/202309141234/", None),
        ("https://e.ru/news/2023/", None),
    ],
)
def test_url_dates(url, expected):
    html = _page("", "<h1>Заголовок</h1>" + ARTICLE)
    assert find_published(html, url=url, now=NOW)[0] == expected


def test_unix_time_in_meta_is_read():
    head = '<meta property="article:published_time" content="1713340800">'  # 2024-04-17 08:00 UTC
    assert find_published(_page(head, ARTICLE), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 4, 17),
        "meta",
    )


def test_jsonld_of_related_items_is_not_the_article_date():
    head = (
        '<script type="application/ld+json">{"@type": "ItemList", "itemListElement": ['
        '{"@type": "NewsArticle", "headline": "Другая", "datePublished": "2024-05-16"}]}</script>'
    )
    body = "<h1>Заголовок</h1><div>3 марта 2024, 16:40</div>" + ARTICLE
    assert find_published(_page(head, body), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 3, 3),
        "dateline",
    )


# --- issue 5 follow-up: <time> in sentences and event lists, crawl-day meta dates ---------------

BODY = (
    "<p>В городе открылся центр помощи семьям, оказавшимся в трудной жизненной ситуации. "
    "Специалисты принимают ежедневно, консультации бесплатные.</p>"
)


@pytest.mark.parametrize(
    "inline",
    [
        '<p>Лекция пройдет <time datetime="2024-06-05">5 июня</time> в здании центра.</p>',
        '<div>Прием заявок начнется <time datetime="2024-06-01T10:00">1 июня в 10:00</time>'
        " на сайте ведомства</div>",
        '<li>Регистрация откроется <span><time datetime="2024-05-20">20 мая</time></span>'
        " для всех желающих</li>",
    ],
)
def test_time_inside_a_sentence_never_dates_the_page(inline):
    html = (
        f"<html><body><h1>Заголовок новости</h1><div>14.05.2024</div>{BODY}{inline}</body></html>"
    )
    assert find_published(html, url="http://example.ru/n/1", now=NOW) == (
        datetime.date(2024, 5, 14),
        "dateline",
    )


@pytest.mark.parametrize(
    "board",
    [
        '<div class="col"><b>Афиша</b><div><time datetime="2024-05-20">20 мая</time> Концерт</div>'
        '<div><time datetime="2024-05-25">25 мая</time> Ярмарка семей</div></div>',
        '<ul><li><time datetime="2024-05-16T18:00">16 мая, 18:00</time> <a href="/e/1">Квест</a>'
        '</li><li><time datetime="2024-05-18">18 мая</time> <a href="/e/2">Спектакль</a></li></ul>',
        '<ul><li><a href="/e/1">Квест</a> <time datetime="2024-05-16">16 мая</time></li>'
        '<li><a href="/e/2">Спектакль</a> <time datetime="2024-05-18">18 мая</time></li></ul>',
    ],
)
def test_events_board_of_time_items_never_dates_the_page(board):
    for html in (
        f"<html><body>{board}<h1>Заголовок новости</h1><p>07.05.2024</p>{BODY}</body></html>",
        f"<html><body><h1>Заголовок новости</h1><p>07.05.2024</p>{BODY}{board}</body></html>",
    ):
        assert find_published(html, url="http://example.ru/n/1", now=NOW)[0] == datetime.date(
            2024, 5, 7
        )


def test_time_in_a_meta_line_with_labels_still_dates_the_page():
    html = (
        '<html><body><h1>Заголовок новости</h1><div class="info">Опубликовано: <time '
        'datetime="2024-05-02">2 мая 2024</time> в рубрике «Общество»</div>'
        + BODY
        + "</body></html>"
    )
    assert find_published(html, url="http://example.ru/n/1", now=NOW) == (
        datetime.date(2024, 5, 2),
        "time",
    )


@pytest.mark.parametrize(
    ("head", "line", "expected", "method"),
    [
        # article:published_time = the crawl day (a CMS stamping "now"): the visible line wins.
        ('<meta property="article:published_time" content="2024-05-17T08:00:00+03:00">',
         "13 мая 2024, 10:15", datetime.date(2024, 5, 13), "dateline"),
        ('<script type="application/ld+json">{"@type": "NewsArticle", '
         '"datePublished": "2024-05-17T09:30:00+10:00"}</script>',
         "Дата публикации: 10.05.2024", datetime.date(2024, 5, 10), "dateline"),
        # Published on the crawl day indeed: the line agrees, the meta stands.
        ('<meta property="article:published_time" content="2024-05-17T08:00:00+03:00">',
         "17 мая 2024, 08:00", datetime.date(2024, 5, 17), "meta"),
        # No visible date line: the meta stands.
        ('<meta property="article:published_time" content="2024-05-17T08:00:00+03:00">',
         "", datetime.date(2024, 5, 17), "meta"),
        # A meta date before the crawl day is trusted over a different date line.
        ('<meta property="article:published_time" content="2024-05-15T08:00:00+03:00">',
         "13 мая 2024", datetime.date(2024, 5, 15), "meta"),
    ],
)  # fmt: skip
def test_crawl_day_meta_yields_to_an_earlier_visible_date_line(head, line, expected, method):
    html = (
        f"<html><head>{head}</head><body><h1>Заголовок новости</h1>"
        f"<div>{line}</div>{BODY}</body></html>"
    )
    assert find_published(html, url="http://example.ru/n/1", now=NOW) == (expected, method)


# ---------------------------------------------------------------------------------------------
# Real-web causes (issue 15): an instant stated in UTC, htmldate beside newsmon's own rules.

_UTC_EVENING = '<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">'


def test_utc_instant_is_read_on_the_outlets_day_when_the_crawl_knows_its_zone():
    # 23:30 in Minneapolis is 05:30 UTC the next day; 09:00 UTC is the next morning in Vladivostok.
    chicago = datetime.timezone(datetime.timedelta(hours=-6))
    now = datetime.datetime(2023, 11, 20, 12, 0, tzinfo=chicago)
    page = _page(_UTC_EVENING, "<h1>Заголовок</h1>" + ARTICLE)
    assert find_published(page, url="http://e.com/n", now=now) == (
        datetime.date(2023, 11, 8), "meta")
    vladivostok = datetime.timezone(datetime.timedelta(hours=10))
    morning = '<meta property="article:published_time" content="2024-05-09T21:10:00Z">'
    assert find_published(
        _page(morning, "<h1>Заголовок</h1>" + ARTICLE), url="http://e.ru/n",
        now=datetime.datetime(2024, 5, 17, 12, 0, tzinfo=vladivostok),
    )[0] == datetime.date(2024, 5, 10)


@pytest.mark.parametrize(
    ("url", "body", "expected"),
    [
        # The outlet's own day in its URL, within reach of the instant: the evening before.
        ("https://e.com/2023/11/08/mayor/", "", datetime.date(2023, 11, 8)),
        # The visible date beside the headline says the same.
        ("https://e.com/mayor", "<div>8 ноября 2023, 23:30</div>", datetime.date(2023, 11, 8)),
        # Nothing on the page says otherwise: the UTC day.
        ("https://e.com/mayor", "", datetime.date(2023, 11, 9)),
        # A URL day no inhabited offset can reach from 05:30 UTC is not this instant's day.
        ("https://e.com/2023/11/07/mayor/", "", datetime.date(2023, 11, 9)),
    ],
    ids=["url-day", "visible-day", "utc-day", "unreachable-url-day"],
)
def test_utc_instant_takes_the_local_day_the_page_states(url, body, expected):
    page = _page(_UTC_EVENING, "<h1>Заголовок</h1>" + body + ARTICLE)
    assert find_published(page, url=url, now=NOW)[0] == expected


def test_a_time_elements_own_text_gives_the_local_day_of_its_utc_value():
    # 21:25 in Buenos Aires is 00:25 UTC the next day; the page shows its own day.
    body = '<h1>Заголовок</h1><time datetime="2022-05-04T00:25:56Z">May 3, 2022</time>' + ARTICLE
    assert find_published(_page("", body), url="http://e.com/n", now=NOW)[0] == datetime.date(
        2022, 5, 3)


def test_value_with_its_own_offset_is_never_shifted():
    head = '<meta property="article:published_time" content="2020-02-19T00:37:32+01:00">'
    page = _page(head, "<h1>Заголовок</h1>" + ARTICLE)
    assert find_published(page, url="https://e.com/2020/02/18/x/", now=NOW)[0] == datetime.date(
        2020, 2, 19)


def test_ctime_style_dates_parse():
    assert parse_russian_date("Tue Jan 28 15:28:56 CET 2020", now=NOW) == datetime.date(2020, 1, 28)


def test_htmldate_finds_what_newsmons_own_rules_do_not_read():
    # A date only in markup newsmon does not read (a meta key outside its lists).
    head = '<meta name="last-modified" content="2019-10-18T20:00:25Z">'
    page = _page(head, "<h1>Überschrift</h1>" + ARTICLE)
    assert find_published(page, url="http://e.de/n", now=NOW) == (
        datetime.date(2019, 10, 18), "htmldate")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Veröffentlicht am 8. November 2021", datetime.date(2021, 11, 8)),
        ("3 de mayo de 2022", datetime.date(2022, 5, 3)),
        ("12 травня 2024, 10:15", datetime.date(2024, 5, 12)),
        ("5 қаңтар 2024", datetime.date(2024, 1, 5)),
        ("1. März 2020", datetime.date(2020, 3, 1)),
    ],
)
def test_month_names_of_other_languages_with_a_year_parse(text, expected):
    assert parse_russian_date(text, now=NOW) == expected
    page = _page("", f"<h1>Заголовок</h1><div>{text}</div>" + ARTICLE)
    assert find_published(page, url="http://e.de/n", now=NOW) == (expected, "dateline")


@pytest.mark.parametrize("text", ["20 марафонцев 2024 года", "5 листов", "3 set di 2024"])
def test_a_number_before_an_ordinary_word_is_not_a_foreign_date(text):
    assert parse_russian_date(text, now=NOW) is None


def test_htmldate_never_overrides_a_line_newsmon_turned_down():
    # «Обновлено» is an edit date, a deadline is not the page's; htmldate would read both.
    for line in ("Обновлено: 7 мая 2024", "Заявки принимаются до 15.05.2024"):
        page = _page("", f"<h1>Заголовок</h1><div>{line}</div>" + ARTICLE)
        assert find_published(page, url="http://e.ru/n", now=NOW) == (None, "none")


def test_jsonld_and_meta_that_disagree_yield_to_the_one_the_date_line_confirms():
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-11-03T10:25:56+01:00"}</script>'
        '<meta property="article:published_time" content="2023-11-06T15:25:00+01:00">'
    )
    shown = "<h1>Заголовок</h1><div class=\"date\">6 ноября 2023, 15:25</div>" + ARTICLE
    assert find_published(_page(head, shown), url="http://e.ru/n", now=NOW) == (
        datetime.date(2023, 11, 6), "meta")
    # Nothing visible decides: JSON-LD first, as before.
    assert find_published(_page(head, "<h1>Заголовок</h1>" + ARTICLE), url="http://e.ru/n",
                          now=NOW) == (datetime.date(2023, 11, 3), "jsonld")


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        # A blog's date header over the post, in an element its theme calls a widget.
        ("Thursday, May 2, 2024", (datetime.date(2024, 5, 2), "htmldate")),
        # The same place showing the crawl day is a today's-date widget.
        ("Friday, May 17, 2024", (None, "none")),
    ],
    ids=["blog-date-header", "today-widget"],
)
def test_date_line_just_above_the_headline_in_a_widget_counts_unless_it_is_the_crawl_day(
    shown, expected
):
    body = (f'<div class="widget Blog"><h2 class="date-header"><span>{shown}</span></h2>'
            "<h1>Post title</h1>" + ARTICLE + "</div>")
    assert find_published(_page("", body), url="http://e.blogspot.com/p", now=NOW) == expected


@pytest.mark.parametrize("empty", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
def test_a_cmss_empty_utc_date_is_no_date_and_no_crash(empty):
    head = f'<meta property="article:published_time" content="{empty}">'
    page = _page(head, "<h1>Заголовок</h1><div>3 марта 2024, 16:40</div>" + ARTICLE)
    assert find_published(page, url="http://e.com/n", now=NOW) == (
        datetime.date(2024, 3, 3), "dateline")


JSONLD_EVENING = ('<script type="application/ld+json">{"@type": "NewsArticle", '
                  '"datePublished": "2023-11-06T18:19:00+01:00"}</script>')


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # The record was created the evening before; readers got it the next morning.
        ("7 ноября 2023, 07:30", (datetime.date(2023, 11, 7), "dateline")),
        # A line without its year is not trusted over the markup (the year would be inferred).
        ("7 ноября, 07:30", (datetime.date(2023, 11, 6), "jsonld")),
        # An earlier line is not a later publication: the markup stands.
        ("5 ноября 2023", (datetime.date(2023, 11, 6), "jsonld")),
    ],
    ids=["later-with-year", "later-without-year", "earlier"],
)
def test_a_later_date_line_under_the_headline_beats_the_markup(line, expected):
    body = f'<h1>Заголовок</h1><div class="date">{line}</div>{ARTICLE}'
    assert find_published(_page(JSONLD_EVENING, body), url="http://e.ru/n", now=NOW) == expected


def sidebar_dated_page(n: int) -> str:
    """An article whose only visible date is in a sidebar widget, outside the article."""
    paragraphs = "".join(
        f"<p>Абзац {k}: в центре помощи семьям рассказали о работе с приёмными родителями "
        "и наставниками для подростков.</p>" for k in range(6)
    )
    return (
        f"<html><head><title>Новость {n}</title></head><body><header><a href='/'>Главная</a>"
        f"</header><main><article><h1>Новость {n} о семьях</h1>{paragraphs}</article></main>"
        "<aside class='sidebar'><div class='widget'><h3>Архив записей</h3><ul><li>12/03/2024"
        "</li></ul></div></aside><footer>© Газета</footer></body></html>"
    )


def test_a_date_line_only_outside_the_article_is_an_unconfirmed_date():
    assert find_published(sidebar_dated_page(0), url="http://e.ru/news/0.html", now=NOW) == (
        datetime.date(2024, 3, 12), "htmldate-unconfirmed")


def test_a_date_in_related_posts_after_the_text_is_refused_not_kept_as_unconfirmed():
    related = "<div class='relatedposts'><h3>Похожие записи</h3>" + "".join(
        f"<div class='relatedposts-post'><h4><a href='/?p={n}'>Школьники района стали призёрами "
        f"олимпиады номер {n}</a></h4><p class='relatedposts-post-date'>12 марта 2024</p></div>"
        for n in range(2)) + "</div>"
    page = _page("", f"<main><article><h1>Новость о семьях</h1>{ARTICLE}</article></main>{related}")
    assert find_published(page, url="http://e.ru/news/0.html", now=NOW) == (None, "none")


def test_a_full_date_opening_the_text_is_the_last_resort():
    """A small site prints no date line; its news opens with the day («3 мая 2024 года в центре
    прошёл…»). That is taken, weakly (a feed's date beats it), when nothing else dates the
    page; a date without its year, a later date in the text or a future one is not."""
    opening = "<p>3 мая 2024 года в центре прошёл праздник для воспитанников и их родителей. " \
              "Дети подготовили концерт, а родители участвовали в конкурсе поделок.</p>"
    html = _page("", "<h1>Праздник весны</h1>" + opening + ARTICLE)
    assert find_published(html, url="http://example.ru/n", now=NOW) == (
        datetime.date(2024, 5, 3), "text-opening")
    for lead in (opening.replace(" 2024 года", ""), opening.replace("3 мая", "30 мая"),
                 "<p>В центре прошёл праздник, 3 мая 2024 года дети подготовили концерт для "
                 "родителей, а родители участвовали в конкурсе поделок.</p>"):
        html = _page("", "<h1>Праздник весны</h1>" + lead + ARTICLE)
        assert find_published(html, url="http://example.ru/n", now=NOW) == (None, "none")


def test_a_labelled_byline_under_a_standfirst_beats_the_records_creation_date():
    """Plone: the headline, a standfirst, then «Опубликовано 29.04.2024 10:00, последнее
    изменение …» — the record's creation date in Dublin Core meta is days earlier."""
    standfirst = ("<div class='documentDescription'>" + "Семьи с двумя и более детьми смогут "
                  "ежегодно получать семейную выплату. " * 3 + "</div>")
    byline = ("<div class='documentByLine'><a href='/author/p'>Олег Петренко</a> — "
              "<span>Опубликовано</span> 29.04.2024 10:00, <span>последнее изменение</span> "
              "02.05.2024 10:07</div>")
    html = _page('<meta name="DC.date.created" content="2024-04-26T16:20:00+03:00">',
                 "<h1>Семьям вернут часть НДФЛ</h1>" + standfirst + byline + ARTICLE)
    assert find_published(html, url="http://example.ru/news/v", now=NOW) == (
        datetime.date(2024, 4, 29), "dateline")


def test_microdata_of_the_item_holding_the_headline_dates_the_page():
    """tx_news prints the item's date in a «footer» block under the headline: schema.org
    microdata of the headline's item is the page's date whatever its block is called; a
    teaser's item in the sidebar is not."""
    teaser = ('<aside><div itemscope itemtype="http://schema.org/Article"><a href="/n/2">Другая'
              '</a><time itemprop="datePublished" datetime="2024-05-16">16.05.2024</time></div>'
              "</aside>")
    item = ('<div itemscope itemtype="http://schema.org/Article"><div class="header"><h1 '
            'itemprop="headline">Заголовок</h1></div><div class="footer"><span class="news-list-'
            'date"><time itemprop="datePublished" datetime="2024-05-03">03.05.2024</time></span>'
            f'</div><div itemprop="articleBody">{ARTICLE}</div></div>')
    assert find_published(_page("", item + teaser), url="http://e.ru/n", now=NOW) == (
        datetime.date(2024, 5, 3), "microdata")
    unscoped = f"<h1>Заголовок</h1>{ARTICLE}{teaser}"
    assert find_published(_page("", unscoped), url="http://e.ru/n", now=NOW)[1] != "microdata"


def test_a_date_later_this_month_is_no_publication_on_the_1st():
    """htmldate turns a full date after its bound into the 1st of its month (the year and month
    alone pass): an announcement for 25 May crawled on 17 May is not dated 1 May."""
    body = "<h1>Заголовок</h1><time datetime='2024-05-25'>25 мая 2024</time>" + ARTICLE
    assert find_published(_page("", body), url="http://e.ru/n", now=NOW) == (None, "none")


def test_a_month_archive_link_is_no_publication_date():
    """htmldate reads a sidebar's month archive («/novosti/2025/09», «Сентябрь 2025») as 1
    September: a service page with no date of its own stays undated."""
    side = ('<ul class="archive"><li><a href="/novosti/2024/04">Апрель 2024</a></li>'
            '<li><a href="/novosti/2024/03">Март 2024</a></li></ul>')
    body = "<h1>Постановка на учёт многодетных семей</h1>" + ARTICLE + side
    assert find_published(_page("", body), url="http://e.ru/uslugi/uchet", now=NOW) == (
        None, "none")


def test_a_first_of_the_month_stated_on_the_page_stays_with_a_zoned_crawl_clock():
    """The crawl passes its clock in the outlet's zone; a post of 1 October shown as «October
    1st, 2024, 12:40 am» keeps its day (the month-only check compares wall-clock times)."""
    from zoneinfo import ZoneInfo

    now = datetime.datetime(2024, 11, 13, 20, 0, tzinfo=ZoneInfo("Europe/Kaliningrad"))
    body = ("<h1>Заголовок</h1><div class='entry-date'>October 1st, 2024, 12:40 am</div>"
            + ARTICLE)
    assert find_published(_page("", body), url="http://e.ru/47502.html", now=now)[0] == (
        datetime.date(2024, 10, 1))


def test_a_numeric_date_read_month_first_is_no_publication_date():
    """A Drupal event page shows only its event's day «09.12.2024 - 10:00» (after the crawl,
    so no publication); htmldate reads it month first as 12 September. Russian pages write the
    day first: that answer is dropped, and the page stays undated."""
    body = ("<h1>Выездной приём уполномоченного</h1><div class='field'><div class='field__label'>"
            "Дата проведения</div><time datetime='2024-12-09T10:00:00+04:00'>09.12.2024 - 10:00"
            "</time></div>" + ARTICLE)
    assert find_published(_page("", body), url="http://e.ru/meropriyatiya/priem", now=NOW) == (
        None, "none")


def test_an_items_own_header_inside_main_holds_its_date_line():
    """Joomla K2 prints «<div class="itemHeader">» — the item's date and title — inside <main>:
    «header» there is the item's, not the page's chrome."""
    body = ("<header class='header'><a href='/'>Донская неделя</a></header><main><div class="
            "'itemView'><div class='itemHeader'><span class='itemDateCreated'>Вторник, 07 Май "
            "2024 10:30</span><h2 class='itemTitle'>Заголовок</h2></div><div class='itemBody'>"
            f"{ARTICLE}</div></div></main>")
    assert find_published(_page("", body), url="http://e.ru/novosti/item/3101-x.html",
                          now=NOW) == (datetime.date(2024, 5, 7), "dateline")
