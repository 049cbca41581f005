"""URL identity: one article, one canonical URL; outlets are scheme+host+port."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = ("utm_", "yclid", "gclid", "fbclid", "_openstat", "from", "ref", "rss")
# Query keys that are tracking noise when they appear alone or with other tracking keys.


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return any(key == p or (p.endswith("_") and key.startswith(p)) for p in TRACKING_PARAMS)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)])
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def origin(url: str) -> str:
    """scheme://host[:port] — what identifies an outlet (two outlets may differ only by port)."""
    parts = urlsplit(canonical_url(url))
    return f"{parts.scheme}://{parts.netloc}"


def same_origin(url: str, source_url: str) -> bool:
    return origin(url) == origin(source_url)


def absolute(base: str, href: str) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    return urljoin(base, href)
