"""Session 21's general mechanisms, each found on blind sets (90–97) and written here in other
words."""

from __future__ import annotations

import datetime
from pathlib import Path

from pipeline.extract.canonical import find_canonical
from pipeline.extract.cascade import extract
from pipeline.extract.localtime import local_time
from pipeline.extract.pagetype import headline_verdict, non_article_reason
from pipeline.tag.run import tag

ROOT = Path(__file__).resolve().parent.parent
SERVER = "http://127.0.0.1:8765/"
TEXT = (
    "В областном центре «Семья» открылся клуб для приёмных родителей. Встречи проходят по средам, "
    "их ведут психологи центра и опытные приёмные мамы.\n\n"
    "На первую встречу пришли двенадцать семей. Говорили о том, как подготовить ребёнка к школе "
    "и как не выгореть в первый год. Следующая встреча — о подростках."
)


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_visible_date_that_is_the_stamps_own_utc_day_does_not_move_it_a_day_back():
    # A blog that prints its dates in UTC, read in UTC+8 on the night of the post: 17:10 UTC is
    # already 01:10 the next day at home; the printed «November 20» is the same instant.
    paras = "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
    page = f"""<html><head><title>Клуб приёмных родителей</title>
<meta property="article:published_time" content="2025-11-20T17:10:00Z"></head><body>
<article><h1>Клуб приёмных родителей</h1>
<time class="dt-published" datetime="2025-11-20T17:10:00Z">November 20, 2025</time>
{paras}</article></body></html>"""
    night = local_time(datetime.datetime(2025, 11, 20, 18, 0, tzinfo=datetime.timezone.utc), "RU-IRK")
    got = extract(page, f"{SERVER}klub-priemnyh-roditeley", crawl_time=night)
    assert got.published == datetime.date(2025, 11, 21)


def paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))


NIGHT = datetime.datetime(2025, 11, 28, 21, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))


def test_a_members_date_in_a_field_of_its_own_is_not_the_posts():
    # A forum's author panel as a definition list: the label and the date in two elements.
    page = f"""<html><head><title>Клуб приёмных родителей открылся</title></head><body>
<h1>Клуб приёмных родителей открылся</h1><table><tr><td class="pls"><div>mama_irina</div>
<dl><dt>Сообщ.</dt><dd>2410</dd><dt>Регистрация</dt><dd>2016-4-2</dd></dl></td>
<td class="plc"><div>Опубликовано 2025-10-14 08:40</div>{paragraphs()}</td></tr></table></body></html>"""
    got = extract(page, f"{SERVER}forum.php?mod=viewthread&tid=31", crawl_time=NIGHT)
    assert got.published == datetime.date(2025, 10, 14)


def photo_post(own: str, reply_href: str) -> str:
    lines = "<br />\n".join(["Клуб приёмных родителей открылся", *TEXT.split("\n\n")])
    return f"""<html><head><title>Центр «Семья» (@centr_semya): «Клуб приёмных родителей открылся» • Фото</title>
<meta property="og:title" content="Центр «Семья» (@centr_semya)"></head><body><div class="status">
<div class="col-md-8"><img src="/m/1.jpg"></div><div class="col-md-4"><div class="card-body comments">
<div class="caption"><p><span><a href="/centr_semya">centr_semya</a></span><span class="comment-text">{lines}</span></p></div>
<div class="comments"><p><span><a href="/olga">olga</a></span><span class="comment-text">Ура! Так рада!</span>
<a href="{reply_href}" class="text-muted small"><time datetime="2025-10-23T11:10:00.000000Z">1 месяц назад</time></a></p></div></div>
<div class="timestamp"><a href="{own}" class="small text-muted"><time datetime="2025-10-22T15:10:00.000000Z">1 месяц назад</time></a></div>
</div></div></body></html>"""


def test_a_photo_posts_replies_with_their_own_times_leave_it_the_accounts_post():
    url = f"{SERVER}p/centr_semya/7001"
    page = photo_post("/p/centr_semya/7001", "/p/olga/7002")
    assert non_article_reason(url, SERVER, page.encode()) is None
    got = extract(page, url, crawl_time=NIGHT)
    assert got.published == datetime.date(2025, 10, 22)  # its own permalink's time, not the reply's
    assert got.title == "Клуб приёмных родителей открылся"
    assert got.text.startswith("Клуб приёмных родителей открылся")


