"""Russian typography for the rendered digest: no one-letter word left at a line's end, no dash
starting a line, a number kept with the word it counts or dates («4 октября»), «№» with its number.

Applied to the finished HTML (text between tags only; <style>, <script> and attribute values are
left alone) and to the text part, so every sentence of every template gets it, including the
outlets' own titles.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
# A one-letter word (в, с, к, и, а, о, у, я, В…) and the space after it: «в\u00a0Хабаровске».
_ONE_LETTER = re.compile(r"(?<![\w\-\u0301&#])([A-Za-zА-Яа-яЁё])[ \t]+(?=[\w«\"(])")
# A space before a dash: «Москва\u00a0— столица»; a dash never starts a line.
_BEFORE_DASH = re.compile(r"[ \t]+([—–])(?=\s)")
_NUMERO = re.compile(r"№[ \t]+(?=\d)")
# A number and the word it counts or dates: «3\u00a0материала», «4\u00a0октября», «2025\u00a0года».
_NUMBER_WORD = re.compile(r"(?<![\w.,])(\d+)[ \t]+(?=[а-яё])")
_SKIP = re.compile(r"(<(style|script|title)\b.*?</\2>|<[^>]*>)", re.S | re.I)


def typeset(text: str) -> str:
    """Plain text with non-breaking spaces where Russian typography wants them."""
    text = _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text)
    text = _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text)  # «и в Москве»: overlapping pairs
    text = _BEFORE_DASH.sub(lambda m: NBSP + m.group(1), text)
    text = _NUMBER_WORD.sub(lambda m: m.group(1) + NBSP, text)
    return _NUMERO.sub("№" + NBSP, text)


def typeset_html(html: str) -> str:
    """`typeset` on every text node of an HTML document; tags and <style> untouched."""
    parts = _SKIP.split(html)
    out = []
    i = 0
    while i < len(parts):
        chunk = parts[i]
        out.append(typeset(chunk))
        if i + 1 < len(parts):
            out.append(parts[i + 1])  # the tag (or the whole <style>…</style>) as it was
        i += 3  # split() returns text, the outer group, the tag-name group
    return "".join(out)
