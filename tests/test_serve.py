"""`newsmon serve`: every canned query answers through Datasette's --get, agreeing with counts."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.queries import canned, counts
from newsmon.cli import cli
from newsmon.core.periods import parse_month
from tests.factories import article, make_db

TIMCHENKO = "Благотворительный фонд Елены и Геннадия Тимченко"
STORY = "Кризисный центр для женщин с детьми открылся в Уссурийске. Центр рассчитан на двенадцать мест. " * 3


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "monitor.db"
    make_db(path, [
        article(STORY, source="primamedia", published="2025-10-02", regions=[("RU-PRI", 3)],
                orgs=[TIMCHENKO], topics=["кризисные центры"], projects=["Маленькие взрослые"],
                story="crisis"),
        article(STORY, source="vl", published="2025-10-04", regions=[("RU-PRI", 2)],
                orgs=[TIMCHENKO], topics=["кризисные центры"], projects=["Маленькие взрослые"],
                story="crisis"),
        article("Приёмные семьи Хабаровска получили награды губернатора. " * 4, source="dvnovosti",
                published="2025-10-10", regions=["RU-KHA"], topics=["приёмные семьи"]),
        article("Наставники выпускников детских домов встретились в Хабаровске. " * 4,
                source="dvnovosti", published="2025-09-15", regions=["RU-KHA"],
                orgs=[TIMCHENKO], projects=["Маленькие взрослые"]),
        article("Футбольный клуб выиграл кубок края. " * 4, source="vl", published="2025-10-05",
                regions=["RU-PRI"], relevant=False),
    ]).conn.close()
    return path


_clients: dict = {}


def get(db_path, path: str):
    """One Datasette per database, built as `newsmon serve` builds it (the CLI is tested below)."""
    from datasette.utils.testing import TestClient

    from newsmon.commands.serve import build_datasette

    if db_path not in _clients:
        _clients[db_path] = TestClient(build_datasette(db_path))
    response = _clients[db_path].get(path)
    assert response.status == 200, response.text
    return json.loads(response.text)


def test_cli_get_prints_one_response(db_path):
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db_path), "--get", "/monitor/materials_by_region.json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["query_name"] == "materials_by_region"


def test_cli_get_of_a_missing_page_fails(db_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--get", "/monitor/nope"])
    assert result.exit_code == 1


def rows_of(data: dict) -> list[dict]:
    return [dict(zip(data["columns"], row)) for row in data["rows"]]


OCTOBER = "date_from=2025-10-01&date_to=2025-10-31"


def test_materials_by_region_matches_counts_and_shows_reprints(db_path):
    rows = rows_of(get(db_path, f"/monitor/materials_by_region.json?{OCTOBER}"))
    assert rows[0] == {"region": "Приморский край", "iso": "RU-PRI", "materials": 2, "stories": 1,
                       "reprints": 1, "mentions": 5}
    from db import open_db

    expected = counts(open_db(db_path), "region", parse_month("2025-10"))
    assert [{k: r[k] for k in ("iso", "materials", "stories", "mentions")} for r in rows] == [
        {k: r[k] for k in ("iso", "materials", "stories", "mentions")} for r in expected
    ]


@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        ("project_materials_by_region", OCTOBER,
         [{"region": "Приморский край", "iso": "RU-PRI", "materials": 2, "stories": 1,
           "reprints": 1}]),
        ("projects_by_region", "date_from=2025-09-01&date_to=2025-10-31",
         [{"project": "Маленькие взрослые", "region": "Приморский край", "iso": "RU-PRI",
           "materials": 2, "stories": 1, "mentions": 2},
          {"project": "Маленькие взрослые", "region": "Хабаровский край", "iso": "RU-KHA",
           "materials": 1, "stories": 1, "mentions": 1}]),
    ],
)
def test_project_queries_by_region_and_period(db_path, query, params, expected):
    assert rows_of(get(db_path, f"/monitor/{query}.json?{params}")) == expected


def test_outlets_about_an_org_by_part_of_its_name(db_path):
    rows = rows_of(get(db_path, f"/monitor/outlets_about_org.json?org=Тимченко&{OCTOBER}"))
    assert [(r["source"], r["materials"]) for r in rows] == [("primamedia", 1), ("vl", 1)]
    all_time = rows_of(get(db_path, "/monitor/outlets_about_org.json?org=Тимченко"))
    assert {r["source"] for r in all_time} == {"primamedia", "vl", "dvnovosti"}


@pytest.mark.parametrize("region", ["Приморский край", "RU-PRI", "ru-pri"])
def test_topic_in_region_lists_articles_with_reprint_marks(db_path, region):
    rows = rows_of(get(db_path, f"/monitor/topic_in_region.json?topic=кризис&region={region}"))
    assert [r["source"] for r in rows] == ["vl", "primamedia"]
    assert rows[0]["reprint_of"] != "" and rows[1]["reprint_of"] == ""


def test_canned_query_runs_without_a_period(db_path):
    from db import open_db

    rows = canned(open_db(db_path), "materials_by_region")
    assert {r["iso"]: r["materials"] for r in rows} == {"RU-PRI": 2, "RU-KHA": 2}


@pytest.mark.parametrize("facet", ["month", "source"])
def test_materials_view_has_facets(db_path, facet):
    data = get(db_path, "/monitor/materials.json?_extra=facet_results")
    facets = data["facet_results"]
    results = facets.get("results", facets)
    assert facet in results


def test_array_facet_on_regions(db_path):
    data = get(db_path, "/monitor/materials.json?_extra=facet_results")
    facets = data["facet_results"]
    results = facets.get("results", facets)
    values = {v["value"]: v["count"] for v in results["regions"]["results"]}
    assert values["Приморский край"] == 2  # the football match is not a material


def test_metadata_is_russian(db_path):
    data = get(db_path, "/-/metadata.json")
    database = data["databases"]["monitor"]
    assert database["queries"]["outlets_about_org"]["title"] == "Какие СМИ писали об организации"
    assert "select" in database["queries"]["topic_in_region"]["sql"]


def test_serve_missing_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "no.db"), "--get", "/"])
    assert result.exit_code == 2
    assert "не найдена" in result.output and "Traceback" not in result.output
