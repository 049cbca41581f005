"""`newsmon crawl`: fetch, extract, tag and store; the summary goes to stdout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsmon.core.errors import UserError
from newsmon.shell.options import db_option
from newsmon.shell.output import render_rows
from newsmon.sources.config import DEFAULT_SOURCES


@click.command("crawl")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path),
              default=DEFAULT_SOURCES, show_default=True, help="Файл со списком изданий.")
@click.option("--since", metavar="YYYY-MM-DD",
              help="Пропускать материалы, опубликованные раньше этого дня.")
@click.option("--source", "only", multiple=True, metavar="ИМЯ", help="Обойти только эти источники.")
@click.option("--quiet", is_flag=True, help="Без строк хода работы в stderr.")
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Изменить настройку Scrapy или NEWSMON_*, например -s DOWNLOAD_DELAY=1.")
@click.option("--redis", "redis_url", metavar="redis://HOST:PORT/N",
              help="Работать одной из многих машин: общий фронтир в Redis, статьи — в "
                   "`newsmon store --redis` (базы здесь нет; docs/scale-out.md).")
@db_option
def command(sources_path: Path, since: str | None, only: tuple[str, ...], quiet: bool,
            overrides: tuple[str, ...], redis_url: str | None, db_path: Path) -> None:
    """Собрать, извлечь, разметить и сохранить новые материалы изданий из sources.yml.

    Повторный обход не скачивает уже сохранённые страницы. Коды выхода: 0 — все издания
    ответили и все материалы сохранены; 3 — частично: часть изданий недоступна или часть
    материалов не сохранена (база была занята), следующий обход их соберёт; 1 — все недоступны,
    диск полон или обход прерван сигналом; 2 — ошибка в настройках; 75 — на этой базе уже идёт
    другой обход.

    Настройки — в newsmon/crawl/settings.py; -s меняет одну на этот запуск (значение читается
    как YAML: числа, true/false, списки), например -s SCHEDULER=scrapy_redis.scheduler.Scheduler.

    С --redis процесс — один из рабочих распределённого сбора (docs/scale-out.md): базы здесь
    нет, статьи уходят в Redis для `newsmon store --redis`; код 0 — своя часть сделана, 1 —
    остановлен или Redis недоступен.

    Пример: newsmon crawl --sources sources.yml --since 2025-10-01
    """
    from newsmon.core.periods import parse_day
    from newsmon.crawl.run import run_crawl
    from newsmon.sources.config import load_sources

    since_day = parse_day(since, "--since") if since else None
    settings = parse_overrides(overrides)
    config = load_sources(sources_path)
    if redis_url:
        run_as_worker(config, redis_url, since_day, only, quiet, settings)
        return
    result = run_crawl(config, db_path, since=since_day, only=only,
                       log_level="ERROR" if quiet else None,
                       progress=not quiet and sys.stderr.isatty(),
                       settings=settings)
    rows = [{"источник": name, "страниц": s["pages"], "новых": s["new_articles"],
             "релевантных": s["relevant"], "уже собранных": s["skipped_stored"],
             "ошибок": s["errors"]}
            for name, s in result.per_source.items()]
    click.echo(render_rows(rows, "table"))
    t = result.totals
    click.echo(f"Итого: страниц {t['pages']}, новых статей {t['new_articles']}, "
               f"релевантных {t['relevant']}, ошибок {t['errors']} "
               f"(запуск #{result.run_id}, {result.status})")
    if result.status == "interrupted":
        click.echo(f"newsmon: сбор прерван сигналом остановки, сохранено статей: "
                   f"{t['new_articles']}; следующий запуск продолжит", err=True)
    if result.disk_full:
        click.echo(f"newsmon: нет места на диске для базы {db_path}: сбор остановлен, сохранено "
                   f"статей: {t['new_articles']}; освободите место и запустите снова", err=True)
    elif result.not_stored:
        click.echo(f"newsmon: не удалось сохранить статей: {result.not_stored} (база данных "
                   f"занята другим процессом); следующий запуск соберёт их", err=True)
    for name in result.down:
        click.echo(f"newsmon: источник {name} недоступен: "
                   f"{result.per_source[name]['last_error']}", err=True)
    sys.exit(result.exit_code)


def run_as_worker(config, redis_url: str, since_day, only: tuple[str, ...], quiet: bool,
                  settings: dict) -> None:
    """`newsmon crawl --redis`: one worker of a distributed crawl; its share of the pages."""
    from newsmon.crawl.redis_link import check_url
    from newsmon.crawl.redis_worker import run_worker

    result = run_worker(config, check_url(redis_url), since=since_day, only=only,
                        log_level="ERROR" if quiet else None,
                        progress=not quiet and sys.stderr.isatty(), settings=settings)
    pages = sum(s["pages"] for s in result.per_source.values())
    errors = sum(s["errors"] for s in result.per_source.values())
    click.echo(f"Сборщик {result.worker}: страниц {pages}, ошибок {errors} ({result.status}); "
               f"статьи сохраняет newsmon store --redis")
    if result.status == "interrupted":
        click.echo("newsmon: сбор прерван сигналом остановки; недоделанные страницы вернулись в "
                   "общую очередь", err=True)
    sys.exit(result.exit_code)


def parse_overrides(pairs: tuple[str, ...]) -> dict:
    """("DOWNLOAD_DELAY=1", "ROBOTSTXT_OBEY=false") → {"DOWNLOAD_DELAY": 1, ...: False}.

    Values are YAML scalars or lists; a pair that is not NAME=VALUE is a UserError.
    """
    import yaml

    settings = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip().isidentifier() or not name.strip().isupper():
            raise UserError(f"-s {pair}: нужно ИМЯ=значение, например -s DOWNLOAD_DELAY=1")
        try:
            settings[name.strip()] = yaml.safe_load(value) if value.strip() else ""
        except yaml.YAMLError:
            settings[name.strip()] = value
    return settings
