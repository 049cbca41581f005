"""Regions: the 89-subject gazetteer, resolve_region and article attribution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from newsmon.core.errors import UserError
from pipeline.tag.regions.attribution import attribute
from pipeline.tag.regions.gazetteer import (
    all_regions,
    find_mentions,
    region_by_iso,
    resolve_region,
)

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"


def test_all_89_subjects_with_unique_codes_and_eight_districts():
    regions = all_regions()
    assert len(regions) == 89
    assert len({r.iso for r in regions}) == 89
    assert len({r.name for r in regions}) == 89
    assert {r.district for r in regions} == {
        "Центральный",
        "Северо-Западный",
        "Южный",
        "Северо-Кавказский",
        "Приволжский",
        "Уральский",
        "Сибирский",
        "Дальневосточный",
    }
    assert all(re.fullmatch(r"RU-[A-Z]{2,3}", r.iso) for r in regions)


def test_region_by_iso_unknown_code_is_key_error():
    assert region_by_iso("RU-KHA").name == "Хабаровский край"
    with pytest.raises(KeyError):
        region_by_iso("RU-XXX")


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("в Уссурийске", "RU-PRI"),
        ("уссурийских семей", "RU-PRI"),
        ("в Комсомольске-на-Амуре", "RU-KHA"),
        ("Хабаровского края", "RU-KHA"),
        ("в Кузбассе", "RU-KEM"),
        ("жители Югры", "RU-KHM"),
        ("в ХМАО", "RU-KHM"),
        ("на Ямале", "RU-YAN"),
        ("в ЯНАО", "RU-YAN"),
        ("по Якутии", "RU-SA"),
        ("в Республике Саха (Якутия)", "RU-SA"),
        ("в Башкирии", "RU-BA"),
        ("в Прикамье", "RU-PER"),
        ("в Коми", "RU-KO"),  # the republic by its short name, capitalised
        ("на Хабаровье", "RU-KHA"),
        ("Тюменщины", "RU-TYU"),
        ("в Волгоградщине", "RU-VGG"),
        ("на Челябинщине", "RU-CHE"),
        ("Приамурья", "RU-AMU"),
        ("в Ленобласти", "RU-LEN"),
        ("в НСО", "RU-NVS"),
        ("в ЛНР", "RU-LPR"),
        ("в ДНР", "RU-DPR"),
        ("в Нижнем Новгороде", "RU-NIZ"),
        ("в Набережных Челнах", "RU-TA"),
        ("в Подмосковье", "RU-MOS"),
        ("в Петербурге", "RU-SPE"),
        ("в Республике Северная Осетия — Алания", "RU-SE"),
        ("на Кубани", "RU-KDA"),
        ("в Херсонской области", "RU-KHE"),
        ("в Мелитополе", "RU-ZAP"),
        ("г. Мирный", None),  # Архангельская область or Якутия: left to context
        ("при Таганрогском центре", "RU-ROS"),  # town adjectives derived from suffix rules
        ("Таганрогская школа", "RU-ROS"),
        ("череповецкие волонтёры", "RU-VLG"),
        ("балаковских семей", "RU-SAR"),
        ("сызранская больница", "RU-SAM"),
        ("рядом с Таганрогом", "RU-ROS"),
    ],
)
def test_phrase_resolves_to_its_subject(phrase, iso):
    mentions = find_mentions(phrase)
    assert len(mentions) == 1
    if iso is None:
        assert len(mentions[0].isos) == 2
    else:
        assert mentions[0].isos == (iso,)


@pytest.mark.parametrize(
    "phrase",
    [
        "по Московскому проспекту",
        "в Приморском округе",  # a municipal okrug named like a subject (Архангельская область's)
        "Приморского муниципального округа",
        "в Коми-Пермяцком округе",  # a part of Пермский край, not Республика Коми
        "урок языка коми",  # the language
        "в Приморском районе",
        "на улице Хабаровской",
        "орёл парил над полем",
        "мирный договор",
        "Мирный процесс затянулся",  # a common word at the start of a sentence
        "в России и Беларуси",
        "на набережной Приволжского затона",  # a small town's adjective, its region unnamed
        "в Приволжском затоне",  # an adjective, not the instrumental of «Приволжск»
        "королевский приём",  # adjectives that are common words never name a town
        "Азовское море",
    ],
)
def test_street_names_common_words_and_countries_are_not_regions(phrase):
    # A district named after a subject is a mention the attribution weighs (only that subject's
    # context makes it count, tests/test_regions_general.py); alone it is no region.
    mentions = find_mentions(phrase)
    assert [m for m in mentions if m.kind != "district"] == []
    assert attribute(phrase, mentions) == []


def test_person_name_is_not_a_city_inside_a_per_span():
    text = "Владимир Путин приехал в Кировск."
    assert [m.isos for m in find_mentions(text, ner_spans=[(0, 14, "PER")])][:1] != [("RU-VLA",)]
    assert not any(m.start == 0 for m in find_mentions(text, ner_spans=[(0, 14, "PER")]))


@pytest.mark.parametrize(
    ("query", "iso"),
    [
        ("Хабаровский край", "RU-KHA"),
        ("RU-KHA", "RU-KHA"),
        ("ru-sa", "RU-SA"),
        ("Югра", "RU-KHM"),
        ("Якутия", "RU-SA"),
        ("Приморья", "RU-PRI"),
        ("Респ. Татарстан", "RU-TA"),
        ("Новосибирская обл.", "RU-NVS"),
        ("  москва ", "RU-MOW"),
        ("г. Москва", "RU-MOW"),
        ("ХМАО - Югра", "RU-KHM"),
        ("Республика Адыгея (Адыгея)", "RU-AD"),
        ("Кемеровская область - Кузбасс", "RU-KEM"),
        ("Ханты-Мансийский АО", "RU-KHM"),
    ],
)
def test_resolve_region_accepts_names_codes_informal_and_inflected_forms(query, iso):
    assert resolve_region(query).iso == iso


def test_unknown_region_suggests_the_nearest_official_name():
    with pytest.raises(UserError) as err:
        resolve_region("Хабаровская обл.")
    assert str(err.value) == (
        "Неизвестный регион «Хабаровская обл.». Возможно, вы имели в виду «Хабаровский край»?"
    )
    with pytest.raises(UserError, match="Неизвестный регион «Фигляндия»"):
        resolve_region("Фигляндия")
    with pytest.raises(UserError) as err:
        resolve_region("Нарния")
    assert "Возможно" not in str(err.value)  # no suggestion rather than a silly one
    with pytest.raises(UserError, match="«Республика Башкортостан»"):
        resolve_region("Башкортостна")  # a typo still gets its subject
    with pytest.raises(UserError, match=r"«Уссурийск».*«Приморский край»"):
        resolve_region("Уссурийск")  # a city is not a subject: suggested, never guessed


def _isos(text: str, title: str = "", home: str | None = None) -> list[str]:
    text_in = f"{title}\n{text}" if title else text
    hits = attribute(
        text_in, find_mentions(text_in), title=title, title_in_text=bool(title), home_iso=home
    )
    return [r.iso for r, _ in hits]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Хабаровские семьи рассказали о своём опыте",
            "Делегация Хабаровского края выступила на форуме в Москве. "
            "Приёмные родители из Хабаровска рассказали о краевой программе.",
            ["RU-KHA"],
        ),
        (
            "Всероссийский съезд прошёл в Москве",
            "На всероссийском съезде в Москве обсудили поддержку семей.",
            [],
        ),
        (
            "В Уссурийске прошёл городской фестиваль",
            "В Уссурийске прошёл городской фестиваль детского творчества.",
            ["RU-PRI"],
        ),
        (
            "Итоги года в сфере опеки",
            "Опытом поделились специалисты из Тюменской, Белгородской, Воронежской и Липецкой "
            "областей.",
            [],  # a mention list (issue 17 counts a list its predicate says something of)
        ),
        (
            "В Приморье открыли кризисный центр",
            "В Приморском крае открыли кризисный центр для мам.\n"
            "Читайте также:\nВ Омске открыли новый мост\nВ Омске прошёл марафон",
            ["RU-PRI"],
        ),
        (
            "В Омске прошёл семинар",
            "Специалисты из Томска рассказали об опыте. В Омске таких семинаров будет больше.",
            ["RU-OMS", "RU-TOM"],
        ),
        (
            "Край подписал соглашения",
            "На Петербургском международном экономическом форуме Хабаровский край подписал "
            "соглашение о строительстве центра для семей с детьми.",
            ["RU-KHA"],
        ),
        (
            "Школа приёмных родителей открылась",
            "Фото: пресс-служба правительства Приморского края\n"
            "Школа приёмных родителей открылась в Хабаровске при краевом центре.",
            ["RU-KHA"],
        ),
        (
            "Приамурье и Хабаровский край обменялись опытом",
            "Специалисты Приамурья побывали в Хабаровском крае. Амурские специалисты довольны.",
            ["RU-AMU", "RU-KHA"],
        ),
    ],
)
def test_attribution_is_about_the_subject_not_venues_lists_or_related_blocks(title, text, expected):
    assert sorted(_isos(text, title)) == sorted(expected)


def test_city_in_two_regions_resolved_by_context_or_left_out():
    # Железногорск: Красноярский край and Курская область.
    assert _isos("В городе Железногорске открылся центр для семей.") == []
    assert _isos("В городе Железногорске Красноярского края открылся центр.") == ["RU-KYA"]
    assert _isos("В городе Железногорске открылся центр.", home="RU-KRS") == ["RU-KRS"]


def test_regions_yml_schema_and_no_mixed_alphabet_words():
    spec = yaml.safe_load((DATA / "regions.yml").read_text(encoding="utf-8"))
    for reg in spec["regions"]:
        assert set(reg) <= {"name", "iso", "district", "aliases", "abbr", "adj"}
        assert isinstance(reg.get("aliases", []), list) and isinstance(reg.get("adj", []), list)
    for path in ("regions.yml", "orgs.yml", "topics.yml", "cities.tsv"):
        text = (DATA / path).read_text(encoding="utf-8")
        mixed = re.findall(r"\b\w*(?:[a-zA-Z][а-яА-ЯёЁ]|[а-яА-ЯёЁ][a-zA-Z])\w*\b", text)
        assert mixed == [], f"{path}: mixed Latin/Cyrillic {mixed[:5]}"


def test_cities_table_credits_its_licence():
    head = (DATA / "cities.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("CC BY-SA 4.0" in line for line in head)
    assert any("DaData" in line for line in head)


def test_home_region_breaks_a_near_tie_but_adds_no_unmentioned_region():
    text = "Специалисты Омска и Томска обменялись опытом. В Омске и Томске работают службы."
    assert sorted(_isos(text)) == ["RU-OMS", "RU-TOM"]
    assert _isos(text, home="RU-TOM")[0] == "RU-TOM"
    assert _isos("Госдума приняла закон о поддержке семей.", home="RU-KHA") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("На Алтае открылся центр для семей. На Алтае таких центров три.", []),
        ("В Алтайском крае открылся центр. На Алтае таких центров три.", ["RU-ALT"]),
        ("В Горно-Алтайске открылся центр. На Алтае таких центров три.", ["RU-AL"]),
    ],
)
def test_name_shared_by_two_subjects_needs_context(text, expected):
    assert _isos(text) == expected


@pytest.mark.parametrize(
    ("text", "cut_at"),
    [
        ("Текст.\nЧитайте также:\nВ Омске", "Читайте также"),
        ("Текст.\nЧитайте также: В Омске открыли мост\n", "Читайте также"),
        ("Текст.\nЕщё новости о событии\nВ Омске", "Ещё новости"),
        ("Текст.\nРекомендуем родителям следить за детьми.\nКонец.", None),
        ("Текст.\nРеклама детских товаров стала агрессивнее, считают эксперты.", None),
    ],
)
def test_related_block_starts_only_at_a_marker_line(text, cut_at):
    from pipeline.tag.regions.attribution import related_cut

    expected = text.index(cut_at) if cut_at else len(text)
    assert related_cut(text) == expected


@pytest.mark.parametrize(
    ("text", "home", "expected"),
    [
        (
            "В городе открылся кризисный центр. Его создало краевое министерство.",
            "RU-KHA",
            ["RU-KHA"],
        ),
        ("В городе открылся кризисный центр. Его создало областное министерство.", "RU-KHA", []),
        ("Госдума приняла закон о поддержке семей.", "RU-KHA", []),
        ("В Москве прошёл форум. Краевые специалисты выступили.", "RU-KHA", ["RU-KHA"]),
        ("В Омске открылся центр. Областные власти довольны.", "RU-KHA", ["RU-OMS"]),
    ],
)
def test_home_region_prior_needs_a_fitting_regional_adjective(text, home, expected):
    assert _isos(text, home=home) == expected


def test_small_town_adjective_counts_when_the_text_names_its_subject():
    alone = find_mentions("Вельская больница получила новый аппарат.")
    named = find_mentions("В Вельске открыли отделение. Вельская больница получила новый аппарат.")
    assert alone == []
    assert [m.isos for m in named] == [("RU-ARK",), ("RU-ARK",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an overview: each subject opens its own paragraph once
            "Регионы по-разному помогают семьям.\n"
            "В Тульской области работают кураторы семей.\n"
            "В Пермском крае выезжают мобильные бригады.\n",
            ["RU-PER", "RU-TUL"],
        ),
        (  # an overview where one section names its subject twice: the others still count
            "Регионы по-разному помогают семьям.\n"
            "В Тульской области работают кураторы семей.\n"
            "В Пермском крае об этом сообщило министерство Пермского края.\n",
            ["RU-PER", "RU-TUL"],
        ),
        (  # one subject named once, opening a body sentence
            "Службы ранней помощи открываются по всей стране.\n"
            "В Ярославской области такая служба работает третий год.\n",
            ["RU-YAR"],
        ),
        (  # named in passing in national news: no subject
            "Комитет Госдумы обсудил законопроект об опеке.\n"
            "Документ поддержала депутат от Курской области.\n",
            [],
        ),
        (  # a passing mention does not join a dominant subject
            "В Омской области открыли кризисный центр. Омские семьи получат помощь.\n"
            "В Томской области такой центр работает давно.\n",
            ["RU-OMS"],
        ),
        (  # the place of a relative clause is a venue
            "Приёмные семьи из Калужской области стали лауреатами премии.\n"
            "Калужане получили награды на встрече, которую провели в Москве.\n",
            ["RU-KLU"],
        ),
    ],
)
def test_overview_and_passing_mentions(text, expected):
    assert sorted(_isos(text)) == expected


def test_lead_of_a_text_without_paragraph_breaks_is_its_first_sentences():
    text = (
        "В Бердске Новосибирской области открылся кризисный центр для женщин с детьми, "
        "оказавшихся в трудной жизненной ситуации, и первые жильцы уже заселились. "
        "Идею организаторы подсмотрели у коллег из Татарстана, где такие центры работают давно. "
        "В центре шесть комнат, игровая и кухня, а с мамами работают психолог и юрист. "
        "Жить здесь можно до полугода."
    )
    assert _isos(text) == ["RU-NVS"]
