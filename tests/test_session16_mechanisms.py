"""Session 16's general mechanisms, each found on a blind set (58–61) and written here in other
words: a platform's «@» before an article's slug, a byline whose author is a long linked name, a
feed of excerpts each ending in «ещё», a translation whose language switch names the Russian
page, a district centre named like another subject's town, a clause whose verb the sentence gave
once, a forum poster's card beside the post, separators that are no words of a rubric."""

from __future__ import annotations

import datetime

from pipeline.tag.run import tag

NOW = datetime.datetime(2025, 11, 28, 18, 0)


def test_a_slug_after_a_platforms_at_sign_is_an_articles_address():
    from spiders.discovery import link_kind

    headline = "Волонтёры центра провели субботник у реабилитационного центра"
    assert link_kind("http://h/@semyacentr-subbotnik-u-reabilitacionnogo-centra", headline) == (
        "article")
    assert link_kind("http://h/@semyacentr", "Статьи") != "article"


BYLINE_PAGE = """<html><head><title>Служба сопровождения</title></head><body>
<div class="top"><a href="/">Центр</a> <a href="/club">Сообщество</a></div>
<div class="article"><h1>В Алуште открылась служба сопровождения приёмных семей</h1>
<div class="article_info"><a class="article_info_author" href="/club">Центр социальной помощи
семье, детям и молодёжи города</a> · <span class="article_info_date">14 окт 2025</span> · 2 310
просмотров</div>
<p>В Алуште при филиале центра начала работу служба сопровождения приёмных семей: психолог и
социальный педагог помогают опекунам с первых недель.</p>
<p>Записаться можно по телефону филиала.</p></div></body></html>"""


def test_a_bylines_long_linked_author_name_is_no_sentence_around_the_date():
    from pipeline.extract.dates import find_published

    date, method = find_published(BYLINE_PAGE, url="http://h/@club-sluzhba", now=NOW)
    assert (date, method) == (datetime.date(2025, 10, 14), "dateline")


def test_a_sentence_with_a_link_is_still_no_date_line():
    from pipeline.extract.dates import find_published

    page = BYLINE_PAGE.replace(
        '<div class="article_info"><a class="article_info_author" href="/club">Центр социальной '
        "помощи\nсемье, детям и молодёжи города</a> · <span class=\"article_info_date\">14 окт "
        "2025</span> · 2 310\nпросмотров</div>",
        '<p>Подробнее о службе читайте <a href="/club">на странице нашего сообщества</a>, '
        "запись открыта до 14 окт 2025 и продлится дольше.</p>",
    )
    assert find_published(page, url="http://h/@club-sluzhba", now=NOW)[0] != datetime.date(
        2025, 10, 14)


FEED_ITEM = """<div class="feed-w"><div class="feed_h"><span>Фонд «Родные»</span>
<div class="feed_date">{day} ноя 2025</div></div><div class="feed_b">{text}</div>
<a class="more" href="/group/1/topic/{n}">ещё</a></div>"""


def _feed(texts: list[str]) -> bytes:
    items = "".join(
        FEED_ITEM.format(day=10 + k, text=text, n=1000 + k) for k, text in enumerate(texts)
    )
    return (f"<html><head><title>Лента группы</title></head><body><div class='menu'><a href='/'>"
            f"Главная</a></div><div class='feed-list'>{items}</div></body></html>").encode()


def test_a_feed_of_excerpts_each_ending_in_a_link_to_its_rest_is_a_listing():
    from pipeline.extract.pagetype import non_article_reason

    body = _feed([
        "С 27 октября по 5 ноября офис фонда закрыт на переезд. Консультации по телефону "
        "горячей линии продолжаются в обычном режиме, психологи отвечают с девяти до шести.",
        "В Бердске открылась комната для мам с малышами.",
        "Девять будущих приёмных родителей получили свидетельства школы.",
        "Число многодетных семей выросло на треть за пять лет.",
    ])
    reason = non_article_reason("http://h/group/1", "http://h/", body)
    assert reason is not None and reason.startswith("listing of 4 excerpts")


