"""A channel speaks of its own region: a post naming no federal subject is about its home region.

A regional ministry's, governor's or NGO's Telegram channel writes about its region without naming
it («Горячая линия работает ежедневно», «Пермяки могут записать ребёнка…», «Собянин: в столице…»),
while a website's article that names no place is as often federal news. So for sources whose
kind says so (newsmon.sources.kinds: `home_by_default`), a material whose tagger found no region
is attributed to the home region — unless it speaks of the country as a whole (a federal law,
Росстат's national figures, a contest open to every region): those stay without a region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from pipeline.tag.doc import RegionHit

# Lemmas naming the country itself or its federal authorities: a text with one is about the whole
# country. Not «всероссийский»: an event's scope («призёры всероссийской олимпиады»), not a subject.
NATIONAL_LEMMAS = frozenset({
    "россия", "рф", "страна", "президент", "путин", "федеральный", "госдума", "правительство рф",
    "росстат", "сфр",
})  # fmt: skip
_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")


def is_national(text: str) -> bool:
    """The text speaks of the country as a whole («в России», «Президент подписал», «страны»)."""
    from pipeline.lang.morph import lemma

    words = [lemma(w) for w in _WORD_RE.findall(text)]
    pairs = {f"{a} {b}" for a, b in pairwise(words)}
    return bool(NATIONAL_LEMMAS & (set(words) | pairs))


def with_home_default(
    regions: Sequence[RegionHit], text: str, home_iso: str | None
) -> list[RegionHit]:
    """`regions`, or the home region once when none was found and the text is not national."""
    if regions or not home_iso or is_national(text):
        return list(regions)
    from pipeline.tag.regions.gazetteer import all_regions

    home = next((r for r in all_regions() if r.iso == home_iso), None)
    return [RegionHit(home.name, home.iso, 1)] if home else []
