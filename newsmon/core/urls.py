"""URL identity: one article, one canonical URL; outlets are scheme+host+port."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

# Query keys that only say where a reader came from; prefixes end with "_".
TRACKING_KEYS = frozenset(
    {"yclid", "ysclid", "gclid", "fbclid", "dclid", "msclkid", "_openstat", "from", "ref",
     "rss", "erid", "_ga", "_gl", "mc_cid", "mc_eid", "igshid", "spm", "share", "clid"}
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# Keys that say where a reader came from when they hold a word («?from=rss») but page through a
# listing when they hold a number (a diary's «?from=20» is its second page).
WORD_TRACKING_KEYS = frozenset({"from"})
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


def is_tracking_param(key: str, value: str = "") -> bool:
    key = key.lower()
    if key in WORD_TRACKING_KEYS and value.strip().isdigit():
        return False
    return key in TRACKING_KEYS or key.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters.

    The path keeps its case (servers are case-sensitive) but its percent-encoding is made uniform,
    and the remaining query parameters are sorted, so two spellings of one page compare equal.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    default = (scheme, port) in (("http", 80), ("https", 443))
    netloc = host if port is None or default else f"{host}:{port}"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not is_tracking_param(k, v)]  # fmt: skip
    query = urlencode(sorted(pairs))
    path = quote(unquote(parts.path or "/"), safe=_PATH_SAFE)
    return urlunsplit((scheme, netloc, path, query, ""))


def origin(url: str) -> str:
    """scheme://host[:port] — what identifies an outlet (two outlets may differ only by port)."""
    parts = urlsplit(canonical_url(url))
    return f"{parts.scheme}://{parts.netloc}"


def same_origin(url: str, source_url: str) -> bool:
    return origin(url) == origin(source_url)


def absolute(base: str, href: str) -> str | None:
    """`href` resolved against `base`; None for anchors, mail, phone and script links."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    url = urljoin(base, href)
    return url if url.startswith(("http://", "https://")) else None


def routed_path(url: str) -> str | None:
    """The path a page is named by when the site routes by its query string, URL rewriting off:
    a bare query key holding a path — Pico's «/?blog%2F2025-11-14-lyzhnya», CodeIgniter's
    «/index.php?/news/12». None for an address of the usual kind, whose path names the page."""
    parts = urlsplit(url)
    if parts.path.rsplit("/", 1)[-1] not in ("", "index.php"):
        return None
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if len(pairs) != 1 or pairs[0][1] or "/" not in pairs[0][0].strip("/"):
        return None
    return "/" + pairs[0][0].strip("/")
