"""YAML files that users edit: errors name the file and the line, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsmon.errors import UserError


class LineDict(dict):
    """A mapping that remembers the 1-based line it started on in its file."""

    line: int = 0


class LineList(list):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict(loader.construct_pairs(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    seq = LineList(loader.construct_sequence(node, deep=True))
    seq.line = node.start_mark.line + 1
    return seq


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml_file(path: str | Path) -> Any:
    """Parse a user's YAML file; syntax errors become a UserError with file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Файл не найден: {path}") from None
    except UnicodeDecodeError:
        raise UserError(f"{path}: файл должен быть в кодировке UTF-8") from None
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
