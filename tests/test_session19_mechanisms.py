"""Session 19's general mechanisms, each found on blind sets (73, 78, 84, 85 and others) and
written here in other words: a stay away from home (a camp, a sanatorium, a holiday base) is a
venue, «под» a city as well as «в» it, and a subject named right after a venue as where it is;
an interregional event the outlet's region hosts is its own news unless the headline is about
another region's doing there."""

from __future__ import annotations

from pipeline.tag.run import tag


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_camp_near_a_city_of_another_region_is_where_the_home_childrens_stay_was():
    title = "Приёмные дети области отдохнули в лагере под Саратовом"
    text = (
        "Двадцать ребят из приёмных семей Кузнецка и Заречного провели две недели в детском "
        "лагере «Звёздный» под Саратовом. Путёвки оплатил областной минсоцразвития.\n\n"
        "Вожатые занимались с детьми театром и спортом, психолог фонда провёл тренинги. "
        "«Сын вернулся другим человеком», — рассказала приёмная мама из Заречного."
    )
    assert regions_of(text, title, "RU-PNZ") == ["RU-PNZ"]


def test_a_subject_named_right_after_a_venue_as_where_it_lies_is_a_venue_too():
    title = "Многодетные семьи Димитровграда провели каникулы в санатории"
    text = (
        "Двенадцать многодетных семей из Димитровграда провели осенние каникулы в санатории "
        "«Волжские дали» в Ставропольском районе соседней Самарской области. Поездку оплатил "
        "городской фонд поддержки семьи.\n\n"
        "Дети плавали в бассейне, родители занимались с психологом. Фонд обещает повторить "
        "поездку весной."
    )
    assert regions_of(text, title, "RU-ULY") == ["RU-ULY"]


def test_an_interregional_gathering_the_outlets_region_hosts_is_its_own_news():
    title = "Вернулись с межрегионального слёта приёмных семей"
    text = (
        "Межрегиональный слёт приёмных семей Северо-Запада прошёл в Вологде на турбазе. "
        "Приехали семьи из Карелии и Архангельской области, всего девяносто человек.\n\n"
        "Слёт организовали ресурсный центр «Семья» и наш клуб. Дети соревновались в эстафетах, "
        "взрослые обсуждали, как готовить подростков к самостоятельной жизни."
    )
    assert "RU-VLG" in regions_of(text, title, "RU-VLG")


def test_another_regions_work_shown_at_a_national_forum_the_outlets_city_hosts_is_its_news():
    title = "Томский опыт семейного наставничества отметили на всероссийском форуме"
    text = (
        "Специалисты департамента социальной защиты Томской области рассказали на всероссийском "
        "форуме «Семья и дети» в Новосибирске о программе наставничества для выпускников "
        "детских домов.\n\n"
        "За три года в Томской области наставников получили 140 выпускников. Программу "
        "рекомендовали другим регионам."
    )
    assert regions_of(text, title, "RU-NVS") == ["RU-TOM"]


def test_members_agreeing_on_a_summer_camp_together_still_each_take_part():
    title = "Фонды трёх республик договорились о совместной смене для приёмных детей"
    text = (
        "Руководители фондов Хакасии, Тувы и Бурятии подписали соглашение о совместной летней "
        "смене для детей из приёмных семей. Каждая республика направит по двадцать ребят.\n\n"
        "Первая смена пройдёт в июле."
    )
    assert regions_of(text, title, "RU-KK") == ["RU-BU", "RU-KK", "RU-TY"]


# --- session 19, round 86–89 (and set 84's Dreamwidth date) ---------------------------------

import datetime  # noqa: E402

from pipeline.extract.cascade import extract  # noqa: E402
from pipeline.extract.date_expressions import find_dates  # noqa: E402
from pipeline.extract.pagestructure import analyse, parse  # noqa: E402
from pipeline.extract.pagetype import judge  # noqa: E402
from spiders.discovery import classify_links  # noqa: E402

SERVER = "http://127.0.0.1:8009/"


def test_an_english_date_with_an_ordinal_day_is_read():
    now = datetime.datetime(2025, 12, 1)
    assert [d for d, _, _ in find_dates("Oct. 2nd, 2025 11:15 am", now=now)] == [
        datetime.date(2025, 10, 2)]
    assert [d for d, _, _ in find_dates("posted 21st of September 2025", now=now)] == [
        datetime.date(2025, 9, 21)]
    assert find_dates("3rd floor, 2025 rooms", now=now) == []


