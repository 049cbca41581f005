"""The outlet's local time anchors relative dates (issue 5)."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract.localtime import local_time, utc_offsets
from pipeline.tag.regions.gazetteer import all_regions

UTC = datetime.timezone.utc


@pytest.mark.parametrize(
    ("iso", "hours"),
    [
        ("RU-MOW", 3),
        ("RU-KGD", 2),
        ("RU-SAM", 4),
        ("RU-SVE", 5),
        ("RU-NVS", 7),
        ("RU-IRK", 8),
        ("RU-SA", 9),
        ("RU-KHA", 10),
        ("RU-MAG", 11),
        ("RU-KAM", 12),
        ("RU-DPR", 3),
    ],
)
def test_capital_offsets(iso, hours):
    assert utc_offsets()[iso] == hours


def test_every_federal_subject_has_an_offset():
    assert {r.iso for r in all_regions()} == set(utc_offsets())


def test_far_east_is_already_tomorrow_when_utc_is_still_yesterday():
    fetched = datetime.datetime(2024, 3, 10, 20, 30, tzinfo=UTC)
    local = local_time(fetched, "RU-KHA")
    assert local.date() == datetime.date(2024, 3, 11)
    assert local.utcoffset() == datetime.timedelta(hours=10)
    assert local == fetched  # the same instant


def test_naive_time_is_read_as_utc_and_unknown_region_as_moscow():
    local = local_time(datetime.datetime(2024, 3, 10, 22, 0), None)
    assert (local.date(), local.hour) == (datetime.date(2024, 3, 11), 1)


def test_yesterday_on_a_far_east_page_is_anchored_in_local_time():
    from pipeline.extract.cascade import extract

    html = (
        "<html><body><h1>В Хабаровске открыли кризисный центр для мам</h1>"
        "<div class='date'>Вчера, 18:40</div>"
        "<p>В Хабаровске начал работу кризисный центр для женщин с детьми, оказавшихся в трудной "
        "жизненной ситуации. Одновременно в нём могут жить шесть семей.</p></body></html>"
    )
    fetched = datetime.datetime(2024, 3, 10, 20, 30, tzinfo=UTC)  # 06:30 on 11 March in Хабаровск
    local = extract(html, "https://example.ru/n/1", crawl_time=local_time(fetched, "RU-KHA"))
    assert local.published == datetime.date(2024, 3, 10)
    naive_utc = extract(html, "https://example.ru/n/1", crawl_time=fetched)
    assert naive_utc.published == datetime.date(2024, 3, 9)


def test_unix_time_meta_is_read_in_the_outlets_time_zone():
    from pipeline.extract.dates import find_published

    # 2024-03-10 20:30 UTC: 23:30 in Москва, already 11 March in Хабаровск.
    html = (
        '<html><head><meta property="article:published_time" content="1710102600"></head>'
        "<body><h1>Заголовок</h1><p>Текст новости о поддержке семей с детьми в крае.</p></body>"
        "</html>"
    )
    crawl = datetime.datetime(2024, 3, 12, 1, 0, tzinfo=UTC)
    found = {
        iso: find_published(html, url="http://e.ru/1", now=local_time(crawl, iso))[0]
        for iso in ("RU-MOW", "RU-KHA")
    }
    assert found == {"RU-MOW": datetime.date(2024, 3, 10), "RU-KHA": datetime.date(2024, 3, 11)}
