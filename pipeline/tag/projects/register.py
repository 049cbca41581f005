"""The foundation's register of named projects: pipeline/data/projects.yml plus a user's file.

Aliases (quoted or not, «Куратор семьи») are indexed by their lemmas so that pipeline/tag/projects/tagger.py
finds registered projects in any inflection; the marker words (heads such as проект, программа,
технология and the non-heads that rule a quote out) live in the same file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsmon.core.datafiles import data_dir
from newsmon.core.errors import UserError
from newsmon.core.yamlfile import UniqueNames, config_error, load_yaml_file
from pipeline.lang.morph import Token, lemmas_all, tokenize
from pipeline.lang.quotes import normalize_name, numbers, split_words

DATA_FILE = data_dir("pipeline") / "projects.yml"


def canonical_project_name(name: str) -> str:
    """One spelling for a project's name variants (case, quote style, ё, dashes)."""
    return normalize_name(name)


@dataclass(frozen=True)
class RegisteredProject:
    name: str
    aliases: tuple[str, ...]
    regions: tuple[str, ...] = ()
    fund: str | None = None
    years: tuple[int, ...] = ()


@dataclass(frozen=True)
class Markers:
    heads: frozenset[str]
    head_suffixes: tuple[str, ...]
    not_heads: frozenset[str]
    conjunctions: frozenset[str]
    name_words: frozenset[str]


@dataclass(frozen=True)
class Alias:
    name: str
    keys: tuple[frozenset[str], ...]  # lemma variants of each word
    exact: tuple[str | None, ...]  # acronyms («ССД») match only in their own letter case
    numbers: tuple[frozenset[str], ...]  # «Куратор семьи» is not «Кураторы семей»
    registered: bool


@functools.lru_cache(maxsize=100_000)
def word_variants(word: str) -> frozenset[str]:
    forms = set(lemmas_all(word))
    # Yearly editions: «Детство-2018» is also «Детство».
    forms |= {re.sub(r"-\d+$", "", f) for f in forms}
    return frozenset(forms)


def make_alias(text: str, name: str, registered: bool) -> Alias | None:
    words = split_words(text)
    if not words:
        return None
    shouting = all(w.text.isupper() for w in words if w.text.isalpha())
    exact = tuple(
        w.text if w.text.isupper() and len(w.text) > 1 and not shouting else None for w in words
    )
    keys = tuple(word_variants(w.text) for w in words)
    return Alias(name, keys, exact, tuple(numbers(w.text) for w in words), registered)


class ProjectRegistry:
    """The register's projects and marker words, with a lemma index of every alias."""

    def __init__(self, projects: list[RegisteredProject], markers: Markers) -> None:
        self.projects = tuple(projects)
        self.markers = markers
        self._index: dict[str, list[Alias]] = {}
        for project in projects:
            for text in (project.name, *project.aliases):
                alias = make_alias(text, project.name, registered=True)
                if alias:
                    add_alias(self._index, alias)

    def get(self, name: str) -> RegisteredProject | None:
        key = canonical_project_name(name)
        return next((p for p in self.projects if p.name == key), None)

    def canonical(self, name: str) -> str:
        """The counted name for what a user typed: a registered project's name when `name` is
        one of its aliases in any inflection or spelling («Вектор Детство»), else its spelling."""
        words = split_words(name)
        for alias in self.candidates(words[0], {}) if words else []:
            if len(alias.keys) == len(words) and all(
                k & word_variants(w.text) for k, w in zip(alias.keys, words)
            ):
                return alias.name
        return canonical_project_name(name)

    def candidates(self, token: Token, extra: dict[str, list[Alias]]) -> list[Alias]:
        found: dict[Alias, None] = {}
        for form in word_variants(token.text):
            found.update(dict.fromkeys(self._index.get(form, []) + extra.get(form, [])))
        return list(found)


def add_alias(index: dict[str, list[Alias]], alias: Alias) -> None:
    for form in alias.keys[0]:
        if alias not in index.setdefault(form, []):
            index[form].append(alias)


# ---------------------------------------------------------------- loading projects.yml

_PROJECT_FIELDS = ("name", "aliases", "regions", "fund", "years")
_MARKER_FIELDS = ("heads", "head_suffixes", "not_heads", "conjunctions", "name_words")


def _strings(path: Path, value: Any, where: Any, field: str, *,
             numbers: bool = False) -> tuple[str, ...]:
    """Text or a list of texts; numbers only where they make sense (years: 2018)."""
    kinds = (str, int) if numbers else str
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, kinds) and not isinstance(v, bool) and str(v).strip()
               for v in items):
        raise config_error(path, where, f"в поле {field} ожидается текст или список строк")
    return tuple(str(v).strip() for v in items)


