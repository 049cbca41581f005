"""Mechanisms found while blind sets 110–113 (issue 17) were written and after they were scored,
each on a text or page written here in the shape that showed it, not on the blind pages."""

from __future__ import annotations

from pipeline.tag.explain import explain_text


def _regions(text: str, title: str, home_iso: str) -> list[str]:
    result, _ = explain_text(text, title=title, home_iso=home_iso)
    return sorted(r.iso for r in result.regions)


def test_a_headlines_experts_from_a_list_of_places_are_the_texts_invited_guests():
    text = ("Кураторов учили эксперты из Казани и Самары\n\n"
            "10 октября в Пензе прошёл семинар для кураторов замещающих семей. Занятия вели "
            "приглашённые эксперты: психолог казанского центра «Опора» и руководитель самарской "
            "службы сопровождения. Кураторы разобрали двенадцать случаев из своей практики.")
    assert _regions(text, "Кураторов учили эксперты из Казани и Самары", "RU-PNZ") == ["RU-PNZ"]
    # the people a programme serves are no guests, whatever the headline says of them
    served = ("Фонд обучит кураторов семей из Казани и Самары\n\n"
              "Пензенский фонд «Опора» с ноября обучит кураторов замещающих семей из Татарстана и "
              "Самарской области. Занятия пройдут онлайн, а кураторы начнут применять новые "
              "методики в своих районах уже зимой.")
    assert {"RU-TA", "RU-SAM"} <= set(
        _regions(served, "Фонд обучит кураторов семей из Казани и Самары", "RU-PNZ"))


def test_our_own_people_in_a_district_named_in_many_subjects_are_the_outlets_home():
    text = ("В воскресенье в Октябрьском районе, в доме культуры на Садовой, прошла встреча для "
            "наших приёмных родителей. Её провела семейный психолог из Пензы. Пришли сорок "
            "человек, для детей волонтёры устроили мастер-класс. Организовал встречу районный "
            "отдел опеки вместе с нашим клубом.")
    title = "Психолог из Пензы провела встречу для наших приёмных родителей"
    assert _regions(text, title, "RU-ULY") == ["RU-ULY"]
    # the same district named without the outlet's own people stays unresolved, not guessed
    neutral = text.replace("наших приёмных родителей", "приёмных родителей").replace(
        " вместе с нашим клубом", "")
    assert _regions(neutral, title.replace("наших ", ""), "RU-ULY") == []


def test_a_forum_topics_second_page_marked_only_by_a_bare_number_is_a_continuation():
    from pipeline.extract.pagetype import non_article_reason

    posts = "".join(
        f"<div class='post'><p class='author'>Участник {i}</p><p>Ответ {i}: уточняйте в МФЦ, "
        "там всё объясняют, а выплату оформляют за неделю, если документы в порядке.</p></div>"
        for i in range(8))
    pager = ("<p class='paging'><span>Страницы</span> <a href='/viewtopic.php?id=77'>1</a> "
             "<strong>2</strong> <a href='/viewtopic.php?id=77&p=3'>3</a></p>")
    page = (f"<html><head><meta charset='utf-8'><title>Выплаты многодетным</title></head><body>"
            f"<h1>Выплаты многодетным</h1>{pager}{posts}{pager}</body></html>").encode()
    url = "http://127.0.0.1:8000/viewtopic.php?id=77&p=2"
    assert "continuation page 2" in (non_article_reason(url, "http://127.0.0.1:8000/", page) or "")
    # a bold number in a text beside a list of numbered links is no pager's current page
    prose = page.replace(b"<a href='/viewtopic.php?id=77'>1</a>", b"<a href='/a'>one</a>")
    assert "continuation" not in (non_article_reason(url, "http://127.0.0.1:8000/", prose) or "")


def test_a_city_adjective_before_a_named_microdistrict_says_whose_city_it_is():
    text = ("Месяц назад в чебоксарском микрорайоне Новый Город открылся семейный МФЦ, где семьи с "
            "детьми оформляют выплаты в одном окне. За месяц сюда обратились 250 человек.")
    assert _regions(text, "Семейный МФЦ открылся в Новом Городе", "RU-TA") == ["RU-CU"]
    # a microdistrict named by a subject's adjective, of a city the text names, is no subject
    named_by_region = ("Центр «Семья» переезжает в новое здание в Тамбовском микрорайоне "
                       "Липецка, на улице Гагарина.")
    assert _regions(named_by_region, "Центр «Семья» переезжает", "RU-LIP") == ["RU-LIP"]


