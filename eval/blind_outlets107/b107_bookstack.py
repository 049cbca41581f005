"""kalmyk — «Бумбин орн», the public knowledge base of an association of foster and guardian
families in Элиста, on BookStack (v24, Russian interface, guests may view, comment threads shown,
the Public role may export). Shelves ``/shelves/<slug>``, books ``/books/<slug>``, chapters
``/books/<book>/chapter/<slug>``, pages ``/books/<book>/page/<slug>`` (the news are pages in a
chapter per month), every page's ``/revisions`` list with each revision's ``/changes`` and, for
the older ones, a preview; tag searches ``/search?term=%5B…%5D`` and the ``/tags`` overview with
its ``+{type:page}`` variants, profiles ``/user/<slug>``, ``/pages/recently-updated`` and its
Laravel pager, log-in and password reset. Exports (``/export/html|pdf|plaintext|markdown``) are
attachments: application/octet-stream.

Dates are BookStack's with APP_TIMEZONE=UTC: relative ages («2 месяца назад», Carbon in Russian)
with the UTC instant in an English ``title`` («Tue, Sep 2, 2025 7:15 AM»), revision lists in
«2 сентября 2025 07:15:00» UTC, comments titled «2025-10-04 06:12:00». No page carries a
machine-readable publication date in local time.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any
from urllib.parse import quote_plus

from b107_bookstack_data import (
    APP,
    BOOKS,
    CHAPTERS,
    COMMENTS,
    FOOTER_LINKS,
    NEWS,
    NEWS_CHAPTER,
    PAGES,  # fmt: skip
    SHELVES,
    USERS,
)
from b107_common import (
    MONTHS_EN_SHORT,
    MONTHS_GEN,
    UTC,
    WEEKDAYS_EN_SHORT,
    blocks,
    carbon_ago,
    e,
    excerpt,  # fmt: skip
    inline,
    instant,
    local_dt,
    plain,
    plural,
    slugify,
)

KL = "kalmyk"
PER_SEARCH = 20
PER_RECENT = 20


def php_urlencode(s: str) -> str:
    return quote_plus(s, safe="")


def day_datetime(t: dt.datetime) -> str:
    """Carbon's toDayDateTimeString() in UTC, not localised: «Tue, Sep 2, 2025 7:15 AM»."""
    u = t.astimezone(UTC)
    h12 = u.hour % 12 or 12
    return f"{WEEKDAYS_EN_SHORT[u.weekday()]}, {MONTHS_EN_SHORT[u.month - 1]} {u.day}, {u.year} {h12}:{u.minute:02d} {'AM' if u.hour < 12 else 'PM'}"


def iso_long(t: dt.datetime) -> str:
    """isoFormat('D MMMM Y HH:mm:ss') in Russian, UTC."""
    u = t.astimezone(UTC)
    return f"{u.day} {MONTHS_GEN[u.month - 1]} {u.year} {u:%H:%M:%S}"


def user_link(slug: str, quote: str = '"') -> str:
    return f"<a href={quote}{{{{BASE}}}}/user/{slug}{quote}>{e(USERS[slug]['name'])}</a>"


# --- the model ----------------------------------------------------------------------------------


class Entity:
    type = ""

    def __init__(self, slug: str, name: str, by: str, created: dt.datetime) -> None:
        self.slug, self.name, self.by, self.created = slug, name, by, created
        self.tags: list[tuple[str, str]] = []
        self.id = 0

    def updated(self, now: dt.datetime) -> tuple[dt.datetime, str]:
        return self.created, self.by

    def snippet(self, now: dt.datetime) -> str:
        return ""


class Shelf(Entity):
    type = "bookshelf"

    def __init__(self, d: dict) -> None:
        super().__init__(d["slug"], d["name"], d["by"], d["created"])
        self.desc, self.books = d["desc"], d["books"]
        self.url = f"/shelves/{self.slug}"

    def snippet(self, now: dt.datetime) -> str:
        return self.desc


class Book(Entity):
    type = "book"

    def __init__(self, d: dict) -> None:
        super().__init__(d["slug"], d["name"], d["by"], d["created"])
        self.desc, self.upd = d["desc"], d["updated"]
        self.url = f"/books/{self.slug}"

    def updated(self, now: dt.datetime) -> tuple[dt.datetime, str]:
        return (self.upd if self.upd <= now else self.created), self.by

    def snippet(self, now: dt.datetime) -> str:
        return self.desc


class Chapter(Entity):
    type = "chapter"

    def __init__(self, d: dict) -> None:
        super().__init__(d["slug"], d["name"], d["by"], d["created"])
        self.desc, self.book = d["desc"], d["book"]
        self.url = f"/books/{self.book}/chapter/{self.slug}"

    def snippet(self, now: dt.datetime) -> str:
        return self.desc


class Version:
    def __init__(self, at: dt.datetime, by: str, summary: str, text: str) -> None:
        self.at, self.by, self.summary, self.text = at, by, summary, text
        self.id = 0
        self.number = 0


class Page(Entity):
    type = "page"

    def __init__(self, slug: str, name: str, by: str, created: dt.datetime, book: str, chapter: str | None,
                 kind: str, versions: list[Version], src: dict | None = None) -> None:
        super().__init__(slug, name, by, created)
        self.book, self.chapter, self.kind, self.versions, self.src = book, chapter, kind, versions, src
        for k, v in enumerate(versions, 1):
            v.number = k
        self.url = f"/books/{book}/page/{slug}"
        self.images: list[str] = []
        self.comments: list[tuple[dt.datetime, str, str]] = []

    @property
    def is_article(self) -> bool:
        return self.src is not None

    def seen(self, now: dt.datetime) -> list[Version]:
        return [v for v in self.versions if v.at <= now]

    def current(self, now: dt.datetime) -> Version:
        return self.seen(now)[-1]

    def updated(self, now: dt.datetime) -> tuple[dt.datetime, str]:
        v = self.current(now)
        return v.at, v.by

    def snippet(self, now: dt.datetime) -> str:
        return excerpt(self.current(now).text)


def article_page(a: dict) -> Page:
    """A news article as a BookStack page: its revisions in articles.yml run forward from a first
    version rebuilt by undoing them, latest first."""
    text = a["text"]
    revs = sorted(a.get("revisions") or [], key=lambda r: (r["date"], r["time"]))
    texts = [text]
    for r in reversed(revs):
        assert r["after"] in texts[0], (a["id"], r["after"])
        texts.insert(0, texts[0].replace(r["after"], r["before"], 1))
    versions = [Version(instant(a), a["by"], "Первоначальное издание", texts[0])]
    for r, txt in zip(revs, texts[1:]):
        versions.append(Version(local_dt(r["date"], r["time"]), r["by"], r["summary"], txt))
    tags = [(x.split("=", 1)[0], x.split("=", 1)[1]) if "=" in x else (x, "") for x in a.get("tags") or []]
    p = Page(a["slug"], a["title"], a["by"], instant(a), NEWS, NEWS_CHAPTER[a["date"].month], "article", versions, a)
    p.tags = tags
    for after, who, txt in COMMENTS.get(a["id"], []):
        p.comments.append((instant(a) + dt.timedelta(hours=after), who, txt))
    return p


def data_page(d: dict) -> Page:
    text = d["text"]
    versions = [Version(d["created"], d["by"], "Первоначальное издание", text)]
    for at, who, summary, old, new in d.get("revisions") or []:
        assert old in text, (d["slug"], old)
        text = text.replace(old, new, 1)
        versions.append(Version(at, who, summary, text))
    p = Page(d["slug"], d["name"], d["by"], d["created"], d["book"], d.get("chapter"), d["kind"], versions)
    p.tags = list(d.get("tags") or [])
    p.images = list(d.get("images") or [])
    return p


class Base:
    """Everything the knowledge base holds, with ids fixed over the whole set; ``at(now)`` filters."""

    def __init__(self, arts: list[dict]) -> None:
        self.shelves = [Shelf(d) for d in SHELVES]
        self.books = [Book(d) for d in BOOKS]
        self.chapters = [Chapter(d) for d in CHAPTERS]
        self.pages = [article_page(a) for a in arts] + [data_page(d) for d in PAGES]
        everything: list[Entity] = sorted([*self.shelves, *self.books, *self.chapters, *self.pages], key=lambda x: (x.created, x.slug))
        for i, x in enumerate(everything):
            x.id = 3 + i
        versions = sorted(((v.at, p.slug, v) for p in self.pages for v in p.versions), key=lambda t: (t[0], t[1]))
        for i, (_, _, v) in enumerate(versions):
            v.id = 311 + 3 * i + (i % 2)
        comments = sorted((c[0], p.slug, k) for p in self.pages for k, c in enumerate(p.comments))
        self.comment_ids = {(slug, k): 27 + i for i, (_, slug, k) in enumerate(comments)}


