"""`newsmon migrate`: bring a database to this newsmon's schema (readers never migrate)."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.shell.options import db_option


@click.command("migrate")
@db_option
def command(db_path: Path) -> None:
    """Apply pending schema migrations to the database (crawl does this too).

    Commands that only read (counts, search, digest, serve) never change the database; after an
    upgrade of newsmon they ask for this command. A file that is not a newsmon database, or one
    written by a newer newsmon, is refused and left untouched.

    Example: newsmon migrate --db newsmon.db
    """
    from db import open_db
    from db.migrations import schema_version
    from newsmon.crawl.run import crawl_lock

    with crawl_lock(db_path):  # never under a running crawl
        db = open_db(db_path, create=False)
        version = schema_version(db)
        db.conn.close()
    click.echo(f"База {db_path}: схема версии {version}, миграции применены")
