"""The `newsmon` command line: each command parses options, calls one library function, formats.

Errors a user can cause arrive as UserError/RunError and leave as one plain line on stderr with a
non-zero exit code (2 for usage and configuration, 1 at run time); `--debug` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from pathlib import Path

import click

from newsmon.config import DEFAULT_DB, DEFAULT_SOURCES
from newsmon.errors import NewsmonError, UserError
from newsmon.output import FORMATS, render_rows


class NewsmonGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NewsmonError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"newsmon: {exc}", err=True)
            ctx.exit(exc.exit_code)


def db_option(fn):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="NEWSMON_DB",
        default=DEFAULT_DB, show_default=True, help="SQLite database (env NEWSMON_DB).",
    )(fn)


def format_option(fn):
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format.",
    )(fn)


def period_options(fn):
    @click.option("--month", metavar="YYYY-MM", help="A calendar month.")
    @click.option("--from", "date_from", metavar="YYYY-MM-DD", help="First day (inclusive).")
    @click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Last day (inclusive).")
    @functools.wraps(fn)
    def wrapper(*args, month=None, date_from=None, date_to=None, **kwargs):
        from newsmon.periods import period_from_options

        kwargs["period"] = period_from_options(month, date_from, date_to)
        return fn(*args, **kwargs)

    return wrapper


def open_existing_db(db_path: Path):
    from db import open_db

    return open_db(db_path, create=False)


@click.group(cls=NewsmonGroup)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug logs).")
@click.version_option(package_name="newsmon")
def cli(debug: bool, verbose: int) -> None:
    """newsmon — мониторинг региональных СМИ о проектах поддержки семьи и детства."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.option("--sources", "sources_path", type=click.Path(path_type=Path),
              default=DEFAULT_SOURCES, show_default=True, help="sources.yml")
@click.option("--since", metavar="YYYY-MM-DD", help="Skip articles published before this day.")
@click.option("--source", "only", multiple=True, metavar="NAME", help="Crawl only these sources.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@db_option
def crawl(sources_path: Path, since: str | None, only: tuple[str, ...], quiet: bool,
          db_path: Path) -> None:
    """Fetch, extract, tag and store new articles from the outlets in sources.yml.

    Example: newsmon crawl --sources sources.yml --since 2025-10-01
    """
    from newsmon.config import load_sources
    from newsmon.crawl import run_crawl
    from newsmon.periods import parse_day

    since_day = parse_day(since, "--since") if since else None
    config = load_sources(sources_path)
    result = run_crawl(config, db_path, since=since_day, only=only,
                       log_level="ERROR" if quiet else "WARNING")
    rows = [{"источник": name, "страниц": s["pages"], "новых": s["new_articles"],
             "релевантных": s["relevant"], "ошибок": s["errors"]}
            for name, s in result.per_source.items()]
    click.echo(render_rows(rows, "table"))
    t = result.totals
    click.echo(f"Итого: страниц {t['pages']}, новых статей {t['new_articles']}, "
               f"релевантных {t['relevant']}, ошибок {t['errors']} (запуск #{result.run_id})")
    for name in result.down:
        click.echo(f"newsmon: источник {name} недоступен: "
                   f"{result.per_source[name]['last_error']}", err=True)
    sys.exit(result.exit_code)


@cli.command()
@period_options
@click.option("--by", type=click.Choice(["region", "org", "source", "topic", "project"]),
              default="region", show_default=True)
@click.option("--region", help="Only articles about this region.")
@click.option("--org", help="Only articles naming this organization.")
@click.option("--project", help="Only articles naming this project.")
@click.option("--topic", help="Only articles matching this topic.")
@click.option("--source", help="Only articles from this outlet.")
@click.option("--all", "include_all", is_flag=True, help="Count irrelevant articles too.")
@format_option
@db_option
def counts(period, by, region, org, project, topic, source, include_all, fmt, db_path) -> None:
    """Materials, stories and mentions per region, org, source, topic or project.

    Example: newsmon counts --month 2025-10 --by region --format json
    """
    from db.queries import counts as count_rows
    from newsmon.filters import build_filters

    db = open_existing_db(db_path)
    filters = build_filters(db, region=region, org=org, project=project, topic=topic,
                            source=source, relevant_only=not include_all)
    rows = count_rows(db, by, period, filters)
    if fmt == "table" and period is not None:
        from newsmon.filters import add_change

        rows = add_change(rows, count_rows(db, by, period.previous(), filters), by)
    click.echo(render_rows(rows, fmt))


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path), default="-")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path), default=None,
              help="sources.yml whose folder holds the user's topics/orgs/projects files.")
@click.option("--region", "home_region", help="Home region of the outlet (a prior).")
def tag(file: Path, sources_path: Path | None, home_region: str | None) -> None:
    """Tag plain text (a file or - for stdin) and print entities, regions, orgs, projects as JSON."""
    from pipeline.nlp import load_tag_config, tag as tag_text
    from pipeline.regions import resolve_region

    text = _read_text(file)
    user_dir = sources_path.parent if sources_path else (Path(".") if Path(DEFAULT_SOURCES).exists() else None)
    config = load_tag_config(user_dir)
    home = resolve_region(home_region).iso if home_region else None
    result = tag_text(text, home_region_iso=home, config=config)
    click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("target")
def extract(target: str) -> None:
    """Extract title, main text and publication date from a URL or a saved HTML file."""
    from newsmon.fetch import fetch_page
    from pipeline.extract import extract as extract_page

    body, url, encoding = fetch_page(target)
    ex = extract_page(body, url, encoding=encoding)
    out = {"url": url, "title": ex.title, "text": ex.text,
           "published": ex.published.isoformat() if ex.published else None}
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


@cli.command()
@period_options
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="Where to write the HTML report.")
@db_option
def digest(period, out_path: Path, db_path: Path) -> None:
    """Build the Russian HTML digest for a period (default: the previous month).

    Example: newsmon digest --month 2025-10 --out digest.html
    """
    from digest.build import build_digest
    from digest.render import render_html
    from newsmon.periods import previous_month

    db = open_existing_db(db_path)
    data = build_digest(db, period or previous_month())
    _write(out_path, render_html(data))
    click.echo(f"Дайджест за {data.period.label}: {out_path}")


def _read_text(file: Path) -> str:
    if str(file) == "-":
        return sys.stdin.read()
    try:
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Файл не найден: {file}") from None
    except UnicodeDecodeError:
        raise UserError(f"{file}: нужен текст в кодировке UTF-8") from None


def _write(path: Path, text: str) -> None:
    if not path.parent.exists():
        raise UserError(f"Папка не существует: {path.parent}")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    cli(prog_name="newsmon")
