"""`newsmon retag`: stored articles tagged again after an analyst's topics.yml changed; the run is
recorded, the changes are printed, corrections stay, and a second run changes nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from db.corrections import add_correction
from db.tags import read_field
from newsmon.cli import cli
from tests.factories import add_tagged, make_db

CRISIS = ("Кризисный центр для мам с детьми открылся в Перми\n"
          "В Пермском крае открылся кризисный центр для мам с детьми. Центр рассчитан на "
          "двенадцать мест и принимает женщин из всех районов края.")
FOOTBALL = ("Футбольный клуб «Амкар» выиграл кубок\n"
            "Пермский футбольный клуб «Амкар» выиграл кубок края. Болельщики праздновали победу "
            "на центральной площади Перми до поздней ночи.")
TOPIC = """topics:
  - name: Футбол
    query: футбольный клуб
"""


@pytest.fixture
def tagged(tmp_path, models):
    path = tmp_path / "t.db"
    db = make_db(path)
    add_tagged(db, [
        {"text": CRISIS, "title": "Кризисный центр для мам с детьми открылся в Перми",
         "published": "2025-10-02"},
        {"text": FOOTBALL, "title": "Футбольный клуб «Амкар» выиграл кубок",
         "published": "2025-10-03"},
    ], home="RU-PER")
    db.conn.close()
    return path


def retag(path, *args: str):
    result = CliRunner().invoke(cli, ["retag", *args, "--db", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_retag_without_changes_moves_nothing_and_is_recorded(tagged):
    out = retag(tagged, "--month", "2025-10")
    assert "Размечено статей: 2" in out
    assert "Изменилась релевантность: 0" in out and "Изменились регионы: 0" in out
    conn = sqlite3.connect(tagged)
    kind, status, pages, note = conn.execute(
        "select kind, status, pages, note from runs order by id desc limit 1").fetchone()
    assert (kind, status, pages) == ("retag", "ok", 2)
    assert json.loads(note)["relevance_changed"] == 0


def test_retag_reports_a_topic_edit_and_keeps_corrections(tagged, tmp_path):
    from db import open_db

    db = open_db(tagged)
    assert read_field(db, 2, "relevant") is False
    add_correction(db, 1, "regions", ["RU-BA"], author="a", reason="проверка")
    db.conn.close()
    folder = tmp_path / "analyst"
    folder.mkdir()
    (folder / "topics.yml").write_text(TOPIC, encoding="utf-8")
    out = retag(tagged, "--sources", str(folder))
    assert "Изменилась релевантность: 1 (стали релевантными 1, нерелевантными 0)" in out
    assert "#2 «Футбольный клуб «Амкар» выиграл кубок»: теперь релевантна" in out
    assert "Исправления аналитиков сохранены у статей: 1" in out
    db = open_db(tagged)
    assert read_field(db, 2, "relevant") is True
    assert read_field(db, 1, "regions") == [["RU-BA", 1]]
    topics = db.execute("select topic from article_topics where article_id = 2").fetchall()
    assert topics == [("Футбол",)]
    db.conn.close()
    # Idempotent: the same files again change nothing.
    again = retag(tagged, "--sources", str(folder))
    assert "Изменилась релевантность: 0" in again and "Изменились регионы: 0" in again


def test_retag_of_a_period_touches_only_its_articles(tagged, tmp_path):
    folder = tmp_path / "analyst"
    folder.mkdir()
    (folder / "topics.yml").write_text(TOPIC, encoding="utf-8")
    out = retag(tagged, "--from", "2025-10-01", "--to", "2025-10-02", "--sources", str(folder))
    assert "Размечено статей: 1" in out and "Изменилась релевантность: 0" in out


def test_a_bad_topics_file_is_one_line_before_anything_runs(tagged, tmp_path):
    folder = tmp_path / "analyst"
    folder.mkdir()
    (folder / "topics.yml").write_text("topics:\n  - name: x\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["retag", "--sources", str(folder), "--db", str(tagged)])
    assert result.exit_code == 2 and "topics.yml" in result.output
    conn = sqlite3.connect(tagged)
    assert conn.execute("select count(*) from runs where kind = 'retag'").fetchone()[0] == 0


def test_a_label_correction_of_a_registered_tagger_is_counted_kept_and_explained(
    tagged, monkeypatch, tmp_path
):
    """Corrections work for any registered tagger (`label:<name>`), here the toy `length`."""
    from pipeline.tag.base import TAGGERS

    monkeypatch.setitem(TAGGERS, "length", "tests.extending_toys.LengthTagger")
    folder = tmp_path / "analyst"  # a config of its own: the default one is cached per process
    folder.mkdir()
    retag(tagged, "--sources", str(folder))  # the tagger's labels for the stored articles
    runner = CliRunner()
    result = runner.invoke(cli, ["correct", "1", "--label", "length=длинная", "--reason",
                                 "проверка", "--db", str(tagged)])
    assert result.exit_code == 0, result.output
    assert "метки «length»: короткая → длинная" in result.output
    retag(tagged, "--sources", str(folder))
    out = runner.invoke(cli, ["counts", "--by", "length", "--all", "--format", "json",
                              "--db", str(tagged)]).output
    assert {r["length"]: r["materials"] for r in json.loads(out)} == {"длинная": 1, "короткая": 1}
    explained = runner.invoke(cli, ["explain", "1", "--sources", str(folder),
                                    "--db", str(tagged)]).output
    assert "Метки «length»: длинная" in explained
    assert "(разметка: короткая)" in explained


def test_a_crash_loses_at_most_the_batch_in_flight_and_a_rerun_finishes(tagged, tmp_path,
                                                                        monkeypatch):
    """Each batch is one transaction: a failure in the second batch leaves the first written,
    the run marked failed; running again gives the same tables as an uninterrupted run."""
    import pipeline.tag.run as run_mod
    from db import open_db
    from db.retag import retag as retag_db
    from pipeline.tag.run import load_tag_config

    folder = tmp_path / "analyst"
    folder.mkdir()
    (folder / "topics.yml").write_text(TOPIC, encoding="utf-8")
    config = load_tag_config(folder)
    real = run_mod.tag_many
    calls = []

    def failing(items, cfg=None):
        calls.append(len(items))
        if len(calls) == 2:
            raise RuntimeError("killed")
        return real(items, cfg)

    monkeypatch.setattr(run_mod, "tag_many", failing)
    db = open_db(tagged)
    add_correction(db, 2, "regions", ["RU-BA"], author="a", reason="r")
    with db.conn:  # stale machine tags that the first batch will rewrite
        db.execute("update articles set relevant = 0 where id = 1")
    with pytest.raises(RuntimeError):
        retag_db(db, config, batch=1)
    assert read_field(db, 1, "relevant") is True  # batch 1 written (it was stale)
    assert read_field(db, 2, "relevant") is False  # batch 2 not
    status, note = db.execute(
        "select status, note from runs where kind = 'retag' order by id desc").fetchone()
    assert status == "failed" and json.loads(note)["articles"] == 1
    monkeypatch.setattr(run_mod, "tag_many", real)
    report = retag_db(db, config, batch=1)
    assert [c.article_id for c in report.relevance] == [2]
    assert read_field(db, 2, "relevant") is True
    assert read_field(db, 2, "regions") == [["RU-BA", 1]]
    db.conn.close()