# --- the layout ---------------------------------------------------------------------------------


ICONS = {"page": "page", "chapter": "chapter", "book": "book", "bookshelf": "bookshelf"}


def icon(name: str) -> str:
    return f'<svg class="svg-icon" data-icon="{name}" role="presentation" viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><use href="#icon-{name}"></use></svg>'


def header_html() -> str:
    return f"""<header id="header" component="header-mobile-toggle" class="primary-background px-xl grid print-hidden">
    <div class="flex-container-row justify-space-between gap-s items-center">
        <a href="{{{{BASE}}}}" data-shortcut="home_view" class="logo"><img class="logo-image" src="{{{{BASE}}}}/uploads/images/system/2023-03/logo-bumbin-orn.png" alt="Logo"><span class="logo-text">{APP}</span></a>
        <div class="hide-over-l py-s"><button type="button" refs="header-mobile-toggle@toggle" title="Развернуть меню заголовка" aria-expanded="false" class="mobile-menu-toggle">{icon("more")}</button></div>
    </div>
    <div class="flex-container-column items-center justify-center hide-under-l">
        <form component="global-search" action="{{{{BASE}}}}/search" method="GET" class="search-box" role="search" tabindex="0">
            <button id="header-search-box-button" refs="global-search@button" type="submit" aria-label="Поиск" tabindex="-1">{icon("search")}</button>
            <input id="header-search-box-input" refs="global-search@input" type="text" name="term" data-shortcut="global_search" autocomplete="off" aria-label="Поиск" placeholder="Поиск" value="">
        </form>
    </div>
    <nav refs="header-mobile-toggle@menu" class="header-links">
        <div class="links text-center">
            <a class="hide-over-l" href="{{{{BASE}}}}/search">{icon("search")}Поиск</a>
            <a href="{{{{BASE}}}}/shelves" data-shortcut="shelves_view">{icon("bookshelf")}Полки</a>
            <a href="{{{{BASE}}}}/books" data-shortcut="books_view">{icon("books")}Книги</a>
            <a href="{{{{BASE}}}}/login">{icon("login")}Вход</a>
        </div>
    </nav>
</header>"""


def footer_html() -> str:
    links = "".join(f'<a href="{u if u.startswith("http") else "{{BASE}}" + u}" target="_blank" rel="noopener">{e(t)}</a>' for u, t in FOOTER_LINKS)
    return f'<footer class="print-hidden">{links}</footer>'


def document(title: str | None, url: str, content: str, body_class: str, social: str = "") -> str:
    full = f"{title} | {APP}" if title else APP
    return f"""<!DOCTYPE html>
<html lang="ru" dir="ltr" class="">
<head>
    <title>{e(full)}</title>

    <!-- Meta -->
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width">
    <meta name="token" content="Jx0Qn2m7RkVb8cTz4yWs1aLp6dHf3uGe9oIiKt5X">
    <meta name="base-url" content="{{{{BASE}}}}">
    <meta name="theme-color" content="#8a5a2b"/>

    <!-- Social Cards Meta -->
    <meta property="og:title" content="{e(full)}">
    <meta property="og:url" content="{{{{BASE}}}}{url}">
    {social}

    <!-- Styles -->
    <link rel="stylesheet" href="{{{{BASE}}}}/dist/styles.css?version=v24.10.1">

    <!-- Icons -->
    <link rel="icon" type="image/png" sizes="256x256" href="{{{{BASE}}}}/icon.png">
    <link rel="icon" type="image/png" sizes="32x32" href="{{{{BASE}}}}/icon-32.png">

    <!-- PWA -->
    <link rel="manifest" href="{{{{BASE}}}}/manifest.json">
    <meta name="mobile-web-app-capable" content="yes">

    <!-- OpenSearch -->
    <link rel="search" type="application/opensearchdescription+xml" title="{APP}" href="{{{{BASE}}}}/opensearch.xml">

    <style id="custom-styles" data-color="#8a5a2b" data-color-light="rgba(138,90,43,0.15)">
        :root {{ --color-primary: #8a5a2b; --color-primary-light: rgba(138,90,43,0.15); --color-link: #8a5a2b; }}
    </style>
</head>
<body class="{body_class}">
    <a class="px-m py-s skip-to-content-link" href="#main-content">Перейти к основному контенту</a>
    <div component="notification" option:notification:type="success" class="notification pos" role="alert" style="display: none;"><span></span></div>
{header_html()}

    <div id="content" components="{"tri-layout" if "tri-layout" in body_class else ""}" class="block">
{content}
    </div>

    {footer_html()}

    <div component="back-to-top" class="back-to-top print-hidden"><div class="inner">{icon("chevron-up")} <span>Наверх</span></div></div>
    <script src="{{{{BASE}}}}/dist/app.js?version=v24.10.1" type="module" nonce="kAq7Yv2Lr9Pw"></script>
</body>
</html>
"""


def tri(title: str | None, url: str, body: str, left: str, right: str, body_class: str = "", social: str = "") -> str:
    content = f"""    <div class="tri-layout-mobile-tabs print-hidden"><div class="grid half no-break no-gap">
        <button type="button" refs="tri-layout@tab" data-tab="info" aria-label="Вкладка: Показать дополнительную информацию" class="tri-layout-mobile-tab px-m py-m text-link">Информация</button>
        <button type="button" refs="tri-layout@tab" data-tab="content" aria-label="Вкладка: Показать основной контент" aria-selected="true" class="tri-layout-mobile-tab px-m py-m text-link active">Содержание</button>
    </div></div>
    <div refs="tri-layout@container" class="tri-layout-container">
        <div class="tri-layout-sides print-hidden"><div class="tri-layout-sides-content">
            <div class="tri-layout-right print-hidden"><aside class="tri-layout-right-contents">{right}</aside></div>
            <div class="tri-layout-left print-hidden" id="sidebar"><aside class="tri-layout-left-contents">{left}</aside></div>
        </div></div>
        <div class=" tri-layout-middle"><div id="main-content" class="tri-layout-middle-contents">
{body}
        </div></div>
    </div>"""
    return document(title, url, content, f"tri-layout {body_class}".strip(), social)


def simple(title: str | None, url: str, body: str, body_class: str = "") -> str:
    return document(title, url, body, body_class)


def crumb_entity(x: Entity) -> str:
    return (f'<a href="{{{{BASE}}}}{x.url}" class="text-{x.type} icon-list-item outline-hover"><span>{icon(x.type)}</span>'
            f"<span>{e(x.name if len(x.name) <= 60 else x.name[:57] + '...')}</span></a>")  # fmt: skip


def breadcrumbs(items: list[Any]) -> str:
    out = []
    first = items[0] if items else None
    if isinstance(first, Book):
        out.append(f'<a href="{{{{BASE}}}}/books" class="text-book icon-list-item outline-hover"><span>{icon("books")}</span><span>Книги</span></a>')
    if isinstance(first, Shelf):
        out.append(f'<a href="{{{{BASE}}}}/shelves" class="text-bookshelf icon-list-item outline-hover"><span>{icon("bookshelf")}</span><span>Полки</span></a>')
    for it in items:
        if it is None:
            continue
        if isinstance(it, Entity):
            out.append(crumb_entity(it))
        else:
            href, text, ic = it
            out.append(f'<div class="separator">{icon("chevron-right")}</div><a href="{{{{BASE}}}}{href}" class="icon-list-item outline-hover"><span>{icon(ic)}</span><span>{e(text)}</span></a>')
    return f'<nav class="breadcrumbs text-center" aria-label="Навигация">{"".join(out)}</nav>'


