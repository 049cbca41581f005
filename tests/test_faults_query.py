"""Odd periods and queries (issue 18): extreme dates are one line with exit 2, and `search` speaks
the topics.yml query language (AND/OR/NOT, phrases, ~N, prefix*) instead of requiring every token."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from factories import article, make_db

from db.search import search
from newsmon.cli import cli

CRISIS = "Кризисный центр открылся в Уссурийске"
YEAR = "Итоги года"
FOSTER = "Приёмным семьям вручили награды"
STEEL = "Металлурги отчитались"

ARTICLES = [
    article("В Уссурийске открылся кризисный центр для женщин с детьми. Центр рассчитан на "
            "двенадцать мест. Помощь психолога и юриста получат мамы, оказавшиеся в трудной "
            "ситуации.", title=CRISIS, source="primamedia", published="2025-10-03",
            regions=["RU-PRI"]),
    article("Во Владивостоке обсудили работу кризисных центров края. Специалисты рассказали о "
            "семьях, которым помогли за год.", title=YEAR, source="vl", published="2025-09-20",
            regions=["RU-PRI"]),
    article("В Хабаровске наградили приёмных родителей. Семья Ивановых воспитывает семерых детей, "
            "а в прошлом году взяла из детского дома ещё двоих ребят.", title=FOSTER,
            source="dvnovosti", published="2025-10-10", regions=["RU-KHA"]),
    article("Цены на сталь выросли. Производство стали на комбинате увеличилось на пять процентов.",
            title=STEEL, source="dvnovosti", published="2025-10-12", relevant=False),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("query") / "q.db", ARTICLES)


@pytest.fixture(scope="module")
def db_path(db):
    return db.execute("pragma database_list").fetchone()[2]


def one_line_error(result, fragment: str, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[-2000:]
    assert fragment in lines[0] and "Traceback" not in result.output
    return lines[0]


# --- periods -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["counts", "search", "digest"])
@pytest.mark.parametrize(
    "period",
    [
        ["--month", "0001-01"],
        ["--month", "0000-05"],
        ["--month", "9999-12"],
        ["--from", "0001-01-01", "--to", "9999-12-31"],
        ["--from", "0001-01-01", "--to", "0001-01-31"],
        ["--from", "2025-01-01", "--to", "9999-12-31"],
    ],
)
def test_extreme_periods_are_one_line_with_exit_2(db_path, tmp_path, command, period):
    args = {"counts": ["counts"], "search": ["search", "центр"],
            "digest": ["digest", "--out", str(tmp_path / "d.html")]}[command]
    result = CliRunner().invoke(cli, [*args, *period, "--db", db_path])
    one_line_error(result, "год")


def test_a_long_but_sane_period_still_works(db_path):
    result = CliRunner().invoke(cli, ["counts", "--from", "1990-01-01", "--to", "2099-12-31",
                                      "--by", "source", "--all", "--db", db_path])
    assert result.exit_code == 0, result.output
    assert "primamedia" in result.output


# --- search: the topics.yml query language -------------------------------------------------------


def titles(rows) -> set[str]:
    return {r["title"] for r in rows}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Уссурийск OR Хабаровск", {CRISIS, FOSTER}),
        ("Уссурийск ИЛИ Хабаровск", {CRISIS, FOSTER}),
        ("Уссурийск | Хабаровск", {CRISIS, FOSTER}),
        ("центр NOT Уссурийск", {YEAR}),
        ("центр НЕ Уссурийск", {YEAR}),
        ("центр -Уссурийск", {YEAR}),
        ("(Уссурийск OR Владивосток) AND NOT психолог", {YEAR}),
        ("кризис*", {CRISIS, YEAR}),
        ("Уссур*", {CRISIS}),
        ('"центр дети"', set()),
        ('"центр дети"~5', {CRISIS}),
        ('"кризисный центр"', {CRISIS, YEAR}),
        ("«приёмная семья»", {FOSTER}),
        ("кризисный AND центр", {CRISIS, YEAR}),
        ("кризисный центр", {CRISIS, YEAR}),
        ("о кризисных центрах и о помощи", {CRISIS}),
        ("сталью", {STEEL}),
    ],
)
def test_search_understands_the_topic_query_language(db, query, expected):
    assert titles(search(db, query)) == expected


def test_search_or_ranks_and_highlights_every_alternative(db):
    rows = search(db, "Уссурийск OR Хабаровск")
    snippets = " ".join(r["snippet"] for r in rows)
    assert "[Уссурийске]" in snippets and "[Хабаровске]" in snippets
    assert all(r["score"] > 0 for r in rows)


def test_search_prefix_is_highlighted(db):
    (row,) = search(db, "Уссур*")
    assert "[Уссурийске]" in row["snippet"]


def test_cli_search_with_operators(db_path):
    result = CliRunner().invoke(cli, ["search", "центр NOT Уссурийск", "--format", "json",
                                      "--db", db_path])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in json.loads(result.stdout)] == [YEAR]


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('"мама папа"~abc', "~"),
        ("*", "*"),
        ("центр AND", "после оператора"),
        ("(центр", "скобк"),
        ('"центр', "кавычк"),
        ("NOT центр", "NOT"),
        ("-центр -Уссурийск", "NOT"),
    ],
)
def test_bad_search_query_is_one_line_with_exit_2(db_path, query, fragment):
    result = CliRunner().invoke(cli, ["search", "--db", db_path, "--", query])
    one_line_error(result, fragment)


def test_search_words_cannot_inject_fts5_syntax(db):
    for query in ('title: центр', 'NEAR(центр дети)', 'центр^', '{title body}: центр'):
        search(db, query)  # any FTS5 syntax error would raise sqlite3.OperationalError
