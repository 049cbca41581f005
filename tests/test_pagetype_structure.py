"""Page type from structure (pipeline.extract.pagestructure + pipeline.extract.pagetype), issue 17.

Floors on a subset of the dev part of eval/pagetype/ (the full set is scored by
eval/run_pagetype.py), plus small pages that pin each structural signal: a listing is refused
whatever its URL says, an article is kept whatever its URL says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract.pagetype import non_article_reason

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval" / "pagetype"
SOURCE = "https://gazeta.test/"
SENTENCES = [
    "В областном центре завершили капитальный ремонт поликлиники на улице Ленина.",
    "Работы вели с весны, подрядчик уложился в сроки, установленные контрактом.",
    "По словам главного врача, пациенты смогут записаться к специалистам без очередей.",
    "Средства на проект выделили из регионального бюджета и федеральной программы.",
]


def page(main: str, side: str = "") -> bytes:
    nav = "".join(f'<li><a href="/r{i}/">Рубрика {i}</a></li>' for i in range(6))
    return (
        "<html><head><meta charset='utf-8'><title>t</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><div class='wrap'><div class='main'>{main}"
        f"</div><div class='side'>{side}</div></div><div class='footer'><p>© 2025 Городские вести. "
        "Все права защищены. При использовании материалов ссылка обязательна.</p></div>"
        "</body></html>"
    ).encode()


def teasers(n: int, excerpt: bool = True) -> str:
    return "".join(
        f'<div class="item"><span class="date">0{i + 1}.10.2025</span>'
        f'<h2><a href="/news/{i}/">Заголовок новости номер {i} о жизни района</a></h2>'
        + (f"<p>{SENTENCES[i % 4]}</p>" if excerpt else "")
        + "</div>"
        for i in range(n)
    )


SIDEBAR = "<h3>Лента</h3><ul>" + "".join(
    f'<li><a href="/news/{i}/">Главная новость дня под номером {i}</a> 12:0{i}</li>' for i in range(5)
) + "</ul>"


def article(paragraphs: int, extra: str = "") -> bytes:
    body = "".join(f"<p>{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}</p>" for i in range(paragraphs))
    return page(f"<h1>Поликлинику открыли после ремонта</h1><div class='date'>07.11.2025</div>"
                f"<div class='text'>{body}</div>{extra}", SIDEBAR)


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("https://gazeta.test/news/2025/11/07/poliklinika/", article(2)),
        ("https://gazeta.test/news/5116.html", article(6, "<h3>Читайте также</h3>" + teasers(5))),
        # URL words are hints only: an article under «/afisha/» or «/archive/» stays an article.
        ("https://gazeta.test/afisha/poliklinika-otkrylas/", article(3)),
        ("https://gazeta.test/archive/2025/poliklinika/", article(3)),
        # A photo report: one short paragraph and a grid of captioned pictures.
        ("https://gazeta.test/news/foto/77/", page(
            f"<h1>Фоторепортаж с праздника</h1><p>{SENTENCES[0]} {SENTENCES[1]}</p><div class='g'>"
            + "".join(f"<figure><a href='/i/{i}.jpg'><img src='/i/{i}s.jpg'></a><figcaption>"
                      f"Гости праздника {i}</figcaption></figure>" for i in range(8)) + "</div>")),
        # A headline that starts with a name is news about the person, not a profile.
        ("https://gazeta.test/news/5120.html", page(
            "<h1>Светлана Морозова возглавила центр помощи семьям</h1>"
            f"<p>{SENTENCES[0]} {SENTENCES[1]}</p><p>{SENTENCES[2]} {SENTENCES[3]}</p>")),
    ],
)
def test_articles_are_kept(url, body):
    assert non_article_reason(url, SOURCE, body) is None


@pytest.mark.parametrize(
    ("url", "body", "reason"),
    [
        # A month archive at an article-like address: repeated teasers, no body of its own.
        ("https://gazeta.test/news/5117.html", page("<h1>Архивы за месяц: Ноябрь 2025</h1>" + teasers(6)),
         "listing of 6 teasers"),
        # A day archive with one post: its excerpt sits under a link to another page.
        ("https://gazeta.test/2025/11/07/", page("<h1>7 ноября 2025</h1>" + teasers(1)),
         "teaser of another page"),
        # An archive that prints whole posts under linked titles.
        ("https://gazeta.test/2025/11/", page("<h1>Ноябрь 2025</h1>" + "".join(
            f"<article class='post'><h2><a href='/p/{i}/'>Запись блога номер {i} о поликлинике</a></h2>"
            f"<div class='c'><p>{' '.join(SENTENCES)}</p><p>{' '.join(SENTENCES)}</p></div></article>"
            for i in range(2))), "text under a headline that links to another page"),
        # A gallery: pictures with captions only.
        ("https://gazeta.test/news/9001/", page("<h1>Фотогалерея</h1><div class='grid'>" + "".join(
            f"<div class='cell'><a href='/a/{i}/'><img src='/i/{i}.jpg'></a><div>Альбом {i}</div></div>"
            for i in range(8)) + "</div>"), "picture grid of 8"),
        # An event board: dated rows with links, no prose.
        ("https://gazeta.test/events/", page("<h1>Афиша</h1><table>" + "".join(
            f"<tr><td>1{i} ноября, 19:00</td><td><a href='/e/{i}/'>Концерт {i}</a></td><td>ДК</td></tr>"
            for i in range(5)) + "</table>"), "board of 5 dated items"),
        # A person's card: label–value fields with a phone above a short text.
        ("https://gazeta.test/persons/12/", page(
            "<h1>Иванова Марина Сергеевна</h1><dl><dt>Должность</dt><dd>министр</dd><dt>Телефон</dt>"
            "<dd><a href='tel:+73422123456'>+7 (342) 212-34-56</a></dd><dt>E-mail</dt>"
            "<dd><a href='mailto:m@min.ru'>m@min.ru</a></dd></dl>"
            f"<p>{SENTENCES[0]} {SENTENCES[1]}</p>"), "card of 3 fields above the text"),
        # A month archive whose only prose is the site builder's footer, written as ordinary
        # blocks under a heading of its own, below the teasers.
        ("https://gazeta.test/node/777", page("<h1>Октябрь 2025</h1>" + teasers(4) + (
            "<div class='t-rec'><h3>Контакты</h3><p>Редакция: 614000, Пермь, ул. Ленина, 1. "
            "Телефон редакции указан в разделе контактов.</p><p>Сайт использует файлы cookie. "
            "Оставаясь на сайте, вы соглашаетесь на их обработку.</p></div>")),
         "listing of 4 teasers under the headline"),
        # A presenter's page: a photo, the name as the headline, a short biography.
        ("https://gazeta.test/team/morozova/", page(
            "<img src='/p/morozova.jpg'><h1>Светлана Морозова</h1><p>Ведущая утреннего эфира. "
            "В профессии с 2010 года, окончила филологический факультет и воспитывает дочь.</p>"),
         "profile of a person"),
        # A site builder's blog page: whole cards as links, no <h1>, and the fund's legal line
        # (registration numbers) written as an ordinary paragraph — the only «prose» there is.
        ("https://fond.test/blog", page(
            "<div class='t-title'>Новости фонда</div>" + "".join(
                f"<a href='/tpost/{i}'><div class='t-card'><div class='t-name'>Семейный клуб "
                f"встретился в {i}-й раз</div><div class='t-descr'>{SENTENCES[i % 4]}</div></div></a>"
                for i in range(4))
            + "<div class='t-rec'><div class='t-text'>Благотворительный фонд «Опора» помогает "
            "семьям с детьми. ОГРН 1205900001234, ИНН 5902000000. Пермь, ул. Сибирская, 5.</div>"
            "</div>"), "listing of 4 teasers"),
        # Search results that found nothing: a form showing the query, a short apology.
        ("https://gazeta.test/find.php?w=1", page(
            "<h1>Поиск</h1><form><input type='text' name='w' value='пособие'></form>"
            "<p>По вашему запросу ничего не найдено. Попробуйте изменить запрос.</p>"),
         "search form with a query"),
    ],
)
def test_non_articles_are_refused_whatever_the_url(url, body, reason):
    assert (non_article_reason(url, SOURCE, body) or "").startswith(reason)


def test_a_listing_word_in_the_url_settles_only_an_open_page():
    assert non_article_reason("https://gazeta.test/tag/zdorove/", SOURCE, b"<html><p>x</p></html>") == (
        "listing page /tag/"
    )
    assert non_article_reason("https://gazeta.test/tag/zdorove/", SOURCE, article(3)) is None


def test_a_service_section_is_a_hint_but_the_service_page_itself_is_decisive():
    assert non_article_reason("https://gazeta.test/about/", SOURCE, article(3)) == (
        "service page /about/"
    )
    assert non_article_reason("https://gazeta.test/about/news/15/", SOURCE, article(3)) is None


def test_windows_1251_pages_are_read():
    body = article(3).replace(b"charset='utf-8'", b"charset='windows-1251'")
    raw = body.decode("utf-8").encode("cp1251")
    assert non_article_reason("https://gazeta.test/news/1/", SOURCE, raw) is None
    listing = page("<h1>Новости</h1>" + teasers(5)).decode("utf-8").encode("cp1251")
    assert non_article_reason("https://gazeta.test/news/", SOURCE, listing)


# Every fourth dev page, in name order: a fixed subset with every CMS family and most classes.
def subset() -> list[tuple[str, dict]]:
    gold = json.loads((EVAL / "gold.json").read_text("utf-8"))
    dev = sorted((k, v) for k, v in gold.items() if v["part"] == "dev")
    return dev[::2]


def test_eval_subset_precision_and_recall_floor():
    tp = fp = fn = 0
    pages = subset()
    for name, g in pages:
        kept = non_article_reason(g["url"], g["source_url"], (EVAL / "pages" / name).read_bytes()) is None
        tp += kept and g["is_article"]
        fp += kept and not g["is_article"]
        fn += (not kept) and g["is_article"]
    assert len(pages) >= 45 and {g["family"] for _, g in pages} >= {"wordpress", "tilda", "nextjs"}
    assert tp / (tp + fp) >= 0.99
    assert tp / (tp + fn) >= 0.99


def _author_page(headline: str, bio: str, cards: int) -> bytes:
    feed = "".join(
        f'<article class="card"><a href="/news/{i}"><h2>Заголовок новости номер {i} о жизни '
        f'района</h2></a><div class="meta"><span>Общество</span><time datetime="2025-10-0{i + 1}">'
        f'0{i + 1} октября, 10:0{i}</time></div><p>{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}</p>'
        "</article>"
        for i in range(cards)
    )
    return page(f"<div class='card'><h1>{headline}</h1><p>{bio}</p></div>"
                f"<div class='feed'>{feed}</div>")


BIO = ("Корреспондент отдела городских новостей. Пишет о транспорте, строительстве и "
       "благоустройстве. В редакции с 2018 года.")


def test_a_persons_card_over_a_feed_of_dated_teasers_is_not_an_article():
    """An author's page under an address that says nothing (a sitemap lists it like any page):
    the headline is a person's name, the short bio sits over a feed that outweighs it."""
    reason = non_article_reason("https://gazeta.test/p/ivan-sokolov", SOURCE,
                                _author_page("Иван Соколов", BIO, 4))
    assert (reason or "").startswith("profile of a person over a feed of 4 dated teasers")


