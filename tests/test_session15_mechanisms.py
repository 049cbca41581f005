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
    assert non_article_reason("http://forum.example/viewtopic.php?t=9", None, page.encode()) is None


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