def test_a_translation_whose_language_switch_names_the_russian_page_is_no_material():
    from pipeline.extract.pagetype import non_article_reason

    body = """<html lang="tt"><head><title>Гаиләләр өчен яңа үзәк ачылды</title></head><body>
<nav><a href="/ru/news/centr.html" hreflang="ru" lang="ru">Русский</a></nav>
<h1>Гаиләләр өчен яңа үзәк ачылды</h1><p>Казанда балалы гаиләләр өчен яңа үзәк ачылды. Анда
психологлар һәм юристлар эшли, консультацияләр бушлай.</p><p>Үзәк көн саен эшли.</p>
</body></html>""".encode()
    reason = non_article_reason("http://h/tt/news/centr.html", "http://h/", body)
    assert reason is not None and reason.startswith("translation (lang=tt)")
    wiki = body.replace(b'href="/ru/news/centr.html"', b'href="https://ru.example.org/wiki/x"')
    assert non_article_reason("http://h/tt/news/centr.html", "http://h/", wiki) is None
    russian = body.replace(b'lang="tt"><head>', b'lang="ru"><head>', 1)
    assert non_article_reason("http://h/ru/news/centr.html", "http://h/", russian) is None


def test_a_district_centre_named_like_another_subjects_town_resolves_by_context():
    text = "В Михайловке открылся клуб приёмных семей. До центра в Уссурийске семьи ездили полчаса."
    primorye = {hit.iso for hit in tag(text, title="Клуб приёмных семей",
                                       home_region_iso="RU-PRI").regions}
    assert primorye == {"RU-PRI"}
    volgograd = {hit.iso for hit in tag("В Михайловке открылся клуб приёмных семей.",
                                        title="Клуб приёмных семей",
                                        home_region_iso="RU-VGG").regions}
    assert volgograd == {"RU-VGG"}


def test_members_of_clauses_whose_verb_the_sentence_gave_once_each_act():
    text = (
        "В Омске подписано соглашение о школе кураторов для выпускников детских домов. Омская "
        "область берёт на себя обучение кураторов, Тюменская область — методички, Курганская "
        "область — выездную смену.\n\nПервый набор — шестьдесят добровольцев."
    )
    regions = {hit.iso for hit in tag(text, title="Три региона запускают школу кураторов",
                                      home_region_iso="RU-OMS").regions}
    assert regions == {"RU-OMS", "RU-TYU", "RU-KGN"}


def test_a_list_that_names_regions_in_passing_is_still_a_mention_list():
    text = (
        "На форум в Омске приехали делегации из Тюменской области, Курганской области и "
        "Югры. Омские специалисты рассказали о школе кураторов."
    )
    regions = {hit.iso for hit in tag(text, title="Омские специалисты рассказали о школе",
                                      home_region_iso="RU-OMS").regions}
    assert regions == {"RU-OMS"}


FORUM_THREAD = """<html><head><title>В Сланцах открылся клуб отцов</title></head><body>
<h1 class="p-title-value">В Сланцах открылся клуб отцов</h1>
<article class="message message--post"><section class="message-user">
<div class="message-userDetails"><h4><a href="/members/olga.5/">Ольга</a></h4>
<h5 class="userTitle message-userTitle">Мама двоих, живём в Пскове</h5></div>
<div class="message-userExtras"><dl><dt>Откуда</dt><dd>Псков</dd></dl></div></section>
<div class="message-content"><div class="message-userContent"><article class="message-body">
<div class="bbWrapper">В Сланцах при центре помощи семье открылся клуб отцов. Папы собираются по
субботам: мастерят с детьми и говорят с психологом о воспитании подростков.<br><br>На первую
встречу пришли двенадцать отцов.</div></article></div></div></article></body></html>"""


def test_a_forum_posters_card_is_not_the_posts_text():
    from pipeline.extract.cascade import extract

    result = extract(FORUM_THREAD.encode(), "http://h/threads/klub.12/", crawl_time=NOW)
    assert result.text.startswith("В Сланцах при центре помощи семье")
    assert "Псков" not in result.text