def test_a_comments_page_showing_its_thread_is_no_article_and_the_thread_is():
    def page(here: str) -> bytes:
        return f"""<html><head><meta property="og:url" content="/display/4762" /></head><body>
<div class="thread"><div class="wall-item"><div class="media"><h4><a href="/profile/mamindom">Мамин дом</a></h4>
<a href="/display/4762"><time class="time" datetime="2025-09-02T07:15:00+00:00">2 мес. назад</time></a></div>
<div class="wall-item-body">{paragraphs()}</div>
<div class="comment"><div class="media"><a href="/profile/olga">Ольга</a>
<a href="/display/6421"><time class="time" datetime="2025-09-02T14:15:00+00:00">2 мес. назад</time></a></div>
<div class="comment-body">Какие вы молодцы, так держать и удачи вам во всём!</div></div></div></div></body></html>""".encode()

    assert non_article_reason(f"{SERVER}display/6421", SERVER, page("6421")) is not None
    assert non_article_reason(f"{SERVER}display/4762", SERVER, page("4762")) is None


def test_a_canonical_naming_the_sites_root_is_no_pages_address():
    root = b'<html><head><link rel="canonical" href="/"></head></html>'
    assert find_canonical(root, f"{SERVER}news/klub") == f"{SERVER}news/klub"


def group_topic(shown: str) -> str:
    return f"""<html><head><title>Фонд «Семья» | Помощь семьям</title></head><body>
<h1 class="group-name">Фонд «Семья» | Помощь семьям</h1><div class="topic"><div class="mlr_top">
<a class="o" href="/group/7000">Фонд «Семья» | Помощь семьям</a> <span class="info_date">{shown}</span></div>
<div class="media-text">{paragraphs()}</div></div></body></html>"""


