"""Replica outlets on disk: ``site.yml`` settings and the mapping of URL paths to files.

newsmon/siteserver.py serves them; the path mapping and site.yml keys are described there.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from newsmon.core.errors import UserError

HOST = "127.0.0.1"
BASE_PLACEHOLDER = "{{BASE}}"
DEFAULT_ROBOTS = "User-agent: *\nDisallow:\n"
TEXT_SUFFIXES = {".html", ".htm", ".xml", ".txt", ".json", ".css", ".js", ".csv", ".yml"}
SITE_KEYS = {
    "name", "region", "feeds", "sitemaps", "encoding", "charset_in", "redirects", "status",
    "delay", "robots", "flaky", "ignore_unknown_query", "source", "types", "drop", "gzip",
    "retry_after", "flaky_status", "telegram", "telegram_titles",
}  # fmt: skip
CHARSET_MODES = ("header", "meta", "both")

_META_CHARSET = re.compile(
    rb"<meta\s+charset\s*=\s*[\"']?[\w.:-]+[\"']?\s*/?>"
    rb"|<meta\s+http-equiv\s*=\s*[\"']?content-type[\"']?\s+content\s*=\s*[\"'][^\"']*[\"']\s*/?>",
    re.IGNORECASE,
)
_XML_DECL = re.compile(rb"^\s*<\?xml\s[^>]*\?>")
_XML_ENCODING = re.compile(rb"encoding\s*=\s*[\"'][^\"']*[\"']")
_HEAD_OPEN = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)


@dataclass(frozen=True)
class Redirect:
    to: str
    code: int = 301


@dataclass(frozen=True)
class SiteConfig:
    """One outlet as declared in its ``site.yml``."""

    name: str
    root: Path
    region: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    encoding: str = "utf-8"
    charset_in: str = "header"
    redirects: dict[str, Redirect] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    delay: dict[str, float] = field(default_factory=dict)
    flaky: dict[str, int] = field(default_factory=dict)  # path -> first N requests answer 503
    robots: str | None = None
    ignore_unknown_query: bool = True
    source: dict[str, Any] = field(default_factory=dict)  # extra fields for sources.yml
    types: dict[str, str] = field(default_factory=dict)  # path -> Content-Type override
    drop: frozenset[str] = frozenset()  # paths whose connection is closed without a response
    gzip: bool = False  # Content-Encoding: gzip when the client accepts it
    retry_after: dict[str, str] = field(default_factory=dict)  # path -> Retry-After of its errors
    flaky_status: int = 503  # what the first N requests of a `flaky` path answer (429: rate limit)
    # A Telegram host: channel -> region; sources.yml gets one `telegram:` entry per channel.
    telegram: dict[str, str] = field(default_factory=dict)
    telegram_titles: dict[str, str] = field(default_factory=dict)  # channel -> `title:`

    @property
    def public(self) -> Path:
        return self.root / "public"


@dataclass(frozen=True)
class LoggedRequest:
    site: str
    method: str
    path: str  # as requested, query string included
    status: int
    user_agent: str
    at: float = 0.0  # time.monotonic() when the request arrived


def load_site(site_dir: Path) -> SiteConfig:
    """Read ``site_dir/site.yml``; a mistake is a one-line UserError naming the file."""
    cfg_path = site_dir / "site.yml"
    try:
        raw = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise UserError(f"{cfg_path}: file not found") from None
    except yaml.YAMLError as exc:
        raise UserError(f"{cfg_path}: invalid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(raw, dict):
        raise UserError(f"{cfg_path}: expected a mapping")
    unknown = sorted(set(raw) - SITE_KEYS)
    if unknown:
        raise UserError(f"{cfg_path}: unknown keys {', '.join(unknown)}")
    encoding = str(raw.get("encoding", "utf-8")).lower()
    try:
        "".encode(encoding)
    except LookupError:
        raise UserError(f"{cfg_path}: unknown encoding {encoding}") from None
    charset_in = str(raw.get("charset_in", "header"))
    if charset_in not in CHARSET_MODES:
        raise UserError(f"{cfg_path}: charset_in must be one of {', '.join(CHARSET_MODES)}")

    def table(key: str, conv: Any) -> dict[str, Any]:
        return {str(k): conv(v) for k, v in (raw.get(key) or {}).items()}

    def redirect(v: Any) -> Redirect:
        return Redirect(str(v["to"]), int(v.get("code", 301))) if isinstance(v, dict) else (
            Redirect(str(v))
        )

    try:
        return SiteConfig(
            name=str(raw.get("name") or site_dir.name), root=site_dir, region=raw.get("region"),
            feeds=tuple(raw.get("feeds") or ()), sitemaps=tuple(raw.get("sitemaps") or ()),
            encoding=encoding, charset_in=charset_in, redirects=table("redirects", redirect),
            status=table("status", int), delay=table("delay", float), flaky=table("flaky", int),
            robots=raw.get("robots"), types=table("types", str),
            ignore_unknown_query=bool(raw.get("ignore_unknown_query", True)),
            source=dict(raw.get("source") or {}), drop=frozenset(map(str, raw.get("drop") or ())),
            gzip=bool(raw.get("gzip", False)), retry_after=table("retry_after", str),
            flaky_status=int(raw.get("flaky_status", 503)), telegram=table("telegram", str),
            telegram_titles=table("telegram_titles", str),
        )  # fmt: skip
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise UserError(f"{cfg_path}: bad value ({exc})") from None


def discover_sites(sites_dir: Path) -> list[Path]:
    """Site directories (those with a site.yml) under ``sites_dir``, sorted by name."""
    if not sites_dir.is_dir():
        raise UserError(f"{sites_dir}: sites directory not found")
    return sorted(p for p in sites_dir.iterdir() if (p / "site.yml").is_file())


def resolve_file(public: Path, path: str, query: str, ignore_unknown_query: bool) -> Path | None:
    """The file under ``public`` that serves ``path?query``, or None (see module docstring)."""
    rel = path.lstrip("/")
    base = public / rel if rel else public
    if not rel:
        candidates = [base / "index.html"]
    elif rel.endswith("/"):
        candidates = [base / "index.html", base.with_name(base.name + ".html")]
    else:
        candidates = [base, base.with_name(base.name + ".html"), base / "index.html"]
    candidates.append(base / "index.xml")  # /feed/ -> public/feed/index.xml
    ordered: list[Path] = []
    if query and "/" not in query:
        for c in candidates:
            stem, dot, suffix = c.name.rpartition(".") if "." in c.name else (c.name, "", "")
            ordered.append(c.with_name(f"{stem}@{query}{dot}{suffix}"))
            ordered += _same_query_decoded(c.parent, f"{stem}@", query, f"{dot}{suffix}")
    if not query or ignore_unknown_query:
        ordered += candidates
    root = public.resolve()
    for c in ordered:
        try:
            resolved = c.resolve()
        except (OSError, RuntimeError):
            continue
        if resolved.is_file() and resolved.is_relative_to(root):
            return resolved
    return None


def _same_query_decoded(folder: Path, prefix: str, query: str, suffix: str) -> list[Path]:
    """Files whose query means the same once percent-escapes are decoded, as a real server
    reads it: «?title=Новости%3AX» is served by «index.php@title=Новости:X.html»."""
    wanted = unquote(query)
    if wanted == query or not folder.is_dir():
        return []
    return [
        f for f in folder.iterdir()
        if f.name.startswith(prefix) and f.name.endswith(suffix)
        and unquote(f.name[len(prefix) : len(f.name) - len(suffix)]) == wanted
    ]


def content_type(file: Path, body: bytes) -> str:
    suffix = file.suffix.lower()
    if suffix == ".xml":
        head = body[:500].lstrip()
        head = _XML_DECL.sub(b"", head).lstrip()
        if head.startswith(b"<rss"):
            return "application/rss+xml"
        if head.startswith(b"<feed"):
            return "application/atom+xml"
        return "application/xml"
    if suffix in (".html", ".htm"):
        return "text/html"
    return mimetypes.guess_type(file.name)[0] or "application/octet-stream"


def encode_text(text: str, ctype: str, cfg: SiteConfig) -> bytes:
    """Encode a served text file, making its in-document charset agree with the site's config."""
    body = text.encode(cfg.encoding, errors="xmlcharrefreplace")
    enc = cfg.encoding.encode("ascii")
    if ctype == "text/html":
        if cfg.charset_in == "header":
            return _META_CHARSET.sub(b"", body)
        tag = b'<meta charset="' + enc + b'">'
        if _META_CHARSET.search(body):
            return _META_CHARSET.sub(tag, body)
        m = _HEAD_OPEN.search(body)
        return body[: m.end()] + tag + body[m.end() :] if m else tag + body
    if ctype.endswith("xml"):
        m = _XML_DECL.match(body)
        if m:
            decl = m.group(0)
            if _XML_ENCODING.search(decl):
                decl = _XML_ENCODING.sub(b'encoding="' + enc + b'"', decl)
            elif cfg.encoding != "utf-8":
                decl = decl.replace(b"?>", b' encoding="' + enc + b'"?>')
            return decl + body[m.end() :]
        if cfg.encoding != "utf-8":
            return b'<?xml version="1.0" encoding="' + enc + b'"?>\n' + body
    return body
