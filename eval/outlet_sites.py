"""What the blind outlet sets' build.py scripts share: Russian date words, the text helpers, the
Site that writes one outlet's pages with their gold rows, its site.yml, and the build itself
(articles.yml in, sites/ and gold.json out). Each set's build.py keeps only its outlets' markup.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]  # fmt: skip
MONTHS_NOM = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
              "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]  # fmt: skip


def paragraphs(a: dict) -> list[str]:
    return [" ".join(p.split()) for p in a["text"].strip().split("\n\n")]


def words_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year}"


def dotted(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


def lead(a: dict, n: int = 160) -> str:
    first = paragraphs(a)[0]
    return first if len(first) <= n else first[:n].rsplit(" ", 1)[0] + "…"


class Site:
    """Collects the pages of one outlet (under ``sites/<name>/public``) and their gold rows."""

    def __init__(self, name: str, sites: Path) -> None:
        self.name = name
        self.root = sites / name / "public"
        self.gold: list[dict] = []

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def page(self, url: str, rel: str, text: str, kind: str, a: dict | None = None) -> None:
        self.write(rel, text)
        self.judge(url, kind, a)

    def query_page(self, url: str, text: str, kind: str, a: dict | None = None) -> None:
        """A page at ``/index.php?...``: served for the query as linked and in sorted order."""
        path, query = url.split("?", 1)
        for q in sorted({query, "&".join(sorted(query.split("&")))}):
            self.write(f"{path.strip('/')}@{q}.html", text)
        self.judge(url, kind, a)

    def judge(self, url: str, kind: str, a: dict | None) -> None:
        row: dict[str, Any] = {"outlet": self.name, "url": url, "is_article": a is not None,
                               "kind": kind}  # fmt: skip
        if a is not None:
            row.update(published=a["date"].isoformat(), relevant=a["relevant"],
                       regions=sorted(a["regions"]), story=a["story"], title=a["title"],
                       note=a.get("note", ""))  # fmt: skip
        self.gold.append(row)


def site_yml(header: str, name: str, outlet: dict[str, Any]) -> str:
    lines = [header, f"name: {name}", f"region: {outlet['region']}",
             f"encoding: {outlet['encoding']}", f"charset_in: {outlet['charset_in']}"]  # fmt: skip
    for key in ("feeds", "sitemaps"):
        if outlet.get(key):
            lines.append(f"{key}: [{', '.join(outlet[key])}]")
    return "\n".join(lines) + "\n"


def build_set(
    here: Path, argv: list[str], builders: dict[str, Callable[[list[dict], Site], Site]],
    outlets: dict[str, dict[str, Any]], header: str, note: str,
) -> None:
    """Render every outlet of the set from here/articles.yml into <out>/sites and <out>/gold.json
    (``--out DIR``, default the set's own folder)."""
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else here
    sites = out / "sites"
    articles = yaml.safe_load((here / "articles.yml").read_text(encoding="utf-8"))["articles"]
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_outlet[a["outlet"]].append(a)
    if sites.exists():
        shutil.rmtree(sites)
    pages: list[dict] = []
    for name, build in builders.items():
        site = build(by_outlet[name], Site(name, sites))
        (sites / name / "site.yml").write_text(site_yml(header, name, outlets[name]),
                                               encoding="utf-8")
        pages += site.gold
    gold = {
        "note": note,
        "outlets": {n: {"region": o["region"], "iso": o["iso"], "title": o["title"]}
                    for n, o in outlets.items()},
        "pages": pages,
    }  # fmt: skip
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    n_art = sum(p["is_article"] for p in pages)
    print(f"{len(pages)} pages ({n_art} articles) in {len(builders)} outlets → {sites}")
