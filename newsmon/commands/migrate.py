"""`newsmon migrate`: bring a database to this newsmon's schema (readers never migrate)."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.shell.options import db_option


@click.command("migrate")
@db_option
def command(db_path: Path) -> None:
    """Применить к базе недостающие миграции схемы (crawl делает это и сам).

    Команды, которые только читают (counts, search, digest, serve), базу не меняют; после
    обновления newsmon они просят запустить эту команду. Файл, который не база newsmon или
    записан более новой версией, не трогается.

    Пример: newsmon migrate --db newsmon.db
    """
    from db import open_db
    from db.migrations import schema_version
    from newsmon.crawl.run import crawl_lock

    with crawl_lock(db_path):  # never under a running crawl
        db = open_db(db_path, create=False)
        version = schema_version(db)
        db.conn.close()
    click.echo(f"База {db_path}: схема версии {version}, миграции применены")
