"""Render the blind outlets of issue 17: eval/blind_outlets/sites/<outlet>/ and gold.json.

    .venv/bin/python eval/blind_outlets/build.py [--out DIR]   # DIR: render elsewhere (tests)

Sources: articles.yml (texts and gold labels, written before newsmon ever ran on these sites) and
the four page styles below, one per outlet, written for this set only:

- permvesti — DataLife Engine without human-readable URLs (``/index.php?newsid=N``, pagination
  ``?cstart=N``, calendar ``?year=&month=&day=``, static pages ``/kontakty.html``), windows-1251;
- nvkz — a municipal administration portal (``/press-center/news/N/``, month archives
  ``/press-center/news/archive/2025/09/``, a photo album, staff profiles, a district's page);
- teplydom — a Tilda charity site: a landing home page, a blog feed, ``/tpost/<id>-<slug>`` posts,
  about / gallery / contacts / reports pages, every page listed in ``/sitemap.xml``;
- ladoga — a uCoz district newspaper (``/news/<slug>/2025-10-28-560``, calendar day archives
  ``/news/2025-10-28``, month archives ``/news/2025-10``, a photo entry), windows-1251.

The output is committed; gold.json lists every HTML page of every site (non-articles with
``is_article: false``), so any page a crawl stores can be judged.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.outlet_sites import (  # noqa: E402
    MONTHS_NOM,
    Site,
    build_set,
    dotted,
    lead,
    paragraphs,
    words_date,
)

HERE = Path(__file__).resolve().parent


OUTLETS: dict[str, dict[str, Any]] = {
    "permvesti": {"title": "Вести Прикамья", "region": "Пермский край", "iso": "RU-PER",
                  "tz": "+0500", "encoding": "windows-1251", "charset_in": "both"},
    "nvkz": {"title": "Администрация города Новокузнецка", "region": "Кемеровская область",
             "iso": "RU-KEM", "tz": "+0700", "encoding": "utf-8", "charset_in": "header"},
    "teplydom": {"title": "Благотворительный фонд «Тёплый дом»", "region": "Свердловская область",
                 "iso": "RU-SVE", "tz": "+0500", "encoding": "utf-8", "charset_in": "both",
                 "sitemaps": ["/sitemap.xml"]},
    "ladoga": {"title": "Ладожский вестник", "region": "Ленинградская область", "iso": "RU-LEN",
               "tz": "+0300", "encoding": "windows-1251", "charset_in": "meta"},
}  # fmt: skip

e = html.escape


# --- permvesti: DataLife Engine, no human-readable URLs ------------------------------------------

def dle_url(a: dict) -> str:
    return f"/index.php?newsid={a['id']}"


def dle_shell(title: str, body: str, arts: list[dict], sel_month: int = 10) -> str:
    by_day = {a["date"] for a in arts if a["date"].month == sel_month}
    first = dt.date(2025, sel_month, 1)
    cells = ["<td></td>"] * first.weekday()
    day = first
    while day.month == sel_month:
        if day in by_day:
            cells.append(f'<td class="day-active"><a href="/index.php?year={day.year}&amp;month='
                         f'{day.month:02d}&amp;day={day.day:02d}" title="Новости за {words_date(day)}">'
                         f"{day.day}</a></td>")  # fmt: skip
        else:
            cells.append(f"<td>{day.day}</td>")
        day += dt.timedelta(days=1)
    rows = "".join("<tr>" + "".join(cells[i:i + 7]) + "</tr>" for i in range(0, len(cells), 7))
    popular = "".join(f'<li><a href="{dle_url(a)}">{e(a["title"])}</a></li>' for a in arts[2:5])
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title)}</title>
<meta name="generator" content="DataLife Engine (http://dle-news.ru)">
<link rel="alternate" type="application/rss+xml" title="Вести Прикамья" href="/rss.xml">
<link rel="stylesheet" href="/templates/Prikamye/css/style.css"></head>
<body><div id="wrapper">
<div id="header"><a href="/" class="logo">Вести Прикамья</a><span class="slogan">Новости Пермского края</span>
<form method="post" action="/index.php?do=search"><input type="hidden" name="do" value="search">
<input name="story" placeholder="Поиск по сайту..."></form></div>
<div id="menu"><a href="/">Главная</a> <a href="/index.php?do=cat&amp;category=obshestvo">Общество</a>
<a href="/index.php?do=cat&amp;category=sport">Спорт</a> <a href="/index.php?do=cat&amp;category=v-strane">В стране</a>
<a href="/index.php?do=feedback">Обратная связь</a></div>
<div id="content"><div id="dle-content">{body}</div></div>
<div id="sidebar">
<div class="block"><div class="block-title">Календарь</div>
<table class="calendar"><tr><th colspan="7" class="monthselect"><a href="/index.php?year=2025&amp;month=09">&laquo;</a>
{MONTHS_NOM[sel_month - 1]} 2025</th></tr>
<tr><th>Пн</th><th>Вт</th><th>Ср</th><th>Чт</th><th>Пт</th><th class="weekday">Сб</th><th class="weekday">Вс</th></tr>{rows}</table></div>
<div class="block"><div class="block-title">Архив новостей</div>
<a href="/index.php?year=2025&amp;month=10">Октябрь 2025 (5)</a><br><a href="/index.php?year=2025&amp;month=09">Сентябрь 2025 (5)</a></div>
<div class="block"><div class="block-title">Популярное</div><ul>{popular}</ul></div>
<div class="block"><div class="block-title">Опрос</div>Как вы оцениваете работу общественного транспорта?
<br><input type="radio"> Хорошо <input type="radio"> Плохо</div>
</div>
<div id="footer">&copy; 2012-2025 «Вести Прикамья». Свидетельство о регистрации СМИ ЭЛ № ФС 77-51234 от 12.10.2012.
<a href="/kontakty.html">Контакты</a> | <a href="/reklama.html">Реклама на сайте</a> | <a href="/index.php?do=rules">Правила</a>
<br>Просмотров за сегодня: 1 245. Сегодня: 4 декабря 2026</div>
</div></body></html>
"""


def dle_short(a: dict) -> str:
    return f"""<div class="shortstory">
<h2 class="short-title"><a href="{dle_url(a)}">{e(a['title'])}</a></h2>
<div class="short-info">{words_date(a['date'])}, {a['time']} | <a href="/index.php?do=cat&amp;category=obshestvo">{e(a['rubric'])}</a> | Просмотров: {a['id'] % 97 + 40}</div>
<div class="short-text">{e(lead(a, 220))}</div>
<div class="more"><a href="{dle_url(a)}">Подробнее</a></div></div>
"""


