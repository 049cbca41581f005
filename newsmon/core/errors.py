"""Errors a user can cause, mapped once by the CLI to one plain line and an exit code."""

from __future__ import annotations


class NewsmonError(Exception):
    """Base class: the message is shown to the user as is, without a traceback."""

    exit_code = 1


class UserError(NewsmonError):
    """Bad configuration or input: bad YAML, unknown region, missing file, bad period."""

    exit_code = 2


class RunError(NewsmonError):
    """The run could not proceed: database locked, a crawl already running, SMTP unreachable."""

    exit_code = 1
