"""A Datasette plugin: every CSV Datasette sends has its formula-looking cells escaped.

Datasette writes CSV itself (tables, canned and custom queries, streamed or not) and offers no
hook for cell values, so the plugin wraps the ASGI app: a response to a ``.csv`` path is
collected, re-read as CSV and written again with `newsmon.shell.output.escape_formula` applied.
Whole-body buffering costs streaming on huge exports; a spreadsheet injection costs more.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable
from typing import Any

from datasette import hookimpl

from newsmon.shell.output import escape_formula

Message = dict[str, Any]
Send = Callable[[Message], Awaitable[None]]


def escape_csv(body: bytes) -> bytes:
    rows = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([escape_formula(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def escaping_app(app: Callable) -> Callable:
    async def wrapped(scope: dict, receive: Callable, send: Send) -> None:
        if scope.get("type") != "http" or not scope.get("path", "").endswith(".csv"):
            await app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            assert start is not None
            body = b"".join(chunks)
            if start["status"] == 200:
                body = escape_csv(body)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, collect)

    return wrapped


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Callable], Callable]:
    return escaping_app