def test_a_date_line_signed_by_a_hyphenated_press_service_is_a_date_line():
    import datetime

    from pipeline.extract.dateline import dateline_date

    now = datetime.datetime(2025, 11, 28, 21, 0, tzinfo=datetime.timezone.utc)
    assert dateline_date("Опубликовано Oct  7, 2025 от Пресс-служба Минтруда", now) == (
        datetime.date(2025, 10, 7))
    # a sentence with a date is still no date line
    assert dateline_date("Приём заявок продлится до 7 октября 2025 года в пресс-службе", now) is None


def test_a_stated_offset_east_or_west_of_the_outlet_is_one_moment_on_the_outlets_own_day():
    import datetime

    from pipeline.extract.dates import find_published

    page = ("<html><head><meta charset='utf-8'></head><body><article><h1>Ночь в кризисной "
            "квартире</h1><time itemprop='datePublished' datetime='2025-11-13T21:30:00+03:00'>13 "
            "ноября 2025</time><p>" + "Пишу с дежурства в кризисной квартире. " * 20 +
            "</p></article></body></html>").encode()
    url = "http://127.0.0.1:8000/2025/11/noch"
    barnaul = datetime.timezone(datetime.timedelta(hours=7))
    in_barnaul = datetime.datetime(2025, 11, 28, 21, 0, tzinfo=barnaul)
    assert find_published(page, url=url, now=in_barnaul)[0] == datetime.date(2025, 11, 14)
    # with no outlet zone known the value is read as written
    assert find_published(page, url=url, now=datetime.datetime(2025, 11, 28, 21, 0))[0] == (
        datetime.date(2025, 11, 13))


def test_a_month_archive_whose_only_other_prose_is_a_side_box_is_a_listing():
    from pipeline.extract.pagetype import non_article_reason

    entries = "".join(
        f"<h3 class='dateheader'>Пятница, {d} Сентябрь</h3><div class='entry'><h2><a "
        f"href='/entry/{400 + d}/post-{d}'>Встреча семей номер {d}</a></h2><p>Следующая встреча "
        f"клуба приёмных родителей пройдёт в субботу, будем говорить о подростках и границах, "
        f"о том, как договариваться о правилах дома и что делать, если ребёнок их нарушает. "
        f"Приходите с детьми: для малышей будет мастер-класс.</p><a class='more' href='/entry/{400 + d}/post-{d}#body'>Читать "
        "дальше »</a></div>" for d in (2, 9, 15, 19, 26))
    comments = "".join(
        f"<div>Участница {i} (Встреча семей…): Спасибо за встречу, было очень тепло и полезно, "
        "придём ещё раз вместе с детьми и бабушкой.</div>" for i in range(4))
    side = ("<div id='sidebar'><h3>Об организации</h3><p>Региональная общественная организация "
            "приёмных семей «Тёплый дом». Поддерживаем приёмные и опекунские семьи области с "
            f"2012 года.</p><h3>Последние комментарии</h3>{comments}</div>")
    page = ("<html><head><meta charset='utf-8'><title>Тёплый дом | Архив Сентябрь 2025</title>"
            "</head><body><h1><a href='/'>Тёплый дом</a></h1><div id='content'><h2 "
            f"class='archiveheader'>Архив: Сентябрь 2025</h2>{entries}</div>{side}</body></html>")
    reason = non_article_reason("http://127.0.0.1:8000/archive/2025-m09", "http://127.0.0.1:8000/",
                                page.encode())
    assert reason is not None and reason.startswith("listing of 5 teasers")


def test_a_give_away_labelled_by_any_first_person_form_of_its_verb_is_no_material():
    from pipeline.extract.pagetype import headline_label

    assert headline_label("Отдадим: детская кроватка и коляска") == "classified"
    assert headline_label("Отдаём в добрые руки: санки") == "classified"
    assert headline_label("Отдал долг: как семья выплатила ипотеку") is None


