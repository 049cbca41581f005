"""A Datasette plugin: password login for serving the workspace to colleagues on the office LAN.

Passwords are stored only as PBKDF2-SHA256 hashes (`newsmon serve --hash-password` makes one),
read by `newsmon serve` from a file or an environment variable into this plugin's configuration
(`configure`), never into the metadata. With passwords configured, the metadata
allows nothing to anonymous visitors (newsmon.commands.serve) and this plugin sends them to the
login form; a signed `ds_actor` cookie (Datasette's own) keeps the analyst logged in. The
permission "newsmon-correct" (analysts' corrections in the browser) is granted to logged-in
analysts only, never to anonymous visitors.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import weakref
from typing import Any
from urllib.parse import quote

from datasette import Response, hookimpl

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 480_000
CORRECT = "newsmon-correct"
LOGIN_PATH = "/-/login"


def hash_password(password: str, *, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    """`pbkdf2_sha256$ITERATIONS$SALT$HASH` (the format Django and datasette-auth-passwords use)."""
    salt = salt or secrets.token_hex(12)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode(), iterations)
    return f"{ALGORITHM}${iterations}${salt}${base64.b64encode(digest).decode('ascii')}"


def verify_password(password: str, stored: str) -> bool:
    try:
        algorithm, iterations, salt, _ = stored.split("$", 3)
        rounds = int(iterations)
    except ValueError:
        return False
    if algorithm != ALGORITHM:
        return False
    return hmac.compare_digest(hash_password(password, salt=salt, iterations=rounds), stored)


def is_hash(value: str) -> bool:
    parts = value.split("$")
    return len(parts) == 4 and parts[0] == ALGORITHM and parts[1].isdigit()


# Datasette instance → {login: hash}. Kept out of the metadata, which /-/metadata.json shows.
_PASSWORDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def configure(datasette: Any, users: dict[str, str]) -> None:
    """Turn the login on for this Datasette (with at least one login) or off (with none)."""
    _PASSWORDS[datasette] = dict(users)


def passwords(datasette: Any) -> dict[str, str]:
    return dict(_PASSWORDS.get(datasette, {}))


def parse_passwords(text: str, origin: str) -> dict[str, str]:
    """`login:hash` entries, one per line or separated by spaces; # starts a comment.
    Raises ValueError (a Russian message naming `origin` and the line) on anything else."""
    users: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        for entry in line.split("#", 1)[0].split():
            login, sep, stored = entry.partition(":")
            if not sep or not login or not is_hash(stored):
                raise ValueError(
                    f"{origin}, строка {number}: ожидается имя:хеш пароля (хеш даёт "
                    "newsmon serve --hash-password), пароль открытым текстом не принимается"
                )
            users[login] = stored
    return users


def safe_next(target: str | None) -> str:
    """Only a path on this site (no //host, no scheme): an open redirect would leak the login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


async def login(request: Any, datasette: Any) -> Response:
    users = passwords(datasette)
    next_path = safe_next(request.args.get("next"))
    error = None
    username = ""
    if request.method == "POST":
        form = await request.post_vars()
        username = (form.get("username") or "").strip()
        next_path = safe_next(form.get("next"))
        stored = users.get(username)
        if stored and verify_password(form.get("password") or "", stored):
            response = Response.redirect(next_path)
            response.set_cookie(
                "ds_actor", datasette.sign({"a": {"id": username}}, "actor"),
                httponly=True, samesite="lax",
            )
            return response
        error = "Неверное имя или пароль"
    html = await datasette.render_template(
        "newsmon_login.html",
        {"error": error, "username": username, "next": next_path, "enabled": bool(users)},
        request=request,
    )
    return Response.html(html, status=401 if error else 200)


@hookimpl
def register_routes() -> list:
    return [(r"^/-/login$", login)]


@hookimpl
def permission_allowed(actor: Any, action: str) -> bool | None:
    if action == CORRECT:
        return bool(actor and actor.get("id"))
    return None


@hookimpl
def forbidden(datasette: Any, request: Any) -> Response | None:
    """An anonymous visitor of a page (not of the JSON or CSV API) is sent to the login form."""
    if not passwords(datasette) or request.actor:
        return None
    path = request.path
    if path.endswith((".json", ".csv")) or "_shape" in request.args:
        return None
    target = path + (f"?{request.query_string}" if request.query_string else "")
    return Response.redirect(f"{LOGIN_PATH}?next={quote(target, safe='')}")


@hookimpl
def menu_links(datasette: Any, actor: Any) -> list[dict] | None:
    if passwords(datasette) and not actor:
        return [{"href": LOGIN_PATH, "label": "Войти"}]
    return None
