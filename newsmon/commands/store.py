"""`newsmon store --redis URL`: the one writer of a distributed crawl; the summary to stdout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newsmon.shell.options import db_option
from newsmon.shell.output import render_rows
from newsmon.sources.config import DEFAULT_SOURCES


@click.command("store")
@click.option("--redis", "redis_url", required=True, metavar="redis://HOST:PORT/N",
              help="Redis, куда рабочие (newsmon crawl --redis) отдают статьи.")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path),
              default=DEFAULT_SOURCES, show_default=True, help="sources.yml (тот же, что у рабочих).")
@click.option("--wait", type=float, default=600.0, show_default=True, metavar="СЕКУНДЫ",
              help="Сколько ждать первого рабочего.")
@click.option("--grace", type=float, default=10.0, show_default=True, metavar="СЕКУНДЫ",
              help="Сколько рабочих не должно быть, а очередь — пустой, чтобы остановиться.")
@db_option
def command(redis_url: str, sources_path: Path, wait: float, grace: float, db_path: Path) -> None:
    """Записать в базу то, что рабочие распределённого сбора отдают в Redis.

    Ровно один на базу (блокировка сбора не пустит второй и локальный сбор). Открывает ночь в
    Redis, публикует уже сохранённые адреса (рабочие их больше не скачивают), сохраняет каждую
    статью с сюжетом, поисковым индексом и адресами и останавливается, когда все рабочие
    закончили и очередь пуста. Коды выхода как у newsmon crawl: 0 — всё в порядке; 3 —
    частично; 1 — сбой, остановлен сигналом или Redis недоступен; 75 — база занята.

    Пример: newsmon store --redis redis://10.0.0.5:6379/0 --db newsmon.db
    """
    from newsmon.crawl.redis_link import check_url
    from newsmon.crawl.redis_writer import StoreOptions, run_store
    from newsmon.sources.config import load_sources

    config = load_sources(sources_path)
    result = run_store(config, db_path, check_url(redis_url), StoreOptions(wait=wait, grace=grace))
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
        click.echo(f"newsmon: запись прервана сигналом остановки, сохранено статей: "
                   f"{t['new_articles']}; следующий запуск продолжит с очереди", err=True)
    if result.unfinished:
        click.echo(f"newsmon: не обработано страниц: {result.unfinished} (сборщики остановились "
                   f"раньше); следующий запуск соберёт их", err=True)
    for name in result.down:
        click.echo(f"newsmon: источник {name} недоступен: "
                   f"{result.per_source[name]['last_error']}", err=True)
    sys.exit(result.exit_code)
