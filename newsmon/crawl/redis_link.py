"""The connection to Redis shared by a distributed crawl's parts, and the names of its keys.

Every key lives under `newsmon:` in the database number of the URL (`redis://HOST:PORT/N`), so
several deployments may share one Redis server on different numbers. The protocol between the
workers (`newsmon crawl --redis`) and the writer (`newsmon store --redis`) is in docs/scale-out.md.

Redis down or restarting is one plain line and a non-zero exit, never a hang: every socket has a
timeout, and after the first failure a link fails at once (`RedisDown`) instead of waiting again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from newsmon.core.errors import RunError, UserError

# redis-py types every answer `bytes | str` (it cannot know `decode_responses`); newsmon's
# clients never decode, so the code reads bytes and the client is typed loosely.
Client = Any

CONNECT_TIMEOUT = 5.0  # seconds to open a connection
SOCKET_TIMEOUT = 15.0  # seconds one command may take (blocking reads ask for less)
PREFIX = "newsmon"
REDIS_DOWN_REASON = "redis_down"  # the reason a worker's spider closes with


class RedisDown(RunError):
    """Redis is unreachable, restarting or refused a command."""


def check_url(url: str) -> str:
    """`redis://HOST:PORT/N` (or rediss://, unix://); anything else is a UserError."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss", "unix") or not (parts.hostname or parts.path):
        raise UserError(f"--redis {url}: нужен адрес вида redis://HOST:PORT/N")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UserError(f"--redis {url}: неверный порт") from None
    db = parts.path.strip("/")
    if parts.scheme != "unix" and db and not db.isdigit():
        raise UserError(f"--redis {url}: номер базы Redis после «/» должен быть числом")
    return url


def shown_url(url: str) -> str:
    """The URL without a password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def key(*parts: object) -> str:
    return ":".join([PREFIX, *(str(p) for p in parts)])


class RedisLink:
    """One client per process part, failing fast once Redis was found down."""

    def __init__(self, url: str, *, socket_timeout: float = SOCKET_TIMEOUT) -> None:
        import redis

        self.url = check_url(url)
        self.client: Client = redis.Redis.from_url(
            url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=socket_timeout,
            retry_on_timeout=False,
        )  # fmt: skip
        self.failure: str | None = None
        self.on_failure: list[Any] = []  # callables run once, at the first failure

    def message(self, exc: BaseException) -> str:
        why = str(exc).strip().rstrip(".") or type(exc).__name__
        return f"Redis {shown_url(self.url)} недоступен: {why}"

    def fail(self, exc: BaseException) -> RedisDown:
        if self.failure is None:
            self.failure = self.message(exc)
            for callback in self.on_failure:
                callback(self.failure)
        return RedisDown(self.failure)

    @contextmanager
    def guard(self) -> Iterator[Client]:
        """`with link.guard() as r: r.get(...)`: a Redis error becomes RedisDown (one line)."""
        import redis

        if self.failure is not None:
            raise RedisDown(self.failure)
        try:
            yield self.client
        except redis.RedisError as exc:
            raise self.fail(exc) from None

    def ping(self) -> None:
        with self.guard() as r:
            r.ping()

    def wait_for(self, what: str, seconds: float, *, poll: float = 0.5) -> bytes | None:
        """The value at key `what`, waiting up to `seconds` for it to appear."""
        deadline = time.monotonic() + seconds
        while True:
            with self.guard() as r:
                value = r.get(what)
            if value is not None or time.monotonic() >= deadline:
                return value
            time.sleep(poll)

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # closing a dead connection
            pass


# -- key names (docs/scale-out.md) -------------------------------------------------------------

NIGHT = key("night")  # the open night's id, set by the writer; absent: no night open
ITEMS = key("items")  # stream: finished articles and URL outcomes, for the writer
WRITER_GROUP = "writer"  # the stream's consumer group (one writer; the group keeps what is unacked)
REQUESTS = key("requests")  # list: the shared frontier (scrapy-redis queue), FIFO
LEASES = key("leases")  # counter: lease ids of requests popped from the frontier
LEASED_BY = key("leased-by")  # set: workers that may hold leased requests


def worker_key(worker: str) -> str:
    """A worker's heartbeat: present (with a TTL) while the worker is alive."""
    return key("worker", worker)


def inflight_key(worker: str) -> str:
    """Hash lease id → encoded request: what a worker popped and has not finished."""
    return key("inflight", worker)


def night_key(night: str, name: str) -> str:
    """Per-night keys: dupefilter, workers (set of ids seen), stats (hash), gate:<listing>."""
    return key("n", night, name)


def rate_key(slot: str) -> str:
    return key("rate", slot)


def link_for(crawler: Any) -> RedisLink:
    """The crawl's one link (newsmon.crawl.redis_worker sets it before the engine starts)."""
    link = getattr(crawler, "newsmon_link", None)
    if link is None:
        link = crawler.newsmon_link = RedisLink(crawler.settings["NEWSMON_REDIS_URL"])
    return link


# Values in the URLS hash: what the writer or a worker learnt about a URL.
STORED, ALIAS, GONE = b"s", b"a", b"d"  # an article's URL; another URL of one; gone, moved, no article
JUDGED_PREFIX = b"j:"  # j:<rules revision>: no article or undated by those page rules
OLD_PREFIX = b"p:"  # p:YYYY-MM-DD: published before the --since bound of the run that saw it
URLS = key("urls")
