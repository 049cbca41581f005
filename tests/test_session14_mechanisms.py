"""Mechanisms of session 14 (#17), each pinned on a small page or text written here: a site's
footer links to other sites' front pages are not its name, the one name a source's row keeps
says what all its names say (so retag tags as the crawl did), and guests named again by their
region's adjective are the same guests."""

from __future__ import annotations

import datetime

from newsmon.sources.voice import site_name_to_keep
from pipeline.extract.cascade import extract
from pipeline.tag.home_region import names_a_body
from pipeline.tag.run import tag

NOW = datetime.datetime(2025, 11, 28, 18)
MINISTRY_PAGE = (
    "<html><head><title>Выплату продлили — Новости</title></head><body>"
    "<div id='header'><a href='/'><img src='/gerb.png' alt='Герб Астраханской области'></a>"
    "<a href='/'>Министерство социального развития и труда Астраханской области</a></div>"
    "<div class='sidebar'><h4>Полезные ссылки</h4><ul>"
    "<li><a href='https://www.gosuslugi.ru/'>Портал госуслуг</a></li>"
    "<li><a href='https://sfr.gov.ru/'>Социальный фонд России</a></li></ul></div>"
    "<div class='post'><h1>Выплату продлили</h1><p>Государственная программа, по которой "
    "многодетные семьи получают 450 тысяч рублей на погашение ипотеки, продлена до 2030 года. "
    "Соответствующее постановление подписано.</p><p>Заявление можно подать через портал "
    "госуслуг или в отделении банка, выдавшего кредит.</p></div></body></html>"
).encode()


def test_links_to_other_sites_front_pages_are_not_the_sites_name() -> None:
    ex = extract(MINISTRY_PAGE, "http://minsoc.example.ru/blog/vyplata/", crawl_time=NOW)
    assert "Министерство социального развития и труда Астраханской области" in ex.site_names
    assert "Портал госуслуг" not in ex.site_names
    assert "Социальный фонд России" not in ex.site_names


def test_the_kept_site_name_says_what_all_the_names_say() -> None:
    body_and_medium = ("Герб Астраханской области", "Информационный портал «Волга»")
    assert names_a_body(body_and_medium) is False
    assert names_a_body([site_name_to_keep(body_and_medium)]) is False  # was the coat of arms
    body = ("Главная", "Министерство социального развития Астраханской области")
    assert names_a_body([site_name_to_keep(body)]) is True
    assert site_name_to_keep(()) is None


def test_guests_named_again_by_their_regions_adjective_are_the_same_guests() -> None:
    text = (
        "Центр посетила делегация специалистов социальной сферы из Нижнего Новгорода. Гостям "
        "показали, как у нас устроено сопровождение семей, в которых родители временно не "
        "справляются с воспитанием детей.\n\nНижегородские коллеги побывали в отделении для мам "
        "с детьми и на занятии клуба «Папа может». Директор центра рассказала, что за год "
        "сотрудники помогли 212 семьям Мордовии сохранить детей дома."
    )
    tags = tag(text, title="Коллеги из Нижнего Новгорода познакомились с работой центра",
               home_region_iso="RU-MO")
    assert [hit.iso for hit in tags.regions] == ["RU-MO"]


# A site mirroring its Telegram channel, as the t.me/s/ preview draws it: the list at «/feed»,
# each post at «/feed/<n>» linked by its time, the time in the post's own footer, in UTC.
CHANNEL_HOME = (
    "<html><body><header><a href='/'>Центр «Семья»</a><nav><a href='/feed'>Лента</a> · "
    "<a href='/about'>О центре</a></nav></header><main>"
    "<div class='tgme_widget_message_wrap'><div class='tgme_widget_message' data-post='c/339'>"
    "<div class='tgme_widget_message_text'>Соглашение подписали руководители органов опеки.</div>"
    "<div class='tgme_widget_message_footer'><a class='tgme_widget_message_date' href='/feed/339'>"
    "<time datetime='2025-11-05T21:40:00+00:00'>21:40</time></a></div></div></div>"
    "</main></body></html>"
)


