"""`newsmon serve`: Datasette on the database with Russian metadata, facets and canned queries."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.core.errors import RunError, UserError
from newsmon.shell.options import db_option, open_existing_db


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Адрес, на котором слушать.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Порт, на котором слушать.")
@click.option("--get", "get_path", metavar="ПУТЬ",
              help="Вывести ответ для одного пути (например /newsmon/materials.json) и выйти.")
@db_option
def command(host: str, port: int, get_path: str | None, db_path: Path) -> None:
    """Просмотр базы в Datasette: фасеты по регионам, изданиям, темам и месяцам и готовые
    запросы за период (материалы и перепечатки по регионам, издания об организации, тема в
    регионе, проекты по регионам).

    Пример: newsmon serve --port 8001, затем откройте http://127.0.0.1:8001/
    """
    if not is_loopback(host):
        raise UserError(
            f"serve --host {host}: база открылась бы всем в сети без пароля; слушайте 127.0.0.1 "
            "(вход по паролю для коллег по сети появится вместе с рабочим местом аналитика)"
        )
    open_existing_db(db_path).conn.close()  # refuse a foreign or older file before Datasette
    ds = build_datasette(db_path)
    if get_path:
        from datasette.utils.testing import TestClient

        response = TestClient(ds).get(get_path)
        click.echo(response.text)
        if response.status != 200:
            raise RunError(f"{get_path}: HTTP {response.status}")
        return
    import uvicorn

    click.echo(f"Datasette: http://{host}:{port}/{db_path.stem}", err=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


def is_loopback(host: str) -> bool:
    """Only this machine can reach the address (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _register_csv_escaping() -> None:
    from datasette.plugins import pm

    import newsmon.shell.datasette_csv

    if not pm.is_registered(newsmon.shell.datasette_csv):
        pm.register(newsmon.shell.datasette_csv, name="newsmon_csv_escaping")


def metadata_for(db_path: Path) -> dict:
    """db/datasette.yml with the database key renamed to this file's and each query's SQL."""
    from importlib import resources

    import yaml

    from db.queries import sql_text

    meta = yaml.safe_load(resources.files("db").joinpath("datasette.yml").read_text("utf-8"))
    database = meta["databases"].pop("newsmon")
    for name, query in database["queries"].items():
        query["sql"] = sql_text(name)
    meta["databases"][db_path.stem] = database
    return meta


def build_datasette(db_path: Path):
    from datasette.app import Datasette

    from db import is_read_only

    _register_csv_escaping()
    # A file nobody can write is opened immutable (no -shm beside it); otherwise read-only mode.
    files, immutables = ([], [str(db_path)]) if is_read_only(db_path) else ([str(db_path)], [])
    return Datasette(
        files, immutables=immutables, metadata=metadata_for(db_path),
        settings={"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000},
    )
