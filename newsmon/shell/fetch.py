"""One page for `newsmon extract`: a saved HTML file, or a single URL fetched directly.

Crawls go through Scrapy; this is only the hand check of one page.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from newsmon.core.errors import RunError, UserError

USER_AGENT = "newsmon/0.1 (+extract)"


def fetch_page(target: str) -> tuple[bytes, str, str | None]:
    """Return (body, url, encoding from the HTTP header or None)."""
    if target.startswith(("http://", "https://")):
        request = urllib.request.Request(target, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read(), response.geturl(), response.headers.get_content_charset()
        except urllib.error.HTTPError as exc:
            raise RunError(f"{target}: сервер ответил {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RunError(f"{target}: сайт недоступен ({reason})") from None
    path = Path(target)
    if not path.is_file():
        raise UserError(f"Файл не найден: {target}")
    return path.read_bytes(), path.resolve().as_uri(), None
