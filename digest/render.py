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

# Longer tables end in one compact line: Gmail clips an HTML part beyond ~100 KB.
TABLE_ROWS = 20


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
    env.globals["plural"] = text.plural
    env.globals["plural_form"] = lambda n, word: text.plural_form(n, text.WORDS[word])
    return env


def make_images(data: DigestData) -> list[Image]:
    """The chart and the map for a non-empty digest (none for an empty one)."""
    if data.is_empty or not data.regions:
        return []
    from digest.charts import bar_chart
    from digest.tilemap import tile_map

    previous = {r["iso"]: r["materials"] - r["change"]["delta"] for r in data.regions}
    rows = data.chart_regions
    return [
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


def render_html(data: DigestData, images: dict[str, str] | None = None, *,
                inline: bool = True) -> str:
    """The report as one HTML document; CSS inlined into style attributes unless `inline=False`."""
    html = environment().get_template("digest.html.j2").render(d=data, images=images or {},
                                                               table_rows=TABLE_ROWS)
    if inline:
        html = _inliner().inline(html)
    return html


@functools.cache
def _inliner() -> css_inline.CSSInliner:
    # @media (phones, print) and @page cannot live in style attributes: they stay in <style>.
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render_text(data: DigestData) -> str:
    return environment().get_template("digest.txt.j2").render(d=data)
