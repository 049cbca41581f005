"""Session 18's general mechanisms, each found on blind sets (58, 59, 64, 70: forums) and written
here in other words: content printed for readers without scripts, a poster's name over a post,
a breadcrumb trail that stops at the section, a rubric label over the headline, a section named
by two section names joined."""

from __future__ import annotations

from pipeline.extract.html import parse_html
from pipeline.extract.pagestructure import analyse, parse
from pipeline.extract.pagetype import judge, non_article_reason
from pipeline.extract.section import label_above_headline, open_trail_section

SHELL = """<html><head><title>{title} — Клуб отцов</title></head><body>
<div id="app"><header><a href="/">Клуб отцов Прикамья</a></header>
<main><div id="content"></div><div class="loading" style="display:none">Загрузка…</div>
<noscript>{content}</noscript></main></div>
<script>window.app = {{boot: true}};</script></body></html>"""

THREAD = """<div class="wrap">{label}<h1>{title}</h1>
<article class="Post"><h3 class="Post-user"><a class="username" href="/u/ivan_perm">{poster}</a></h3>
<time datetime="2025-10-03T17:00:00Z">3 окт.</time><div class="Post-body">{first}</div></article>
<article class="Post"><h3 class="Post-user"><a class="username" href="/u/olga">Ольга</a></h3>
<time datetime="2025-10-03T19:00:00Z">3 окт.</time><div class="Post-body"><p>Спасибо, что
написали, очень полезно!</p></div></article></div>"""

NEWS_POST = """<p>В субботу в Кунгуре прошла первая встреча клуба отцов, которые воспитывают приёмных
детей. Пришли одиннадцать пап из Кунгура и окрестных сёл, а с ними психолог районного центра
помощи семье.</p><p>Говорили о том, как распределить обязанности в семье, где трое и больше
детей, и как не выгорать. Следующую встречу решили провести в декабре в библиотеке.</p>"""


def _page(title: str, first: str, label: str = "", poster: str = "Иван из Кунгура",
          shell: bool = True) -> bytes:
    thread = THREAD.format(label=label, title=title, poster=poster, first=first)
    if not shell:
        return f"<html><body>{thread}</body></html>".encode()
    return SHELL.format(title=title, content=thread).encode("utf-8")


def test_a_page_drawn_by_scripts_is_read_from_what_it_prints_for_readers_without_them():
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST)
    s = analyse(parse(page), "http://h/d/41-klub-otcov")
    assert judge(s).kind == "article"
    assert "одиннадцать пап" in " ".join(b.text for b in s.body)
    tree = parse_html(page)
    assert "первая встреча клуба отцов" in " ".join(tree.itertext())


def test_a_noscript_notice_beside_the_page_stays_out():
    page = (b"<html><body><noscript><div>\xd0\x92\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb8\xd1\x82\xd0"
            b"\xb5 JavaScript</div></noscript><h1>T</h1><p>" + "Текст статьи. ".encode() * 30
            + b"</p></body></html>")
    assert next(parse_html(page).iter("noscript"), None) is not None  # left for chrome


def test_a_posters_name_over_the_post_is_a_byline_not_a_headline_of_another_page():
    # A three-word name linking to the poster's profile once made the post "a text under a
    # headline that links to another page".
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST, poster="Иван из Кунгура",
                 shell=False)
    assert non_article_reason("http://h/d/41-klub-otcov", "http://h/", page) is None


def test_a_thread_under_a_rubric_label_of_questions_is_a_members_question():
    label = '<ul class="Tags"><li><a href="/t/voprosy">Вопросы</a></li></ul>'
    page = _page("Как оформить выплату на приёмного ребёнка?", "<p>Подскажите, какие справки "
                 "нужны для выплаты, если ребёнок у нас с сентября? В соцзащите сказали разное.</p>",
                 label=label)
    assert label_above_headline(parse(page)) == "Вопросы"
    reason = non_article_reason("http://h/d/44-kak-oformit", "http://h/", page)
    assert reason is not None and "Вопросы" in reason
    news = _page("В Кунгуре собрался клуб отцов", NEWS_POST,
                 label='<ul class="Tags"><li><a href="/t/news">Новости клуба</a></li></ul>')
    assert non_article_reason("http://h/d/41-klub-otcov", "http://h/", news) is None


FORUM_THREAD = """<html><body><div class="crumbs-bar">{trail}</div>
<h1>{title}</h1><div class="post"><p>{text}</p></div></body></html>"""


def test_a_trail_that_stops_at_the_section_names_it_and_joined_section_names_count():
    trail = ('<a href="/"><img src="/home.png" alt=""></a> › '
             '<a href="/forum/12">Анонсы и объявления</a>')
    page = FORUM_THREAD.format(trail=trail, title="Праздник для приёмных семей 20 декабря",
                               text="Приглашаем приёмные семьи на новогодний праздник в ДК. "
                               "Запись у модератора до 15 декабря. " * 3).encode()
    assert open_trail_section(parse(page)) == "Анонсы и объявления"
    reason = non_article_reason("http://h/thread/77", "http://h/", page)
    assert reason is not None and "Анонсы и объявления" in reason
    # One part that is no such section («Новости и анонсы») leaves the page a material.
    news = page.replace("Анонсы и объявления".encode(), "Новости и анонсы".encode())
    assert non_article_reason("http://h/thread/77", "http://h/", news) is None


def test_a_menu_above_the_headline_is_no_rubric_label():
    menu = ('<ul class="menu"><li><a href="/news">Новости</a></li><li><a href="/afisha">Афиша'
            '</a></li><li><a href="/docs">Документы</a></li></ul>')
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST, label=menu)
    assert label_above_headline(parse(page)) is None