def test_a_card_over_a_feed_under_a_listing_url_is_not_an_article_whoever_heads_it():
    body = _author_page("Отдел городских новостей", BIO, 4)
    assert non_article_reason("https://gazeta.test/p/gorod", SOURCE, body) is None
    assert (non_article_reason("https://gazeta.test/authors/gorod", SOURCE, body) or "").startswith(
        "listing page /authors/")


def test_a_short_news_item_over_related_teasers_stays_an_article():
    """A brief under a news headline, with a related feed below: the headline is no name."""
    body = _author_page("Пожар в общежитии потушили за час", BIO, 4)
    assert non_article_reason("https://gazeta.test/news/2025/10/07/pozhar/", SOURCE, body) is None
    # …and a full article with a long related feed is an article whoever wrote it
    long = article(6, "<div class='feed'>" + "".join(
        f'<article class="c"><a href="/n/{i}"><h2>Заголовок новости номер {i} о жизни района'
        f'</a></h2><time datetime="2025-10-01">1 октября</time><p>{SENTENCES[i % 4]}</p></article>'
        for i in range(5)) + "</div>")
    assert non_article_reason("https://gazeta.test/news/5117.html", SOURCE, long) is None


def test_sitemap_entries_get_the_url_verdict_links_get():
    from spiders.discovery import link_kind, not_an_article_url

    for url in ("https://gazeta.test/authors/ivan-sokolov", "https://gazeta.test/tags/semya",
                "https://gazeta.test/news?page=2", "https://gazeta.test/about",
                "https://gazeta.test/files/prikaz.pdf"):
        assert not_an_article_url(url), url
        assert link_kind(url, "Иван Соколов, корреспондент отдела новостей") != "article"
    for url in ("https://gazeta.test/news/ivan-sokolov-88301", "https://gazeta.test/p/ivan",
                "https://gazeta.test/index.php?option=com_content&view=article&id=12"):
        assert not not_an_article_url(url), url