def _note(note_id: str, account: str, name: str, text: str, when: str = "2025-11-03T09:00:00Z") -> str:
    return (f'<article class="note" data-id="{note_id}"><header><a href="/@{account}">{name}</a> '
            f'<a href="/notes/{note_id}" class="permalink"><time datetime="{when}">3д</time></a>'
            f'</header><div class="body"><p>{text}</p></div></article>')


TIMELINE = """<html><head><title>Семьи Тулы</title></head><body><nav><a href="/explore">Обзор</a>
<a href="/about">О сервере</a></nav><main>{notes}</main>
<a class="more" href="/@semyi71?untilId=qqq">Ещё</a></body></html>"""

LONG = ("В Новомосковске открылся клуб приёмных семей. Первая встреча прошла в субботу в "
        "библиотеке, пришли двенадцать семей с детьми, говорили о школе и о подростках. "
        "Следующая встреча назначена на декабрь, приглашаем всех, кто воспитывает приёмных детей.")


def test_a_posts_time_links_its_page_and_the_timeline_account_is_the_outlets_own():
    notes = "".join(_note(f"ab{k}cd", "semyi71", "Семьи Тулы", LONG) for k in "xyzw")
    links = classify_links(TIMELINE.format(notes=notes), SERVER, SERVER)
    assert {f"{SERVER}notes/ab{k}cd" for k in "xyzw"} <= set(links.articles)
    assert f"{SERVER}@semyi71" in links.sections


PAGE = """<html><head><title>{title} | Семьи Тулы</title>
<meta property="og:site_name" content="Семьи Тулы"><meta property="og:type" content="article">
<meta property="og:title" content="{title}"></head><body><main>{main}</main></body></html>"""


def test_a_microblog_post_titled_by_its_account_takes_its_first_line_as_headline():
    main = _note("abxcd", "semyi71", "Семьи Тулы",
                 "<b>В Новомосковске открылся клуб приёмных семей</b><br><br>" + LONG)
    page = PAGE.format(title="Семьи Тулы (@semyi71)", main=main).encode()
    got = extract(page, f"{SERVER}notes/abxcd")
    assert got.title == "В Новомосковске открылся клуб приёмных семей"


def test_a_repost_page_showing_another_accounts_post_is_no_article_a_quote_under_a_post_is():
    original = _note("orig1", "mama_tula", "Мама из Тулы", LONG)
    repost = (f'<div class="renote"><p>🔁 <a href="/@semyi71">Семьи Тулы</a> сделал(а) репост '
              f'<a href="/notes/rn001"><time datetime="2025-11-04T09:00:00Z">4д</time></a></p>'
              f'{original}</div>')
    page = PAGE.format(title="Семьи Тулы (@semyi71)", main=repost).encode()
    assert judge(analyse(parse(page), f"{SERVER}notes/rn001")).kind == "not"
    own = ("Подводим итоги месяца: клуб приёмных семей в Новомосковске собирался четыре раза, "
           "пришли уже двадцать семей, волонтёры провели занятия для подростков и мастер-класс "
           "для мам, а юрист ответил на вопросы о выплатах опекунам.")
    quote = _note("qt001", "semyi71", "Семьи Тулы", own).replace(
        "</div></article>", f'</div><div class="quote">{original}</div></article>')
    page = PAGE.format(title="Семьи Тулы (@semyi71)", main=quote).encode()
    assert judge(analyse(parse(page), f"{SERVER}notes/qt001")).kind == "article"


def test_a_street_named_by_its_adjective_alone_is_no_region():
    title = "Пункт проката детских вещей работает уже месяц"
    text = ("Пункт проката на Московской за месяц выдал семьям сорок колясок и автокресел. "
            "Работаем по вторникам и субботам.\n\nСпасибо всем, кто принёс вещи.")
    assert "RU-MOW" not in regions_of(text, title, "RU-KLU")


def test_a_district_of_moscow_named_in_another_regions_outlet_counts_only_with_moscow_named():
    title = "В Левобережном районе открылся клуб для подростков"
    text = ("В Левобережном районе в библиотеке открылся клуб для подростков из приёмных семей. "
            "Собираются по субботам.\n\nЗанятия ведут студенты педагогического университета.")
    assert "RU-MOW" not in regions_of(text, title, "RU-LIP")
    assert "RU-MOW" in regions_of(text, title, "RU-MOW")


