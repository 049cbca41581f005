"""newsmon against trafilatura + htmldate on public sets of real pages nobody here wrote.

Usage (from the repository root)::

    .venv/bin/python eval/run_public.py [--set aeb|trafilatura] [--limit N] [--jobs N]

The sets are built into eval/realweb/cache/ by eval/realweb/build.py (run first, automatically).
Both systems run in the same process pool on the same pages; printed per set: pages, crashes,
the set's own text metric (article-extraction-benchmark: shingle F1; trafilatura's set: snippet
F1 with/without), title exact and date exact where the set has gold for them. Per-page results
go to out/eval/public-<set>.jsonl. Exit 1 when newsmon crashes on any page, falls below the
baseline on text, title or date, or is not above it on dates (eval/floors_public.json says which
comparisons are enforced: each metric at least the baseline, dates above it).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import sys
import traceback
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.realweb import build, metrics, sets  # noqa: E402

OUT = ROOT / "out" / "eval"
FLOORS = ROOT / "eval" / "floors_public.json"
# A fixed crawl time: relative dates on the pages resolve the same way in every run.
CRAWL_TIME = datetime.datetime(2026, 1, 1, 12, 0)


def run_newsmon(page: sets.Page) -> dict:
    from pipeline.extract.cascade import extract

    try:
        result = extract(page.html, page.url, crawl_time=CRAWL_TIME)
    except Exception as exc:  # counted, never hidden: a crash loses the article in a crawl
        return {"crash": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc(limit=-3)}
    return {
        "title": result.title,
        "text": result.text,
        "date": result.published.isoformat() if result.published else None,
        "text_method": result.text_method,
        "date_method": result.date_method,
    }


def run_baseline(page: sets.Page) -> dict:
    import htmldate
    import trafilatura

    try:
        text = trafilatura.extract(page.html, url=page.url, include_comments=False,
                                   include_tables=True) or ""
        meta = trafilatura.extract_metadata(page.html, default_url=page.url)
        found = htmldate.find_date(page.html, url=page.url, original_date=True)
    except Exception as exc:
        return {"crash": f"{type(exc).__name__}: {exc}"}
    return {"title": meta.title if meta else None, "text": text, "date": found}


SYSTEMS = {"newsmon": run_newsmon, "trafilatura+htmldate": run_baseline}


def _both(page: sets.Page) -> dict:
    return {name: fn(page) for name, fn in SYSTEMS.items()}


def score(set_name: str, pages: list[sets.Page], results: list[dict]) -> dict[str, dict]:
    tallies = {name: metrics.Tally() for name in SYSTEMS}
    for page, per_system in zip(pages, results):
        for name, out in per_system.items():
            tally = tallies[name]
            tally.pages += 1
            if "crash" in out:
                tally.crashes.append(f"{page.url}: {out['crash']}")
            text = out.get("text") or ""
            if sets.TEXT_METRIC[set_name] == "shingles":
                tally.shingles.append(metrics.shingle_counts(page.gold["text"], text))
            elif sets.TEXT_METRIC[set_name] == "snippets":
                tally.snippets.add(page.gold["with"], page.gold["without"], text)
            if page.gold.get("title"):
                tally.titles += 1
                tally.titles_ok += metrics.title_exact(page.gold["title"], out.get("title"))
            if page.gold.get("date"):
                tally.dates += 1
                tally.dates_ok += metrics.date_exact(page.gold["date"], out.get("date"))
    summary: dict[str, dict] = {}
    for name, t in tallies.items():
        kind = sets.TEXT_METRIC[set_name]
        text: dict[str, float | None] = (
            metrics.shingle_f1(t.shingles) if kind == "shingles"
            else t.snippets.summary() if kind == "snippets"
            else {"f1": None, "precision": None, "recall": None}
        )
        summary[name] = {
            "pages": t.pages,
            "crashes": len(t.crashes),
            "text_f1": text["f1"],
            "text_precision": text["precision"],
            "text_recall": text["recall"],
            "title_exact": t.titles_ok / t.titles if t.titles else None,
            "date_exact": t.dates_ok / t.dates if t.dates else None,
            "first_crashes": t.crashes[:5],
        }
    summary["newsmon"]["dates_only_ours"], summary["newsmon"]["dates_only_theirs"] = (
        _discordant_dates(pages, results)
    )
    return summary


def _discordant_dates(pages: list[sets.Page], results: list[dict]) -> tuple[int, int]:
    """Pages whose date only newsmon gets right, and only the baseline: whether «above» is more
    than a handful of pages (a sign test on these two numbers), not just a higher mean."""
    ours = theirs = 0
    for page, per_system in zip(pages, results):
        gold = page.gold.get("date")
        if not gold:
            continue
        mine = metrics.date_exact(gold, per_system["newsmon"].get("date"))
        other = metrics.date_exact(gold, per_system["trafilatura+htmldate"].get("date"))
        ours += mine and not other
        theirs += other and not mine
    return ours, theirs


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact sign test over the discordant pages: the chance of a split at least this
    uneven if either system were as likely to be the one right."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(max(wins, losses), n + 1)) / 2**n
    return min(1.0, 2 * tail)


def evaluate(set_name: str, *, limit: int | None = None, jobs: int = 2) -> dict[str, dict]:
    pages = list(sets.load(set_name))[:limit]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_both, pages, chunksize=4))
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / f"public-{set_name}.jsonl").open("w", encoding="utf-8") as log:
        for page, per_system in zip(pages, results):
            if page.held_out:  # no outputs to read for the held-out quarter, only that it exists
                row = {"key": page.key, "held_out": True}
            else:
                row = {"key": page.key, "url": page.url, "cyrillic": page.is_cyrillic,
                       "gold": {k: v for k, v in page.gold.items() if k != "text"}, **per_system}
            log.write(json.dumps(row, ensure_ascii=False) + "\n")
    held = [i for i, page in enumerate(pages) if page.held_out]
    summary = score(set_name, pages, results)
    summary["held-out"] = score(set_name, [pages[i] for i in held], [results[i] for i in held])
    return summary


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def check(set_name: str, summary: dict[str, dict]) -> list[str]:
    """Floors per set from eval/floors_public.json: ``"at_least"`` the baseline or ``"above"`` it."""
    ours, base = summary["newsmon"], summary["trafilatura+htmldate"]
    floors = json.loads(FLOORS.read_text("utf-8")).get(set_name, {})
    problems = []
    if ours["crashes"]:
        problems.append(f"{set_name}: newsmon crashed on {ours['crashes']} pages")
    for metric, rule in floors.items():
        if ours[metric] is None:
            continue
        if ours[metric] < base[metric] or (rule == "above" and ours[metric] == base[metric]):
            problems.append(
                f"{set_name}: {metric} {ours[metric]:.3f} not {rule.replace('_', ' ')} "
                f"the baseline {base[metric]:.3f}"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sets.SETS, action="append")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if build.main([]) != 0:
        print("run_public: the public sets are not available (see eval/realweb/README.md)")
        return 1
    print(f"trafilatura {version('trafilatura')}, htmldate {version('htmldate')}")
    problems: list[str] = []
    for set_name in args.set or sets.SETS:
        summary = evaluate(set_name, limit=args.limit, jobs=args.jobs)
        print(f"\n{set_name}: {summary['newsmon']['pages']} pages")
        print(f"  {'system':<33} crashes  text F1  (P / R)          title    date")
        rows = [(name, s) for name, s in summary.items() if name in SYSTEMS]
        rows += [(f"{name} (held-out)", s) for name, s in summary["held-out"].items()]
        for name, s in rows:
            print(f"  {name:<33} {s['crashes']:>7}  {_fmt(s['text_f1'])}  "
                  f"({_fmt(s['text_precision'])} / {_fmt(s['text_recall'])})  "
                  f"{_fmt(s['title_exact'])}  {_fmt(s['date_exact'])}")
        for label, part in (("all", summary), ("held-out", summary["held-out"])):
            ours = part["newsmon"]
            if ours["date_exact"] is not None:
                only_ours, only_theirs = ours["dates_only_ours"], ours["dates_only_theirs"]
                print(f"  dates, {label}: only newsmon right on {only_ours} pages, "
                      f"only the baseline on {only_theirs} "
                      f"(sign test p = {sign_test(only_ours, only_theirs):.3f})")
        for crash in summary["newsmon"]["first_crashes"]:
            print(f"    crash: {crash[:160]}")
        problems += check(set_name, summary)
        (OUT / f"public-{set_name}-summary.json").write_text(json.dumps(summary, indent=1))
    for problem in problems:
        print(f"FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
