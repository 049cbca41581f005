"""Options shared by every command (one definition each, as sqlite-utils does)."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from newsmon.shell.output import FORMATS
from newsmon.sources.config import DEFAULT_DB


def db_option(fn):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="NEWSMON_DB",
        default=DEFAULT_DB, show_default=True, help="База SQLite (переменная окружения NEWSMON_DB).",
    )(fn)


def format_option(fn):
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Формат вывода.",
    )(fn)


def period_options(fn):
    @click.option("--month", metavar="ГГГГ-ММ", help="Календарный месяц.")
    @click.option("--from", "date_from", metavar="ГГГГ-ММ-ДД", help="Первый день периода.")
    @click.option("--to", "date_to", metavar="ГГГГ-ММ-ДД", help="Последний день периода.")
    @functools.wraps(fn)
    def wrapper(*args, month=None, date_from=None, date_to=None, **kwargs):
        from newsmon.core.periods import period_from_options

        kwargs["period"] = period_from_options(month, date_from, date_to)
        return fn(*args, **kwargs)

    return wrapper


def open_existing_db(db_path: Path):
    """Read-only: commands that only report never migrate or write (db.open_reader)."""
    from db import open_reader

    return open_reader(db_path)


def user_dir(sources_path: Path | None) -> Path | None:
    """Where the user's topics.yml/orgs.yml/projects.yml are: --sources DIR, or beside the file;
    without --sources, the current folder when it holds sources.yml."""
    from newsmon.core.errors import UserError
    from newsmon.sources.config import DEFAULT_SOURCES

    if sources_path is None:
        return Path(".") if Path(DEFAULT_SOURCES).exists() else None
    folder = sources_path if sources_path.is_dir() else sources_path.parent
    if not folder.is_dir():
        raise UserError(f"Папка не найдена: {folder}")
    return folder
