"""Results on stdout as an aligned table, CSV or JSON — nothing else goes to stdout."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence

FORMATS = ("table", "csv", "json")
# A cell a spreadsheet would run as a formula («=HYPERLINK(…)», «+SUM(…)», «@…», a leading tab).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def escape_formula(value: object) -> object:
    """A text cell that a spreadsheet would evaluate gets a leading «'»; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        if not _PLAIN_NUMBER.fullmatch(value):
            return "'" + value
    return value


def render_rows(rows: Sequence[dict], fmt: str, columns: Sequence[str] | None = None) -> str:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        # CRLF rows (RFC 4180, as Excel writes them): a cell holding a bare CR is quoted too.
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({c: escape_formula(r.get(c)) for c in columns} for r in rows)
        return buf.getvalue().removesuffix("\r\n")
    return render_table(rows, columns)


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
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    numeric = [all(_is_number(r.get(c)) for r in rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)
        ).rstrip()

    header = line(list(columns))
    return "\n".join([header, "-" * len(header), *(line(r) for r in cells)])


def _is_number(value: object) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
