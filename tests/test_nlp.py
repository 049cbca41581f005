"""The tagging stage end to end: tag(), tag_many(), TagConfig and the `newsmon tag` JSON."""

from __future__ import annotations

import pytest

from newsmon.core.errors import UserError
from pipeline.tag.run import TagConfig, load_tag_config, tag, tag_many

TEXT = (
    "В Уссурийске открылся кризисный центр для мам\n"
    "В Уссурийске открылся кризисный центр для женщин с детьми. Его поддержали Фонд поддержки "
    "детей и благотворительный фонд «Владмама». Министр труда и социальной политики Приморского "
    "края Светлана Красицкая рассказала, что в Приморье таких центров станет больше.\n"
    "Читайте также:\nВ Омске прошёл марафон\n"
)


def test_tag_json_has_the_contract_shape_and_offsets_point_into_the_text(models):
    result = tag(TEXT).to_json()
    assert set(result) == {"entities", "regions", "orgs", "projects", "relevant", "topics",
                           "tone", "tones", "labels"}  # tone: the default tagger (docs/tone.md)
    assert result["tone"] in {"positive", "neutral", "negative"}
    assert all(set(t) == {"object", "tone", "mixed"} for t in result["tones"])
    for ent in result["entities"]:
        assert set(ent) == {"start", "end", "type", "text", "normal"}
        assert TEXT[ent["start"] : ent["end"]] == ent["text"]
        assert ent["type"] in {"PER", "LOC", "ORG"}
    assert result["regions"] == [{"region": "Приморский край", "iso": "RU-PRI", "mentions": 4}]
    assert {
        "Фонд поддержки детей, находящихся в трудной жизненной ситуации",
        "Благотворительный фонд «Владмама»",
    } <= {o["name"] for o in result["orgs"]}
    assert result["relevant"] is True
    assert "Кризисные центры" in result["topics"]
    for project in result["projects"]:
        assert set(project) == {"name", "mentions", "registered"}


def test_person_and_place_normal_forms_are_nominative(models):
    ents = tag("Светлану Красицкую встретили в Уссурийске.").entities
    assert {(e.type, e.normal) for e in ents} >= {
        ("PER", "Светлана Красицкая"),
        ("LOC", "Уссурийск"),
    }


def test_related_headlines_add_no_region_topic_or_org(models):
    result = tag(TEXT)
    assert "RU-OMS" not in {r.iso for r in result.regions}


def test_title_given_separately_counts_for_attribution(models):
    result = tag(
        "Специалисты обсудили сопровождение приёмных семей.", title="В Чите прошёл семинар"
    )
    assert [r.iso for r in result.regions] == ["RU-ZAB"]


def test_tag_many_equals_tag_one_by_one(models):
    items = [
        (TEXT, "", None),
        ("", "", None),
        (
            "Кузбасс получил грант на профилактику социального сиротства.",
            "Грант для Кузбасса",
            "RU-KEM",
        ),
    ]
    batched = tag_many(items)
    single = [tag(t, title=ti, home_region_iso=h) for t, ti, h in items]
    assert [r.to_json() for r in batched] == [r.to_json() for r in single]
    assert batched[1].to_json()["entities"] == [] and batched[1].relevant is False


def test_user_files_beside_sources_extend_topics_and_org_aliases(tmp_path, models):
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - name: Шахматы\n    query: шахматы AND турнир\n", encoding="utf-8"
    )
    (tmp_path / "orgs.yml").write_text(
        "orgs:\n  - name: Шахматная федерация края\n    aliases: [ШФК]\n", encoding="utf-8"
    )
    config = load_tag_config(tmp_path)
    assert isinstance(config, TagConfig)
    result = tag("ШФК провела турнир по шахматам в Хабаровске.", config=config)
    assert result.topics == ["Шахматы"] and result.relevant
    assert [o.name for o in result.orgs] == ["Шахматная федерация края"]
    assert "Кризисные центры" in {t.name for t in config.topics}  # defaults kept


def test_mistake_in_a_user_topics_file_is_a_user_error(tmp_path):
    (tmp_path / "topics.yml").write_text("topics:\n  - name: x\n    query: (a\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка 2"):
        load_tag_config(tmp_path)


def test_org_entity_is_the_name_without_legal_form_or_parenthesised_abbreviation(models):
    text = "Заявление сделал Комитет защиты журналистов (КЗЖ). Акции ОАО «Газпром» выросли."
    orgs = {e.text for e in tag(text).entities if e.type == "ORG"}
    assert "Комитет защиты журналистов" in orgs
    assert "Газпром" in orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Об этом сказал Джоэл Саймон (Joel Simon) в интервью.", {"Джоэл Саймон", "Joel Simon"}),
        ("В сборную вошли Овечкин, Фёдоров и Малкин.", {"Овечкин", "Фёдоров"}),
    ],
)
def test_person_spans_split_into_one_entity_per_name(models, text, names):
    assert names <= {e.text for e in tag(text).entities if e.type == "PER"}


@pytest.mark.parametrize(
    ("surface", "typ", "normal"),
    [
        ("Андрея Травникова", "PER", "Андрей Травников"),  # surname unknown to pymorphy
        ("Анной Кузнецовой", "PER", "Анна Кузнецова"),
        ("Марии Львовой-Беловой", "PER", "Мария Львова-Белова"),
        ("Марины Аксеновой", "PER", "Марина Аксенова"),  # no «ё» the text did not have
        ("Нижнем Новгороде", "LOC", "Нижний Новгород"),
        ("Республике Саха (Якутия)", "LOC", "Республика Саха (Якутия)"),
        ("Фонда президентских грантов", "ORG", "Фонд президентских грантов"),
    ],
)
def test_normal_forms_are_nominative_and_agree(surface, typ, normal):
    from pipeline.tag.entities import normal_form

    assert normal_form(surface, typ) == normal


def test_title_repeated_after_a_widget_line_is_counted_once(models):
    text = (
        "Календарь Май 2024 1 2 3\n11:04, 23.07.2015\n"
        "Работа министерства отмечена Фондом поддержки детей\n"
        "На территории Астраханской области работает проект Фонда поддержки детей."
    )
    result = tag(text, title="Работа министерства отмечена Фондом поддержки детей")
    fund = "Фонд поддержки детей, находящихся в трудной жизненной ситуации"
    assert [(o.name, o.mentions) for o in result.orgs] == [(fund, 2)]
    assert [(r.iso, r.mentions) for r in result.regions] == [("RU-AST", 1)]


@pytest.mark.parametrize(
    ("title", "text", "orgs"),
    [
        (
            "Министр соцзащиты Кубани встретилась с опекунами",
            "Глава министерства труда и социального развития Краснодарского края встретилась "
            "с опекунами из Армавира.",
            ["Министерство труда и социального развития Краснодарского края"],
        ),
        (  # two ministries of the region in the text: the title's short name stays apart
            "Министерство соцзащиты Кубани подвело итоги",
            "Министерство труда и социального развития Краснодарского края и министерство "
            "образования Краснодарского края подписали соглашение.",
            [
                "Министерство труда и социального развития Краснодарского края",
                "Министерство образования Краснодарского края",
                "Министерство соцзащиты Кубани",
            ],
        ),
    ],
)
def test_a_titles_short_name_of_a_regional_body_is_the_texts_body(models, title, text, orgs):
    assert [o.name for o in tag(text, title=title).orgs] == orgs
