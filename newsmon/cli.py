"""The `newsmon` command line: each command parses options, calls one library function, formats.

Errors a user can cause arrive as UserError/RunError and leave as one plain line on stderr with a
non-zero exit code (2 for usage and configuration, 1 at run time); `--debug` shows the traceback.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsmon.core.errors import NewsmonError, UserError
from newsmon.shell import clickru
from newsmon.shell.options import db_option, format_option, open_existing_db, period_options
from newsmon.shell.output import emit_rows

if TYPE_CHECKING:
    from newsmon.core.periods import Period

clickru.install()  # before the decorators below: some help texts are read when they run


BY_BUILT_IN = ("region", "org", "source", "topic", "project", "kind")


class ByChoice(click.Choice):
    """The built-in dimensions plus the taggers registered when the command runs."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from pipeline.tag.base import registered

        self.choices = (*BY_BUILT_IN, *registered())
        return super().convert(value, param, ctx)


class NewsmonGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsmonError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"newsmon: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except sqlite3.DatabaseError as exc:  # a damaged page met by a query, after opening
            if ctx.params.get("debug"):
                raise
            from db import database_error

            error = database_error(None, exc)
            click.echo(f"newsmon: {error}", err=True)
            ctx.exit(error.exit_code)


@click.group(cls=NewsmonGroup)
@click.option("--debug", is_flag=True, help="Показывать трассировку ошибок (для разработчиков).")
@click.option("-v", "--verbose", count=True, help="Подробнее журнал (-vv — отладочный).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="База SQLite (можно указать и после имени команды).")
@click.version_option(package_name="newsmon")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: int, db_path: str | None) -> None:
    """newsmon — мониторинг региональных СМИ о проектах поддержки семьи и детства."""
    if db_path:
        ctx.default_map = {name: {"db_path": db_path} for name in cli.commands}
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@period_options
@click.option("--by", type=ByChoice(BY_BUILT_IN), default="region", show_default=True,
              help="По чему считать; также имя подключённой разметки (docs/extending.md).")
@click.option("--region", help="Только материалы об этом регионе.")
@click.option("--org", help="Только материалы, где названа эта организация.")
@click.option("--project", help="Только материалы, где назван этот проект.")
@click.option("--topic", help="Только материалы этой темы.")
@click.option("--source", help="Только материалы этого издания.")
@click.option("--kind", type=click.Choice(["web", "telegram"]),
              help="Только материалы этого типа источника: web (сайты) или telegram (каналы).")
@click.option("--label", "labels", multiple=True, metavar="TAGGER=LABEL",
              help="Только материалы с этой меткой разметки (можно повторять).")
@click.option("--tone", help="Только материалы этой тональности: позитивная, нейтральная, "
              "негативная (или positive, neutral, negative); docs/tone.md.")
@click.option("--all", "include_all", is_flag=True, help="Считать и материалы не по теме.")
@format_option
@db_option
def counts(
    period: Period | None, by: str, region: str | None, org: str | None, project: str | None,
    topic: str | None, source: str | None, kind: str | None, labels: tuple[str, ...],
    tone: str | None,
    include_all: bool, fmt: str, db_path: Path,
) -> None:
    """Материалы, сюжеты и упоминания по регионам, организациям, изданиям, темам, проектам
    или типам источников.

    Заголовки таблицы, CSV и XLSX — по-русски; ключи JSON — латиницей (region, materials…),
    как их ждут скрипты.
    CSV начинается с метки UTF-8 (BOM), чтобы Excel открыл кириллицу; XLSX — двоичный файл,
    его вывод перенаправляют в файл.

    \b
    Примеры:
      newsmon counts --month 2025-10 --by region --format json
      newsmon counts --month 2025-10 --by source --format xlsx > издания.xlsx
    """
    from db.queries import counts as count_rows
    from newsmon.shell.filters import build_filters

    if tone is not None:
        from pipeline.tag.tone.labels import TONE_TAGGER, parse_tone

        labels = (*labels, f"{TONE_TAGGER}={parse_tone(tone)}")
    db = open_existing_db(db_path)
    filters = build_filters(db, region=region, org=org, project=project, topic=topic,
                            source=source, relevant_only=not include_all, labels=labels,
                            kind=kind)
    rows = count_rows(db, by, period, filters)
    if fmt == "table" and period is not None:
        from newsmon.shell.filters import add_change

        rows = add_change(rows, count_rows(db, by, period.previous(), filters), by)
    emit_rows(rows, fmt)


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path), default="-")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path), default=None,
              help="sources.yml или папка, где лежат пользовательские topics/orgs/projects.yml.")
@click.option("--region", "home_region", help="Регион издания (подсказка для определения региона).")
def tag(file: Path, sources_path: Path | None, home_region: str | None) -> None:
    """Разметить текст (файл или - для стандартного ввода): сущности, регионы, организации,
    проекты — в JSON."""
    text = _read_text(file)
    from pipeline.tag.regions.gazetteer import resolve_region
    from pipeline.tag.run import load_tag_config
    from pipeline.tag.run import tag as tag_text

    config = load_tag_config(_user_dir(sources_path))
    home = resolve_region(home_region).iso if home_region else None
    result = tag_text(text, home_region_iso=home, config=config)
    click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("target")
def extract(target: str) -> None:
    """Извлечь заголовок, текст и дату публикации из адреса страницы или сохранённого HTML."""
    from newsmon.shell.fetch import fetch_page
    from pipeline.extract.cascade import extract as extract_page

    body, url, encoding = fetch_page(target)
    ex = extract_page(body, url, encoding=encoding)
    out = {"url": url, "title": ex.title, "text": ex.text,
           "published": ex.published.isoformat() if ex.published else None,
           "extractor": ex.text_method, "date_method": ex.date_method}
    if ex.fallback:
        out["fallback"] = ex.fallback
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if not ex.text:
        click.echo(f"newsmon: {target}: текст статьи на странице не найден", err=True)


def _user_dir(sources_path: Path | None) -> Path | None:
    """Where the user's topics.yml/orgs.yml/projects.yml are: --sources DIR, or beside the file."""
    from newsmon.shell.options import user_dir

    return user_dir(sources_path)


def _read_text(file: Path) -> str:
    if str(file) == "-":
        return sys.stdin.read()
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Файл не найден: {file}") from None
    except UnicodeDecodeError:
        raise UserError(f"{file}: нужен текст в кодировке UTF-8") from None


def _register_command_modules() -> None:
    """Each module in newsmon/commands/ contributes one command named `command`."""
    import importlib
    import pkgutil

    import newsmon.commands

    for info in sorted(pkgutil.iter_modules(newsmon.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"newsmon.commands.{info.name}")
        cli.add_command(module.command)


_register_command_modules()
clickru.localize(cli)


def main() -> None:
    cli(prog_name="newsmon")