def list_item(x: Entity, now: dt.datetime, *, show_path: bool = False, show_tags: bool = False,
              show_updated: bool = False, base: View | None = None) -> str:
    path = ""
    if show_path and isinstance(x, (Page, Chapter)) and base is not None:
        book = base.book(x.book)
        path = f'<span class="text-book">{e(book.name)}</span>'
        if isinstance(x, Page) and x.chapter:
            path += f' <span class="text-muted entity-list-item-path-sep">{icon("chevron-right")}</span> <span class="text-chapter">{e(base.chapter(x.chapter).name)}</span>'
    tags = ""
    if show_tags and x.tags:
        tags = '<div class="entity-item-tags mt-xs">' + "".join(tag_html(n, v, linked=False) for n, v in x.tags) + "</div>"
    upd = ""
    if show_updated:
        at, who = x.updated(now)
        upd = f'<small title="{day_datetime(at)}">{e(USERS[who]["name"])} обновил {carbon_ago(at, now)}</small>'
    return (f'<a href="{{{{BASE}}}}{x.url}" class="{x.type}  entity-list-item" data-entity-type="{x.type}" data-entity-id="{x.id}">'
            f'<span role="presentation" class="icon text-{x.type}">{icon(x.type)}</span><div class="content">'
            f'<h4 class="entity-list-item-name break-text">{e(x.name)}</h4><div class="entity-item-snippet">{path}'
            f'<p class="text-muted break-text">{e(x.snippet(now))}</p></div>{tags}{upd}</div></a>')  # fmt: skip


def entity_list(xs: list[Entity], now: dt.datetime, empty: str = "Нет доступных элементов", **kw: Any) -> str:
    if not xs:
        return f'<p class="text-muted empty-text">{e(empty)}</p>'
    return '<div class="entity-list">' + "".join(list_item(x, now, **kw) for x in xs) + "</div>"


def name_url(name: str) -> str:
    return "/search?term=" + php_urlencode(f"[{name}]")


def value_url(name: str, value: str) -> str:
    return "/search?term=" + php_urlencode(f"[{name}={value}]")


def tag_html(name: str, value: str, linked: bool = True) -> str:
    if linked:
        n = f'<div class="tag-name "><a href="{{{{BASE}}}}{e(name_url(name))}">{icon("tag")}{e(name)}</a></div>'
        v = f' <div class="tag-value "><a href="{{{{BASE}}}}{e(value_url(name, value))}">{e(value)}</a></div>' if value else ""
    else:
        n = f'<div class="tag-name "><span>{icon("tag")}{e(name)}</span></div>'
        v = f' <div class="tag-value "><span>{e(value)}</span></div>' if value else ""
    return f'<div class="tag-item primary-background-light" data-name="{e(name)}" data-value="{e(value)}">{n}{v}</div>'


def meta_html(x: Entity, now: dt.datetime) -> str:
    out = ""
    if isinstance(x, Page):
        out += f'<a href="{{{{BASE}}}}{x.url}/revisions" class="entity-meta-item">{icon("history")}Версия #{len(x.seen(now))}</a>'
    out += (f'<div class="entity-meta-item">{icon("star")}<div>{user_link(x.by, chr(39))} создал '
            f'<span title="{day_datetime(x.created)}">{carbon_ago(x.created, now)}</span></div></div>')  # fmt: skip
    at, who = x.updated(now)
    out += (f'<div class="entity-meta-item">{icon("edit")}<div>{user_link(who, chr(39))} обновил '
            f'<span title="{day_datetime(at)}">{carbon_ago(at, now)}</span></div></div>')  # fmt: skip
    return f'<div class="entity-meta">{out}</div>'


def export_menu(url: str) -> str:
    items = [("html", "Веб файл", ".html"), ("pdf", "PDF файл", ".pdf"), ("plaintext", "Текстовый файл", ".txt"), ("markdown", "Файл Markdown", ".md")]
    lis = "".join(f'<li><a href="{{{{BASE}}}}{url}/export/{k}" target="_blank" class="label-item"><span>{t}</span><span>{ext}</span></a></li>' for k, t, ext in items)
    return (f'<div component="dropdown" class="dropdown-container" id="export-menu"><div refs="dropdown@toggle" class="icon-list-item" aria-haspopup="true" aria-expanded="false" '
            f'aria-label="Экспорт" data-shortcut="export" tabindex="0"><span>{icon("export")}</span><span>Экспорт</span></div>'
            f'<ul refs="dropdown@menu" class="wide dropdown-menu" role="menu">{lis}</ul></div>')  # fmt: skip


def activity_html(events: list[tuple[dt.datetime, str, str, Entity]], now: dt.datetime) -> str:
    if not events:
        return '<p class="text-muted empty-text mb-none pb-l">Нет действий для просмотра</p>'
    items = "".join(
        f'<div class="activity-list-item"><div><img class="avatar" src="{{{{BASE}}}}/uploads/images/user/{who}.png" alt="{e(USERS[who]["name"])}"></div>'
        f'<div><a href="{{{{BASE}}}}/user/{who}">{e(USERS[who]["name"])}</a> {text} <a href="{{{{BASE}}}}{x.url}">{e(x.name)}</a><br>'
        f'<span class="text-muted"><small>{icon("time")}{carbon_ago(at, now)}</small></span></div></div>'
        for at, who, text, x in events)  # fmt: skip
    return f'<div class="activity-list">{items}</div>'


def block_htmls(text: str) -> list[str]:
    out, seen = [], set()
    for kind, body in blocks(text):
        first = body if isinstance(body, str) else body[0]
        base = "bkmrk-" + (slugify(re.sub(r"\*\*", "", first)[:20]) or "x")
        key, k = base, 0
        while key in seen:
            k += 1
            key = f"{base}-{k}"
        seen.add(key)
        if kind == "ul":
            out.append(f'<ul id="{key}">' + "".join(f"<li>{inline(x)}</li>" for x in body) + "</ul>")
        else:
            out.append(f'<p id="{key}">{inline(str(body))}</p>')
    return out


def content_html(p: Page, text: str) -> str:
    html = "\n".join(block_htmls(text))
    if p.images:
        month = p.created.strftime("%Y-%m")
        html += "\n" + "\n".join(
            f'<p id="bkmrk-foto-{k + 1}"><a href="{{{{BASE}}}}/uploads/images/gallery/{month}/{p.slug}-{k + 1}.jpg" target="_blank">'
            f'<img src="{{{{BASE}}}}/uploads/images/gallery/{month}/scaled-1680-/{p.slug}-{k + 1}.jpg" alt="{e(c)}"></a><br>{e(c)}</p>'
            for k, c in enumerate(p.images))  # fmt: skip
    return html


WORD = re.compile(r"\S+\s*")


