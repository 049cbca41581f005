"""`newsmon serve`: the analyst's workspace — Datasette on the database in Russian, with the
materials, search, the analysts' questions and charts; password login to share it on the LAN."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from newsmon.core.errors import RunError, UserError
from newsmon.shell.options import db_option, open_existing_db

PASSWORDS_ENV = "NEWSMON_PASSWORDS"
PASSWORDS_FILE_ENV = "NEWSMON_PASSWORDS_FILE"
TEMPLATES = Path(__file__).resolve().parent.parent / "shell" / "datasette_templates"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Адрес, на котором слушать; любой, кроме 127.0.0.1, — только с --passwords.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Порт, на котором слушать.")
@click.option("--lan", is_flag=True,
              help="Открыть коллегам в офисной сети (все адреса, 0.0.0.0): нужен --passwords; "
                   "видят данные только вошедшие аналитики.")
@click.option("--passwords", "passwords_file", type=click.Path(dir_okay=False, path_type=Path),
              envvar=PASSWORDS_FILE_ENV,
              help=f"Файл строк логин:хеш (хеши даёт --hash-password); переменная "
                   f"{PASSWORDS_FILE_ENV} или сами строки в {PASSWORDS_ENV}. "
                   "С паролями вход нужен везде.")
@click.option("--allow-sql", is_flag=True,
              help="Разрешить в браузере произвольный SQL только для чтения (по умолчанию нет).")
@click.option("--hash-password", is_flag=True,
              help="Дважды спросить пароль и вывести строку для файла паролей.")
@click.option("--get", "get_path", metavar="ПУТЬ",
              help="Вывести ответ для одного пути (например /newsmon/materials.json) и выйти.")
@db_option
def command(host: str, port: int, lan: bool, passwords_file: Path | None, allow_sql: bool,
            hash_password: bool, get_path: str | None, db_path: Path) -> None:
    """Рабочее место аналитика в браузере (Datasette, по-русски): материалы с разрезами по
    месяцам, регионам, типам источников, темам и проектам; все статьи; полнотекстовый поиск с
    любыми формами слова; готовые вопросы (материалы по регионам и месяцам, о проекте или
    организации, материалы издания, сюжет с перепечатками, изменения за месяц) с графиками.

    \b
    Примеры:
      newsmon serve                      # http://127.0.0.1:8001/, только этот компьютер
      newsmon serve --hash-password      # строка для passwords.txt
      newsmon serve --lan --passwords passwords.txt   # коллеги входят по паролю
    """
    if hash_password:
        _print_hash()
        return
    if lan:
        host = "0.0.0.0"
    users = load_passwords(passwords_file)
    if not is_loopback(host) and not users:
        raise UserError(
            f"serve --host {host}: база открылась бы всем в сети без пароля; добавьте "
            f"--passwords ФАЙЛ (строки имя:хеш, хеш даёт newsmon serve --hash-password) "
            f"или слушайте 127.0.0.1"
        )
    open_existing_db(db_path).conn.close()  # refuse a foreign or older file before Datasette
    ds = build_datasette(db_path, passwords=users, allow_sql=allow_sql)
    if get_path:
        from datasette.utils.testing import TestClient

        response = TestClient(ds).get(get_path)
        click.echo(response.text)
        if response.status != 200:
            raise RunError(f"{get_path}: HTTP {response.status}")
        return
    import uvicorn

    shown = "0.0.0.0 (все адреса этого компьютера)" if host == "0.0.0.0" else host
    click.echo(f"Рабочее место аналитика: http://{host}:{port}/  (слушает {shown}"
               f"{', вход по паролю' if users else ''})", err=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


def _print_hash() -> None:
    from newsmon.shell.datasette_login import hash_password

    login = click.prompt("Имя для входа").strip()
    if not login or ":" in login or any(c.isspace() for c in login):
        raise UserError("Имя для входа: без пробелов и двоеточий")
    password = click.prompt("Пароль", hide_input=True, confirmation_prompt="Ещё раз")
    if len(password) < 8:
        raise UserError("Пароль короче 8 символов")
    click.echo(f"{login}:{hash_password(password)}")


def load_passwords(path: Path | None) -> dict[str, str]:
    """Logins and hashes from the file (--passwords) and NEWSMON_PASSWORDS; {} for neither."""
    from newsmon.shell.datasette_login import parse_passwords

    users: dict[str, str] = {}
    try:
        if path is not None:
            try:
                text = path.read_text("utf-8")
            except OSError as exc:
                raise UserError(f"Файл паролей {path}: {exc.strerror or exc}") from None
            users.update(parse_passwords(text, str(path)))
        if os.environ.get(PASSWORDS_ENV, "").strip():
            users.update(parse_passwords(os.environ[PASSWORDS_ENV], PASSWORDS_ENV))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    if path is not None and not users:
        raise UserError(f"Файл паролей {path} пуст: добавьте строку имя:хеш")
    return users


def is_loopback(host: str) -> bool:
    """Only this machine can reach the address (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# datasette_corrections: the form at /-/newsmon/correct (permission newsmon-correct)
PLUGINS = ("datasette_csv", "datasette_functions", "datasette_ru", "datasette_login",
           "datasette_corrections")


def _register_plugins() -> None:
    from importlib import import_module

    from datasette.plugins import pm

    for name in PLUGINS:
        module = import_module(f"newsmon.shell.{name}")
        if not pm.is_registered(module):
            pm.register(module, name=f"newsmon_{name.removeprefix('datasette_')}")


def metadata_for(db_path: Path, *, login: bool = False, allow_sql: bool = False) -> dict:
    """db/datasette.yml with the database key renamed to this file's and each query's SQL; with
    a login, nothing is allowed to anonymous visitors; arbitrary SQL only when asked for."""
    from importlib import resources

    import yaml

    from db.queries import sql_text

    meta = yaml.safe_load(resources.files("db").joinpath("datasette.yml").read_text("utf-8"))
    database = meta["databases"].pop("newsmon")
    for name, query in database["queries"].items():
        query["sql"] = sql_text(name)
    meta["databases"][db_path.stem] = database
    logged_in: Any = {"id": "*"}
    if login:
        meta["allow"] = logged_in
    meta["allow_sql"] = (logged_in if login else True) if allow_sql else False
    return meta


def build_datasette(db_path: Path, *, passwords: dict[str, str] | None = None,
                    allow_sql: bool = False):
    from datasette.app import Datasette

    from db import is_read_only
    from newsmon.shell.datasette_login import configure

    _register_plugins()
    # A file nobody can write is opened immutable (no -shm beside it); otherwise read-only mode.
    files, immutables = ([], [str(db_path)]) if is_read_only(db_path) else ([str(db_path)], [])
    ds = Datasette(
        files, immutables=immutables,
        metadata=metadata_for(db_path, login=bool(passwords), allow_sql=allow_sql),
        template_dir=str(TEMPLATES),
        # Signs the login cookie: random per start unless set (logins then survive a restart).
        secret=os.environ.get("DATASETTE_SECRET") or None,
        settings={"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000,
                  "suggest_facets": False, "default_page_size": 50},
    )
    configure(ds, passwords or {})
    return ds
