"""Organizations: normal forms, «ёлочки», the alias file."""

from __future__ import annotations

import pytest

from newsmon.errors import UserError
from pipeline.orgs import count_orgs, find_orgs, load_org_entries, normalize_org


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

    from pipeline.orgs import DATA, default_entries

    spec = yaml.safe_load((DATA / "orgs.yml").read_text(encoding="utf-8"))
    assert set(spec) == {
        "orgs",
        "kinds",
        "gov_heads",
        "quote_heads",
        "company_markers",
        "quote_blockers",
    }
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