def test_a_byline_link_above_a_short_item_does_not_make_it_a_teaser():
    """«Редакция «…»» links to the staff's profile between the headline and a short text; a
    sidebar feed links six other items. The byline is no headline: the text is the article's,
    not a blurb under another page's title. A headline-shaped link above the same text is."""
    body = f"<p>{SENTENCES[0]} {SENTENCES[1]}</p><p>{SENTENCES[2]}</p>"
    feed = "<div class='related'><h3>Ещё в рубрике</h3><ul>" + "".join(
        f'<li><a href="/news/{i}.html">Главная новость дня под номером {i} о жизни района и его '
        f'жителей</a> <span>{i + 1} ноября</span></li>' for i in range(6)) + "</ul></div>"
    byline = ("<article><h1>Поликлинику открыли после ремонта</h1><div class='info'><div class="
              "'bar'><a href='/users/14'>Редакция «Городских вестей»</a></div><div class='bar'>"
              f"19 ноября 2025 в 11:20</div></div><div class='fields'>{body}</div></article>{feed}")
    assert non_article_reason("https://gazeta.test/news/8906.html", SOURCE, page(byline)) is None
    teaser = ("<h1>Общество</h1><div class='item'><h2><a href='/news/77.html'>Поликлинику "
              f"открыли после ремонта</a></h2>{body}</div>{feed}")
    assert non_article_reason("https://gazeta.test/news/", SOURCE, page(teaser)) is not None


