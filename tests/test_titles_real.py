"""Titles on the kinds of pages the public sets showed (issue 15): small pages written here, each
for one class of miss on real pages — never copies of those pages."""

from __future__ import annotations

import datetime

import pytest

from pipeline.extract.cascade import extract

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


# og:title worded apart from the headline: only the <h1> can say it.
REWORDED_OG = (
    "<meta property='og:title' content='Сертификаты на отдых получили семьи конкурсантов'>"
)


@pytest.mark.parametrize(
    "title_tag",
    [
        f"Вести района - Новости - {HEADLINE}",  # the kept part «Новости - …» holds the <h1>
        f"{HEADLINE} - Анонс недели : Вести района",  # <h1> one piece, a subtitle the other
    ],
)
def test_h1_that_is_a_piece_of_the_title_tag_is_the_headline(title_tag):
    body = f"<div class='top'><a href='/'>Вести района</a></div><h1>{HEADLINE}</h1><p>{PARA}</p>"
    assert _title(body, f"<title>{title_tag}</title>{REWORDED_OG}") == HEADLINE


def test_one_word_h1_matching_the_title_tag_start_is_the_headline():
    body = (
        "<h1>Биатлон</h1><div class='rating'><span class='rating-title'>Оценка редакции</span>"
        f"</div><p>{PARA}</p>"
    )
    head = (
        "<title>Биатлон - Справочник - Вести</title><meta property='og:title' content='Биатлон'>"
        "<meta property='og:site_name' content='Вести Онлайн'>"
    )
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


# --- the site's name as the page states it: og:site_name, the home link, the host -------------


@pytest.mark.parametrize(
    ("title_tag", "body_extra"),
    [
        # The site's piece first, a section after it: named by the home link's logo.
        (f"Вестник района » Архив » {HEADLINE}", '<a href="/"><img alt="Вестник района"></a>'),
        # A slogan after the site's name (the host): the headline is what stands before it.
        (f"{HEADLINE} | vesti-rayona.ru | Газета для всей семьи", ""),
    ],
)
def test_site_pieces_named_by_the_page_are_cut_from_the_title(title_tag, body_extra):
    head = (
        f"<title>{title_tag}</title><meta property='og:title' content='{title_tag}'>"
        "<link rel='canonical' href='https://vesti-rayona.ru/news/1'>"
    )
    body = (
        f"{body_extra}<div class='logo'><h1><a href='/'>Вестник района</a></h1></div>"
        f"<div class='post'><h2>{HEADLINE}</h2><p>{PARA}</p></div>"
    )
    assert _title(body, head) == HEADLINE


def test_no_guess_cut_when_og_site_name_is_not_in_the_title():
    # «Итоги недели» is shorter than the rest, but the page says its site is «Вестник района».
    head = (
        "<title>Итоги недели – в районе открылись две новые школы</title>"
        "<meta property='og:site_name' content='Вестник района'>"
    )
    assert _title(f"<p>{PARA}</p>", head) == "Итоги недели – в районе открылись две новые школы"


def test_title_word_equal_to_the_site_name_inside_the_headline_stays():
    head = f"<title>Вестник: {HEADLINE}</title><meta property='og:site_name' content='Вестник'>"
    assert _title(f"<p>{PARA}</p>", head) == f"Вестник: {HEADLINE}"


def test_logo_h1_linking_home_loses_to_the_headline_that_repeats_the_title():
    body = (
        "<header><h1><a href='https://vesti-rayona.ru/'>Вестник района</a></h1></header>"
        f"<div class='post'><h2><a href='/news/1'>{HEADLINE}</a></h2><p>{PARA}</p></div>"
    )
    title = f"{HEADLINE} - Вестник района"
    head = f"<title>{title}</title><meta property='og:title' content='{title}'>"
    assert _title(body, head) == HEADLINE


def test_short_og_title_repeated_by_the_h1_is_the_headline():
    body = f"<h1>Выборы-2024</h1><div class='box-title'>Итоги голосования</div><p>{PARA}</p>"
    head = (
        "<title>Все о выборах в районе: кандидаты, участки и итоги голосования</title>"
        "<meta property='og:title' content='Выборы-2024'>"
    )
    assert _title(body, head) == "Выборы-2024"


def test_screen_reader_copy_of_the_title_is_not_the_headline():
    body = (
        f"<div class='site-branding'><h2 class='screen-reader-text'>{HEADLINE} | Вестник</h2></div>"
        f"<h1>Семьям вручили сертификаты</h1><p>{PARA}</p>"
    )
    assert _title(body, f"<title>{HEADLINE} | Вестник</title>") == "Семьям вручили сертификаты"


# --- a kicker, subtitle or date printed inside the headline element ---------------------------


@pytest.mark.parametrize(
    "h1",
    [
        f"<span class='roofline'>Соцподдержка</span> {HEADLINE}",
        f"<small>Хабаровск</small><br>{HEADLINE}",
        f"<div class='section'><a href='/society/'>Общество |</a></div><span>{HEADLINE}</span>",
        f"<span>{HEADLINE}</span> <small>Отдых в лагерях начнется в июне</small>",
        f"<time datetime='2024-05-12'>12 мая</time> {HEADLINE}",
    ],
    ids=["roofline", "small-kicker", "section-block", "subtitle", "date"],
)
def test_headline_element_is_cut_to_the_meta_title_it_holds(h1):
    head = f"<meta property='og:title' content='{HEADLINE}'>"
    assert _title(f"<h1>{h1}</h1><p>{PARA}</p>", head) == HEADLINE


