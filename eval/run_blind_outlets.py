"""The whole product on outlets nobody tuned on: eval/blind_outlets/ (issue 17).

    .venv/bin/python eval/run_blind_outlets.py [--set NAME|N] [--quiet] [--db PATH]

``--set`` picks the folder under eval/ (default ``blind_outlets``, the first set;
``blind_outlets2`` is the second set, scored by eval/run_blind_outlets2.py; ``--set 3`` is
short for ``blind_outlets3``). Serves the set's outlets on 127.0.0.1 (newsmon/siteserver.py), runs a real
``newsmon crawl --since 2025-09-01`` into a temporary database, reads the stored articles and
``newsmon counts --month M --by region --format json`` for September and October 2025, and scores
them against eval/blind_outlets/gold.json. A set's gold.json may name other ``months`` and
``since``; a set with a ``night1/`` folder is crawled on two nights into one database: first
``night1/`` (the outlets as they stood then), then, on the same ports, ``sites/``.

Scores:

- stored pages: precision (stored pages that are articles) and recall (articles that were stored);
- dates: published date exact, over stored articles;
- relevance: precision and recall (a stored non-article marked relevant is a false positive,
  a relevant article not stored is a miss);
- regions: region set exact, over the relevant articles of the gold (not stored = a miss);
- region-months: for every (region, month) with materials in the gold or in the counts, are
  ``materials`` (relevant articles, reprints included) and ``stories`` (distinct stories) exact.

Prints a table and every miss (URL, gold vs got). A report, not a gate: exit 0 whatever the
figures (non-zero only when the crawl itself fails). The first look is recorded in
eval/blind_outlets/README.md.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SET = "blind_outlets"
HERE = ROOT / "eval" / DEFAULT_SET
MONTHS = ("2025-09", "2025-10")
SINCE = "2025-09-01"
NIGHT_HOUR_UTC = "18:00:00+00:00"  # 21:00 in Moscow: the evening a night's sites are dated


def set_dir(name: str = DEFAULT_SET) -> Path:
    """The folder of a blind set: a name under eval/, a path, or a number (1 is the first set)."""
    if name.isdigit():
        name = DEFAULT_SET if name == "1" else f"{DEFAULT_SET}{name}"
    here = ROOT / "eval" / name if "/" not in name else Path(name)
    if not (here / "gold.json").is_file():
        raise SystemExit(f"no blind set at {here} (gold.json missing)")
    return here


def load_gold(here: Path = HERE) -> dict[str, Any]:
    return json.loads((here / "gold.json").read_text(encoding="utf-8"))


def page_key(url: str) -> str:
    """Path and sorted query of a URL, as newsmon's canonical form spells it (no origin)."""
    from newsmon.core.urls import canonical_url

    parts = urlsplit(canonical_url("http://outlet.invalid" + url if url.startswith("/") else url))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def newsmon(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(
        [sys.executable, "-c", "from newsmon.cli import main; main()", *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=600,
    )  # fmt: skip


def months_of(gold: dict[str, Any]) -> tuple[str, ...]:
    return tuple(gold.get("months", MONTHS))


# The outlets are served on 127.0.0.1: no politeness delay to keep (the product's own pacing,
# AUTOTHROTTLE from a 0.5 s start, made each set's two nights take half a minute), and requests
# in parallel as on a fast real site.
LOCAL_PACE = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false")


def crawl_once(sources: Path, db_path: Path, since: str, night: str | None = None) -> str:
    """One night's crawl; ``night`` (YYYY-MM-DD): read the pages as fetched that evening, so
    that an announcement dated after it is in the future, as it was for the outlet's readers."""
    clock = ["-s", f"NEWSMON_CRAWL_TIME={night}T{NIGHT_HOUR_UTC}"] if night else []
    run = newsmon("crawl", "--sources", str(sources), "--db", str(db_path), "--since", since,
                  "--quiet", *clock, *LOCAL_PACE)  # fmt: skip
    if run.returncode != 0:
        raise SystemExit(f"newsmon crawl failed ({run.returncode}):\n{run.stderr[-3000:]}")
    return run.stdout


def crawl(db_path: Path, workdir: Path, here: Path = HERE) -> dict[str, Any]:
    """Serve a set's blind outlets, crawl them into db_path; return the stored rows and counts.
    With a ``night1/`` folder: two crawls into the same database, the first of ``night1/``, the
    second, on the same ports, of ``sites/`` (what the outlets published in between is new)."""
    from newsmon.siteserver import SiteServer

    gold = load_gold(here)
    since, months = gold.get("since", SINCE), months_of(gold)
    nights = gold.get("nights") or {}
    night1 = here / "night1"
    if not night1.is_dir():
        with SiteServer(here / "sites") as server:
            out = crawl_once(server.write_sources(workdir / "sources.yml"), db_path, since,
                             nights.get("night2"))  # fmt: skip
        return read_results(db_path, months) | {"crawl_stdout": out}
    served = workdir / "served"
    if served.exists():
        shutil.rmtree(served)
    shutil.copytree(night1, served)
    with SiteServer(served) as server:
        sources = server.write_sources(workdir / "sources.yml")
        first = crawl_once(sources, db_path, since, nights.get("night1"))
        night1_stored = len(read_results(db_path, ())["stored"])
        for site in sorted((here / "sites").iterdir()):
            if (site / "public").is_dir():
                shutil.rmtree(served / site.name / "public")
                shutil.copytree(site / "public", served / site.name / "public")
        server.clear_log()
        second = crawl_once(sources, db_path, since, nights.get("night2"))
        night2_requests = len(server.request_log)
    return read_results(db_path, months) | {
        "crawl_stdout": first + second, "night1_stored": night1_stored,
        "night2_requests": night2_requests}  # fmt: skip


def read_results(db_path: Path, months: tuple[str, ...] = MONTHS) -> dict[str, Any]:
    con = sqlite3.connect(db_path)
    con.row_factory = sqlite3.Row
    stored = []
    for row in con.execute("select id, url, source, published, relevant, story_id, title "
                           "from articles order by id"):  # fmt: skip
        isos = sorted(r[0] for r in con.execute(
            "select iso from article_regions where article_id = ?", [row["id"]]))
        stored.append(dict(row) | {"regions": isos})
    con.close()
    counts: dict[str, list[dict]] = {}
    for month in months:
        out = newsmon("counts", "--db", str(db_path), "--month", month, "--by", "region",
                      "--format", "json")  # fmt: skip
        if out.returncode != 0:
            raise SystemExit(f"newsmon counts --month {month} failed:\n{out.stderr[-2000:]}")
        counts[month] = json.loads(out.stdout or "[]")
    return {"stored": stored, "counts": counts}


@dataclass
class Report:
    figures: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (hits, total)
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    unknown: list[str] = field(default_factory=list)  # stored URLs the gold does not list

    def share(self, name: str) -> float:
        hits, total = self.figures[name]
        return hits / total if total else 1.0


def score(gold: dict[str, Any], results: dict[str, Any]) -> Report:
    rep = Report()
    pages = {(p["outlet"], page_key(p["url"])): p for p in gold["pages"]}
    articles = {k: p for k, p in pages.items() if p["is_article"]}
    got: dict[tuple[str, str], dict] = {}
    for row in results["stored"]:
        key = (row["source"], page_key(row["url"]))
        got[key] = row
        if key not in pages:
            rep.unknown.append(f"{row['source']} {key[1]}")

    # stored pages
    true_stored = [k for k in got if k in articles]
    rep.figures["stored precision"] = (len(true_stored), len(got))
    rep.figures["stored recall"] = (len(true_stored), len(articles))
    for k, row in got.items():
        if k not in articles:
            kind = pages[k]["kind"] if k in pages else "not in gold"
            rep.misses["stored, not an article"].append(
                f"{k[0]} {k[1]} ({kind}; title «{row['title']}», relevant={bool(row['relevant'])}, "
                f"regions={row['regions']})")  # fmt: skip
    for k, p in articles.items():
        if k not in got:
            rep.misses["article not stored"].append(f"{k[0]} {k[1]} «{p['title']}»")

    # dates
    hits = 0
    for k in true_stored:
        if got[k]["published"] == articles[k]["published"]:
            hits += 1
        else:
            rep.misses["date"].append(f"{k[0]} {k[1]}: gold {articles[k]['published']}, got {got[k]['published']}")
    rep.figures["date exact"] = (hits, len(true_stored))

    # relevance
    got_rel = {k for k, row in got.items() if row["relevant"]}
    gold_rel = {k for k, p in articles.items() if p["relevant"]}
    rep.figures["relevance precision"] = (len(got_rel & gold_rel), len(got_rel))
    rep.figures["relevance recall"] = (len(got_rel & gold_rel), len(gold_rel))
    for k in sorted(got_rel - gold_rel):
        rep.misses["relevance"].append(f"{k[0]} {k[1]}: gold irrelevant/non-article, got relevant")
    for k in sorted(gold_rel - got_rel):
        state = "not stored" if k not in got else "got irrelevant"
        rep.misses["relevance"].append(f"{k[0]} {k[1]}: gold relevant, {state} «{articles[k]['title']}»")

    # region sets over the gold's relevant articles
    hits = 0
    for k in sorted(gold_rel):
        want = sorted(articles[k]["regions"])
        have = got[k]["regions"] if k in got else None
        if have == want:
            hits += 1
        else:
            rep.misses["region set"].append(f"{k[0]} {k[1]}: gold {want}, got {have} ({articles[k]['note']})")
    rep.figures["region set exact"] = (hits, len(gold_rel))

    # region-months
    want_mat: dict[tuple[str, str], int] = defaultdict(int)
    want_sto: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in articles.values():
        if p["relevant"] and p["published"][:7] in months_of(gold):
            for iso in p["regions"]:
                want_mat[(iso, p["published"][:7])] += 1
                want_sto[(iso, p["published"][:7])].add(p["story"])
    got_mat = {(r["iso"], m): r["materials"] for m, rows in results["counts"].items() for r in rows}
    got_sto = {(r["iso"], m): r["stories"] for m, rows in results["counts"].items() for r in rows}
    keys = sorted({k for k, v in want_mat.items() if v} | {k for k, v in got_mat.items() if v})
    mat_hits = sto_hits = 0
    for key in keys:
        wm, gm = want_mat.get(key, 0), got_mat.get(key, 0)
        ws, gs = len(want_sto.get(key, ())), got_sto.get(key, 0)
        mat_hits += wm == gm
        sto_hits += ws == gs
        if wm != gm or ws != gs:
            rep.misses["region-month"].append(
                f"{key[0]} {key[1]}: materials gold {wm} got {gm}; stories gold {ws} got {gs}")
    rep.figures["region-month materials exact"] = (mat_hits, len(keys))
    rep.figures["region-month stories exact"] = (sto_hits, len(keys))
    return rep


def print_report(rep: Report, quiet: bool = False, name: str = DEFAULT_SET,
                 results: dict[str, Any] | None = None) -> None:
    print(f"Blind outlets (issue 17, eval/{name}): the whole product on outlets nobody tuned on")
    if results and "night1_stored" in results:
        print(f"  two nights: {results['night1_stored']} pages stored after night 1, "
              f"{len(results['stored'])} after night 2 ({results['night2_requests']} requests on night 2)")
    print(f"  {'figure':32} {'share':>6}  hits/total")
    for name, (hits, total) in rep.figures.items():
        print(f"  {name:32} {rep.share(name):6.3f}  {hits}/{total}")
    if rep.unknown:
        print(f"  stored URLs missing from the gold: {len(rep.unknown)}")
    if quiet:
        return
    for group, lines in rep.misses.items():
        if lines:
            print(f"\n{group} ({len(lines)}):")
            for line in lines:
                print(f"  - {line}")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    name = argv[argv.index("--set") + 1] if "--set" in argv else DEFAULT_SET
    here = set_dir(name)
    gold = load_gold(here)
    with tempfile.TemporaryDirectory(prefix="newsmon-blind-") as tmp:
        db_path = Path(argv[argv.index("--db") + 1]) if "--db" in argv else Path(tmp) / "blind.db"
        results = crawl(db_path, Path(tmp), here)
    print_report(score(gold, results), quiet, here.name, results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
