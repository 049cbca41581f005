"""Titles on the kinds of pages the public sets showed (issue 15): small pages written here, each
for one class of miss on real pages — never copies of those pages."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract import extract

NOW = datetime.datetime(2024, 5, 17, 12, 0)
PARA = (
    "В Хабаровском крае стартовал проект по профилактике социального сиротства. "
    "Кураторы семей помогут родителям справиться с трудностями и сохранить детей в семье."
)
HEADLINE = "Семьям участников конкурса вручили сертификаты на отдых"


def _title(body: str, head: str = "") -> str | None:
    html = f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return extract(html, "https://vesti-rayona.ru/news/1", crawl_time=NOW).title


# --- the <h1> that is one piece of «Сайт - Раздел - Заголовок» is the headline, not the site --


@pytest.mark.parametrize(
    "title_tag",
    [
        f"Вести района - Новости - {HEADLINE}",  # the kept part «Новости - …» holds the <h1>
        f"{HEADLINE} - Анонс недели : Вести района",  # <h1> one piece, a subtitle the other
    ],
)
def test_h1_that_is_a_piece_of_the_title_tag_is_the_headline(title_tag):
    body = f"<div class='top'><a href='/'>Вести района</a></div><h1>{HEADLINE}</h1><p>{PARA}</p>"
    assert _title(body, f"<title>{title_tag}</title>") == HEADLINE


def test_one_word_h1_matching_the_title_tag_start_is_the_headline():
    body = f"<h1>Биатлон</h1><div class='rating'><span>Оценка</span></div><p>{PARA}</p>"
    head = "<title>Биатлон - Справочник - Вести</title><meta property='og:title' content='Биатлон'>"
    assert _title(body, head) == "Биатлон"


# --- ruby annotations, entities in JSON-LD, Unicode forms ------------------------------------


def test_ruby_readings_are_not_part_of_the_headline():
    body = "<h1><ruby>漢字<rt>かんじ</rt></ruby>を<ruby>学<rp>(</rp><rt>まな</rt><rp>)</rp></ruby>ぶ</h1>"
    assert _title(body + f"<p>{PARA}</p>") == "漢字を学ぶ"


def test_entities_in_a_json_ld_headline_are_decoded():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Итоги года в Твери: город воинской славы &#171;в цифрах&#187;"}</script>'
    )
    assert _title(f"<div>{PARA}</div>", ld) == "Итоги года в Твери: город воинской славы «в цифрах»"
