"""Lemma full-text search: every inflection found, filters narrow, ranking and snippets read well."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.search import match_expression, rebuild_index, search, snippet
from tests.factories import article, make_db

ARTICLES = [
    article(
        "В Уссурийске открылся кризисный центр для женщин с детьми. Центр рассчитан на двенадцать "
        "мест. Помощь психолога и юриста получат мамы, оказавшиеся в трудной ситуации.",
        title="Кризисный центр открылся в Уссурийске", source="primamedia",
        published="2025-10-03", regions=["RU-PRI"],
    ),
    article(
        "Во Владивостоке обсудили работу кризисных центров края. Специалисты рассказали о семьях, "
        "которым помогли за год.",
        title="Итоги года", source="vl", published="2025-09-20", regions=["RU-PRI"],
    ),
    article(
        "В Хабаровске наградили приёмных родителей. Семья Ивановых воспитывает семерых детей, "
        "а в прошлом году взяла из детского дома ещё двоих ребят.",
        title="Приёмным семьям вручили награды", source="dvnovosti", published="2025-10-10",
        regions=["RU-KHA"],
    ),
    article(
        "Цены на сталь выросли. Производство стали на комбинате увеличилось на пять процентов.",
        title="Металлурги отчитались", source="dvnovosti", published="2025-10-12", relevant=False,
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_db(tmp_path_factory.mktemp("search") / "s.db", ARTICLES)


def titles(rows):
    return [r["title"] for r in rows]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("кризисный центр", {"Кризисный центр открылся в Уссурийске", "Итоги года"}),
        ("кризисных центров", {"Кризисный центр открылся в Уссурийске", "Итоги года"}),
        ("КРИЗИСНОМУ ЦЕНТРУ", {"Кризисный центр открылся в Уссурийске", "Итоги года"}),
        ("дети", {"Кризисный центр открылся в Уссурийске", "Приёмным семьям вручили награды"}),
        ("ребёнок", {"Кризисный центр открылся в Уссурийске", "Приёмным семьям вручили награды"}),
        ("приемная семья", {"Приёмным семьям вручили награды"}),
        ("семей", {"Итоги года", "Приёмным семьям вручили награды"}),
        ("Уссурийск", {"Кризисный центр открылся в Уссурийске"}),
        ("сталью", {"Металлурги отчитались"}),
        ("кризисный Хабаровск", set()),
        ("о кризисных центрах и о помощи", {"Кризисный центр открылся в Уссурийске"}),
        ("в", {"Кризисный центр открылся в Уссурийске", "Итоги года",
               "Приёмным семьям вручили награды"}),
    ],
)
def test_every_inflection_finds_the_article(db, query, expected):
    assert set(titles(search(db, query))) == expected


def test_title_match_ranks_first(db):
    rows = search(db, "кризисный центр")
    assert rows[0]["title"] == "Кризисный центр открылся в Уссурийске"
    assert rows[0]["score"] >= rows[1]["score"]


def test_period_region_and_source_narrow_results(db):
    from db.queries import Filters
    from newsmon.core.periods import parse_month

    october = parse_month("2025-10")
    assert titles(search(db, "кризисный центр", october)) == ["Кризисный центр открылся в Уссурийске"]
    assert titles(search(db, "дети", None, Filters(region_iso="RU-KHA", relevant_only=False))) == [
        "Приёмным семьям вручили награды"
    ]
    assert titles(search(db, "центр", None, Filters(source="vl", relevant_only=False))) == [
        "Итоги года"
    ]


def test_snippet_shows_original_words_around_matches():
    text = ("Начало текста без совпадений. " * 5) + "Открылись новые кризисные центры для мам."
    out = snippet(text, {"кризисный", "центр"}, words=8)
    assert "[кризисные] [центры]" in out
    assert out.startswith("…")


def test_query_words_become_quoted_terms():
    # FTS5 syntax in the query (column filters, NEAR, ^) stays words; operators are the topics.yml
    # language's (tests/test_faults_query.py)
    assert match_expression("title: NEAR центр^") == '("title") AND ("near") AND ("центр")'
    assert '"для"' not in match_expression("для детей")
    assert '"для"' in match_expression("для")  # nothing else to search for
    assert match_expression(" ,.! ") is None


def test_rebuild_index_restores_search_after_loss(tmp_path):
    db = make_db(tmp_path / "r.db", ARTICLES[:2])
    with db.atomic():
        db.execute("delete from articles_fts")
    assert search(db, "центр") == []
    assert rebuild_index(db) == 2
    assert len(search(db, "центр")) == 2
    db.conn.close()
    from db import open_db

    assert len(search(open_db(tmp_path / "r.db"), "центр")) == 2  # committed


def test_cli_search_json_and_table(db):
    from newsmon.cli import cli

    path = db.execute("pragma database_list").fetchone()[2]
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "кризисных центрах", "--month", "2025-10",
                                 "--region", "Приморский край", "--format", "json", "--db", path])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["title"] for r in rows] == ["Кризисный центр открылся в Уссурийске"]
    assert "[кризисный] [центр]" in rows[0]["snippet"].lower()
    table = runner.invoke(cli, ["search", "центр", "--db", path])
    assert table.exit_code == 0 and "1. 2025-10-03 · primamedia" in table.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "!!!"], "Пустой запрос"),
        (["search", "центр", "--region", "Примор"], "Приморский край"),
        (["search", "центр", "--month", "2025-13"], "Неверный месяц"),
    ],
)
def test_cli_search_user_mistakes_are_one_line(db, args, message):
    from newsmon.cli import cli

    path = db.execute("pragma database_list").fetchone()[2]
    result = CliRunner().invoke(cli, [*args, "--db", path])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_cli_table_marks_reprints(tmp_path):
    from newsmon.cli import cli

    text = "Семейный центр открылся в Находке, там помогут мамам с малышами и подросткам. " * 3
    make_db(tmp_path / "r.db", [
        article(text, source="a", published="2025-10-01", story="x"),
        article(text, source="b", published="2025-10-02", story="x"),
    ]).conn.close()
    result = CliRunner().invoke(cli, ["search", "семейный центр", "--db", str(tmp_path / "r.db")])
    lines = [line for line in result.output.splitlines() if line[:1].isdigit()]
    assert sum("(перепечатка)" in line for line in lines) == 1
    assert "· b ·" in next(line for line in lines if "(перепечатка)" in line)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-10-04", "2025-10-31", set()),
        ("2025-10-03", "2025-10-03", {"Кризисный центр открылся в Уссурийске"}),
        ("2025-09-15", "2025-10-03", {"Кризисный центр открылся в Уссурийске", "Итоги года"}),
        ("2019-01-01", "2025-12-31", {"Кризисный центр открылся в Уссурийске", "Итоги года"}),
    ],
)
def test_from_to_periods_are_exact_to_the_day(db, start, end, expected):
    import datetime as dt

    from newsmon.core.periods import Period

    period = Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert set(titles(search(db, "кризисный центр", period))) == expected
