"""One-line errors for unknown names that suggest the nearest known one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from newsmon.core.errors import UserError


def nearest(name: str, known: Iterable[str]) -> str | None:
    by_lower = {k.lower(): k for k in known}
    match = difflib.get_close_matches(name.lower(), list(by_lower), n=1, cutoff=0.5)
    return by_lower[match[0]] if match else None


def unknown_name_error(label: str, name: str, known: Iterable[str]) -> UserError:
    """`label` names the kind with its adjective, e.g. «Неизвестная организация»."""
    guess = nearest(name, known)
    hint = f" Возможно, вы имели в виду «{guess}»?" if guess else ""
    return UserError(f"{label} «{name}».{hint}")
