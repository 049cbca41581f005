"""The tile-grid map of Russia: one square per federal subject in its rough geographic place,
shaded by the number of materials — a map that works in email where real maps do not.

The layout is data: digest/data/tilemap.yml (row, col and a short label per ISO code). For a
phone the 18-column grid is cut in two — the west above, Siberia and the Far East below — so each
tile is twice as wide as in one strip and its label stays legible at 375 px (LABEL_RATIO).
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
LABEL_RATIO, COUNT_RATIO = 0.34, 0.36  # type sizes as a share of the tile's side
PARTS = 2  # the grid's columns are drawn in this many strips, one under the other


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
    strip_moves: tuple[tuple[str, int, int], ...] = ()  # (iso, row, col) when cut in strips


@functools.cache
def layout() -> Layout:
    raw = yaml.safe_load(
        read_data("digest", "tilemap.yml")
    )
    tiles = tuple(
        Tile(iso=iso, row=int(t["row"]), col=int(t["col"]), label=str(t["label"]))
        for iso, t in raw["tiles"].items()
    )
    moves = tuple((iso, int(m["row"]), int(m["col"]))
                  for iso, m in (raw.get("strip_moves") or {}).items())
    return Layout(rows=int(raw["rows"]), cols=int(raw["cols"]), tiles=tiles, strip_moves=moves)


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


def strips(parts: int = PARTS) -> list[list[Tile]]:
    """The grid cut into `parts` strips of equal width, west first, each with its own row and
    column numbers from 0 (empty rows at a strip's top and bottom dropped)."""
    grid = layout()
    tiles = list(grid.tiles)
    if parts > 1:
        moved = {iso: (row, col) for iso, row, col in grid.strip_moves}
        tiles = [Tile(t.iso, *moved[t.iso], t.label) if t.iso in moved else t for t in tiles]
    size = -(-grid.cols // parts)
    out = []
    for start in range(0, grid.cols, size):
        part = [t for t in tiles if start <= t.col < start + size]
        if part:
            top = min(t.row for t in part)
            out.append([Tile(t.iso, t.row - top, t.col - start, t.label) for t in part])
    return out


def _strip_rows(strip: list[Tile]) -> int:
    return max(t.row for t in strip) + 1


GAP, STRIP_GAP = 2, 10  # CSS pixels between tiles and between strips


def tile_size(width: int = WIDTH, parts: int = PARTS) -> int:
    """A tile's side in image pixels (SCALE × CSS pixels)."""
    cols = -(-layout().cols // parts)
    gap = GAP * SCALE
    return (width * SCALE - gap * (cols + 1)) // cols


def label_px(width: int = WIDTH, parts: int = PARTS) -> float:
    """The tile labels' type size in CSS pixels when the image is shown `width` px wide."""
    return int(tile_size(width, parts) * LABEL_RATIO) / SCALE


def _positions(width: int, parts: int) -> tuple[dict[str, tuple[int, int, Tile]], int]:
    """Each subject's tile → its top-left pixel; and the height of the strips."""
    gap, strip_gap, tile = GAP * SCALE, STRIP_GAP * SCALE, tile_size(width, parts)
    out: dict[str, tuple[int, int, Tile]] = {}
    top = 0
    for strip in strips(parts):
        for t in strip:
            out[t.iso] = (gap + t.col * (tile + gap), top + gap + t.row * (tile + gap), t)
        top += gap + _strip_rows(strip) * (tile + gap) + strip_gap
    return out, top - strip_gap


def tile_position(iso: str, *, width: int = WIDTH, parts: int = PARTS) -> tuple[int, int]:
    """The top-left pixel of a subject's tile in tile_map's image (tests use it)."""
    x, y, _ = _positions(width, parts)[0][iso]
    return x, y


def tile_map(materials: dict[str, int], *, width: int = WIDTH, parts: int = PARTS) -> bytes:
    """PNG bytes of the map; `materials` maps ISO code → materials of the period."""
    s = SCALE
    legend_h = 52 * s
    tile = tile_size(width, parts)
    positions, strips_h = _positions(width, parts)
    full_w = width * s
    height = strips_h + legend_h
    image = Image.new("RGB", (full_w, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    bounds = thresholds(list(materials.values()))
    label_font = font(int(tile * LABEL_RATIO))
    count_font = font(int(tile * COUNT_RATIO), bold=True)
    for iso, (x0, y0, t) in positions.items():
        value = materials.get(iso, 0)
        colour = shade(value, bounds)
        draw.rounded_rectangle((x0, y0, x0 + tile, y0 + tile), radius=3 * s, fill=colour)
        ink = LIGHT_TEXT if sum(colour) < 400 else DARK_TEXT
        cx = x0 + tile // 2
        label_y = y0 + tile * 0.30 if value else y0 + tile // 2
        draw.text((cx, label_y), t.label, font=label_font, fill=ink, anchor="mm")
        if value:
            text, fnt = number(value), count_font
            if draw.textlength(text, font=fnt) > tile - 4 * s:  # «1 234» in a narrow tile
                fnt = font(int(tile * COUNT_RATIO * 0.7), bold=True)
            draw.text((cx, y0 + tile * 0.70), text, font=fnt, fill=ink, anchor="mm")
    _legend(draw, bounds, max(materials.values(), default=0), height - legend_h + 8 * s)
    return png_bytes(image)


def _legend(draw: ImageDraw.ImageDraw, bounds: list[int], peak: int, top: int) -> None:
    s = SCALE
    fnt = font(13 * s)
    x = 2 * s
    items = [(EMPTY_COLOUR, "нет материалов")]
    for i, bound in enumerate(bounds):
        upper = bounds[i + 1] - 1 if i + 1 < len(bounds) else peak
        text = number(bound) if upper <= bound else f"{number(bound)}–{number(upper)}"
        items.append((shade(bound, bounds), text))
    for colour, text in items:
        item_w = int(18 * s + draw.textlength(text, font=fnt))
        if x > 2 * s and x + item_w > draw.im.size[0]:  # wrap the legend at phone width
            x, top = 2 * s, top + 22 * s
        draw.rectangle((x, top, x + 14 * s, top + 14 * s), fill=colour)
        draw.text((x + 18 * s, top + 7 * s), text, font=fnt, fill=MUTED_COLOUR, anchor="lm")
        x += int(18 * s + draw.textlength(text, font=fnt) + 14 * s)
