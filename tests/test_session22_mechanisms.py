"""Session 22's general mechanisms, each found on blind sets and written here in other words."""

from __future__ import annotations

from pipeline.tag.regions.gazetteer import find_mentions
from pipeline.tag.run import tag


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


CLUB = (
    "В Калининском районе открылся клуб для приёмных семей. Встречи проходят по субботам, их "
    "ведут психологи районного центра социальной помощи семье и детям.\n\n"
    "На первую встречу пришли девять семей, говорили о подготовке детей к школе. Первое "
    "занятие провела приглашённая гостья, психолог из Ростова-на-Дону."
)


def test_one_place_spelt_with_and_without_yo_is_one_entry_with_all_its_subjects():
    # «Артемовск» (a town of Красноярский край, written without ё) and «Артёмовск» (a town of
    # Донецкая Народная Республика) are two towns of one name: both subjects are candidates.
    (mention,) = find_mentions("Семьи из Артёмовска получили сертификаты.")
    assert {"RU-DPR", "RU-KYA"} <= set(mention.isos)


def test_a_city_district_of_the_outlets_city_is_its_subject_not_a_namesake_district_elsewhere():
    # Калининский район is a district of Донецк and of Горловка, and a municipal district of
    # Тверская область: on a Донецк outlet it is home, though the text names another subject (a
    # guest's city); on a Тверь outlet it is Тверская.
    assert "RU-DPR" in regions_of(CLUB, "Клуб приёмных семей", "RU-DPR")
    assert "RU-TVE" in regions_of(CLUB, "Клуб приёмных семей", "RU-TVE")


def test_the_home_subjects_type_noun_alone_is_the_home_subject():
    # A republic's outlet that never names the republic: «в республике» is its own.
    text = (
        "Парламент принял поправки в закон о поддержке детей-сирот. С 1 января ежемесячное "
        "вознаграждение приёмным родителям вырастет на десять процентов.\n\n"
        "Сейчас в республике две тысячи приёмных и опекунских семей. Пересчёт проведут сами."
    )
    assert regions_of(text, "Вознаграждение приёмным родителям вырастет", "RU-KK") == ["RU-KK"]
    # A field, not the subject: «в области семейной политики»; another's: «в соседней области».
    field = text.replace("в республике", "в области семейной политики работают")
    assert regions_of(field, "Вознаграждение приёмным родителям вырастет", "RU-KEM") == []
    other = text.replace("в республике", "в соседней области")
    assert regions_of(other, "Вознаграждение приёмным родителям вырастет", "RU-KEM") == []


def test_participants_regions_below_the_bar_leave_the_home_subject_its_own_work():
    # The regions listed are only where the conference's participants came from; what the text
    # reports is the outlet's own team's work «в малых городах республики».
    text = (
        "Наш центр представил свою практику на межрегиональной конференции в Ставрополе. Туда "
        "съехались специалисты из Краснодарского края, Адыгеи, Калмыкии, Дагестана и других "
        "регионов юга.\n\n"
        "Мы рассказали о выездной бригаде, которая второй год работает с семьями в малых "
        "городах республики: за год она побывала в ста двадцати семьях."
    )
    assert regions_of(text, "Рассказали о выездной бригаде на конференции", "RU-CE") == ["RU-CE"]


def test_the_outlets_own_people_acting_in_the_lead_keep_their_subject_beside_the_other_side():
    text = (
        "Сегодня наша команда провела видеомост с центром семейного устройства Ульяновской "
        "области. Ульяновские коллеги рассказали, как устроена их школа приёмных родителей, "
        "ульяновские психологи показали свои методики.\n\n"
        "Ульяновская область первой в Поволжье ввела сопровождение выпускников. В декабре мы "
        "ждём ульяновских специалистов на стажировке в Иванове."
    )
    title = "Видеомост с Ульяновской областью"
    assert regions_of(text, title, "RU-IVA") == ["RU-IVA", "RU-ULY"]
    # Told by a third outlet in its own voice, the same text is the other side's only.
    third = text.replace("наша команда", "ивановская команда").replace(" мы ", " в центре ")
    assert regions_of(third, title, "RU-KOS") == ["RU-ULY"]


# --- pages ---------------------------------------------------------------------------------------

from pipeline.extract.pagetype import non_article_reason  # noqa: E402

