"""Render the demo outlets' static pages and demo/expected.json from demo/articles.yml.

    .venv/bin/python demo/build.py [--out DIR]

Each outlet has its own templates (demo/templates/<outlet>/) imitating one CMS: article and
listing pages, feeds and sitemaps under feeds/, other fixed pages under static/. Output goes to
demo/sites/<outlet>/public/ (wiped first; site.yml is left alone) and is committed, so the site
server only serves static files. Links inside pages use ``{{BASE}}`` or root-relative paths; the
server fills in the port.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

DEMO = Path(__file__).resolve().parent
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]  # fmt: skip
MONTHS_NOM = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
              "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]  # fmt: skip
WEEKDAYS = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"]
TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "c", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))  # fmt: skip


def translit_slug(title: str, words: int = 6) -> str:
    out = "".join(TRANSLIT.get(c, c) for c in title.lower())
    parts = ["".join(ch for ch in w if ch.isascii() and ch.isalnum()) for w in out.split()]
    return "-".join([p for p in parts if p][:words])


@dataclass
class Article:
    key: str
    outlet: str
    id: int
    published: dt.datetime
    title: str
    rubric: str
    relevant: bool
    regions: list[str]
    projects: list[str]
    paragraphs: list[str]
    reprint_of: str | None = None
    source_line: str | None = None
    seed: str | None = None
    path: str = ""
    old_path: str | None = None
    modified: dt.datetime | None = None
    views: int = 0

    @property
    def lead(self) -> str:
        first = self.paragraphs[0]
        return first if len(first) <= 220 else first[:217].rsplit(" ", 1)[0] + "…"


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs; a text without blank lines has one paragraph a line."""
    blocks = text.strip().split("\n\n" if "\n\n" in text else "\n")
    return [" ".join(b.split()) for b in blocks if b.strip()]


def load_articles() -> tuple[list[Article], dict[str, str]]:
    doc = yaml.safe_load((DEMO / "articles.yml").read_text(encoding="utf-8"))
    articles = []
    for raw in doc["articles"]:
        text = raw.get("text")
        if raw.get("seed"):
            text = (DEMO / "seeds" / f"{raw['seed']}.txt").read_text(encoding="utf-8")
            paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
        else:
            paragraphs = split_paragraphs(text)
        if raw.get("source_line"):
            paragraphs.append(raw["source_line"])
        published = dt.datetime.strptime(raw["published"], "%Y-%m-%d %H:%M")
        a = Article(
            key=raw["key"], outlet=raw["outlet"], id=int(raw["id"]), published=published,
            title=raw["title"], rubric=raw["rubric"], relevant=bool(raw["relevant"]),
            regions=list(raw["regions"]), projects=list(raw.get("projects") or []),
            paragraphs=paragraphs, reprint_of=raw.get("reprint_of"),
            source_line=raw.get("source_line"), seed=raw.get("seed"),
        )  # fmt: skip
        h = zlib.crc32(a.key.encode())
        a.views = 90 + h % 2900
        if h % 3 == 0:  # some articles were edited later: dateModified must not become published
            a.modified = published + dt.timedelta(days=1 + h % 4, hours=h % 7)
        articles.append(a)
    return articles, doc["iso"]


def article_path(a: Article, outlet: dict[str, Any]) -> str:
    style = outlet["paths"]
    if style == "bitrix":
        return f"/news/{outlet['rubrics'][a.rubric]}/{a.id}/"
    if style == "custom":
        return f"/news/{a.id}.html"
    if style == "dle":
        return f"/{outlet['rubrics'][a.rubric]}/{a.id}-{translit_slug(a.title, 5)}.html"
    if style == "wordpress":
        return f"{a.published:/%Y/%m/%d}/{translit_slug(a.title)}/"
    raise ValueError(style)


def listing_path(style: str, page: int) -> str:
    if style == "bitrix":
        return "/news/" if page == 1 else f"/news/?PAGEN_1={page}"
    if style == "custom":
        return "/news/" if page == 1 else f"/news/?page={page}"
    return "/" if page == 1 else f"/page/{page}/"


def listing_file(path: str) -> str:
    """Where the server looks for a listing path (see newsmon.siteserver.resolve_file)."""
    base, _, query = path.partition("?")
    if base.endswith("/"):
        base += "index.html"
    if query:
        stem, dot, suffix = base.rpartition(".")
        return f"{stem}@{query}.{suffix}"
    return base


# ---------------------------------------------------------------- template filters


def ru_date(d: dt.date | dt.datetime) -> str:
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year}"


def iso_time(d: dt.datetime, tz: str) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:00") + tz


def rfc822(d: dt.datetime, tz: str) -> str:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return (f"{days[d.weekday()]}, {d.day:02d} {months[d.month - 1]} {d.year} "
            f"{d:%H:%M}:00 {tz.replace(':', '')}")  # fmt: skip


def calendar(today: dt.date) -> dict[str, Any]:
    first = today.replace(day=1)
    nxt = (first + dt.timedelta(days=32)).replace(day=1)
    days = (nxt - first).days
    cells: list[int | None] = [None] * first.weekday() + list(range(1, days + 1))
    cells += [None] * (-len(cells) % 7)
    weeks = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    return {"title": f"{MONTHS_NOM[today.month - 1]} {today.year}", "weeks": weeks,
            "today": today.day}  # fmt: skip


