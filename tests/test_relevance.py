"""Topic query language: parsing, lemma matching, topics.yml loading."""

from __future__ import annotations

import pytest

from newsmon.core.errors import UserError
from pipeline.lang.morph import tokenize
from pipeline.tag.topics import (
    QueryError,
    TextIndex,
    default_topics,
    load_topics,
    match_topics,
    matches,
    parse_query,
)

FAMILIES = "Поддержка семей в трудной жизненной ситуации"


def hit(query: str, text: str) -> bool:
    return matches(parse_query(query), TextIndex(tokenize(text)))


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    [
        ("семья", "помощь семьям с детьми", True),
        ("семья", "семейный праздник", False),
        ('"приемная семья"', "число приёмных семей выросло", True),
        ('"приемная семья"', "семья стала приёмной", False),
        ('"семья ребенок"~3', "семьи, воспитывающие ребёнка", True),
        ('"семья ребенок"~2', "семьи, которые долго и трудно воспитывают ребёнка", False),
        ("кризисный AND центр", "центр стал кризисным", True),
        ("кризисный центр", "центр помощи", False),  # a space is AND
        ("опека OR усыновление", "усыновили троих детей", False),  # «усыновили» is a verb
        ("опека OR усыновление", "порядок усыновления", True),
        ("сирот*", "сиротство и сироты", True),
        ("наставник NOT производство", "наставники на производстве", False),
        ("наставник -производство", "наставники для воспитанников", True),
        ("(детский дом OR детдом) AND выпускник", "выпускники детдомов", True),
        ("детей ИЛИ семья", "дети пришли", True),  # query words are lemmatized too
        ("«трудная жизненная ситуация»", "в трудной жизненной ситуации", True),
    ],
)
def test_query_matches_every_inflection(query, text, expected):
    assert hit(query, text) is expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "пустой запрос"),
        ("семья OR", "обрывается"),
        ("(семья OR дети", "не закрыта скобка"),
        ("семья )", "лишняя"),
        ('""', "пустые кавычки"),
    ],
)
def test_malformed_query_is_a_plain_error(query, message):
    with pytest.raises(QueryError, match=message):
        parse_query(query)


def test_default_topics_cover_the_foundations_themes():
    names = {t.name for t in default_topics()}
    assert {
        "Профилактика социального сиротства",
        "Поддержка семей в трудной жизненной ситуации",
        "Наставничество",
        "Кризисные центры",
        "Замещающие семьи",
    } <= names


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("В городе открылся кризисный центр для женщин с детьми.", "Кризисные центры"),
        ("Школа приёмных родителей набирает слушателей.", "Замещающие семьи"),
        ("Волонтёры стали наставниками для воспитанников детского дома.", "Наставничество"),
        ("Число отказов от новорождённых сократилось вдвое.", "Профилактика социального сиротства"),
        ("Волонтёры собрали продукты для семей, попавших в трудную ситуацию.", FAMILIES),
        ("Малоимущим семьям с детьми помогли собрать детей в школу.", FAMILIES),
        ("Многодетные семьи района получили адресную помощь к зиме.", FAMILIES),
        ("Многодетным семьям компенсируют проезд детей: это новая мера поддержки.", FAMILIES),
        ("Социальная няня посидит с ребёнком, пока мама на работе.", FAMILIES),
        ("Медиаторы службы примирения помогают подросткам, уходящим из дома.", FAMILIES),
        ("Подростки, которые уходят из дома, и их родители получат помощь психолога.", FAMILIES),
        ("Специалисты учат семьи, воспитывающие детей с аутизмом, заниматься дома.", FAMILIES),
        ("Детей с инвалидностью будут реабилитировать на дому вместе с родителями.", FAMILIES),
    ],
)
def test_default_topics_find_their_subject(text, topic):
    assert topic in match_topics(text, default_topics())


@pytest.mark.parametrize(
    "text",
    [
        "Школьники заняли первое место на турнире по шахматам, родители гордятся детьми.",
        "Наставники на предприятии обучают молодых специалистов производству.",
        "Пенсии проиндексируют с 1 января.",
        "В детском доме культуры прошёл концерт.",
        "Компания оказалась в кризисной ситуации из-за падения продаж.",
        "Пенсионерам в трудной жизненной ситуации привезли дрова.",
        "Пенсии многодетных матерей пересчитают, поддержка придёт автоматически.",
        "Дорожники отремонтировали дорогу к школе, родители поддержали ремонт.",
        "Многодетный отец стал чемпионом области по лыжным гонкам.",
        "Ребёнка-инвалида прооперировали в областной больнице.",
        "Компания попала в трудную ситуацию из-за санкций.",
        "Школьная служба примирения помогает ученикам решать конфликты.",
        "В области планируют расширить перечень льгот для многодетных.",
    ],
)
def test_default_topics_ignore_children_news_outside_family_support(text):
    assert match_topics(text, default_topics()) == []


def test_topics_file_mistake_names_file_and_line(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text(
        "topics:\n  - name: Хорошая\n    query: семья\n  - name: Плохая\n    query: (семья OR\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as err:
        load_topics(path)
    assert str(err.value).startswith(f"{path}, строка 4: тема «Плохая»")
    path.write_text("topics:\n  - name: [\n", encoding="utf-8")
    with pytest.raises(UserError, match="строка"):
        load_topics(path)
    path.write_text("topics:\n  - name: Без запроса\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"строка 2: .*«query»"):
        load_topics(path)
