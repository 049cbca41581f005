"""Database benchmark (issue 7): 1,000,000 articles, then medians for `counts` and `search`.

    .venv/bin/python benchmarks/bench_db.py [--articles N] [--db PATH] [--regen]

Generates (once; reused while the row count matches) a database with realistic shapes: 89 regions
with skewed sizes, ~1,000 outlets each with a home region, 24 months of publications growing over
time, ~3 mention rows per article (regions, orgs, projects), a topic on relevant articles, a third
of the articles reprints of a recent story, and texts assembled from Russian news sentences so the
lemma index sees real inflections. Rows go in with executemany in big transactions (not through
store_article); the storage stage itself is timed separately on fresh articles.
Targets on 2 cores: counts for one month by region < 100 ms, search < 200 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import open_db
from db.queries import Filters, counts
from db.search import filter_tokens, lemma_text, search
from db.store import ArticleRecord, ensure_regions, store_article
from newsmon.core.periods import Period, month_period

SUBJECTS = [
    "Губернатор края", "Министерство социальной защиты", "Фонд поддержки детей",
    "Волонтёры", "Администрация города", "Специалисты центра", "Депутаты областной думы",
    "Родители", "Педагоги школы", "Многодетная семья", "Сотрудники полиции", "Жители посёлка",
    "Уполномоченный по правам ребёнка", "Благотворительный фонд", "Студенты колледжа",
    "Врачи районной больницы", "Глава района", "Наставники", "Приёмные родители", "Спортсмены",
]
VERBS = [
    "провели", "открыли", "обсудили", "представили", "запустили", "поддержали", "организовали",
    "посетили", "отметили", "завершили", "подготовили", "получили", "рассказали про",
]
OBJECTS = [
    "новый проект", "встречу с семьями", "программу наставничества", "кризисный центр для женщин",
    "ремонт школы", "спортивный праздник", "выставку рисунков", "ремонт дороги",
    "отопительный сезон", "школу приёмных родителей", "грант на развитие", "форум молодёжи",
    "акцию для детей-сирот", "службу сопровождения семей", "семейный клуб", "концерт",
    "новые автобусы", "детский сад", "конкурс социальных проектов", "горячую линию",
    "реабилитационный центр", "летний лагерь", "субсидии фермерам", "строительство бассейна",
    "профилактику социального сиротства", "обучение специалистов опеки", "ярмарку вакансий",
    "семинар для психологов", "выплаты многодетным семьям", "фестиваль национальной кухни",
]
TAILS = [
    "в районном центре", "на этой неделе", "для детей-сирот", "в рамках национального проекта",
    "при поддержке фонда", "в городском парке", "в сельских школах", "впервые за много лет",
    "для семей в трудной жизненной ситуации", "в новом здании", "по инициативе жителей",
    "вместе с некоммерческими организациями", "на средства областного бюджета", "",
]
FILLERS = [
    "Об этом сообщает пресс-служба ведомства.", "Подробности читайте в нашем материале.",
    "Мероприятие прошло в тёплой атмосфере.", "Участники поблагодарили организаторов.",
    "В следующем году работу планируют продолжить.", "Погода в выходные будет солнечной.",
    "Ранее в регионе уже действовали похожие программы.", "Заявки принимают до конца месяца.",
]
TOPICS = ["кризисные центры", "приёмные семьи", "наставничество", "профилактика сиротства",
          "семьи в трудной ситуации", "реабилитация", "опека"]
MONTHS = 24
FIRST_MONTH = (2024, 1)


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def sentence_pool(rng: random.Random, size: int = 20_000) -> list[tuple[str, str]]:
    """(surface sentence, lemma string) pairs; lemmatized once each."""
    pool = []
    for _ in range(size):
        if rng.random() < 0.25:
            text = rng.choice(FILLERS)
        else:
            parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)]
            text = " ".join(p for p in parts if p) + "."
        pool.append((text, lemma_text(text)))
    return pool


def months() -> list[Period]:
    y, m = FIRST_MONTH
    out = []
    for i in range(MONTHS):
        index = y * 12 + m - 1 + i
        out.append(month_period(index // 12, index % 12 + 1))
    return out


def generate(path: Path, n: int, seed: int = 7) -> float:
    """Fill a fresh database with `n` articles; return seconds taken."""
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_db(path)
    ensure_regions(db)
    isos = [r[0] for r in db.execute("select iso from regions order by iso")]
    rng.shuffle(isos)
    region_w = zipf_weights(len(isos), 0.8)
    outlets = [(f"outlet{i:04d}", rng.choices(isos, region_w)[0]) for i in range(1000)]
    db["sources"].insert_all(
        [{"name": s, "url": f"https://{s}.example.ru/", "region_iso": iso} for s, iso in outlets]
    )
    outlet_w = zipf_weights(len(outlets), 0.7)
    orgs = [f"Организация {i}" for i in range(300)]
    org_w = zipf_weights(len(orgs), 1.1)
    projects = [f"Проект {i}" for i in range(60)]
    pool = sentence_pool(rng)
    periods = months()
    # Publications grow ~50% over two years; ids follow publication order, as a nightly crawl's do.
    month_w = [1 + 0.5 * i / MONTHS for i in range(MONTHS)]
    per_month = [round(n * w / sum(month_w)) for w in month_w]
    per_month[-1] += n - sum(per_month)
    conn: sqlite3.Connection = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    started = time.perf_counter()
    next_id = 1
    batch = 50_000
    rows_a, rows_r, rows_o, rows_t, rows_p, rows_f = [], [], [], [], [], []

    def flush() -> None:
        with conn:
            conn.executemany(
                "insert into articles (id, url, source, title, text, published, date_method,"
                " relevant, story_id) values (?,?,?,?,?,?,'meta',?,?)", rows_a)
            conn.executemany("insert into article_regions values (?,?,?)", rows_r)
            conn.executemany("insert into article_orgs values (?,?,?)", rows_o)
            conn.executemany("insert into article_topics values (?,?)", rows_t)
            conn.executemany("insert into article_projects values (?,?,?,?)", rows_p)
            conn.executemany(
                "insert into articles_fts (rowid, title, body, tags) values (?,?,?,?)", rows_f)
        for rows in (rows_a, rows_r, rows_o, rows_t, rows_p, rows_f):
            rows.clear()

    for period, count in zip(periods, per_month):
        days = [period.start + dt.timedelta(days=d) for d in range(period.days)]
        for day in sorted(rng.choices(days, k=count)):
            aid = next_id
            next_id += 1
            source, home = rng.choices(outlets, outlet_w)[0]
            relevant = rng.random() < 0.45
            story = aid
            if aid > 50 and rng.random() < 0.33:
                story = rng.randint(max(1, aid - 400), aid - 1)
            picks = rng.sample(range(len(pool)), rng.randint(4, 10))
            text = " ".join(pool[i][0] for i in picks)
            title = pool[picks[0]][0].rstrip(".")
            rows_a.append((aid, f"https://{source}.example.ru/news/{aid}", source, title, text,
                           day.isoformat(), int(relevant), story))
            regions = {home} if rng.random() < 0.8 else set()
            while len(regions) < 1 or rng.random() < 0.35:
                regions.add(rng.choices(isos, region_w)[0])
            rows_f.append((aid, pool[picks[0]][1], " ".join(pool[i][1] for i in picks),
                           filter_tokens(day.isoformat(), regions, source)))
            rows_r.extend((aid, iso, rng.randint(1, 4)) for iso in regions)
            for org in {rng.choices(orgs, org_w)[0] for _ in range(rng.choice((0, 1, 1, 2)))}:
                rows_o.append((aid, org, rng.randint(1, 3)))
            if rng.random() < 0.45:
                rows_p.append((aid, rng.choice(projects), rng.randint(1, 2), 1))
            if relevant:
                rows_t.append((aid, rng.choice(TOPICS)))
            if len(rows_a) >= batch:
                flush()
    flush()
    conn.execute("analyze")
    conn.execute("PRAGMA synchronous = NORMAL")
    return time.perf_counter() - started


def median_ms(fn, runs: int = 7) -> tuple[float, object]:
    result = fn()  # warm-up (page cache, lemma cache)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def insert_throughput(db, n: int, rng: random.Random) -> float:
    """Articles per second through the storage stage (signature, LSH lookup, store_article)."""
    from pipeline.cluster.minhash import StoryIndex, signature, to_bytes

    pool = sentence_pool(rng, 2_000)
    sources = [r[0] for r in db.execute("select name from sources limit 50")]
    isos = [r[0] for r in db.execute("select iso from regions")]
    index = StoryIndex()
    stamp = int(time.time())
    records = []
    for i in range(n + 100):
        text = " ".join(rng.choice(pool)[0] for _ in range(rng.randint(4, 10)))
        records.append(ArticleRecord(
            url=f"https://bench.example.ru/{stamp}/{i}", source=rng.choice(sources), text=text,
            title=text[:60], published=dt.date(2025, 12, 1 + i % 28), relevant=True,
            regions=[(rng.choice(isos), 2)], orgs=[("Организация 1", 1)], topics=["опека"],
            projects=[("Проект 1", 1, True)],
        ))
    warm = 100  # the first articles pay for loading the morphology dictionary: not timed
    ids = []
    started = time.perf_counter()
    for n, record in enumerate(records):
        if n == warm:
            started = time.perf_counter()
        sig = signature(record.text)
        record.signature = to_bytes(sig)
        article_id = store_article(db, record, similar=index.similar(sig))
        index.add(article_id, sig)
        ids.append(article_id)
    rate = n / (time.perf_counter() - started)
    with db.atomic():  # leave the benchmark database as generated
        marks = ",".join("?" * len(ids))
        for table in ("article_regions", "article_orgs", "article_topics", "article_projects",
                      "article_minhash"):
            db.execute(f"delete from {table} where article_id in ({marks})", ids)
        db.execute(f"delete from articles_fts where rowid in ({marks})", ids)
        db.execute(f"delete from urls where article_id in ({marks})", ids)
        db.execute(f"delete from articles where id in ({marks})", ids)
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsmon-bench.db"))
    parser.add_argument("--regen", action="store_true", help="Regenerate even if present.")
    parser.add_argument("--inserts", type=int, default=5_000)
    args = parser.parse_args()

    from importlib.metadata import version

    print(f"python {platform.python_version()}, sqlite {sqlite3.sqlite_version}, "
          f"sqlite-utils {version('sqlite-utils')}, datasketch {version('datasketch')}, "
          f"natasha {version('natasha')}, machine: {os.cpu_count()} cpus")
    have = 0
    if args.db.exists() and not args.regen:
        have = open_db(args.db).execute("select count(*) from articles").fetchone()[0]
    if have != args.articles:
        print(f"generating {args.articles:,} articles into {args.db} …", flush=True)
        seconds = generate(args.db, args.articles)
        print(f"generated in {seconds:.0f} s ({args.articles / seconds:,.0f} rows/s, bulk)")
    db = open_db(args.db)
    size = sum(Path(f"{args.db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{args.db}{s}").exists())
    print(f"database: {args.articles:,} articles, {size / 2**30:.2f} GiB")
    month = months()[-2]
    region = db.execute(
        "select iso from article_regions group by iso order by count(*) desc limit 1 offset 5"
    ).fetchone()[0]
    checks = [
        (f"counts --month {month.start:%Y-%m} --by region", 100,
         lambda: counts(db, "region", month)),
        (f"counts --month {month.start:%Y-%m} --by source", 100,
         lambda: counts(db, "source", month)),
        (f"counts --month {month.start:%Y-%m} --by org", 100, lambda: counts(db, "org", month)),
        (f"counts --month {month.start:%Y-%m} --by topic", 100,
         lambda: counts(db, "topic", month)),
        (f"counts --month {month.start:%Y-%m} --by region --all", 100,
         lambda: counts(db, "region", month, Filters(relevant_only=False))),
        (f"counts --month {month.start:%Y-%m} --by region --org 'Организация 3'", 100,
         lambda: counts(db, "region", month, Filters(org="Организация 3"))),
        (f"search 'кризисных центров' --month {month.start:%Y-%m} --region {region}", 200,
         lambda: search(db, "кризисных центров", month,
                        Filters(region_iso=region, relevant_only=False))),
        (f"search 'кризисных центров' --month {month.start:%Y-%m}", 200,
         lambda: search(db, "кризисных центров", month)),
        ("search 'школа приёмных родителей' (all time)", 200,
         lambda: search(db, "школа приёмных родителей")),
        ("search 'кризисных центров' (all time)", 200, lambda: search(db, "кризисных центров")),
    ]
    load = os.getloadavg()[0]
    print(f"load average before timing: {load:.1f} on {os.cpu_count()} cpus"
          + ("  (busy machine: medians will be inflated)" if load > (os.cpu_count() or 1) else ""))
    for label, target, fn in checks:
        ms, result = median_ms(fn)
        verdict = "ok" if ms < target else "SLOW"
        print(f"{label:<75} median {ms:8.1f} ms  (target < {target} ms, {verdict}; "
              f"{len(result)} rows)")
    rate = insert_throughput(db, args.inserts, random.Random(11))
    print(f"storage stage: {rate:,.0f} articles/s (store_article with tags, FTS, MinHash/LSH; "
          f"{args.inserts:,} articles into the {args.articles:,}-article database)")


if __name__ == "__main__":
    main()
