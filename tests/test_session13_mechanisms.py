"""Mechanisms from blind sets 34 and 35's first looks (#17): a mirrored social wall whose posts
have no headline and whose date is the post's permalink, and a blog whose date line carries the
poster's name beside a date element. Each pinned on a small page written here."""

from __future__ import annotations

import datetime

from pipeline.extract import boilerplate, dateline
from pipeline.extract.cascade import extract
from pipeline.extract.html import parse_html
from pipeline.extract.pagetype import non_article_reason

NOW = datetime.datetime(2025, 11, 13, 18)
FIRST = ("Мы открыли вторую социальную квартиру: теперь в ней могут жить три мамы с малышами, "
         "которым некуда идти после роддома.")
SECOND = ("Квартиру помогли обставить жители города, а продукты на первый месяц передал местный "
          "магазин. Заявки принимаем по телефону горячей линии.")


def _wall_post(date: str, *, date_class: str = "post_date") -> bytes:
    """A community wall's post mirrored on the site: the site's name links home, the top bar is a
    menu of three-word links, the post has no headline and its date is its own permalink."""
    return (
        "<html><head><title>Запись сообщества — Мамин дом</title></head><body>"
        "<div id='page_header'><a href='/'>Мамин дом</a><ul class='top_menu'>"
        "<li><a href='/wall'>Все записи сообщества</a></li>"
        "<li><a href='/albums'>Фотографии нашего дома</a></li>"
        "<li><a href='/page-5'>Как получить помощь</a></li></ul></div>"
        "<div id='page_layout'><div id='wide_column'><div class='post'>"
        "<div class='post_header'><h5 class='post_author'><a href='/'>Кризисный центр «Мамин "
        f"дом»</a></h5><div class='{date_class}'><a href='/wall-1_1402'>{date}</a></div></div>"
        f"<div class='post_content'><div class='wall_post_text'>Открываем вторую квартиру!<br><br>"
        f"{FIRST}<br><br>{SECOND}</div></div></div></div>"
        "<div id='narrow_column'><h3>Информация</h3><p><a href='/page-5'>Как получить "
        "помощь</a></p></div></div></body></html>"
    ).encode()


def test_a_post_without_a_headline_under_a_menu_and_an_author_link_home_is_an_article():
    """Neither the author's name linking to the front page nor a menu item in the page's top bar
    is a teaser heading the text: the post is a material, not «a listing of teasers»."""
    assert non_article_reason("https://mama.test/wall-1_1402", "https://mama.test/",
                              _wall_post("2 сен в 10:15")) is None


def test_a_date_that_is_the_posts_permalink_dates_the_post():
    got = extract(_wall_post("2 сен в 10:15"), "https://mama.test/wall-1_1402", crawl_time=NOW)
    assert got.published == datetime.date(2025, 9, 2)
    assert got.title == "Открываем вторую квартиру!"
    # «вчера» on the night the page was rendered
    got = extract(_wall_post("вчера в 18:30"), "https://mama.test/wall-1_1402", crawl_time=NOW)
    assert got.published == datetime.date(2025, 11, 12)


def test_a_linked_line_not_marked_as_a_date_is_still_no_date_line():
    """The permalink exception needs the line to be marked as the date: another linked line
    (a teaser's date linking elsewhere, unmarked) stays out, and the post is undated."""
    got = extract(_wall_post("2 сен в 10:15", date_class="post_link_box"),
                  "https://mama.test/wall-1_1402", crawl_time=NOW)
    assert got.published != datetime.date(2025, 9, 2)


def test_a_post_header_holding_the_date_is_read_and_a_site_header_with_a_menu_is_not():
    tree = parse_html(_wall_post("2 сен в 10:15"))
    header = tree.xpath("//div[@class='post_header']")[0]
    assert not boilerplate.is_widget_element(header)
    site = parse_html(
        "<html><body><div class='wrap'><div class='header'><span class='date'>13 ноября</span>"
        "<ul><li><a href='/a'>Главная</a></li><li><a href='/b'>Новости</a></li></ul></div>"
        f"<div class='content'><p>{FIRST}</p><p>{SECOND}</p></div></div></body></html>"
    )
    assert boilerplate.is_widget_element(site.xpath("//div[@class='header']")[0])


def test_a_line_whose_date_is_an_element_of_its_own_may_carry_the_posters_name():
    """Webasyst's «<span class="username">Пресс-служба министерства</span> <span
    class="date">24 сентября</span>»: the byline beside a date element is no sentence."""
    page = parse_html(
        "<html><body><div class='post'><h1>Кризисный центр принял пятидесятую семью</h1>"
        "<div class='credentials'><span class='username'>Пресс-служба министерства</span> "
        f"<span class='date' title='24 сентября 2025 12:05'>24 сентября</span></div>"
        f"<div class='text'><p>{FIRST}</p><p>{SECOND}</p></div></div></body></html>"
    )
    line = dateline.find_date_line(page, now=NOW)
    assert line is not None and line.date == datetime.date(2025, 9, 24)
    plain = parse_html(
        "<html><body><div class='post'><h1>Кризисный центр принял пятидесятую семью</h1>"
        "<div class='credentials'>Пресс-служба министерства сообщила 24 сентября</div>"
        f"<div class='text'><p>{FIRST}</p><p>{SECOND}</p></div></div></body></html>"
    )
    assert dateline.find_date_line(plain, now=NOW) is None


def test_the_walls_side_column_stays_out_of_a_short_posts_text():
    """VK's layout, kept by mirrors: «#narrow_column» beside «#wide_column» holds the
    community's description — a crisis centre's, which would make every post relevant."""
    short = "Синоптики обещают первые заморозки. Одевайте малышей по погоде и не забывайте шапки!"
    page = (
        _wall_post("2 сен в 10:15")
        .replace(f"{FIRST}<br><br>{SECOND}".encode(), short.encode())
        .replace(
            b"<h3>",
            "<p>Кризисный центр для беременных и мам с детьми. Ставрополь, ул. Доваторцев, 1.</p>"
            "<h3>".encode(),
        )
    )
    text = extract(page, "https://mama.test/wall-1_1402", crawl_time=NOW).text
    assert short in text and "Доваторцев" not in text
