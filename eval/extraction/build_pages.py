"""Build the extraction evaluation set: pages/*.html and gold.json.

Run from the repository root: ``.venv/bin/python eval/extraction/build_pages.py``. The output is
committed; this script only documents how it was made (it reads the seeds and factRuEval texts
under /work/shared, which the product never reads). Gold per page: title, published (ISO date or
null when the page carries no trustworthy date), crawl_time, text (the article's own paragraphs
joined by blank lines), text_start / text_end snippets, and the CMS style.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from seeds import build_seeds  # noqa: E402
from templates import MONTHS_GEN, TEMPLATES, word_date  # noqa: E402

FACTRU = Path("/work/shared/eval/factru-dev/devset")
WEEKDAYS = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"]


def dateline(kind: str, pub: datetime.date, crawl: datetime.datetime) -> str:
    return {
        "num": pub.strftime("%d.%m.%Y"),
        "num_time": "11:04, " + pub.strftime("%d.%m.%Y"),
        "num_goda": pub.strftime("%d.%m.%Y") + " года",
        "short_year": pub.strftime("%d.%m.%y"),
        "word": word_date(pub),
        "word_time": word_date(pub) + ", 10:15",
        "word_g_time": f"{pub.day} {MONTHS_GEN[pub.month - 1]} {pub.year} г., 14:20",
        "weekday": f"{WEEKDAYS[pub.weekday()]}, {word_date(pub)}",
        "abbr": f"{pub.day} {MONTHS_GEN[pub.month - 1][:3]}. {pub.year}",
        "iso_like": pub.isoformat() + " 10:15",
        "dle": pub.strftime("%d-%m-%Y") + ", 14:20",
        "no_year": f"{pub.day} {MONTHS_GEN[pub.month - 1]}, 14:20",
        "today": "Сегодня, 08:20",
        "yesterday": "Вчера, 17:05",
        "hours_ago": "3 часа назад",
    }[kind]


RELATIVE_DAYS = {"today": 0, "yesterday": 1, "hours_ago": 0}

# (template, article, published, days from publication to crawl, signals, date-line form, options)
# signals: meta / jsonld / time / url / dateline; published None = the page has no trustworthy date.
SPECS: list[tuple] = [
    (
        "bitrix",
        "krizis-tomsk",
        "2023-03-14",
        6,
        ["dateline"],
        "num",
        {"today": True, "calendar": True},
    ),
    (
        "bitrix",
        "kurator-semi-astrakhan",
        "2021-11-02",
        30,
        ["meta", "dateline"],
        "num_time",
        {"calendar": True},
    ),
    ("bitrix", "detskiy-dom-zakryt", None, 0, [], None, {"today": True, "calendar": True}),
    ("bitrix", "factru-debt", "2006-02-08", 400, ["dateline"], "word", {}),
    ("bitrix", "factru-chess", "2006-04-10", 3, ["dateline"], "short_year", {"calendar": True}),
    ("wordpress", "nastavniki-perm", "2022-06-21", 2, ["time"], None, {"calendar": True}),
    (
        "wordpress",
        "priemnye-kazan",
        "2023-08-19",
        45,
        ["jsonld", "meta", "time"],
        None,
        {"caption": True, "modified": "2023-09-30"},
    ),
    ("wordpress", "shkola-roditeley-omsk", "2023-09-14", 10, ["url"], None, {}),
    ("wordpress", "factru-celentano", "2011-05-02", 1, ["time"], None, {"caption": True}),
    ("wordpress", "sem-ya-sport", None, 0, [], None, {"calendar": True}),
    ("dle", "sluzhba-ranney-pomoshchi", None, 0, ["dateline"], "today", {"subscribe": True}),
    ("dle", "semeynyy-mfc", None, 0, ["dateline"], "yesterday", {}),
    ("dle", "gostinitsa-mama", "2020-10-07", 12, ["dateline"], "dle", {"charset": "windows-1251"}),
    ("dle", "factru-moldova", "2006-03-29", 90, ["dateline"], "dle", {}),
    ("dle", "lager-semi", None, 0, ["dateline"], "hours_ago", {"subscribe": True}),
    ("table", "otkaz-profilaktika", "2019-02-26", 4, ["dateline"], "num", {}),
    ("table", "mnogodetnye-vyplaty", "2018-12-27", 1, ["dateline"], "word_g_time", {"today": True}),
    ("table", "volontery-bolnitsa", None, 0, [], None, {"today": True}),
    ("table", "factru-cable", "2011-01-24", 20, ["dateline"], "num_goda", {"charset": "utf-8"}),
    (
        "gov",
        "forum-sirotstvo",
        "2024-04-17",
        0,
        ["dateline"],
        "word_time",
        {"today": True, "caption": True},
    ),
    ("gov", "rodnye-lyudi", "2022-12-09", 7, ["dateline"], "weekday", {"today": True}),
    ("gov", "goryachaya-liniya", "2023-05-17", 3, ["meta", "dateline"], "word_time", {}),
    ("gov", "opeka-reforma", None, 0, [], None, {"today": True}),
    ("gov", "factru-gurchenko", "2011-03-31", 2, ["dateline"], "abbr", {"caption": True}),
    (
        "media",
        "intervyu-psiholog",
        "2024-02-29",
        1,
        ["jsonld", "meta", "dateline"],
        "word_time",
        {"incut": True},
    ),
    ("media", "mobilnye-brigady", "2023-11-15", 8, ["jsonld"], None, {"incut": True}),
    ("media", "podderzhka-vypusknikov", None, 0, ["dateline"], "today", {}),
    (
        "media",
        "festival-semey",
        "2022-10-03",
        15,
        ["meta", "dateline"],
        "word_time",
        {"modified": "2022-10-12"},
    ),
    ("media", "factru-tbilisi", "2007-11-02", 5, ["dateline"], "iso_like", {}),
    ("ucoz", "centr-semya-kursk", "2021-09-01", 60, ["dateline"], "num", {"views": 304}),
    ("ucoz", "shkola-semeynaya", "2022-08-25", 2, ["dateline"], "num", {"views": 12}),
    ("ucoz", "factru-facebook", "2010-08-26", 11, ["dateline"], "num", {}),
    ("joomla", "factru-bolgaria", "2008-01-17", 4, ["time"], None, {}),
    ("joomla", "factru-serbia", "2008-03-05", 1, ["dateline"], "num_time", {}),
    ("joomla", "factru-obama", None, 0, [], None, {}),
    ("joomla", "factru-capitol", "2011-07-30", 9, ["time"], None, {}),
    ("media", "factru-oil", "2009-01-02", 40, ["dateline"], "no_year", {}),
    ("gov", "factru-bhutto", "2007-11-09", 3, ["dateline"], "num_time", {}),
]

# Crawls of pages without a date happen on these days (today's-date widgets show them).
UNDATED_CRAWL = datetime.datetime(2024, 4, 17, 15, 0)


def load_articles() -> dict[str, dict]:
    raw = yaml.safe_load((HERE / "articles.yml").read_text("utf-8"))["articles"]
    out = {}
    for art in raw:
        if art.get("factru"):
            text = (FACTRU / f"{art['factru']}.txt").read_text("utf-8")
            art["paras"] = [p.strip() for p in text.split("\n") if p.strip()]
            art["signature"] = None
        out[art["id"]] = art
    return out


def build() -> None:
    arts = load_articles()
    pages_dir = HERE / "pages"
    pages_dir.mkdir(exist_ok=True)
    gold: dict[str, dict] = {}
    for name, page, g in build_seeds():
        (pages_dir / name).write_text(page, "utf-8")
        gold[name] = g
    for n, (tpl, art_id, published, lag, signals, form, opts) in enumerate(SPECS, start=1):
        art = arts[art_id]
        p = dict(opts, signals=signals, n=n)
        if form in RELATIVE_DAYS:
            crawl = UNDATED_CRAWL + datetime.timedelta(days=n)
            pub = crawl.date() - datetime.timedelta(days=RELATIVE_DAYS[form])
        elif published:
            pub = datetime.date.fromisoformat(published)
            crawl = datetime.datetime.combine(
                pub + datetime.timedelta(days=lag), datetime.time(15, 0)
            )
        else:
            pub = None
            crawl = UNDATED_CRAWL + datetime.timedelta(days=n)
        p["crawl"] = crawl
        p["published"] = pub
        if form and pub:
            p["dateline"] = dateline(form, pub, crawl)
        if p.get("modified"):
            p["modified"] = datetime.date.fromisoformat(p["modified"])
        html = TEMPLATES[tpl](art, p)
        name = f"{n:02d}_{tpl}_{art_id}.html"
        url = f"https://example-{tpl}.ru/news/{art_id}/"
        if "url" in signals:
            url = f"https://example-{tpl}.ru/{pub:%Y/%m/%d}/{art_id}/"
        charset = p.get("charset") if tpl in ("dle", "table") else None
        charset = charset or ("windows-1251" if tpl == "table" else "utf-8")
        (pages_dir / name).write_bytes(html.encode(charset))
        paras = list(art["paras"]) + ([art["signature"]] if art.get("signature") else [])
        gold[name] = {
            "title": art["title"],
            "published": pub.isoformat() if pub and signals else None,
            "crawl_time": crawl.isoformat(),
            "url": url,
            "text": "\n\n".join(paras),
            "cms": tpl,
        }
    handmade = yaml.safe_load((HERE / "handmade.yml").read_text("utf-8"))
    for name, spec in handmade.items():
        page = (HERE / "handmade" / name).read_text("utf-8")
        (pages_dir / name).write_bytes(page.encode(spec.get("encoding", "utf-8")))
        gold[name] = {
            "title": spec["title"],
            "published": spec["published"],
            "crawl_time": spec["crawl_time"],
            "url": f"https://example-handmade.ru/news/{name[:3]}/",
            "text": "\n\n".join(spec["paras"]),
            "cms": "handmade",
        }
    for g in gold.values():
        g.setdefault("url", "https://example-seed.ru/news/1/")
        g["text_start"] = g["text"][:60]
        g["text_end"] = g["text"][-60:]
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(gold)} pages")


if __name__ == "__main__":
    build()
