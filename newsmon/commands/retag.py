"""`newsmon retag`: tag stored articles again (db/retag.py) and say what moved."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from newsmon.shell.options import db_option, period_options
from newsmon.shell.options import user_dir as user_dir_for


@click.command("retag")
@period_options
@click.option("--sources", "sources_path", type=click.Path(path_type=Path), default=None,
              help="sources.yml или папка с topics.yml/orgs.yml/projects.yml аналитика.")
@click.option("--batch", type=click.IntRange(1, 10000), default=64, show_default=True,
              help="Статей в одной транзакции.")
@click.option("--quiet", is_flag=True, help="Без строк хода работы на stderr.")
@db_option
def command(period: Any, sources_path: Path | None, batch: int, quiet: bool,
            db_path: Path) -> None:
    """Заново разметить сохранённые статьи: регионы, организации, темы, проекты, релевантность
    и зарегистрированные разметки — после обновления newsmon или topics.yml/projects.yml/orgs.yml.

    Исправления аналитиков сохраняются. Запуск записывается в базу (runs, kind = retag) и
    печатает, у каких статей изменились релевантность и регионы. Прерванный запуск можно
    просто повторить: каждая партия статей записывается целиком или не записывается вовсе.

    \b
    Примеры:
      newsmon retag --month 2025-10
      newsmon retag --sources sources.yml
    """
    from db import open_db
    from db.retag import retag
    from newsmon.crawl.run import crawl_lock
    from newsmon.sources.config import outlet_titles
    from newsmon.sources.kinds import SOURCE_KINDS
    from newsmon.sources.voice import home_speaking_sources, source_names
    from pipeline.tag.run import load_tag_config

    config = load_tag_config(user_dir_for(sources_path))  # a bad topics.yml fails first
    show = not quiet

    def progress(done: int, total: int) -> None:
        if show:
            click.echo(f"Размечено статей: {done} из {total}", err=True)

    with crawl_lock(db_path):  # never beside a crawl writing the same tables
        db = open_db(db_path, create=False)
        titles = outlet_titles(sources_path)
        report = retag(db, config, period, batch=batch, progress=progress,
                       home_default_kinds=frozenset(
                           name for name, kind in SOURCE_KINDS.items() if kind.home_by_default),
                       home_default_sources=home_speaking_sources(db, titles),
                       source_names=source_names(db, titles))
    _print(report)


def _print(report: Any) -> None:
    from pipeline.tag.regions.gazetteer import region_by_iso

    s = report.summary()
    click.echo(f"Размечено статей: {s['articles']} (запуск #{report.run_id})")
    click.echo(f"Изменилась релевантность: {s['relevance_changed']} "
               f"(стали релевантными {s['became_relevant']}, "
               f"нерелевантными {s['became_irrelevant']})")
    for c in report.relevance[:5]:
        state = "релевантна" if c.after else "нерелевантна"
        click.echo(f"  #{c.article_id} «{c.title}»: теперь {state}")
    click.echo(f"Изменились регионы: {s['regions_changed']}")

    def names(isos: list[str]) -> str:
        return ", ".join(region_by_iso(iso).name for iso in isos) or "—"

    for c in report.regions[:5]:
        click.echo(f"  #{c.article_id} «{c.title}»: {names(c.before)} → {names(c.after)}")
    click.echo(f"Изменились организации: {s['orgs_changed']}, проекты: {s['projects_changed']}, "
               f"темы: {s['topics_changed']}")
    if s["corrected_articles"]:
        click.echo(f"Исправления аналитиков сохранены у статей: {s['corrected_articles']}")
    sys.stdout.flush()
