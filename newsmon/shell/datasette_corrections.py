"""A Datasette plugin: analysts correct an article from the browser (`/-/newsmon/correct`).

The form posts to the same page, which records the correction through db.corrections (so it is
applied to the tag tables at once, with the actor's id as its author). Only an actor granted the
permission action `newsmon-correct` may see the form or post it; nobody is granted it here
(an anonymous visitor is refused), a login plugin grants it to analysts. Posts carry Datasette's
CSRF token (asgi_csrf checks it against the ds_csrftoken cookie).
"""

from __future__ import annotations

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
        return await _page(datasette, request, "Нет прав: исправлять статьи могут только "
                           "аналитики, вошедшие в систему.", allowed=False, status=403)
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
            return await _page(datasette, request, f"Не записано: {exc}", form=form, status=400)
        return await _page(datasette, request, message, form={"article": form.get("article", "")})
    return await _page(datasette, request, "", form={"article": request.args.get("article", "")})


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


async def _page(
    datasette: Any, request: Request, message: str, *, form: dict | None = None,
    allowed: bool = True, status: int = 200,
) -> Response:
    from pipeline.tag.base import registered

    form = dict(form or {})
    choices = [*FIELD_CHOICES,
               *((f"label:{name}", f"Метки «{name}» (через запятую)") for name in registered())]
    current = None
    if allowed and (form.get("article") or "").strip():
        current = await _current(datasette, form["article"])
    html = await datasette.render_template(
        "newsmon_correct.html",
        {"message": message, "error": status >= 400, "allowed": allowed, "form": form,
         "choices": choices, "current": current},
        request=request,
    )
    return Response.html(html, status=status)


async def _current(datasette: Any, ref: str) -> dict | None:
    """The article as counted now, with its corrections; None for an unknown one."""

    def read(conn: Any) -> dict | None:
        from sqlite_utils import Database

        from db.article import article_row, find_article_id, stored_verdicts
        from db.corrections import corrections_for
        from newsmon.core.errors import UserError
        from pipeline.tag.regions.gazetteer import region_by_iso

        db = Database(conn)
        try:
            article_id = find_article_id(db, ref)
        except UserError:
            return None
        row = article_row(db, article_id)
        stored = stored_verdicts(db, article_id)
        history = corrections_for(db, article_id)
        for c in history:
            c["shown"] = _shown(c["value"])
        return {**row, "relevant": stored["relevant"],
                "regions": ", ".join(region_by_iso(iso).name for iso in stored["regions"]),
                "projects": ", ".join(stored["projects"]), "corrections": history[::-1]}

    return await datasette.get_database().execute_fn(read)


def _shown(value: Any) -> str:
    if value is None:
        return "отозвано"
    if isinstance(value, bool):
        return "релевантна" if value else "нерелевантна"
    return ", ".join(map(str, value)) or "—"
