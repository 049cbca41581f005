"""Build the page-type evaluation set: pages/*.html and gold.json.

Run from the repository root: ``.venv/bin/python eval/pagetype/build_pages.py``. The output is
committed; this script documents how it was made. Every page is an invented regional outlet or
ministry page in the markup style of one CMS family; gold per page: ``url``, ``source_url``,
``is_article``, ``kind`` (the page class), ``family`` and ``part`` (``dev`` or ``heldout``).

Structure is varied by a seeded random generator: teaser shape (image, date before/after, excerpt,
heading tag), list container (ul/li, divs, table rows, cards), sidebars with news feeds on every
page, related-news blocks and comments under articles, URLs that say the opposite of the page
(a listing at an article-like address, an article whose slug says «arkhiv»).
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts import (  # noqa: E402
    CAPTIONS,
    COMMENTS,
    EVENTS,
    HEADLINES,
    MONTHS_GEN,
    MONTHS_NOM,
    PEOPLE,
    QUESTIONS,
    SENTENCES,
)

E = html.escape

ARTICLE_KINDS = [
    "news_short",
    "news",
    "interview",
    "photo_report",
    "related_comments",
    "feature",
    "news_tags",
    "official",
]
NON_ARTICLE_KINDS = [
    "month_archive",
    "day_archive",
    "category",
    "tag",
    "author",
    "search",
    "gallery",
    "afisha",
    "profile",
    "staff",
    "contacts",
    "home",
    "paginated",
    "full_archive",
    "documents",
    "video_list",
]

FAMILIES = [
    "wordpress",
    "bitrix",
    "joomla",
    "dle",
    "drupal",
    "ucoz",
    "tilda",
    "gov",
    "nextjs",
    "custom",
    "netcat",
]

HOSTS = {
    "wordpress": ["kamvesti.ru", "ural-pravda.ru", "nashgorod59.ru"],
    "bitrix": ["vestnik-tomsk.ru", "oblgazeta-nsk.ru", "sibinfo.ru"],
    "joomla": ["rayon-info.ru", "selskaya-nov.ru", "krai-news.ru"],
    "dle": ["novosti-kungur.ru", "gorod-online.ru", "news-kirov.ru"],
    "drupal": ["pravda-severa.ru", "volga-media.ru", "izvestia-udm.ru"],
    "ucoz": ["mo-sosnovka.ucoz.ru", "shkola3.ucoz.net", "gazeta-zarya.ucoz.ru"],
    "tilda": ["centr-dobro.ru", "fond-rost.tilda.ws", "molodezh59.ru"],
    "gov": ["minsoc.permkrai.ru", "minobr.tomsk.gov.ru", "mintrud.nso.ru"],
    "nextjs": ["newsmedia-ural.ru", "sibir.today", "region.media"],
    "custom": ["tv-regions.ru", "obl-tv.ru", "infopoint.ru"],
    "netcat": ["gazeta-vremya.ru", "zvezda-kama.ru", "mestnye.ru"],
}


class Ctx:
    """One page being built: its random stream, family, host and the date it pretends to be."""

    def __init__(self, rng: random.Random, family: str, host: str) -> None:
        self.rng = rng
        self.family = family
        self.host = host
        self.day = datetime.date(2025, rng.randint(8, 11), rng.randint(1, 28))

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def sentences(self, n: int) -> str:
        return " ".join(self.rng.sample(SENTENCES, n))

    def headline(self) -> str:
        return self.pick(HEADLINES)

    def date_text(self, d: datetime.date | None = None) -> str:
        d = d or self.day
        form = {
            "wordpress": [f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year}", d.strftime("%d.%m.%Y")],
            "dle": [d.strftime("%d-%m-%Y, %H:%M").replace("00:00", "14:20"), "Вчера, 17:05"],
            "ucoz": [d.strftime("%d.%m.%Y")],
            "bitrix": [d.strftime("%d.%m.%Y"), d.strftime("%d.%m.%Y 11:04")],
        }.get(self.family, [d.strftime("%d.%m.%Y"), f"{d.day} {MONTHS_GEN[d.month - 1]}, 14:20"])
        return self.pick(form)

    def older(self, k: int) -> datetime.date:
        return self.day - datetime.timedelta(days=k)

    def slug(self) -> str:
        return self.pick(
            ["otkryli-polikliniku", "volontery-sobrali-nabory", "kotelnye-gotovy", "robototekhnika",
             "vystavka-khudozhnikov", "remont-mosta", "vakansii-tsentr-zanyatosti-nazval",
             "posobie-sroki", "krazha-kabelya", "posadka-derevev", "urozhay", "veterany-v-muzee"]
        )

    def link(self, path: str) -> str:
        return f"https://{self.host}{path}"


# ---------------------------------------------------------------------------------------------
# Dialects: class names per CMS family


DIALECT: dict[str, dict[str, str]] = {
    "wordpress": dict(
        main="site-main", list="posts-list", item="post type-post hentry", title="entry-title",
        date="entry-date published", excerpt="entry-summary", body="entry-content",
        pager="nav-links", side="widget-area", header="site-header", footer="site-footer",
        item_tag="article",
    ),
    "bitrix": dict(
        main="content-area", list="news-list", item="news-item", title="news-item__title",
        date="news-date-time", excerpt="news-item__preview", body="news-detail",
        pager="bx-pagination", side="sidebar", header="header", footer="footer", item_tag="div",
    ),
    "joomla": dict(
        main="main", list="blog", item="item column-1", title="page-header", date="published",
        excerpt="item-intro", body="item-page", pager="pagination", side="sidebar-right",
        header="header", footer="footer", item_tag="div",
    ),
    "dle": dict(
        main="content", list="dle-content", item="shortstory", title="short-title",
        date="date", excerpt="story-text", body="fullstory", pager="navigation",
        side="rightside", header="head", footer="foot", item_tag="div",
    ),
    "drupal": dict(
        main="region-content", list="view-content", item="views-row", title="field--name-title",
        date="field--name-created", excerpt="field--name-body", body="field--name-body",
        pager="pager", side="region-sidebar-second", header="region-header",
        footer="region-footer", item_tag="div",
    ),
    "ucoz": dict(
        main="mainContent", list="allEntries", item="eBlock", title="eTitle", date="eDetails",
        excerpt="eMessage", body="eMessage", pager="catPages1", side="sidebar",
        header="header", footer="footer", item_tag="table",
    ),
    "tilda": dict(
        main="t-records", list="t-feed__container", item="t-feed__post", title="t-name t-name_xl",
        date="t-uptitle", excerpt="t-descr", body="t-text t-text_md", pager="t-feed__showmore",
        side="t-rec", header="t-rec t228", footer="t-rec t-footer", item_tag="div",
    ),
    "gov": dict(
        main="page-content", list="news-list", item="news-list__item", title="news-list__title",
        date="news-list__date", excerpt="news-list__lead", body="article__text",
        pager="paginator", side="aside-menu", header="gov-header", footer="gov-footer",
        item_tag="div",
    ),
    "nextjs": dict(
        main="Layout_main__3kP2x", list="Feed_list__aZ91q", item="Card_card__Hx7Qe",
        title="Card_title__9LmWq", date="Card_date__kq2Bz", excerpt="Card_lead__7ttRn",
        body="Article_body__P0pLk", pager="Pager_root__x1", side="Sidebar_root__Qm2Z",
        header="Header_root__aa1", footer="Footer_root__bb2", item_tag="div",
    ),
    "custom": dict(
        main="wrap", list="feed", item="story", title="story__head", date="story__time",
        excerpt="story__anons", body="text", pager="more-pages", side="col-right",
        header="top", footer="bottom", item_tag="div",
    ),
    "netcat": dict(
        main="tpl-content", list="tpl-block-list", item="tpl-block-list-object",
        title="tpl-field-title", date="tpl-field-date", excerpt="tpl-field-anounce",
        body="tpl-field-text", pager="tpl-pagination", side="tpl-sidebar",
        header="tpl-header", footer="tpl-footer", item_tag="div",
    ),
}


def d(ctx: Ctx) -> dict[str, str]:
    return DIALECT[ctx.family]


# ---------------------------------------------------------------------------------------------
# Pieces


def paragraphs(ctx: Ctx, n: int, lo: int = 2, hi: int = 4) -> list[str]:
    return [ctx.sentences(ctx.rng.randint(lo, hi)) for _ in range(n)]


def render_paras(ctx: Ctx, paras: list[str]) -> str:
    if ctx.family == "tilda":  # Tilda's text blocks are one div with <br><br> between paragraphs
        return f'<div class="{d(ctx)["body"]}" field="text">' + "<br /><br />".join(
            E(p) for p in paras
        ) + "</div>"
    if ctx.family == "ucoz" and ctx.chance(0.5):
        return "<br><br>\n".join(E(p) for p in paras)
    return "\n".join(f"<p>{E(p)}</p>" for p in paras)


def teaser(ctx: Ctx, k: int, shape: dict) -> str:
    dd = d(ctx)
    title = ctx.headline()
    url = ctx.link(article_url(ctx, ctx.older(k)))
    date = f'<span class="{dd["date"]}">{E(ctx.date_text(ctx.older(k)))}</span>'
    img = (
        f'<a href="{url}"><img src="/upload/iblock/{k:03d}/thumb.jpg" alt="{E(title)}"></a>'
        if shape["img"]
        else ""
    )
    htag = shape["htag"]
    head = f'<{htag} class="{dd["title"]}"><a href="{url}">{E(title)}</a></{htag}>'
    excerpt = ""
    if shape["excerpt"]:
        text = ctx.sentences(shape["excerpt"])
        if shape.get("cut"):
            text = text[: ctx.rng.randint(110, 180)].rstrip() + "…"
        excerpt = f'<div class="{dd["excerpt"]}"><p>{E(text)}</p></div>'
    more = f' <a class="more-link" href="{url}">Читать далее</a>' if shape["more"] else ""
    parts = [img, date, head, excerpt] if shape["date_first"] else [img, head, date, excerpt]
    inner = "\n".join(p for p in parts if p) + more
    if shape.get("views"):
        inner += f'\n<span class="views">{ctx.rng.randint(40, 900)}</span>'
    if dd["item_tag"] == "table":
        return f'<table class="{dd["item"]}" border="0" width="100%"><tr><td>{inner}</td></tr></table>'
    if shape["container"] == "li":
        return f"<li class=\"{dd['item']}\">{inner}</li>"
    if shape["container"] == "tr":
        return f"<tr class=\"{dd['item']}\"><td>{date}</td><td>{head}{excerpt}</td></tr>"
    return f'<{dd["item_tag"]} class="{dd["item"]}">{inner}</{dd["item_tag"]}>'


def teaser_shape(ctx: Ctx) -> dict:
    return dict(
        img=ctx.chance(0.5),
        htag=ctx.pick(["h2", "h3", "div", "h2", "h4"]),
        excerpt=ctx.pick([0, 1, 2, 2, 3]),
        cut=ctx.chance(0.4),
        more=ctx.chance(0.3),
        date_first=ctx.chance(0.5),
        container=ctx.pick(["div", "div", "li", "tr"]) if ctx.family != "ucoz" else "div",
        views=ctx.chance(0.3),
    )


def teaser_list(ctx: Ctx, n: int, start: int = 0, shape: dict | None = None) -> str:
    shape = shape or teaser_shape(ctx)
    items = "\n".join(teaser(ctx, start + i, shape) for i in range(n))
    dd = d(ctx)
    if shape["container"] == "li":
        return f'<ul class="{dd["list"]}">{items}</ul>'
    if shape["container"] == "tr":
        return f'<table class="{dd["list"]}">{items}</table>'
    return f'<div class="{dd["list"]}">{items}</div>'


def pager(ctx: Ctx, current: int = 1) -> str:
    dd = d(ctx)
    style = ctx.pick(["numbers", "numbers", "more", "prevnext"])
    if style == "more":
        return f'<div class="{dd["pager"]}"><a href="?PAGEN_1={current + 1}">Показать ещё</a></div>'
    if style == "prevnext":
        return (
            f'<div class="{dd["pager"]}"><a href="page/{current + 1}/">← Предыдущие записи</a>'
            + (f' <a href="page/{current - 1}/">Следующие записи →</a>' if current > 1 else "")
            + "</div>"
        )
    nums = " ".join(
        f"<span class='current'>{i}</span>" if i == current else f'<a href="?page={i}">{i}</a>'
        for i in range(1, 6)
    )
    return f'<div class="{dd["pager"]}">{nums} … <a href="?page=24">24</a> <a href="?page={current + 1}">»</a></div>'


def sidebar(ctx: Ctx) -> str:
    dd = d(ctx)
    if ctx.chance(0.25):
        return ""
    shape = dict(teaser_shape(ctx), img=False, excerpt=0, more=False, container="li", htag="div")
    items = "\n".join(teaser(ctx, 30 + i, shape) for i in range(ctx.rng.randint(4, 7)))
    title = ctx.pick(["Последние новости", "Популярное", "Лента новостей", "Читают сейчас"])
    extra = ""
    if ctx.chance(0.4):
        extra = (
            '<div class="widget widget_calendar"><table id="wp-calendar"><caption>'
            f"{MONTHS_NOM[ctx.day.month - 1]} {ctx.day.year}</caption>"
            + "".join(
                "<tr>" + "".join(f'<td><a href="/{ctx.day.year}/{ctx.day.month:02d}/{w * 7 + i + 1:02d}/">{w * 7 + i + 1}</a></td>' for i in range(7)) + "</tr>"
                for w in range(4)
            )
            + "</table></div>"
        )
    if ctx.chance(0.3):
        extra += '<div class="widget"><h3>Подписка</h3><form><input type="email" placeholder="E-mail"><button>Подписаться</button></form></div>'
    return (
        f'<aside class="{dd["side"]}"><div class="widget"><h3 class="widget-title">{title}</h3>'
        f"<ul>{items}</ul></div>{extra}</aside>"
    )


NAV = ["Новости", "Общество", "Экономика", "Происшествия", "Спорт", "Культура", "Афиша", "Фото",
       "Видео", "Контакты"]


def header(ctx: Ctx) -> str:
    dd = d(ctx)
    menu = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(ctx.rng.sample(NAV, ctx.rng.randint(5, 10))))
    logo_h1 = ctx.family == "joomla" and ctx.chance(0.5)
    logo = (
        f'<h1 class="logo"><a href="/">{E(site_name(ctx))}</a></h1>'
        if logo_h1
        else f'<a class="logo" href="/"><img src="/logo.png" alt="{E(site_name(ctx))}"></a>'
    )
    search = (
        '<form class="search-form" action="/search/"><input name="q" type="text" placeholder="Поиск"><button>Найти</button></form>'
        if ctx.chance(0.6)
        else ""
    )
    return f'<header class="{dd["header"]}">{logo}<nav><ul class="menu">{menu}</ul></nav>{search}</header>'


def footer(ctx: Ctx) -> str:
    dd = d(ctx)
    return (
        f'<footer class="{dd["footer"]}"><p>© 2008–2025 {E(site_name(ctx))}. Все права защищены. '
        "При использовании материалов ссылка обязательна.</p><p>Свидетельство о регистрации СМИ "
        "ЭЛ № ФС 77-12345 выдано Роскомнадзором. 16+</p>"
        '<ul><li><a href="/about/">О редакции</a></li><li><a href="/reklama/">Реклама</a></li></ul></footer>'
    )


def site_name(ctx: Ctx) -> str:
    return {
        "gov": "Министерство социального развития края",
        "tilda": "Благотворительный фонд «Рост»",
        "ucoz": "Сосновское сельское поселение",
    }.get(ctx.family, "Городские вести")


def article_url(ctx: Ctx, day: datetime.date) -> str:
    f = ctx.family
    n = ctx.rng.randint(1000, 99999)
    return {
        "wordpress": f"/{day.year}/{day.month:02d}/{day.day:02d}/{ctx.slug()}/",
        "bitrix": f"/news/{ctx.pick(['society', 'economy', 'incidents'])}/{n}/",
        "joomla": f"/index.php/novosti/{n}-{ctx.slug()}",
        "dle": f"/{ctx.pick(['news', 'obshestvo'])}/{n}-{ctx.slug()}.html",
        "drupal": f"/node/{n}",
        "ucoz": f"/news/{ctx.slug()}/{day.strftime('%Y-%m-%d')}-{n % 900}",
        "tilda": f"/tpost/{ctx.rng.randint(10**9, 10**10):x}-{ctx.slug()}",
        "gov": f"/press/news/{n}/",
        "nextjs": f"/news/{day.isoformat()}/{ctx.slug()}-{n}",
        "custom": f"/news/{n}.html",
        "netcat": f"/news/news_{n}.html",
    }[f]


def shell(ctx: Ctx, title: str, content: str, og: str | None, jsonld: dict | None = None,
          next_data: dict | None = None) -> str:
    head = [f"<title>{E(title)} — {E(site_name(ctx))}</title>", '<meta charset="utf-8">']
    if og and ctx.chance(0.6):
        head.append(f'<meta property="og:type" content="{og}">')
    head.append(f'<meta property="og:title" content="{E(title)}">')
    if jsonld and ctx.chance(0.6):
        head.append(
            '<script type="application/ld+json">' + json.dumps(jsonld, ensure_ascii=False) + "</script>"
        )
    side = sidebar(ctx)
    layout = ctx.pick(["main-first", "side-first"]) if side else "main-first"
    dd = d(ctx)
    main = f'<main class="{dd["main"]}">{content}</main>'
    cols = main + side if layout == "main-first" else side + main
    body = f"{header(ctx)}<div class='container'>{cols}</div>{footer(ctx)}"
    if ctx.family == "nextjs":
        body = f'<div id="__next">{body}</div>' + (
            '<script id="__NEXT_DATA__" type="application/json">'
            + json.dumps(next_data or {"props": {"pageProps": {}}, "page": "/"}, ensure_ascii=False)
            + "</script>"
        )
    if ctx.family == "tilda":
        body = f'<div id="allrecords" class="t-records" data-tilda-project-id="{ctx.rng.randint(10**6, 10**7)}">{body}</div>'
    return (
        "<!DOCTYPE html>\n<html lang=\"ru\"><head>" + "".join(head) + "</head>\n<body>"
        + body + "<script>window.ym&&ym(123,'hit');</script></body></html>\n"
    )


# ---------------------------------------------------------------------------------------------
# Articles


def headline_el(ctx: Ctx, text: str) -> str:
    dd = d(ctx)
    if ctx.family == "joomla" and ctx.chance(0.6):
        return f'<div class="page-header"><h2 itemprop="headline">{E(text)}</h2></div>'
    if ctx.family == "tilda":
        tag = ctx.pick(["h1", "div"])
        return f'<{tag} class="t-feed__post-popup__title t-title t-title_xs" field="title">{E(text)}</{tag}>'
    if ctx.family == "ucoz" and ctx.chance(0.5):
        return f'<div class="eTitle">{E(text)}</div>'
    if ctx.family == "dle" and ctx.chance(0.4):
        return f"<h2 class=\"title\">{E(text)}</h2>"
    return f'<h1 class="{dd["title"]}">{E(text)}</h1>'


def meta_line(ctx: Ctx) -> str:
    dd = d(ctx)
    bits = [f'<time class="{dd["date"]}" datetime="{ctx.day.isoformat()}">{E(ctx.date_text())}</time>']
    if ctx.chance(0.5):
        name = ctx.pick(PEOPLE)[0].split()
        bits.append(f'<a class="author" href="/author/{ctx.slug()[:6]}/">{name[1]} {name[0]}</a>')
    if ctx.chance(0.5):
        bits.append(f'<a class="rubric" href="/{ctx.pick(["society", "economy"])}/">{ctx.pick(NAV[:6])}</a>')
    if ctx.chance(0.4):
        bits.append(f'<span class="views">👁 {ctx.rng.randint(50, 3000)}</span>')
    return '<div class="meta">' + " · ".join(bits) + "</div>"


def related_block(ctx: Ctx) -> str:
    title = ctx.pick(["Читайте также", "Новости по теме", "Другие новости", "Материалы по теме"])
    shape = dict(teaser_shape(ctx), excerpt=ctx.pick([0, 0, 1]), more=False, container=ctx.pick(["li", "div"]))
    return f'<section class="related"><h3>{title}</h3>{teaser_list(ctx, ctx.rng.randint(3, 6), 10, shape)}</section>'


def comments_block(ctx: Ctx) -> str:
    items = "".join(
        f'<div class="comment"><b class="comment-author">{ctx.pick(["Ольга", "Гость", "Сергей П.", "nina_59"])}</b>'
        f'<span class="comment-date">{E(ctx.date_text())}</span><p>{E(c)}</p></div>'
        for c in ctx.rng.sample(COMMENTS, ctx.rng.randint(2, 5))
    )
    form = '<form id="commentform"><textarea name="comment"></textarea><button>Отправить</button></form>'
    return f'<div id="comments" class="comments-area"><h3>Комментарии</h3>{items}{form}</div>'


def share_block(ctx: Ctx) -> str:
    return '<div class="share"><a href="https://vk.com/share.php">ВКонтакте</a> <a href="https://t.me/share">Telegram</a> <a href="https://ok.ru/">Одноклассники</a></div>'


def tags_line(ctx: Ctx) -> str:
    tags = ctx.rng.sample(["образование", "здравоохранение", "дороги", "культура", "соцзащита", "ЖКХ", "спорт"], 3)
    return '<div class="tags">Теги: ' + ", ".join(f'<a href="/tag/{i}/">{t}</a>' for i, t in enumerate(tags)) + "</div>"


def article_page(ctx: Ctx, kind: str) -> tuple[str, str]:
    title = ctx.headline()
    dd = d(ctx)
    extras_after: list[str] = []
    img = ""
    if kind == "news_short":
        body = render_paras(ctx, paragraphs(ctx, 2, 1, 2))
    elif kind == "news":
        body = render_paras(ctx, paragraphs(ctx, ctx.rng.randint(3, 6)))
        if ctx.chance(0.5):
            img = '<figure><img src="/upload/main.jpg" alt=""><figcaption>Фото: пресс-служба</figcaption></figure>'
    elif kind == "interview":
        lead = paragraphs(ctx, 1, 2, 3)
        qa = []
        for q in ctx.rng.sample(QUESTIONS, ctx.rng.randint(4, 6)):
            answer = paragraphs(ctx, ctx.rng.randint(1, 2), 2, 4)
            if ctx.family == "tilda":
                qa.append(f"<strong>— {E(q)}</strong><br /><br />" + "<br /><br />".join(E(a) for a in answer))
            else:
                qa.append(f"<p><strong>— {E(q)}</strong></p>" + "".join(f"<p>— {E(a)}</p>" for a in answer))
        sep = "<br /><br />" if ctx.family == "tilda" else ""
        body = render_paras(ctx, lead) + (
            f'<div class="{dd["body"]}">' + sep.join(qa) + "</div>" if ctx.family == "tilda" else "".join(qa)
        )
    elif kind == "photo_report":
        body = render_paras(ctx, paragraphs(ctx, 1, 2, 3))
        photos = "".join(
            f'<figure class="gallery-item"><a href="/upload/photo{i}.jpg"><img src="/upload/photo{i}_s.jpg" alt=""></a>'
            f"<figcaption>{E(c)}</figcaption></figure>"
            for i, c in enumerate(ctx.rng.sample(CAPTIONS, ctx.rng.randint(6, 12)))
        )
        body += f'<div class="gallery">{photos}</div>'
        if ctx.chance(0.5):
            body += f"<p>Фото: {ctx.pick(PEOPLE)[0].split()[0]}</p>"
    elif kind == "related_comments":
        body = render_paras(ctx, paragraphs(ctx, ctx.rng.randint(3, 5)))
        extras_after = [related_block(ctx), comments_block(ctx)]
    elif kind == "feature":
        paras = paragraphs(ctx, ctx.rng.randint(8, 14), 3, 5)
        blocks = []
        for i, p in enumerate(paras):
            if i and i % 4 == 0 and ctx.family != "tilda":
                blocks.append(f"<h2>{E(ctx.headline())}</h2>")
            blocks.append(p)
        body = "".join(b if b.startswith("<h2>") else render_paras(ctx, [b]) for b in blocks)
        if ctx.chance(0.5):
            body += f'<blockquote><p>{E(ctx.sentences(2))}</p></blockquote>'
    elif kind == "news_tags":
        body = render_paras(ctx, paragraphs(ctx, ctx.rng.randint(2, 4)))
        extras_after = [tags_line(ctx), share_block(ctx), related_block(ctx)]
    else:  # official: gov-style news with a document link list and contacts of the press office
        body = render_paras(ctx, paragraphs(ctx, ctx.rng.randint(2, 5)))
        extras_after = [
            '<div class="docs"><h4>Документы</h4><ul><li><a href="/upload/postanovlenie.pdf">Постановление № 512-п (PDF, 230 Кб)</a></li>'
            '<li><a href="/upload/prilozhenie.docx">Приложение (DOCX, 40 Кб)</a></li></ul></div>',
        ]
    if ctx.chance(0.3) and kind not in ("related_comments",):
        extras_after.append(related_block(ctx))
    if ctx.chance(0.3):
        extras_after.append(share_block(ctx))
    if ctx.family == "tilda" and not body.startswith("<div class=\"t-text"):
        body = f'<div class="{dd["body"]}">{body}</div>'
    wrap_body = body if ctx.family == "tilda" else f'<div class="{dd["body"]}" itemprop="articleBody">{body}</div>'
    crumbs = (
        '<div class="breadcrumbs"><a href="/">Главная</a> / <a href="/news/">Новости</a></div>'
        if ctx.chance(0.5)
        else ""
    )
    parts = [crumbs, headline_el(ctx, title), meta_line(ctx), img, wrap_body] if ctx.chance(0.8) else [
        crumbs, meta_line(ctx), headline_el(ctx, title), img, wrap_body
    ]
    content = f'<article class="post-full">{"".join(parts)}{"".join(extras_after)}</article>'
    jsonld = {"@context": "https://schema.org", "@type": ctx.pick(["NewsArticle", "Article"]), "headline": title}
    next_data = {"props": {"pageProps": {"article": {"title": title, "body": "…"}}}, "page": "/news/[slug]"}
    url = article_url(ctx, ctx.day)
    if ctx.chance(0.12):  # an article whose address sounds like a listing
        url = ctx.pick([f"/arkhiv-oblasti-{ctx.slug()}/", f"/news/foto-{ctx.slug()}.html", f"/category-news/{ctx.rng.randint(100, 999)}/", "/afisha/kontsert-v-filarmonii/"])
    return shell(ctx, title, content, "article", jsonld, next_data), url


# ---------------------------------------------------------------------------------------------
# Non-articles


def archive_heading(ctx: Ctx, text: str) -> str:
    tag = ctx.pick(["h1", "h1", "h2", "div"])
    return f'<{tag} class="page-title">{E(text)}</{tag}>'


def listing_page(ctx: Ctx, kind: str) -> tuple[str, str]:
    day = ctx.day
    month = f"{MONTHS_NOM[day.month - 1]} {day.year}"
    n = ctx.rng.randint(6, 20)
    desc = ""
    if kind == "month_archive":
        heading = ctx.pick([f"Архивы за месяц: {month}", f"Месячные архивы: {month}", f"Архив новостей за {month.lower()}", month])
        url = ctx.pick([f"/{day.year}/{day.month:02d}/", f"/news/{day.year}/{day.month:02d}/", f"/archive/{day.year}-{day.month:02d}.html"])
    elif kind == "day_archive":
        heading = ctx.pick([f"Архивы за день: {day.day} {MONTHS_GEN[day.month - 1]} {day.year}", f"Новости за {day.strftime('%d.%m.%Y')}", f"{day.day} {MONTHS_GEN[day.month - 1]} {day.year}"])
        url = ctx.pick([f"/{day.year}/{day.month:02d}/{day.day:02d}/", f"/news/?date={day.isoformat()}", f"/{day.year}/{day.month:02d}/{day.day:02d}"])
        n = ctx.pick([1, 2, 3, 5, 8])
    elif kind == "category":
        rubric = ctx.pick(NAV[:6])
        heading = ctx.pick([f"Рубрика: {rubric}", rubric, f"Архивы {rubric}", f"Категория: {rubric}"])
        url = ctx.pick([f"/category/{ctx.slug()[:8]}/", "/obshchestvo/", "/news/society/", f"/index.php/{ctx.slug()[:7]}", f"/rubric/{ctx.rng.randint(1, 40)}/"])
        if ctx.chance(0.4):
            desc = f'<div class="taxonomy-description"><p>{E(ctx.sentences(1))}</p></div>'
    elif kind == "tag":
        tag = ctx.pick(["образование", "ЖКХ", "дороги", "Сосновка", "соцзащита"])
        heading = ctx.pick([f"Метка: {tag}", f"Записи с тегом «{tag}»", f"#{tag}", f"Тег: {tag}", tag])
        url = ctx.pick([f"/tag/{ctx.slug()[:6]}/", f"/tags/{ctx.slug()[:6]}/", f"/news/tags/{ctx.rng.randint(1, 900)}/", f"/?tag={ctx.slug()[:6]}"])
    elif kind == "author":
        name = ctx.pick(PEOPLE)[0]
        heading = ctx.pick([f"Автор: {name}", f"Все материалы автора {name}", f"Записи автора {name.split()[1]}"])
        url = ctx.pick([f"/author/{ctx.slug()[:7]}/", f"/authors/{ctx.rng.randint(1, 90)}/", f"/user/{ctx.slug()[:5]}/news/"])
        if ctx.chance(0.5):
            desc = f'<div class="author-info"><img src="/upload/avatar.jpg" alt=""><p>{E(ctx.sentences(1))}</p></div>'
    elif kind == "paginated":
        page = ctx.rng.randint(2, 30)
        heading = ctx.pick([f"Новости — страница {page}", "Новости", "Лента новостей", f"Все новости (стр. {page})"])
        url = ctx.pick([f"/news/page/{page}/", f"/news/?PAGEN_1={page}", f"/novosti?start={page * 10}", f"/news/page-{page}.html"])
    elif kind == "full_archive":  # an archive that prints whole posts, one after another
        heading = ctx.pick([f"Архивы за месяц: {month}", f"Рубрика: {ctx.pick(NAV[:6])}", "Новости"])
        url = ctx.pick([f"/{day.year}/{day.month:02d}/", "/category/news/", "/blog/"])
        posts = []
        for i in range(ctx.rng.randint(2, 4)):
            t = ctx.headline()
            purl = ctx.link(article_url(ctx, ctx.older(i)))
            posts.append(
                f'<article class="post hentry"><h2 class="entry-title"><a href="{purl}">{E(t)}</a></h2>'
                f'<div class="entry-meta"><time>{E(ctx.date_text(ctx.older(i)))}</time></div>'
                f'<div class="entry-content">{render_paras(ctx, paragraphs(ctx, ctx.rng.randint(2, 4)))}</div></article>'
            )
        content = archive_heading(ctx, heading) + "".join(posts) + pager(ctx)
        return shell(ctx, heading, content, "website"), url
    elif kind == "video_list":
        heading = ctx.pick(["Видео", "Видеосюжеты", "Новости в видеоформате"])
        url = ctx.pick(["/video/", "/tv/programs/vesti/", "/media/video/?page=1"])
    else:  # documents
        heading = ctx.pick(["Документы", "Нормативные правовые акты", "Приказы министерства"])
        url = ctx.pick(["/documents/", "/activity/docs/", "/dokumenty/prikazy/"])
        rows = "".join(
            f'<li class="doc-item"><a href="/upload/doc{i}.pdf">{E(ctx.pick(["Приказ", "Постановление", "Распоряжение"]))} № {ctx.rng.randint(10, 900)}-п от {ctx.older(i * 3).strftime("%d.%m.%Y")} «{E(ctx.headline())}»</a> <span class="size">PDF, {ctx.rng.randint(50, 900)} Кб</span></li>'
            for i in range(n)
        )
        content = archive_heading(ctx, heading) + f'<ul class="docs-list">{rows}</ul>' + pager(ctx)
        return shell(ctx, heading, content, "website"), url
    listing = teaser_list(ctx, n)
    if kind == "video_list":
        listing = listing.replace('thumb.jpg"', 'thumb.jpg" class="video-thumb"')
    show_heading = ctx.chance(0.85)
    content = (archive_heading(ctx, heading) if show_heading else "") + desc + listing + (
        pager(ctx) if n > 4 and ctx.chance(0.8) else ""
    )
    title = heading
    if ctx.chance(0.1):  # a listing titled like a news story
        title = ctx.headline()
    next_data = {"props": {"pageProps": {"items": [{"title": ctx.headline(), "slug": ctx.slug()} for _ in range(min(n, 5))]}}, "page": "/news"}
    return shell(ctx, title, content, ctx.pick(["website", None]), None, next_data), url


def search_page(ctx: Ctx) -> tuple[str, str]:
    q = ctx.pick(["пособие", "ремонт дорог", "школа", "губернатор"])
    n = ctx.rng.randint(0, 10) if ctx.chance(0.2) else ctx.rng.randint(3, 10)
    form = f'<form class="search-page" action="/search/"><input type="text" name="q" value="{E(q)}"><input type="submit" value="Искать"></form>'
    heading = ctx.pick([f"Результаты поиска: «{q}»", "Поиск", f"Результаты поиска по запросу «{q}»", "Поиск по сайту"])
    found = f"<p>Найдено: {n * 7} материалов</p>" if ctx.chance(0.6) else ""
    if n == 0:
        results = f"<p>По запросу «{E(q)}» ничего не найдено. Попробуйте изменить запрос.</p>"
    else:
        shape = dict(teaser_shape(ctx), img=False, excerpt=ctx.pick([1, 2]))
        results = teaser_list(ctx, n, shape=shape).replace(E(q), f"<b>{E(q)}</b>")
    url = ctx.pick([f"/search/?q={q}", f"/search/index.php?q={q}&s=Найти", f"/?s={q}", f"/poisk?query={q}", f"/index.php?do=search&story={q}"])
    content = archive_heading(ctx, heading) + form + found + results + (pager(ctx) if n > 5 else "")
    return shell(ctx, heading, content, None), url


def gallery_page(ctx: Ctx) -> tuple[str, str]:
    album = ctx.chance(0.5)
    heading = ctx.pick(["Фотогалерея", "Фотоальбомы", "Фоторепортажи", "Галерея"]) if album else ctx.pick(CAPTIONS)
    cells = []
    for i in range(ctx.rng.randint(8, 24)):
        cap = ctx.pick(CAPTIONS) if album or ctx.chance(0.6) else ""
        date = f"<span class='date'>{E(ctx.date_text(ctx.older(i)))}</span>" if album and ctx.chance(0.6) else ""
        link = f"/photo/album{i}/" if album else f"/upload/gallery/{i}.jpg"
        cells.append(
            f'<div class="gallery-item col-md-3"><a href="{link}"><img src="/upload/gallery/{i}_s.jpg" alt="{E(cap)}"></a>'
            + (f'<div class="caption">{E(cap)}</div>' if cap else "") + date + "</div>"
        )
    intro = f"<p>{E(ctx.sentences(1))}</p>" if not album and ctx.chance(0.4) else ""
    url = ctx.pick(["/photo/", "/gallery/", f"/photo/album{ctx.rng.randint(1, 99)}/", "/media/photo/detail.php?ID=415", f"/news/{ctx.rng.randint(1000, 9999)}.html"])
    content = archive_heading(ctx, heading) + intro + f'<div class="gallery row">{"".join(cells)}</div>' + (pager(ctx) if album else "")
    return shell(ctx, heading, content, "website"), url


def afisha_page(ctx: Ctx) -> tuple[str, str]:
    heading = ctx.pick(["Афиша", "Афиша мероприятий", "Куда пойти на выходных", "Календарь событий", "Анонсы"])
    rows = []
    layout = ctx.pick(["cards", "table", "list"])
    for i, (name, place, age) in enumerate(ctx.rng.sample(EVENTS, ctx.rng.randint(5, 9))):
        day = ctx.day + datetime.timedelta(days=i)
        when = f"{day.day} {MONTHS_GEN[day.month - 1]}, {ctx.pick(['18:00', '19:00', '12:00', '10:00'])}"
        desc = E(ctx.sentences(1)) if ctx.chance(0.4) else ""
        if layout == "table":
            rows.append(f"<tr><td>{when}</td><td><a href='/afisha/{i}/'>{E(name)}</a></td><td>{E(place)}</td><td>{age}</td></tr>")
        else:
            tag = "li" if layout == "list" else "div"
            rows.append(
                f'<{tag} class="event-card"><div class="event-card__date">{when}</div><a class="event-card__name" href="/afisha/{i}/">{E(name)}</a>'
                f'<div class="event-card__place">{E(place)}</div><span class="age">{age}</span>'
                + (f"<p>{desc}</p>" if desc else "") + f"</{tag}>"
            )
    if layout == "table":
        board = "<table class='events'><tr><th>Дата</th><th>Событие</th><th>Место</th><th></th></tr>" + "".join(rows) + "</table>"
    elif layout == "list":
        board = "<ul class='events'>" + "".join(rows) + "</ul>"
    else:
        board = "<div class='events-grid'>" + "".join(rows) + "</div>"
    filters = '<div class="filters"><a href="?type=concert">Концерты</a> <a href="?type=theatre">Театр</a> <a href="?type=kids">Детям</a></div>' if ctx.chance(0.5) else ""
    url = ctx.pick(["/afisha/", "/events/", "/kuda-poyti/", "/calendar/?month=11", f"/news/{ctx.rng.randint(1000, 9999)}/"])
    return shell(ctx, heading, archive_heading(ctx, heading) + filters + board, "website"), url


def profile_page(ctx: Ctx) -> tuple[str, str]:
    name, position = ctx.pick(PEOPLE)
    fields = [
        ("Должность", position.capitalize()),
        ("Телефон", f'<a href="tel:+73422{ctx.rng.randint(100000, 999999)}">+7 (342) 2{ctx.rng.randint(10, 99)}-{ctx.rng.randint(10, 99)}-{ctx.rng.randint(10, 99)}</a>'),
        ("E-mail", '<a href="mailto:priemnaya@minsoc.ru">priemnaya@minsoc.ru</a>'),
        ("Приёмная", "каб. 312, ул. Ленина, 51"),
        ("Дата рождения", f"{ctx.rng.randint(1, 28)} {ctx.pick(MONTHS_GEN)} 19{ctx.rng.randint(60, 89)} г."),
        ("Образование", "Пермский государственный университет, экономист"),
    ]
    ctx.rng.shuffle(fields)
    fields = fields[: ctx.rng.randint(3, 6)]
    style = ctx.pick(["dl", "table", "p"])
    if style == "dl":
        card = "<dl class='person-card__info'>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields) + "</dl>"
    elif style == "table":
        card = "<table class='person-info'>" + "".join(f"<tr><td>{k}:</td><td>{v}</td></tr>" for k, v in fields) + "</table>"
    else:
        card = "".join(f"<p><b>{k}:</b> {v}</p>" for k, v in fields)
    bio = ""
    if ctx.chance(0.6):
        years = ["1998–2004", "2004–2012", "2012–2019", "С 2019 года"]
        bio = "<h3>Биография</h3>" + "".join(
            f"<p>{y} — {E(ctx.pick(['работал', 'работала']))} {E(ctx.pick(['в администрации города', 'в министерстве финансов края', 'в областной газете', 'в центре занятости']))}.</p>"
            for y in years[: ctx.rng.randint(2, 4)]
        )
    news = ""
    if ctx.chance(0.4):
        news = "<h3>Новости с участием</h3>" + teaser_list(ctx, 3, shape=dict(teaser_shape(ctx), excerpt=0, more=False))
    heading = f'<h1 class="person-card__name">{E(name)}</h1>' if ctx.chance(0.8) else f'<div class="person-card__name">{E(name)}</div>'
    content = f'<div class="person-card"><img class="person-card__photo" src="/upload/person.jpg" alt="{E(name)}">{heading}<div class="person-card__position">{E(position)}</div>{card}</div>{bio}{news}'
    url = ctx.pick(["/about/structure/leadership/ivanova/", f"/persons/{ctx.rng.randint(1, 80)}/", f"/team/{ctx.slug()[:6]}/", f"/news/{ctx.rng.randint(1000, 9999)}/", "/rukovodstvo/ministr/"])
    return shell(ctx, name, content, ctx.pick(["profile", None, "website"])), url


def staff_page(ctx: Ctx) -> tuple[str, str]:
    heading = ctx.pick(["Руководство", "Структура министерства", "Наша команда", "Редакция", "Сотрудники"])
    cards = "".join(
        f'<div class="staff-item"><img src="/upload/p{i}.jpg" alt=""><a class="staff-item__name" href="/persons/{i}/">{E(n)}</a>'
        f'<div class="staff-item__post">{E(p)}</div>'
        + (f'<div class="staff-item__phone">+7 (342) 2{ctx.rng.randint(10, 99)}-{ctx.rng.randint(10, 99)}-{ctx.rng.randint(10, 99)}</div>' if ctx.chance(0.6) else "")
        + "</div>"
        for i, (n, p) in enumerate(ctx.rng.sample(PEOPLE, ctx.rng.randint(4, 8)))
    )
    url = ctx.pick(["/about/structure/", "/team/", "/redakciya/", "/rukovodstvo/", "/ministry/staff/"])
    return shell(ctx, heading, archive_heading(ctx, heading) + f'<div class="staff-list">{cards}</div>', "website"), url


def contacts_page(ctx: Ctx) -> tuple[str, str]:
    heading = ctx.pick(["Контакты", "Контактная информация", "Как с нами связаться", "Обратная связь"])
    lines = [
        "Адрес: 614000, г. Пермь, ул. Ленина, д. 51",
        'Телефон: <a href="tel:+73422123456">+7 (342) 212-34-56</a>',
        'E-mail: <a href="mailto:info@example.ru">info@example.ru</a>',
        "Режим работы: пн–чт 9:00–18:00, пт 9:00–17:00, обед 13:00–13:48",
    ]
    ctx.rng.shuffle(lines)
    extra = ""
    if ctx.chance(0.5):
        extra = '<form class="feedback"><input name="name" placeholder="Имя"><input name="email"><textarea name="text"></textarea><button>Отправить</button></form>'
    if ctx.chance(0.5):
        extra += '<div class="map"><script src="https://api-maps.yandex.ru/2.1/?lang=ru_RU"></script><div id="map" style="height:400px"></div></div>'
    if ctx.chance(0.4):
        extra += f"<p>{E(ctx.sentences(1))}</p>"
    body = "".join(f"<p>{line}</p>" for line in lines) if ctx.chance(0.5) else "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"
    url = ctx.pick(["/kontakty/", "/contacts/", "/about/contacts.php", "/feedback/", "/svyaz/", "/page/12/"])
    return shell(ctx, heading, archive_heading(ctx, heading) + body + extra, "website"), url


def home_page(ctx: Ctx) -> tuple[str, str]:
    blocks = []
    lead_t = ctx.headline()
    blocks.append(
        f'<div class="main-news"><a href="{ctx.link(article_url(ctx, ctx.day))}"><img src="/upload/big.jpg" alt=""><h2>{E(lead_t)}</h2></a><p>{E(ctx.sentences(2))}</p></div>'
    )
    for section in ctx.rng.sample(NAV[:7], ctx.rng.randint(2, 4)):
        blocks.append(f"<section class='home-section'><h2><a href='/{section}/'>{section}</a></h2>{teaser_list(ctx, ctx.rng.randint(3, 6))}</section>")
    if ctx.chance(0.4):
        blocks.append(f'<div class="about-site"><p>{E(ctx.sentences(2))}</p></div>')
    url = ctx.pick(["/", "/index.php", "/index.html", "/news/", "/ru/"])
    h1 = f'<h1 class="visually-hidden">{E(site_name(ctx))}</h1>' if ctx.chance(0.4) else ""
    return shell(ctx, site_name(ctx), h1 + "".join(blocks), ctx.pick(["website", None])), url


BUILDERS: dict[str, Callable[[Ctx], tuple[str, str]]] = {
    "search": search_page,
    "gallery": gallery_page,
    "afisha": afisha_page,
    "profile": profile_page,
    "staff": staff_page,
    "contacts": contacts_page,
    "home": home_page,
}


def build_page(ctx: Ctx, kind: str) -> tuple[str, str]:
    if kind in ARTICLE_KINDS:
        return article_page(ctx, kind)
    if kind in BUILDERS:
        return BUILDERS[kind](ctx)
    return listing_page(ctx, kind)


def plan() -> list[tuple[str, str, bool]]:
    """(family, kind, is_article): every family gets 10 articles and 7 non-articles, kinds rotated
    so that every class appears in many families."""
    rows = []
    a = n = 0
    for family in FAMILIES:
        for _ in range(10):
            rows.append((family, ARTICLE_KINDS[a % len(ARTICLE_KINDS)], True))
            a += 1
        for _ in range(7):
            rows.append((family, NON_ARTICLE_KINDS[n % len(NON_ARTICLE_KINDS)], False))
            n += 1
    return rows


def main() -> None:
    out = HERE / "pages"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.html"):
        old.unlink()
    gold = {}
    for i, (family, kind, is_article) in enumerate(plan()):
        seed = int(hashlib.sha256(f"{i}:{family}:{kind}".encode()).hexdigest()[:8], 16)
        rng = random.Random(seed)
        host = rng.choice(HOSTS[family])
        ctx = Ctx(rng, family, host)
        page, path = build_page(ctx, kind)
        # The held-out half: chosen by a hash, not by position, so both halves hold every class.
        part = "heldout" if int(hashlib.sha256(f"part:{i}".encode()).hexdigest(), 16) % 2 else "dev"
        name = f"p{i:03d}.html"
        (out / name).write_text(page, "utf-8")
        gold[name] = {
            "url": f"https://{host}{path}",
            "source_url": f"https://{host}/",
            "is_article": is_article,
            "kind": kind,
            "family": family,
            "part": part,
        }
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(gold)} pages written to {out}")


if __name__ == "__main__":
    main()
