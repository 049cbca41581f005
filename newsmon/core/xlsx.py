"""Rows of dicts → an .xlsx workbook (openpyxl): what `counts --format xlsx` and the digest's
spreadsheet of materials write. Texts that a spreadsheet would run as a formula stay text;
numbers stay numbers; links are live; the header row is bold and frozen, columns fit their text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

MAX_WIDTH = 60  # characters: a long title wraps instead of making a 300-character column


def rows_to_xlsx(rows: Sequence[dict], columns: Sequence[str], headers: Sequence[str] | None = None,
                 *, title: str = "Данные", links: Sequence[str] = ()) -> bytes:
    """The workbook as bytes; `headers` are the column titles a reader sees (default: the keys);
    the cells of the `links` columns become hyperlinks."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers or columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(row.get(c)) for c in columns])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # «=…» from an outlet is text, never a formula to run
                cell.data_type = "s"
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        if column in links:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if isinstance(cell.value, str) and cell.value.startswith(("http://", "https://")):
                    cell.hyperlink = cell.value
                    cell.style = "Hyperlink"
        longest = max([len(str(sheet.cell(row=1, column=index).value or ""))]
                      + [len(str(row.get(column) or "")) for row in rows])
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(8, longest + 2))
        if longest > MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "да" if value else "нет"
    return value
