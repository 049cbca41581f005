"""Main text on page structures met on real sites (issue 15): pruning must never remove the
article itself, and a related-news box or a photo credit inside the text must not cut it."""

from __future__ import annotations

import datetime

import lxml.html

from pipeline.extract import boilerplate
from pipeline.extract.cascade import extract

NOW = datetime.datetime(2024, 5, 17, 12, 0)
TITLE = "В Хабаровском крае открыли центр семейного отдыха"
P1 = (
    "В Хабаровском крае открыли центр семейного отдыха для многодетных семей. Он будет "
    "принимать гостей круглый год, путевки распределяет министерство социальной защиты."
)
P2 = (
    "Первые двадцать семей уже заселились в новые домики на берегу Амура. Для детей работают "
    "кружки, спортивные площадки и библиотека, для родителей — консультации психологов."
)
P3 = (
    "Заявления на путевки принимают в многофункциональных центрах до конца года, очередь "
    "формируется по дате подачи. Семьи участников специальной военной операции — вне очереди."
)
FOOTER = "<footer><p>© 2024 Новости Хабаровска. Все права защищены.</p></footer>"
MENU = (
    '<ul class="menu"><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li>'
    '<li><a href="/docs">Документы</a></li></ul>'
)


def _text(body: str, title: str = TITLE) -> str:
    head = f'<meta charset="utf-8"><title>{title}</title>'
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract(html, "http://khv.example/news/1", crawl_time=NOW).text


