from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.core.errors import UserError
from newsmon.sources.config import load_sources

GOOD = """\
sources:
  - name: amurpress
    url: https://www.amurpress.ru/
    region: Хабаровский край
    feeds: [https://www.amurpress.ru/rss.xml]
  - name: local-b
    url: http://127.0.0.1:8002/
    region: НСО
    selectors: {text: div.news-detail, date: span.date}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sources_load_with_official_region_names(tmp_path):
    config = load_sources(write(tmp_path, GOOD))
    first, second = config.sources
    assert (first.name, first.region, first.region_iso) == ("amurpress", "Хабаровский край", "RU-KHA")
    assert first.feeds == ("https://www.amurpress.ru/rss.xml",)
    assert second.region == "Новосибирская область"
    assert second.origin == "http://127.0.0.1:8002"
    assert second.selectors.text == "div.news-detail"
    assert config.user_dir == tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources:\n  - name: a\n    url: [unclosed\n", "строка"),
        ("sources: 5\n", "sources"),
        ("sources:\n  - name: a\n    url: ftp://x/\n    region: Москва\n", "строка 2: url"),
        ("sources:\n  - name: a\n    url: http://x/\n", "строка 2: у источника нет поля region"),
        ("sources:\n  - name: a\n    url: http://x/\n    region: Нарния\n", "Неизвестный регион"),
        ("sources:\n  - name: a\n    url: http://x/\n    region: Москва\n    feed: [http://x/]\n",
         "неизвестное поле 'feed'"),
        ("sources:\n  - {name: a, url: 'http://x/', region: Москва}\n"
         "  - {name: a, url: 'http://y/', region: Москва}\n", "строка 3: имя источника 'a' повторяется"),
        ("sources:\n  - name: bad name\n    url: http://x/\n    region: Москва\n", "имя источника"),
        ("sources:\n  - name: a\n    url: http://x/\n    region: Москва\n    selectors:\n"
         "      text: 'div[class=='\n", "строка 6: selectors.text: неверный CSS-селектор"),
    ],
)
def test_bad_sources_file_names_file_and_line(tmp_path, text, message):
    with pytest.raises(UserError, match=message) as err:
        load_sources(write(tmp_path, text))
    assert "sources.yml" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_sources_file(tmp_path):
    with pytest.raises(UserError, match="Файл не найден"):
        load_sources(tmp_path / "nope.yml")


def test_selecting_unknown_source_suggests_nearest(tmp_path):
    config = load_sources(write(tmp_path, GOOD))
    with pytest.raises(UserError, match="amurpress"):
        config.select(["amurpres"])


def test_title_is_the_outlets_human_name(tmp_path):
    text = GOOD.replace("    feeds: [https://www.amurpress.ru/rss.xml]\n",
                        "    feeds: [https://www.amurpress.ru/rss.xml]\n"
                        "    title: «Амурская  правда»\n")
    first, second = load_sources(write(tmp_path, text)).sources
    assert first.title == "«Амурская правда»" and second.title is None
    with pytest.raises(UserError, match="строка 2: title"):
        load_sources(write(tmp_path, "sources:\n  - name: a\n    url: http://x/\n"
                                     "    region: Москва\n    title: [1]\n"))
