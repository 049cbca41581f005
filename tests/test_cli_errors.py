"""User mistakes end in one line on stderr and a non-zero exit code, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsmon.cli import cli


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def assert_one_line_error(result, code: int, fragment: str):
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsmon: ")
    assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_counts_on_missing_database(run):
    assert_one_line_error(run("counts", "--db", "none.db", "--month", "2025-10"), 2, "не найдена")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--month", "2025-13"], "Неверный месяц"),
        (["--month", "2025-10", "--from", "2025-10-01", "--to", "2025-10-02"], "либо --month"),
        (["--from", "2025-10-10", "--to", "2025-10-01"], "позже конца"),
    ],
)
def test_counts_bad_period(run, args, fragment):
    assert_one_line_error(run("counts", *args), 2, fragment)


def test_crawl_with_missing_sources_file(run):
    assert_one_line_error(run("crawl", "--sources", "absent.yml"), 2, "absent.yml")


def test_crawl_with_malformed_sources(run, tmp_path):
    (tmp_path / "sources.yml").write_text("sources:\n  - name: x\n   url: oops\n", encoding="utf-8")
    assert_one_line_error(run("crawl"), 2, "sources.yml, строка")


def test_crawl_with_unknown_region(run, tmp_path):
    (tmp_path / "sources.yml").write_text(
        "sources:\n  - name: x\n    url: http://127.0.0.1:9/\n    region: Хабаровская обл.\n",
        encoding="utf-8",
    )
    assert_one_line_error(run("crawl"), 2, "Хабаровский край")


def test_tag_missing_file(run):
    assert_one_line_error(run("tag", "absent.txt"), 2, "Файл не найден")


def test_extract_missing_file(run):
    assert_one_line_error(run("extract", "absent.html"), 2, "Файл не найден")


def test_extract_unreachable_url(run):
    assert_one_line_error(run("extract", "http://127.0.0.1:9/x"), 1, "недоступен")