def diff_html(old: str | None, new: str) -> str:
    """htmldiff as BookStack shows a revision's changes: what the revision removed in <del>,
    what it added in <ins>, word by word inside a changed block."""
    new_b = block_htmls(new)
    if old is None:
        return "\n".join(re.sub(r"(<(?:p|li)[^>]*>)(.*?)(</(?:p|li)>)", r'\1<ins class="diffins">\2</ins>\3', b) for b in new_b)
    old_b = block_htmls(old)
    out = []
    sm = difflib.SequenceMatcher(None, old_b, new_b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out += new_b[j1:j2]
        elif op == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            a, b = WORD.findall(old_b[i1]), WORD.findall(new_b[j1])
            ws = difflib.SequenceMatcher(None, a, b, autojunk=False)
            merged = ""
            for wop, a1, a2, b1, b2 in ws.get_opcodes():
                if wop == "equal":
                    merged += "".join(b[b1:b2])
                else:
                    if a2 > a1:
                        merged += f'<del class="diffmod">{"".join(a[a1:a2])}</del>'
                    if b2 > b1:
                        merged += f'<ins class="diffmod">{"".join(b[b1:b2])}</ins>'
            out.append(merged)
        else:
            out += [f'<del class="diffdel">{b}</del>' for b in old_b[i1:i2]]
            out += [f'<ins class="diffins">{b}</ins>' for b in new_b[j1:j2]]
    return "\n".join(out)


def page_display(name: str, html: str) -> str:
    return f'<div dir="auto">\n\n    <h1 class="break-text" id="bkmrk-page-title">{e(name)}</h1>\n\n    <div style="clear:left;"></div>\n\n{html}\n</div>'


def pager(base: str, page: int, pages: int) -> str:
    """Laravel's paginator as BookStack renders it, with absolute links."""
    if pages <= 1:
        return ""

    def href(k: int) -> str:
        return f"{{{{BASE}}}}{base}?page={k}"

    lis = ['<li class="page-item disabled" aria-disabled="true" aria-label="« Назад"><span class="page-link" aria-hidden="true">&lsaquo;</span></li>' if page == 1 else
           f'<li class="page-item"><a class="page-link" href="{href(page - 1)}" rel="prev" aria-label="« Назад">&lsaquo;</a></li>']  # fmt: skip
    for k in range(1, pages + 1):
        lis.append(f'<li class="page-item active" aria-current="page"><span class="page-link">{k}</span></li>' if k == page else
                   f'<li class="page-item"><a class="page-link" href="{href(k)}">{k}</a></li>')  # fmt: skip
    lis.append(f'<li class="page-item"><a class="page-link" href="{href(page + 1)}" rel="next" aria-label="Вперед »">&rsaquo;</a></li>' if page < pages else
               '<li class="page-item disabled" aria-disabled="true" aria-label="Вперед »"><span class="page-link" aria-hidden="true">&rsaquo;</span></li>')  # fmt: skip
    return f'<nav><ul class="pagination">{"".join(lis)}</ul></nav>'


# --- one evening ---------------------------------------------------------------------------------


class View:
    """The knowledge base as served at ``now``."""

    def __init__(self, base: Base, now: dt.datetime) -> None:
        self.now = now
        self.shelves = [x for x in base.shelves if x.created <= now]
        self.books = [x for x in base.books if x.created <= now]
        self.chapters = [x for x in base.chapters if x.created <= now]
        self.pages = [x for x in base.pages if x.created <= now]
        self.comment_ids = base.comment_ids
        self.searches: dict[str, str] = {}  # a search URL as linked -> its search string

    def book(self, slug: str) -> Book:
        return next(b for b in self.books if b.slug == slug)

    def chapter(self, slug: str) -> Chapter:
        return next(c for c in self.chapters if c.slug == slug)

    def children(self, book: Book) -> list[Entity]:
        """A book's contents in its sort order: pages at the book's root, then chapters."""
        root = sorted((p for p in self.pages if p.book == book.slug and not p.chapter), key=lambda p: p.created)
        chs = sorted((c for c in self.chapters if c.book == book.slug), key=lambda c: c.created)
        return [*root, *chs]

    def chapter_pages(self, ch: Chapter) -> list[Page]:
        return sorted((p for p in self.pages if p.chapter == ch.slug and p.book == ch.book), key=lambda p: p.created)

    def flat(self, book: Book) -> list[Entity]:
        out: list[Entity] = []
        for x in self.children(book):
            out.append(x)
            if isinstance(x, Chapter):
                out += self.chapter_pages(x)
        return out

    def events(self) -> list[tuple[dt.datetime, str, str, Entity]]:
        ev: list[tuple[dt.datetime, str, str, Entity]] = []
        ev += [(s.created, s.by, "создал полку", s) for s in self.shelves]
        ev += [(b.created, b.by, "создал книгу", b) for b in self.books]
        ev += [(c.created, c.by, "создал главу", c) for c in self.chapters]
        for p in self.pages:
            for v in p.seen(self.now):
                ev.append((v.at, v.by, "создал страницу" if v.number == 1 else "обновил страницу", p))
            ev += [(at, who, "прокомментировал", p) for at, who, _ in p.comments if at <= self.now]
        return sorted(ev, key=lambda t: (t[0], t[3].id), reverse=True)

    def search_link(self, url: str, term: str) -> str:
        self.searches[url] = term
        return url

    def tag_links(self, tags: list[tuple[str, str]]) -> str:
        for n, v in tags:
            self.search_link(name_url(n), f"[{n}]")
            if v:
                self.search_link(value_url(n, v), f"[{n}={v}]")
        return "".join(tag_html(n, v) for n, v in tags)

    def book_tree(self, book: Book, current: Entity) -> str:
        def item(x: Entity) -> str:
            sel = " selected" if x is current else ""
            return (f'<a href="{{{{BASE}}}}{x.url}" class="{x.type} {sel} entity-list-item" data-entity-type="{x.type}" data-entity-id="{x.id}">'
                    f'<span role="presentation" class="icon text-{x.type}">{icon(x.type)}</span><div class="content"><h4 class="entity-list-item-name break-text">{e(x.name)}</h4></div></a>')  # fmt: skip

        lis = [f'<li class="list-item-book book">{item(book)}</li>']
        for x in self.children(book):
            sub = ""
            if isinstance(x, Chapter):
                pages = self.chapter_pages(x)
                if pages:
                    is_open = current is x or current in pages
                    sub = (f'<div class="entity-list-item no-hover"><span role="presentation" class="icon text-chapter"></span><div class="content">'
                           f'<div component="chapter-contents" class="chapter-child-menu"><button type="button" refs="chapter-contents@toggle" aria-expanded="{"true" if is_open else "false"}" '
                           f'class="text-muted chapter-contents-toggle{" open" if is_open else ""}">{icon("caret-right")} {icon("page")} <span>{len(pages)} {plural(len(pages), "страница", "страницы", "страниц")}</span></button>'
                           f'<ul refs="chapter-contents@list" class="chapter-contents-list sub-menu inset-list{" open" if is_open else ""}" role="menu">'
                           + "".join(f'<li class="list-item-page " role="presentation">{item(p)}</li>' for p in pages) + "</ul></div></div></div>")  # fmt: skip
            lis.append(f'<li class="list-item-{x.type} {x.type} ">{item(x)}{sub}</li>')
        return f'<nav id="book-tree" class="book-tree mb-xl" aria-label="Навигация по книге"><h5>Навигация по книге</h5><ul class="sidebar-page-list mt-xs menu entity-list">{"".join(lis)}</ul></nav>'

    def siblings(self, x: Entity) -> str:
        flat = self.flat(self.book(x.book))  # type: ignore[attr-defined]
        i = flat.index(x)
        prev = flat[i - 1] if i > 0 else None
        nxt = flat[i + 1] if i + 1 < len(flat) else None

        def short(y: Entity) -> str:
            return e(y.name if len(y.name) <= 48 else y.name[:45] + "...")

        left = (f'<a href="{{{{BASE}}}}{prev.url}" data-shortcut="previous" class="outline-hover no-link-style block rounded"><div class="px-m pt-xs text-muted">Предыдущая</div>'
                f'<div class="inline-block"><div class="icon-list-item no-hover"><span class="text-{prev.type} ">{icon(prev.type)}</span><span>{short(prev)}</span></div></div></a>') if prev else ""  # fmt: skip
        right = (f'<a href="{{{{BASE}}}}{nxt.url}" data-shortcut="next" class="outline-hover no-link-style block rounded text-xs-right"><div class="px-m pt-xs text-muted text-xs-right">Следующая</div>'
                 f'<div class="inline block"><div class="icon-list-item no-hover"><span class="text-{nxt.type} ">{icon(nxt.type)}</span><span>{short(nxt)}</span></div></div></a>') if nxt else ""  # fmt: skip
        return f'<div id="sibling-navigation" class="grid half collapse-xs items-center mb-m px-m no-row-gap fade-in-when-active print-hidden"><div>{left}</div><div>{right}</div></div>'

    # --- searching

    def search(self, term: str) -> list[Entity]:
        tags = re.findall(r"\[([^\]=]+)(?:=([^\]]*))?\]", term)
        filters = dict(re.findall(r"\{(\w+):([^}]*)\}", term))
        pool: list[Entity] = [*self.pages, *self.chapters, *self.books, *self.shelves]
        out = []
        for x in pool:
            if "type" in filters and x.type not in filters["type"].split("|"):
                continue
            if "created_by" in filters and x.by != filters["created_by"]:
                continue
            if any(not any(n == tn and (not v or v == tv) for tn, tv in x.tags) for n, v in tags):
                continue
            out.append(x)
        return sorted(out, key=lambda x: (x.updated(self.now)[0], x.id), reverse=True)


def normalise(term: str) -> str:
    """SearchOptions::toString(): terms, exact matches, tags, then filters, space-separated."""
    tags = re.findall(r"\[[^\]]*\]", term)
    filters = re.findall(r"\{[^}]*\}", term)
    return " ".join(tags + filters)


# --- pages --------------------------------------------------------------------------------------


def build(arts: list[dict], s: Any, now: dt.datetime) -> Any:
    base = Base(arts)
    v = View(base, now)

    def page_out(url: str, html: str, kind: str, a: dict | None = None) -> None:
        s.page(url, (url.strip("/") or "index") + ".html", html, kind, a)

    def attach(path: str, body: str) -> None:
        """An export: BookStack sends it as an attachment (application/octet-stream). The HTML
        exports hold a whole HTML document, so the gold judges them too, as non-articles."""
        s.write(path.strip("/"), body)
        s.types[path] = "application/octet-stream"
        if path.endswith("/export/html"):
            s.judge(path, "export", None)

    # pages, their revisions, changes and previews, exports
    for p in v.pages:
        book = v.book(p.book)
        ch = v.chapter(p.chapter) if p.chapter else None
        cur = p.current(now)
        comments = [(k, c) for k, c in enumerate(p.comments) if c[0] <= now]
        if True:  # comments are enabled: the section shows even when empty
            items = "".join(
                f'<div class="comment-branch"><div class="mb-m"><div component="page-comment" option:page-comment:comment-id="{v.comment_ids[(p.slug, k)]}" '
                f'option:page-comment:comment-local-id="{k + 1}" id="comment{k + 1}" class="comment-box"><div class="header"><div class="flex-container-row wrap items-center gap-x-xs">'
                f'<div><img width="50" src="{{{{BASE}}}}/uploads/images/user/{who}.png" class="avatar block mr-xs" alt="{e(USERS[who]["name"])}"></div>'
                f'<div class="meta text-muted flex-container-row wrap items-center flex text-small"><a href="{{{{BASE}}}}/user/{who}">{e(USERS[who]["name"][:16])}</a>'
                f'<span title="{at.astimezone(UTC):%Y-%m-%d %H:%M:%S}">&nbsp;прокомментировал {carbon_ago(at, now)}</span></div></div></div>'
                f'<div refs="page-comment@content-container" class="content px-s pb-s"><p>{e(txt)}</p></div></div></div></div>'
                for k, (at, who, txt) in comments)  # fmt: skip
            n = len(comments)
            title = "Нет комментариев" if n == 0 else ("1 комментарий" if n == 1 else f"{n} комментария")
            cm = (f'<div class="comments-container mb-l print-hidden"><section component="page-comments" option:page-comments:page-id="{p.id}" class="comments-list" aria-label="Комментарии">'
                  f'<div refs="page-comments@comment-count-bar" class="grid half left-focus v-center no-row-gap"><h5 refs="page-comments@comments-title">{title}</h5></div>'
                  f'<div refs="page-comments@commentContainer" class="comment-container">{items}</div></section><div class="clearfix"></div></div>')  # fmt: skip
        body = (f'<div class="mb-m print-hidden">{breadcrumbs([book, ch, p])}</div>'
                f'<main class="content-wrap card"><div component="page-display" option:page-display:page-id="{p.id}" class="page-content clearfix">'
                f"{page_display(p.name, content_html(p, cur.text))}</div></main>"
                f'{v.siblings(p)}<div class="px-xl print-hidden"><hr class="darker"></div>{cm}')  # fmt: skip
        left = ""
        if p.tags:
            left += f"<section>{v.tag_links(p.tags)}</section>"
        left += v.book_tree(book, p)
        right = (f'<div id="page-details" class="entity-details mb-xl"><h5>Детали</h5><div class="blended-links">{meta_html(p, now)}</div></div>'
                 f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link">'
                 f'<a href="{{{{BASE}}}}{p.url}/revisions" data-shortcut="revisions" class="icon-list-item"><span>{icon("history")}</span><span>Версии</span></a>'
                 f'<hr class="primary-background"/>{export_menu(p.url)}</div></div>')  # fmt: skip
        tag_classes = " ".join(f"tag-name-{slugify(n)}" + (f" tag-value-{slugify(val)} tag-pair-{slugify(n)}-{slugify(val)}" if val else "") for n, val in p.tags)
        social = f'<meta property="og:description" content="{e(excerpt(cur.text, 100))}">'
        page_out(p.url, tri(p.name, p.url, body, left, right, f"page-{p.id} {tag_classes}".strip(), social),
                 "article" if p.is_article else p.kind, p.src)  # fmt: skip

        seen = p.seen(now)
        rows = ""
        for ver in reversed(seen):
            current = ver is seen[-1]
            actions = (f'<a href="{{{{BASE}}}}{p.url}/revisions/{ver.id}/changes" target="_blank" rel="noopener">Изменения</a>'
                       f'<span class="text-muted opacity-70">&nbsp;|&nbsp;</span>')  # fmt: skip
            actions += (f'<a target="_blank" rel="noopener" href="{{{{BASE}}}}{p.url}"><i>Текущая версия</i></a>' if current else
                        f'<a href="{{{{BASE}}}}{p.url}/revisions/{ver.id}" target="_blank" rel="noopener">Просмотр</a>')  # fmt: skip
            rows += (f'<div class="item-list-row flex-container-row items-center wrap"><div class="flex fit-content min-width-xxxxs px-m py-xs"><span class="hide-over-l">#</span>{ver.number}</div>'
                     f'<div class="flex-2 px-m py-xs min-width-s">{e(p.name)}<br><small class="text-muted">(<strong class="hide-over-l">Редактор: </strong>WYSIWYG)</small></div>'
                     f'<div class="flex-3 px-m py-xs min-width-l"><div class="flex-container-row items-center gap-s"><img class="avatar flex-none" height="30" width="30" src="{{{{BASE}}}}/uploads/images/user/{ver.by}.png" alt="{e(USERS[ver.by]["name"])}">'
                     f'<div>{e(USERS[ver.by]["name"])}<br><div class="text-muted"><small>{iso_long(ver.at)}</small> <small>({carbon_ago(ver.at, now)})</small></div></div></div></div>'
                     f'<div class="flex-2 px-m py-xs min-width-m text-small">{e(ver.summary)}</div>'
                     f'<div class="flex-2 px-m py-xs actions text-small text-l-right min-width-l">{actions}</div></div>')  # fmt: skip
        rev_crumb = (f"{p.url}/revisions", "Версии страницы", "history")
        listing = (f'<div class="container"><div class="my-s">{breadcrumbs([book, ch, p, rev_crumb])}</div><main class="card content-wrap">'
                   f'<h1 class="list-heading">Версии страницы</h1><p class="text-muted">Ниже перечислены все предыдущие изменения этой страницы. Вы можете посмотреть резервные копии, сравнить и восстановить старые версии страниц, если позволяют разрешения. '
                   f'Полная история страницы не может быть полностью отражена здесь, поскольку, в зависимости от системной конфигурации, старые версии могут быть удалены автоматически.</p>'
                   f'<div class="item-list"><div class="item-list-row flex-container-row items-center strong hide-under-l"><div class="flex fit-content min-width-xxxxs px-m py-xs">#</div>'
                   f'<div class="flex-2 px-m py-xs">Название страницы / Редактор</div><div class="flex-3 px-m py-xs">Автор / Дата версии</div><div class="flex-2 px-m py-xs">Список изменений</div>'
                   f'<div class="flex-2 px-m py-xs text-right">Действия</div></div>{rows}</div></main></div>')  # fmt: skip
        page_out(f"{p.url}/revisions", simple(f"Версии страницы для {p.name}", f"{p.url}/revisions", listing), "revisions")
        for k, ver in enumerate(seen):
            prev_text = seen[k - 1].text if k else None
            for changes in (True, False):
                if not changes and ver is seen[-1]:
                    continue  # the current revision's preview is the page itself
                label = f"Изменения в версии #{ver.id}" if changes else f"Версия #{ver.id}"
                url = f"{p.url}/revisions/{ver.id}" + ("/changes" if changes else "")
                inner = diff_html(prev_text, ver.text) if changes else content_html(p, ver.text)
                rev_left = (f'<div id="revision-details" class="entity-details mb-xl"><h5>Детали</h5><div class="body text-small text-muted"><div class="entity-meta">'
                            f'<div class="entity-meta-item">{icon("history")}<div>Версия #{ver.number}</div></div>'
                            f'<div class="entity-meta-item">{icon("star")}<div>{user_link(ver.by, chr(39))} создал <span title="{day_datetime(ver.at)}">{carbon_ago(ver.at, now)}</span></div></div>'
                            f"</div></div></div>")  # fmt: skip
                rbody = (f'<div class="mb-m print-hidden">{breadcrumbs([book, ch, p, rev_crumb, (url, label, "history")])}</div>'
                         f'<main class="card content-wrap"><div class="page-content page-revision">{page_display(p.name, inner)}</div></main>')  # fmt: skip
                page_out(url, tri(f"Версия страницы для {p.name}", url, rbody, rev_left, ""), "changes" if changes else "revision")

        txt = plain(cur.text)
        attach(f"{p.url}/export/plaintext", f"{p.name}\n\n{txt}\n")
        attach(f"{p.url}/export/markdown", f"# {p.name}\n\n{cur.text.strip()}\n")
        attach(f"{p.url}/export/pdf", f"%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Title ({p.slug}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        meta = (f'<div class="entity-meta">Версия #{len(seen)} <br>{e(USERS[p.by]["name"])} создал {iso_long(p.created)}<br>'
                f'{e(USERS[cur.by]["name"])} обновил {iso_long(cur.at)}</div>')  # fmt: skip
        attach(f"{p.url}/export/html", export_doc(p.name, page_display(p.name, content_html(p, cur.text)) + f'\n<hr>\n<div class="text-muted text-small">{meta}</div>'))

    # chapters
    for ch in v.chapters:
        book = v.book(ch.book)
        pages = v.chapter_pages(ch)
        body = (f'<div class="mb-m print-hidden">{breadcrumbs([book, ch])}</div><main class="content-wrap card"><h1 class="break-text">{e(ch.name)}</h1>'
                f'<div refs="entity-search@contentView" class="chapter-content"><div class="text-muted break-text"><p>{e(ch.desc)}</p></div>'
                f'<div class="entity-list book-contents">{"".join(list_item(p, now) for p in pages)}</div></div></main>{v.siblings(ch)}')  # fmt: skip
        right = (f'<div class="mb-xl"><h5>Детали</h5><div class="blended-links">{meta_html(ch, now)}</div></div>'
                 f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link"><hr class="primary-background"/>{export_menu(ch.url)}</div></div>')  # fmt: skip
        page_out(ch.url, tri(ch.name, ch.url, body, v.book_tree(book, ch), right, f"chapter-{ch.id}",
                             f'<meta property="og:description" content="{e(ch.desc)}">'), "chapter")  # fmt: skip
        attach(f"{ch.url}/export/html", export_doc(ch.name, f"<h1>{e(ch.name)}</h1>" + "".join(page_display(p.name, content_html(p, p.current(now).text)) for p in pages)))
        attach(f"{ch.url}/export/plaintext", f"{ch.name}\n\n" + "\n\n".join(f"{p.name}\n\n{plain(p.current(now).text)}" for p in pages) + "\n")
        attach(f"{ch.url}/export/markdown", f"# {ch.name}\n\n" + "\n\n".join(f"## {p.name}\n\n{p.current(now).text.strip()}" for p in pages) + "\n")
        attach(f"{ch.url}/export/pdf", f"%PDF-1.4\n1 0 obj << /Title ({ch.slug}) >> endobj\n%%EOF\n")

    # books
    events = v.events()
    for book in v.books:
        contents = ""
        for x in v.children(book):
            if isinstance(x, Chapter):
                pages = v.chapter_pages(x)
                contents += (f'<a href="{{{{BASE}}}}{x.url}" class="chapter entity-list-item {"has-children" if pages else ""}" data-entity-type="chapter" data-entity-id="{x.id}">'
                             f'<span class="icon text-chapter">{icon("chapter")}</span><div class="content"><h4 class="entity-list-item-name break-text">{e(x.name)}</h4>'
                             f'<div class="entity-item-snippet"><p class="text-muted break-text">{e(x.desc)}</p></div></div></a>')  # fmt: skip
                if pages:
                    contents += (f'<div class="chapter chapter-expansion"><span class="icon text-chapter">{icon("page")}</span><div component="chapter-contents" class="content">'
                                 f'<button type="button" refs="chapter-contents@toggle" aria-expanded="false" class="text-muted chapter-contents-toggle">{icon("caret-right")} '
                                 f'<span>{len(pages)} {plural(len(pages), "страница", "страницы", "страниц")}</span></button><div refs="chapter-contents@list" class="inset-list chapter-contents-list">'
                                 f'<div class="entity-list-item-children"><div class="entity-list">{"".join(list_item(p, now) for p in pages)}</div></div></div></div></div>')  # fmt: skip
            else:
                contents += list_item(x, now)
        body = (f'<div class="mb-s print-hidden">{breadcrumbs([book])}</div><main class="content-wrap card"><h1 class="break-text">{e(book.name)}</h1>'
                f'<div refs="entity-search@contentView" class="book-content"><div class="text-muted break-text"><p>{e(book.desc)}</p></div>'
                f'<div class="entity-list book-contents">{contents}</div></div></main>')  # fmt: skip
        in_book = [t for t in events if getattr(t[3], "book", None) == book.slug or t[3] is book][:10]
        shelves = [sh for sh in v.shelves if book.slug in sh.books]
        left = (f'<form action="{{{{BASE}}}}/search" method="GET" class="search-box flexible mb-xl" role="search"><input type="text" name="term" aria-label="Поиск в этой книге" placeholder="Поиск в этой книге">'
                f'<input type="hidden" name="extras" value="{{in_book:{book.id}}}"><button type="submit" aria-label="Поиск" tabindex="-1">{icon("search")}</button></form>'
                f'<div class="actions mb-xl"><h5>Полки</h5>{entity_list(shelves, now)}</div>'
                f'<div id="recent-activity" class="mb-xl"><h5>Недавние действия</h5>{activity_html(in_book, now)}</div>')  # fmt: skip
        right = (f'<div class="mb-xl"><h5>Детали</h5><div class="blended-links">{meta_html(book, now)}</div></div>'
                 f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link"><hr class="primary-background">{export_menu(book.url)}</div></div>')  # fmt: skip
        page_out(book.url, tri(book.name, book.url, body, left, right, f"book-{book.id}",
                               f'<meta property="og:description" content="{e(book.desc)}">'), "book")  # fmt: skip
        every = [p for x in v.flat(book) if isinstance(x, Page) for p in [x]]
        attach(f"{book.url}/export/html", export_doc(book.name, f"<h1>{e(book.name)}</h1>" + "".join(page_display(p.name, content_html(p, p.current(now).text)) for p in every)))
        attach(f"{book.url}/export/plaintext", f"{book.name}\n\n" + "\n\n".join(f"{p.name}\n\n{plain(p.current(now).text)}" for p in every) + "\n")
        attach(f"{book.url}/export/markdown", f"# {book.name}\n\n" + "\n\n".join(f"## {p.name}\n\n{p.current(now).text.strip()}" for p in every) + "\n")
        attach(f"{book.url}/export/pdf", f"%PDF-1.4\n1 0 obj << /Title ({book.slug}) >> endobj\n%%EOF\n")

    def grid(xs: list[Entity]) -> str:
        return '<div class="grid third">' + "".join(
            f'<a href="{{{{BASE}}}}{x.url}" class="grid-card" data-entity-type="{x.type}" data-entity-id="{x.id}"><div class="bg-{x.type} featured-image-container-wrap">'
            f'<div class="featured-image-container"></div>{icon(x.type)}</div><div class="grid-card-content"><h2 class="text-limit-lines-2">{e(x.name)}</h2>'
            f'<p class="text-muted">{e(x.snippet(now)[:130])}</p></div><div class="grid-card-footer text-muted "><p>{icon("star")}<span title="{day_datetime(x.created)}">Создано {carbon_ago(x.created, now)}</span></p>'
            f'<p>{icon("edit")}<span title="{day_datetime(x.updated(now)[0])}">Обновлено {carbon_ago(x.updated(now)[0], now)}</span></p></div></a>'
            for x in xs) + "</div>"  # fmt: skip

    sort_form = ('<div class="text-m-right my-m"><form action="{{BASE}}/preferences/change-sort/{kind}" method="post" class="list-sort-container"><input type="hidden" name="_token" value="Jx0Qn2m7RkVb8cTz4yWs1aLp6dHf3uGe9oIiKt5X">'
                 '<input type="hidden" name="_method" value="PATCH"><div class="list-sort-label">Сортировать</div><div class="list-sort"><div class="list-sort-type">По имени</div>'
                 '<button class="list-sort-dir" type="submit" name="order" value="desc">&#8593;</button></div></form></div>')  # fmt: skip
    tags_action = f'<a href="{{{{BASE}}}}/tags" class="icon-list-item"><span>{icon("tag")}</span><span>Посмотреть теги</span></a>'
    view_toggle = ('<form action="{{BASE}}/preferences/change-view/{kind}" method="POST"><input type="hidden" name="_token" value="Jx0Qn2m7RkVb8cTz4yWs1aLp6dHf3uGe9oIiKt5X">'
                   '<input type="hidden" name="_method" value="PATCH"><input type="hidden" name="view" value="list"><button type="submit" class="icon-list-item text-link"><span>&#9776;</span><span>Вид списком</span></button></form>')  # fmt: skip

    # shelves
    for sh in v.shelves:
        books = [v.book(b) for b in sh.books if any(x.slug == b for x in v.books)]
        body = (f'<div class="mb-s print-hidden">{breadcrumbs([sh])}</div><main class="card content-wrap"><div class="flex-container-row wrap v-center">'
                f'<h1 class="flex fit-content break-text">{e(sh.name)}</h1><div class="flex"></div>{sort_form.replace("{kind}", "shelf_books")}</div>'
                f'<div class="book-content"><div class="text-muted break-text"><p>{e(sh.desc)}</p></div>{grid(books)}</div></main>')  # fmt: skip
        left = f'<div id="recent-activity" class="mb-xl"><h5>Недавние действия</h5>{activity_html([t for t in events if t[3] is sh or getattr(t[3], "book", getattr(t[3], "slug", None)) in sh.books][:8], now)}</div>'
        right = (f'<div class="mb-xl"><h5>Детали</h5><div class="blended-links">{meta_html(sh, now)}</div></div>'
                 f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link">{tags_action}</div></div>')  # fmt: skip
        page_out(sh.url, tri(sh.name, sh.url, body, left, right, f"bookshelf-{sh.id}", f'<meta property="og:description" content="{e(sh.desc)}">'), "shelf")
    newest = sorted(v.books, key=lambda b: b.created, reverse=True)
    page_out("/shelves", tri("Полки", "/shelves",
                             f'<main class="content-wrap mt-m card"><div class="grid half v-center no-row-gap"><h1 class="list-heading">Полки</h1>{sort_form.replace("{kind}", "bookshelves")}</div>{grid(v.shelves)}</main>',
                             f'<div id="popular" class="mb-xl"><h5>Популярные полки</h5>{entity_list(v.shelves, now)}</div><div id="new" class="mb-xl"><h5>Новые полки</h5>{entity_list(sorted(v.shelves, key=lambda x: x.created, reverse=True), now)}</div>',
                             f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link">{view_toggle.replace("{kind}", "bookshelves")}{tags_action}</div></div>'), "listing")  # fmt: skip
    page_out("/books", tri("Книги", "/books",
                           f'<main class="content-wrap mt-m card"><div class="grid half v-center no-row-gap"><h1 class="list-heading">Книги</h1>{sort_form.replace("{kind}", "books")}</div>{grid(sorted(v.books, key=lambda b: b.name))}</main>',
                           f'<div id="popular" class="mb-xl"><h5>Популярные книги</h5>{entity_list(v.books, now)}</div><div id="new" class="mb-xl"><h5>Новые книги</h5>{entity_list(newest, now)}</div>',
                           f'<div class="actions mb-xl"><h5>Действия</h5><div class="icon-list text-link">{view_toggle.replace("{kind}", "books")}{tags_action}</div></div>'), "listing")  # fmt: skip

    # recently updated pages, the home page
    recent = sorted(v.pages, key=lambda p: (p.updated(now)[0], p.id), reverse=True)
    pages_n = max(1, -(-len(recent) // PER_RECENT))
    for k in range(1, pages_n + 1):
        chunk = recent[(k - 1) * PER_RECENT : k * PER_RECENT]
        body = (f'<div class="container small pt-xl"><main class="card content-wrap"><h1 class="list-heading">Недавно обновленные страницы</h1>'
                f'<div class="book-contents">{entity_list(chunk, now, show_path=True, show_updated=True, base=v)}</div><div class="text-center">{pager("/pages/recently-updated", k, pages_n)}</div></main></div>')  # fmt: skip
        html = simple("Недавно обновленные страницы", "/pages/recently-updated", body)
        if k == 1:
            page_out("/pages/recently-updated", html, "listing")
            if pages_n > 1:  # Laravel's pager links page one as «?page=1»: the same list at a second address
                s.query_page("/pages/recently-updated?page=1", html, "paginated")
        else:
            s.query_page(f"/pages/recently-updated?page={k}", html, "paginated")
    home = (f'<div class="container px-xl py-s flex-container-row gap-l wrap justify-space-between"><div class="icon-list inline block"></div></div>'
            f'<div class="container" id="home-default"><div class="grid third gap-x-xxl no-row-gap">'
            f'<div><div id="recent-books" class="card mb-xl"><h3 class="card-title">Недавние книги</h3><div class="px-m">{entity_list(newest, now)}</div></div></div>'
            f'<div><div id="recently-updated-pages" class="card mb-xl"><h3 class="card-title">Недавно обновленные страницы</h3><div id="recently-updated-pages" class="px-m">'
            f'{entity_list(recent[:10], now)}</div><a href="{{{{BASE}}}}/pages/recently-updated" class="card-footer-link">Показать все</a></div></div>'
            f'<div><div id="recent-activity" class="card mb-xl"><h3 class="card-title">Недавние действия</h3><div class="px-m">{activity_html(events[:10], now)}</div></div></div>'
            f"</div></div>")  # fmt: skip
    page_out("/", simple(None, "/", home), "home")

    # profiles
    for slug, u in USERS.items():
        mine = {t: [x for x in xs if x.by == slug] for t, xs in (("page", v.pages), ("chapter", v.chapters), ("book", v.books), ("bookshelf", v.shelves))}
        sections = ""
        for t, heading, none, anchor in (("page", "Недавно созданные страницы", "не создал ни одной страницы", "recent-pages"),
                                         ("chapter", "Недавно созданные главы", "не создал ни одной главы", "recent-chapters"),
                                         ("book", "Недавно созданные книги", "не создал ни одной книги", "recent-books"),
                                         ("bookshelf", "Недавно созданные полки", "не создал ни одной полки", "recent-shelves")):  # fmt: skip
            xs = sorted(mine[t], key=lambda x: x.created, reverse=True)
            link = ""
            if xs:
                term = f"{{created_by:{slug}}} {{type:{t}}}"
                url = v.search_link("/search?term=" + php_urlencode(term), term)
                link = f'<a href="{{{{BASE}}}}{e(url)}" class="text-small ml-s">Показать все</a>'
            lst = entity_list(xs[:6], now, show_path=True, base=v) if xs else f'<p class="text-muted">{e(u["name"])} {none}</p>'
            sections += f'<section class="card content-wrap auto-height book-contents"><h2 id="{anchor}" class="list-heading">{heading}{link}</h2>{lst}</section>'
        acts = [t for t in events if t[1] == slug][:10]
        counts = (f'<a href="#recent-pages" class="text-page icon-list-item"><span>{icon("page")}</span><span>{len(mine["page"])} {plural(len(mine["page"]), "страница", "страницы", "страниц")}</span></a>'
                  f'<a href="#recent-chapters" class="text-chapter icon-list-item"><span>{icon("chapter")}</span><span>{len(mine["chapter"])} {plural(len(mine["chapter"]), "глава", "главы", "глав")}</span></a>'
                  f'<a href="#recent-books" class="text-book icon-list-item"><span>{icon("book")}</span><span>{len(mine["book"])} {plural(len(mine["book"]), "книга", "книги", "книг")}</span></a>'
                  f'<a href="#recent-shelves" class="text-bookshelf icon-list-item"><span>{icon("bookshelf")}</span><span>{len(mine["bookshelf"])} {plural(len(mine["bookshelf"]), "полка", "полки", "полок")}</span></a>')  # fmt: skip
        body = (f'<div class="container medium pt-xl"><div class="grid right-focus reverse-collapse"><div><section id="recent-user-activity" class="mb-xl"><h5>Недавние действия</h5>{activity_html(acts, now)}</section></div>'
                f'<div><section class="card content-wrap auto-height"><div class="grid half v-center"><div><div class="mr-m float left"><img class="avatar square huge" src="{{{{BASE}}}}/uploads/images/user/{slug}.png" alt="{e(u["name"])}"></div>'
                f'<div><h4 class="mt-md">{e(u["name"])}</h4><p class="text-muted">Пользователь уже {carbon_ago(u["created"], now, suffix=False)}</p></div></div>'
                f'<div id="content-counts"><div class="text-muted">Созданный контент</div><div class="icon-list">{counts}</div></div></div></section>{sections}</div></div></div>')  # fmt: skip
        page_out(f"/user/{slug}", simple(u["name"], f"/user/{slug}", body), "profile")

    # the tags overview
    names: dict[str, set[str]] = {}
    for x in v.pages:
        for n, val in x.tags:
            names.setdefault(n, set()).add(val)

    def usage(n: str, val: str | None = None) -> dict[str, int]:
        hit = [x for x in v.pages if any(tn == n and (val is None or tv == val) for tn, tv in x.tags)]
        return {"all": sum(1 for x in hit for tn, tv in x.tags if tn == n and (val is None or tv == val)), "page": len(hit)}

    def row(n: str, val: str | None, top: bool) -> str:
        c = usage(n, val)
        if val:
            u_all = v.search_link(value_url(n, val), f"[{n}={val}]")
            typed = {t: u_all for t in ("page", "chapter", "book", "bookshelf")}
        else:
            u_all = v.search_link(name_url(n), f"[{n}]")
            typed = {t: v.search_link(name_url(n) + "+{type:" + t + "}", f"[{n}] {{type:{t}}}") for t in ("page", "chapter", "book", "bookshelf")}
        counts = [("leaderboard", u_all, c["all"], "Всего использовано тегов", "text-muted"), ("page", typed["page"], c["page"], "Назначено на страницы", "text-page"),
                  ("chapter", typed["chapter"], 0, "Назначено на главы", "text-chapter"), ("book", typed["book"], 0, "Назначено на книги", "text-book"),
                  ("bookshelf", typed["bookshelf"], 0, "Назначено на полки", "text-bookshelf")]  # fmt: skip
        links = "".join(f'<a href="{{{{BASE}}}}{e(u)}" title="{t}" class="flex fill-area min-width-xxs bold text-right {cls}"><span class="opacity-60">{icon(ic)}</span>{num}</a>' for ic, u, num, t, cls in counts)
        tail = ""
        if top:
            values = len(names[n] - {""})
            tail = (f'<div class="flex text-s-right text-muted py-s px-m min-width-s"><a href="{{{{BASE}}}}{e("/tags?name=" + php_urlencode(n))}">'
                    f'{f"Уникальные значения: {values}" if values else "Все значения"}</a></div>')  # fmt: skip
        return (f'<div class="item-list-row flex-container-row items-center wrap"><div class="flex py-s px-m min-width-m"><span class="text-bigger mr-xl">{v.tag_links([(n, val or "")])}</span></div>'
                f'<div class="flex-2 flex-container-row justify-center items-center gap-m py-s px-m min-width-l wrap">{links}</div>{tail}</div>')  # fmt: skip

    def tags_page(url: str, title: str, rows_html: str, clear: bool) -> str:
        back = '<a href="{{BASE}}/tags" class="button outline">Все теги</a>' if clear else ""
        return simple("Теги", url, f'<div class="container small"><main class="card content-wrap mt-xxl"><div class="flex-container-row wrap justify-space-between items-center mb-s gap-m">'
                                  f'<h1 class="list-heading">{e(title)}</h1>{back}</div><p class="text-muted">Теги могут быть применены к содержимому для гибкой категоризации. Теги могут иметь как ключ, так и значение, значение является необязательным. '
                                  f'После применения содержимое может быть найдено с помощью имени тега и значения.</p><div class="item-list mt-m">{rows_html}</div></main></div>')  # fmt: skip

    page_out("/tags", tags_page("/tags", "Теги", "".join(row(n, None, True) for n in sorted(names)), False), "tag")
    for n, vals in sorted(names.items()):
        url = "/tags?name=" + php_urlencode(n)
        rows_html = "".join(row(n, val or None, False) for val in sorted(vals))
        s.query_page(url, tags_page(url, "Теги", rows_html, True), "tag")

    # searches linked anywhere above, each with its «Еще результаты» pages
    done: set[str] = set()
    while set(v.searches) - done:
        for url in sorted(set(v.searches) - done):
            done.add(url)
            term = normalise(v.searches[url])
            page_no = int(re.search(r"[?&]page=(\d+)", url).group(1)) if re.search(r"[?&]page=(\d+)", url) else 1
            found = v.search(term)
            chunk = found[(page_no - 1) * PER_SEARCH : page_no * PER_SEARCH]
            more = ""
            if len(found) > page_no * PER_SEARCH:
                nxt = v.search_link("/search?term=" + php_urlencode(term) + f"&page={page_no + 1}", term)
                more = f'<div class="text-right mt-m"><a href="{{{{BASE}}}}{e(nxt)}" class="button outline">Еще результаты</a></div>'
            n = len(found)
            tags_in = re.findall(r"\[[^\]]*\]", term)
            body = ('<div class="container mt-xl" id="search-system"><div class="grid right-focus reverse-collapse gap-xl"><div><div><h5>Расширенный поиск</h5>'
                    '<form method="get" action="{{BASE}}/search"><h6>Поисковые запросы</h6><input type="text" name="search" value="">'
                    '<h6>Тип содержимого</h6><div class="form-group"><label class="inline checkbox text-page"><input type="checkbox" checked name="types[]" value="page">Страница</label>'
                    '<label class="inline checkbox text-chapter"><input type="checkbox" checked name="types[]" value="chapter">Глава</label><br>'
                    '<label class="inline checkbox text-book"><input type="checkbox" checked name="types[]" value="book">Книга</label>'
                    '<label class="inline checkbox text-bookshelf"><input type="checkbox" checked name="types[]" value="bookshelf">Полка</label></div>'
                    '<h6>Поиск по тегам</h6>' + "".join(f'<input type="text" name="tags[]" value="{e(x)}">' for x in tags_in) +
                    f'<h6>Параметры даты</h6><input type="hidden" name="extras" value=""><button type="submit" class="button">Обновить поиск</button></form></div></div>'
                    f'<div><div class="card content-wrap"><h1 class="list-heading">Результаты поиска</h1>'
                    f'<h6 class="text-muted">{"Найден" if plural(n, "a", "b", "c") == "a" else "Найдено"} {n} {plural(n, "результат", "результата", "результатов")}</h6>'
                    f'<div class="book-contents">{entity_list(chunk, now, empty="Нет страниц, соответствующих этому поиску", show_path=True, show_tags=True, base=v)}</div>{more}</div></div></div></div>')  # fmt: skip
            s.query_page(url, simple(f"Искать {term}", url, body), "search")

    page_out("/search", simple("Поиск", "/search",
             '<div class="container mt-xl" id="search-system"><div class="card content-wrap"><h1 class="list-heading">Результаты поиска</h1>'
             '<form action="{{BASE}}/search" method="GET" class="search-box flexible"><input value="" type="text" name="term" placeholder="Поиск"><button type="submit" aria-label="Поиск" tabindex="-1">&#128269;</button></form>'
             '<h6 class="text-muted">Найдено 0 результатов</h6><div class="book-contents"><p class="text-muted empty-text">Нет страниц, соответствующих этому поиску</p></div></div></div>'), "search")  # fmt: skip
    page_out("/login", simple("Вход", "/login",
             '<div class="container very-small"><div class="my-l">&nbsp;</div><div class="card content-wrap auto-height"><h1 class="list-heading">Вход</h1>'
             '<form action="{{BASE}}/login" method="POST" id="login-form" class="mt-l"><input type="hidden" name="_token" value="Jx0Qn2m7RkVb8cTz4yWs1aLp6dHf3uGe9oIiKt5X">'
             '<div class="form-group"><label for="email">Адрес электронной почты</label><input type="email" id="email" name="email" autofocus></div>'
             '<div class="form-group"><label for="password">Пароль</label><input type="password" id="password" name="password">'
             '<div class="small mt-s"><a href="{{BASE}}/password/email">Забыли пароль?</a></div></div>'
             '<div class="grid half collapse-xs gap-xl v-center"><div class="text-left ml-xxs"><label class="toggle-switch"><input type="checkbox" name="remember" value="on"> Запомнить меня</label></div>'
             '<div class="text-right"><button class="button">Вход</button></div></div></form></div></div>'), "form")  # fmt: skip
    page_out("/password/email", simple("Сброс пароля", "/password/email",
             '<div class="container very-small mt-xl"><div class="card content-wrap auto-height"><h1 class="list-heading">Сброс пароля</h1>'
             '<p class="text-muted small">Введите свой адрес электронной почты ниже, и вам будет отправлено письмо со ссылкой для сброса пароля.</p>'
             '<form action="{{BASE}}/password/email" method="POST"><input type="hidden" name="_token" value="Jx0Qn2m7RkVb8cTz4yWs1aLp6dHf3uGe9oIiKt5X">'
             '<div class="form-group"><label for="email">Адрес электронной почты</label><input type="email" id="email" name="email"></div>'
             '<div class="from-group text-right mt-m"><button class="button">Сбросить пароль</button></div></form></div></div>'), "form")  # fmt: skip
    return s


def export_doc(title: str, content: str) -> str:
    return (f'<!doctype html>\n<html lang="ru">\n<head>\n    <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n    <title>{e(title)}</title>\n'
            f"    <style>html, body {{ font-family: sans-serif; }} .page-content {{ max-width: 840px; margin: 0 auto; }}</style>\n</head>\n"
            f'<body class="export export-format-html export-engine-none">\n<div class="page-content" dir="auto">\n{content}\n</div>\n</body>\n</html>\n')  # fmt: skip