SERVER = "http://127.0.0.1:8765/"
PARAS = (
    "<p>В областном центре «Семья» открылся клуб для приёмных родителей. Встречи проходят по "
    "средам, их ведут психологи центра и опытные приёмные мамы.</p>"
    "<p>На первую встречу пришли двенадцать семей. Говорили о том, как подготовить ребёнка к "
    "школе и как не выгореть в первый год. Следующая встреча будет посвящена подросткам.</p>"
)


def test_a_landing_page_over_the_headlines_of_its_own_sub_pages_is_a_listing():
    titles = ["Клуб приёмных родителей открылся в центре", "Выплаты многодетным семьям выросли",
              "Школа приёмных родителей набирает группу", "Горячая линия для мам работает",
              "Наставники для выпускников детских домов"]
    links = "".join(f'<li><a href="/wiki/semya/page-{i}">{t}</a></li>' for i, t in enumerate(titles))
    page = (f"<html><body><nav><ul>{links}</ul></nav><main><h1>Семья рядом</h1>"
            f"<p>Здравствуйте! Здесь мы публикуем новости центра и объявления для семей, с "
            f"которыми работаем, и для всех, кому интересна наша работа.</p></main></body></html>")
    assert non_article_reason(f"{SERVER}wiki/semya", SERVER, page.encode()).startswith("listing")
    # A post whose replies live under its address is still the post: their links are ages.
    replies = "".join(f'<a href="/wiki/semya/page-{i}">{i + 2} дня назад</a>' for i in range(6))
    post = f"<html><body><main><h1>Клуб приёмных родителей</h1>{PARAS}</main>{replies}</body></html>"
    assert non_article_reason(f"{SERVER}wiki/semya", SERVER, post.encode()) is None


def test_a_posts_age_linking_to_the_activity_of_its_day_is_no_permalink_elsewhere():
    # Redmine links «добавлено 3 дня назад» to «…/activity?from=2025-11-24»: a day's listing.
    page = f"""<html><body><div id="content"><h2>Клуб приёмных родителей</h2>
<p class="author">Добавлено <a href="/users/5">Анна Смирнова</a>
<a title="24.11.2025 10:15" href="/projects/portal/activity?from=2025-11-24">4 дня</a> назад</p>
<div class="wiki">{PARAS}</div></div></body></html>"""
    assert non_article_reason(f"{SERVER}news/151", SERVER, page.encode()) is None


def test_a_calendar_entry_whose_text_describes_the_event_beside_its_start_is_no_article():
    page = f"""<html><body><main><h1>Встреча клуба приёмных родителей</h1>
<div class="event"><div class="event-start">Начало: <span class="dtstart"
title="2025-11-22T11:00:00+03:00">Сб, 22 ноя 2025 11:00</span></div>
<div class="event-description">{PARAS}</div></div></main></body></html>"""
    assert non_article_reason(f"{SERVER}item/3906", SERVER, page.encode()).startswith("event page")


def test_an_html_fragment_a_page_loads_is_no_page():
    # diaspora*'s «/posts/N/comments.mobile»: the comments under a post, loaded by its page.
    fragment = f'<div class="comments"><div class="ltr">{PARAS}</div></div>'
    url = f"{SERVER}posts/48219/comments.mobile"
    assert non_article_reason(url, SERVER, fragment.encode()).startswith("an HTML fragment")
    # Junk before <html> (a PHP warning, an ad script) leaves a page a page.
    page = f"<br /><b>Deprecated</b>: …<html><body><h1>Клуб</h1>{PARAS}</body></html>"
    assert non_article_reason(f"{SERVER}news/5", SERVER, page.encode()) is None


def test_a_page_whose_crumbs_link_its_title_to_a_shorter_query_is_known_by_that_address():
    from pipeline.extract.canonical import find_canonical

    title = "Многодетным в сёлах бесплатно проведут газ"
    page = (f"<html><head><title>{title} / Новости / Своя семья</title></head><body>"
            f"<ul class='crumbs'><li><a href='index.php'>Главная</a></li>"
            f"<li><a href='viewtopic.php?id=1206'>{title}</a></li></ul>"
            f"<p class='pagelink'><a href='viewtopic.php?id=1206&amp;p=2'>2</a></p>"
            f"<h1>{title}</h1>{PARAS}</body></html>").encode()
    feed_address = f"{SERVER}viewtopic.php?id=1206&action=new"
    assert find_canonical(page, feed_address) == f"{SERVER}viewtopic.php?id=1206"
    # A pager's number or another topic's title never names the page.
    other = page.replace(b"viewtopic.php?id=1206'>", b"viewtopic.php?id=1207'>")
    assert find_canonical(other, feed_address) == f"{SERVER}viewtopic.php?action=new&id=1206"


