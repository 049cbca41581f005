"""Blind set 64 of issue 17 (eval/blind_outlets64/), scored by eval/run_blind_outlets.py.

    .venv/bin/python eval/run_blind_outlets64.py [--quiet] [--db PATH]

Same as ``eval/run_blind_outlets.py --set 64``: two outlets crawled on two nights (night1/, then
sites/), September–November 2025; a file of its own so that ``make eval`` (every eval/run_*.py)
scores it with the others. The first look is recorded in eval/blind_outlets64/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run_blind_outlets

if __name__ == "__main__":
    sys.exit(run_blind_outlets.main(["--set", "blind_outlets64", *sys.argv[1:]]))