def test_a_taxonomy_page_of_one_post_under_entry_headers_is_a_teaser_not_an_article():
    """Themes head each post of a list with <header class="entry-header"><h2><a>…: a header
    inside <main>/<article> is the entry's own, not the site's chrome, so its title link governs
    the excerpt below it — one teaser of another page, whatever the page's own <h1> says."""
    main = ("<main><header class='page-header'><h1>Томская область</h1></header>"
            "<article class='post-entry'><header class='entry-header'><h2><a href='/news/2025/10/"
            "02/obmen/'>Кузбасс и Томская область запускают обмен наставниками</a></h2></header>"
            f"<div class='entry-content'><p>{SENTENCES[0]} {SENTENCES[1]}</p></div></article></main>")
    reason = non_article_reason("https://gazeta.test/regions/tomskaya-oblast/", SOURCE, page(main))
    assert reason is not None and reason.startswith("teaser of")
    # the same header over the article's own text on its own page is an article
    own = ("<main><article><header class='entry-header'><h1>Кузбасс и Томская область запускают "
           "обмен наставниками</h1><time datetime='2025-10-02'>2 октября</time></header><div>"
           + "".join(f"<p>{SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}</p>" for i in range(4))
           + "</div></article></main>")
    assert non_article_reason("https://gazeta.test/news/2025/10/02/obmen/", SOURCE, page(own)) is None


def test_a_board_page_of_one_dated_topic_is_a_teaser_not_an_article():
    """A board's section holding a single topic: its only words are the topic's title (a link
    to the topic), the poster and the date, with no prose of its own — one dated teaser."""
    row = ("<h2><a href='/board.php?b=7'>Куда пойти с детьми</a></h2><table class='topics'><tr>"
           "<td><a class='subject' href='/thread.php?b=7&id=55'>Где в Заречном районе есть "
           "бесплатные кружки для школьников?</a><br><span>автор Марина_К » 3 окт 2025, "
           "08:15</span></td><td>4</td></tr></table>")
    reason = non_article_reason("https://gazeta.test/board.php?b=7", SOURCE, page(row))
    assert reason == "dated teaser of another page, no prose of its own"
    # the crawl reads such a page as the listing it is and follows the topic's link
    from spiders.news import LISTING_REASONS

    assert reason.startswith(LISTING_REASONS)
    # the topic itself, a question and its answers written as prose, is kept
    topic = ("<h1>Где в Заречном районе есть бесплатные кружки для школьников?</h1><div class="
             f"'post'><span>Марина_К » 3 окт 2025, 08:15</span><p>{SENTENCES[0]} {SENTENCES[1]}"
             f"</p><p>{SENTENCES[2]} {SENTENCES[3]}</p></div>")
    assert non_article_reason("https://gazeta.test/thread.php?b=7&id=55", SOURCE, page(topic)) is None