def test_a_post_stream_at_feed_is_the_news_list_and_its_posts_are_articles() -> None:
    from spiders.discovery import classify_links, link_kind

    links = classify_links(CHANNEL_HOME, "http://h.test/", "http://h.test/")
    assert links.sections == ["http://h.test/feed"]
    assert links.articles == ["http://h.test/feed/339"]
    # a page named by furniture stays furniture, whatever a link to it says
    assert link_kind("http://h.test/about/", "Все новости") == "other"
    assert link_kind("http://h.test/authors/ivan", "Иван Соколов, корреспондент отдела") == "other"
    assert link_kind("http://h.test/feed/rss2/", "RSS") == "other"


POST_PAGE = (
    "<html><head><title>Центр «Семья» | Камчатка: Региональный материнский капитал на третьего "
    "ребёнка вырос д</title><meta property='og:title' content='Центр «Семья» | Камчатка'></head>"
    "<body><header><a href='/'>Центр «Семья» | Камчатка</a></header><main>"
    "<div class='tgme_widget_message_wrap'><div class='tgme_widget_message'>"
    "<div class='tgme_widget_message_bubble'>"
    "<div class='tgme_widget_message_forwarded_from'>Переслано из: <a href='https://t.me/minsoc41'>"
    "Минсоцразвития Камчатского края</a></div>"
    "<div class='tgme_widget_message_text'>Региональный материнский капитал на третьего ребёнка "
    "вырос до 200 тысяч рублей<br><br>Закон подписал губернатор, новые суммы действуют для детей, "
    "родившихся или усыновлённых с 1 июля 2025 года. Раньше выплата составляла 150 тысяч рублей."
    "<br><br>Потратить деньги можно на жильё, образование детей и лечение.</div>"
    "<div class='tgme_widget_message_footer'><span class='tgme_widget_message_views'>1.2K</span>"
    "<a class='tgme_widget_message_date' href='/feed/315'><time datetime="
    "'2025-09-08T20:30:00+00:00'>20:30</time></a></div></div></div></div></main></body></html>"
).encode()


def test_a_mirrored_posts_time_in_its_footer_dates_it_in_the_outlets_zone() -> None:
    from pipeline.extract.localtime import region_timezone

    kamchatka = datetime.datetime(2025, 11, 28, 18, tzinfo=region_timezone("RU-KAM"))
    ex = extract(POST_PAGE, "http://h.test/feed/315", crawl_time=kamchatka)
    assert ex.published == datetime.date(2025, 9, 9)  # 20:30 UTC is the next morning at UTC+12
    assert ex.date_method == "time"


def test_a_headline_less_posts_title_is_its_first_line() -> None:
    ex = extract(POST_PAGE, "http://h.test/feed/315", crawl_time=NOW)
    assert ex.title == "Региональный материнский капитал на третьего ребёнка вырос до 200 тысяч рублей"


def test_a_forward_names_its_publisher_and_whether_it_is_the_home_regions() -> None:
    from pipeline.extract.canonical import forwarded_from
    from pipeline.tag.home_region import names_the_region

    forward = forwarded_from(POST_PAGE, "http://h.test/feed/315")
    assert forward is not None and forward.original == "https://t.me/minsoc41"
    assert names_the_region(forward.name, "RU-KAM")
    assert not names_the_region("Переслано из: Минпросвещения России", "RU-KAM")
    assert forwarded_from(MINISTRY_PAGE, "http://h.test/x") is None


def test_an_unclassed_link_in_a_classed_card_takes_its_siblings_kind() -> None:
    from spiders.discovery import classify_links

    def card(slug: str, title: str) -> str:
        return (f"<div class='news-teaser'><p><b>22 ноября</b> — <a href='/wiki/Новости:{slug}'>"
                f"{title}</a></p><p>Коротко о событии.</p></div>")

    page = ("<html><body><div id='content'>"
            + card("A", "Гости из Кировской области на встрече клуба приёмных семей")
            + card("B", "Кризисная квартира для мам в Йошкар-Оле открылась")
            + card("C", "Субботник в парке")
            + "</div><div id='menu'><a href='/wiki/Контакты'>Контакты</a></div></body></html>")
    links = classify_links(page, "http://h.test/wiki/Портал", "http://h.test/")
    assert "http://h.test/wiki/Новости:C" in links.articles
    assert "http://h.test/wiki/Контакты" not in links.articles


