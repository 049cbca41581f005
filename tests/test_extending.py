"""The three extension points of docs/extending.md, each proven by adding a toy one
(tests/extending_toys.py): a source kind, a tagger, and the store every other package goes through."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from db import open_db
from newsmon.cli import cli
from newsmon.core.errors import UserError
from newsmon.siteserver import SiteServer
from newsmon.sources.config import load_sources
from newsmon.sources.kinds import SOURCE_KINDS, SourceKind
from pipeline.tag.base import TAGGERS
from pipeline.tag.run import load_tag_config, tag

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "sites"
# The one registry line of each recipe.
PAGES_KIND = SourceKind("extending_toys.start_pages", frozenset({"pages"}))
LENGTH_TAGGER = "length=extending_toys.LengthTagger"


def write_sources(path: Path, base: str, **entry: object) -> Path:
    source = {"name": "watched", "kind": "pages", "url": base, "region": "Омская область",
              "pages": [base + "news/5001/", base + "news/5002/"], **entry}
    path.write_text(yaml.safe_dump({"sources": [source]}, allow_unicode=True), encoding="utf-8")
    return path


# -- a source kind: one module, one line in SOURCE_KINDS -------------------------------------------


def test_a_registered_source_kind_is_read_from_sources_yml(tmp_path, monkeypatch):
    monkeypatch.setitem(SOURCE_KINDS, "pages", PAGES_KIND)
    config = load_sources(write_sources(tmp_path / "sources.yml", "http://127.0.0.1:1/"))
    (source,) = config.sources
    assert source.kind == "pages"
    assert source.option["pages"] == ["http://127.0.0.1:1/news/5001/", "http://127.0.0.1:1/news/5002/"]


def test_an_unregistered_kind_or_a_field_of_another_kind_is_a_user_error(tmp_path, monkeypatch):
    with pytest.raises(UserError, match="неизвестный вид источника «pages»"):
        load_sources(write_sources(tmp_path / "sources.yml", "http://127.0.0.1:1/"))
    monkeypatch.setitem(SOURCE_KINDS, "pages", PAGES_KIND)
    with pytest.raises(UserError, match="неизвестное поле 'feeds'"):
        load_sources(write_sources(tmp_path / "sources.yml", "http://127.0.0.1:1/", feeds=["/rss"]))


def test_sources_without_a_kind_are_web_sources(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("sources:\n- {name: a, url: 'http://127.0.0.1:1/', region: Омская область,"
                    " feeds: ['http://127.0.0.1:1/rss.xml']}\n", encoding="utf-8")
    (source,) = load_sources(path).sources
    assert (source.kind, source.feeds, source.options) == ("web", ("http://127.0.0.1:1/rss.xml",), ())


# -- a tagger: one module, one line in TAGGERS (or NEWSMON_TAGGERS) --------------------------------


def test_a_registered_tagger_labels_every_article(tmp_path, monkeypatch, models):
    monkeypatch.setitem(TAGGERS, *LENGTH_TAGGER.split("="))
    result = tag("В Омске открыли кризисный центр для мам.", config=load_tag_config(tmp_path))
    assert result.labels["length"] == ["короткая"]  # beside the built-in default `tone`
    assert result.to_json()["labels"]["length"] == ["короткая"]


def test_without_taggers_the_tag_json_is_unchanged(tmp_path, monkeypatch, models):
    monkeypatch.delitem(TAGGERS, "tone")  # the one registered by default (docs/tone.md)
    assert "labels" not in tag("Текст.", config=load_tag_config(tmp_path)).to_json()


# -- both, end to end: crawl → store → counts, filters, Datasette ----------------------------------


def crawl_with_kind(tmp: Path, start: str, **env: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """One crawl of a `pages` source whose kind starts at ``start`` (a function of
    tests/extending_toys.py), registered in the subprocess exactly as the recipe says (a
    SOURCE_KINDS line); the paths the site served."""
    shutil.copytree(SITES / "feeds_only", tmp / "sites" / "feeds_only")
    env = {**os.environ, **env, "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])}
    register = ("from newsmon.sources.kinds import SOURCE_KINDS, SourceKind; "
                f"SOURCE_KINDS['pages'] = SourceKind('extending_toys.{start}', frozenset({{'pages'}})); "
                "from newsmon.cli import main; main()")
    with SiteServer(tmp / "sites") as server:
        sources = write_sources(tmp / "sources.yml", server.url("feeds_only"))
        done = subprocess.run(
            [sys.executable, "-c", register, "crawl", "--sources", str(sources),
             "--db", str(tmp / "newsmon.db"), "--since", "2020-01-01"],
            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
        )
        paths = sorted(entry.path for entry in server.request_log)
    return done, paths


@pytest.fixture(scope="module")
def toy_crawl(tmp_path_factory):
    """One crawl of a `pages` source with the `length` tagger on (NEWSMON_TAGGERS)."""
    tmp = tmp_path_factory.mktemp("extending")
    done, paths = crawl_with_kind(tmp, "start_pages", NEWSMON_TAGGERS=LENGTH_TAGGER)
    assert done.returncode == 0, done.stdout + done.stderr
    env = {**os.environ, "NEWSMON_TAGGERS": LENGTH_TAGGER,
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)])}
    return {"db": tmp / "newsmon.db", "env": env, "paths": paths}

def test_a_new_source_kind_crawls_only_its_pages(toy_crawl):
    assert [p for p in toy_crawl["paths"] if p.startswith("/news/")] == ["/news/5001/", "/news/5002/"]
    db = open_db(toy_crawl["db"])
    assert {row["source"] for row in db.query("select source from articles")} == {"watched"}
    assert db.execute("select count(*) from articles").fetchone()[0] == 2


def test_a_new_taggers_labels_reach_storage_counts_filters_and_datasette(toy_crawl, monkeypatch):
    db = open_db(toy_crawl["db"])
    stored = db.execute("select tagger, count(*) from article_labels group by tagger").fetchall()
    assert stored == [("length", 2), ("tone", 2)]  # tone: registered by default
    monkeypatch.setenv("NEWSMON_TAGGERS", LENGTH_TAGGER)
    runner = CliRunner()
    by = runner.invoke(cli, ["counts", "--db", str(toy_crawl["db"]), "--all", "--by", "length",
                             "--format", "json"])
    assert by.exit_code == 0, by.output
    rows = json.loads(by.output)
    assert sum(row["materials"] for row in rows) == 2 and {"length", "materials"} <= set(rows[0])
    label = rows[0]["length"]
    filtered = runner.invoke(cli, ["counts", "--db", str(toy_crawl["db"]), "--all", "--by",
                                   "source", "--label", f"length={label}", "--format", "json"])
    assert filtered.exit_code == 0, filtered.output
    assert json.loads(filtered.output)[0]["materials"] == rows[0]["materials"]
    page = runner.invoke(cli, ["serve", "--db", str(toy_crawl["db"]), "--get",
                               "/newsmon/article_labels.json?_shape=array"])
    assert page.exit_code == 0, page.output
    assert {row["tagger"] for row in json.loads(page.output)} == {"length", "tone"}


def test_an_unknown_tagger_in_a_filter_is_one_line(toy_crawl):
    result = CliRunner().invoke(cli, ["counts", "--db", str(toy_crawl["db"]), "--label", "mood=x"])
    assert result.exit_code == 2 and "Неизвестная разметка «mood»" in result.output


# -- the store: the only package that speaks SQL ---------------------------------------------------

PRODUCT = ("newsmon", "spiders", "pipeline", "digest")
SQL_RE = re.compile(
    r"^\s*(select\s.*\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|create\s+(table|index|view|trigger)|drop\s+(table|index|view)|alter\s+table\s|pragma\s)",
    re.I | re.S,
)
DB_CALLS = {"execute", "executemany", "executescript", "query", "commit", "rollback"}


def sql_outside_db() -> list[str]:
    found = []
    for package in PRODUCT:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
                if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                        and SQL_RE.match(node.value):
                    found.append(f"{where} SQL text")
                elif isinstance(node, ast.Attribute) and node.attr in DB_CALLS \
                        and isinstance(node.value, ast.Attribute) and node.value.attr in {"db", "conn"}:
                    found.append(f"{where} .{node.value.attr}.{node.attr}()")
    return found


def test_no_sql_outside_db():
    assert sql_outside_db() == []


def test_migrations_do_not_import_the_pipeline():
    tree = ast.parse((ROOT / "db" / "migrations.py").read_text("utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not [m for m in imported if m and m.split(".")[0] == "pipeline"]


def test_a_bug_in_a_sources_reader_is_that_sources_error_not_a_quiet_empty_night(tmp_path):
    """A callback that raises loses what its page led to: the run counts it as the source's
    error, with the reason, and the run fails (its only source gave nothing) — not a night of 0
    new articles and 0 errors."""
    done, _ = crawl_with_kind(tmp_path, "start_broken_listing")
    row = open_db(tmp_path / "newsmon.db").execute(
        "select errors, last_error from run_sources where source = 'watched'").fetchone()
    assert row[0] == 1 and "listing reader bug" in row[1], done.stdout + done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
