"""Readers never write (issue 18): counts/search/digest/serve open the database read-only; only a
writer (crawl, `newsmon migrate`) migrates, and a file that is not newsmon's, or is newer than this
newsmon, is refused in one line and left byte-identical."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import article, make_db
from sqlite_utils import Database

from db.migrations import migrations
from newsmon.cli import cli

NAMES = [m.name for m in migrations._migrations]
READERS = (
    ["counts", "--month", "2025-10"],
    ["search", "центр"],
    ["serve", "--get", "/-/versions.json"],
)


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture
def newsmon_db(tmp_path) -> Path:
    path = tmp_path / "n.db"
    make_db(path, [article("Кризисный центр открылся в Уссурийске. " * 5, published="2025-10-03",
                           regions=["RU-PRI"])]).conn.close()
    return path


def build_older(path: Path, version: int) -> None:
    """A database as an older newsmon left it: the first `version` migrations applied."""
    conn = sqlite3.connect(str(path))
    migrations.apply(Database(conn), stop_before=NAMES[version])
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def build_foreign(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("create table contacts (id integer primary key, name text)")
    conn.execute("insert into contacts (name) values ('Иван')")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def build_newer(path: Path) -> None:
    """A database a newer newsmon wrote: one migration this version does not know."""
    make_db(path).conn.close()
    conn = sqlite3.connect(str(path))
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('newsmon', 'm0099_from_the_future', '2027-01-01 00:00:00+00:00')"
    )
    conn.execute(f"PRAGMA user_version = {len(NAMES) + 1}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_reader_on_an_older_schema_says_migrate_and_writes_nothing(tmp_path, command):
    path = tmp_path / "old.db"
    build_older(path, 3)
    before = digest_of(path)
    result = run(*command, "--db", str(path))
    assert result.exit_code == 2
    assert "newsmon migrate" in one_line(result.output)
    assert digest_of(path) == before
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (3,)


@pytest.mark.parametrize("command", [*READERS, ["crawl", "--sources", "SOURCES"]],
                         ids=lambda c: c[0])
def test_foreign_sqlite_file_is_refused_and_left_byte_identical(tmp_path, command, sources_yml):
    path = tmp_path / "contacts.db"
    build_foreign(path)
    before = digest_of(path)
    command = [sources_yml if c == "SOURCES" else c for c in command]
    result = run(*command, "--db", str(path))
    assert result.exit_code == 2, result.output
    assert "не база данных newsmon" in one_line(result.output)
    assert digest_of(path) == before
    assert not Path(str(path) + "-wal").exists()


@pytest.mark.parametrize("command", [*READERS, ["crawl", "--sources", "SOURCES"], ["migrate"]],
                         ids=lambda c: c[0])
def test_database_of_a_newer_newsmon_is_refused_and_left_byte_identical(
    tmp_path, command, sources_yml
):
    path = tmp_path / "future.db"
    build_newer(path)
    before = digest_of(path)
    command = [sources_yml if c == "SOURCES" else c for c in command]
    result = run(*command, "--db", str(path))
    assert result.exit_code == 2, result.output
    assert "более новой версией newsmon" in one_line(result.output)
    assert digest_of(path) == before


def test_text_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes, not SQLite\n" * 40)
    result = run("counts", "--month", "2025-10", "--db", str(path))
    assert result.exit_code == 2
    assert "не база данных newsmon" in one_line(result.output)
    assert path.read_bytes() == b"just some notes, not SQLite\n" * 40


def test_readers_leave_a_current_database_byte_identical(newsmon_db):
    before = digest_of(newsmon_db)
    for command in READERS:
        result = run(*command, "--db", str(newsmon_db))
        assert result.exit_code == 0, result.output
    assert digest_of(newsmon_db) == before


def test_migrate_upgrades_an_older_schema_then_readers_work(tmp_path):
    path = tmp_path / "old.db"
    build_older(path, 3)
    result = run("migrate", "--db", str(path))
    assert result.exit_code == 0, result.output
    assert f"{len(NAMES)}" in one_line(result.output)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (len(NAMES),)
    assert run("counts", "--month", "2025-10", "--db", str(path)).exit_code == 0


def test_migrate_refuses_a_missing_file(tmp_path):
    result = run("migrate", "--db", str(tmp_path / "nothing.db"))
    assert result.exit_code == 2
    one_line(result.output)
    assert not (tmp_path / "nothing.db").exists()


@pytest.fixture
def readonly_dir(tmp_path):
    """A folder on a tmpfs remounted read-only: nothing there can be written, not even by root."""
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)]).returncode:
        pytest.skip("needs root to mount a tmpfs")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_read_only_database_stays_readable(newsmon_db, readonly_dir):
    target = readonly_dir / "n.db"
    target.write_bytes(newsmon_db.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(readonly_dir)], check=True)
    for command in READERS:
        result = run(*command, "--db", str(target))
        assert result.exit_code == 0, result.output
    result = run("counts", "--month", "2025-10", "--format", "json", "--db", str(target))
    assert '"RU-PRI"' in result.output


@pytest.fixture
def sources_yml(tmp_path) -> str:
    path = tmp_path / "sources.yml"
    path.write_text(
        "sources:\n  - name: closed\n    url: http://127.0.0.1:9/\n    region: Курская область\n",
        encoding="utf-8",
    )
    return str(path)


def damage_table(path: Path, table: str) -> None:
    """Overwrite the root pages of `table` and its indexes with garbage, as a bad sector would."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = DELETE")  # fold the WAL in: the pages are in the file
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [r[0] for r in conn.execute(
        "select rootpage from sqlite_master where tbl_name = ? and rootpage > 0", [table])]
    conn.close()
    with open(path, "r+b") as f:
        for root in roots:
            f.seek(page_size * (root - 1))
            f.write(b"\x0d\xff\xff\xff" + b"\xa5" * (page_size - 4))


@pytest.mark.parametrize("command", [["counts", "--month", "2025-10", "--all"], ["search", "центр"]],
                         ids=lambda c: c[0])
def test_damaged_database_page_is_one_line_not_a_traceback(newsmon_db, command):
    damage_table(newsmon_db, "articles")
    result = run(*command, "--db", str(newsmon_db))
    assert result.exit_code == 2, result.output
    assert "повреждена" in one_line(result.output)


def test_writers_on_a_read_only_mount_say_so_in_one_line(newsmon_db, readonly_dir, sources_yml):
    target = readonly_dir / "n.db"
    target.write_bytes(newsmon_db.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(readonly_dir)], check=True)
    for command in (["migrate"], ["crawl", "--sources", sources_yml]):
        result = run(*command, "--db", str(target))
        assert result.exit_code == 1, result.output
        assert "только для чтения" in one_line(result.output)
