"""`newsmon search`: full text over lemmas, ranked, with snippets (db/search.py does the work)."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.core.errors import UserError
from newsmon.shell.options import db_option, format_option, open_existing_db, period_options
from newsmon.shell.output import emit_rows

JSON_COLUMNS = ("id", "published", "source", "title", "url", "story_id", "score", "snippet")


@click.command("search")
@click.argument("query")
@period_options
@click.option("--region", help="Только материалы об этом регионе.")
@click.option("--source", help="Только материалы этого издания.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Сколько результатов.")
@format_option
@db_option
def command(query: str, period, region: str | None, source: str | None, limit: int, fmt: str,
            db_path: Path) -> None:
    """Найти материалы по словам в любой форме, лучшие первыми, с фрагментами текста.

    QUERY — на языке topics.yml: каждое слово обязательно, в любой форме («кризисный центр»
    находит «кризисных центров»); OR/ИЛИ, NOT/НЕ (или -слово), скобки, "фраза", "слова"~5 —
    слова рядом, сирот* — любое слово с таким началом. Перед запросом, который начинается с
    минуса, поставьте --.

    \b
    Примеры:
      newsmon search "кризисный центр" --month 2025-10 --region "Приморский край"
      newsmon search '("кризисный центр" OR приют) NOT спорт' --format csv
    """
    from db.search import match_expression, search
    from newsmon.shell.filters import build_filters
    from pipeline.tag.topics import QueryError

    try:
        expression = match_expression(query)
    except QueryError as exc:
        raise UserError(f"Неверный запрос «{query}»: {exc}") from None
    if expression is None:
        raise UserError("Пустой запрос: укажите хотя бы одно слово для поиска")
    db = open_existing_db(db_path)
    filters = build_filters(db, region=region, source=source, relevant_only=False)
    rows = search(db, query, period, filters, limit=limit)
    if fmt == "table":
        click.echo(_blocks(rows) if rows else "Ничего не найдено")
        return
    emit_rows(rows, fmt, JSON_COLUMNS)


def _blocks(rows: list[dict]) -> str:
    """Results as readable blocks: a snippet does not fit a table column."""
    out = []
    for n, row in enumerate(rows, 1):
        day = row["published"] or "без даты"
        reprint = " (перепечатка)" if row["story_id"] not in (None, row["id"]) else ""
        out.append(f"{n}. {day} · {row['source']} · {row['title'] or ''}{reprint}")
        out.append(f"   {row['snippet']}")
        out.append(f"   {row['url']}")
    return "\n".join(out)
