"""Session 20's general mechanisms, each found on blind sets (84, 86, 88, 89) and written here in
other words: a text that counts the regions it is about («семей трёх областей») and names exactly
that many means each; a town's name after «на» is a part of a city, not the town; a town named
with the district it lies in is that district's subject's; people named by their region's
adjective who came to learn are guests, and so is the leader «одного из» another region's bodies
when the headline already names her as a guest."""

from __future__ import annotations

from pipeline.tag.run import tag


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_text_counting_the_regions_it_names_is_about_each_of_them():
    title = "Единая горячая линия для опекунов трёх областей заработала с понедельника"
    text = (
        "С понедельника опекуны и приёмные родители трёх соседних областей могут звонить на "
        "одну горячую линию. Договорились об этом ещё летом на встрече в Брянске.\n\n"
        "Смоленские психологи дежурят по будням, брянские юристы отвечают на письма, а в "
        "Калужской области взяли на себя выходные. Звонок бесплатный."
    )
    assert regions_of(text, title, "RU-SMO") == ["RU-BRY", "RU-KLU", "RU-SMO"]


def test_a_count_that_does_not_match_the_regions_named_changes_nothing():
    title = "Опыт двух регионов обсудили в Смоленске"
    text = (
        "В Смоленске прошёл семинар для специалистов опеки. Гости из Брянской, Калужской и "
        "Тверской областей рассказали, как устроено сопровождение приёмных семей у них.\n\n"
        "Смоленские специалисты задали много вопросов."
    )
    assert regions_of(text, title, "RU-SMO") == ["RU-SMO"]


def test_counted_regions_whose_people_came_to_learn_at_the_home_centre_are_its_guests():
    title = "Специалисты трёх регионов прошли стажировку в Калуге"
    text = (
        "На базе областного центра «Семья» завершилась стажировка по технологии семейного "
        "кураторства. Центр уже три года учит ей педагогов детских садов и школ.\n\n"
        "В стажировке приняли участие специалисты из Брянской и Смоленской областей, а также из "
        "районов Калужской области. Участники побывали на консультациях кураторов и получили "
        "методические комплекты."
    )
    assert regions_of(text, title, "RU-KLU") == ["RU-KLU"]


def test_a_towns_name_after_na_is_a_part_of_the_home_city():
    title = "На Соколе открылась семейная гостиная"
    text = (
        "У нас на Соколе при библиотеке открылась семейная гостиная для приёмных родителей. "
        "Встречи по средам, ведёт психолог областного центра.\n\n"
        "Кто живёт не на Соколе, а в Левобережном районе, — можно доехать на 12-м автобусе."
    )
    assert regions_of(text, title, "RU-LIP") == ["RU-LIP"]


def test_a_town_named_with_its_district_belongs_to_the_districts_region():
    title = "Находка, Тазовский район: школа получит спутниковую связь"
    text = (
        "В Находке живут около тысячи человек, в основном оленеводы и рыбаки. В школе-интернате "
        "учатся сорок детей, из них девять — из приёмных семей.\n\n"
        "Районная администрация обещает к весне поставить в Находке спутниковую станцию."
    )
    assert regions_of(text, title, "RU-YAN") == ["RU-YAN"]


def test_specialists_named_by_their_regions_adjective_who_came_to_learn_are_guests():
    title = "Опыт Коломны по сопровождению выпускников изучили тульские специалисты"
    text = (
        "В Коломенском центре сопровождения выпускников детских домов сейчас 60 подопечных. "
        "Каждого первые три года ведёт наставник.\n\n"
        "Посмотреть, как это устроено, приехала делегация из Тульской области. Гости побывали "
        "на занятиях и в тренировочной квартире."
    )
    assert regions_of(text, title, "RU-MOS") == ["RU-MOS"]


def test_the_headlines_guest_is_the_leader_of_one_of_another_regions_bodies():
    title = "К нам приезжала эксперт казанского кризисного центра"
    text = (
        "В пятницу у нас в гостях была Марина Ильина — руководитель службы одного из крупнейших "
        "казанских кризисных центров для женщин. Она провела для кураторов «Маминого дома» и "
        "специалистов ульяновских социальных учреждений семинар о работе с пострадавшими от "
        "насилия.\n\n"
        "Спасибо Марине, что нашла время приехать в Ульяновск."
    )
    assert regions_of(text, title, "RU-ULY") == ["RU-ULY"]


# --- the pages: set 89's talk-show episodes ---------------------------------------------------

from pipeline.extract.pagetype import non_article_reason  # noqa: E402

