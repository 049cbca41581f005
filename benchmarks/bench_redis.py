"""Distributed crawl benchmark (issue 23): one process vs one writer plus 1, 2 and 4 workers.

    .venv/bin/python benchmarks/bench_redis.py [--pages 5000] [--workers 1,2,4] [--writer-sample 2000]

Generates the local outlet of benchmarks/bench_crawl.py (N article pages behind a sitemap),
serves it from a separate process, starts Debian's redis-server on a free port, then, each crawl
in fresh processes with the same network settings (no politeness delay, 16 concurrent requests,
tagging on — the real nightly load):

  (a) one process: `newsmon crawl` (run_crawl);
  (b) for k in --workers: `newsmon store --redis` (run_store) and k `newsmon crawl --redis`
      workers (run_worker) on this machine, Redis emptied between runs.

For each: wall time, pages/s, the ratio to (a) measured in the same run, and where the time goes
(seconds per article summed over items: download latency, extraction, tagging, pushing to Redis,
storing). Then the writer's ceiling: --writer-sample articles of run (a), with their tags and
signatures, queued on the stream before a writer starts; articles/s it stores. On one machine
the workers share its CPUs, so the curve shows the cost of the machinery more than the gain; the
paper estimate for several machines is in docs/scale-out.md. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

NET = {
    "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "TELNETCONSOLE_ENABLED": False, "LOGSTATS_INTERVAL": 0,
}  # fmt: skip
STAGES = ("download", "extract", "tag", "push", "store")


def child_local(sources: Path, db: Path) -> dict:
    import newsmon.crawl.pipelines  # noqa: F401 - import cost outside the timing
    from newsmon.crawl.run import run_crawl
    from newsmon.sources.config import load_sources

    started = time.perf_counter()
    result = run_crawl(load_sources(sources), db, since=None, settings=NET, log_level="ERROR")
    return {"seconds": time.perf_counter() - started, "pages": result.totals["pages"],
            "stored": result.totals["new_articles"], "timings": result.timings}  # fmt: skip


def child_worker(sources: Path, url: str) -> dict:
    import newsmon.crawl.pipelines  # noqa: F401
    from newsmon.crawl.redis_worker import run_worker
    from newsmon.sources.config import load_sources

    result = run_worker(load_sources(sources), url, since=None, settings=NET, log_level="ERROR")
    pages = sum(s["pages"] for s in result.per_source.values())
    return {"pages": pages, "timings": result.timings, "status": result.status}


def child_writer(sources: Path, url: str, db: Path) -> dict:
    from newsmon.crawl.redis_writer import StoreOptions, run_store
    from newsmon.sources.config import load_sources

    started = time.perf_counter()
    result = run_store(load_sources(sources), db, url, StoreOptions(wait=300, grace=0.5))
    return {"seconds": time.perf_counter() - started, "stored": result.totals["new_articles"],
            "pages": result.totals["pages"], "timings": result.timings}  # fmt: skip


def fill_stream(source_db: Path, url: str, n: int) -> int:
    """Queue `n` stored articles of `source_db` (tags and signatures included) as if workers had
    pushed them, on a night whose one worker has already left."""
    import redis

    from db import open_db
    from db.store import ArticleRecord
    from newsmon.crawl.records import to_json
    from newsmon.crawl.redis_link import ITEMS, NIGHT, night_key

    db = open_db(source_db)
    client = redis.Redis.from_url(url)
    client.flushdb()
    client.set(NIGHT, "bench")
    client.sadd(night_key("bench", "workers"), "gone")
    pipe = client.pipeline()
    rows = db.execute("select a.id, a.url, a.source, a.title, a.text, a.published, a.relevant, "
                      "m.signature from articles a join article_minhash m on m.article_id = a.id "
                      "limit ?", [n]).fetchall()  # fmt: skip
    for aid, url_, source, title, text, published, relevant, sig in rows:
        import datetime as dt

        regions = db.execute("select iso, mentions from article_regions where article_id = ?",
                             [aid]).fetchall()  # fmt: skip
        orgs = db.execute("select org, mentions from article_orgs where article_id = ?",
                          [aid]).fetchall()  # fmt: skip
        record = ArticleRecord(
            url=url_, source=source, text=text, title=title, relevant=bool(relevant),
            published=dt.date.fromisoformat(published) if published else None,
            regions=[tuple(r) for r in regions], orgs=[tuple(o) for o in orgs],
            request_urls=[url_], signature=sig,
        )  # fmt: skip
        pipe.xadd(ITEMS, {"kind": "article", "data": to_json(record).encode()})
    pipe.execute()
    db.conn.close()
    return len(rows)


def run_child(*args: str, wait: bool = True) -> dict | subprocess.Popen:
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)  # fmt: skip
    return collect(proc) if wait else proc


def collect(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"bench child {proc.args[2:4]} failed:\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--writer-sample", type=int, default=2000)
    parser.add_argument("--child", choices=["local", "worker", "writer"])
    parser.add_argument("--sources", type=Path)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--redis")
    args = parser.parse_args()
    if args.child:
        if args.child == "local":
            result = child_local(args.sources, args.db)
        elif args.child == "worker":
            result = child_worker(args.sources, args.redis)
        else:
            result = child_writer(args.sources, args.redis, args.db)
        print(json.dumps(result))
        return

    from bench_crawl import SERVE, build_site

    from tests.redis_server import RedisServer

    with tempfile.TemporaryDirectory(prefix="newsmon-bench-redis-") as tmp_dir:
        tmp = Path(tmp_dir)
        build_site(tmp / "sites", args.pages)
        sources = tmp / "sources.yml"
        server = subprocess.Popen(
            [sys.executable, "-c", SERVE, "--sites", str(tmp / "sites"),
             "--write-sources", str(sources)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            with RedisServer(tmp / "redis") as redis_server:
                for _ in range(100):
                    if sources.exists() and sources.stat().st_size:
                        break
                    time.sleep(0.1)
                rows = measure(args, tmp, sources, redis_server.url)
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(args.pages, rows)


def measure(args: argparse.Namespace, tmp: Path, sources: Path, url: str) -> list[dict]:
    import redis

    print(f"site: {args.pages} article pages; {os.cpu_count()} CPUs, load "
          f"{os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    single_db = tmp / "single.db"
    single = run_child("--child", "local", "--sources", str(sources), "--db", str(single_db))
    assert isinstance(single, dict)
    rows = [{"name": "one process (newsmon crawl)", **single, "stages": single["timings"]}]
    print(f"  one process: {single['seconds']:.0f} s", flush=True)
    for k in [int(n) for n in args.workers.split(",") if n]:
        redis.Redis.from_url(url).flushdb()
        db = tmp / f"dist{k}.db"
        writer = run_child("--child", "writer", "--sources", str(sources), "--db", str(db),
                           "--redis", url, wait=False)  # fmt: skip
        time.sleep(1.0)
        crawlers = [run_child("--child", "worker", "--sources", str(sources), "--redis", url,
                              wait=False) for _ in range(k)]  # fmt: skip
        done = [collect(c) for c in crawlers]  # type: ignore[arg-type]
        stored = collect(writer)  # type: ignore[arg-type]
        stages = {s: sum(d["timings"].get(s, 0.0) for d in done) for s in STAGES}
        stages["store"] = stored["timings"].get("store", 0.0)
        rows.append({"name": f"writer + {k} worker{'s' if k > 1 else ''}",
                     "seconds": stored["seconds"], "stored": stored["stored"],
                     "pages": sum(d["pages"] for d in done), "stages": stages})  # fmt: skip
        print(f"  writer + {k}: {stored['seconds']:.0f} s", flush=True)
    n = fill_stream(single_db, url, args.writer_sample)
    ceiling = run_child("--child", "writer", "--sources", str(sources), "--db",
                        str(tmp / "ceiling.db"), "--redis", url)  # fmt: skip
    assert isinstance(ceiling, dict)
    rows.append({"name": "writer ceiling", "queued": n, **ceiling})
    return rows


def report(pages: int, rows: list[dict]) -> None:
    base = rows[0]
    print(f"\n{'crawl':<30}{'stored':>7}{'seconds':>9}{'pages/s':>9}{'vs one':>8}   "
          + "".join(f"{s:>10}" for s in STAGES) + "   (seconds per article, summed over items)")
    for row in rows[:-1]:
        rate = row["pages"] / row["seconds"]
        per = {s: row["stages"].get(s, 0.0) / max(row["stored"], 1) for s in STAGES}
        print(f"{row['name']:<30}{row['stored']:>7}{row['seconds']:>9.1f}{rate:>9.1f}"
              f"{base['seconds'] / row['seconds']:>7.2f}x   "
              + "".join(f"{per[s]:>10.4f}" for s in STAGES))  # fmt: skip
    ceiling = rows[-1]
    store_rate = ceiling["stored"] / max(ceiling["timings"].get("store", 1e-9), 1e-9)
    print(f"\nwriter ceiling: {ceiling['stored']} of {ceiling['queued']} queued articles stored in "
          f"{ceiling['seconds']:.1f} s including start-up = {ceiling['stored'] / ceiling['seconds']:.0f} "
          f"articles/s; in store_record alone (SQLite, FTS, clustering) {store_rate:.0f} articles/s")
    bad = [r["name"] for r in rows[:-1] if r["stored"] < pages * 0.99]
    if bad:
        sys.exit(f"stored fewer than 99% of the pages: {', '.join(bad)}")


if __name__ == "__main__":
    main()
