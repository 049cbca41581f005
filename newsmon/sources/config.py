"""sources.yml → frozen dataclasses, validated with errors that name the file and the line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from newsmon.core.yamlfile import LineDict, config_error, load_yaml_file
from newsmon.sources.kinds import COMMON_KEYS, DEFAULT_KIND, SOURCE_KINDS, kind_of

if TYPE_CHECKING:
    from pipeline.extract.cascade import SelectorOverrides

SLUG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# A host name (letters of any script: .рф domains), an IPv4 or a bracketed IPv6 address.
HOST_RE = re.compile(r"^(\[[0-9a-f:.]+\]|[\w.-]+|[0-9a-f:.]+)$", re.IGNORECASE)
SELECTOR_KEYS = {"title", "text", "date"}
# Entry fields Source holds as fields of its own (a web source's); other kinds' fields go to options.
WEB_FIELDS = frozenset({"feeds", "sitemaps", "selectors"})

DEFAULT_SOURCES = "sources.yml"
DEFAULT_DB = "newsmon.db"


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    region: str  # official name of the federal subject
    region_iso: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    selectors: SelectorOverrides | None = None
    kind: str = DEFAULT_KIND  # a key of newsmon.sources.kinds.SOURCE_KINDS
    options: tuple[tuple[str, object], ...] = ()  # the kind's own fields, as written in sources.yml
    title: str | None = None  # the outlet's human name («Амурская правда»), shown to readers

    @property
    def option(self) -> dict[str, object]:
        return dict(self.options)

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass(frozen=True)
class SourcesConfig:
    path: Path
    sources: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def user_dir(self) -> Path:
        """Where a user's topics.yml, orgs.yml and projects.yml live: beside sources.yml."""
        return self.path.parent

    def select(self, names: tuple[str, ...] | list[str]) -> tuple[Source, ...]:
        known = {s.name: s for s in self.sources}
        for name in names:
            if name not in known:
                from newsmon.core.suggest import unknown_name_error

                raise unknown_name_error("Неизвестный источник", name, list(known))
        return tuple(known[n] for n in names) if names else self.sources


def _check_url(path: Path, node: object, value: object, what: str) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https"):
        raise config_error(path, node, f"{what}: нужен адрес http(s)://…, получено {value!r}")
    parts = urlsplit(value)
    if not parts.hostname:
        raise config_error(path, node, f"{what}: в адресе нет имени сайта: {value!r}")
    try:
        port = parts.port  # a ValueError for "host:abc" and for ports above 65535
    except ValueError:
        port = -1
    if port is not None and not 0 < port <= 65535:
        raise config_error(path, node, f"{what}: неверный порт в адресе {value!r} (1–65535)")
    if not HOST_RE.match(parts.hostname):
        raise config_error(path, node, f"{what}: неверное имя сайта в адресе {value!r}")
    return value


def _url_list(path: Path, entry: LineDict, key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise config_error(path, entry, f"поле {key} должно быть списком адресов")
    return tuple(_check_url(path, entry, v, key) for v in value)


def _selectors(path: Path, entry: LineDict) -> SelectorOverrides | None:
    value = entry.get("selectors")
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - SELECTOR_KEYS:
        raise config_error(path, entry, "selectors: допустимы только title, text, date (CSS)")
    from cssselect import GenericTranslator, SelectorError

    for key, selector in value.items():
        try:
            GenericTranslator().css_to_xpath(str(selector))
        except SelectorError as exc:
            raise config_error(
                path, value, f"selectors.{key}: неверный CSS-селектор {selector!r} ({exc})"
            ) from None
    from pipeline.extract.cascade import SelectorOverrides

    return SelectorOverrides(**{k: str(v) for k, v in value.items()})


def _parse_source(path: Path, entry: object) -> Source:
    from newsmon.core.errors import UserError
    from pipeline.tag.regions.gazetteer import resolve_region

    if not isinstance(entry, dict):
        raise config_error(path, entry, "каждый источник — это словарь с полями name, url, region")
    entry = cast(LineDict, entry)
    kind_name = kind_of(entry)
    kind = SOURCE_KINDS.get(kind_name)
    if kind is None:
        from newsmon.core.suggest import unknown_name_error

        message = str(unknown_name_error("неизвестный вид источника", kind_name, list(SOURCE_KINDS)))
        raise config_error(path, entry, message)
    unknown = set(entry) - COMMON_KEYS - kind.keys
    if unknown:
        raise config_error(path, entry, f"неизвестное поле {sorted(unknown)[0]!r}")
    url_key = kind.url_key if kind.url_key and kind.url_key in entry else "url"
    for key in ("name", url_key, "region"):
        if not entry.get(key):
            raise config_error(path, entry, f"у источника нет поля {key}")
    name = str(entry["name"])
    if not SLUG_RE.match(name):
        raise config_error(path, entry, f"имя источника {name!r}: только латиница, цифры, - _ .")
    url = _check_url(path, entry, entry[url_key], url_key)
    if kind.url_path and not re.match(kind.url_path, urlsplit(url).path):
        raise config_error(path, entry, f"{url_key}: нужен {kind.url_hint}, получено {url!r}")
    try:
        region = resolve_region(str(entry["region"]))
    except UserError as exc:
        raise config_error(path, entry, str(exc)) from None
    return Source(
        name=name,
        url=url,
        region=region.name,
        region_iso=region.iso,
        feeds=_url_list(path, entry, "feeds"),
        sitemaps=_url_list(path, entry, "sitemaps"),
        selectors=_selectors(path, entry),
        kind=kind_name,
        options=tuple((key, entry[key]) for key in sorted(kind.keys - WEB_FIELDS - {url_key})
                      if key in entry),
        title=_title(path, entry),
    )


def _title(path: Path, entry: LineDict) -> str | None:
    value = entry.get("title")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise config_error(path, entry, "title: нужно название издания строкой («Амурская правда»)")
    return " ".join(value.split())


def load_sources(path: str | Path) -> SourcesConfig:
    """Load and validate sources.yml (the contract is in docs/ and ../DESIGN.md)."""
    path = Path(path)
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise config_error(path, data, "ожидается ключ верхнего уровня 'sources:' со списком")
    sources = [_parse_source(path, entry) for entry in data["sources"]]
    seen: set[str] = set()
    for entry, source in zip(data["sources"], sources):
        if source.name in seen:
            raise config_error(path, entry, f"имя источника {source.name!r} повторяется")
        seen.add(source.name)
    if not sources:
        raise config_error(path, data, "список sources пуст")
    return SourcesConfig(path=path, sources=tuple(sources))


def outlet_titles(sources_path: Path | None) -> dict[str, str]:
    """Outlet slug → `title:` from sources.yml (given — or the one in a given folder — or
    ./sources.yml when there is one); a file named but missing is the user's mistake."""
    from newsmon.core.errors import UserError

    if sources_path is not None and sources_path.is_dir():
        sources_path = sources_path / DEFAULT_SOURCES
        if not sources_path.exists():
            return {}
    if sources_path is None:
        if not Path(DEFAULT_SOURCES).exists():
            return {}
        sources_path = Path(DEFAULT_SOURCES)
    if not sources_path.exists():
        raise UserError(f"Файл не найден: {sources_path}")
    return {s.name: s.title for s in load_sources(sources_path).sources if s.title}