def _paragraphs(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_page_wrapped_in_nav_keeps_its_article():
    body = f'<nav class="navbar">{MENU}<h1>{TITLE}</h1>{_paragraphs(P1, P2, P3)}</nav>{FOOTER}'
    assert _text(body) == "\n\n".join([P1, P2, P3])


# Prose elsewhere on the page (teasers in a column): with it, the article holds less than half
# of the page's prose, so only the structure can tell that the article is the article.
TEASERS = '<div class="column">' + "".join(
    f"<div><h3><a href='/n/{i}'>Новость {i}</a></h3><p>{P3.replace('путевки', str(i))}</p></div>"
    for i in range(4)
) + "</div>"


def test_headline_and_text_inside_aside_are_the_article():
    body = f"{MENU}<aside><h1>{TITLE}</h1>{_paragraphs(P1, P2, P3)}</aside>{TEASERS}{FOOTER}"
    assert _text(body).startswith("\n\n".join([P1, P2, P3]))


def test_article_container_with_a_widget_word_in_its_class_is_kept():
    # «commentary» contains «comment»; holding the headline and the text, it is the article.
    article = f'<div class="story commentary"><h1>{TITLE}</h1>{_paragraphs(P1, P2, P3)}</div>'
    assert _text(f"{MENU}{article}{TEASERS}").startswith("\n\n".join([P1, P2, P3]))


def test_long_comments_thread_is_not_the_article():
    comments = '<div class="comments">' + "".join(
        f'<p><b>user{i}:</b> {P3.replace("путевки", str(i))}</p>' for i in range(4)
    ) + "</div>"
    body = f'<div class="story"><h1>{TITLE}</h1>{_paragraphs(P1, P2)}</div>{comments}{TEASERS}'
    tree = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    pruned = boilerplate.prune(tree, tree.find(".//h1"))
    assert "user0" not in pruned.text_content()
    assert _text(body).startswith("\n\n".join([P1, P2]))


def test_paragraphs_whose_class_contains_a_widget_word_are_text():
    # Generated class names («tagStyle_x1») contain «tags».
    paragraphs = "".join(f'<p class="tagStyle_x1 body_2k">{p}</p>' for p in (P1, P2, P3))
    assert _text(f"<h1>{TITLE}</h1><div>{paragraphs}</div>") == "\n\n".join([P1, P2, P3])


def test_related_box_inside_the_text_removes_only_itself():
    box = (
        '<div class="incut"><b>Новости по теме</b><ul>'
        '<li><a href="/n/2">В Амурске открыли школу приемных родителей</a></li>'
        '<li><a href="/n/3">Губернатор вручил ключи от квартир сиротам</a></li></ul></div>'
    )
    body = f'<h1>{TITLE}</h1><div class="text">{_paragraphs(P1)}{box}{_paragraphs(P2, P3)}</div>'
    assert _text(body) == "\n\n".join([P1, P2, P3])


def test_related_box_after_the_text_still_ends_it():
    box = (
        '<div class="incut"><b>Новости по теме</b><ul>'
        '<li><a href="/n/2">В Амурске открыли школу приемных родителей</a></li></ul>'
        f"<p>{P3}</p></div>"
    )
    body = f'<h1>{TITLE}</h1><div class="text">{_paragraphs(P1, P2)}</div>{box}'
    assert _text(body) == "\n\n".join([P1, P2])


def test_photo_credit_between_paragraphs_does_not_cut_the_text():
    figure = '<figure><img src="/i.jpg"><figcaption>© Иван Петров</figcaption></figure>'
    body = f'<h1>{TITLE}</h1><div class="text">{_paragraphs(P1)}{figure}{_paragraphs(P2, P3)}</div>'
    assert _text(body) == "\n\n".join([P1, P2, P3])


def test_credit_line_between_paragraphs_does_not_cut_the_text():
    text = _paragraphs(P1, "© Фото: Иван Петров", P2, P3)
    body = f'<h1>{TITLE}</h1><div class="text">{text}</div>'
    assert _text(body) == "\n\n".join([P1, P2, P3])


def test_headline_found_below_the_first_paragraphs_does_not_remove_them():
    # A heading inside the text taken for the headline: what precedes it is the text, though
    # less than a third of it.
    more = [P3.replace("путевки", word) for word in ("билеты", "абонементы", "пропуска")]
    heading = "Как получить путевку"
    body = (
        f"{MENU}<div class='text'>{_paragraphs(P1)}<{{tag}}>{heading}</{{tag}}>"
        f"{_paragraphs(P2, P3, *more)}</div>"
    )
    for tag in ("h1", "h2"):
        assert _text(body.format(tag=tag), title=heading).startswith(P1), tag


def test_subtitle_above_the_date_line_is_not_text_when_the_extractor_drops_the_date():
    # trafilatura's balanced mode leaves a bare date line out; the page still shows where the
    # head ends.
    body = (
        f'<div class="art"><h1>{TITLE}</h1>'
        '<p class="subtitle">Первые семьи заселятся в домики в июне</p>'
        '<div class="art-date">12 мая 2024, 10:15</div>'
        f'<div class="art-text">{_paragraphs(P1, P2)}</div></div>'
    )
    assert _text(body) == "\n\n".join([P1, P2])


def test_first_sentence_in_a_script_without_spaces_is_not_a_rubric():
    # One «word» by whitespace, but a sentence: it ends with «。».
    first = "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために体罰をすることが禁止されました。"
    second = "厚生労働省は、どのような行為が体罰になるのかを説明する指針をつくって、全国に知らせることにしています。"
    third = "指針では、子どもをたたくことや長い時間正座させることなどが体罰にあたると書かれています。"
    body = f"<h1>体罰を禁止する法律</h1>{_paragraphs(first, second + third + second)}"
    assert _text(body, title="体罰を禁止する法律").startswith(first)


def test_stop_heading_over_long_linked_headlines_ends_the_text():
    # The box is long only through its links: it is still a heading over headlines, and all that
    # follows it (a column of popular news) goes with it.
    teasers = [P3.replace("путевки", str(i)) for i in range(3)]
    links = "".join(f'<p><a href="/n/{i}">{teaser}</a></p>' for i, teaser in enumerate(teasers))
    popular = "".join(f'<p class="pop"><a href="/p/{i}">Новость дня {i}</a></p>' for i in range(3))
    body = (
        f'<h1>{TITLE}</h1><div class="txt">{_paragraphs(P1, P2)}</div>'
        f'<div class="also"><b>Ранее мы писали:</b>{links}</div><div class="right">{popular}</div>'
    )
    assert _text(body) == "\n\n".join([P1, P2])
