"""Session 15's general mechanisms, each found on a blind set (46–49) and written here in other
words: a title's trip destination the text names only as where the outlet's own people went, and a
relative who escorts someone is not a family being supported."""

from __future__ import annotations

from pipeline.tag.run import tag


def test_a_trip_of_the_outlets_own_people_in_the_title_is_not_the_destinations_story():
    title = "Приёмные семьи съездили на экскурсию в Казань"
    text = (
        "Шесть приёмных семей, которых сопровождает наш центр, на выходных побывали на экскурсии "
        "в Казани. Дети увидели кремль и покатались на теплоходе.\n"
        "Специалисты центра говорят, что такие поездки сближают родителей и детей."
    )
    regions = {hit.iso for hit in tag(text, title=title, home_region_iso="RU-UD").regions}
    assert regions == {"RU-UD"}


def test_a_trip_in_the_title_is_the_destinations_story_when_nobody_of_the_outlet_went():
    title = "Приёмные семьи съездили на экскурсию в Казань"
    text = (
        "Шесть приёмных семей из Татарстана на выходных побывали на экскурсии в Казани. Дети "
        "увидели кремль и покатались на теплоходе."
    )
    regions = {hit.iso for hit in tag(text, title=title, home_region_iso="RU-UD").regions}
    assert "RU-TA" in regions


def test_a_relative_escorting_someone_is_not_a_family_supported():
    escort = tag(
        "С декабря заказать социальное такси можно через портал госуслуг. Услуга доступна "
        "инвалидам I группы. В поездке пользователя может сопровождать один член семьи или "
        "социальный работник.",
        title="Изменился порядок заказа социального такси",
    )
    assert not escort.relevant
    families = tag(
        "Специалисты отделения сопровождают сорок семей группы риска: помогают с документами, "
        "работой и детским садом.",
        title="Отделение сопровождает сорок семей",
    )
    assert families.relevant


PERMALINKED_POST = """<html><head><title>Клуб молодых мам</title></head><body>
<header><a href="/">Семейный блог</a></header>
<article class="post"><h1>В Искателях открылся клуб молодых мам</h1>
<div class="body-text"><p>Первая встреча клуба прошла в библиотеке посёлка: пришли одиннадцать мам
с малышами, психолог рассказала о режиме сна.</p><p>Встречи будут проходить по четвергам.</p></div>
<div class="post-footer"><a href="/post/9912/klub">{day}</a> · <a href="/post/9912/klub#notes">12
заметок</a> · <a href="/tagged/mamy">#мамы</a></div></article>
<section class="comments"><a href="/post/9912/klub#comment-7">{comment_day}</a> Спасибо!</section>
</body></html>"""


def test_a_link_to_the_post_itself_dates_it_and_a_link_to_a_comment_does_not():
    import datetime

    from pipeline.extract.dates import find_published

    now = datetime.datetime(2025, 11, 20, 18)
    url = "http://blog.example/post/9912/klub"
    page = PERMALINKED_POST.format(day="4 сентября 2025", comment_day="20 сентября 2025")
    assert find_published(page, url=url, now=now) == (datetime.date(2025, 9, 4), "permalink")
    only_comment = PERMALINKED_POST.format(day="Постоянная ссылка", comment_day="20 сентября 2025")
    assert find_published(only_comment, url=url, now=now)[1] != "permalink"


def test_a_reblog_header_names_the_original_publisher():
    from pipeline.extract.canonical import forwarded_from

    page = (
        '<html><body><article><div class="reblog-header"><a href="/">semya-blog</a> '
        'реблогнул(а) у <a href="https://mamy-pomorya.example/">mamy-pomorya</a></div>'
        "<h1>Открылось отделение для мам</h1><blockquote><p>Текст другого блога.</p></blockquote>"
        "</article></body></html>"
    ).encode()
    forward = forwarded_from(page, "http://semya.example/post/1/otdelenie")
    assert forward is not None and forward.original.startswith("https://mamy-pomorya.example")
    own = page.replace("реблогнул(а) у".encode(), "благодарит".encode())
    assert forwarded_from(own, "http://semya.example/post/1/otdelenie") is None


def _regions(text: str, home: str | None) -> set[str]:
    return {hit.iso for hit in tag(text, title="", home_region_iso=home).regions}


def test_places_inside_moscow_and_st_petersburg_are_the_citys():
    assert _regions("В Савёлках открылся клуб для многодетных мам.", "RU-MOW") == {"RU-MOW"}
    assert _regions("В Колпино открылся семейный центр для приёмных семей.", None) == {"RU-SPE"}
    assert _regions("В Хамовниках открылся кризисный центр для мам.", None) == {"RU-MOW"}


