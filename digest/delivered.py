"""Who has already received the digest for a period: a small JSON file beside the HTML report.

`newsmon digest --out d.html --send …` keeps `d.sent.json`:

    {"2025-10-01..2025-10-31": {"press@example.org": "2025-11-01T06:00:03+00:00"}}

A recipient is written there as soon as the SMTP server accepts the message for them, so a run that
failed for one recipient of two, run again, mails only the one who did not get it. Delete the file
(or the period's entry) to send the same period to everybody again. The database is not used:
`digest` only reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path

from digest.addresses import envelope_address
from newsmon.core.errors import RunError, UserError


def log_path(out_path: Path) -> Path:
    return out_path.with_suffix(".sent.json")


def period_key(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()}..{end.isoformat()}"


def recipient_key(raw: str) -> str:
    return envelope_address(raw).lower()


class DeliveryLog:
    """The recipients that already got the digest of one period (read once, written on each add)."""

    def __init__(self, path: Path, period: str) -> None:
        self.path, self.period = path, period
        self.data = _read(path)
        self.sent: dict[str, str] = dict(self.data.get(period, {}))

    def has(self, recipient: str) -> bool:
        return recipient_key(recipient) in self.sent

    def add(self, recipients: Iterable[str]) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        new = {recipient_key(r): now for r in recipients}
        if not new:
            return
        self.sent.update(new)
        self.data[self.period] = self.sent
        _write(self.path, self.data)


def _read(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path}: не удалось прочитать список отправленных писем ({exc}); "
                        f"исправьте или удалите файл") from None
    valid = isinstance(data, dict) and all(
        isinstance(v, dict) and all(isinstance(t, str) for t in v.values()) for v in data.values()
    )
    if not valid:
        raise UserError(f"{path}: это не список отправленных писем newsmon; исправьте или удалите "
                        f"файл")
    return data


def _write(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise RunError(f"Письмо отправлено, но не удалось записать {path} ({exc.strerror or exc}): "
                       f"повторный запуск отправит его этим адресатам ещё раз") from None
