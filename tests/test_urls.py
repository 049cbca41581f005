"""URL identity: tracking parameters, default ports, case, fragments; outlets by origin."""

from __future__ import annotations

import pytest

from newsmon.core.urls import absolute, canonical_url, origin, same_origin


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://Site.RU/news/1?utm_source=vk&utm_medium=social", "https://site.ru/news/1"),
        ("https://site.ru/news/1?id=5&utm_campaign=x#comments", "https://site.ru/news/1?id=5"),
        ("https://site.ru:443/news/1", "https://site.ru/news/1"),
        ("http://site.ru:80/news/1", "http://site.ru/news/1"),
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:8001/a"),
        ("https://site.ru/n?yclid=1&fbclid=2&gclid=3&ysclid=4", "https://site.ru/n"),
        ("https://site.ru/n?b=2&a=1", "https://site.ru/n?a=1&b=2"),
        ("https://site.ru/news/%d0%bc%d0%b8%d1%80", "https://site.ru/news/%D0%BC%D0%B8%D1%80"),
        ("https://site.ru/news/мир", "https://site.ru/news/%D0%BC%D0%B8%D1%80"),
        ("https://site.ru", "https://site.ru/"),
        ("https://site.ru/News/A.html", "https://site.ru/News/A.html"),  # paths are case-sensitive
        ("https://site.ru/?PAGEN_1=2&utm_term=x", "https://site.ru/?PAGEN_1=2"),
        # «from» names a referrer when it holds a word, but a diary's pager offset when a number.
        ("https://site.ru/news/1?from=rss", "https://site.ru/news/1"),
        ("https://site.diary.ru/?from=20", "https://site.diary.ru/?from=20"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("http://127.0.0.1:8001/x", "http://127.0.0.1:8001/", True),
        ("http://127.0.0.1:8001/x", "http://127.0.0.1:8002/", False),  # outlets differ by port
        ("https://site.ru/x", "http://site.ru/", False),
        ("https://www.site.ru/x", "https://site.ru/", False),
        ("https://SITE.ru:443/x", "https://site.ru/", True),
    ],
)
def test_same_origin_compares_scheme_host_and_port(a, b, same):
    assert same_origin(a, b) is same


def test_origin_keeps_a_non_default_port():
    assert origin("http://127.0.0.1:8001/news/1?utm_source=x") == "http://127.0.0.1:8001"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("/news/1", "https://site.ru/news/1"),
        ("2", "https://site.ru/list/2"),
        ("#top", None),
        ("mailto:a@site.ru", None),
        ("javascript:void(0)", None),
        ("tel:+7000", None),
        ("ftp://site.ru/file", None),
        ("", None),
    ],
)
def test_absolute(href, expected):
    assert absolute("https://site.ru/list/", href) == expected