WIKI_PAGE = (
    "<html><head><title>Новости:Перекрытие набережной 20 сентября — Вики ассоциации</title>"
    "</head><body><div id='content'><h1 class='firstHeading'>Новости:Перекрытие набережной 20 "
    "сентября</h1><div class='mw-parser-output'><table class='infobox'><tr><th colspan='2'>"
    "Перекрытие набережной 20 сентября</th></tr><tr><th>Дата</th><td>19.09.2025</td></tr>"
    "<tr><th>Место</th><td>Йошкар-Ола</td></tr></table><p>В субботу, 20 сентября, с 8:00 до "
    "23:00 набережная будет закрыта для машин из-за городского фестиваля. Автобусы пойдут в "
    "объезд.</p><p>Если вы едете на фестиваль с детьми, удобнее оставить машину у библиотеки и "
    "пройти пешком.</p></div></div></body></html>"
).encode()


def test_a_wikis_headline_drops_its_namespace_and_its_repeat_is_no_date_line() -> None:
    url = "http://h.test/wiki/%D0%9D%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8:X"
    ex = extract(WIKI_PAGE, url, crawl_time=NOW)
    assert ex.title == "Перекрытие набережной 20 сентября"
    assert ex.published == datetime.date(2025, 9, 19)  # the infobox's «Дата», not the caption's


def test_the_sources_own_people_at_a_venue_are_the_home_regions_story() -> None:
    text = (
        "Школа приёмных родителей нашего центра стала лауреатом всероссийского конкурса практик "
        "подготовки замещающих семей. Награды вручили 30 сентября в Москве на форуме.\n\nЖюри "
        "отметило программу «Первый год вместе»: после окончания школы семьи ещё год встречаются "
        "с психологом."
    )
    tags = tag(text, title="Школа приёмных родителей — лауреат всероссийского конкурса",
               home_region_iso="RU-RYA")
    assert [hit.iso for hit in tags.regions] == ["RU-RYA"]
    # an outlet that does not speak of its own people: the venue of a local event is its subject
    other = tag("В Уссурийске прошёл городской фестиваль семей. Пришли сотни горожан.",
                title="Фестиваль семей", home_region_iso="RU-RYA")
    assert [hit.iso for hit in other.regions] == ["RU-PRI"]


def test_a_schools_legal_form_names_a_body_and_a_federal_decree_is_national() -> None:
    from pipeline.tag.home_region import is_national

    assert names_a_body(["МБОУ СОШ № 7 г"])
    assert is_national("Соответствующее постановление подписал Председатель Правительства.")
    assert not is_national("Постановление подписал глава района.")


def test_the_blog_by_its_words_and_its_cyrillic_folder_is_a_news_list() -> None:
    from spiders.discovery import is_news_list_link, link_kind

    assert link_kind("http://h.test/%D0%B1%D0%BB%D0%BE%D0%B3/", "Блог") == "section"
    assert link_kind("http://h.test/index.php?route=extension/blog/category", "Блог фонда") == (
        "section")
    for words in ("Все записи", "Новости центра", "Записи блога"):
        assert is_news_list_link(words), words
    for words in ("О фонде", "Записаться на приём", "Контакты"):
        assert not is_news_list_link(words), words


def test_our_club_in_the_first_sentence_makes_the_source_a_body_that_acts() -> None:
    from pipeline.tag.own_work import own_people_act

    text = ("Вчера вечером наш клуб провёл телемост с приёмными семьями Республики Адыгея. Из "
            "Кызыла на связь вышли восемь семей.")
    assert own_people_act(text, "Телемост с приёмными семьями Адыгеи") == "наш"
    assert own_people_act("Наши коллеги из Кызыла приехали к соседям.", "Телемост") is None


