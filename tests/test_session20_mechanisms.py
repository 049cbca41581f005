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