SERVER = "http://127.0.0.1:8089/"
PLAYER = '<div class="player"><video src="/v/1.mp4"></video></div>'


def _video_page(headline: str, text: str) -> bytes:
    return (f"<html><head><title>{headline} — Радио «Семья»</title></head><body>"
            f"<nav><a href='/'>Главная</a> <a href='/podcasts'>Подкасты</a></nav>"
            f"<main><h1>{headline}</h1><p>Вышел в эфир 8 ноября</p>{PLAYER}<p>{text}</p></main>"
            f"</body></html>").encode()


def test_an_episodes_page_with_its_description_only_is_no_article_news_of_it_is():
    short = ("Как поделить домашние дела между детьми разного возраста. В студии — приёмные "
             "родители из Мытищ и семейный психолог.")
    episode = _video_page("«Разговоры на кухне». Выпуск №14", short)
    assert non_article_reason(f"{SERVER}podcasts/razgovory-14", SERVER, episode) is not None
    news = " ".join([
        "В Мытищах открылся клуб для приёмных родителей. Встречи проходят по субботам в",
        "библиотеке на Новомытищинском проспекте, их ведёт психолог областного центра.",
        "На первую встречу пришли двенадцать семей. Клуб бесплатный, записываться не нужно.",
        "Организаторы обещают, что в декабре к встречам присоединится юрист, а дети смогут",
        "заниматься в соседнем зале с волонтёрами педагогического университета.",
    ])
    story = _video_page("В Мытищах открылся клуб для приёмных родителей", short + " " + news)
    assert non_article_reason(f"{SERVER}video/klub-mytishchi", SERVER, story) is None


# --- sets 90-93's misses, read after their first look ------------------------------------------

import datetime  # noqa: E402

from pipeline.extract.cascade import extract  # noqa: E402
from pipeline.extract.pagetype import headline_label, headline_verdict  # noqa: E402
from spiders.discovery import classify_links  # noqa: E402

NOW = datetime.datetime(2025, 11, 28, 18, tzinfo=datetime.timezone.utc)
TEXT = ("В Новомосковске открылся клуб приёмных семей. Первая встреча прошла в субботу в "
        "библиотеке, пришли двенадцать семей с детьми, говорили о школе и о подростках. "
        "Следующая встреча назначена на декабрь, приглашаем всех, кто воспитывает приёмных детей.")


def test_a_timeline_posts_time_classed_link_below_a_profile_is_an_article_link():
    posts = "".join(
        f'<div class="post"><a class="author" href="/profile/semyi.example.social">Семьи Тулы</a> · '
        f'<a class="post-time" href="/profile/semyi.example.social/post/3m{k}xyzq223" '
        f'title="2 ноября 2025 г. в 05:00">3 д.</a><div class="post-text">{TEXT}</div></div>'
        for k in "abcd")
    page = (f"<html><body><nav><a href='/search'>Поиск</a></nav><main>{posts}</main>"
            f"<a href='/profile/semyi.example.social?cursor=2025-11-01'>Ещё</a></body></html>")
    links = classify_links(page, f"{SERVER}profile/semyi.example.social", SERVER)
    assert {f"{SERVER}profile/semyi.example.social/post/3m{k}xyzq223" for k in "abcd"} <= set(
        links.articles)
    assert f"{SERVER}profile/semyi.example.social" not in links.articles


def test_a_threads_first_post_above_its_date_is_the_headline_its_title_piece_names():
    page = f"""<html><head><title>Семьи Тулы: «В Новомосковске открылся клуб приёмных семей 🧵» — Reader</title>
<meta property="og:title" content="Семьи Тулы (@semyi.example.social)"></head><body><main>
<article class="post"><div class="meta"><span class="name">Семьи Тулы</span></div>
<div class="post-text">В Новомосковске открылся клуб приёмных семей 🧵</div>
<div class="post-date"><time datetime="2025-11-08T08:00:00.000Z">8 ноября 2025 г. в 08:00</time></div></article>
<article class="post"><div class="post-text">{TEXT}</div></article></main></body></html>"""
    got = extract(page, f"{SERVER}profile/semyi.example.social/post/3maxyzq223", crawl_time=NOW)
    assert got.title == "В Новомосковске открылся клуб приёмных семей"