def test_an_events_board_of_dated_rows_that_link_nowhere_is_not_an_article():
    """A portal's list view of events: a table of dated rows (start, event, place) with no
    link in any row and no prose — a board, not one material."""
    rows = "".join(
        f"<tr><td>{day}.12.2025 10:00</td><td>{what}</td><td>каб. {room}</td></tr>"
        for day, what, room in (("03", "Приём граждан по вопросам опеки", 101),
                                ("10", "Семинар для приёмных родителей", 204),
                                ("17", "Встреча с выпускниками детских домов", 310)))
    board = (f"<h1>Анонсы мероприятий</h1><table class='listview'><tr><th>Начало</th><th>"
             f"Мероприятие</th><th>Место</th></tr>{rows}</table>")
    reason = non_article_reason("https://gazeta.test/Lists/Events/AllItems.aspx", SOURCE, page(board))
    assert reason == "board of 3 dated items, no body of prose"


def test_a_legal_acts_own_text_is_a_document_and_news_about_it_an_article():
    """A ministry's documents section prints the order itself: «Приказ № 12 «Об утверждении
    порядка…»» over its clauses. News about the order is headed otherwise and stays."""
    clauses = "".join(f"<p>{i}. {SENTENCES[i % 4]} {SENTENCES[(i + 1) % 4]}</p>" for i in range(1, 5))
    act = f"<h1>Приказ № 12 «Об утверждении порядка предоставления выплаты»</h1>{clauses}"
    reason = non_article_reason("https://gazeta.test/dokumenty/prikaz-12.html", SOURCE, page(act))
    assert reason == "a legal act's text (a document), not a material about it"
    news = f"<h1>Министерство утвердило порядок новой выплаты многодетным</h1>{clauses}"
    assert non_article_reason("https://gazeta.test/news/512.html", SOURCE, page(news)) is None
    # an official notice a body must print (a paper's «Официально» section) is a document too
    notice = (f"<h1>Извещение о проведении публичных слушаний по проекту бюджета района</h1>"
              f"{clauses}")
    assert non_article_reason("https://gazeta.test/oficialno/izveshchenie.html", SOURCE,
                              page(notice)) == reason  # fmt: skip
    told = f"<h1>В районе прошли публичные слушания по проекту бюджета</h1>{clauses}"
    assert non_article_reason("https://gazeta.test/news/513.html", SOURCE, page(told)) is None


def test_an_event_card_of_fields_and_one_line_is_not_an_article_and_a_table_in_news_stays():
    """An event card: «Дата и время | Место проведения | Организатор» and one line of programme.
    The place is a field's value, not prose of the page, so the card has no body. A news item
    with a two-column table of payments keeps its own paragraphs as its body."""
    fields = (("Дата и время", "20 ноября 2025 года, 10:00"),
              ("Место проведения", "г. Волгоград, Центральный концертный зал, ул. Краснознаменская, "
                                   "д. 10, большой зал на втором этаже, вход с площади"),
              ("Организатор", "Министерство семейной и социальной политики Волгоградской области"))
    table = "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in fields) + "</table>"
    card = (f"<h1>Областной форум приёмных семей «Растим вместе»</h1>{table}"
            "<p>Пленарное заседание, площадки для приёмных родителей и специалистов органов опеки, "
            "детская программа.</p>")
    reason = non_article_reason("https://gazeta.test/events/2025/11/forum/", SOURCE, page(card))
    assert reason == "card of 3 fields, no body of prose"
    news = (f"<h1>Форум приёмных семей пройдёт в ноябре</h1><p>{SENTENCES[0]} {SENTENCES[1]}</p>"
            f"{table}<p>{SENTENCES[2]} {SENTENCES[3]}</p>")
    assert non_article_reason("https://gazeta.test/news/2025/11/forum/", SOURCE, page(news)) is None


