"""Every blind set's gold names federal subjects by the codes newsmon knows: a code that is no
subject («RU-KUR» for Курская область, which is RU-KRS) scores a right answer as wrong, and no
format check notices it."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _gold_regions(node: object) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "regions" and isinstance(value, list):
                found |= {iso for iso in value if isinstance(iso, str)}
            else:
                found |= _gold_regions(value)
    elif isinstance(node, list):
        for value in node:
            found |= _gold_regions(value)
    return found


def test_every_blind_sets_gold_uses_codes_of_federal_subjects():
    spec = yaml.safe_load((ROOT / "pipeline" / "data" / "regions.yml").read_text(encoding="utf-8"))
    subjects = {region["iso"] for region in spec["regions"]}
    golds = sorted(ROOT.glob("eval/blind_outlets*/gold.json"))
    assert len(golds) >= 60
    unknown = {
        gold.parent.name: sorted(_gold_regions(json.loads(gold.read_text(encoding="utf-8")))
                                 - subjects)
        for gold in golds
    }
    assert {name: codes for name, codes in unknown.items() if codes} == {}
