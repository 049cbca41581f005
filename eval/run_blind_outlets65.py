"""Blind set 65 of issue 17 (eval/blind_outlets65/), scored by eval/run_blind_outlets.py.

    .venv/bin/python eval/run_blind_outlets65.py [--quiet] [--db PATH]

Same as ``eval/run_blind_outlets.py --set 65``: two outlets crawled on two nights (night1/, then
sites/), September–November 2025; a file of its own so that ``make eval`` (every eval/run_*.py)
scores it with the others. The first look is recorded in eval/blind_outlets65/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run_blind_outlets

if __name__ == "__main__":
    sys.exit(run_blind_outlets.main(["--set", "blind_outlets65", *sys.argv[1:]]))
