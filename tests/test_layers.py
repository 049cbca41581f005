"""One dependency direction (#16): every import, including those inside functions and under
TYPE_CHECKING, goes from a higher layer to the same or a lower one; no module and no folder is in
an import cycle. The layers are written down in README.md ("How it is built")."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsmon", "spiders", "pipeline", "db", "digest")

# Low to high. A module belongs to the longest prefix that names it; "newsmon" is the shell (cli,
# commands, options, output, filters…) on top of everything.
LAYERS: tuple[str, ...] = (
    "newsmon.core",
    "pipeline.lang",
    "pipeline.extract",
    "pipeline.tag",
    "pipeline.cluster",
    "db",
    "digest",
    "newsmon.sources",
    "spiders",
    "newsmon.crawl",
    "newsmon.shell",
    "newsmon.commands",
    "newsmon",
)


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, modules: Iterable[str]) -> set[str]:
    """Product modules `name` imports anywhere in its file (top level, functions, TYPE_CHECKING)."""
    known = set(modules)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target.split(".")[0] in PACKAGES and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    modules = module_files()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def layer_of(module: str) -> int:
    best = max((layer for layer in LAYERS if module == layer or module.startswith(layer + ".")),
               key=len)
    return LAYERS.index(best)


def folder_of(module: str, modules: dict[str, Path]) -> str:
    return str(modules[module].parent.relative_to(ROOT))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_imports_go_down_the_layers() -> None:
    upward = [
        f"{module} ({LAYERS[layer_of(module)]}) imports {target} ({LAYERS[layer_of(target)]})"
        for module, targets in graph().items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(module)
    ]
    assert upward == []


def test_no_module_is_in_an_import_cycle() -> None:
    assert cycles(graph()) == []


def test_no_folder_is_in_an_import_cycle() -> None:
    modules = module_files()
    folders: dict[str, set[str]] = {}
    for module, targets in graph().items():
        here = folder_of(module, modules)
        folders.setdefault(here, set()).update(
            folder_of(t, modules) for t in targets if folder_of(t, modules) != here)
    assert cycles(folders) == []


def test_readme_states_the_layers() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert " < ".join(f"`{layer}`" for layer in LAYERS) in readme


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_folder_is_a_package(package: str) -> None:
    missing = [str(d.relative_to(ROOT)) for d in (ROOT / package).rglob("*")
               if d.is_dir() and any(d.glob("*.py")) and not (d / "__init__.py").exists()]
    assert missing == []