def test_kicker_kept_when_every_meta_title_has_it():
    h1 = f"<span class='kicker'>Соцподдержка</span><span>: </span><span>{HEADLINE}</span>"
    head = f"<meta property='og:title' content='Соцподдержка: {HEADLINE}'>"
    assert _title(f"<h1>{h1}</h1><p>{PARA}</p>", head) == f"Соцподдержка: {HEADLINE}"


def test_kicker_heading_above_the_h1_is_not_the_headline():
    # og:title joins the kicker and the headline with a colon: the kicker is no piece of it.
    kicker = "Летний отдых детей из семей участников конкурса"
    body = f"<h4>{kicker}</h4><h1>Лагеря откроются в июне</h1><p>{PARA}</p>"
    og = f"{kicker}: лагеря откроются в июне"
    head = f"<meta property='og:title' content='{og}'><title>{og} - Вестник</title>"
    assert _title(body, head) == "Лагеря откроются в июне"


def test_product_name_starting_with_the_site_name_is_not_the_site():
    # «Vesti Online Pro 2024 для бизнеса и дома» on vesti.ru is a product, not the site's name.
    body = "<header><h1>Vesti Online Pro 2024</h1><h3>Новости района без рекламы и подписок</h3></header>"
    og = "Новости района без рекламы и подписок - Vesti Online Pro 2024 для бизнеса и дома"
    head = (
        f"<meta property='og:title' content='{og}'><title>{og}</title>"
        "<link rel='canonical' href='https://vesti.ru/pro'>"
    )
    assert _title(body + f"<p>{PARA}</p>", head) == "Vesti Online Pro 2024"


def test_h1_piece_beats_the_longer_subtitle_piece_of_the_title():
    sub = "Дети участников конкурса отдохнут в лагерях края этим летом бесплатно"
    body = f"<div class='article'><h1>Путевки вручены</h1><h2>{sub}</h2><p>{PARA}</p></div>"
    head = (
        f"<title>Путевки вручены - {sub} : vesti-rayona.ru</title>{REWORDED_OG}"
        "<link rel='canonical' href='https://vesti-rayona.ru/news/1'>"
    )
    assert _title(body, head) == "Путевки вручены"


def test_longest_part_named_by_a_meta_title_wins_over_a_kicker_og_names():
    h1 = f"<span class='roof'>Отдых</span> {HEADLINE}"
    ld = f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{HEADLINE}"}}</script>'
    head = f"<meta property='og:title' content='Отдых'>{ld}"
    assert _title(f"<h1>{h1}</h1><p>{PARA}</p>", head) == HEADLINE


def test_whole_title_in_application_name_is_not_the_site_name():
    title = f"{HEADLINE} - Вестник района"
    head = f"<title>{title}</title><meta name='application-name' content='{title}'>"
    assert _title(f"<h1>{HEADLINE}</h1><p>{PARA}</p>", head + REWORDED_OG) == HEADLINE


def test_headline_span_agreeing_with_og_beats_the_h1_with_a_different_kicker():
    h1 = f"<span class='dachzeile'>После проверки</span> <span class='headline'>{HEADLINE}</span>"
    head = f"<meta property='og:title' content='Итоги конкурса: {HEADLINE.lower()}'>"
    assert _title(f"<h1>{h1}</h1><p>{PARA}</p>", head) == HEADLINE


def test_chinese_title_is_not_a_short_section_name_and_loses_its_site_suffix():
    # Written without spaces: one «word» by whitespace, a full headline by its characters.
    body = (
        "<div class='head'><span>新华网</span></div>"
        "<p>即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。"
        "居家一日游、前后楼隔空喊话，这些举动却是众多市民近一个月来真实的经历。</p>"
    )
    assert _title(body, "<title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title>") == (
        "武汉的声音：有英勇的你，才有英雄的城！"
    )


def test_title_of_nothing_but_site_names_does_not_confirm_or_stand_for_a_headline():
    head = (
        "<title>Вестник • Вестник района</title><meta property='og:title' content='Вестник района'>"
        "<meta property='og:site_name' content='Вестник района'>"
    )
    body = f"<h1><a href='/'>Вестник района</a></h1><p>{HEADLINE}</p><p>{PARA}</p>"
    assert _title(body, head) == HEADLINE


def test_h1_that_is_most_of_the_title_tag_is_not_a_site_name_above_a_menu():
    # Five words and a menu below, like a site's name — but the <title> says it is the page's.
    menu = "<div><a href='/a'>Рецепты</a> <a href='/b'>Советы</a> <a href='/c'>Видео</a></div>"
    body = (
        f"<h1>Пирог с капустой и яйцом</h1>{menu}"
        f"<h3>Что понадобится для пирога на шесть порций</h3><p>{PARA}</p>"
    )
    head = "<title>Пирог с капустой и яйцом: рецепт | Вкусно дома</title>"
    assert _title(body, head) == "Пирог с капустой и яйцом"


def test_site_name_written_with_other_hyphens_and_case_is_cut_and_nothing_else():
    # The home link says «Фонд Семья детям», the title «ФОНД СЕМЬЯ-ДЕТЯМ»: the same name.
    body = f"<a href='/'>Фонд Семья детям</a><div>{PARA}</div>"
    title = "Отдых – лагеря откроются в июне | ФОНД СЕМЬЯ-ДЕТЯМ"
    assert _title(body, f"<title>{title}</title>") == "Отдых – лагеря откроются в июне"


def test_headline_ending_with_the_host_name_is_not_the_site_name():
    title = "Пятнадцать лет vesti-rayona.ru — vesti-rayona.ru"
    head = f"<title>{title}</title><link rel='canonical' href='https://vesti-rayona.ru/15'>"
    assert _title(f"<div>{PARA}</div>", head) == "Пятнадцать лет vesti-rayona.ru"