def test_a_board_of_dated_topics_under_a_standing_notice_is_a_listing():
    rows = "".join(
        f"<tr><td><a href='viewtopic.php?id={n}'>{t}</a> <span>от andrey_74</span></td><td>3</td>"
        f"<td>152</td><td><a href='viewtopic.php?pid={n}0'>2025-11-1{n % 10} 08:20:18</a> "
        f"<span>от Люба_Миасс</span></td></tr>" for n, t in enumerate(
            ["Встреча клуба приёмных семей", "Школа приёмных родителей: новый набор",
             "Выплаты опекунам в новом году", "Летний лагерь для приёмных детей",
             "Куда обратиться за помощью юриста"], start=11))
    page = (f"<html><head><title>Новости / Своя семья</title></head><body>"
            f"<h1><a href='index.php'>Своя семья</a></h1><div id='announce'><p>Регистрация новых "
            f"участников — только после письма администратору, адрес указан в правилах форума. "
            f"Пожалуйста, не публикуйте фамилии и фотографии детей из опеки.</p></div>"
            f"<table><tbody>{rows}</tbody></table></body></html>")
    assert non_article_reason(f"{SERVER}viewforum.php?id=1", SERVER, page.encode()).startswith(
        "listing of 5 dated items")


def test_an_rss_feed_linked_as_a_page_is_no_article():
    feed = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            "<title>Своя семья / Новости</title><item><title>Встреча клуба</title>"
            f"<link>{SERVER}viewtopic.php?id=5</link><description>{PARAS}</description></item>"
            "</channel></rss>")
    url = f"{SERVER}extern.php?action=feed&fid=1&type=rss"
    assert non_article_reason(url, SERVER, feed.encode()).startswith("a feed or sitemap")


def test_a_date_line_that_is_a_relative_age_takes_the_exact_day_its_title_gives():
    import datetime

    from pipeline.extract.dates import find_published

    page = f"""<html><head><title>Кризисная квартира</title></head><body><main>
<h1>В Алчевске открылась кризисная квартира</h1>
<div class="subtitle"><span class="last-edit">Последнее изменение: Анна Кравченко</span> ·
<span class="relative-timestamp" title="3 сентября 2025 г., 10:15">2 месяца назад</span></div>
<div class="text">{PARAS}</div></main></body></html>"""
    night = datetime.datetime(2025, 11, 13, 21, 0)
    assert find_published(page, url=f"{SERVER}p/48213", now=night)[0] == datetime.date(2025, 9, 3)


def test_people_from_the_home_regions_own_towns_are_no_guests_from_elsewhere():
    # A Yakutian crisis centre's summer: its mothers came from the republic's towns. They are
    # where the centre works, not visitors from another subject.
    text = (
        "За лето в кризисном центре пожили четырнадцать мам и двадцать три ребёнка.\n\n"
        "Откуда к нам приезжали: половина мам — из Якутска и пригородов, остальные — из улусов. "
        "Две семьи приехали из Нюрбы, по одной — из Вилюйска и Тикси.\n\n"
        "Все мамы получили помощь психолога и юриста, шесть нашли работу."
    )
    assert regions_of(text, "Лето в кризисном центре", "RU-SA") == ["RU-SA"]


def test_a_demonym_opening_a_headline_is_a_people_not_a_persons_name():
    text = (
        "Итоги окружного этапа конкурса «Семья года» подвели в Хабаровске. Хабаровский край "
        "представит семья Ивановых из Комсомольска-на-Амуре.\n\n"
        "Магаданскую область — Ковалёвы из Сусумана. От нашей республики победила семья "
        "Егоровых из Намцев.\n\nФинал пройдёт в Москве."
    )
    title = "Якутяне, хабаровчане и магаданцы — в финале «Семьи года»"
    assert "RU-SA" in regions_of(text, title, "RU-SA")