def views_word(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "просмотр"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "просмотра"
    return "просмотров"


def make_env(outlet: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(DEMO / "templates" / outlet),
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )  # fmt: skip
    env.filters.update(ru_date=ru_date, iso_time=iso_time, rfc822=rfc822)
    env.globals.update(weekdays=WEEKDAYS, json=json.dumps, views_word=views_word)
    return env


# ---------------------------------------------------------------- building


def build_outlet(name: str, cfg: dict[str, Any], articles: list[Article], out: Path) -> None:
    public = out / "sites" / name / "public"
    if public.exists():
        shutil.rmtree(public)
    public.mkdir(parents=True)
    env = make_env(name)
    today = cfg["today"]
    ctx_base = {
        "outlet": cfg, "name": name, "today": today, "calendar": calendar(today),
        "today_line": f"{WEEKDAYS[today.weekday()]}, {ru_date(today)}",
    }  # fmt: skip
    own = sorted((a for a in articles if a.outlet == name), key=lambda a: a.published, reverse=True)
    popular = sorted(own, key=lambda a: a.views, reverse=True)
    rubrics = [r for r in cfg["rubrics"] if any(a.rubric == r for a in own)]
    rubric_url = {r: cfg["rubric_url"].format(slug=cfg["rubrics"][r]) for r in rubrics}
    ctx_base["rubric_links"] = list(rubric_url.items())

    def write(rel: str, text: str) -> None:
        f = public / rel.lstrip("/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")

    for a in own:
        others = [o for o in own if o is not a]
        related = sorted(others, key=lambda o: abs((o.published - a.published).total_seconds()))
        page = env.get_template("article.html.j2").render(
            **ctx_base, a=a, popular=[o for o in popular if o is not a][:5], related=related[:3]
        )
        write(listing_file(a.path), page)

    per_page = cfg["per_page"]
    pages = [own[i : i + per_page] for i in range(0, len(own), per_page)]
    for n, items in enumerate(pages, start=1):
        html = env.get_template("listing.html.j2").render(
            **ctx_base, items=items, page=n, pages=len(pages), popular=popular[:5],
            page_url=lambda k: listing_path(cfg["paths"], k),
        )  # fmt: skip
        write(listing_file(listing_path(cfg["paths"], n)), html)
        if n == 1 and listing_path(cfg["paths"], 1) != "/":
            home = env.get_template("listing.html.j2").render(
                **ctx_base, items=items, page=1, pages=len(pages), popular=popular[:5],
                page_url=lambda k: listing_path(cfg["paths"], k), home=True,
            )  # fmt: skip
            write("index.html", home)
    for rubric, url in rubric_url.items():
        html = env.get_template("listing.html.j2").render(
            **ctx_base, items=[a for a in own if a.rubric == rubric], page=1, pages=1,
            popular=popular[:5], page_url=lambda k, url=url: url, rubric=rubric,
        )  # fmt: skip
        write(listing_file(url), html)
    for tpl in env.list_templates(filter_func=lambda t: t.startswith("static/")):
        write(tpl.removeprefix("static/").removesuffix(".j2"), env.get_template(tpl).render(
            **ctx_base, popular=popular[:5]))  # fmt: skip
    for tpl in env.list_templates(filter_func=lambda t: t.startswith("feeds/")):
        out = tpl.removeprefix("feeds/").removesuffix(".j2")
        write(out, env.get_template(tpl).render(**ctx_base, items=own))


def expected(articles: list[Article], iso: dict[str, str]) -> list[dict[str, Any]]:
    by_key = {a.key: a for a in articles}
    rows = []
    for a in sorted(articles, key=lambda a: (a.outlet, a.published)):
        orig = by_key[a.reprint_of] if a.reprint_of else None
        rows.append({
            "outlet": a.outlet, "path": a.path, "title": a.title,
            "published": a.published.date().isoformat(), "relevant": a.relevant,
            "regions": a.regions, "iso": [iso[r] for r in a.regions], "projects": a.projects,
            "reprint_of": orig.path if orig else None,
            "reprint_of_outlet": orig.outlet if orig else None,
            "seed": a.seed,
        })  # fmt: skip
    return rows


def build(out: Path = DEMO) -> list[dict[str, Any]]:
    """Write ``out/sites/<outlet>/public/`` and ``out/expected.json``; return the expected rows."""
    outlets = yaml.safe_load((DEMO / "outlets.yml").read_text(encoding="utf-8"))
    articles, iso = load_articles()
    for a in articles:
        cfg = outlets[a.outlet]
        a.path = article_path(a, cfg)
        a.old_path = (cfg.get("old_slugs") or {}).get(a.key)
    for name, cfg in outlets.items():
        build_outlet(name, cfg, articles, out)
    rows = expected(articles, iso)
    (out / "expected.json").write_text(
        json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Render the demo outlets from demo/articles.yml.")
    parser.add_argument("--out", type=Path, default=DEMO, help="output root (default: demo/)")
    args = parser.parse_args(argv)
    rows = build(args.out)
    print(f"{len(rows)} articles on {len({r['outlet'] for r in rows})} outlets -> {args.out}")


if __name__ == "__main__":
    main()