def test_a_short_item_with_a_closing_line_above_related_news_is_an_article():
    """A two-paragraph news item whose second paragraph is one short sentence, above a «Другие
    новости» block of three dated teasers with leads longer than the item itself."""
    cards = "".join(
        f'<article class="card"><a href="/news/n{k}/"><h2>Другая новость номер {k} о семьях</h2>'
        f'</a><p class="date">{k} ноября 2025 г.</p><p>В областном центре социальной помощи '
        f'семье и детям откроют новое отделение для беременных и мам с детьми номер {k}…</p>'
        "</article>" for k in range(1, 4))
    item = ("<p>После обращения к уполномоченному семье помогли восстановить жильё после пожара,"
            " и двое детей вернулись из приюта домой.</p>{closing}")
    page = ('<html><body><main><article><h1>Семье помогли вернуть детей из приюта</h1>'
            '<p class="meta"><time datetime="2025-11-05">5 ноября 2025 г.</time></p>'
            + item + '</article><section class="more"><h2>Другие новости</h2>' + cards
            + "</section></main></body></html>")
    closing = "<p>Ремонт оплатили районная администрация и благотворители.</p>"
    url = "https://ombudsman.example/news/semya/"
    assert non_article_reason(url, "https://ombudsman.example/",
                              page.replace("{closing}", closing).encode()) is None
    # without its closing sentence the item is one sentence: still not a body of its own
    assert non_article_reason(url, "https://ombudsman.example/",
                              page.replace("{closing}", "").encode()) is not None


def test_a_post_printed_whole_on_a_day_page_without_a_headline_of_its_own_is_no_article():
    """A blog's day page: no headline of its own, one post printed whole under its title, which
    links to the post's own page. The post's own page, and a page whose title links to its own
    canonical address, stay articles."""
    post = ("<div class='entry'><div class='entry-header'><div class='poster'>user1 wrote</div>"
            "<h2 class='entry-title'><a href='/48210.html'>Как прошла наша встреча с опекой в "
            "районе</a></h2></div><div class='entry-content'>"
            + "".join(f"<p>{SENTENCES[i]} {SENTENCES[(i + 1) % 4]}</p>" for i in range(3))
            + "</div><ul class='actions'><li><a href='/48210.html#comments'>Оставить "
            "комментарий к записи</a></li></ul></div>")
    day = page("<h3 class='day'>November 7th, 2025</h3>" + post)
    assert "links to another page" in (non_article_reason(
        "https://gazeta.test/2025/11/07/", SOURCE, day) or "")
    own = page(post.replace("href='/48210.html'", "href='/48210.html?style=mine'"))
    assert non_article_reason("https://gazeta.test/48210.html?style=mine", SOURCE, own) is None
    canonical = day.replace(b"<title>t</title>",
                            b"<title>t</title><link rel='canonical' href='/48210.html'>")
    assert non_article_reason("https://gazeta.test/48210", SOURCE, canonical) is None


def test_a_listing_of_dated_title_links_with_leads_is_not_an_article():
    """UMI.CMS prints each teaser as «<span>22 Октябрь 2025</span> <a>headline</a>» with its
    lead under it: a title link with only a date beside it is still the teaser's title, and the
    leads are teasers' prose, not a body."""
    items = "".join(
        f"<div class='news_item'><span class='news_date'>{day} Октябрь 2025</span> <a "
        f"href='/novosti/{slug}/'>{title}</a><div class='anons'>{SENTENCES[k]}</div></div>"
        for k, (day, slug, title) in enumerate((
            ("22", "nastavniki", "Ярославские наставники обучили коллег из Мурманской области"),
            ("15", "premiya", "Проект «Наставник рядом» получил премию всероссийского форума"),
            ("8", "rosstat", "Росстат: многодетных семей в России стало больше на 4 процента"))))
    listing = f"<h1>Новости</h1><div class='news_list'>{items}</div>"
    reason = non_article_reason("https://gazeta.test/novosti/?p=1", SOURCE, page(listing))
    assert reason == "listing of 3 teasers, no body of prose"


