"""The digest's PNGs: bar chart and tile-grid map, checked by their pixels."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from digest.charts import BAR_COLOUR, SCALE, WIDTH, bar_chart, fit_text, font
from digest.tilemap import EMPTY_COLOUR, SHADES, layout, shade, thresholds, tile_map


def png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG")
    return Image.open(io.BytesIO(data)).convert("RGB")


@pytest.mark.parametrize(
    ("values", "value", "expected"),
    [
        ([0, 0], 0, EMPTY_COLOUR),
        ([1, 2, 3, 40], 40, SHADES[-1]),
        ([1, 2, 3, 40], 1, SHADES[0]),
        ([5], 5, SHADES[-2]),  # one region: a strong colour, not the palest
        ([3, 3, 3], 3, SHADES[-2]),
    ],
)
def test_map_shades_zero_grey_and_the_largest_darkest(values, value, expected):
    assert shade(value, thresholds(values)) == expected


def tile_corner(iso: str) -> tuple[int, int]:
    grid = layout()
    gap = 2 * SCALE
    size = (WIDTH * SCALE - gap * (grid.cols + 1)) // grid.cols
    tile = next(t for t in grid.tiles if t.iso == iso)
    return gap + tile.col * (size + gap) + 4 * SCALE, gap + tile.row * (size + gap) + 4 * SCALE


def test_map_colours_the_tiles_of_regions_with_materials():
    image = png(tile_map({"RU-KHA": 12, "RU-MOW": 1, "RU-PRI": 3}))
    assert image.width == WIDTH * SCALE
    assert image.getpixel(tile_corner("RU-KHA")) == SHADES[-1]
    assert image.getpixel(tile_corner("RU-MOW")) == SHADES[0]
    assert image.getpixel(tile_corner("RU-SA")) == EMPTY_COLOUR


def test_bar_chart_draws_one_bar_per_row_longest_first():
    rows = [("Хабаровский край", 10), ("Москва", 5), ("Чукотский автономный округ", 1)]
    image = png(bar_chart(rows))
    assert image.width == WIDTH * SCALE
    row_h = 26 * SCALE
    widths = []
    for i in range(3):
        y = 8 * SCALE + i * row_h + row_h // 2 - 4 * SCALE
        widths.append(sum(1 for x in range(image.width) if image.getpixel((x, y)) == BAR_COLOUR))
    assert widths[0] > widths[1] > widths[2] > 0
    assert abs(widths[0] / widths[1] - 2) < 0.1


def test_long_region_name_is_shortened_to_its_column():
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    fnt = font(24)
    name = "Ханты-Мансийский автономный округ — Югра"
    short = fit_text(draw, name, fnt, 300)
    assert short.endswith("…") and draw.textlength(short, font=fnt) <= 300
    assert fit_text(draw, "Москва", fnt, 300) == "Москва"


def test_chart_fonts_have_cyrillic():
    if not getattr(font(20), "path", None):
        pytest.skip("no TrueType font with Cyrillic: apt-get install fonts-dejavu-core")
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    # a font without Cyrillic draws every letter as the same box
    widths = {draw.textlength(ch, font=font(20)) for ch in "ЖшыюЯ"}
    assert len(widths) > 1
