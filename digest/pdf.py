"""The PDF version of the digest, printed with WeasyPrint (from PyPI; CSS paged media gives the
running header, «стр. N из M» and headings kept with what follows them — the @page and
@media print rules of digest.html.j2).

WeasyPrint draws text with Pango, a system library: Debian's libpango-1.0-0 and libpangoft2-1.0-0
(`make install` and .ci/run install them when missing; docs/digest.md). Without Pango the PDF is
printed by headless Chromium if one is installed (no running header then), else the error says
what to install. NEWSMON_PDF=chromium chooses Chromium outright.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from newsmon.core.errors import RunError

PANGO_HINT = ("для PDF нужна библиотека Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
              "(или make install от root)")


def weasyprint_html():
    """WeasyPrint's HTML class, or None when its system libraries (Pango) are missing."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):  # OSError: libpango / libgobject not found
        return None
    return HTML


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Print the standalone HTML report to `pdf_path`; RunError with what to install if nothing can."""
    pdf_path = pdf_path.resolve()
    if pdf_path.exists():
        pdf_path.unlink()
    engine = os.environ.get("NEWSMON_PDF", "weasyprint").strip().lower()
    html_class = weasyprint_html() if engine != "chromium" else None
    if html_class is not None:
        # WeasyPrint warns about every CSS property it ignores (mso-*, -webkit-*): not news.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        try:
            html_class(filename=str(html_path.resolve()), encoding="utf-8").write_pdf(pdf_path)
        except OSError as exc:
            raise RunError(f"Не удалось записать PDF {pdf_path}: {exc.strerror or exc}") from None
    else:
        from digest.chromium import find_chromium, print_pdf

        if find_chromium() is None:
            if engine == "chromium":
                from digest.chromium import INSTALL_HINT

                raise RunError(f"Не найден Chromium для PDF (NEWSMON_PDF=chromium) — {INSTALL_HINT}")
            raise RunError(f"Не удалось создать PDF: {PANGO_HINT}")
        print_pdf(html_path, pdf_path)
    if not is_complete_pdf(pdf_path):
        pdf_path.unlink(missing_ok=True)
        raise RunError(f"PDF {pdf_path} записан не полностью (нет места на диске?) — файл удалён")
    return pdf_path


def is_complete_pdf(path: Path) -> bool:
    """A PDF ends with its «%%EOF» marker; one cut short (a full disk) does not."""
    if not path.exists():
        return False
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            return False
        handle.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" in handle.read()
