"""Where shipped data files live: one lookup for every package that ships a data/ folder.

Callers name their own package (`data_dir("pipeline")`), so this module imports none of them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(package: str) -> Path:
    """The `data/` folder shipped inside `package`, for an editable and a wheel install alike."""
    return Path(str(resources.files(package).joinpath("data")))


def read_data(package: str, name: str) -> str:
    """The text of the shipped data file `name` of `package` (UTF-8)."""
    return (data_dir(package) / name).read_text("utf-8")
