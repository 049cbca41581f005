"""Jinja2 rendering of the digest."""

from __future__ import annotations

import functools

from jinja2 import Environment, PackageLoader, select_autoescape

from digest.build import DigestData


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("digest", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ru_date"] = ru_date
    return env


def ru_date(value: str | None) -> str:
    if not value:
        return "дата неизвестна"
    year, month, day = value.split("-")
    return f"{day}.{month}.{year}"


def render_html(data: DigestData) -> str:
    return environment().get_template("digest.html.j2").render(d=data)
