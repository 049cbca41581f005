"""A Datasette plugin: the workspace in Russian — cells rendered for a reader (dates as dates,
lists as lists), label filters for the template overrides in newsmon/shell/datasette_templates,
and the home page's data (the database, its materials, the analysts' questions)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from newsmon.shell import datasette_labels as labels
from newsmon.shell.datasette_login import passwords

HIDDEN = {"_internal", "_memory"}


@hookimpl
def render_cell(value: Any, column: str) -> Markup | None:
    text = labels.cell(column, value)
    return None if text is None else Markup(escape(text))


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["ru"] = labels.column
    env.filters["ru_param"] = labels.param
    env.filters["ru_param_type"] = lambda name: labels.PARAM_TYPES.get(name, "text")
    env.filters["ru_lookup"] = lambda key, display="": labels.lookup(key, display)
    env.filters["ru_facet_value"] = lambda value, name: labels.facet_value(name, value)
    env.filters["ru_plural"] = labels.plural
    env.filters["chart_peak"] = chart_peak
    env.globals["materials_link"] = materials_link
    env.filters["ru_message"] = lambda message: labels.MESSAGES.get(str(message), message)


def chart_peak(rows: Any, column: str) -> float:
    """The largest value of `column` in a query's rows (at least 1): the chart's full scale."""
    values = [row[column] for row in rows if isinstance(row[column], (int, float))]
    return max([*values, 1])


# A question's row → the filters of the `materials` view that select the materials behind it.
ROW_FILTERS = {"region": "regions__arraycontains", "project": "projects__arraycontains",
               "source": "source", "month": "month", "topic": "topics__arraycontains"}
PARAM_FILTERS = {"date_from": "published__gte", "date_to": "published__lte", "month": "month"}


def materials_link(database_url: str, row: Any, params: dict) -> str | None:
    """Where the number of materials in a question's row leads: the materials view filtered to
    that row (its region, month, project…) and the question's period; None when the question was
    narrowed by a name the view cannot filter on (an alias typed by the analyst)."""
    from urllib.parse import urlencode

    if any(value for name, value in params.items() if name not in PARAM_FILTERS):
        return None
    args = {PARAM_FILTERS[name]: value for name, value in params.items() if value}
    keys = row.keys()
    for column, facet in ROW_FILTERS.items():
        if column in keys and row[column] not in (None, ""):
            args[facet] = row[column]
    if not any(column in keys for column in ROW_FILTERS):
        return None
    return f"{database_url}/materials?{urlencode(args)}"


def database_name(datasette: Any) -> str | None:
    names = [name for name in datasette.databases if name not in HIDDEN]
    return names[0] if names else None


@hookimpl
def extra_template_vars(
    template: str, datasette: Any, request: Any
) -> Callable[[], Awaitable[dict]] | None:
    if template not in ("index.html", "database.html", "table.html", "query.html", "row.html"):
        return None

    async def workspace() -> dict:
        name = database_name(datasette)
        if name is None:
            return {"workspace": None}
        actor = request.actor if request is not None else None
        database = datasette.get_database(name)
        tables = datasette.metadata("tables", database=name) or {}
        queries = await datasette.get_canned_queries(name, actor)
        counts: dict[str, int] = {}
        if template == "index.html":
            from db.views import VIEWS, count_sql

            for view in VIEWS:
                result = await database.execute(count_sql(view))
                counts[view] = result.first()[0]
        return {"workspace": {
            "database": name,
            "titles": {table: meta.get("title", table) for table, meta in tables.items()},
            "shown": [table for table, meta in tables.items() if not meta.get("hidden")],
            "queries": list(queries.values()),
            "counts": counts,
            "login": bool(passwords(datasette)),
        }}

    return workspace
