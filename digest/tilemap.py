"""The tile-grid map of Russia: one square per federal subject in its rough geographic place,
shaded by the number of materials — a map that works in email where real maps do not.

The layout is data: digest/data/tilemap.yml (row, col and a short label per ISO code).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from PIL import Image, ImageDraw

from digest.charts import BACKGROUND, MUTED_COLOUR, SCALE, WIDTH, font, png_bytes
from digest.text import number
from newsmon.core.datafiles import read_data

EMPTY_COLOUR = (232, 234, 237)
# Light to dark blue: shades for 1+ materials, split at quantiles of the period's counts.
SHADES = ((198, 219, 239), (140, 185, 222), (74, 141, 199), (31, 111, 178), (8, 64, 129))
LIGHT_TEXT, DARK_TEXT = (255, 255, 255), (40, 40, 40)


@dataclass(frozen=True)
class Tile:
    iso: str
    row: int
    col: int
    label: str


@dataclass(frozen=True)
class Layout:
    rows: int
    cols: int
    tiles: tuple[Tile, ...]


@functools.cache
def layout() -> Layout:
    raw = yaml.safe_load(
        read_data("digest", "tilemap.yml")
    )
    tiles = tuple(
        Tile(iso=iso, row=int(t["row"]), col=int(t["col"]), label=str(t["label"]))
        for iso, t in raw["tiles"].items()
    )
    return Layout(rows=int(raw["rows"]), cols=int(raw["cols"]), tiles=tiles)


def thresholds(values: list[int]) -> list[int]:
    """Lower bounds of the shades: quantiles of the non-zero counts, distinct, ascending."""
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return [1]
    bounds: list[int] = []
    for i in range(len(SHADES)):
        bound = positive[min(len(positive) - 1, i * len(positive) // len(SHADES))]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def shade(value: int, bounds: list[int]) -> tuple[int, int, int]:
    if value <= 0:
        return EMPTY_COLOUR
    index = max(i for i, b in enumerate(bounds) if value >= b) if value >= bounds[0] else 0
    # Spread the available bounds over the palette so the largest always gets the darkest shade.
    step = (len(SHADES) - 1) / max(len(bounds) - 1, 1)
    return SHADES[round(index * step)] if len(bounds) > 1 else SHADES[-2]


def tile_map(materials: dict[str, int], *, width: int = WIDTH) -> bytes:
    """PNG bytes of the map; `materials` maps ISO code → materials of the period."""
    grid = layout()
    s = SCALE
    gap = 2 * s
    legend_h = 30 * s
    tile = (width * s - gap * (grid.cols + 1)) // grid.cols
    full_w = width * s
    height = gap + grid.rows * (tile + gap) + legend_h
    image = Image.new("RGB", (full_w, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    bounds = thresholds(list(materials.values()))
    label_font, count_font = font(int(tile * 0.26)), font(int(tile * 0.30), bold=True)
    for t in grid.tiles:
        value = materials.get(t.iso, 0)
        x0 = gap + t.col * (tile + gap)
        y0 = gap + t.row * (tile + gap)
        colour = shade(value, bounds)
        draw.rounded_rectangle((x0, y0, x0 + tile, y0 + tile), radius=3 * s, fill=colour)
        ink = LIGHT_TEXT if sum(colour) < 400 else DARK_TEXT
        cx = x0 + tile // 2
        label_y = y0 + tile * 0.32 if value else y0 + tile // 2
        draw.text((cx, label_y), t.label, font=label_font, fill=ink, anchor="mm")
        if value:
            draw.text((cx, y0 + tile * 0.70), number(value), font=count_font, fill=ink,
                      anchor="mm")
    _legend(draw, bounds, max(materials.values(), default=0), height - legend_h + 8 * s)
    return png_bytes(image)


def _legend(draw: ImageDraw.ImageDraw, bounds: list[int], peak: int, top: int) -> None:
    s = SCALE
    fnt = font(11 * s)
    x = 2 * s
    items = [(EMPTY_COLOUR, "нет материалов")]
    for i, bound in enumerate(bounds):
        upper = bounds[i + 1] - 1 if i + 1 < len(bounds) else peak
        text = number(bound) if upper <= bound else f"{number(bound)}–{number(upper)}"
        items.append((shade(bound, bounds), text))
    for colour, text in items:
        draw.rectangle((x, top, x + 14 * s, top + 14 * s), fill=colour)
        draw.text((x + 18 * s, top + 7 * s), text, font=fnt, fill=MUTED_COLOUR, anchor="lm")
        x += int(18 * s + draw.textlength(text, font=fnt) + 14 * s)