def test_a_date_field_beside_the_linked_group_name_dates_the_topic():
    night1 = datetime.datetime(2025, 11, 13, 21, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    got = extract(group_topic("вчера 18:30"), f"{SERVER}group/7000/topic/15", crawl_time=night1)
    assert got.published == datetime.date(2025, 11, 12)
    got = extract(group_topic("10:15"), f"{SERVER}group/7000/topic/16", crawl_time=night1)
    assert got.published == datetime.date(2025, 11, 13)  # a time alone in a date field: today


def test_an_update_line_of_a_blogs_postcard_is_not_its_date():
    page = f"""<html><head><title>Клуб приёмных родителей</title></head><body><div class="body">
<section><h1>Клуб приёмных родителей</h1>{paragraphs()}</section></div>
<div class="sidebar"><div class="postcard"><h2><span>08 October 2025</span></h2><ul>
<li id="published"><span>Обновить:</span> 20 October 2025</li><li><span>Автор:</span>
<a href="/author/press.html">Пресс-служба</a></li></ul></div></div></body></html>"""
    got = extract(page, f"{SERVER}blog/2025/klub.html", crawl_time=NIGHT)
    assert got.published == datetime.date(2025, 10, 8)


def test_a_poll_a_vacancy_and_a_greeting_are_no_materials_by_their_headlines():
    assert headline_verdict("📊 Опрос: когда вам удобнее приходить на консультации?", 300)
    assert headline_verdict("Опрос: каждая третья семья хочет больше выплат", 300) is None
    assert headline_verdict("Вакансия: ищем психолога в команду", 300)
    assert headline_verdict("С Днём отца, дорогие папы!", 300)
    assert headline_verdict("С Днём матери поздравили многодетных мам", 300) is None


def test_where_the_home_regions_people_went_to_train_is_only_a_venue_in_the_headline_too():
    title = "Специалисты опеки прошли стажировку в Казани"
    text = (
        "Девять специалистов отделов опеки из Дзержинска, Арзамаса и Выксы прошли недельную "
        "стажировку в Казани на базе республиканского ресурсного центра.\n\n"
        "Стажёры изучили, как в Казани устроено сопровождение семей с подростками. По итогам "
        "Арзамас и Выкса первыми опробуют новую модель с февраля, затем — Дзержинск.\n\n"
        "«Многое можно делать без больших денег», — поделилась специалист опеки Арзамаса."
    )
    assert regions_of(text, title, "RU-NIZ") == ["RU-NIZ"]


def test_the_guests_region_named_again_by_its_demonym_is_the_guests():
    title = "Неделю у нас учились коллеги из Курска"
    text = (
        "Всю неделю в нашем центре работали гости — три специалиста курской службы "
        "сопровождения приёмных семей. Они приехали посмотреть, как устроена наша кризисная "
        "квартира.\n\n"
        "Куряне пятнадцать лет сопровождают приёмные семьи и рассказали много полезного о "
        "работе с подростками. Наши психологи записали несколько приёмов."
    )
    assert "RU-KRS" not in regions_of(text, title, "RU-BEL")


def test_a_guest_team_the_headline_names_by_its_regions_adjective_is_the_texts_invited_guests():
    title = "Тверские психологи провели семинар для специалистов опеки в Великих Луках"
    text = (
        "В Великих Луках два дня работал семинар для специалистов опеки и социальных работников. "
        "Провели его приглашённые эксперты из Твери — сотрудники благотворительного фонда.\n\n"
        "Тверские коллеги разбирали реальные случаи и показывали инструменты оценки семьи."
    )
    assert regions_of(text, title, "RU-PSK") == ["RU-PSK"]


def test_the_regions_a_region_is_measured_against_are_not_its_subjects():
    title = "Семейный центр открылся в Кирове"
    text = (
        "В Кирове открылся семейный центр, где семьи с детьми получат все меры поддержки в "
        "одном окне.\n\n"
        "По числу семей, получающих единое пособие, Кировская область опережает соседние "
        "Удмуртию и Коми. Поэтому такие центры появятся ещё в трёх городах."
    )
    assert regions_of(text, title, "RU-KIR") == ["RU-KIR"]


def test_winners_told_clause_by_clause_count_from_two():
    title = "Мы выиграли грант на работу в роддомах"
    text = (
        "Фонд подвёл итоги конкурса проектов по профилактике отказов от новорождённых. Наш "
        "проект получил поддержку, и теперь мы сможем работать в роддомах Тулы и Новомосковска.\n\n"
        "Среди победителей конкурса есть и наши соседи: орловский фонд «Берег» получит деньги "
        "на кризисную квартиру, а калужский центр «Опора» — на службу сопровождения мам.\n\n"
        "Старт проекта — 1 декабря."
    )
    assert regions_of(text, title, "RU-TUL") == ["RU-KLU", "RU-ORL", "RU-TUL"]


def test_a_classified_ads_opening_verb_and_a_long_label_before_the_colon_name_the_page():
    assert headline_verdict("Отдам даром детскую кроватку (Стаханов)", 300)
    assert headline_verdict("Прямой эфир ко Дню матери: вопросы юристу и психологу", 300)
    assert headline_verdict("Розыгрыш квартир для многодетных прошёл в Туле", 300) is None
    assert headline_verdict("В Туле отдали даром сто колясок", 300) is None


def test_a_relative_age_abbreviated_dates_the_post():
    night1 = datetime.datetime(2025, 11, 13, 21, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    page = f"""<html><head><title>Была на форуме приёмных семей</title></head><body>
<h1>Была на форуме приёмных семей</h1><div class="authi"><em>Опубликовано
<span title="2025-11-8 18:30">5&nbsp;дн. назад</span></em></div><div class="t_f">{paragraphs()}</div>
</body></html>"""
    got = extract(page, f"{SERVER}forum.php?mod=viewthread&tid=2778", crawl_time=night1)
    assert got.published == datetime.date(2025, 11, 8)


def test_one_word_beside_a_notes_time_does_not_make_it_a_reply():
    # A repost's page: the note's header «Ольга поделилась» and its time link to the note's own
    # page, the repost's own permalink below. One word is no reply's text.
    url = f"{SERVER}p/centr_semya/7003"
    page = f"""<html><head><title>Центр «Семья»</title></head><body><div class="status">
<div class="note"><div class="head"><a href="/olga">Ольга</a> поделилась
<a href="/p/olga/7002"><time datetime="2025-10-22T15:10:00Z">1 месяц назад</time></a></div>
<div class="text">{paragraphs()}</div></div>
<div class="timestamp"><a href="/p/centr_semya/7003"><time datetime="2025-10-23T09:00:00Z">1 месяц назад</time></a></div>
</div></body></html>"""
    assert non_article_reason(url, SERVER, page.encode()) is not None


def test_a_day_after_the_outlets_today_is_an_events_not_a_publications():
    # Set 37's event page (scored long ago): its only day, the event's, read by htmldate on the
    # eve of the event.
    page = (ROOT / "eval" / "blind_outlets37" / "sites" / "kgd" / "public" / "sobytiya"
            / "vstrecha-priemnyh-semey-noyabr.html").read_text(encoding="utf-8")
    got = extract(page, f"{SERVER}sobytiya/vstrecha", crawl_time=NIGHT)  # 28 ноября, 21:00
    assert got.published is None
