"""PNG images for the digest, drawn with Pillow: email clients show PNG everywhere, SVG rarely.

Phone first: each image is drawn for a display width of WIDTH CSS pixels — about a phone's width —
and shown at `width="WIDTH"` with `max-width: 100%`, so a phone scales it down only a little and
every label stays at least ~11 px (LABEL_PX × scale; tests/test_digest_browser.py measures it).
Images are drawn at twice their display size so they stay sharp on high-density screens.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from digest.text import number

SCALE = 2
WIDTH = 400  # display width in CSS pixels: a phone shows the image nearly at this size
LABEL_PX = 15  # label type size in CSS pixels at WIDTH: ≥ 10.5 px even on a 320 px phone
VALUE_PX = 15
BAR_COLOUR = (31, 111, 178)
PREVIOUS_COLOUR = (176, 196, 222)
TEXT_COLOUR = (34, 34, 34)
MUTED_COLOUR = (110, 110, 110)
BACKGROUND = (255, 255, 255)

# Fonts with Cyrillic, most likely first (Debian: fonts-dejavu-core, fonts-liberation).
FONT_FILES = {
    False: ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf", "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/arial.ttf"),
    True: ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
           "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "C:/Windows/Fonts/arialbd.ttf"),
}


@functools.cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_FILES[bold]:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def fit_text(draw: ImageDraw.ImageDraw, text: str, fnt, width: int) -> str:
    """The text, shortened with an ellipsis to fit `width` pixels (long region names)."""
    if draw.textlength(text, font=fnt) <= width:
        return text
    while text and draw.textlength(text + "…", font=fnt) > width:
        text = text[:-1]
    return text.rstrip(" ,—–-") + "…"


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def bar_chart(
    rows: Sequence[tuple[str, int]], previous: Sequence[int] | None = None,
    *, width: int = WIDTH,
) -> bytes:
    """Horizontal bars, one row per (label, value), largest first as given; PNG bytes.

    Each row is the label on a line of its own with the bar under it, so a long region name is
    never shrunk to fit a column at phone width. With `previous`, a thin pale bar under each bar
    shows the previous period's value.
    """
    s = SCALE
    label_h, bar_h, prev_h, gap = 20 * s, 14 * s, 4 * s, 10 * s
    row_h = label_h + bar_h + prev_h + 2 * s + gap
    pad = 4 * s
    full_w = width * s
    value_w = 54 * s
    height = pad * 2 + row_h * max(len(rows), 1)
    image = Image.new("RGB", (full_w, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    label_font, value_font = font(LABEL_PX * s), font(VALUE_PX * s, bold=True)
    bar_area = full_w - value_w - pad * 2
    peak = max([v for _, v in rows] + list(previous or []) + [1])
    for i, (label, value) in enumerate(rows):
        top = pad + i * row_h
        draw.text((pad, top + label_h // 2), fit_text(draw, label, label_font, full_w - pad * 2),
                  font=label_font, fill=TEXT_COLOUR, anchor="lm")
        bar_top = top + label_h
        bar_w = max(int(bar_area * value / peak), 2 * s if value else 0)
        draw.rectangle((pad, bar_top, pad + bar_w, bar_top + bar_h), fill=BAR_COLOUR)
        if previous is not None:
            prev_w = int(bar_area * previous[i] / peak)
            if prev_w:
                draw.rectangle((pad, bar_top + bar_h + 2 * s, pad + prev_w,
                                bar_top + bar_h + 2 * s + prev_h), fill=PREVIOUS_COLOUR)
        draw.text((pad + bar_w + 6 * s, bar_top + bar_h // 2), number(value), font=value_font,
                  fill=TEXT_COLOUR, anchor="lm")
    return png_bytes(image)


def trend_chart(months: Sequence[tuple[str, int]], *, width: int = WIDTH) -> bytes:
    """Vertical bars for the last months (label «окт», value), the last one — the period — dark;
    a value above each bar, a zero written as «0» so an empty month shows as empty, not missing."""
    s = SCALE
    # Month names alternate between two lines: twelve of them side by side at a legible size
    # would touch at phone width.
    pad, label_h, value_h, plot_h = 4 * s, 40 * s, 20 * s, 110 * s
    full_w = width * s
    height = pad * 2 + value_h + plot_h + label_h
    image = Image.new("RGB", (full_w, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    label_font, value_font = font(LABEL_PX * s), font(LABEL_PX * s, bold=True)
    n = max(len(months), 1)
    slot = (full_w - pad * 2) / n
    peak = max([v for _, v in months] + [1])
    base = pad + value_h + plot_h
    draw.line((pad, base, full_w - pad, base), fill=MUTED_COLOUR, width=s)
    for i, (label, value) in enumerate(months):
        cx = pad + slot * i + slot / 2
        bar_h = int(plot_h * value / peak)
        colour = BAR_COLOUR if i == len(months) - 1 else PREVIOUS_COLOUR
        if bar_h:
            draw.rectangle((cx - slot * 0.32, base - bar_h, cx + slot * 0.32, base), fill=colour)
        draw.text((cx, base - bar_h - 3 * s), number(value), font=value_font, fill=TEXT_COLOUR,
                  anchor="mb")
        line = (len(months) - 1 - i) % 2  # the period's own month on the upper line
        draw.text((cx, base + 11 * s + line * 18 * s), label, font=label_font, fill=MUTED_COLOUR,
                  anchor="mm")
    return png_bytes(image)
