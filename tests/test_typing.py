"""The product packages pass ruff and mypy (configured in pyproject.toml), as part of `make test`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("newsmon", "spiders", "pipeline", "db", "digest")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: make install (it is in the test extra)")
    return found


def test_ruff_finds_nothing_in_the_product_packages() -> None:
    done = subprocess.run([tool("ruff"), "check", *PACKAGES], cwd=ROOT, capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_the_product_packages() -> None:
    done = subprocess.run([tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