def test_an_okrug_named_like_another_subjects_district_resolves_by_the_outlet():
    text = "Управа Зеленоградского округа наградила приёмные семьи."
    assert _regions(text, "RU-MOW") == {"RU-MOW"}
    assert _regions(text, "RU-KGD") == {"RU-KGD"}


def test_a_reblogged_text_is_the_other_publishers_and_takes_no_home_region():
    from pipeline.tag.own_work import with_source
    from pipeline.tag.run import load_tag_config

    title = "В Северодвинске открылось отделение для мам с младенцами"
    text = (
        "В Северодвинске при комплексном центре социального обслуживания открылось отделение "
        "временного проживания для мам с детьми до года. С мамами работают психолог и юрист "
        "центра.\nОтделение открыто на средства бюджета Архангельской области."
    )
    names = ("Ненецкий окружной центр «Семья»",)
    topics = load_tag_config().topics

    def regions(republished: bool) -> set[str]:
        result = tag(text, title=title, home_region_iso="RU-NEN")
        with_source(
            result,
            text,
            title,
            "RU-NEN",
            names,
            topics,
            home_voice=not republished,
            republished=republished,
        )
        return {hit.iso for hit in result.regions}

    assert "RU-NEN" in regions(False)
    assert regions(True) == {"RU-ARK"}


def test_a_forum_topics_posts_linked_to_their_own_anchors_are_one_article_not_cards():
    from pipeline.extract.pagetype import non_article_reason

    def post(n: int, title: str, prose: str) -> str:
        return (
            f'<div id="p{n}" class="post"><dl class="postprofile"><dt><a '
            f'href="/memberlist.php?mode=viewprofile&u={n}">user{n}</a></dt></dl>'
            f'<div class="postbody"><h3><a href="#p{n}">{title}</a></h3><p class="author"><a '
            f'href="/memberlist.php?mode=viewprofile&u={n}">user{n}</a> » 06 ноя 2025, 12:30</p>'
            f'<div class="content"><p>{prose}</p></div></div></div>'
        )

    title = "В Хилке волонтёры отремонтировали дом многодетной семьи"
    page = (
        "<html><body><div id='page-header'><h1>Форум приёмных семей</h1></div>"
        f'<div id="page-body"><h2 class="topic-title"><a href="/viewtopic.php?t=9">{title}</a></h2>'
        + post(
            1,
            title,
            "Волонтёры за два месяца перекрыли крышу, поставили новую печь и окна в "
            "доме семьи, которая после пожара жила у родственников. Стройматериалы купили на "
            "пожертвования горожан и средства районной администрации.",
        )
        + post(2, "Re: " + title, "Вот это по-людски, спасибо волонтёрам.")
        + post(3, "Re: " + title, "Подскажите, куда можно было перевести деньги?")
        + "</div></body></html>"
    )
    assert (
        non_article_reason(
            "http://forum.example/viewtopic.php?t=9", "http://forum.example/", page.encode()
        )
        is None
    )


def test_places_inside_sevastopol_and_nicknames_of_the_kola_land():
    assert _regions("В Балаклаве открылась группа поддержки для мам.", None) == {"RU-SEV"}
    assert _regions("Многодетные семьи Кольского края получат выплату.", None) == {"RU-MUR"}
    text = "Опыт Заполярья по патронату представили коллегам из других регионов."
    assert _regions(text, "RU-MUR") == {"RU-MUR"}
    assert "RU-MUR" not in _regions(text, "RU-PSK")  # the land beyond the Circle: whose, unsaid


def test_heads_of_the_regions_bodies_signing_make_each_region_act():
    text = (
        "Руководители центров Тывы, Хакасии и Алтая подписали соглашение о летней смене для "
        "приёмных детей."
    )
    assert {"RU-TY", "RU-KK"} <= _regions(text, None)


def test_volunteers_repairing_a_large_familys_house_is_help_to_the_family():
    result = tag(
        "Волонтёры отремонтировали дом многодетной семьи, которая после пожара жила у "
        "родственников: перекрыли крышу и поставили новую печь.",
        title="Волонтёры отремонтировали дом многодетной семьи",
    )
    assert result.relevant


def _community_day_page(entry_href: str) -> bytes:
    return (
        "<html><body><div id='header'><h1><a href='/'>Приёмные семьи края</a></h1></div>"
        "<div id='content'><h2>6 ноября 2025</h2><div class='entry'><div class='entry-date'>"
        "2025-11-06 18:40:00</div><h3 class='entry-title'>Кризисный центр провёл семинар для "
        "приёмных родителей</h3><div class='entry-content'><p>Два дня специалисты центра "
        "работали с приёмными родителями района: как говорить с подростком о его кровной семье, "
        "как пережить первый год после передачи ребёнка в семью.</p><p>По итогам центр и отдел "
        "опеки подписали соглашение о совместных встречах раз в месяц.</p></div><ul "
        f"class='entry-actions'><li><a href='{entry_href}#comments'>0 коммент.</a></li></ul>"
        "</div></div><div id='sidebar'><h3>Архив</h3><ul><li><a href='/2025/11/'>Ноябрь</a></li>"
        "</ul></div></body></html>"
    ).encode()


