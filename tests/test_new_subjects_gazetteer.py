"""The four subjects admitted in 2022 (RU-DPR, RU-LPR, RU-ZAP, RU-KHE) are in neither generated
source; their towns, urban-type settlements and districts are typed into regions.yml
(`extra_cities`, `extra_districts`) and built into cities.tsv / districts.tsv like every other
subject's. The texts below are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.tag.run import tag

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pipeline" / "data"
CITY_CSV = ROOT.parent / "shared" / "data" / "city.csv"
NEW = ("RU-DPR", "RU-LPR", "RU-ZAP", "RU-KHE")


def _isos(text: str, title: str, home: str | None) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def _rows(table: str) -> list[list[str]]:
    return [
        line.split("\t")
        for line in (DATA / table).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


# A small town or urban-type settlement of each subject, absent before, whose name no other
# subject bears.
SMALL_TOWNS = [
    (
        "RU-DPR",
        "В Старобешево открыли отремонтированную амбулаторию",
        "В посёлке Старобешево после ремонта открылась амбулатория. Теперь жители могут сдать "
        "анализы и получить консультацию терапевта, не выезжая в соседние города.",
    ),
    (
        "RU-LPR",
        "В Новоайдаре заменили сорок километров водопровода",
        "В посёлке Новоайдар коммунальщики закончили замену изношенных труб водопровода. По "
        "словам главы администрации, перебои с водой прекратятся уже этой осенью.",
    ),
    (
        "RU-ZAP",
        "Молочанск получил новые автобусы",
        "В Молочанск прибыли четыре новых автобуса для городских маршрутов. Старые машины "
        "отработали больше двадцати лет и будут списаны.",
    ),
    (
        "RU-KHE",
        "В Нижних Серогозах начали ремонт школы",
        "В Нижних Серогозах строители приступили к капитальному ремонту средней школы: заменят "
        "кровлю, окна и систему отопления. Работы должны завершиться к первому сентября.",
    ),
]


@pytest.mark.parametrize("iso,title,text", SMALL_TOWNS, ids=[t[0] for t in SMALL_TOWNS])
@pytest.mark.parametrize("home", ["own", "RU-MOW"])
def test_a_small_town_gives_its_subject(iso, title, text, home):
    result = tag(text, title=title, home_region_iso=iso if home == "own" else home)
    assert sorted(r.iso for r in result.regions) == [iso]
    assert result.regions[0].mentions >= 1  # found in the text, not the outlet's home by default


def test_a_settlement_named_like_villages_elsewhere_needs_its_subject():
    """Горностаевка is an urban-type settlement of Херсонская область and a village name in
    several other subjects: its own outlet's text is the subject's; a Moscow outlet's is not
    guessed."""
    title = "В Горностаевке открыли пункт выдачи гуманитарной помощи"
    text = (
        "В посёлке Горностаевка открылся пункт выдачи гуманитарной помощи. Наборы продуктов "
        "получат пенсионеры и многодетные семьи."
    )
    result = tag(text, title=title, home_region_iso="RU-KHE")
    assert [(r.iso, r.mentions >= 1) for r in result.regions] == [("RU-KHE", True)]
    assert "RU-KHE" not in _isos(text, title, "RU-MOW")
    assert "RU-KHE" in _isos(text + " Херсонская область выделила на это средства.", title,
                             "RU-MOW")


def test_chaplynka_is_spelt_officially():
    names = {(name, iso) for name, iso, *_ in _rows("cities.tsv") + _rows("districts.tsv")}
    assert ("Чаплынка", "RU-KHE") in names
    assert not {name for name, _ in names} & {"Чаплинка"}
    text = "В Чаплынке отремонтировали дом культуры, где занимаются три детских кружка."
    assert _isos(text, "Дом культуры после ремонта", "RU-KHE") == ["RU-KHE"]


DISTRICTS = [
    (
        "RU-KHE",
        "Сельские клубы утеплят к зиме",
        "В Геническом районе к зиме утеплят двенадцать сельских клубов. Деньги выделены из "
        "бюджета округа, подрядчики уже определены.",
    ),
    (
        "RU-ZAP",
        "Уборка ранних зерновых завершена",
        "Аграрии Приазовского района завершили уборку ранних зерновых с хорошим урожаем.",
    ),
    ("RU-LPR", "Мост отремонтирован", "В Станично-Луганском районе отремонтировали мост через реку."),
    ("RU-DPR", "Новый фельдшерский пункт", "В Старобешевском районе открыли фельдшерский пункт."),
]


@pytest.mark.parametrize("iso,title,text", DISTRICTS, ids=[d[0] for d in DISTRICTS])
def test_a_district_named_alone_by_its_own_outlet(iso, title, text):
    result = tag(text, title=title, home_region_iso=iso)
    assert [(r.iso, r.mentions >= 1) for r in result.regions] == [(iso, True)]


def test_every_subject_has_its_districts_and_towns():
    spec = yaml.safe_load((DATA / "regions.yml").read_text(encoding="utf-8"))
    districts = {(name, iso) for name, iso, kind, *_ in _rows("districts.tsv") if kind == "district"}
    towns = {(name, iso) for name, iso, kind, *_ in _rows("cities.tsv") if kind == "city"}
    centres = {(name, iso) for name, iso, kind, *_ in _rows("districts.tsv") if kind == "centre"}
    for iso in NEW:
        assert len(spec["extra_districts"][iso]) >= 18
        for district, centre in spec["extra_districts"][iso].items():
            assert (district, iso) in districts
            assert centre is None or (centre, iso) in towns | centres, centre
        assert {(name, iso) for name in spec["extra_cities"][iso]["towns"]} <= towns
        # an urban-type settlement is a settlement (a centre row), not a town
        assert {(name, iso) for name in spec["extra_cities"][iso]["settlements"]} <= centres
    # a village centre that is not a town gets its centre row
    assert ("Великая Белозёрка", "RU-ZAP") in centres
    # a settlement named like villages elsewhere is theirs too (resolved from context)
    assert {iso for name, iso in centres if name == "Новотроицкое"} > {"RU-DPR", "RU-KHE"}


def test_a_name_several_subjects_bear_is_shared_as_computed():
    """«Приморский район» (Запорожская область and several other subjects) is marked shared by
    the script's rule, not by hand; «Генический район» is the Херсонская область's alone."""
    shared = {(name, iso): s for name, iso, kind, _ctx, s, _pop in _rows("districts.tsv")
              if kind == "district"}
    assert shared[("Приморский район", "RU-ZAP")] == "1"
    assert shared[("Михайловский район", "RU-ZAP")] == "1"
    assert shared[("Генический район", "RU-KHE")] == "0"
    assert shared[("Ивановский район", "RU-KHE")] == "1"
    text = "В Приморском районе начался ремонт дороги к морю."
    assert "RU-ZAP" not in _isos(text, "Ремонт дороги", "RU-MOW")


@pytest.mark.skipif(not CITY_CSV.exists(), reason="city.csv («Города России») not available")
def test_build_cities_reproduces_the_committed_table():
    import sys

    sys.path.insert(0, str(ROOT))
    from scripts.build_cities import build

    built = {f"{n}\t{i}\t{k}\t{c}\t{p}" for n, i, k, c, p in build(CITY_CSV)}
    committed = {"\t".join(r) for r in _rows("cities.tsv")}
    assert built == committed
