"""Hostile and mistaken configuration (issue 18): YAML bombs, deep nesting, nonsense in the analyst
files (topics.yml, orgs.yml, projects.yml) — each one line naming the file and the line, exit 2."""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.core import yamlfile
from newsmon.core.errors import UserError
from newsmon.core.yamlfile import load_yaml_file
from pipeline.tag.orgs.tagger import load_org_entries
from pipeline.tag.projects.register import load_registry
from pipeline.tag.topics import load_topics, parse_query

TOPIC = "topics:\n  - name: Кризисные центры\n    query: кризисный центр\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The billion laughs: under 1 KB of text, width**levels strings once expanded."""
    lines = ["a0: &a0 [" + ",".join(['"ха"'] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    lines.append(TOPIC.rstrip())
    return "\n".join(lines) + "\n"


def one_line_error(result, fragment: str, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr[:2000]
    assert fragment in lines[0] and "Traceback" not in result.output
    return lines[0]


def tag(user_dir, text: str = "В Омске открыли кризисный центр для мам.", sources=None):
    return CliRunner().invoke(cli, ["tag", "--sources", str(sources or user_dir), "-"], input=text)


# --- YAML limits ---------------------------------------------------------------------------------


def test_alias_bomb_is_refused_naming_file_and_line(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert path.stat().st_size < 1024
    with pytest.raises(UserError, match=r"topics\.yml, строка \d+: .*ссыл") as info:
        load_yaml_file(path)
    assert "\n" not in str(info.value)


def test_alias_bomb_in_a_users_topics_is_one_line_from_the_cli(tmp_path):
    (tmp_path / "topics.yml").write_text(alias_bomb(), encoding="utf-8")
    one_line_error(tag(tmp_path), "topics.yml, строка")


def test_small_anchors_and_aliases_still_work(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("common: &sel {title: h1}\nsources:\n  - {name: a, selectors: *sel}\n"
                    "  - {name: b, selectors: *sel}\n", encoding="utf-8")
    data = load_yaml_file(path)
    assert [s["selectors"] for s in data["sources"]] == [{"title": "h1"}, {"title": "h1"}]


@pytest.mark.parametrize("text", ["topics: " + "[" * 5000 + "]" * 5000 + "\n",
                                  "topics: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n",
                                  "topics:\n" + "".join("  " * i + "- \n" for i in range(1, 400))])
def test_deep_nesting_is_one_line_not_a_recursion_error(tmp_path, text):
    (tmp_path / "topics.yml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка \d+: .*вложен"):
        load_yaml_file(tmp_path / "topics.yml")
    one_line_error(tag(tmp_path), "вложен")


def test_recursive_alias_is_one_line(tmp_path):
    (tmp_path / "topics.yml").write_text("a: &a [*a]\n" + TOPIC, encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка 1: .*ссыл"):
        load_yaml_file(tmp_path / "topics.yml")


def test_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text(TOPIC + "# " + "x" * getattr(yamlfile, "MAX_BYTES", 2_000_000) + "\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml: .*больше"):
        load_yaml_file(path)


def test_duplicate_key_in_one_mapping_is_an_error(tmp_path):
    path = tmp_path / "orgs.yml"
    path.write_text("orgs:\n  - name: Фонд А\n    name: Фонд Б\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"orgs\.yml, строка 3: .*«name»"):
        load_yaml_file(path)


def test_every_shipped_yaml_file_loads_within_the_limits():
    from pathlib import Path

    import pipeline

    data = Path(pipeline.__file__).parent / "data"
    for path in [*data.glob("*.yml"), Path("db/datasette.yml")]:
        assert load_yaml_file(path) is not None, path


# --- topic queries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ('"мама папа"~abc', "~"),
        ('"мама папа"~', "~"),
        ("*", "*"),
        ("семья AND *", "*"),
        ('"приемная *"', "*"),
        ("се*мья", "*"),
        ("~abc", "~"),
        ("семья ~ дети", "~"),
        ("NOT", "после оператора"),
    ],
)
def test_nonsense_topic_query_is_an_error(query, fragment):
    from pipeline.tag.topics import QueryError

    with pytest.raises(QueryError) as info:
        parse_query(query)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [('"мама папа"~abc', "~"), ("*", "*"), ("кризисный *", "*")],
)
def test_nonsense_topic_query_names_file_and_line(tmp_path, query, fragment):
    path = tmp_path / "topics.yml"
    path.write_text(TOPIC + f"  - name: Вторая\n    query: '{query}'\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка 4: тема «Вторая»") as info:
        load_topics(path)
    assert fragment in str(info.value)


def test_duplicate_topic_name_is_an_error(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text(TOPIC + "  - name: Кризисные центры\n    query: социальная гостиница\n",
                    encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка 4: .*«Кризисные центры».*строке 2"):
        load_topics(path)


def test_unknown_topic_field_is_an_error(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text(TOPIC + "    qeury: семья\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"topics\.yml, строка 2: .*qeury"):
        load_topics(path)


# --- orgs.yml and projects.yml -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("orgs:\n  - name: Фонд А\n    aliases: 5\n", 2, "aliases"),
        ("orgs:\n  - name: Фонд А\n    aliases: [Фонд, 5]\n", 2, "aliases"),
        ("orgs:\n  - name: Фонд А\n    aliases: ['  ']\n", 2, "aliases"),
        ("orgs:\n  - name: 5\n", 2, "name"),
        ("orgs:\n  - name: Фонд А\n  - name: Фонд А\n", 3, "Фонд А"),
        ("orgs:\n  - name: Фонд А\n    alias: [Фонд]\n", 2, "alias"),
    ],
)
def test_nonsense_in_orgs_file_names_file_and_line(tmp_path, text, line, fragment):
    path = tmp_path / "orgs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=rf"orgs\.yml, строка {line}: ") as info:
        load_org_entries(path)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("projects:\n  - name: Мой проект\n    aliases: 5\n", 2, "aliases"),
        ("projects:\n  - name: Мой проект\n    aliases: [«Мой проект», 5]\n", 2, "aliases"),
        ("projects:\n  - name: 5\n", 2, "name"),
        ("projects:\n  - name: Мой проект\n  - name: Мой проект\n", 3, "Мой проект"),
    ],
)
def test_nonsense_in_projects_file_names_file_and_line(tmp_path, text, line, fragment):
    path = tmp_path / "projects.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=rf"projects\.yml, строка {line}: ") as info:
        load_registry(path)
    assert fragment in str(info.value)


def test_years_may_still_be_numbers(tmp_path):
    path = tmp_path / "projects.yml"
    path.write_text("projects:\n  - name: Мой проект\n    years: [2018, 2019]\n", encoding="utf-8")
    assert load_registry(path).get("Мой проект").years == (2018, 2019)


# --- tag --sources DIR ---------------------------------------------------------------------------


def test_tag_reads_the_users_topics_from_a_sources_directory(tmp_path):
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - name: Только моя тема\n    query: кенгуру\n", encoding="utf-8")
    result = tag(tmp_path, "В зоопарке Омска родился кенгуру.")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["topics"] == ["Только моя тема"]


def test_tag_with_a_sources_file_reads_topics_beside_it(tmp_path):
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - name: Только моя тема\n    query: кенгуру\n", encoding="utf-8")
    result = tag(tmp_path, "В зоопарке Омска родился кенгуру.", sources=tmp_path / "sources.yml")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["topics"] == ["Только моя тема"]


def test_tag_with_a_missing_sources_directory_is_one_line(tmp_path):
    one_line_error(tag(tmp_path / "absent" / "deeper"), "absent")


def test_users_bad_topic_query_is_one_line_from_tag(tmp_path):
    (tmp_path / "topics.yml").write_text(textwrap.dedent("""\
        topics:
          - name: Кризисные центры
            query: '"мама папа"~abc'
        """), encoding="utf-8")
    one_line_error(tag(tmp_path), "topics.yml, строка 2")