def test_a_district_commissions_site_named_in_its_tagline_speaks_of_its_region():
    from lxml import html

    from pipeline.extract.siteowner import owner_lines
    from pipeline.tag.home_region import names_a_body

    page = html.fromstring(
        "<html><body><header><a class='logo' href='/'><img alt='Детство под защитой'></a>"
        "<p class='site_slogan'>Комиссия по делам несовершеннолетних и защите их прав "
        "администрации Ленинского района города Ижевска</p></header><main><h1>Заседание</h1>"
        "<p>Текст.</p></main><footer>© 2025 Детство под защитой</footer></body></html>")
    names = owner_lines(page)
    assert any(n.startswith("Комиссия по делам несовершеннолетних") for n in names)
    assert names_a_body(["Детство под защитой", *names])
    # a blog's tagline that names no body leaves it a blog
    blog = html.fromstring("<html><body><p class='site-description'>Заметки о жизни в долине"
                           "</p></body></html>")
    assert not names_a_body(["Уймонские тропы", *owner_lines(blog)])


def test_towns_passed_on_the_road_are_no_subject():
    text = ("Семья Ивановых из нашего села вернулась со всероссийского слёта в Казани. До Бийска "
            "ехали на машине, оттуда поездом через Новосибирск. Деньги на дорогу до Бийска "
            "собрали всем селом, билеты оплатило республиканское министерство.")
    title = "Ивановы вернулись со слёта с дипломом"
    assert "RU-ALT" not in _regions(text, title, "RU-AL")
    assert "RU-NVS" not in _regions(text, title, "RU-AL")
    # a town the text says something happens in is a subject, whatever «до» means
    works = "До конца года в Бийске откроют второй семейный центр, сообщили в администрации."
    assert _regions(works, "Второй семейный центр", "RU-AL") == ["RU-ALT"]


def test_villages_of_the_outlets_area_outweigh_one_passing_town_of_another_subject():
    text = ("Мобильная бригада центра провела выезд в отдалённые населённые пункты округа: "
            "специалисты побывали в посёлке Луговом и селе Никольском. Они навестили одиннадцать "
            "семей, юрист помог маме оформить единое пособие. Следующий выезд — в Талицы.")
    assert _regions(text, "Мобильная бригада побывала в Луговом и Никольском", "RU-MOS") == [
        "RU-MOS"]


def test_guests_from_a_pair_whose_first_place_is_abroad_are_guests_too():
    text = ("На прошлой неделе у нас гостили специалисты органов опеки из Гомеля (Беларусь) и "
            "Салехарда. Гости побывали в кризисной квартире и на занятии школы приёмных "
            "родителей, а потом обсудили с нашими психологами работу горячей линии.")
    title = "Коллеги из Гомеля и Салехарда изучали наш опыт"
    assert "RU-YAN" not in _regions(text, title, "RU-TYU")


def test_a_local_report_naming_a_federal_benefit_once_is_not_national():
    from pipeline.tag.home_region import is_national

    local = ("Рейд «Подросток»: специалисты посетили 46 семей района\n\nС 8 по 11 сентября в "
             "Свердловском и Кировском районах прошёл межведомственный рейд.\n\nСпециалисты "
             "помогли трём мамам собрать документы на единое пособие.")
    assert not is_national(local)
    assert is_national("Единое пособие: что изменится с 1 января\n\nС нового года меняются "
                       "правила.")


def test_a_bodys_own_outing_that_names_the_people_it_serves_only_at_the_end_is_not_its_work():
    from pipeline.tag.own_work import own_work
    from pipeline.tag.run import load_tag_config

    topics = load_tag_config().topics
    names = ["Кризисный центр «Тихая гавань»"]
    outing = ("Одиннадцать сотрудников и волонтёров центра вышли на старт городского полумарафона. "
              "Бежали в фирменных футболках. Лучшее время показал наш бухгалтер. Спасибо всем "
              "мамам и детям, которые болели за нас у финиша.")
    assert own_work(outing, "Наша команда пробежала полумарафон", names, topics) is None
    work = ("К нам обратилась мама с двумя детьми, которой негде ночевать. Центр принял семью в "
            "кризисную квартиру.")
    assert own_work(work, "Мама с детьми нашла приют", names, topics) is not None