def test_a_forum_members_registration_date_is_not_the_posts():
    page = f"""<html><head><title>В Новомосковске открылся клуб приёмных семей</title></head><body>
<h1>В Новомосковске открылся клуб приёмных семей</h1><div class="post">
<div class="post_author"><strong>Ольга_модератор</strong> Супермодератор Сообщений: 4812 Тем: 640
Регистрация: 14.03.2012 Откуда: Тула</div>
<div class="post_head">#1 02.09.2025, 09:40</div><div class="post_body">{TEXT}</div></div></body></html>"""
    got = extract(page, f"{SERVER}Thread-V-Novomoskovske-otkrylsya-klub", crawl_time=NOW)
    assert got.published == datetime.date(2025, 9, 2)


def test_a_video_pages_upload_date_is_its_publication_over_a_relative_age():
    page = f"""<html><head><title>Клуб приёмных семей — Семья ТВ</title>
<script type="application/ld+json">{{"@context": "http://schema.org", "@type": "VideoObject",
"name": "Клуб приёмных семей", "uploadDate": "2025-10-07T09:00:00.000Z"}}</script></head><body>
<h1>Клуб приёмных семей</h1><div class="date"><span title="7 окт. 2025 г., 14:00:00">1 месяц назад</span></div>
<div class="description">{TEXT}</div></body></html>"""
    got = extract(page, f"{SERVER}w/2MZqydd4VmzfzeaTD9fWkL", crawl_time=NOW)
    assert got.published == datetime.date(2025, 10, 7)


def test_an_episode_named_after_a_comma_and_in_a_blogs_h2_is_no_article():
    page = ("<html><body><h2>Подкаст «Семейные истории», выпуск 7: приёмные папы</h2>"
            "<p>Слушайте новый выпуск. Гость — приёмный папа из Алексина.</p></body></html>")
    assert non_article_reason(f"{SERVER}podkast-vypusk-7", SERVER, page.encode()) is not None


def test_a_headline_opening_with_a_label_of_a_give_away_an_announcement_or_a_guide():
    assert headline_label("Розыгрыш: три книги для приёмных родителей") == "classified"
    assert headline_label("Отдам даром — коляска-трость, Бибирево") == "classified"
    assert headline_label("Анонс: встреча клуба 5 ноября") == "event page"
    assert headline_label("Памятка: какие документы нужны для опеки") == "guide"
    assert headline_label("Внимание: в Соломбале отключат горячую воду") is None
    assert headline_label("Школа приёмных родителей: набор открыт") is None


def test_two_districts_named_by_adjectives_sharing_one_word_are_no_regions():
    title = "Ивановский и Тамбовский округа дадут дома приёмным семьям"
    text = ("Два сельских округа Приамурья — Ивановский и Тамбовский — первыми в области решили "
            "давать приёмным семьям с пятью детьми дома в пользование. В Ивановке отремонтировали "
            "два дома.")
    assert not {"RU-IVA", "RU-TAM"} & set(regions_of(text, title, "RU-AMU"))


def test_people_the_text_calls_guests_are_guests_whatever_they_presented():
    title = "Встреча клуба: тренинг о разговоре с ребёнком о кровной семье"
    text = ("В субботу на встрече клуба приёмных родителей в Туле у нас были гости: два психолога "
            "калужского центра «Согласие» провели тренинг о разговоре с ребёнком о кровной семье.\n\n"
            "Пришли 23 человека. Следующая встреча — 15 ноября.")
    assert regions_of(text, title, "RU-TUL") == ["RU-TUL"]


def test_a_guest_named_by_her_body_and_born_elsewhere_is_a_guest_in_the_headline_too():
    title = "Психолог московского фонда провела супервизию для кураторов школы"
    text = ("На прошлой неделе у нас в гостях была Наталья Лапина, руководитель психологической "
            "службы московского фонда «Дом на берегу». Она родом из Екатеринбурга, двадцать лет "
            "работает с приёмными семьями. В Гатчину она приехала по нашему приглашению.\n\n"
            "Наши кураторы принесли шесть историй. Следующую супервизию планируем в феврале.")
    assert regions_of(text, title, "RU-LEN") == ["RU-LEN"]


def test_a_place_after_an_event_named_only_as_a_time_is_no_venue():
    title = "Специалисты опеки соседней области прошли стажировку в Туле"
    text = ("Двенадцать специалистов органов опеки из Калужской области прошли "
            "недельную стажировку в областном центре семьи.\n\n"
            "После стажировки в Калужской области запустят службу работы с кровными семьями. "
            "Перед стажировкой в Калужской области уже отобрали двадцать семей.")
    assert regions_of(text, title, "RU-TUL") == ["RU-KLU", "RU-TUL"]


