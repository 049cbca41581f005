"""PNG images for the digest, drawn with Pillow: email clients show PNG everywhere, SVG rarely.

Images are drawn at twice their display size so they stay sharp on high-density screens.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from digest.text import number

SCALE = 2
WIDTH = 600  # display width in CSS pixels
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

    With `previous`, a thin pale bar under each row shows the previous period's value.
    """
    s = SCALE
    row_h, pad = 26 * s, 8 * s
    label_w, value_w = 230 * s, 60 * s
    full_w = width * s
    height = pad * 2 + row_h * max(len(rows), 1)
    image = Image.new("RGB", (full_w, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    label_font, value_font = font(12 * s), font(12 * s, bold=True)
    bar_area = full_w - label_w - value_w - pad * 2
    peak = max([v for _, v in rows] + list(previous or []) + [1])
    for i, (label, value) in enumerate(rows):
        top = pad + i * row_h
        mid = top + row_h // 2
        draw.text((pad, mid), fit_text(draw, label, label_font, label_w - pad * 2),
                  font=label_font, fill=TEXT_COLOUR, anchor="lm")
        x0 = pad + label_w
        bar_w = max(int(bar_area * value / peak), 2 * s if value else 0)
        draw.rectangle((x0, top + 5 * s, x0 + bar_w, top + row_h - 9 * s), fill=BAR_COLOUR)
        if previous is not None:
            prev_w = int(bar_area * previous[i] / peak)
            if prev_w:
                draw.rectangle((x0, top + row_h - 7 * s, x0 + prev_w, top + row_h - 4 * s),
                               fill=PREVIOUS_COLOUR)
        draw.text((x0 + bar_w + 6 * s, mid - 1 * s), number(value), font=value_font,
                  fill=TEXT_COLOUR, anchor="lm")
    return png_bytes(image)