def test_separators_between_a_cards_fields_are_no_words_of_it():
    from pipeline.extract import cascade

    assert cascade._is_head_chrome("Благотворительный фонд · Новосибирск", NOW)
    assert not cascade._is_head_chrome("Фонд открыл комнату для мам в Бердске", NOW)


def test_a_stylesheets_cache_buster_is_not_the_pages_date():
    from pipeline.extract.dates import find_published

    page = """<html><head><title>Школа приёмных родителей</title>
<link rel="stylesheet" href="/themes/centr/main.css?v=20250930"></head><body>
<h1>Школа приёмных родителей</h1><p>Подготовку проходит каждый, кто хочет стать опекуном или
приёмным родителем. Курс бесплатный, занятия ведут психологи и юристы центра.</p>
<p>Записаться можно по телефону.</p><footer>© 1996–2025 Центр «Семья»</footer></body></html>"""
    assert find_published(page, url="http://h/uslugi/shkola", now=NOW) == (None, "none")
    dated = page.replace("<p>Записаться", "<p>Опубликовано 12.09.2025</p><p>Записаться")
    assert find_published(dated, url="http://h/uslugi/shkola", now=NOW)[0] == datetime.date(
        2025, 9, 12)


def test_children_kept_home_from_school_on_a_frost_day_are_no_family_kept_together():
    frost = tag(
        "Из-за мороза в Норильске отменили занятия для младших классов. Школы открыты, но "
        "родители могут оставить детей дома.",
        title="В Норильске объявили актировку",
    )
    assert not frost.relevant
    kept = tag(
        "Служба экстренного реагирования выезжает в семью в течение суток после сигнала из "
        "школы. За год в 380 случаях детей удалось оставить дома.",
        title="Служба помогла сохранить семьи",
    )
    assert kept.relevant


def test_residents_named_after_their_place_are_its_people_acting():
    regions = {hit.iso for hit in tag(
        "За две недели воронежцы принесли на пункты сбора больше шестисот зимних вещей для "
        "кризисного центра.", title="Собрали зимние вещи", home_region_iso="RU-PER").regions}
    assert regions == {"RU-VOR"}
    assert not tag("Поделились опытом с коллегами.", title="Опыт",
                   home_region_iso="RU-PER").regions


def test_a_plural_town_the_dictionary_takes_for_indeclinable_is_declined():
    regions = {hit.iso for hit in tag("Четырнадцать человек окончили школу наставников в Лисках.",
                                      title="Школа наставников", home_region_iso="RU-MOW").regions}
    assert regions == {"RU-VOR"}


def test_a_read_only_box_holding_the_pages_link_is_no_search_query():
    from pipeline.extract.pagetype import non_article_reason

    page = """<html><head><title>В Ишиме закрыли мост</title></head><body>
<div class="postbody"><h2>В Ишиме на месяц закрыли мост через реку</h2>
<blockquote class="postcontent">С понедельника в Ишиме закрыт мост через реку: начался ремонт
опор. Объезд организован по улице Ленина, автобусы пойдут по новому маршруту.</blockquote></div>
<div class="thread_info"><h4>Ссылка на тему</h4><input type="text" readonly="readonly"
value="[URL=/threads/1109-most]В Ишиме на месяц закрыли мост через реку[/URL]"></div>
</body></html>""".encode()
    assert non_article_reason("http://h/showthread.php?t=1109", "http://h/", page) is None
    typed = page.replace(b' readonly="readonly"', b"")
    assert non_article_reason("http://h/showthread.php?t=1109", "http://h/", typed) is not None


def test_residents_who_came_to_learn_are_guests_as_people_from_there_are():
    guests = tag("В центр приехали москвичи, чтобы познакомиться с работой школы приёмных "
                 "родителей.", title="Гости центра", home_region_iso="RU-VOR").regions
    assert "RU-MOW" not in {hit.iso for hit in guests}
    hosts = tag("Москвичи поделились опытом работы с приёмными семьями.", title="Опыт",
                home_region_iso="RU-VOR").regions
    assert {hit.iso for hit in hosts} == {"RU-MOW"}
