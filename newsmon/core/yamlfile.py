"""YAML files that users edit: errors name the file and the line, never a traceback.

Hostile or broken files are refused before they can cost time or memory: at most MAX_BYTES of text,
MAX_DEPTH levels of nesting (deeper brackets would end in a RecursionError), MAX_NODES values once
every alias (`*name`) is expanded (a 1 KB "billion laughs" expands to a billion), no recursive
alias, and no key twice in one mapping (YAML would silently keep the last one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsmon.core.errors import UserError


class LineDict(dict):
    """A mapping that remembers the 1-based line it started on in its file."""

    line: int = 0


class LineList(list):
    line: int = 0


MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 200_000


class _LimitError(yaml.MarkedYAMLError):
    """A limit above was exceeded; `problem` is the Russian message, `problem_mark` the place."""


class _LineLoader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _LimitError(problem=f"вложенность глубже {MAX_DEPTH} уровней",
                                  problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_data(self):
        node = self.get_single_node()
        if node is None:
            return None
        _check_expanded_size(node)
        return self.construct_document(node)


def _check_expanded_size(root: yaml.Node) -> None:
    """Count the values as if every alias were copied out; refuse more than MAX_NODES or a cycle.

    Aliases are shared nodes, so memoizing per node keeps this linear in the file's size.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _LimitError(problem="ссылка (*имя) на саму себя", problem_mark=node.start_mark)
        active.add(key)
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(child) for child in node.value)
        else:
            total = 1
        active.discard(key)
        if total > MAX_NODES:
            raise _LimitError(problem=f"после раскрытия ссылок (&имя, *имя) больше {MAX_NODES} "
                                      f"значений — так выглядит «YAML-бомба»",
                              problem_mark=node.start_mark)
        sizes[key] = total
        return total

    size(root)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    pairs = loader.construct_pairs(node, deep=True)
    seen: set = set()
    for (key, _), (key_node, _) in zip(pairs, node.value):
        if _hashable(key) and key in seen:
            raise _LimitError(problem=f"ключ «{key}» повторяется", problem_mark=key_node.start_mark)
        if _hashable(key):
            seen.add(key)
    mapping = LineDict(pairs)
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    seq = LineList(loader.construct_sequence(node, deep=True))
    seq.line = node.start_mark.line + 1
    return seq


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def load_yaml_file(path: str | Path) -> Any:
    """Parse a user's YAML file; syntax errors become a UserError with file and line."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise UserError(f"{path}: файл больше {MAX_BYTES // (1024 * 1024)} МБ — это не файл "
                            f"настроек") from None
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise UserError(f"Файл не найден: {path}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: файл должен быть в кодировке UTF-8") from None
    except IsADirectoryError:
        raise UserError(f"{path} — это папка, а нужен файл") from None
    except OSError as exc:
        raise UserError(f"Не удалось прочитать {path}: {exc.strerror}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        problem = exc.problem or exc.context or "ошибка синтаксиса"
        raise UserError(f"{path}, строка {line}: ошибка YAML: {problem}") from None


def line_of(value: Any, default: int = 1) -> int:
    return getattr(value, "line", default) or default


def config_error(path: str | Path, value: Any, message: str) -> UserError:
    return UserError(f"{path}, строка {line_of(value)}: {message}")


def check_fields(path: str | Path, item: dict, allowed: tuple[str, ...], what: str) -> None:
    """An unknown field (a typo such as «qeury» or «alias») is an error, not silently ignored."""
    unknown = [str(k) for k in item if k not in allowed]
    if unknown:
        raise config_error(path, item, f"{what}: неизвестное поле «{unknown[0]}» "
                                       f"(допустимы: {', '.join(allowed)})")


class UniqueNames:
    """Names seen so far in one file; a second entry with the same name is an error."""

    def __init__(self, path: str | Path, what: str) -> None:
        self.path, self.what = path, what
        self.lines: dict[str, int] = {}

    def add(self, name: str, item: Any) -> None:
        key = " ".join(name.lower().replace("ё", "е").split())
        if key in self.lines:
            raise config_error(self.path, item, f"{self.what} «{name}» уже есть в этом файле "
                                                f"(в строке {self.lines[key]})")
        self.lines[key] = line_of(item)