def test_a_post_printed_whole_on_a_day_page_with_its_comments_elsewhere_is_a_copy():
    from pipeline.extract.pagetype import non_article_reason

    day = "http://community.example/2025/11/06/"
    assert (
        non_article_reason(day, "http://community.example/", _community_day_page("/50771.html"))
        is not None
    )
    post = "http://community.example/50771.html"
    assert (
        non_article_reason(post, "http://community.example/", _community_day_page("/50771.html"))
        is None
    )
    # a post whose older comments are on a page of its own discussion is still the post
    paged = "http://community.example/2025/11/06/seminar/"
    discussion = _community_day_page("/2025/11/06/seminar/comment-page-2/")
    assert non_article_reason(paged, "http://community.example/", discussion) is None


def test_a_closing_signature_dates_the_text_under_a_box_every_page_carries():
    import datetime

    from pipeline.extract.cascade import extract

    page = (
        "<html><body><nav><a href='/'>Союз отцов</a> <a href='/novosti'>Новости</a></nav>"
        "<div id='content'><h1>Отцы провели субботник на набережной</h1><p>Двадцать отцов с "
        "детьми убрали набережную и покрасили скамейки в сквере у реки.</p><p>Следующий "
        "субботник пройдёт весной, приглашаем всех желающих.</p><p><i>Пресс-служба отделения, "
        "13 сентября 2025 года</i></p></div><div id='subside'><p><b>Стать членом отделения</b> "
        "может любой отец, проживающий в области. <a href='/vstupit'>Заполнить анкету</a></p>"
        "</div></body></html>"
    ).encode()
    got = extract(page, "http://otcy.example/subbotnik", crawl_time=datetime.datetime(2025, 11, 28))
    assert got.published == datetime.date(2025, 9, 13)


def test_an_address_under_the_headline_is_the_author_not_the_text():
    import datetime

    from pipeline.extract.cascade import extract

    page = (
        "<html><body><main><header><h1>Офис фонда переезжает</h1><address><a rel='author' "
        "href='https://t.me/fond'>Фонд «Дом для мамы»</a></address></header><article>"
        "<address>Фонд «Дом для мамы»</address><p>С 17 ноября офис фонда работает по новому "
        "адресу, второй этаж, вход со двора. Телефоны не меняются, линия работает как обычно.</p>"
        "<p>С 13 по 16 ноября офис закрыт на переезд, вещи в эти дни не принимаем.</p></article>"
        "</main></body></html>"
    ).encode()
    got = extract(
        page, "http://fond.example/Ofis-11-12", crawl_time=datetime.datetime(2025, 11, 28)
    )
    assert "Дом для мамы" not in got.text and got.text.startswith("С 17 ноября")


def test_our_branch_organising_an_event_elsewhere_in_the_region_is_our_regions():
    from pipeline.tag.own_work import own_people_act

    lead = "В Вятских Полянах прошёл межрегиональный слёт отцов, организованный нашим отделением."
    assert own_people_act(lead, "Слёт отцов четырёх регионов") == "нашим"
    assert own_people_act("Наш корреспондент побывал на слёте в Ижевске.", "Слёт отцов") is None


def test_a_hotline_for_mothers_in_crisis_is_the_crisis_topic():
    text = (
        "Наша горячая линия для беременных и мам в кризисе работает круглосуточно: на звонки "
        "отвечают пять психологов."
    )
    assert tag(text, title="Как работает наша линия").relevant


def test_a_reposts_opening_line_names_its_source_not_the_stories_region():
    text = (
        "Перепост из канала тамбовского фонда, цифры интересные.\n\nМинпросвещения подвело "
        "итоги: в организациях для детей-сирот сейчас живут около 30 тысяч детей."
    )
    assert _regions(text, None) == set()


def test_a_neuter_nickname_in_ye_is_found_in_every_case_and_councils_in_a_list_act():
    assert _regions("Семьи Прииртышья получат помощь на зимнюю одежду.", None) == {"RU-OMS"}
    text = (
        "Общественные советы многодетных семей Прииртышья, Новосибирской и Томской областей и "
        "Алтайского края направили в Минтруд общее обращение."
    )
    assert _regions(text, None) == {"RU-OMS", "RU-NVS", "RU-TOM", "RU-ALT"}


def test_a_headline_verb_in_the_first_person_plural_is_the_sources_own_people_acting():
    from pipeline.tag.own_work import own_people_act

    assert own_people_act("", "Проведём онлайн-марафон вместе с курганскими коллегами")
    assert own_people_act("", "Омичи провели онлайн-марафон вместе с курганскими коллегами") is None
