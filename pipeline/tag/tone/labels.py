"""The tone labels and their Russian names (what counts, the digest and Datasette show)."""

from __future__ import annotations

from newsmon.core.errors import UserError

TONE_TAGGER = "tone"
RUSSIAN = {"positive": "позитивная", "neutral": "нейтральная", "negative": "негативная"}
# What a user may type after --tone: the label itself or a Russian word for it.
ALIASES = {
    **{k: k for k in RUSSIAN},
    **{v: k for k, v in RUSSIAN.items()},
    "позитив": "positive", "позитивный": "positive", "позитивные": "positive",
    "нейтрально": "neutral", "нейтральный": "neutral", "нейтральные": "neutral",
    "негатив": "negative", "негативный": "negative", "негативные": "negative",
}


def parse_tone(value: str) -> str:
    """`--tone негатив` → "negative"; anything else is one line naming the choices."""
    key = value.strip().lower().replace("ё", "е")
    if key not in ALIASES:
        raise UserError(f"--tone: ожидается positive, neutral или negative "
                        f"(позитивная, нейтральная, негативная), получено «{value}»")
    return ALIASES[key]
