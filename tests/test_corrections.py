"""Analysts' corrections: recorded with who/when/why, applied to the tag tables that every reader
uses (counts, search, digest), kept over the machine's re-tagging, withdrawn back to the machine."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.corrections import (
    add_correction,
    apply_corrections,
    corrections_for,
    machine_value,
    write_machine_tags,
)
from db.queries import Filters, counts
from db.search import search
from db.tags import TagValues, read_field
from newsmon.cli import cli
from newsmon.core.periods import parse_month
from tests.factories import article, make_db

OCTOBER = parse_month("2025-10")
CRISIS = "Кризисный центр для женщин с детьми открылся в Уссурийске. Центр рассчитан на двенадцать мест."
FOOTBALL = "Футбольный клуб выиграл кубок края. Болельщики праздновали победу."


@pytest.fixture
def db(tmp_path):
    db = make_db(tmp_path / "t.db", [
        article(CRISIS, source="primamedia", published="2025-10-02", regions=[("RU-PRI", 3)],
                orgs=["Фонд Тимченко"], topics=["кризисные центры"], projects=["Семья"]),
        article(FOOTBALL, source="vl", published="2025-10-05", regions=["RU-PRI"],
                relevant=False),
    ])
    yield db
    db.conn.close()


def materials(db, **filters) -> dict[str, int]:
    return {row["iso"]: row["materials"]
            for row in counts(db, "region", OCTOBER, Filters(**filters))}


def test_a_region_correction_moves_counts_and_search_and_keeps_the_machine_value(db):
    assert materials(db) == {"RU-PRI": 1}
    add_correction(db, 1, "regions", ["RU-KHA"], author="ivanova", reason="центр в Хабаровске")
    assert materials(db) == {"RU-KHA": 1}
    assert read_field(db, 1, "regions") == [["RU-KHA", 1]]
    assert machine_value(db, 1, "regions") == [["RU-PRI", 3]]
    found = search(db, "кризисный центр", OCTOBER, Filters(region_iso="RU-KHA", relevant_only=False))
    assert [r["id"] for r in found] == [1]
    assert not search(db, "кризисный центр", OCTOBER, Filters(region_iso="RU-PRI"))


def test_relevance_corrections_change_the_counted_materials(db):
    add_correction(db, 2, "relevant", True, author="a", reason="о поддержке семей болельщиков")
    add_correction(db, 1, "relevant", False, author="a", reason="реклама")
    assert materials(db) == {"RU-PRI": 1}
    rows = db.execute("select id from articles where relevant = 1").fetchall()
    assert rows == [(2,)]


def test_the_digest_counts_the_corrected_values(db):
    from db.digest_queries import region_counts

    before = {r["iso"]: r["materials"] for r in region_counts(db, OCTOBER)}
    add_correction(db, 1, "regions", ["RU-KHA", "RU-PRI"], author="a", reason="оба края")
    after = {r["iso"]: r["materials"] for r in region_counts(db, OCTOBER)}
    assert before == {"RU-PRI": 1}
    assert after == {"RU-KHA": 1, "RU-PRI": 1}


def test_withdrawing_restores_the_machine_value_and_the_newest_correction_wins(db):
    add_correction(db, 1, "regions", ["RU-KHA"], author="a", reason="1")
    add_correction(db, 1, "regions", ["RU-AMU"], author="b", reason="2")
    assert read_field(db, 1, "regions") == [["RU-AMU", 1]]
    add_correction(db, 1, "regions", None, author="b", reason="ошибся")
    assert read_field(db, 1, "regions") == [["RU-PRI", 3]]
    assert db.execute("select count(*) from machine_tags").fetchone()[0] == 0
    history = corrections_for(db, 1)
    assert [(c["author"], c["value"], c["active"]) for c in history] == [
        ("a", ["RU-KHA"], False), ("b", ["RU-AMU"], False), ("b", None, False)]
    assert all(c["created"] for c in history)


def test_apply_is_idempotent(db):
    add_correction(db, 1, "orgs", ["Фонд Тимченко", "Мой фонд"], author="a", reason="r")
    apply_corrections(db)
    apply_corrections(db, [1])
    assert read_field(db, 1, "orgs") == [["Фонд Тимченко", 1], ["Мой фонд", 1]]
    assert machine_value(db, 1, "orgs") == [["Фонд Тимченко", 1]]


def test_corrections_survive_the_machine_rewriting_the_tags(db):
    """The re-tag path (retag, a recrawl that tags again) writes new machine values; the
    correction is re-applied in the same transaction and the new machine value is kept."""
    add_correction(db, 1, "regions", ["RU-KHA"], author="a", reason="r")
    add_correction(db, 1, "label:tone", ["negative"], author="a", reason="r")
    fresh = TagValues(relevant=True, regions=[("RU-PRI", 1), ("RU-AMU", 2)], orgs=[("Фонд", 1)],
                      topics=["кризисные центры"], labels=[("tone", "positive")])
    write_machine_tags(db, 1, fresh, taggers=["tone"])
    assert read_field(db, 1, "regions") == [["RU-KHA", 1]]
    assert machine_value(db, 1, "regions") == [["RU-PRI", 1], ["RU-AMU", 2]]
    assert read_field(db, 1, "label:tone") == ["negative"]
    assert machine_value(db, 1, "label:tone") == ["positive"]
    assert read_field(db, 1, "orgs") == [["Фонд", 1]]  # not corrected: the machine's new value
    assert materials(db) == {"RU-KHA": 1}


def test_bad_values_are_one_line_errors(db):
    from newsmon.core.errors import UserError

    with pytest.raises(UserError, match="не найдена"):
        add_correction(db, 99, "relevant", False, author="a", reason="r")
    with pytest.raises(UserError, match="поле"):
        add_correction(db, 1, "colour", ["red"], author="a", reason="r")
    with pytest.raises(UserError, match="RU-XXX"):
        add_correction(db, 1, "regions", ["RU-XXX"], author="a", reason="r")


# --- the command line ------------------------------------------------------------------------------


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_cli_corrects_by_url_with_region_names_and_lists(db, tmp_path):
    path = str(tmp_path / "t.db")
    url = db.execute("select url from articles where id = 1").fetchone()[0]
    result = run("correct", url, "--regions", "Хабаровский край, Прикамье, RU-AMU",
                 "--reason", "перечень победителей", "--db", path,
                 env={"NEWSMON_ANALYST": "Иванова"})
    assert result.exit_code == 0, result.output
    assert "Хабаровский край, Пермский край, Амурская область" in result.output
    result = run("counts", "--month", "2025-10", "--format", "json", "--db", path)
    assert {r["iso"] for r in json.loads(result.output)} == {"RU-KHA", "RU-PER", "RU-AMU"}
    result = run("correct", "1", "--irrelevant", "--projects", "Кураторы семьи",
                 "--reason", "не по теме", "--author", "Петров", "--db", path)
    assert result.exit_code == 0, result.output
    listed = json.loads(run("correct", "--list", "--month", "2025-10", "--format", "json",
                            "--db", path).output)
    assert [(r["author"], r["field"]) for r in listed] == [
        ("Петров", "projects"), ("Петров", "relevant"), ("Иванова", "regions")]
    assert listed[2]["reason"] == "перечень победителей"
    assert "проекты: Семья → Куратор семьи" in result.output
    result = run("counts", "--month", "2025-10", "--format", "json", "--db", path)
    assert json.loads(result.output) == []


def test_cli_withdraws(db, tmp_path):
    path = str(tmp_path / "t.db")
    run("correct", "1", "--regions", "Хабаровский край", "--reason", "r", "--db", path)
    result = run("correct", "1", "--withdraw", "regions", "--reason", "ошибся", "--db", path)
    assert result.exit_code == 0, result.output
    assert "отозвано" in result.output and "→ Приморский край" in result.output
    again = run("correct", "1", "--withdraw", "regions", "--reason", "r", "--db", path)
    assert again.exit_code == 2 and "нет действующего исправления" in again.output


@pytest.mark.parametrize("args, message", [
    (["99", "--irrelevant", "--reason", "r"], "Статья не найдена в базе: 99"),
    (["http://nowhere.example/x", "--irrelevant", "--reason", "r"], "Статья не найдена"),
    (["1", "--regions", "Хабаровск", "--reason", "r"], "Неизвестный регион «Хабаровск»"),
    (["1", "--projects", "Несуществующий проект", "--reason", "r"], "Неизвестный проект"),
    (["1", "--irrelevant"], "Укажите причину"),
    (["1", "--reason", "r"], "Укажите, что исправить"),
    (["1", "--label", "mood=sad", "--reason", "r"], "Неизвестная разметка «mood»"),
])
def test_cli_errors_are_one_line(db, tmp_path, args, message):
    result = run("correct", *args, "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.output
    assert "Traceback" not in result.output
