"""<link rel="canonical">: trusted on the outlet's own origin, ignored elsewhere."""

from __future__ import annotations

import pytest

from pipeline.extract.canonical import find_canonical

PAGE = "https://site.ru/m/news/5?utm_source=tg"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="https://site.ru/news/5">', "https://site.ru/news/5"),
        ("<link href='/news/5' rel='canonical'>", "https://site.ru/news/5"),  # relative, reordered
        ('<LINK REL=canonical HREF=/news/5?utm_medium=x>', "https://site.ru/news/5"),
        ('<link rel="canonical" href="https://partner.ru/news/5">', "https://site.ru/m/news/5"),
        ('<link rel="alternate" href="https://site.ru/amp/5">', "https://site.ru/m/news/5"),
        ("", "https://site.ru/m/news/5"),  # no declaration: the URL itself, without tracking
    ],
)
def test_find_canonical(head, expected):
    body = f"<html><head>{head}<title>Т</title></head><body><p>Текст</p></body></html>"
    assert find_canonical(body.encode("utf-8"), PAGE) == expected


def test_canonical_in_a_windows_1251_page():
    body = '<html><head><link rel="canonical" href="/news/5"><title>Новости</title></head></html>'
    assert find_canonical(body.encode("cp1251"), PAGE) == "https://site.ru/news/5"


def test_canonical_on_another_port_is_another_outlet():
    body = b'<link rel="canonical" href="http://127.0.0.1:8002/news/5">'
    assert find_canonical(body, "http://127.0.0.1:8001/news/5") == "http://127.0.0.1:8001/news/5"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # A partner's reprint names the agency's page: the material is that page's republication.
        ('<link rel="canonical" href="https://sfr.gov.ru/press/123/">', "https://sfr.gov.ru/press/123/"),
        # The same document on another host (a blog's platform address, www.): a mirror.
        ('<link rel="canonical" href="https://blog.wordpress.com/m/news/5">', None),
        ('<link rel="canonical" href="https://site.ru/news/5">', None),  # the outlet's own page
        ("", None),
    ],
)
def test_republished_original(head, expected):
    from pipeline.extract.canonical import republished_original

    body = f"<html><head>{head}<title>Т</title></head><body><p>Текст</p></body></html>"
    assert republished_original(body.encode("utf-8"), PAGE) == expected
