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
FIRST = (
    "Мы открыли вторую социальную квартиру: теперь в ней могут жить три мамы с малышами, "
    "которым некуда идти после роддома."
)
SECOND = (
    "Квартиру помогли обставить жители города, а продукты на первый месяц передал местный "
    "магазин. Заявки принимаем по телефону горячей линии."
)


def _wall_post(date: str, *, date_class: str = "post_date", date_href: str = "/wall-1_1402") -> bytes:
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
        f"дом»</a></h5><div class='{date_class}'><a href='{date_href}'>{date}</a></div></div>"
        f"<div class='post_content'><div class='wall_post_text'>Открываем вторую квартиру!<br><br>"
        f"{FIRST}<br><br>{SECOND}</div></div></div></div>"
        "<div id='narrow_column'><h3>Информация</h3><p><a href='/page-5'>Как получить "
        "помощь</a></p></div></div></body></html>"
    ).encode()


def test_a_post_without_a_headline_under_a_menu_and_an_author_link_home_is_an_article():
    """Neither the author's name linking to the front page nor a menu item in the page's top bar
    is a teaser heading the text: the post is a material, not «a listing of teasers»."""
    assert (
        non_article_reason(
            "https://mama.test/wall-1_1402", "https://mama.test/", _wall_post("2 сен в 10:15")
        )
        is None
    )


def test_a_date_that_is_the_posts_permalink_dates_the_post():
    got = extract(_wall_post("2 сен в 10:15"), "https://mama.test/wall-1_1402", crawl_time=NOW)
    assert got.published == datetime.date(2025, 9, 2)
    assert got.title == "Открываем вторую квартиру!"
    # «вчера» on the night the page was rendered
    got = extract(_wall_post("вчера в 18:30"), "https://mama.test/wall-1_1402", crawl_time=NOW)
    assert got.published == datetime.date(2025, 11, 12)


def test_a_linked_line_not_marked_as_a_date_is_still_no_date_line():
    """The permalink exception needs the line to be marked as the date: another linked line
    (a teaser's date linking elsewhere, unmarked) stays out, and the post is undated. (A date
    linking to the page itself is its permalink however it is marked: session 15.)"""
    got = extract(
        _wall_post("2 сен в 10:15", date_class="post_link_box", date_href="/wall-1_1399"),
        "https://mama.test/wall-1_1402",
        crawl_time=NOW,
    )
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


def _subsite_post(home: str) -> bytes:
    return (
        "<html><head><title>Ярмарка для многодетных</title></head><body>"
        f"<header><p class='site-title'><a href='{home}' rel='home'>Семья рядом</a></p></header>"
        f"<main><article><h1>Фонд провёл ярмарку для многодетных</h1><p>{FIRST}</p>"
        f"<p>{SECOND}</p><time datetime='2025-11-06'>6 ноября 2025</time></article></main>"
        "</body></html>"
    ).encode()


def test_a_page_declaring_another_home_on_the_host_is_another_site():
    """A WordPress network in subfolders: the outlet is «/saratov/» (its home page says so with
    rel=home); a post of «/penza/» is another site's, one of «/saratov/» the outlet's own."""
    url = "https://net.test/penza/2025/11/06/yarmarka/"
    reason = non_article_reason(
        url, "https://net.test/", _subsite_post("/penza/"), outlet_home="https://net.test/saratov/"
    )
    assert reason and "https://net.test/penza/" in reason
    own = "https://net.test/saratov/2025/11/06/yarmarka/"
    assert (
        non_article_reason(
            own,
            "https://net.test/",
            _subsite_post("/saratov/"),
            outlet_home="https://net.test/saratov/",
        )
        is None
    )
    # no home read by the crawl, or a site whose every page declares its root: nothing changes
    assert non_article_reason(url, "https://net.test/", _subsite_post("/penza/")) is None
    assert (
        non_article_reason(
            own,
            "https://net.test/",
            _subsite_post("/index.php"),
            outlet_home="https://www.net.test/",
        )
        is None
    )


def test_the_sections_every_state_institution_must_keep_hold_no_materials():
    """«Противодействие коррупции» and «Независимая оценка качества»: dated notices under the
    news markup, named by the site's own menu link to the section's path."""
    page = (
        "<html><body><ul class='menu'><li><a href='/news/'>Новости</a></li>"
        "<li><a href='/protivodeystvie-korrupcii/'>Противодействие коррупции</a></li></ul>"
        "<div class='news-date-time'>14.11.2025</div><h1>О заседании комиссии по противодействию "
        f"коррупции</h1><p>{FIRST}</p><p>{SECOND}</p></body></html>"
    ).encode()
    reason = non_article_reason(
        "https://centr.test/protivodeystvie-korrupcii/detail.php?ID=31", "https://centr.test/", page
    )
    assert reason and "Противодействие коррупции" in reason
    news = non_article_reason(
        "https://centr.test/news/detail.php?ID=1203",
        "https://centr.test/",
        page.replace(b"/protivodeystvie-korrupcii/'>", b"/docs/'>"),
    )
    assert news is None


