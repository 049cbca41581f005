"""A Datasette plugin: analysts correct an article from the browser (`/-/newsmon/correct`).

The form posts to the same page, which records the correction through db.corrections (so it is
applied to the tag tables at once, with the actor's id as its author). Only an actor granted the
permission action `newsmon-correct` may see the form or post it; nobody is granted it here
(an anonymous visitor is refused), a login plugin grants it to analysts. Posts carry Datasette's
CSRF token (asgi_csrf checks it against the ds_csrftoken cookie).
"""

from __future__ import annotations

from html import escape
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request, Response

ACTION = "newsmon-correct"
PATH = "/-/newsmon/correct"
FIELD_CHOICES = (
    ("relevant", "Релевантность (да / нет)"),
    ("regions", "Регионы (через запятую)"),
    ("orgs", "Организации (через запятую)"),
    ("projects", "Проекты (через запятую)"),
)


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/-/newsmon/correct$", correct_view)]


@hookimpl
def menu_links(datasette: Any, actor: Any) -> Any:
    async def inner() -> list[dict]:
        if await datasette.permission_allowed(actor, ACTION, default=False):
            return [{"href": datasette.urls.path(PATH), "label": "Исправить статью"}]
        return []

    return inner


async def correct_view(datasette: Any, request: Request) -> Response:
    if not await datasette.permission_allowed(request.actor, ACTION, default=False):
        return _page(datasette, request, "Нет прав: исправлять статьи могут только аналитики, "
                     "вошедшие в систему.", status=403)
    if request.method == "POST":
        form = await request.post_vars()
        try:
            message = await _record(datasette, request.actor, form)
        except Exception as exc:  # a UserError's one Russian line, or a database refusal
            import sqlite3

            from newsmon.core.errors import NewsmonError

            if isinstance(exc, sqlite3.DatabaseError):
                from db import database_error

                exc = database_error(None, exc)
            elif not isinstance(exc, NewsmonError):
                raise
            return _page(datasette, request, f"Не записано: {exc}", form=form, status=400)
        return _page(datasette, request, message, form={"article": form.get("article", "")})
    return _page(datasette, request, "", form={"article": request.args.get("article", "")})


async def _record(datasette: Any, actor: dict, form: dict) -> str:
    """Record the correction the form describes; the message for the analyst."""
    from newsmon.core.errors import UserError

    ref = (form.get("article") or "").strip()
    field = (form.get("field") or "").strip()
    value = form.get("value") or ""
    reason = (form.get("reason") or "").strip()
    withdraw = bool(form.get("withdraw"))
    if not ref:
        raise UserError("укажите номер или адрес статьи")
    if not reason:
        raise UserError("укажите причину исправления")
    author = str(actor.get("id") or actor.get("name") or "аналитик")
    database = datasette.get_database()
    if not database.is_mutable:
        raise UserError("база открыта только для чтения (файл защищён от записи): исправления "
                        "вносите командой newsmon correct")

    def write(conn: Any) -> str:
        from sqlite_utils import Database

        from db.article import article_row, find_article_id
        from db.corrections import add_correction, check_field, field_title
        from newsmon.shell.correcting import parse_value
        from newsmon.shell.options import user_dir

        db = Database(conn)
        article_id = find_article_id(db, ref)
        if withdraw:
            name, parsed = check_field(field), None
        else:
            name, parsed = parse_value(db, check_field(field), value, user_dir(None))
        cid = add_correction(db, article_id, name, parsed, author=author, reason=reason)
        title = article_row(db, article_id)["title"] or ""
        what = "отзыв исправления" if parsed is None else "исправление"
        return f"Записано ({what} #{cid}): статья {article_id} «{title}», {field_title(name)}."

    return str(await database.execute_write_fn(write, block=True))


def _page(
    datasette: Any, request: Request, message: str, *, form: dict | None = None,
    status: int = 200,
) -> Response:
    form = form or {}
    token = request.scope.get("csrftoken")
    csrf = escape(token()) if callable(token) else ""
    from pipeline.tag.base import registered

    choices = [*FIELD_CHOICES,
               *((f"label:{name}", f"Метки «{name}» (через запятую)") for name in registered())]
    options = "".join(
        f'<option value="{escape(name)}"{" selected" if form.get("field") == name else ""}>'
        f"{escape(label)}</option>"
        for name, label in choices
    )
    note = f'<p class="message">{escape(message)}</p>' if message else ""
    body = "" if status == 403 else f"""
<form method="post" action="{escape(datasette.urls.path(PATH))}">
  <input type="hidden" name="csrftoken" value="{csrf}">
  <p><label>Статья (номер или адрес): <input name="article" value="{escape(form.get("article", ""))}"
     required></label></p>
  <p><label>Что исправить: <select name="field">{options}</select></label></p>
  <p><label>Новое значение: <input name="value" value="{escape(form.get("value", ""))}"
     size="60"></label></p>
  <p><label><input type="checkbox" name="withdraw" value="1"> отозвать исправление этого поля
     (вернётся значение разметки)</label></p>
  <p><label>Причина: <input name="reason" value="{escape(form.get("reason", ""))}" size="60"
     required></label></p>
  <p><button type="submit">Записать исправление</button></p>
</form>"""
    html = f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Исправление статьи — newsmon</title></head>
<body><h1>Исправление статьи</h1>{note}{body}
<p>Исправление видят counts, поиск, дайджест и Datasette; повторный сбор и newsmon retag его
сохраняют. Список: <code>newsmon correct --list</code>; объяснение разметки:
<code>newsmon explain НОМЕР</code>.</p></body></html>"""
    return Response.html(html, status=status)