def test_an_abbreviation_the_headlines_list_resolves_means_the_same_in_the_text():
    title = "Петербург, ЛО, Прикамье и ХМАО: общая онлайн-школа наставников"
    text = ("Мы вошли в число четырёх организаций, которые запускают общую школу наставников. "
            "Кроме нас в проекте — гатчинская школа «Надёжная гавань» (ЛО), пермский центр "
            "«Крылья» из Прикамья и фонд «Северное сияние» из Сургута (ХМАО). Каждая организация "
            "набирает свою группу.")
    assert "RU-LEN" in regions_of(text, title, "RU-SPE")


def test_a_large_citys_name_means_it_over_a_small_town_of_the_same_name():
    title = "Как работает патронатная семья: опыт Благовещенска"
    text = ("В Благовещенске с прошлого года работают четыре патронатные семьи. Ребёнок не "
            "попадает в приют, пока его семья решает проблемы.")
    assert regions_of(text, title, "RU-MOW") == ["RU-AMU"]


def test_a_district_court_named_by_a_towns_adjective_is_no_mention_of_the_town():
    title = "Выборгский районный суд вернул маме права на двух дочерей"
    text = ("Выборгский районный суд Петербурга восстановил в родительских правах маму, у которой "
            "два года назад забрали двух дочерей.")
    assert regions_of(text, title, "RU-SPE") == ["RU-SPE"]



def test_a_thread_posts_page_under_its_root_whose_time_links_the_root_is_no_article():
    root = (f'<article class="feed-item"><a class="author" href="/profile/semyi.example.social">'
            f'Семьи Тулы</a> · <a class="post-time" href="/profile/semyi.example.social/post/3maroot" '
            f'title="25 ноября 2025 г. в 15:50">3 д.</a><div class="post-text">{TEXT}</div>'
            f'<a class="show-thread" href="/profile/semyi.example.social/post/3maroot">Показать тред'
            f'</a></article>')
    page = (f"<html><head><title>Семьи Тулы — Reader</title></head><body><main><div class='thread'>"
            f"<div class='parents'>{root}</div><article class='post post-focused'>"
            f"<div class='post-text'>И отдельно — про часы работы: будни с 9 до 20.</div>"
            f"</article></div></main></body></html>").encode()
    url = f"{SERVER}profile/semyi.example.social/post/3mathird"
    assert non_article_reason(url, SERVER, page) is not None


def test_a_relative_age_whose_title_holds_the_day_dates_the_post():
    page = f"""<html><head><title>Электрички до Каменска-Уральского</title></head><body>
<h1>Электрички до Каменска-Уральского: новое расписание</h1><div class="post">
<div class="post_head">#1 <span class="post_date"><span title="12.11.2025">Вчера</span>, 21:50</span></div>
<div class="post_body">{TEXT}</div></div></body></html>"""
    got = extract(page, f"{SERVER}Thread-Elektrichki", crawl_time=datetime.datetime(
        2025, 11, 13, 23, tzinfo=datetime.timezone(datetime.timedelta(hours=5))))
    assert got.published == datetime.date(2025, 11, 12)


def test_a_posts_first_line_naming_an_episode_over_a_short_text_is_an_episode():
    headline = "Подкаст «Свои», эпизод 7: когда ребёнок спрашивает о кровной маме"
    short = "Слушайте новый эпизод. Гостья — приёмная мама из Тулы."
    assert headline_verdict(headline, len(short)) is not None
    assert headline_verdict(headline, len(TEXT * 3)) is None  # a story told in full under it
    assert headline_verdict(
        "Выпуск 2025: двадцать семей окончили школу приёмных родителей", len(TEXT)) is None


def test_a_date_link_to_the_days_archive_with_a_dashed_date_leaves_the_article_an_article():
    page = (f"<html><head><title>В Муроме выпускники нашли наставников</title></head><body>"
            f"<div class='crumbs'><a href='/'>Главная</a> » <a href='/news/'>Новости</a></div>"
            f"<article class='news-detail'><h1>В Муроме выпускники нашли наставников</h1>"
            f"<div class='meta'><a class='date' href='/news/2025-11-18/'>18 ноября 2025, 09:45</a>"
            f"</div><div class='text'><p>{TEXT}</p><p>{TEXT}</p></div></article></body></html>")
    url = f"{SERVER}news/society/2025-11-18/v-murome-183671.html"
    assert non_article_reason(url, SERVER, page.encode()) is None
    assert non_article_reason(f"{SERVER}news/2025-11-18/", SERVER, page.encode()) is not None