def _archive_page() -> bytes:
    posts = "".join(
        f"<div class='blog-post'><div class='blog-header'><h2 class='blog-title'><a "
        f"href='/blog/post-{k}'>Запись номер {k} о жизни нашей семьи</a></h2><p class='blog-date'>"
        f"<span class='blog-date'>{10 + k}.10.2025</span></p></div><div class='blog-content'><div "
        f"class='paragraph'>{FIRST_SENTENCE} {k}. {SECOND_SENTENCE}</div></div></div>"
        for k in range(4)
    )
    return (
        "<html><head><title>Архивы Октябрь 2025 — Семья Вороновых</title></head><body>"
        "<div class='header'><a href='/'>Семья Вороновых</a></div><div class='main-wrap'><div "
        f"id='wsite-content' class='wsite-elements wsite-not-footer'><div class='blog-body'>{posts}"
        "</div><div class='blog-sidebar'><h2>Об авторе</h2><div class='paragraph'>Меня зовут Ольга. "
        "Мы с мужем живём в Магадане и воспитываем пятерых детей, трое из них приёмные. Пишу о "
        "нашей жизни и о клубе.</div></div></div></div>"
        "</body></html>"
    ).encode()


FIRST_SENTENCE = ("Вчера всей семьёй выбрались в театр на новый спектакль, билеты брали ещё в "
                  "августе, потому что в сезон их разбирают за пару дней")
SECOND_SENTENCE = ("Декорации новые, оркестр играл живьём, а дети потом весь вечер танцевали по "
                   "квартире и просили сходить ещё раз.")


def test_a_month_archive_printing_posts_whole_is_a_listing() -> None:
    from pipeline.extract.boilerplate import markers
    from pipeline.extract.pagetype import non_article_reason

    assert not markers().widget_fragments.search("wsite-elements wsite-not-footer")
    assert markers().widget_fragments.search("site-footer")
    reason = non_article_reason("http://h.test/blog/archives/10-2025", "http://h.test/",
                                _archive_page())
    assert reason is not None and reason.startswith("listing of 4 posts")


def test_a_name_in_honour_of_a_person_and_our_talk_at_a_venue_are_no_regions() -> None:
    text = ("Пришли 22 семьи — пришлось занять весь зал библиотеки имени Пушкина. Спасибо "
            "управлению опеки мэрии Магадана за помощь с помещением!")
    tags = tag(text, title="Клуб открыл новый сезон", home_region_iso="RU-MAG")
    assert [hit.iso for hit in tags.regions] == ["RU-MAG"]
    talk = ("Вернулись из Санкт-Петербурга, где проходила Всероссийская конференция. Мы "
            "рассказали про наши выездные встречи в Сусумане и Оротукане.")
    tags = tag(talk, title="Мы выступили на конференции в Петербурге", home_region_iso="RU-MAG")
    assert [hit.iso for hit in tags.regions] == ["RU-MAG"]


def test_firewood_for_large_families_is_family_support() -> None:
    text = ("Многодетные семьи сёл района получили дрова на зиму: по пять кубометров на семью "
            "привезли волонтёры фонда.")
    assert tag(text, title="Многодетные семьи получили дрова", home_region_iso="RU-YEV").relevant


def test_retag_reads_all_the_names_the_crawl_read(tmp_path) -> None:
    """A VK-wall mirror names itself «Мамин дом», «Сообщество» and «Кризисный центр «Мамин
    дом»»: the crawl read all three (its own work by the centre's full name made four posts
    relevant), retag read only the one kept name and made them irrelevant (set 34)."""
    import json

    from db import open_db
    from db.article import source_site_names
    from newsmon.sources.voice import source_names

    db = open_db(tmp_path / "news.db")
    names = ["Мамин дом", "Сообщество", "Кризисный центр «Мамин дом»"]
    db.execute("insert into sources (name, url, site_name, site_names) values (?, ?, ?, ?)",
               ["stav", "http://h.test/", "Сообщество", json.dumps(names, ensure_ascii=False)])
    db.execute("insert into sources (name, url, site_name) values (?, ?, ?)",
               ["old", "http://o.test/", "Фонд «Старый»"])  # crawled before the column
    assert source_site_names(db) == {"stav": tuple(names), "old": ("Фонд «Старый»",)}
    assert source_names(db, {"old": "Фонд"})["old"] == ("Фонд", "Фонд «Старый»")
    assert "Кризисный центр «Мамин дом»" in source_names(db, {})["stav"]
