"""`newsmon correct`: an analyst's correction of one article, the list of them, or a withdrawal
(db/corrections.py keeps them and applies them to the tag tables)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from newsmon.core.errors import UserError
from newsmon.shell.options import db_option, format_option, period_options
from newsmon.shell.options import user_dir as user_dir_for
from newsmon.shell.output import render_rows

LIST_COLUMNS = ("id", "created", "author", "article_id", "published", "title", "field", "value",
                "reason", "active")


@click.command("correct")
@click.argument("article", metavar="ID|URL", required=False)
@click.option("--relevant/--irrelevant", "relevant", default=None,
              help="Отметить статью релевантной или нерелевантной.")
@click.option("--regions", metavar="\"A,B\"",
              help="Регионы статьи: названия, неофициальные названия или коды ISO через запятую "
                   "(\"\" — ни одного).")
@click.option("--orgs", metavar="\"A,B\"", help="Организации статьи через запятую.")
@click.option("--projects", metavar="\"A,B\"",
              help="Проекты статьи: названия или псевдонимы из реестра, через запятую.")
@click.option("--label", "labels", multiple=True, metavar="РАЗМЕТКА=МЕТКА",
              help="Метка зарегистрированной разметки, например tone=negative (можно повторять; "
                   "РАЗМЕТКА= без метки — ни одной).")
@click.option("--withdraw", "withdraw", multiple=True, metavar="ПОЛЕ",
              help="Отозвать исправление поля (relevant, regions, orgs, projects, label:РАЗМЕТКА): "
                   "вернётся значение разметки.")
@click.option("--reason", help="Почему (обязательно для исправления и отзыва).")
@click.option("--author", help="Кто исправляет (по умолчанию $NEWSMON_ANALYST или имя "
                               "пользователя).")
@click.option("--list", "list_all", is_flag=True,
              help="Показать исправления (за период публикации статей, если он задан).")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path), default=None,
              help="sources.yml или папка с projects.yml/orgs.yml аналитика.")
@period_options
@format_option
@db_option
def command(
    article: str | None, relevant: bool | None, regions: str | None, orgs: str | None,
    projects: str | None, labels: tuple[str, ...], withdraw: tuple[str, ...],
    reason: str | None, author: str | None, list_all: bool, sources_path: Path | None,
    period: Any, fmt: str, db_path: Path,
) -> None:
    """Исправить разметку статьи вручную: релевантность, регионы, организации, проекты, метки.

    Исправление переживает повторный сбор и newsmon retag; его видят counts, search, digest
    и Datasette. Каждое записывает, кто, когда и почему его сделал; действует последнее
    исправление поля.

    \b
    Примеры:
      newsmon correct 123 --irrelevant --reason "реклама, не новость"
      newsmon correct https://example.ru/news/1 --regions "Пермский край, Башкирия" --reason "…"
      newsmon correct 123 --withdraw regions --reason "ошибся"
      newsmon correct --list --month 2025-10
    """
    from db import open_db

    changes = _requested(relevant, regions, orgs, projects, labels, withdraw)
    if list_all:
        if article or changes:
            raise UserError("--list показывает исправления; не указывайте вместе с ним статью "
                            "и изменения")
        _list(db_path, period, fmt)
        return
    if not article:
        raise UserError("Укажите статью (номер или URL) или --list")
    if not changes:
        raise UserError("Укажите, что исправить: --relevant/--irrelevant, --regions, --orgs, "
                        "--projects, --label или --withdraw")
    if not reason or not reason.strip():
        raise UserError("Укажите причину исправления: --reason \"…\"")
    from db.article import article_row
    from db.corrections import add_correction, check_field, effective_corrections, field_title
    from db.tags import read_field
    from db.tx import write_tx
    from newsmon.shell.correcting import default_author, find_article, parse_value

    user_dir = user_dir_for(sources_path)
    db = open_db(db_path, create=False)
    article_id = find_article(db, article)
    who = (author or "").strip() or default_author()
    values: list[tuple[str, Any]] = []
    for field, text in changes:
        if text is None:
            active = effective_corrections(db, [article_id])
            if active.get((article_id, check_field(field))) is None:
                raise UserError(f"У статьи {article_id} нет действующего исправления поля {field}")
            values.append((field, None))
        elif field == "relevant":
            values.append((field, text == "yes"))
        else:
            values.append(parse_value(db, field, text, user_dir))
    title = article_row(db, article_id)["title"]
    done = []
    with write_tx(db):  # several fields at once: all of them or none
        for field, value in values:
            before = read_field(db, article_id, field)
            cid = add_correction(db, article_id, field, value, author=who, reason=reason)
            done.append((cid, field, value, before, read_field(db, article_id, field)))
    for cid, field, value, before, after in done:
        what = "отозвано" if value is None else "записано"
        click.echo(f"Исправление #{cid} {what}: статья {article_id} «{title or ''}», "
                   f"{field_title(field)}: {_show(field, before)} → {_show(field, after)}")


def _requested(
    relevant: bool | None, regions: str | None, orgs: str | None, projects: str | None,
    labels: tuple[str, ...], withdraw: tuple[str, ...],
) -> list[tuple[str, str | None]]:
    """(field, text) pairs in a fixed order; text None withdraws."""
    out: list[tuple[str, str | None]] = []
    if relevant is not None:
        out.append(("relevant", "yes" if relevant else "no"))
    for field, text in (("regions", regions), ("orgs", orgs), ("projects", projects)):
        if text is not None:
            out.append((field, text))
    by_tagger: dict[str, list[str]] = {}
    for item in labels:
        tagger, sep, label = item.partition("=")
        if not sep or not tagger.strip():
            raise UserError(f"--label: ожидается РАЗМЕТКА=МЕТКА, получено «{item}»")
        by_tagger.setdefault(tagger.strip(), [])
        if label.strip():
            by_tagger[tagger.strip()].append(label.strip())
    out += [(f"label:{tagger}", ",".join(found)) for tagger, found in by_tagger.items()]
    out += [(field.strip(), None) for field in withdraw]
    fields = [field for field, _ in out]
    if len(set(fields)) != len(fields):
        raise UserError("Одно поле указано дважды: одно исправление поля за раз")
    return out


def _show(field: str, value: Any) -> str:
    if field == "relevant":
        return "релевантна" if value else "нерелевантна"
    if not value:
        return "—"
    if field == "regions":
        from pipeline.tag.regions.gazetteer import region_by_iso

        return ", ".join(region_by_iso(row[0]).name for row in value)
    return ", ".join(row[0] if isinstance(row, list) else str(row) for row in value)


def _list(db_path: Path, period: Any, fmt: str) -> None:
    from db.corrections import list_corrections
    from newsmon.shell.options import open_existing_db

    db = open_existing_db(db_path)
    span = (period.start.isoformat(), period.end.isoformat()) if period else (None, None)
    rows = list_corrections(db, *span)
    if fmt == "csv":
        for row in rows:
            row["value"] = json.dumps(row["value"], ensure_ascii=False)
    if fmt == "table":
        if not rows:
            click.echo("Исправлений нет")
            return
        table = [
            {"№": row["id"], "когда": row["created"][:16].replace("T", " "), "кто": row["author"],
             "статья": row["article_id"], "опубликована": row["published"],
             "заголовок": (row["title"] or "")[:60], "поле": row["field"],
             "значение": "отозвано" if row["value"] is None else _plain(row["value"]),
             "причина": row["reason"], "действует": "да" if row["active"] else "нет"}
            for row in rows
        ]
        click.echo(render_rows(table, fmt))
        return
    click.echo(render_rows(rows, fmt, LIST_COLUMNS))


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "релевантна" if value else "нерелевантна"
    return ", ".join(map(str, value)) or "—"

