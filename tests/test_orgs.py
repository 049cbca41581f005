"""Organizations: normal forms, «ёлочки», the alias file."""

from __future__ import annotations

import pytest

from newsmon.core.errors import UserError
from pipeline.tag.orgs.tagger import count_orgs, find_orgs, load_org_entries, normalize_org


@pytest.mark.parametrize(
    ("phrase", "normal"),
    [
        ("Фонда поддержки детей", "Фонд поддержки детей"),
        (
            "министерством труда и социального развития Новосибирской области",
            "Министерство труда и социального развития Новосибирской области",
        ),
        ("Правительства Новосибирской области", "Правительство Новосибирской области"),
        (
            "Хабаровской региональной благотворительной общественной организации "
            "«Проектная группа «Союзники»",
            "Хабаровская региональная благотворительная общественная организация "
            "«Проектная группа «Союзники»»",
        ),
        ('благотворительным фондом "Солнечный город"', "Благотворительный фонд «Солнечный город»"),
        (
            "Уполномоченного при Президенте РФ по правам ребенка",
            "Уполномоченный при Президенте РФ по правам ребенка",
        ),
        (
            "автономной некоммерческой организации «Дети в семье»",
            "Автономная некоммерческая организация «Дети в семье»",
        ),
    ],
)
def test_normal_form_inflects_the_head_and_keeps_the_rest(phrase, normal):
    assert normalize_org(phrase) == normal


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Проект поддержан Фондом поддержки детей, находящихся в трудной жизненной ситуации.",
            ["Фонд поддержки детей, находящихся в трудной жизненной ситуации"],
        ),
        (
            "Грант выделил Фонд президентских грантов, а также Фонд Тимченко.",
            ["Фонд президентских грантов", "Фонд Тимченко"],
        ),
        (
            'Президент благотворительного фонда добровольной помощи детям "Владмама" выступила.',
            ["Благотворительный фонд «Владмама»"],
        ),
        ("Спонсором стала компания «Русский краб».", []),
        ("Участники проекта «Защитники детства» встретились.", []),
        (
            "Об этом рассказала уполномоченный по правам ребенка в Приморском крае Ольга Романова.",
            ["Уполномоченный по правам ребёнка в Приморском крае"],
        ),
        ("Прошёл съезд уполномоченных по правам ребенка.", []),
        (
            "Сообщили в министерстве социального развития, опеки и попечительства Иркутской области.",
            ["Министерство социального развития, опеки и попечительства Иркутской области"],
        ),
        (
            "Центры подведомственны комитету по социальной защите населения Ленинградской области.",
            ["Комитет по социальной защите населения Ленинградской области"],
        ),
        ("Министерство рассказало, что в Иркутской области открыты центры.", []),
    ],
)
def test_organizations_that_matter_get_canonical_names(text, names):
    assert [n for n, _ in count_orgs(find_orgs(text))] == names


def test_short_and_full_quoted_names_count_as_one_organization():
    text = "Благотворительный фонд «Солнечный город» помогает семьям. Фонд «Солнечный город» открыл центр."
    assert count_orgs(find_orgs(text)) == [("Благотворительный фонд «Солнечный город»", 2)]


def test_org_file_mistake_names_file_and_line(tmp_path):
    path = tmp_path / "orgs.yml"
    path.write_text("orgs:\n  - name: Фонд\n    aliases: [а]\n  - aliases: [б]\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"orgs\.yml, строка 4: у организации должно быть «name»"):
        load_org_entries(path)
    path.write_text("orgs:\n  - name: Фонд\n    aliases: Фонд А\n", encoding="utf-8")
    with pytest.raises(UserError, match="строка 2: «aliases» должен быть списком"):
        load_org_entries(path)


def test_shipped_orgs_yml_schema():
    import yaml

    from pipeline.tag.orgs.tagger import DATA, default_entries

    spec = yaml.safe_load((DATA / "orgs.yml").read_text(encoding="utf-8"))
    assert set(spec) == {
        "orgs",
        "kinds",
        "gov_heads",
        "quote_heads",
        "company_markers",
        "quote_blockers",
        "abbreviations",
    }
    assert all(isinstance(v, str) and v for v in spec["abbreviations"].values())
    for key in ("kinds", "gov_heads", "quote_heads", "company_markers", "quote_blockers"):
        assert spec[key] and all(isinstance(w, str) and w.strip() == w for w in spec[key])
    names = [e.name for e in default_entries()]
    assert len(names) == len(set(names))


def test_abbreviated_and_full_quoted_names_merge_and_brackets_stay_whole():
    text = (
        "Белгородская автономная некоммерческая организация «Семейный очаг» получила грант. "
        "Руководитель АНО «Семейный очаг» рассказала о планах. Об этом сообщили в министерстве "
        "труда и социального развития Республики Саха (Якутия)."
    )
    assert count_orgs(find_orgs(text)) == [
        ("Белгородская автономная некоммерческая организация «Семейный очаг»", 2),
        ("Министерство труда и социального развития Республики Саха (Якутия)", 1),
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Об этом сообщили в Министерстве труда и социальной защиты Чувашской Республики.",
            ["Министерство труда и социальной защиты Чувашской Республики"],
        ),
        (
            "Заявки принимает министерство просвещения Республики Татарстан.",
            ["Министерство просвещения Республики Татарстан"],
        ),
        (
            "Как рассказали в министерстве социальной защиты населения Кузбасса, помощь продолжится.",
            ["Министерство социальной защиты населения Кузбасса"],
        ),
        (
            "Проект запустил департамент социального развития Ханты-Мансийского автономного "
            "округа — Югры.",
            [
                "Департамент социального развития Ханты-Мансийского автономного округа — Югры",
            ],
        ),
        (
            "Стандарт утвердило Министерство труда и социальной защиты Российской Федерации.",
            ["Министерство труда и социальной защиты РФ"],
        ),
        (
            "Минтруд России и Министерство труда и социальной защиты Пермского края подписали план.",
            [
                "Министерство труда и социальной защиты РФ",
                "Министерство труда и социальной защиты Пермского края",
            ],
        ),
        (
            "Проект поддержан департаментом социального развития ХМАО – Югры.",
            ["Департамент социального развития ХМАО – Югры"],
        ),
        ("Заявки собирает Минсоцразвития Пермского края.", ["Минсоцразвития Пермского края"]),
    ],
)
def test_a_following_region_makes_a_ministry_the_regions_own(text, names):
    assert [name for name, _ in count_orgs(find_orgs(text))] == names


def test_short_and_full_names_of_one_regional_body_merge_under_the_full_name():
    from pipeline.tag.orgs.names import merge_regional
    from pipeline.tag.orgs.tagger import OrgMention, build_default

    names = [
        "Комитет по соцзащите Ленобласти",
        "Комитет по социальной защите населения Ленинградской области",
        "Комитет по образованию Ленинградской области",
        "Комитет по социальной защите населения Псковской области",
    ]
    found = [OrgMention(i, i + 1, n) for i, n in enumerate(names)]
    merged = [m.name for m in merge_regional(found, build_default().abbreviations)]
    assert merged == [names[1], names[1], names[2], names[3]]
