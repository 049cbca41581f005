"""Mechanisms from blind sets 32 and 33's first looks (#17): the pieces a press release or a
legacy portal lost, each pinned on a small page."""

from __future__ import annotations

import datetime

from pipeline.extract import dateline
from pipeline.extract.cascade import extract
from pipeline.extract.pagetype import non_article_reason
from pipeline.tag.run import load_tag_config
from pipeline.tag.topics import match_topics
from spiders.discovery import link_kind

NOW = datetime.datetime(2025, 11, 28, 18)
LEAD = ("С июля по сентябрь помощь «Поморского дома» получили 214 семей, в которых растут 503 "
        "ребёнка. Больше всего обращений было из Архангельска, Северодвинска и Котласа.")
LAST = ("Ни один ребёнок из сопровождаемых семей за квартал не был изъят из семьи. Подробный "
        "отчёт о расходах опубликуем в разделе «Отчёты» в начале следующего месяца.")


def test_a_list_the_text_extractor_dropped_between_two_paragraphs_is_restored():
    """trafilatura drops a press release's <ul> between two paragraphs of one container; the
    items go back between them. A «Читайте также» line there stays out."""
    items = ("<ul><li>96 семей получили продуктовые наборы и детские вещи;</li>"
             "<li>7 мам с детьми жили в кризисной квартире;</li></ul>")
    page = ("<html><head><title>Итоги квартала</title></head><body><div class='block'>"
            "<h1>Итоги третьего квартала: 214 семей получили помощь</h1></div>"
            f"<div class='block block-text'><div class='text-block'><p>{LEAD}</p>{items}"
            f"<p>{LAST}</p><p class='post-date'><small>Опубликовано: 6 ноября 2025</small></p>"
            "</div></div></body></html>")
    text = extract(page.encode(), "https://pomor.test/novosti/itogi", crawl_time=NOW).text
    assert "7 мам с детьми жили в кризисной квартире;" in text.split("\n\n")
    assert text.index("96 семей") < text.index("Ни один ребёнок")


def test_a_date_line_with_the_posters_name_and_a_reading_count_is_a_date_line():
    """PHP-Nuke: «Опубликовано Четверг, 6 ноября 2025 @ 10:40:00 MSK пользователем admin (336
    прочтений)»; a sentence with a date stays a sentence."""
    line = "Опубликовано Четверг, 6 ноября 2025 @ 10:40:00 MSK пользователем admin (336 прочтений)"
    assert dateline.dateline_date(line, NOW) == datetime.date(2025, 11, 6)
    assert dateline.dateline_date("Акция продлится до 31 августа 2025 года.", NOW) is None


def test_a_version_for_the_visually_impaired_is_a_twin_not_a_second_material():
    twin = ("<html><head><title>Т (версия для слабовидящих)</title></head><body>"
            "<div class='special-panel'><a href='/ru/news/den-otca.html'>Обычная версия</a></div>"
            f"<h1>В День отца глава района наградил отцов</h1><p>{LEAD}</p><p>{LAST}</p>"
            "</body></html>").encode()
    reason = non_article_reason("https://mc.test/special/ru/news/den-otca.html", "https://mc.test/",
                                twin)
    assert reason and "https://mc.test/ru/news/den-otca.html" in reason
    assert link_kind("https://mc.test/special/ru/news/den-otca.html",
                     "Версия для слабовидящих") == "other"
    assert link_kind("https://mc.test/ru/news/den-otca.html",
                     "В День отца глава района наградил многодетных отцов") == "article"


def test_a_word_read_first_as_a_noun_meets_the_querys_adjective():
    """«беременным студенткам»: pymorphy2 reads «беременным» first as the noun «беременная», the
    query's «беременная» as the adjective «беременный»; the support-measure topic must match."""
    topics = load_tag_config().topics
    text = ("Правительство Архангельской области продлило региональную выплату беременным "
            "студенткам на 2026 год.")
    assert "Меры поддержки семей с детьми" in match_topics(text, topics)
