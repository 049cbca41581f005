"""Documentation kept honest: every command is documented and has help text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsmon.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_is_documented(name):
    assert re.search(rf"^## newsmon {name}$", DOCS, re.M), f"docs/commands.md lacks {name}"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help(name):
    assert (cli.commands[name].help or "").strip()


def test_readme_shows_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
