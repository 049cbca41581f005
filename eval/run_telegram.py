"""Telegram channels (#19): tagging on labelled posts, and the crawl on blind fixture channels.

    .venv/bin/python eval/run_telegram.py [--part tagging|blind|all] [-v]

tagging — eval/telegram/labelled.yml (44 posts labelled before any scoring): region sets exact,
  region pairs precision/recall, relevance accuracy/precision/recall; -v prints the misses.
blind — eval/telegram/blind/channels.yml (channels never tuned on), built into a temporary folder,
  served on 127.0.0.1 and crawled twice with `newsmon crawl`: stored-post recall and precision,
  local-day date accuracy, stories (forwards and retold posts with their originals),
  region-month counts exact (all materials, posts and articles), and what night two fetched.
  Misses are never printed for this part.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HERE = ROOT / "eval" / "telegram"


def _iso(name: str) -> str:
    from pipeline.tag.regions.gazetteer import resolve_region

    return resolve_region(name).iso


def tagging(verbose: bool = False) -> dict:
    from pipeline.extract.telegram import post_title
    from pipeline.tag.run import tag_many

    posts = yaml.safe_load((HERE / "labelled.yml").read_text(encoding="utf-8"))["posts"]
    from newsmon.sources.kinds import SOURCE_KINDS
    from pipeline.tag.home_region import with_home_default

    results = tag_many([(p["text"], post_title(p["text"]), _iso(p["home"])) for p in posts])
    if SOURCE_KINDS["telegram"].home_by_default:  # as the crawl's TagPipeline does
        for p, r in zip(posts, results):
            r.regions = with_home_default(r.regions, p["text"], _iso(p["home"]))
    exact = tp = fp = fn = 0
    rel = Counter()
    for p, r in zip(posts, results):
        gold = {_iso(n) for n in p["regions"]}
        got = {h.iso for h in r.regions}
        exact += got == gold
        tp, fp, fn = tp + len(got & gold), fp + len(got - gold), fn + len(gold - got)
        rel[(bool(p["relevant"]), bool(r.relevant))] += 1
        if verbose and (got != gold or bool(p["relevant"]) != r.relevant):
            print(f"#{p['id']}: regions {sorted(got)} gold {sorted(gold)}; relevant {r.relevant} "
                  f"gold {p['relevant']} {sorted(r.topics)}", file=sys.stderr)
    n = len(posts)
    rtp, rfp, rfn = rel[(True, True)], rel[(False, True)], rel[(True, False)]
    return {
        "posts": n,
        "regions_exact": round(exact / n, 3),
        "region_precision": round(tp / max(1, tp + fp), 3),
        "region_recall": round(tp / max(1, tp + fn), 3),
        "relevance_accuracy": round((rtp + rel[(False, False)]) / n, 3),
        "relevance_precision": round(rtp / max(1, rtp + rfp), 3),
        "relevance_recall": round(rtp / max(1, rtp + rfn), 3),
    }


def _newsmon(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from newsmon.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)


def blind() -> dict:
    from db import open_db
    from newsmon.siteserver import SiteServer
    import importlib.util

    spec_file = importlib.util.spec_from_file_location("tgbuild", ROOT / "scripts/build_telegram_sites.py")
    assert spec_file and spec_file.loader
    builder = importlib.util.module_from_spec(spec_file)
    spec_file.loader.exec_module(builder)
    build = builder.build

    spec = yaml.safe_load((HERE / "blind" / "channels.yml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        sites = Path(tmp) / "sites"
        build(HERE / "blind" / "channels.yml", sites)
        db_path = Path(tmp) / "newsmon.db"
        with SiteServer(sites) as server:
            sources = server.write_sources(Path(tmp) / "sources.yml")
            _newsmon("crawl", "--sources", str(sources), "--db", str(db_path))
            server.clear_log()
            _newsmon("crawl", "--sources", str(sources), "--db", str(db_path))
            night_two = [e.path for e in server.request_log if e.site == spec["host"]]
            night_two_web = [e.path for e in server.request_log if e.site != spec["host"]
                             and "/news/" in e.path]
            tme = server.url(spec["host"], "")
            bases = {o["name"]: server.url(o["name"], "") for o in spec.get("outlets", [])}
        db = open_db(db_path)
        rows = {url: {"published": pub, "story": story, "kind": kind, "id": aid}
                for aid, url, pub, story, kind in db.execute(
                    "select id, url, published, story_id, kind from articles")}
        regions: dict[int, set[str]] = {}
        for aid, iso in db.execute("select article_id, iso from article_regions"):
            regions.setdefault(aid, set()).add(iso)
    gold: dict[str, dict] = {}
    for c in spec["channels"]:
        for p in c.get("posts", []):
            if p["material"]:
                gold[f"{tme}/{c['name']}/{p['id']}"] = p
    for o in spec.get("outlets", []):
        for a in o["articles"]:
            gold[bases[o["name"]] + a["path"]] = {**a, "day": a["date"]}
    posts = {u for u, r in rows.items() if r["kind"] == "telegram"}
    gold_posts = {u for u in gold if u.startswith(tme)}
    found = posts & gold_posts
    dated = sum(rows[u]["published"] == str(gold[u]["day"]) for u in found)
    stories: dict[str, set[int]] = {}
    for url, g in gold.items():
        if g.get("story") and url in rows:
            stories.setdefault(g["story"], set()).add(rows[url]["story"])
    together = sum(len(ids) == 1 for ids in stories.values())
    apart = len({min(ids) for ids in stories.values()}) == len(stories)
    gold_story_urls = {u for u, g in gold.items() if g.get("story")}
    merged_wrongly = sum(
        1 for u, r in rows.items() if u not in gold_story_urls
        and any(r["story"] in ids for ids in stories.values())
    )  # fmt: skip
    gold_cells: Counter = Counter()
    got_cells: Counter = Counter()
    for url, g in gold.items():
        for name in g.get("regions", []):
            gold_cells[(_iso(name), str(g["day"])[:7])] += 1
    for url, r in rows.items():
        for iso in regions.get(r["id"], ()):
            got_cells[(iso, (r["published"] or "")[:7])] += 1
    cells = set(gold_cells) | set(got_cells)
    exact_cells = sum(gold_cells[c] == got_cells[c] for c in cells)
    return {
        "gold_posts": len(gold_posts),
        "stored_posts": len(posts),
        "post_recall": round(len(found) / max(1, len(gold_posts)), 3),
        "post_precision": round(len(found) / max(1, len(posts)), 3),
        "date_exact": round(dated / max(1, len(found)), 3),
        "stories_together": f"{together}/{len(stories)}",
        "stories_kept_apart": apart and not merged_wrongly,
        "region_month_cells_exact": round(exact_cells / max(1, len(cells)), 3),
        "region_month_cells": len(cells),
        "night_two_pages": sorted(night_two),
        "night_two_article_fetches": len(night_two_web),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=("tagging", "blind", "all"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    out = {}
    if args.part in ("tagging", "all"):
        out["tagging"] = tagging(args.verbose)
    if args.part in ("blind", "all"):
        out["blind"] = blind()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