def test_cards_with_a_heading_an_excerpt_and_a_button_are_a_listing():
    """Site builders (Mobirise, Tilda) print news as cards: a heading that is no link, a date, an
    excerpt and a «Подробнее >» button to the item. A run of an article's sections, each with a
    link in its text but no button shape in every member, stays an article."""
    cards = "".join(
        f"<div class='item'><div class='item-content'><p>0{k}.10.2025 г.</p><h5><strong>{title}"
        f"</strong></h5><p>{SENTENCES[k][:90]}…</p></div><div class='item-footer'><a href="
        f"'/news/n{k}.html'>Подробнее &gt;</a></div></div>"
        for k, title in enumerate(("Социальный контракт помог сорока семьям",
                                   "Специалисты выступили на конференции",
                                   "Многодетные семьи получили наборы к школе")))
    listing = f"<h1>Новости центра — архив, страница 2</h1><div class='row'>{cards}</div>"
    reason = non_article_reason("https://gazeta.test/news-2.html", SOURCE, page(listing))
    assert reason is not None and reason.startswith("listing of 3 teasers")


def test_a_page_whose_every_paragraph_opens_with_its_own_date_is_a_board():
    entries = "".join(f"<p><strong>{day}.12.2025 г. в 11:00</strong> — {SENTENCES[k]}</p>"
                      for k, day in enumerate(("06", "13", "20")))
    board = f"<h1>Анонсы</h1>{entries}"
    assert non_article_reason("https://gazeta.test/anonsy.html", SOURCE, page(board)) == (
        "board of 3 entries, each opening with its date")
    story = f"<h1>Как прошла неделя</h1><p>{SENTENCES[0]}</p>{entries}"
    assert non_article_reason("https://gazeta.test/news/1.html", SOURCE, page(story)) is None


def test_a_print_link_to_the_page_itself_is_no_teaser():
    """Joomla K2's «Версия для печати» links the page to itself with ?tmpl=component&print=1:
    the same document, not a teaser of another page that would make the short text a blurb."""
    url = "http://127.0.0.1:8001/novosti/obshchestvo/item/3101-v-shakhtakh.html"
    teasers = "".join(
        f"<li><a href='/novosti/obshchestvo/item/31{n}-x.html'>Другая новость номер {n} о "
        "жизни области</a></li>" for n in range(10, 18))
    body = (
        "<html><body><main><div class='itemHeader'><h2>В Шахтах открылось кризисное отделение"
        "</h2></div><div class='itemToolbar'><ul><li><a href='/novosti/obshchestvo/item/3101-v-"
        "shakhtakh.html?tmpl=component&amp;print=1'>Версия для печати</a></li><li><span>размер "
        "шрифта</span> <a href='#'>уменьшить</a></li><li><a href='#comments'>Комментарии (1)</a>"
        "</li></ul></div><div class='itemIntroText'><p>В "
        "Шахтах открылось кризисное отделение для женщин с детьми. В нём шесть комнат.</p></div>"
        "<div class='itemFullText'><p>Жить в отделении можно до трёх месяцев. Психолог помогает "
        "восстановить документы.</p><p>«Первые две мамы заселились в пятницу», — рассказала "
        f"заведующая.</p></div></main><div class='moduletable'><h3>Популярное</h3><ul>{teasers}"
        "</ul></div>"
        "</body></html>").encode()
    assert non_article_reason(url, "http://127.0.0.1:8001/", body) is None


def test_short_items_each_under_a_headline_of_their_own_are_a_digest_not_one_material():
    """A paper's weekly «Коротко»: five unrelated shorts, each a headline and a line or two. A
    FAQ (questions) and an article whose parts run longer stay articles."""
    items = [("В Кетове отремонтировали дорогу к школе", SENTENCES[0]),
             ("Шадринский театр открыл новый сезон", SENTENCES[1]),
             ("В МФЦ Варгашей появилась детская комната", SENTENCES[2]),
             ("Курганские пожарные потушили 14 возгораний", SENTENCES[3])]
    digest = "<h1>Коротко: главное за неделю</h1>" + "".join(
        f"<h3>{h}</h3><p>{t}</p>" for h, t in items)
    url = "https://gazeta.test/novosti/korotko-13-17-oktyabrya/"
    assert "digest of 4 short items" in (non_article_reason(url, SOURCE, page(digest)) or "")
    faq = "<h1>Как получить статус многодетной семьи</h1>" + "".join(
        f"<h3>{h}?</h3><p>{t}</p>" for h, t in items)
    assert non_article_reason(url, SOURCE, page(faq)) is None
    long_parts = "<h1>Итоги года в районе</h1>" + "".join(
        f"<h3>{h}</h3><p>{t} {' '.join(SENTENCES)}</p>" for h, t in items)
    assert non_article_reason(url, SOURCE, page(long_parts)) is None