def _years(path: Path, value: Any, where: Any) -> tuple[int, ...]:
    years: list[int] = []
    for text in _strings(path, value, where, "years", numbers=True):
        m = re.fullmatch(r"(\d{4})(?:\s*[-–—]\s*(\d{4}))?", text)
        if not m or int(m.group(2) or m.group(1)) < int(m.group(1)):
            expected = "ожидается 2018, [2018, 2019] или 2014-2018"
            raise config_error(path, where, f"годы «{text}»: {expected}")
        years += range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)
    return tuple(years)


def _regions(path: Path, entry: Any) -> tuple[str, ...]:
    """A user's regions as official names (Приморье → Приморский край); unknown ones are errors."""
    from pipeline.tag.regions.gazetteer import (
        resolve_region,  # the gazetteer is built only when needed
    )

    names = _strings(path, entry.get("regions") or [], entry, "regions")
    try:
        return tuple(resolve_region(name).name for name in names)
    except UserError as exc:
        raise config_error(path, entry, str(exc)) from None


def _project(path: Path, entry: Any) -> RegisteredProject:
    if not isinstance(entry, dict):
        raise config_error(path, entry, "проект: ожидаются поля " + ", ".join(_PROJECT_FIELDS))
    unknown = [k for k in entry if k not in _PROJECT_FIELDS]
    if unknown:
        raise config_error(path, entry, f"неизвестное поле проекта {unknown[0]}")
    name, fund = entry.get("name"), entry.get("fund")
    if not isinstance(name, str) or not name.strip():
        raise config_error(path, entry, "у проекта нет поля name (одна строка)")
    if fund is not None and not isinstance(fund, str):
        raise config_error(path, entry, "поле fund: ожидается одна строка")
    return RegisteredProject(
        canonical_project_name(name),
        _strings(path, entry.get("aliases") or [], entry, "aliases"),
        _regions(path, entry) if path != DATA_FILE else tuple(entry.get("regions") or ()),
        fund,
        _years(path, entry["years"], entry) if "years" in entry else (),
    )


def _read(path: Path) -> tuple[list[tuple[RegisteredProject, Any]], dict[str, tuple[str, ...]]]:
    data = load_yaml_file(path)
    if data is None:
        return [], {}
    if not isinstance(data, dict) or any(k not in ("projects", "markers") for k in data):
        raise config_error(path, data, "ожидаются только разделы projects: и markers:")
    entries, markers = data.get("projects") or [], data.get("markers") or {}
    if not isinstance(entries, list):
        raise config_error(path, data, "projects: ожидается список проектов")
    if not isinstance(markers, dict) or any(k not in _MARKER_FIELDS for k in markers):
        raise config_error(path, markers, "markers: ожидаются списки " + ", ".join(_MARKER_FIELDS))
    words = {
        k: tuple(w.lower().replace("ё", "е") for w in _strings(path, v, markers, k))
        for k, v in markers.items()
    }
    names = UniqueNames(path, "проект")
    projects = []
    for entry in entries:
        project = _project(path, entry)
        names.add(project.name, entry)
        projects.append((project, entry))
    return projects, words


@functools.lru_cache(maxsize=8)
def _load(files: tuple[Path, ...], stamps: tuple[float, ...]) -> ProjectRegistry:
    projects: dict[str, RegisteredProject] = {}
    owners: dict[tuple[str, ...], str] = {}
    lists: dict[str, tuple[str, ...]] = dict.fromkeys(_MARKER_FIELDS, ())
    for path in files:
        entries, words = _read(path)
        for field, more in words.items():
            lists[field] += more
        for project, entry in entries:
            old = projects.get(project.name)
            if old:  # a user's entry for a shipped project adds aliases and fills the rest
                project = RegisteredProject(
                    old.name,
                    old.aliases + tuple(a for a in project.aliases if a not in old.aliases),
                    project.regions or old.regions,
                    project.fund or old.fund,
                    project.years or old.years,
                )
            for text in (project.name, *project.aliases):
                key = tuple(t.lemma for t in tokenize(text))
                if owners.setdefault(key, project.name) != project.name:
                    message = f"«{text}» уже относится к проекту «{owners[key]}»"
                    raise config_error(path, entry, message)
            projects[project.name] = project
    markers = Markers(
        frozenset(lists["heads"]),
        lists["head_suffixes"],
        frozenset(lists["not_heads"]),
        frozenset(lists["conjunctions"]),
        frozenset(lists["name_words"]),
    )
    return ProjectRegistry(list(projects.values()), markers)


def load_registry(user_file: Path | None = None) -> ProjectRegistry:
    """The shipped register, extended by a user's projects.yml (new projects, aliases, markers).

    A mistake in the user's file is a UserError naming the file and the line.
    """
    files = (DATA_FILE,) if user_file is None else (DATA_FILE, Path(user_file))
    for path in files:
        if not path.is_file():
            raise UserError(f"Файл не найден: {path}")
    return _load(files, tuple(p.stat().st_mtime for p in files))
