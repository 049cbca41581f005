"""Session 21's general mechanisms, each found on blind sets (90–97) and written here in other
words."""

from __future__ import annotations

import datetime

from pipeline.extract.cascade import extract
from pipeline.extract.localtime import local_time
from pipeline.tag.run import tag

SERVER = "http://127.0.0.1:8765/"
TEXT = (
    "В областном центре «Семья» открылся клуб для приёмных родителей. Встречи проходят по средам, "
    "их ведут психологи центра и опытные приёмные мамы.\n\n"
    "На первую встречу пришли двенадцать семей. Говорили о том, как подготовить ребёнка к школе "
    "и как не выгореть в первый год. Следующая встреча — о подростках."
)


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_visible_date_that_is_the_stamps_own_utc_day_does_not_move_it_a_day_back():
    # A blog that prints its dates in UTC, read in UTC+8 on the night of the post: 17:10 UTC is
    # already 01:10 the next day at home; the printed «November 20» is the same instant.
    paras = "".join(f"<p>{p}</p>" for p in TEXT.split("\n\n"))
    page = f"""<html><head><title>Клуб приёмных родителей</title>
<meta property="article:published_time" content="2025-11-20T17:10:00Z"></head><body>
<article><h1>Клуб приёмных родителей</h1>
<time class="dt-published" datetime="2025-11-20T17:10:00Z">November 20, 2025</time>
{paras}</article></body></html>"""
    night = local_time(datetime.datetime(2025, 11, 20, 18, 0, tzinfo=datetime.timezone.utc), "RU-IRK")
    got = extract(page, f"{SERVER}klub-priemnyh-roditeley", crawl_time=night)
    assert got.published == datetime.date(2025, 11, 21)