# --- session 19: sets 82, 83 and 86's misses ------------------------------------------------

from pipeline.extract.dates import find_published  # noqa: E402
from pipeline.extract.pagetype import non_article_reason  # noqa: E402


def test_a_script_mapping_the_sites_pages_by_their_days_dates_no_page():
    days = ", ".join(f'"news_2025-0{m}-1{m}-item.md": "a{m}"' for m in range(3, 8))
    page = (f"<html><head><title>Карта служб | Центр</title></head><body><h1>Карта служб</h1>"
            f"<ul><li>Тула — центр</li><li>Алексин — отделение</li></ul>"
            f"<script>window.__MAP__=JSON.parse('{{{days}}}')</script></body></html>")
    published, _ = find_published(page, url=f"{SERVER}karta.html",
                                  now=datetime.datetime(2025, 11, 28))
    assert published is None


def test_an_address_that_is_only_a_date_is_that_dates_archive_and_a_faq_a_service_page():
    page = b"<html><body><h1>Archives: November 2025</h1><p>" + LONG.encode() + b"</p></body></html>"
    for path in ("2025/11/", "2025/11/13/", "archive/2025/11"):
        reason = non_article_reason(f"{SERVER}{path}", SERVER, page)
        assert reason is not None and reason.startswith("listing of")
    assert non_article_reason(f"{SERVER}2025/11/13/klub-priemnyh-semey/", SERVER, page) is None
    assert non_article_reason(f"{SERVER}voprosy-i-otvety", SERVER, page) is not None


def test_a_credit_closing_a_paragraph_and_a_forums_suggested_topics_name_no_region():
    title = "Статистика по сиротам за полугодие (копирую целиком)"
    text = ("- Минпросвещения опубликовало данные о детях, оставшихся без попечения родителей: в "
            "банке данных около 32 тысяч анкет, каждый год в семьи уходит больше детей, чем "
            "выявляется новых. Источник: Дзен-канал «Ямал: семейный канал», 11 ноября.\n\n"
            "- Спасибо, интересно было бы увидеть такие же цифры по нашей области.\n\n"
            "Предлагаемые темы\n\n"
            "- Телемост Липецк — Салехард: как прошла встреча с приёмными семьями Ямала")
    assert "RU-YAN" not in regions_of(text, title, "RU-LIP")


def test_one_person_who_came_on_a_visit_is_a_guest_in_the_text_and_in_the_headline():
    title = "Писательница из Казани встретилась с приёмными родителями Ижевска"
    text = ("В гости к клубу приёмных семей приезжала казанская писательница Алсу Гарипова, автор "
            "книги о том, как её семья взяла трёх братьев.\n\n"
            "Родители из Ижевска и Сарапула расспрашивали её о первых месяцах жизни с детьми. "
            "Клуб собирается каждую субботу в Ижевске.")
    assert regions_of(text, title, "RU-UD") == ["RU-UD"]


def test_a_camps_region_whose_own_people_run_the_stay_is_no_mere_venue():
    title = "Дети из Кузнецка отправились на отдых в Саратовскую область"
    text = ("Сорок ребят из Кузнецка и Заречного улетели на осеннюю смену в Саратовскую область. "
            "Их принимает лагерь «Дубки», программу подготовили саратовские педагоги и психологи."
            "\n\nДетей сопровождают два волонтёра фонда.")
    assert regions_of(text, title, "RU-PNZ") == ["RU-PNZ", "RU-SAR"]


def test_a_posts_number_that_reads_like_a_year_is_no_archive_and_a_date_links_to_its_day():
    page = b"<html><body><h1>Archives</h1><p>" + LONG.encode() + b"</p></body></html>"
    assert non_article_reason(f"{SERVER}1927", SERVER, page) is None
    dated = (f'<article><header><h1>Клуб приёмных семей</h1><a href="/date/2025/11/03/">'
             f'<time datetime="2025-11-03">3 ноября 2025</time></a></header>'
             f'<div class="body"><p>{LONG}</p></div></article>')
    page = PAGE.format(title="Клуб приёмных семей", main=dated).encode()
    assert judge(analyse(parse(page), f"{SERVER}88298335/klub-priemnyh-semey")).kind == "article"
