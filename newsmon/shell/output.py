"""Results on stdout as an aligned table, CSV, JSON or XLSX — nothing else goes to stdout.

CSV starts with a UTF-8 byte order mark, so Excel opens Cyrillic as Cyrillic rather than as
mojibake; table, CSV and XLSX headers are Russian (HEADERS), JSON keeps the contract's keys.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

FORMATS = ("table", "csv", "json", "xlsx")
BOM = "\ufeff"
# Column key → what a reader sees in a table, CSV or spreadsheet header.
HEADERS = {
    "region": "Регион", "iso": "Код ISO", "materials": "Материалы", "stories": "Сюжеты",
    "mentions": "Упоминания", "org": "Организация", "source": "Издание", "topic": "Тема",
    "project": "Проект", "kind": "Тип источника", "change": "Изменение", "label": "Метка",
    "id": "№", "url": "Ссылка", "title": "Заголовок", "published": "Дата", "snippet": "Фрагмент",
    "score": "Оценка", "regions": "Регионы", "story_id": "Сюжет №", "lead": "Лид",
}
# A cell a spreadsheet would run as a formula («=HYPERLINK(…)», «+SUM(…)», «@…», a leading tab).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def escape_formula(value: object) -> object:
    """A text cell that a spreadsheet would evaluate gets a leading «'»; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if not _PLAIN_NUMBER.fullmatch(value):
            return "'" + value
    return value


def header(column: str) -> str:
    return HEADERS.get(column, column)


def render_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        # CRLF rows (RFC 4180, as Excel writes them): a cell holding a bare CR is quoted too.
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([header(c) for c in columns])
        writer.writerows([escape_formula(r.get(c)) for c in columns] for r in rows)
        return BOM + buf.getvalue().removesuffix("\r\n")
    if fmt == "xlsx":
        raise ValueError("xlsx is binary: use render_xlsx")
    return render_table(rows, columns)


def render_xlsx(rows: Sequence[dict], columns: Sequence[str] | None = None, *,
                title: str = "Данные") -> bytes:
    from newsmon.core.xlsx import rows_to_xlsx

    columns = list(columns or (rows[0].keys() if rows else []))
    return rows_to_xlsx(rows, columns, [header(c) for c in columns], title=title,
                        links=("url",))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:+.0%}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def render_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    if not rows:
        return "(нет данных за этот период)"
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    titles = [header(c) for c in columns]
    widths = [max(len(t), *(len(row[i]) for row in cells)) for i, t in enumerate(titles)]
    numeric = [all(_is_number(r.get(c)) for r in rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)
        ).rstrip()

    top = line(titles)
    return "\n".join([top, "-" * len(top), *(line(r) for r in cells)])


def _is_number(value: object) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))


def emit_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Print the rows in `fmt` to stdout; an XLSX workbook goes as bytes, never to a terminal."""
    import sys

    import click

    if fmt != "xlsx":
        click.echo(render_rows(rows, fmt, columns))
        return
    if sys.stdout.isatty():
        from newsmon.core.errors import UserError

        raise UserError("XLSX — двоичный файл: перенаправьте вывод в файл, например "
                        "> counts.xlsx")
    sys.stdout.flush()
    sys.stdout.buffer.write(render_xlsx(rows, columns))
    sys.stdout.buffer.flush()