def test_a_word_that_is_a_form_of_two_towns_is_either_whatever_its_first_reading():
    """«в Отрадном»: pymorphy reads it first as Отрадное (Ленинградская область), but it is the
    locative of Отрадный (Самарская область) too, and Отрадное is a district of Moscow — the text
    or the home region decides."""
    from pipeline.tag.regions.gazetteer import find_mentions

    (mention,) = find_mentions("Специалисты поделились опытом на семинаре в Отрадном")
    assert set(mention.isos) == {"RU-LEN", "RU-MOW", "RU-SAM"} and mention.shared


def test_a_closing_credit_to_another_publisher_is_its_voice_not_the_sites():
    """A foster-parents school reprints a ministry's release «Источник: министерство … Астраханской
    области»: the school's site does not speak for Псковская область in it. A credit to the site
    itself or a photo credit changes nothing."""
    from pipeline.tag.home_region import credited_source

    text = f"{FIRST}\n\nИсточник: министерство социального развития и труда Астраханской области."
    school = ["Школа приёмных родителей «Псковский дом»"]
    assert credited_source(text, school) == (
        "министерство социального развития и труда Астраханской области"
    )
    ministry = ["Министерство социального развития и труда Астраханской области"]
    assert credited_source(text, ministry) is None
    assert credited_source(f"{FIRST}\n\nИсточник фото: пресс-служба фонда", school) is None
    assert credited_source(f"{FIRST}\n\n{SECOND}", school) is None


def test_a_sidebar_of_long_entries_beside_a_short_article_stays_the_sidebar():
    """Webasyst: «Подведомственные учреждения», a paragraph per institution, outweigh a three-line
    news item; the item under the <h1> in the sibling column is the text. A «sidebar» of running
    paragraphs (where some themes put the text) keeps its protection."""
    entry = (
        "<li><a href='/u/'>ГКУ «Центр социальной поддержки населения»</a><p>Назначает и "
        "выплачивает региональные пособия и компенсации, принимает заявления на меры "
        "социальной поддержки многодетных и малоимущих семей во всех районах области.</p></li>"
    )
    short = (
        "Более ста астраханцев старшего возраста приняли участие в фестивале скандинавской "
        "ходьбы на набережной Волги. Самой старшей участнице исполнилось восемьдесят два года."
    )
    page = (
        f"<html><body><div class='sidebar left250px'><h4>Подведомственные учреждения</h4>"
        f"<ul class='menu-v'>{entry * 4}</ul></div><div class='content left250px'>"
        f"<h1>Волонтёры прошли скандинавской ходьбой</h1><div class='text'><p>{short}</p>"
        f"<p>Участникам вручили памятные значки.</p></div></div></body></html>"
    ).encode()
    text = extract(page, "https://minsoc.test/blog/hodba/", crawl_time=NOW).text
    assert short in text and "Назначает и выплачивает" not in text


def test_a_site_builders_numbered_pages_are_the_listings_pages():
    """Flexbe: «/news» → «2» → «/news-2», then «3» → «/news-3»; an article «/news-12345» linked
    by its number is not page 2, nor is «3» linked from the first page."""
    from spiders.discovery import is_numbered_next

    assert is_numbered_next("https://c.test/news", "https://c.test/news-2", "2")
    assert is_numbered_next("https://c.test/news-2", "https://c.test/news-3", "3")
    assert is_numbered_next("https://c.test/news.html", "https://c.test/news-2.html", "2")
    assert not is_numbered_next("https://c.test/news", "https://c.test/news-12345", "12345")
    assert not is_numbered_next("https://c.test/news", "https://c.test/news-3", "3")


def test_a_cards_one_date_dates_its_article_and_a_card_with_two_says_nothing():
    """A Flexbe centre's article pages carry no date, their cards on the listing do. A card with
    two dates, an event's hours («10:00 – 17:00») or a day still to come dates nothing."""
    from spiders.teaser_dates import teaser_dates

    listing = (
        "<html><body><div class='cards'>"
        "<div class='card'><a href='/news-proezd'><div class='text-date'>06.11.2025</div>"
        "<div class='title'>Многодетным напомнили о льготном проезде</div></a></div>"
        "<div class='card'><a href='/news-okna'><div class='text-date'>30.10.2025</div>"
        "<div class='title'>В здании центра заменят окна</div></a>"
        "<span class='event-date'>1 декабря</span></div>"
        "<div class='card'><a href='/news-futbol'><div class='title'>Турнир</div></a></div>"
        "<div class='card'><a href='/afisha-seminar'><p class='date'><time>20.10.2025 10:00</time>"
        " – 17:00</p><h2>Семинар для кураторов</h2></a></div>"
        "<div class='card'><a href='/afisha-elka'><div class='date'>27.12.2025</div>"
        "<h2>Новогодняя ёлка</h2></a></div>"
        "</div></body></html>"
    )
    articles = [f"https://c.test/news-{s}" for s in ("proezd", "okna", "futbol")] + [
        "https://c.test/afisha-seminar", "https://c.test/afisha-elka"]
    assert teaser_dates(listing, "https://c.test/news", articles, NOW) == {
        "https://c.test/news-proezd": datetime.date(2025, 11, 6)
    }
