"""The digest's PNGs: bar chart and tile-grid map, checked by their pixels."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from digest.charts import BAR_COLOUR, SCALE, WIDTH, bar_chart, fit_text, font, trend_chart
from digest.tilemap import (
    EMPTY_COLOUR,
    SHADES,
    label_px,
    shade,
    strips,
    thresholds,
    tile_map,
    tile_position,
)


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
    x, y = tile_position(iso)
    return x + 4 * SCALE, y + 4 * SCALE


def test_map_colours_the_tiles_of_regions_with_materials():
    image = png(tile_map({"RU-KHA": 12, "RU-MOW": 1, "RU-PRI": 3}))
    assert image.width == WIDTH * SCALE
    assert image.getpixel(tile_corner("RU-KHA")) == SHADES[-1]
    assert image.getpixel(tile_corner("RU-MOW")) == SHADES[0]
    assert image.getpixel(tile_corner("RU-SA")) == EMPTY_COLOUR


def test_map_is_cut_in_two_strips_west_above_east_for_phones():
    west, east = strips()
    assert {t.iso for t in west} >= {"RU-MOW", "RU-KGD", "RU-DA"}  # the Caucasus stays west
    assert {t.iso for t in east} >= {"RU-KHA", "RU-PRI", "RU-NVS", "RU-CHU"}
    assert len({t.iso for t in west} | {t.iso for t in east}) == 89
    assert tile_position("RU-MOW")[1] < tile_position("RU-NVS")[1]
    # labels stay legible when a 375 px phone shows the 400 px image at 343 px
    assert label_px() * 343 / WIDTH >= 10


def test_bar_chart_draws_one_bar_per_row_longest_first():
    rows = [("Хабаровский край", 10), ("Москва", 5), ("Чукотский автономный округ", 1)]
    image = png(bar_chart(rows))
    assert image.width == WIDTH * SCALE
    widths = []
    for y in range(image.height):
        run = sum(1 for x in range(image.width) if image.getpixel((x, y)) == BAR_COLOUR)
        if run and (not widths or widths[-1][0] != run):
            widths.append((run, y))
    bars = [w for w, _ in widths]
    assert len(bars) == 3 and bars[0] > bars[1] > bars[2] > 0
    assert abs(bars[0] / bars[1] - 2) < 0.1


def test_trend_chart_marks_the_period_and_draws_every_month():
    months = [(m, i) for i, m in enumerate("ноя дек янв фев мар апр май июн июл авг сен окт".split())]
    image = png(trend_chart(months))
    assert image.width == WIDTH * SCALE
    assert sum(1 for x in range(image.width) for y in range(0, image.height, 4)
               if image.getpixel((x, y)) == BAR_COLOUR) > 50  # the last month, dark


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