def build_permvesti(arts: list[dict], s: Site) -> Site:
    arts = sorted(arts, key=lambda a: (a["date"], a["time"]), reverse=True)
    first, second = arts[:6], arts[6:]
    nav1 = ('<div class="navigation"><span>1</span> <a href="/index.php?cstart=2">2</a> '
            '<a href="/index.php?cstart=2">Далее &raquo;</a></div>')  # fmt: skip
    nav2 = ('<div class="navigation"><a href="/">&laquo; Назад</a> <a href="/">1</a> '
            "<span>2</span></div>")  # fmt: skip
    s.page("/", "index.html", dle_shell("Вести Прикамья — новости Пермского края",
           "".join(map(dle_short, first)) + nav1, arts), "home")  # fmt: skip
    s.page("/index.php?cstart=2", "index.php@cstart=2.html",
           dle_shell("Вести Прикамья — новости Пермского края » Страница 2",
                     "".join(map(dle_short, second)) + nav2, arts), "paginated")  # fmt: skip
    for month in (9, 10):
        in_month = [a for a in arts if a["date"].month == month]
        body = (f'<div class="archive-title">Архив новостей за {MONTHS_NOM[month - 1].lower()} 2025 года</div>'
                + "".join(map(dle_short, in_month)))  # fmt: skip
        for q in (f"year=2025&month={month:02d}", f"month={month:02d}&year=2025"):
            s.write(f"index.php@{q}.html", dle_shell(f"Новости за {MONTHS_NOM[month - 1].lower()} 2025",
                                                     body, arts, month))  # fmt: skip
        s.gold.append({"outlet": s.name, "url": f"/index.php?month={month:02d}&year=2025",
                       "is_article": False, "kind": "month_archive"})  # fmt: skip
    for day in sorted({a["date"] for a in arts}):
        on_day = [a for a in arts if a["date"] == day]
        body = (f'<div class="archive-title">Новости за {words_date(day)} года</div>'
                + "".join(map(dle_short, on_day)))  # fmt: skip
        for q in (f"year=2025&month={day.month:02d}&day={day.day:02d}",
                  f"day={day.day:02d}&month={day.month:02d}&year=2025"):
            s.write(f"index.php@{q}.html", dle_shell(f"Новости за {words_date(day)}", body, arts,
                                                     day.month))  # fmt: skip
        s.gold.append({"outlet": s.name, "url": f"/index.php?day={day.day:02d}&month={day.month:02d}"
                       "&year=2025", "is_article": False, "kind": "day_archive"})  # fmt: skip
    for a in arts:
        text = "<br><br>".join(e(p) for p in paragraphs(a))
        related = "".join(f'<li><a href="/index.php?newsid={a["id"] - 300 - i * 17}">{e(t)}</a></li>'
                          for i, t in enumerate(a.get("related", [])))  # fmt: skip
        related_block = (f'<div class="related"><div class="related-title">Похожие новости:</div><ul>{related}</ul></div>'
                         if related else "")  # fmt: skip
        body = f"""<div class="fullstory">
<div class="speedbar"><a href="/">Вести Прикамья</a> &raquo; <a href="/index.php?do=cat&amp;category=obshestvo">{e(a['rubric'])}</a> &raquo; {e(a['title'])}</div>
<h1>{e(a['title'])}</h1>
<div class="full-info">{words_date(a['date'])}, {a['time']} | Категория: {e(a['rubric'])} | Автор: <a href="/index.php?subaction=userinfo&amp;user=redaktor">redaktor</a> | Просмотров: {a['id'] % 211 + 120}</div>
<div class="full-text"><img src="/uploads/posts/2025-{a['date'].month:02d}/{a['id']}_1.jpg" alt="" style="float:left;margin:0 10px 10px 0">{text}</div>
<div class="full-tags">Теги: <a href="/index.php?do=tags&amp;tag=%D1%81%D0%B5%D0%BC%D1%8C%D1%8F">семья</a>, <a href="/index.php?do=tags&amp;tag=%D0%BE%D0%BF%D0%B5%D0%BA%D0%B0">опека</a></div>
<div class="print-link"><a href="/engine/print.php?newsid={a['id']}" rel="nofollow">Версия для печати</a></div>
{related_block}
<div class="comments-title">Комментарии (0)</div>
<div class="berrors">Информация: Посетители, находящиеся в группе <b>Гости</b>, не могут оставлять комментарии к данной публикации.</div>
</div>"""
        s.page(dle_url(a), f"index.php@newsid={a['id']}.html",
               dle_shell(f"{a['title']} » Вести Прикамья", body, arts, a["date"].month), "article", a)  # fmt: skip
    for slug, title, text in [
        ("kontakty", "Контакты", ["Редакция сетевого издания «Вести Прикамья».",
                                  "Адрес: 614000, г. Пермь, ул. Ленина, 64, офис 410.",
                                  "Телефон: +7 (342) 200-00-00. Электронная почта: info@vesti-prikamya.ru.",
                                  "Главный редактор: Кузнецова М. А."]),
        ("reklama", "Реклама на сайте", ["Размещение баннеров и партнёрских материалов на сайте «Вести Прикамья».",
                                         "Баннер 240×400 на всех страницах — 15 000 рублей в месяц. Партнёрский материал — 12 000 рублей.",
                                         "Аудитория сайта — 180 тысяч уникальных посетителей в месяц. Запросы направляйте на reklama@vesti-prikamya.ru."]),
    ]:  # fmt: skip
        body = f'<div class="static"><h1>{title}</h1><div class="static-text">{"<br>".join(e(t) for t in text)}</div></div>'
        s.page(f"/{slug}.html", f"{slug}.html", dle_shell(f"{title} » Вести Прикамья", body, arts),
               "static")  # fmt: skip
    items = "".join(f"""<item><title>{e(a['title'])}</title><link>{{{{BASE}}}}{e(dle_url(a))}</link>
<description>{e(lead(a))}</description><category>{e(a['rubric'])}</category>
<pubDate>{dt.datetime.combine(a['date'], dt.time.fromisoformat(a['time'])).strftime('%a, %d %b %Y %H:%M:%S')} +0500</pubDate></item>
""" for a in first)  # fmt: skip
    s.write("rss.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Вести Прикамья</title><link>{{{{BASE}}}}/</link>
<description>Новости Пермского края</description><language>ru</language>
{items}</channel></rss>
""")
    return s


# --- nvkz: municipal administration portal -------------------------------------------------------

NVKZ_MENU = """<nav class="main-menu"><ul>
<li><a href="/administration/">Администрация</a></li><li><a href="/city/">Город</a></li>
<li><a href="/press-center/news/">Пресс-центр</a></li><li><a href="/documents/">Документы</a></li>
<li><a href="/reception/">Интернет-приёмная</a></li></ul></nav>"""


def nvkz_shell(title: str, crumbs: str, body: str, aside: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/local/templates/gov/styles.css"></head>
<body class="gov-page">
<div class="bvi-panel"><a href="#" class="bvi-open">Версия для слабовидящих</a></div>
<header class="site-header"><div class="site-header__logo"><img src="/local/templates/gov/img/gerb.svg" alt="Герб Новокузнецка"></div>
<div class="site-header__name">Официальный сайт<br><strong>администрации города Новокузнецка</strong></div>
<div class="site-header__contacts">Единый телефон: 8 (3843) 32-15-00</div></header>
{NVKZ_MENU}
<div class="breadcrumbs"><a href="/">Главная</a> / {crumbs}</div>
<div class="layout"><main class="layout__main">{body}</main>
<aside class="layout__aside">{aside}
<div class="widget"><div class="widget__title">Полезные ссылки</div><ul>
<li><a href="https://www.gosuslugi.ru/">Госуслуги</a></li><li><a href="https://ako.ru/">Правительство Кузбасса</a></li></ul></div>
</aside></div>
<footer class="site-footer"><div>654080, Кемеровская область — Кузбасс, г. Новокузнецк, ул. Кирова, 71</div>
<div><a href="/contacts/">Контакты</a> · <a href="/city/">О городе</a></div>
<div>© Администрация города Новокузнецка, 2025. При использовании материалов ссылка на сайт обязательна.</div></footer>
</body></html>
"""


def nvkz_item(a: dict) -> str:
    return f"""<div class="news-item"><div class="news-item__date">{dotted(a['date'])}</div>
<a class="news-item__title" href="/press-center/news/{a['id']}/">{e(a['title'])}</a>
<p class="news-item__lead">{e(lead(a))}</p></div>
"""


def nvkz_archive_aside() -> str:
    return ('<div class="widget"><div class="widget__title">Архив новостей</div><ul>'
            '<li><a href="/press-center/news/archive/2025/10/">Октябрь 2025</a></li>'
            '<li><a href="/press-center/news/archive/2025/09/">Сентябрь 2025</a></li>'
            '<li><a href="/press-center/news/archive/2025/08/">Август 2025</a></li></ul>'
            '<form action="/press-center/news/" class="date-filter">Новости за дату: <input type="date" name="date">'
            "<button>Показать</button></form></div>")  # fmt: skip


def build_nvkz(arts: list[dict], s: Site) -> Site:
    arts = sorted(arts, key=lambda a: (a["date"], a["time"]), reverse=True)
    aside = nvkz_archive_aside()
    slider = "".join(f'<div class="slide"><img src="/upload/iblock/{a["id"]}.jpg" alt=""><a href="/press-center/news/{a["id"]}/">{e(a["title"])}</a></div>'
                     for a in arts[:3])  # fmt: skip
    home = f"""<section class="slider">{slider}</section>
<section class="home-news"><h2>Новости</h2>{''.join(map(nvkz_item, arts[:5]))}
<a class="more-link" href="/press-center/news/">Все новости</a></section>
<section class="home-photo"><h2>Фоторепортажи</h2>
<a href="/press-center/photo/5521/"><img src="/upload/photo/5521/cover.jpg" alt="">Спартакиада школьников: фотоальбом</a></section>
<section class="home-districts"><h2>Районы города</h2><ul>
<li><a href="/city/districts/territorialnoe-upravlenie-kuybyshevskogo-rayona/">Куйбышевский район</a></li>
<li><a href="/city/districts/territorialnoe-upravlenie-zavodskogo-rayona/">Заводской район</a></li></ul></section>
<section class="home-services"><h2>Услуги</h2><p>Запись на приём к главе города, подача обращений, запись в детский сад — через портал Госуслуг.</p></section>"""
    s.page("/", "index.html", nvkz_shell("Администрация города Новокузнецка", "Главная", home, aside), "home")
    pages = [arts[:5], arts[5:]]
    for n, chunk in enumerate(pages, 1):
        nav = ('<div class="pager"><span class="active">1</span> <a href="/press-center/news/?page=2">2</a> '
               '<a href="/press-center/news/?page=2">Следующая</a></div>' if n == 1 else
               '<div class="pager"><a href="/press-center/news/">1</a> <span class="active">2</span></div>')  # fmt: skip
        body = f'<h1>Новости</h1><div class="news-list">{"".join(map(nvkz_item, chunk))}</div>{nav}'
        url = "/press-center/news/" if n == 1 else "/press-center/news/?page=2"
        rel = "press-center/news/index.html" if n == 1 else "press-center/news/index@page=2.html"
        s.page(url, rel, nvkz_shell("Новости — Администрация города Новокузнецка",
                                    '<a href="/press-center/">Пресс-центр</a> / Новости', body, aside),
               "listing" if n == 1 else "paginated")  # fmt: skip
    for month in (8, 9, 10):
        in_month = [a for a in arts if a["date"].month == month]
        items = "".join(map(nvkz_item, in_month)) or "<p>Новостей за этот период нет.</p>"
        body = f'<h1>Архив новостей: {MONTHS_NOM[month - 1].lower()} 2025</h1><div class="news-list">{items}</div>'
        s.page(f"/press-center/news/archive/2025/{month:02d}/", f"press-center/news/archive/2025/{month:02d}/index.html",
               nvkz_shell(f"Архив новостей за {MONTHS_NOM[month - 1].lower()} 2025",
                          '<a href="/press-center/news/">Новости</a> / Архив', body, aside), "month_archive")  # fmt: skip
    for a in arts:
        text = "".join(f"<p>{e(p)}</p>" for p in paragraphs(a))
        related = "".join(f'<li><a href="https://ako.ru/news/{a["id"] * 3 + i}">{e(t)}</a></li>'
                          for i, t in enumerate(a.get("related", [])))  # fmt: skip
        own = [b for b in arts if b is not a][:3]
        others = "".join(f'<li><span class="date">{dotted(b["date"])}</span> <a href="/press-center/news/{b["id"]}/">{e(b["title"])}</a></li>'
                         for b in own)  # fmt: skip
        rel_block = (f'<div class="news-region"><div class="widget__title">Новости Кузбасса</div><ul>{related}</ul></div>'
                     if related else "")  # fmt: skip
        body = f"""<article class="news-detail"><h1 class="news-detail__title">{e(a['title'])}</h1>
<div class="news-detail__meta"><span class="news-detail__date">{dotted(a['date'])} {a['time']}</span>
<span class="news-detail__section">{e(a['rubric'])}</span></div>
<div class="news-detail__image"><img src="/upload/iblock/{a['id']}.jpg" alt="{e(a['title'])}"></div>
<div class="news-detail__text">{text}</div>
<div class="news-detail__source">Управление информационной политики администрации города Новокузнецка</div>
<div class="news-detail__tools"><a href="/press-center/news/{a['id']}/?print=Y" rel="nofollow">Версия для печати</a>
<span class="share">Поделиться: ВКонтакте · Одноклассники · Telegram</span></div>
<a class="back" href="/press-center/news/">← Назад к списку новостей</a></article>
<div class="news-other"><div class="widget__title">Другие новости</div><ul>{others}</ul></div>{rel_block}"""
        s.page(f"/press-center/news/{a['id']}/", f"press-center/news/{a['id']}/index.html",
               nvkz_shell(f"{a['title']} — Администрация города Новокузнецка",
                          f'<a href="/press-center/news/">Новости</a> / {e(a["title"])}', body, aside),
               "article", a)  # fmt: skip
    captions = ["Торжественное открытие", "Забег на 100 метров", "Эстафета 4×100", "Прыжки в длину",
                "Команда Новокузнецка", "Награждение", "Болельщики", "Плавание, 50 метров вольным стилем",
                "Судейская коллегия", "Общее фото"]  # fmt: skip
    grid = "".join(f'<figure class="photo-grid__item"><a href="/upload/photo/5521/{i}.jpg"><img src="/upload/photo/5521/{i}_thumb.jpg" alt=""></a>'
                   f"<figcaption>{c}</figcaption></figure>" for i, c in enumerate(captions, 1))  # fmt: skip
    body = (f'<h1>Спартакиада школьников: фотоальбом</h1><div class="album-meta">16.10.2025 · 10 фото</div>'
            f'<div class="photo-grid">{grid}</div><a href="/press-center/photo/">Все фотоальбомы</a>')  # fmt: skip
    s.page("/press-center/photo/5521/", "press-center/photo/5521/index.html",
           nvkz_shell("Фотоальбом — Администрация города Новокузнецка",
                      '<a href="/press-center/">Пресс-центр</a> / Фото', body), "gallery")  # fmt: skip
    for slug, name, head, addr in [
        ("kuybyshevskiy", "Куйбышевского района", "Осипов Сергей Николаевич", "ул. Ленина, 37"),
        ("zavodskogo", "Заводского района", "Лукин Андрей Петрович", "ул. Тореза, 22"),
    ]:  # fmt: skip
        url_slug = "kuybyshevskogo" if slug == "kuybyshevskiy" else slug
        body = f"""<h1>Территориальное управление {name}</h1>
<div class="org-card"><div class="org-card__row"><span>Начальник управления:</span> {head}</div>
<div class="org-card__row"><span>Адрес:</span> 654000, г. Новокузнецк, {addr}</div>
<div class="org-card__row"><span>Телефон приёмной:</span> 8 (3843) 32-{len(slug)}0-11</div>
<div class="org-card__row"><span>Часы приёма граждан:</span> вторник, четверг с 14:00 до 17:00</div>
<div class="org-card__row"><span>Электронная почта:</span> tu-{slug}@admnkz.ru</div></div>
<h2>Структура</h2><ul><li>Отдел по работе с населением</li><li>Отдел жилищно-коммунального хозяйства</li>
<li>Отдел опеки и попечительства (приём по понедельникам)</li></ul>"""
        s.page(f"/city/districts/territorialnoe-upravlenie-{url_slug}-rayona/",
               f"city/districts/territorialnoe-upravlenie-{url_slug}-rayona/index.html",
               nvkz_shell(f"Территориальное управление {name}", '<a href="/city/">Город</a> / Районы', body),
               "profile")  # fmt: skip
    staff = [("shmakova-irina-viktorovna", "Шмакова Ирина Викторовна",
              "Начальник управления опеки и попечительства"),
             ("baranov-oleg-igorevich", "Баранов Олег Игоревич",
              "Заместитель главы города по социальным вопросам")]  # fmt: skip
    lst = "".join(f'<li class="staff__item"><img src="/upload/staff/{s_}.jpg" alt=""><a href="/administration/rukovodstvo/{s_}/">{n}</a><div>{p}</div></li>'
                  for s_, n, p in staff)  # fmt: skip
    s.page("/administration/", "administration/index.html",
           nvkz_shell("Администрация", "Администрация", f'<h1>Руководство администрации</h1><ul class="staff">{lst}</ul>'),
           "staff")  # fmt: skip
    for s_, n, p in staff:
        body = f"""<h1>{n}</h1><div class="person"><img src="/upload/staff/{s_}.jpg" alt="{n}">
<div class="person__post">{p}</div>
<div class="person__row"><span>Телефон:</span> 8 (3843) 32-10-{len(s_)}</div>
<div class="person__row"><span>Приём граждан:</span> первый понедельник месяца, с 15:00, по предварительной записи</div>
<h2>Биография</h2><p>Родилась и выросла в Новокузнецке. Окончила Кузбасскую педагогическую академию. С 2009 года работает в органах социальной защиты населения города.</p></div>""" if "irina" in s_ else f"""<h1>{n}</h1><div class="person"><img src="/upload/staff/{s_}.jpg" alt="{n}">
<div class="person__post">{p}</div>
<div class="person__row"><span>Телефон:</span> 8 (3843) 32-10-{len(s_)}</div>
<h2>Биография</h2><p>Родился в 1974 году в Прокопьевске. Окончил Сибирский государственный индустриальный университет. Курирует образование, здравоохранение и социальную защиту.</p></div>"""
        s.page(f"/administration/rukovodstvo/{s_}/", f"administration/rukovodstvo/{s_}/index.html",
               nvkz_shell(n, '<a href="/administration/">Администрация</a> / Руководство', body), "profile")  # fmt: skip
    city = """<h1>О городе</h1><p>Новокузнецк — крупнейший город Кузбасса, основан в 1618 году.</p>
<h2>Районы</h2><ul><li><a href="/city/districts/territorialnoe-upravlenie-kuybyshevskogo-rayona/">Куйбышевский</a></li>
<li><a href="/city/districts/territorialnoe-upravlenie-zavodskogo-rayona/">Заводской</a></li>
<li>Центральный</li><li>Кузнецкий</li><li>Орджоникидзевский</li><li>Новоильинский</li></ul>"""
    s.page("/city/", "city/index.html", nvkz_shell("О городе", "Город", city), "section")
    docs = """<h1>Документы</h1><ul class="docs">
<li><a href="/upload/docs/post-1874.pdf">Постановление № 1874 от 15.09.2025 «О мерах поддержки замещающих семей»</a> (PDF, 320 Кб)</li>
<li><a href="/upload/docs/post-2011.pdf">Постановление № 2011 от 02.10.2025 «Об утверждении муниципальной программы»</a> (PDF, 1,2 Мб)</li></ul>"""
    s.page("/documents/", "documents/index.html", nvkz_shell("Документы", "Документы", docs), "documents")
    rec = """<h1>Интернет-приёмная</h1><p>Обращение можно направить через форму ниже или через портал Госуслуг.</p>
<form class="reception"><input name="fio" placeholder="ФИО"><textarea name="text"></textarea><button>Отправить</button></form>"""
    s.page("/reception/", "reception/index.html", nvkz_shell("Интернет-приёмная", "Интернет-приёмная", rec), "form")
    contacts = """<h1>Контакты</h1><p>Приёмная главы города: 8 (3843) 32-15-00</p><p>Адрес: г. Новокузнецк, ул. Кирова, 71</p>"""
    s.page("/contacts/", "contacts/index.html", nvkz_shell("Контакты", "Контакты", contacts), "contacts")
    return s


# --- teplydom: Tilda charity site ----------------------------------------------------------------

def tilda_url(a: dict) -> str:
    return f"/tpost/{a['id'] % 100000:05d}{a['slug'][:2]}x1-{a['slug']}"


TILDA_HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title><meta property="og:title" content="{title}">
<meta property="og:image" content="https://static.tildacdn.com/tild3035-3164/cover.jpg">
<link rel="stylesheet" href="https://static.tildacdn.com/css/tilda-grid-3.0.min.css">
<link rel="stylesheet" href="/tilda-blocks-page41234567.min.css">
<script src="https://static.tildacdn.com/js/tilda-scripts-3.0.min.js"></script></head>
<body class="t-body" style="margin:0;"><div id="allrecords" class="t-records" data-hook="blocks-collection-content-node" data-tilda-project-id="5123456" data-tilda-page-id="41234567" data-tilda-formskey="a1b2c3">
<div id="rec600000001" class="r t-rec" data-record-type="257"><!-- T228 --><div id="nav600000001marker"></div>
<div class="t228 t228__positionstatic"><div class="t228__maincontainer"><div class="t228__leftside">
<a href="/"><img src="https://static.tildacdn.com/tild6331-3231/logo.svg" class="t228__imglogo" alt="Тёплый дом"></a></div>
<div class="t228__centerside"><nav><ul class="t228__list">
<li class="t228__list_item"><a class="t-menu__link-item" href="/o-fonde">О фонде</a></li>
<li class="t228__list_item"><a class="t-menu__link-item" href="/blog">Новости</a></li>
<li class="t228__list_item"><a class="t-menu__link-item" href="/foto">Фото</a></li>
<li class="t228__list_item"><a class="t-menu__link-item" href="/otchety">Отчёты</a></li>
<li class="t228__list_item"><a class="t-menu__link-item" href="/kontakty">Контакты</a></li></ul></nav></div>
<div class="t228__rightside"><a href="/#donate" class="t-btn t-btn_sm"><span>Помочь</span></a></div></div></div></div>
"""

TILDA_FOOT = """<div id="rec600000099" class="r t-rec t-rec_pt_45 t-rec_pb_45" style="background-color:#2b2b2b;" data-record-type="420"><!-- T420 -->
<div class="t420"><div class="t-container"><div class="t-col t-col_3"><div class="t420__logo t-title">Тёплый дом</div>
<div class="t420__text t-descr t-descr_xxs">Благотворительный фонд помощи семьям с детьми. ОГРН 1196600012345. Екатеринбург, ул. Малышева, 51</div></div>
<div class="t-col t-col_3"><div class="t420__title t-name t-name_xs">Помочь</div><div class="t420__descr t-descr t-descr_xxs"><a href="/#donate">Сделать пожертвование</a><br><a href="/otchety">Отчёты</a></div></div>
<div class="t-col t-col_3"><div class="t420__title t-name t-name_xs">Связаться</div><div class="t420__descr t-descr t-descr_xxs">+7 (343) 300-00-00<br>hello@teplydom-fond.ru</div></div></div></div></div>
<!--/allrecords--></div><!-- Tilda copyright. Don't remove this line --><div class="t-tildalabel" id="tildacopy"><a href="https://tilda.cc/" class="t-tildalabel__link">Made on Tilda</a></div>
</body></html>
"""


def tilda_rec(n: int, kind: str, inner: str) -> str:
    return (f'<div id="rec6000001{n:02d}" class="r t-rec t-rec_pt_60 t-rec_pb_60" data-record-type="{kind}">'
            f'<!-- T{kind} --><div class="t{kind}"><div class="t-container">{inner}</div></div></div>\n')  # fmt: skip


def tilda_card(a: dict) -> str:
    return f"""<li class="t-feed__post t-item t-width t-feed__grid-col t-col t-col_4 t-align_left">
<a class="t-feed__link" href="{tilda_url(a)}"><div class="t-feed__post-imgwrapper"><div class="t-feed__post-bgimg t-bgimg" data-original="https://static.tildacdn.com/tild{a['id'] % 10000}/cover.jpg"></div></div>
<div class="t-feed__textwrapper"><div class="t-feed__post-title t-name t-name_xs">{e(a['title'])}</div>
<div class="t-feed__post-descr t-descr t-descr_xxs">{e(lead(a, 120))}</div>
<div class="t-feed__post-date-wrapper"><span class="t-feed__post-date t-uptitle t-uptitle_xs">{words_date(a['date'])}</span></div></div></a></li>
"""


def build_teplydom(arts: list[dict], s: Site) -> Site:
    arts = sorted(arts, key=lambda a: a["date"], reverse=True)
    urls: list[str] = []

    def page(url: str, rel: str, title: str, recs: str, kind: str, a: dict | None = None) -> None:
        s.page(url, rel, TILDA_HEAD.format(title=e(title)) + recs + TILDA_FOOT, kind, a)
        urls.append(url)

    home = (tilda_rec(1, "183", '<div class="t183__wrapper"><h1 class="t183__title t-title t-title_xl">Помогаем семьям оставаться вместе</h1>'
                      '<div class="t183__descr t-descr t-descr_md">Благотворительный фонд «Тёплый дом» с 2019 года помогает мамам с детьми в кризисе, приёмным семьям и подросткам из детских домов Свердловской области.</div>'
                      '<a href="#donate" class="t-btn"><span>Помочь сейчас</span></a></div>')
            + tilda_rec(2, "509", '<div class="t-col t-col_6"><div class="t-title t-title_xs">Что мы делаем</div>'
                        '<div class="t-text t-text_md">Кризисные квартиры для мам с детьми в Екатеринбурге и Нижнем Тагиле.<br><br>'
                        'Наставничество для подростков из детских домов: взрослый друг, который рядом не меньше года.<br><br>'
                        'Клуб и школа приёмных родителей, психологи и юристы для замещающих семей.</div></div>')
            + tilda_rec(3, "490", '<div class="t-col t-col_4"><div class="t490__title t-name">214</div><div class="t-descr">семей получили помощь в 2024 году</div></div>'
                        '<div class="t-col t-col_4"><div class="t490__title t-name">67</div><div class="t-descr">пар «наставник — подросток»</div></div>'
                        '<div class="t-col t-col_4"><div class="t490__title t-name">0</div><div class="t-descr">детей из наших семей попали в приют</div></div>')
            + tilda_rec(4, "776", '<div class="t-section__title t-title t-title_xs">Новости фонда</div><ul class="t-feed__container">'
                        + "".join(tilda_card(a) for a in arts[:3]) + '</ul><a href="/blog" class="t-btn"><span>Все новости</span></a>')
            + tilda_rec(5, "698", '<a name="donate"></a><div class="t-title t-title_xs">Помочь фонду</div>'
                        '<div class="t-descr">Ежемесячное пожертвование — самый надёжный способ помочь. 500 рублей в месяц — это неделя жизни мамы с ребёнком в кризисной квартире.</div>'
                        '<form class="t-form"><input name="sum" value="500"><input name="email" placeholder="E-mail"><button class="t-submit">Пожертвовать</button></form>'))  # fmt: skip
    page("/", "index.html", "Тёплый дом — благотворительный фонд помощи семьям", home, "home")
    feed = tilda_rec(1, "915", '<div class="t-section__title t-title t-title_md">Новости фонда</div>'
                     '<ul class="t-feed__container t-feed__grid">' + "".join(map(tilda_card, arts)) + "</ul>")  # fmt: skip
    page("/blog", "blog.html", "Новости — Тёплый дом", feed, "listing")
    about = tilda_rec(1, "030", '<h1 class="t030__title t-title t-title_xs">О фонде</h1>'
                      '<div class="t030__descr t-descr t-descr_md">Фонд «Тёплый дом» создан в 2019 году в Екатеринбурге выпускницей детского дома Екатериной Лаптевой и её друзьями. '
                      'Мы верим, что ребёнок должен расти в семье, и помогаем семьям, оказавшимся на грани распада, справиться с трудностями.<br><br>'
                      'Наша миссия — чтобы ни один ребёнок в Свердловской области не оказался в детском доме из-за бедности, потери жилья или временного кризиса в семье.<br><br>'
                      'Фонд работает на пожертвования частных лиц и компаний, а также на гранты Фонда президентских грантов и Фонда поддержки детей. Ежегодно мы публикуем отчёты о каждом потраченном рубле.</div>') \
        + tilda_rec(2, "545", '<div class="t-title t-title_xs">Команда</div><div class="t-text">Екатерина Лаптева — директор<br>Анна Воронова — руководитель программы наставничества<br>'
                    'Мария Сергеева — психолог<br>Илья Корнилов — юрист</div>')  # fmt: skip
    page("/o-fonde", "o-fonde.html", "О фонде — Тёплый дом", about, "about")
    gallery = tilda_rec(1, "603", '<div class="t-section__title t-title t-title_xs">Фотографии</div><div class="t603__container">'
                        + "".join(f'<div class="t603__tile"><div class="t603__blockimg t-bgimg" data-original="https://static.tildacdn.com/tild{9000 + i}/photo.jpg"></div>'
                                  f'<div class="t603__textwrapper"><div class="t603__descr t-descr t-descr_xxs">{c}</div></div></div>'
                                  for i, c in enumerate(["Праздник в кризисной квартире", "Выпускной школы приёмных родителей", "Наставники в походе",
                                                         "Новогодняя ёлка 2024", "Клуб приёмных семей", "Волонтёры фонда", "Ремонт квартиры в Нижнем Тагиле",
                                                         "Конференция «Семья для каждого ребёнка»"]))
                        + "</div>")  # fmt: skip
    page("/foto", "foto.html", "Фото — Тёплый дом", gallery, "gallery")
    contacts = tilda_rec(1, "142", '<div class="t-title t-title_xs">Контакты</div><div class="t-descr">Екатеринбург, ул. Малышева, 51, офис 312 (вход со двора)<br>'
                         'Пн–Пт 10:00–19:00<br>+7 (343) 300-00-00<br>hello@teplydom-fond.ru</div><div class="t-map" data-map-lat="56.8365" data-map-lng="60.6047"></div>'
                         '<div class="t-title t-title_xxs">Реквизиты</div><div class="t-descr">БФ «Тёплый дом», ИНН 6671000000, КПП 667101001, р/с 40703810000000000000 в Уральском банке ПАО Сбербанк</div>')  # fmt: skip
    page("/kontakty", "kontakty.html", "Контакты — Тёплый дом", contacts, "contacts")
    reports = tilda_rec(1, "490", '<div class="t-title t-title_xs">Отчёты</div><ul>'
                        + "".join(f'<li><a href="https://teplydom-fond.ru/files/otchet-{y}.pdf">Годовой отчёт за {y} год (PDF)</a></li>' for y in (2024, 2023, 2022, 2021))
                        + '<li><a href="https://teplydom-fond.ru/files/minjust-2024.pdf">Отчёт в Минюст за 2024 год</a></li></ul>')  # fmt: skip
    page("/otchety", "otchety.html", "Отчёты — Тёплый дом", reports, "documents")
    for a in arts:
        text = "<br /><br />".join(e(p) for p in paragraphs(a))
        post = f"""<div id="rec600000150" class="r t-rec" data-record-type="1009"><div class="t-feed__post-popup t-popup t-popup_show" data-feed-popup-postuid="{a['id']}">
<div class="t-feed__post-popup__container t-container t-popup__container t-popup__container-static"><div class="t-feed__post-popup__content-wrapper">
<div class="t-feed__post-popup__content t-col t-col_8"><div class="t-feed__post-popup__cover-wrapper t-feed__post-popup__cover-wrapper_aftertitle">
<img src="https://static.tildacdn.com/tild{a['id'] % 10000}/cover.jpg" class="t-feed__post-popup__img t-img" alt=""></div>
<h1 class="js-feed-post-title t-feed__post-popup__title t-title t-title_xs">{e(a['title'])}</h1>
<div class="t-feed__post-popup__date-parts-wrapper t-feed__post-popup__date-parts-wrapper_aftertitle"><span class="t-feed__post-popup__date-wrapper"><span class="js-feed-post-date t-feed__post-popup__date t-uptitle t-uptitle_sm">{words_date(a['date'])}</span></span></div>
<div id="feed-text" class="r t-feed__post-popup__text-wrapper" data-animationappear="off"><div class="js-feed-post-text t-feed__post-popup__text t-text t-text_md"><section class="t-redactor__tte-view"><div class="t-redactor__text">{text}</div></section></div></div>
</div></div>
<div class="t-feed__post-popup__arrow-top"><a href="/blog" class="t-feed__post-popup__close-wrapper">← Все новости</a></div></div></div></div>
"""
        page(tilda_url(a), tilda_url(a).lstrip("/") + ".html", f"{a['title']}", post, "article", a)
    entries = "".join(f"<url><loc>{{{{BASE}}}}{u}</loc></url>\n" for u in urls)
    s.write("sitemap.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n')
    return s


# --- ladoga: uCoz district newspaper -------------------------------------------------------------

def ucoz_url(a: dict) -> str:
    return f"/news/{a['slug']}/{a['date'].isoformat()}-{a['id']}"


def ucoz_shell(title: str, body: str, arts: list[dict], month: int = 10) -> str:
    days = {a["date"] for a in arts if a["date"].month == month}
    first = dt.date(2025, month, 1)
    cells = ['<td class="calMday"></td>'] * first.weekday()
    d = first
    while d.month == month:
        cells.append(f'<td class="calMdayIsA"><a class="calMdayLink" href="/news/{d.isoformat()}">{d.day}</a></td>'
                     if d in days else f'<td class="calMday">{d.day}</td>')  # fmt: skip
        d += dt.timedelta(days=1)
    rows = "".join("<tr>" + "".join(cells[i:i + 7]) + "</tr>" for i in range(0, len(cells), 7))
    prev_m = f'<a class="calMonLink" href="/news/2025-{month - 1:02d}">«</a>' if month > 9 else "«"
    next_m = f'<a class="calMonLink" href="/news/2025-{month + 1:02d}">»</a>' if month < 10 else "»"
    return f"""<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8">
<title>{e(title)}</title>
<link type="text/css" rel="stylesheet" href="/_st/my.css">
<link rel="alternate" type="application/rss+xml" title="Новости" href="/news/rss/">
<script type="text/javascript" src="//s212.ucoz.net/src/jquery-1.12.4.min.js"></script></head>
<body><div id="utbr8214" rel="s212"></div>
<table border="0" cellpadding="0" cellspacing="0" width="100%" class="main"><tr><td class="header" colspan="2">
<h1 class="sitename">Ладожский вестник</h1><div class="sitedescr">Газета Кировского района Ленинградской области</div>
<div class="navbar"><a href="/">Главная</a> | <a href="/news/">Новости</a> | <a href="/photo/">Фотоальбом</a> | <a href="/index/o_gazete/0-2">О газете</a> | <a href="/index/kontakty/0-5">Контакты</a></div></td></tr>
<tr><td valign="top" class="content">{body}</td>
<td valign="top" width="220" class="sidebar">
<table class="boxTable"><tr><td class="boxTitle">Календарь</td></tr><tr><td class="boxContent">
<table border="0" cellspacing="1" cellpadding="2" class="calTable"><tr><td align="center" class="calMonth" colspan="7">{prev_m} <a class="calMonLink" href="/news/2025-{month:02d}">{MONTHS_NOM[month - 1]} 2025</a> {next_m}</td></tr>
<tr><td class="calWday">Пн</td><td class="calWday">Вт</td><td class="calWday">Ср</td><td class="calWday">Чт</td><td class="calWday">Пт</td><td class="calWdaySe">Сб</td><td class="calWdaySu">Вс</td></tr>{rows}</table></td></tr></table>
<table class="boxTable"><tr><td class="boxTitle">Архив записей</td></tr><tr><td class="boxContent">
<ul class="archUl"><li class="archLi"><a class="archLink" href="/news/2025-09">2025 Сентябрь</a></li><li class="archLi"><a class="archLink" href="/news/2025-10">2025 Октябрь</a></li></ul></td></tr></table>
<table class="boxTable"><tr><td class="boxTitle">Случайное фото</td></tr><tr><td class="boxContent" align="center">
<a href="/photo/den_semi_2025/semja_sokolovykh/5-0-123"><img src="/_ph/5/1/123456.jpg" border="0"></a></td></tr></table>
<table class="boxTable"><tr><td class="boxTitle">Статистика</td></tr><tr><td class="boxContent">Онлайн всего: 3<br>Гостей: 3<br>Пользователей: 0</td></tr></table>
</td></tr>
<tr><td colspan="2" class="footer">Copyright «Ладожский вестник» © 2025 | <a href="https://www.ucoz.ru/" title="Сайт создан в системе uCoz" target="_blank" rel="nofollow">uCoz</a></td></tr></table>
</body></html>
"""


def ucoz_block(a: dict, full: bool = False) -> str:
    if full:
        msg = "".join(f"<p>{e(p)}</p>" for p in paragraphs(a))
    else:
        msg = e(lead(a, 240)) + f' <div align="right" class="eMoreLink"><a href="{ucoz_url(a)}">Подробнее »</a></div>'
    title = f"<h1>{e(a['title'])}</h1>" if full else f'<a href="{ucoz_url(a)}">{e(a["title"])}</a>'
    return f"""<table border="0" width="100%" cellspacing="0" cellpadding="2" class="eBlock"><tr><td style="padding:3px;">
<div class="eTitle" style="text-align:left;">{title}</div>
<div class="eMessage" style="text-align:left;clear:both;padding-top:2px;padding-bottom:2px;">{msg}</div>
<div class="eDetails" style="clear:both;">Категория: <a href="/news/obshhestvo/1-0-1">Общество</a> | Просмотров: {a['id'] % 90 + 11} | Добавил: <a href="javascript://" rel="nofollow">redaktor</a> | Дата: <span title="{a['time']}">{dotted(a['date'])}</span>{' | Рейтинг: 5.0/1' if full else ''}</div>
</td></tr></table>
"""


def build_ladoga(arts: list[dict], s: Site) -> Site:
    arts = sorted(arts, key=lambda a: (a["date"], a["time"]), reverse=True)
    s.page("/", "index.html", ucoz_shell("Ладожский вестник - Главная страница",
           '<div class="welcome">Добро пожаловать на сайт газеты «Ладожский вестник»!</div>'
           + "".join(ucoz_block(a) for a in arts[:5]) + '<div align="center"><a href="/news/">Все новости</a></div>', arts), "home")  # fmt: skip
    nav = '<div class="catPages1" align="center"><b class="swchItemA"><span>1</span></b> <a class="swchItem" href="/news/?page2"><span>2</span></a> <a class="swchItem swchItem-next" href="/news/?page2"><span>»</span></a></div>'
    nav2 = '<div class="catPages1" align="center"><a class="swchItem swchItem-prev" href="/news/"><span>«</span></a> <a class="swchItem" href="/news/"><span>1</span></a> <b class="swchItemA"><span>2</span></b></div>'
    s.page("/news/", "news/index.html", ucoz_shell("Новости - Ладожский вестник",
           "".join(ucoz_block(a) for a in arts[:6]) + nav, arts), "listing")  # fmt: skip
    s.page("/news/?page2", "news/index@page2.html", ucoz_shell("Новости - Страница 2 - Ладожский вестник",
           "".join(ucoz_block(a) for a in arts[6:]) + nav2, arts), "paginated")  # fmt: skip
    for month in (9, 10):
        sel = [a for a in arts if a["date"].month == month]
        s.page(f"/news/2025-{month:02d}", f"news/2025-{month:02d}.html",
               ucoz_shell(f"{MONTHS_NOM[month - 1]} 2025 - Новости - Ладожский вестник",
                          f'<div class="archTitle">Материалы за {MONTHS_NOM[month - 1].lower()} 2025 года</div>'
                          + "".join(ucoz_block(a) for a in sel), arts, month), "month_archive")  # fmt: skip
    for day in sorted({a["date"] for a in arts}):
        sel = [a for a in arts if a["date"] == day]
        s.page(f"/news/{day.isoformat()}", f"news/{day.isoformat()}.html",
               ucoz_shell(f"{dotted(day)} - Новости - Ладожский вестник",
                          f'<div class="archTitle">Материалы за {dotted(day)}</div>'
                          + "".join(ucoz_block(a) for a in sel), arts, day.month), "day_archive")  # fmt: skip
    for a in arts:
        related = "".join(f'<li><a href="/news/{i}/2025-08-{10 + i:02d}-{400 + i}">{e(t)}</a></li>'
                          for i, t in enumerate(a.get("related", [])))  # fmt: skip
        rel_block = f'<div class="relatedTitle"><b>Похожие материалы:</b></div><ul class="uRelatedEntries">{related}</ul>' if related else ""
        body = (ucoz_block(a, full=True) + rel_block
                + '<table border="0" cellpadding="0" cellspacing="0" width="100%"><tr><td width="60%" height="25">Всего комментариев: <b>0</b></td></tr></table>'
                + '<div align="center" class="commReg">Добавлять комментарии могут только зарегистрированные пользователи.<br>[ <a href="/register" rel="nofollow">Регистрация</a> | <a href="javascript:;" rel="nofollow">Вход</a> ]</div>')  # fmt: skip
        s.page(ucoz_url(a), ucoz_url(a).lstrip("/") + ".html",
               ucoz_shell(f"{a['title']} - {dotted(a['date'])} - Новости - Ладожский вестник", body, arts, a["date"].month),
               "article", a)  # fmt: skip
    photo = """<div class="eTitle">Семья Соколовых</div><div align="center"><img src="/_ph/5/2/123456.jpg" border="0"></div>
<div class="photoDetails">Альбом: <a href="/photo/5">День семьи 2025</a> | Размер: 1024x683 px | Добавлено: 12.10.2025 | Просмотров: 31 | Рейтинг: 0.0/0</div>
<div align="center">« <a href="/photo/den_semi_2025/semja_ivanovykh/5-0-122">Предыдущее фото</a> | <a href="/photo/den_semi_2025/na_prazdnike/5-0-124">Следующее фото</a> »</div>"""
    s.page("/photo/den_semi_2025/semja_sokolovykh/5-0-123", "photo/den_semi_2025/semja_sokolovykh/5-0-123.html",
           ucoz_shell("Семья Соколовых - День семьи 2025 - Фотоальбом - Ладожский вестник", photo, arts), "gallery")  # fmt: skip
    about = """<h1>О газете</h1><div class="about">«Ладожский вестник» — общественно-политическая газета Кировского муниципального района Ленинградской области. Выходит с 1931 года, раз в неделю, по пятницам.<br><br>Учредитель — администрация Кировского муниципального района. Главный редактор — Н. В. Лебедева.</div>"""
    s.page("/index/o_gazete/0-2", "index/o_gazete/0-2.html", ucoz_shell("О газете - Ладожский вестник", about, arts), "about")
    contacts = """<h1>Контакты</h1><div>187342, Ленинградская область, г. Кировск, ул. Новая, 1<br>Телефон редакции: (81362) 2-00-00<br>E-mail: ladoga-vestnik@mail.ru</div>"""
    s.page("/index/kontakty/0-5", "index/kontakty/0-5.html", ucoz_shell("Контакты - Ладожский вестник", contacts, arts), "contacts")
    album = '<div class="eTitle">День семьи 2025</div><div class="photoList">' + "".join(
        f'<div class="photoBlock"><a href="/photo/den_semi_2025/foto/5-0-{120 + i}"><img src="/_ph/5/1/{120 + i}.jpg"></a></div>' for i in range(6)) + "</div>"
    s.page("/photo/", "photo/index.html", ucoz_shell("Фотоальбом - Ладожский вестник", album, arts), "gallery")
    items = "".join(f"""<item><title>{e(a['title'])}</title><description>{e(lead(a))}</description>
<link>{{{{BASE}}}}{ucoz_url(a)}</link><category>Общество</category><dc:creator>redaktor</dc:creator>
<guid>{{{{BASE}}}}{ucoz_url(a)}</guid><pubDate>{dt.datetime.combine(a['date'], dt.time.fromisoformat(a['time'])).strftime('%a, %d %b %Y %H:%M:%S')} GMT</pubDate></item>
""" for a in arts)  # fmt: skip
    s.write("news/rss/index.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Ладожский вестник</title>
<link>{{{{BASE}}}}/</link><description>Новости</description><lastBuildDate>Tue, 28 Oct 2025 13:20:00 GMT</lastBuildDate>
{items}</channel></rss>
""")
    return s


BUILDERS = {"permvesti": build_permvesti, "nvkz": build_nvkz, "teplydom": build_teplydom,
            "ladoga": build_ladoga}  # fmt: skip


if __name__ == "__main__":
    build_set(HERE, sys.argv[1:], BUILDERS, OUTLETS,
              header='# Blind outlet for issue 17 (see eval/blind_outlets/README.md). Generated by build.py.',
              note='Written by the project for issue 17 before newsmon ran on these sites; see README.md.')
