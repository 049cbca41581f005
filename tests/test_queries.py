"""Counts per the contract: materials (reprints included), stories, mentions — by every key."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.queries import Filters, articles, counts, totals
from newsmon.core.periods import Period, parse_month
from tests.factories import article, make_db

OCT = parse_month("2025-10")
T = "Благотворительный фонд Елены и Геннадия Тимченко"
F = "Фонд поддержки детей"


TEXTS = {
    1: "В Уссурийске открылся кризисный центр для женщин с детьми на двенадцать мест.",
    2: "Выпускники детских домов Хабаровска познакомились со своими наставниками.",
    3: "Футбольный клуб из Хабаровска выиграл кубок края в серии пенальти.",
    4: "Во Владивостоке подвели итоги года работы кризисного центра для мам.",
    5: "Ноябрьский фестиваль семейного творчества прошёл в Находке.",
}


def text(n: int) -> str:
    return TEXTS[n] + " Подробности — в материале корреспондента."


ARTICLES = [
    # one story in two outlets (original + reprint), Приморье
    article(text(1), source="prima", published="2025-10-01", regions=[("RU-PRI", 3)],
            orgs=[(T, 2)], topics=["кризисные центры"], projects=[("Маленькие взрослые", 2, True)],
            story="s1"),
    article(text(1), source="vl", published="2025-10-31", regions=[("RU-PRI", 2), ("RU-KHA", 1)],
            orgs=[(T, 1)], topics=["кризисные центры"], story="s1"),
    # another story in Хабаровский край
    article(text(2), source="dv", published="2025-10-15", regions=[("RU-KHA", 4)],
            orgs=[(F, 1)], topics=["наставничество"], projects=[("Маленькие взрослые", 1, True)]),
    # not relevant: counted only with --all
    article(text(3), source="dv", published="2025-10-16", regions=[("RU-KHA", 1)], relevant=False),
    # outside the month (September, and November 1st)
    article(text(4), source="prima", published="2025-09-30", regions=[("RU-PRI", 1)],
            topics=["кризисные центры"]),
    article(text(5), source="prima", published="2025-11-01", regions=[("RU-PRI", 1)]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("q") / "q.db", ARTICLES)


@pytest.mark.parametrize(
    ("by", "filters", "expected"),
    [
        # a tie in materials and mentions: alphabetical
        ("region", Filters(), [("Приморский край", 2, 1, 5), ("Хабаровский край", 2, 2, 5)]),
        ("region", Filters(relevant_only=False),
         [("Хабаровский край", 3, 3, 6), ("Приморский край", 2, 1, 5)]),
        ("region", Filters(org=T), [("Приморский край", 2, 1, 5), ("Хабаровский край", 1, 1, 1)]),
        ("org", Filters(), [(T, 2, 1, 3), (F, 1, 1, 1)]),
        ("source", Filters(), [("dv", 1, 1, 1), ("prima", 1, 1, 1), ("vl", 1, 1, 1)]),
        ("topic", Filters(), [("кризисные центры", 2, 1, 2), ("наставничество", 1, 1, 1)]),
        ("project", Filters(), [("Маленькие взрослые", 2, 2, 3)]),
        ("topic", Filters(region_iso="RU-KHA"),
         [("кризисные центры", 1, 1, 1), ("наставничество", 1, 1, 1)]),
        ("source", Filters(source="vl"), [("vl", 1, 1, 1)]),
        ("org", Filters(topic="наставничество"), [(F, 1, 1, 1)]),
        ("region", Filters(project="Маленькие взрослые"),
         [("Хабаровский край", 1, 1, 4), ("Приморский край", 1, 1, 3)]),
    ],
)
def test_counts_by_key_for_a_month(db, by, filters, expected):
    rows = counts(db, by, OCT, filters)
    assert [(r[by], r["materials"], r["stories"], r["mentions"]) for r in rows] == expected


def test_region_rows_carry_iso_codes(db):
    assert [r["iso"] for r in counts(db, "region", OCT)] == ["RU-PRI", "RU-KHA"]


def test_period_bounds_are_inclusive_and_all_time_counts_everything(db):
    assert sum(r["materials"] for r in counts(db, "source", Period(OCT.end, OCT.end))) == 1
    assert sum(r["materials"] for r in counts(db, "source", None)) == 5


def test_totals_count_reprints(db):
    assert totals(db, OCT) == {"materials": 3, "stories": 2, "reprints": 1, "outlets": 3,
                               "regions": 2}


def test_articles_list_story_sizes(db):
    rows = articles(db, OCT)
    assert [r["source"] for r in rows] == ["vl", "dv", "prima"]
    assert [r["story_size"] for r in rows] == [2, 1, 2]


def cli_counts(db, *args):
    from newsmon.cli import cli

    path = db.execute("pragma database_list").fetchone()[2]
    return CliRunner().invoke(cli, ["counts", *args, "--db", path])


def test_cli_counts_json_follows_the_contract(db):
    result = cli_counts(db, "--month", "2025-10", "--by", "region", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[1] == {"region": "Хабаровский край", "iso": "RU-KHA",
                                            "materials": 2, "stories": 2, "mentions": 5}


def test_cli_counts_csv_and_table_with_change(db):
    csv = cli_counts(db, "--month", "2025-10", "--by", "source", "--format", "csv")
    assert csv.output.splitlines()[0] == "\ufeffИздание,Материалы,Сюжеты,Упоминания"
    table = cli_counts(db, "--month", "2025-10", "--by", "region")
    assert table.exit_code == 0 and "Изменение" in table.output.splitlines()[0]
