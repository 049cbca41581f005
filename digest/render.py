"""Jinja2 rendering of the digest: HTML with CSS inlined for email clients, and the text part.

Images are referenced through `images`: name → src (``cid:…`` in email, a data: URI in the
standalone HTML and PDF version).
"""

from __future__ import annotations

import base64
import functools
from dataclasses import dataclass

import css_inline
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from digest import text
from digest.build import DigestData
from digest.typography import typeset, typeset_html
from digest.wording import Wording

# Longer tables end in one compact line: Gmail clips an HTML part beyond ~100 KB.
TABLE_ROWS = 20
# The email lists at most this many materials in its appendix (the rest are in the attached PDF
# and spreadsheet, and in the HTML file); the HTML file and the PDF list every one.
EMAIL_APPENDIX_MATERIALS = 150
EMAIL_BYTES = 95_000


@dataclass(frozen=True)
class Image:
    name: str  # file name in the email, e.g. "regions.png"
    cid: str  # Content-ID without brackets
    data: bytes
    alt: str


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("digest", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters["ru_date"] = text.ru_date
    env.filters["number"] = text.number
    env.filters["clip"] = text.clip
    env.filters["upper_first"] = text.upper_first
    env.filters["ru_day"] = text.ru_day
    env.globals["plural"] = text.plural
    env.globals["plural_form"] = lambda n, word: text.plural_form(n, text.WORDS[word])
    return env


def make_images(data: DigestData) -> list[Image]:
    """The 12-month trend, the regions chart and the map for a non-empty digest (none for an
    empty one; no regions chart or map when no material has a region)."""
    if data.is_empty:
        return []
    from digest.charts import bar_chart, trend_chart
    from digest.tilemap import tile_map

    trend = Image("trend.png", "trend@newsmon",
                  trend_chart([(m["label"], m["materials"]) for m in data.trend]),
                  "Материалы за 12 месяцев")
    if not data.regions:
        return [trend]
    previous = {r["iso"]: r["materials"] - r["change"]["delta"] for r in data.regions}
    rows = data.chart_regions
    return [trend,
        Image("regions.png", "regions@newsmon",
              bar_chart([(r["region"], r["materials"]) for r in rows],
                        [previous[r["iso"]] for r in rows]),
              "Регионы по числу материалов"),
        Image("map.png", "map@newsmon",
              tile_map({r["iso"]: r["materials"] for r in data.regions}),
              "Карта: материалы по субъектам РФ"),
    ]


def data_uris(images: list[Image]) -> dict[str, str]:
    return {
        img.name: "data:image/png;base64," + base64.b64encode(img.data).decode("ascii")
        for img in images
    }


def cid_sources(images: list[Image]) -> dict[str, str]:
    return {img.name: f"cid:{img.cid}" for img in images}


def appendix_stories(data: DigestData, materials: int | None) -> int:
    """How many of the appendix's stories fit `materials` materials (None: all of them)."""
    if materials is None:
        return len(data.appendix)
    total = 0
    for i, group in enumerate(data.appendix):
        total += 1 + len(group["reprints"])
        if total > materials:
            return i
    return len(data.appendix)


def render_html(data: DigestData, images: dict[str, str] | None = None, *,
                inline: bool = True, email: bool = False, attachments: str = "") -> str:
    """The report as one HTML document; CSS inlined into style attributes unless `inline=False`.

    `email`: the letter's version, whose appendix lists at most EMAIL_APPENDIX_MATERIALS
    materials and stops earlier when the HTML would pass EMAIL_BYTES (Gmail clips a longer part;
    the rest are in the attachments); `attachments` names the attached files in the footer."""
    if not email:
        return _render(data, images, inline, False, attachments, None)
    limit = EMAIL_APPENDIX_MATERIALS
    while True:
        html = _render(data, images, inline, True, attachments, limit)
        size = len(html.encode("utf-8"))
        if size <= EMAIL_BYTES or limit == 0:
            return html
        # each listed material costs about the same: drop enough of them, with a margin
        shown = sum(1 + len(g["reprints"])
                    for g in data.appendix[:appendix_stories(data, limit)])
        per_item = max(1, size // max(shown, 1)) if shown else size
        limit = max(0, min(limit - 1, shown - (size - EMAIL_BYTES) // max(per_item, 300) - 5))


def _render(data: DigestData, images: dict[str, str] | None, inline: bool, email: bool,
            attachments: str, limit: int | None) -> str:
    html = environment().get_template("digest.html.j2").render(
        d=data, w=Wording(data), images=images or {}, table_rows=TABLE_ROWS,
        appendix_stories=appendix_stories(data, limit), attachments=attachments, email=email)
    html = typeset_html(html)
    if inline:
        html = _inliner().inline(html)
    return html


@functools.cache
def _inliner() -> css_inline.CSSInliner:
    # @media (phones, print) and @page cannot live in style attributes: they stay in <style>.
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render_text(data: DigestData) -> str:
    return typeset(environment().get_template("digest.txt.j2").render(d=data, w=Wording(data)))
