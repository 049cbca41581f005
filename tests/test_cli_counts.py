"""`newsmon counts`: every dimension, every filter, periods, and the change column."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from tests.factories import article, make_db

FUND = "Фонд поддержки детей, находящихся в трудной жизненной ситуации"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("counts") / "t.db"
    make_db(path, articles=[
        article("Куратор семьи в Астрахани", source="astra", published="2025-07-03",
                regions=[("RU-AST", 3)], orgs=[FUND], projects=[("Куратор семьи", 2)],
                topics=["Поддержка семей"], story="kurator"),
        article("Перепечатка о кураторе семьи", source="volga", published="2025-07-05",
                regions=[("RU-AST", 2)], orgs=[FUND], projects=["Куратор семьи"],
                topics=["Поддержка семей"], story="kurator"),
        article("Кризисный центр в Уссурийске", source="prim", published="2025-07-09",
                regions=["RU-PRI"], orgs=["Фонд Тимченко"], topics=["Кризисные центры"]),
        article("Наставники в Хабаровске", source="amur", published="2025-07-20",
                regions=["RU-KHA"], projects=[("Стань старшим другом", 1, False)],
                topics=["Наставничество"]),
        article("Дорожный ремонт в Астрахани", source="astra", published="2025-07-04",
                regions=["RU-AST"], relevant=False),
        article("Июньский материал", source="astra", published="2025-06-15",
                regions=["RU-AST"], topics=["Поддержка семей"]),
    ])
    return str(path)


def counts(db_path, *args):
    result = CliRunner().invoke(cli, ["counts", "--db", db_path, *args], catch_exceptions=False)
    return result


def rows(db_path, *args):
    result = counts(db_path, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_by_region_in_a_ten_day_period(db_path):
    got = rows(db_path, "--from", "2025-07-01", "--to", "2025-07-10")
    assert got == [
        {"region": "Астраханская область", "iso": "RU-AST", "materials": 2, "stories": 1,
         "mentions": 5},
        {"region": "Приморский край", "iso": "RU-PRI", "materials": 1, "stories": 1,
         "mentions": 1},
    ]


def test_all_counts_irrelevant_articles_too(db_path):
    got = rows(db_path, "--month", "2025-07", "--all")
    assert {r["iso"]: r["materials"] for r in got}["RU-AST"] == 3


@pytest.mark.parametrize(
    ("by", "key", "expected"),
    [
        ("project", "project", {"Куратор семьи": (2, 1, 3), "Стань старшим другом": (1, 1, 1)}),
        ("org", "org", {FUND: (2, 1, 2), "Фонд Тимченко": (1, 1, 1)}),
        ("source", "source", {"astra": (1, 1, 1), "volga": (1, 1, 1), "prim": (1, 1, 1),
                              "amur": (1, 1, 1)}),
    ],
)
def test_other_dimensions(db_path, by, key, expected):
    got = rows(db_path, "--month", "2025-07", "--by", by)
    assert {r[key]: (r["materials"], r["stories"], r["mentions"]) for r in got} == expected


@pytest.mark.parametrize(
    ("args", "isos"),
    [
        (["--org", "Фонд поддержки детей"], {"RU-AST"}),
        (["--org", "фонда Тимченко"], {"RU-PRI"}),
        (["--project", "куратор семьи"], {"RU-AST"}),
        (["--project", "Кураторе семьи"], {"RU-AST"}),
        (["--topic", "наставничество"], {"RU-KHA"}),
        (["--source", "prim"], {"RU-PRI"}),
        (["--region", "Приморье"], {"RU-PRI"}),
    ],
)
def test_filters_narrow_articles_before_grouping(db_path, args, isos):
    assert {r["iso"] for r in rows(db_path, "--month", "2025-07", *args)} == isos


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--org", "Фонд Тимчено"], "Возможно, вы имели в виду «Фонд Тимченко»?"),
        (["--project", "Куратор семи"], "«Куратор семьи»"),
        (["--source", "astro"], "«astra»"),
        (["--topic", "Кризисный центр"], "«Кризисные центры»"),
    ],
)
def test_unknown_filter_name_suggests_nearest(db_path, args, fragment):
    result = counts(db_path, "--month", "2025-07", *args)
    assert result.exit_code == 2
    assert fragment in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_table_shows_change_against_previous_period(db_path):
    result = counts(db_path, "--month", "2025-07")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines()[2:]}
    assert lines["Астраханская"].rstrip().endswith("+1")
    assert lines["Приморский"].rstrip().endswith("новое")


def test_csv_has_header_and_rows(db_path):
    result = counts(db_path, "--month", "2025-07", "--format", "csv")
    # a UTF-8 BOM first, so Excel reads the Cyrillic; headers in Russian
    assert result.stdout.splitlines()[0] == "\ufeffРегион,Код ISO,Материалы,Сюжеты,Упоминания"
    assert len(result.stdout.splitlines()) == 4


def test_xlsx_has_russian_headers_and_the_same_rows_as_json(db_path):
    import io
    import json

    import openpyxl

    result = counts(db_path, "--month", "2025-07", "--format", "xlsx")
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).active
                .iter_rows(values_only=True))
    assert rows[0] == ("Регион", "Код ISO", "Материалы", "Сюжеты", "Упоминания")
    as_json = json.loads(counts(db_path, "--month", "2025-07", "--format", "json").stdout)
    assert [list(r) for r in rows[1:]] == [list(r.values()) for r in as_json]


def test_table_headers_are_russian(db_path):
    result = counts(db_path, "--month", "2025-07")
    assert result.stdout.splitlines()[0].split() == [
        "Регион", "Код", "ISO", "Материалы", "Сюжеты", "Упоминания", "Изменение"]
