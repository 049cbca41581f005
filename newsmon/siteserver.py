"""Local multi-outlet web server: static replica sites, each on its own 127.0.0.1 port.

Each ``<sites>/<name>/`` holds ``site.yml`` and a ``public/`` tree. The crawler treats
scheme+host+port as the outlet, so every site gets its own listening socket. Files are stored
UTF-8 and re-encoded on serve; ``{{BASE}}`` becomes ``http://127.0.0.1:PORT``.

Path mapping (first existing file wins): ``/a/b`` -> ``public/a/b``, ``public/a/b.html``,
``public/a/b/index.html``, ``public/a/b/index.xml``; ``/x.xml.gz`` without such a file is
``public/x.xml`` gzipped. A query string picks a variant file named ``<stem>@<query><suffix>``
(``/news/?page=2`` -> ``public/news/index@page=2.html``); an unknown query falls back to the page
without it, as real CMSs ignore ``utm_*`` parameters (``ignore_unknown_query: false``: 404).

site.yml keys: name, region, feeds, sitemaps (paths), encoding, charset_in (header|meta|both),
redirects {path: to | {to, code}}, status {path: code}, delay {path: seconds}, flaky {path: N}
(first N requests answer 503, or `flaky_status`: 429 for a rate limit), retry_after {path: seconds or HTTP date} (the Retry-After header of
that path's error answers, flaky or status), drop [paths] (connection closed, no response), types {path:
Content-Type}, gzip (Content-Encoding when accepted), robots (text; default allows all),
ignore_unknown_query, source (extra fields for sources.yml), telegram {channel: region} (a Telegram
host: sources.yml gets a `telegram: BASE/s/<channel>` entry per channel instead of the site's own),
telegram_titles {channel: title} (the entries' `title:`).
Paths match with or without query. ``{{BASE:other}}`` in a file is the base URL of the site named
``other`` served alongside (a post linking an outlet's article).

Used by tests (``with SiteServer(dir) as s: s.urls``) and by ``make demo``::

    python -m newsmon.siteserver --sites demo/sites --write-sources out/demo-sources.yml
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from newsmon.core.errors import UserError
from newsmon.sitefiles import (  # resolve_file is re-exported: tests and demo/build.py use it
    BASE_PLACEHOLDER,
    DEFAULT_ROBOTS,
    HOST,
    TEXT_SUFFIXES,
    LoggedRequest,
    SiteConfig,
    content_type,
    discover_sites,
    encode_text,
    load_site,
    resolve_file,
)

_OTHER_BASE_RE = re.compile(r"\{\{BASE:([\w.-]+)\}\}")


class _SiteHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs when a crawl opens many connections
    allow_reuse_address = True

    def __init__(self, cfg: SiteConfig, owner: SiteServer, port: int = 0) -> None:
        self.cfg = cfg
        self.owner = owner
        self.hits: dict[str, int] = {}
        self.hits_lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    def handle_error(self, request: object, client_address: object) -> None:
        # A crawler that hangs up mid-response (stopped, killed, timed out) is normal traffic for a
        # fixture site; socketserver would print a traceback on stderr, into whatever test is
        # capturing it at that moment.
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: _SiteHTTPServer
    protocol_version = "HTTP/1.1"
    # Without TCP_NODELAY every keep-alive response waits ~40 ms for the delayed ACK.
    disable_nagle_algorithm = True
    server_version = "newsmon-siteserver/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # the stdlib signature names it `format`
        pass  # the request log replaces stderr chatter

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def _respond(self, send_body: bool) -> None:
        cfg = self.server.cfg
        parts = urlsplit(self.path)
        path, query = unquote(parts.path) or "/", parts.query  # Cyrillic slugs arrive %-encoded
        full = f"{path}?{query}" if query else path
        if full in cfg.drop or path in cfg.drop:
            self._log(0)
            self.close_connection = True  # hang up without a response: a network error
            return
        status, headers, body = self._route(cfg, path, query, full)
        if cfg.gzip and body and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self._log(status)  # before answering: a client holding its response finds it logged
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _log(self, status: int) -> None:
        ua = self.headers.get("User-Agent", "")
        self.server.owner.record(
            LoggedRequest(self.server.cfg.name, self.command, self.path, status, ua,
                          time.monotonic())
        )

    def _route(
        self, cfg: SiteConfig, path: str, query: str, full: str
    ) -> tuple[int, dict[str, str], bytes]:
        base = self.server.base

        def pick(mapping: dict[str, Any]) -> Any:
            return next((mapping[k] for k in (full, path) if k in mapping), None)

        if (seconds := pick(cfg.delay)) is not None:
            time.sleep(seconds)
        if (times := pick(cfg.flaky)) is not None:
            with self.server.hits_lock:
                n = self.server.hits[full] = self.server.hits.get(full, 0) + 1
            if n <= times:
                return with_retry_after(error_page(cfg.flaky_status), pick(cfg.retry_after))
        if (code := pick(cfg.status)) is not None:
            return with_retry_after(error_page(code), pick(cfg.retry_after))
        if (r := pick(cfg.redirects)) is not None:
            target = r.to.replace(BASE_PLACEHOLDER, base)
            location = target if "://" in target else base + target
            return r.code, {"Location": location, "Content-Type": "text/html"}, b""
        file = resolve_file(cfg.public, path, query, cfg.ignore_unknown_query)
        gzipped = file is None and path.endswith(".gz")
        if gzipped:  # /sitemap.xml.gz from public/sitemap.xml, compressed after substitution
            file = resolve_file(cfg.public, path[:-3], query, cfg.ignore_unknown_query)
        if path == "/robots.txt" and (cfg.robots is not None or file is None):
            text = (DEFAULT_ROBOTS if cfg.robots is None else cfg.robots).replace(
                BASE_PLACEHOLDER, base
            )
            return 200, {"Content-Type": "text/plain; charset=utf-8"}, text.encode("utf-8")
        if file is None:
            return error_page(404)
        raw = file.read_bytes()
        ctype = pick(cfg.types) or content_type(file, raw)
        if file.suffix.lower() not in TEXT_SUFFIXES:
            return 200, {"Content-Type": ctype}, raw
        text = self.server.owner.substitute(raw.decode("utf-8").replace(BASE_PLACEHOLDER, base))
        body = encode_text(text, ctype, cfg)
        if gzipped:
            return 200, {"Content-Type": "application/gzip"}, gzip.compress(body, mtime=0)
        if cfg.charset_in in ("header", "both") or not ctype.startswith("text/html"):
            ctype = f"{ctype}; charset={cfg.encoding}"
        return 200, {"Content-Type": ctype}, body


def with_retry_after(
    answer: tuple[int, dict[str, str], bytes], value: str | None
) -> tuple[int, dict[str, str], bytes]:
    if value is not None:
        answer[1]["Retry-After"] = value
    return answer


def error_page(code: int) -> tuple[int, dict[str, str], bytes]:
    titles = {404: "Страница не найдена", 410: "Страница удалена"}
    title = titles.get(code, "Ошибка сервера" if code >= 500 else "Ошибка")
    html = (
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{code} — {title}'
        f"</title></head><body><h1>{title}</h1><p>Код ответа {code}.</p>"
        f'<p><a href="/">На главную</a></p></body></html>'
    )
    return code, {"Content-Type": "text/html; charset=utf-8"}, html.encode("utf-8")


class SiteServer:
    """Serve every site under ``sites_dir`` (or only ``names``), each on its own free port."""

    def __init__(
        self, sites_dir: Path | list[Path], names: list[str] | None = None, *, base_port: int = 0
    ) -> None:
        # Several folders serve together (the demo's outlets and its Telegram host).
        dirs = [Path(d) for d in sites_dir] if isinstance(sites_dir, list) else [Path(sites_dir)]
        self.sites_dir = dirs[0]
        configs = [load_site(d) for folder in dirs for d in discover_sites(folder)]
        if names is not None:
            known = {c.name for c in configs} | {c.root.name for c in configs}
            missing = [n for n in names if n not in known]
            if missing:
                raise UserError(f"{self.sites_dir}: no such site(s): {', '.join(missing)}")
            configs = [c for c in configs if c.name in names or c.root.name in names]
        self.sites: dict[str, SiteConfig] = {c.name: c for c in configs}
        self.base_port = base_port
        self._servers: dict[str, _SiteHTTPServer] = {}
        self._threads: list[threading.Thread] = []
        self._log_lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def start(self) -> SiteServer:
        for i, cfg in enumerate(self.sites.values()):
            port = self.base_port + i if self.base_port else 0
            try:
                httpd = _SiteHTTPServer(cfg, self, port)
            except OSError:
                self.stop()  # do not leave the sites already started running
                raise
            self._servers[cfg.name] = httpd
            t = threading.Thread(
                target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                name=f"siteserver-{cfg.name}", daemon=True,
            )  # fmt: skip
            t.start()
            self._threads.append(t)
        return self

    def stop(self) -> None:
        for httpd in self._servers.values():
            httpd.shutdown()
            httpd.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def urls(self) -> dict[str, str]:
        """Site name -> home page URL, ``http://127.0.0.1:PORT/``."""
        return {name: s.base + "/" for name, s in self._servers.items()}

    def url(self, name: str, path: str = "/") -> str:
        return self._servers[name].base + path

    def sources(self, extra: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """The ``sources:`` entries (DESIGN.md format); ``extra`` adds fields per source name."""
        out = []
        for name, httpd in self._servers.items():
            cfg, base = httpd.cfg, httpd.base
            if cfg.telegram:  # a Telegram host: one source per channel
                for channel, region in cfg.telegram.items():
                    channel_entry = {"name": channel, "telegram": f"{base}/s/{channel}",
                                     "region": region}
                    if channel in cfg.telegram_titles:
                        channel_entry["title"] = cfg.telegram_titles[channel]
                    out.append(channel_entry)
                continue
            entry: dict[str, Any] = {"name": name, "url": base + "/"}
            if cfg.region:
                entry["region"] = cfg.region
            if cfg.feeds:
                entry["feeds"] = [base + p for p in cfg.feeds]
            if cfg.sitemaps:
                entry["sitemaps"] = [base + p for p in cfg.sitemaps]
            entry.update(cfg.source)
            entry.update((extra or {}).get(name, {}))
            out.append(entry)
        return out

    def write_sources(self, path: Path, *, extra: dict[str, dict[str, Any]] | None = None) -> Path:
        """Write sources.yml for the running sites; ``extra``: name -> extra/override fields."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = {"sources": self.sources(extra)}
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(
            yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=None),
            encoding="utf-8",
        )
        tmp.replace(path)  # atomic: a script polling for the file never reads half of it
        return path

    def substitute(self, text: str) -> str:
        """``{{BASE:name}}`` → the base URL of the site ``name`` served here."""
        if "{{BASE:" not in text:
            return text
        return _OTHER_BASE_RE.sub(
            lambda m: self._servers[m.group(1)].base if m.group(1) in self._servers
            else m.group(0), text,
        )

    @property
    def request_log(self) -> list[LoggedRequest]:
        with self._log_lock:
            return list(self._entries)

    def clear_log(self) -> None:
        with self._log_lock:
            self._entries.clear()

    def record(self, entry: LoggedRequest) -> None:
        with self._log_lock:
            self._entries.append(entry)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsmon.siteserver",
        description="Serve replica news outlets on 127.0.0.1, one port per outlet.",
    )
    parser.add_argument("--sites", type=Path, nargs="+", default=[Path("demo/sites")],
                        help="folders of sites (several serve together)")
    parser.add_argument("--names", nargs="*", help="serve only these sites")
    parser.add_argument("--write-sources", type=Path, help="write a sources.yml here")
    parser.add_argument("--pidfile", type=Path)
    parser.add_argument("--base-port", type=int, default=0, help="first port (default: free ports)")
    args = parser.parse_args(argv)

    stop = threading.Event()
    try:
        server = SiteServer(args.sites, args.names, base_port=args.base_port).start()
    except (UserError, OSError) as exc:
        print(f"siteserver: {exc}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        for name, url in server.urls.items():
            print(f"{name} {url} {server.sites[name].region or ''}".rstrip(), flush=True)
        if args.pidfile:
            args.pidfile.parent.mkdir(parents=True, exist_ok=True)
            args.pidfile.write_text(f"{os.getpid()}\n")
        if args.write_sources:  # last: scripts wait for this file as the "ready" signal
            server.write_sources(args.write_sources)
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
        if args.pidfile:
            args.pidfile.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
