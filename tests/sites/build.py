"""Regenerate the crawler's fixture outlets: python tests/sites/build.py (files are committed).

Six outlet templates, each showing one way regional sites publish (see each site.yml), served on
127.0.0.1 by newsmon.siteserver. Texts come from articles.yml; dates are fixed in the past.
"""

# ruff: noqa: E501 - page templates read better as the long HTML lines they produce
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
TEXTS = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))
MONTHS = ("января февраля марта апреля мая июня июля августа сентября октября ноября декабря").split()


def words(day: str) -> str:
    y, m, d = day.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def paras(i: int, tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{p}</{tag}>" for p in TEXTS[i]["body"])


def write(site: str, rel: str, text: str | bytes) -> None:
    path = HERE / site / "public" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def site_yml(site: str, comment: str, config: dict) -> None:
    (HERE / site).mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (HERE / site / "site.yml").write_text(comment.strip() + "\n" + body, encoding="utf-8")


# 1. feeds only -----------------------------------------------------------------------------
def feeds_only() -> None:
    site = "feeds_only"
    site_yml(site, """
# Feeds only: RSS 2.0 (RFC 822 dates) and Atom (ISO dates); no sitemap, no useful listing.
# robots.txt forbids /private/; one feed item is a 404, one is offsite, one answers 503 once,
# one takes 6 s to answer (tests crawl with -s DOWNLOAD_TIMEOUT=2: a timeout).
""", {"name": site, "region": "Омская область", "feeds": ["/rss.xml", "/atom.xml"],
      "robots": "User-agent: *\nDisallow: /private/\n", "flaky": {"/news/5003/": 1},
      "delay": {"/news/5006/": 6}})
    items = [(5001, 0, "2026-10-05"), (5002, 1, "2026-10-12"), (5003, 2, "2026-10-20"),
             (5004, 3, "2026-10-28")]
    old = (5005, 12, "2025-03-14")
    for id_, text, day in [*items, old, (5006, 8, "2026-10-29")]:
        write(site, f"news/{id_}/index.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{TEXTS[text]['title']} | Омский вестник</title></head>
<body><header><a href="/">Омский вестник</a> <nav><a href="/about/">О редакции</a></nav></header>
<main><article><h1>{TEXTS[text]['title']}</h1>
<time datetime="{day}T09:30:00+06:00">{words(day)}</time>
{paras(text)}
</article></main><footer>© Омский вестник</footer></body></html>
""")
    write(site, "private/5099/index.html", "<html><body><p>Черновик</p></body></html>")
    rfc = {"2026-10-05": "Mon, 05 Oct 2026 09:30:00 +0600", "2026-10-12": "Mon, 12 Oct 2026 10:00:00 +0600",
           "2026-10-20": "Tue, 20 Oct 2026 11:00:00 +0600", "2026-10-28": "Wed, 28 Oct 2026 12:00:00 +0600"}
    rss_items = "".join(
        f"<item><title>{TEXTS[t]['title']}</title><link>{{{{BASE}}}}/news/{i}/</link>"
        f"<pubDate>{rfc[d]}</pubDate></item>\n" for i, t, d in items[:3]
    )
    rss_items += ("<item><title>Закрытый материал</title><link>{{BASE}}/private/5099/</link></item>\n"
                  "<item><title>Удалённая новость</title><link>{{BASE}}/news/5098/</link></item>\n"
                  "<item><title>Чужой сайт</title><link>http://127.0.0.1:1/news/1/</link></item>\n"
                  "<item><title>Медленная</title><link>{{BASE}}/news/5006/</link></item>\n")
    write(site, "rss.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Омский вестник</title><link>{{{{BASE}}}}/</link>
{rss_items}</channel></rss>
""")
    entries = "".join(
        f'<entry><title>{TEXTS[t]["title"]}</title><link rel="alternate" href="{{{{BASE}}}}/news/{i}/"/>'
        f"<id>urn:omsk:{i}</id><published>{d}T09:30:00+06:00</published></entry>\n"
        for i, t, d in [items[3], items[0], old]
    )
    write(site, "atom.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Омский вестник</title>
{entries}</feed>
""")


# 2. sitemap index only -------------------------------------------------------------------
def sitemap_index() -> None:
    site = "sitemap_index"
    site_yml(site, """
# Sitemap index only: a news sitemap (news:publication_date, image:loc) and a 2025 archive
# sitemap (lastmod 2025, skipped whole under a later --since). An old URL 301-redirects to its
# new address and both are listed; robots.txt forbids /drafts/.
""", {"name": site, "region": "Тверская область", "sitemaps": ["/sitemap.xml"],
      "robots": "User-agent: *\nDisallow: /drafts/\nSitemap: {{BASE}}/sitemap.xml\n",
      "redirects": {"/articles/lager-dlya-detey": "/articles/2026/10/lager-dlya-detey-iz-priemnyh-semey.html"}})
    recent = [("articles/2026/10/forum-priemnyh-roditeley.html", 4, "2026-10-03"),
              ("articles/2026/10/lager-dlya-detey-iz-priemnyh-semey.html", 11, "2026-10-09"),
              ("articles/2026/10/goryachaya-liniya-fonda.html", 5, "2026-10-17")]
    archive = [("articles/2025/05/gorodskoy-park.html", 10, "2025-05-20"),
               ("articles/2025/06/shkolnye-nabory.html", 8, "2025-06-02")]
    for rel, t, day in [*recent, *archive]:
        d = day.split("-")
        write(site, rel, f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{TEXTS[t]['title']}</title>
<meta property="article:published_time" content="{day}T08:00:00+03:00">
<link rel="canonical" href="{{{{BASE}}}}/{rel}"></head>
<body><div class="page"><div class="content">
<h1 class="title">{TEXTS[t]['title']}</h1><div class="meta">{d[2]}.{d[1]}.{d[0]} · Тверские ведомости</div>
<div class="text">{paras(t)}</div>
<div class="tags"><a href="/tags/semya/">семья</a></div></div>
<aside class="sidebar"><h3>Популярное</h3><a href="/{archive[0][0]}">{TEXTS[10]['title']}</a></aside>
</div></body></html>
""")
    write(site, "drafts/chernovik.html", "<html><body><p>Черновик</p></body></html>")
    urls = "".join(
        f"<url><loc>{{{{BASE}}}}/{rel}</loc><news:news><news:publication><news:name>Тверские ведомости"
        f"</news:name><news:language>ru</news:language></news:publication><news:publication_date>"
        f"{day}T08:00:00+03:00</news:publication_date><news:title>{TEXTS[t]['title']}</news:title>"
        f"</news:news><image:image><image:loc>{{{{BASE}}}}/img/{t}.jpg</image:loc></image:image></url>\n"
        for rel, t, day in recent
    )
    urls += ("<url><loc>{{BASE}}/articles/lager-dlya-detey</loc><lastmod>2026-10-09</lastmod></url>\n"
             "<url><loc>{{BASE}}/drafts/chernovik.html</loc><lastmod>2026-10-20</lastmod></url>\n")
    write(site, "sitemaps/news.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
{urls}</urlset>
""")
    arch = "".join(f"<url><loc>{{{{BASE}}}}/{rel}</loc><lastmod>{day}</lastmod></url>\n"
                   for rel, t, day in archive)
    write(site, "sitemaps/2025.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{arch}</urlset>
""")
    write(site, "sitemap.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{{BASE}}/sitemaps/news.xml</loc><lastmod>2026-10-17T08:00:00+03:00</lastmod></sitemap>
<sitemap><loc>{{BASE}}/sitemaps/2025.xml</loc><lastmod>2025-12-31</lastmod></sitemap>
</sitemapindex>
""")


# 3. listings only, windows-1251 ------------------------------------------------------------
def cp1251_listing() -> None:
    site = "cp1251_listing"
    site_yml(site, """
# Listings only, windows-1251 declared in a <meta> tag only, Bitrix pagination ?PAGEN_1=N,
# unclosed HTML; the listing links tag pages, author pages and print versions, never articles.
""", {"name": site, "region": "Астраханская область", "encoding": "windows-1251",
      "charset_in": "meta"})
    pages = [[(7101, 6, "2026-10-30"), (7102, 7, "2026-10-26"), (7103, 13, "2026-10-21")],
             [(7104, 9, "2026-10-15"), (7105, 0, "2026-10-10"), (7106, 3, "2026-10-04")],
             [(7107, 2, "2026-09-25"), (7108, 1, "2026-09-18")]]
    for n, page in enumerate(pages, 1):
        items = "".join(
            f'<tr><td class="date">{d[8:]}.{d[5:7]}.{d[:4]}</td><td><a href="/novosti/{i}/">'
            f'{TEXTS[t]["title"]}</a> <a href="/novosti/{i}/print/">версия для печати</a>'
            f' <a href="/novosti/{i}/?print=Y">печать</a></td></tr>\n' for i, t, d in page
        )
        nav = " ".join(f'<a href="/?PAGEN_1={k}">{k}</a>' if k != n else f"<b>{k}</b>"
                       for k in range(1, len(pages) + 1))
        html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Астраханские новости</title></head><body>
<table width="100%"><tr><td class="menu"><a href="/">Главная</a> | <a href="/about/">О нас</a> |
<a href="/contacts/">Контакты</a> | <a href="/tags/semya/">#семья</a> | <a href="/author/petrova/">Елена Петрова</a>
<td><table class="news">{items}</table>
<div class="pager">Страницы: {nav} <a href="/?PAGEN_1={min(n + 1, len(pages))}">Следующая</a></div>
</table></body></html>
"""
        write(site, "index.html" if n == 1 else f"index@PAGEN_1={n}.html", html)
        for i, t, d in page:
            write(site, f"novosti/{i}/index.html", f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{TEXTS[t]['title']} - Астраханские новости</title></head><body>
<table width="100%"><tr><td class="menu"><a href="/">Главная</a>
<td class="content"><h1>{TEXTS[t]['title']}</h1>
<div class="date">{d[8:]}.{d[5:7]}.{d[:4]}
<div class="text">{paras(t, 'p').replace('</p>', '')}
<p class="author">Автор: <a href="/author/petrova/">Елена Петрова</a>
</table></body></html>
""")
            write(site, f"novosti/{i}/print/index.html", f"<html><body><p>{TEXTS[t]['title']}</p></body></html>")
    write(site, "tags/semya/index.html", "<html><body><p>Тег: семья</p></body></html>")
    write(site, "author/petrova/index.html", "<html><body><p>Елена Петрова</p></body></html>")
    write(site, "about/index.html", "<html><body><p>О редакции</p></body></html>")


# 4. JSON-LD and meta dates, WordPress pagination ------------------------------------------
def jsonld_meta() -> None:
    site = "jsonld_meta"
    site_yml(site, """
# Listing with WordPress pagination /page/N/; article dates only in JSON-LD and meta tags (no
# visible date). One article always answers 500 (counted, not fatal); one answers 503 once.
""", {"name": site, "region": "Республика Татарстан",
      "status": {"/2026/10/oshibka-servera/": 500}, "flaky": {"/2026/10/gospitalnaya-gostinitsa/": 1}})
    pages = [[("2026/10/granty-nko", 13, "2026-10-29"), ("2026/10/gospitalnaya-gostinitsa", 7, "2026-10-22"),
              ("2026/10/oshibka-servera", 4, "2026-10-20")],
             [("2026/10/posobiya-semyam", 12, "2026-10-11"), ("2026/09/nastavniki-vypusknikov", 2, "2026-09-30")]]
    for n, page in enumerate(pages, 1):
        cards = "".join(
            f'<article class="post-card"><h2><a href="{{{{BASE}}}}/{slug}/">{TEXTS[t]["title"]}</a></h2>'
            f'<a class="more" href="{{{{BASE}}}}/{slug}/">Читать далее</a></article>\n' for slug, t, d in page
        )
        nxt = f'<a class="next page-numbers" href="{{{{BASE}}}}/page/{n + 1}/">Далее</a>' if n < len(pages) else ""
        write(site, "index.html" if n == 1 else f"page/{n}/index.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Казанская неделя</title>
<link rel="alternate" type="application/rss+xml" href="http://127.0.0.1:1/feed/"></head>
<body class="home blog"><header><a href="{{{{BASE}}}}/">Казанская неделя</a>
<nav><a href="{{{{BASE}}}}/category/obshchestvo/">Общество</a></nav></header>
<main>{cards}<nav class="pagination">{nxt}</nav></main></body></html>
""")
        for slug, t, day in page:
            write(site, f"{slug}/index.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{TEXTS[t]['title']} – Казанская неделя</title>
<meta property="og:title" content="{TEXTS[t]['title']}">
<meta property="article:published_time" content="{day}T10:15:00+03:00">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{TEXTS[t]['title']}","datePublished":"{day}T10:15:00+03:00"}}</script></head>
<body class="single"><main><article class="post"><h1 class="entry-title">{TEXTS[t]['title']}</h1>
<div class="entry-content">{paras(t)}</div></article></main>
<footer>Сегодня {words('2026-11-01')} · <a href="{{{{BASE}}}}/">Главная</a></footer></body></html>
""")
    write(site, "category/obshchestvo/index.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Общество</title></head><body>
<article class="post-card"><h2><a href="{{{{BASE}}}}/{pages[0][0][0]}/">{TEXTS[13]['title']}</a></h2></article>
</body></html>
""")


# 5. aggregator: related-news blocks, utm duplicates, mobile copies -------------------------
def aggregator() -> None:
    site = "aggregator"
    site_yml(site, """
# Aggregator: listing ?page=N whose links carry utm_* tags, the same story linked twice, a
# mobile copy /m/story/N declaring the desktop URL canonical, offsite links; articles end in a
# related-news block of other stories. Served in windows-1251 declared only in the HTTP header.
""", {"name": site, "region": "Хабаровский край", "encoding": "windows-1251",
      "charset_in": "header"})
    stories = [(301, 5, "2026-10-28"), (302, 9, "2026-10-27"), (303, 1, "2026-10-25"),
               (304, 10, "2026-10-24"), (305, 11, "2026-10-20")]

    def related(skip: int) -> str:
        return "".join(f'<li><a href="/story/{i}?utm_source=related&amp;utm_medium=block">'
                       f'{TEXTS[t]["title"]}</a></li>' for i, t, d in stories if i != skip)

    for i, t, day in stories:
        page = f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{TEXTS[t]['title']} — ДВ-Агрегатор</title>
<link rel="canonical" href="{{{{BASE}}}}/story/{i}"></head>
<body><div class="story"><h1>{TEXTS[t]['title']}</h1>
<span class="date">{words(day)}, 14:05</span>
<div class="story-text">{paras(t)}</div>
<p class="source">Источник: <a href="http://127.0.0.1:1/news/{i}">региональное СМИ</a></p></div>
<div class="related"><h3>Читайте также</h3><ul>{related(i)}</ul></div></body></html>
"""
        write(site, f"story/{i}.html", page)
        if i == 302:
            write(site, f"m/story/{i}.html", page.replace('<div class="story">', '<div class="story mobile">'))
    links = [
        '<a href="/story/301?utm_source=main&amp;utm_medium=top">{0}</a>'.format(TEXTS[5]["title"]),
        '<a href="/story/301?utm_source=main&amp;utm_campaign=feed#comments">{0}</a>'.format(TEXTS[5]["title"]),
        '<a href="/m/story/302">{0}</a>'.format(TEXTS[9]["title"]),
        '<a href="/story/302?utm_campaign=x">{0}</a>'.format(TEXTS[9]["title"]),
        '<a href="/story/303?yclid=123456">{0}</a>'.format(TEXTS[1]["title"]),
        '<a href="http://127.0.0.1:1/story/999">Новость партнёра на другом сайте</a>',
        '<a href="https://vk.com/share.php?url=/story/301">ВКонтакте</a>',
    ]
    write(site, "index.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>ДВ-Агрегатор</title></head><body>
<ul class="feed">{''.join(f'<li>{a}</li>' for a in links)}</ul>
<div class="pages"><a href="/?page=2">2</a> <a href="/?page=2">Ещё новости</a></div></body></html>
""")
    write(site, "index@page=2.html", f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>ДВ-Агрегатор — страница 2</title></head><body>
<ul class="feed"><li><a href="/story/304?utm_source=main">{TEXTS[10]['title']}</a></li>
<li><a href="/story/305?utm_source=main">{TEXTS[11]['title']}</a></li></ul>
<div class="pages"><a href="/">1</a></div></body></html>
""")


# 6. dates written in words, sitemap without dates -----------------------------------------
def words_dates() -> None:
    site = "words_dates"
    site_yml(site, """
# A plain sitemap without any dates; article pages give the date only in words
# («14 октября 2026 года»). One article is from 2024: fetched once, remembered as too old for a
# later --since, fetched again when --since reaches back to it. The sitemap also lists the
# contacts page: fetched once, remembered as no article.
""", {"name": site, "region": "Новосибирская область", "sitemaps": ["/sitemap.xml"]})
    arts = [("news/kuratory-semey.html", 3, "2026-10-14"), ("news/opeka-obuchenie.html", 9, "2026-10-02"),
            ("news/usynovlenie-itogi.html", 6, "2026-09-21"), ("news/staryy-forum.html", 4, "2024-03-05")]
    for rel, t, day in arts:
        write(site, rel, f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{TEXTS[t]['title']}</title></head>
<body><div id="main"><h1>{TEXTS[t]['title']}</h1>
<p class="dateline">Опубликовано {words(day)} года в 10:40</p>
{paras(t)}
</div><div id="footer">Новосибирск. Все права защищены.</div></body></html>
""")
    write(site, "kontakty.html", """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Контакты редакции</title></head>
<body><div id="main"><h1>Контакты</h1><p>Адрес редакции: Новосибирск, Красный проспект, дом 1.
Телефон приёмной, электронная почта и часы работы для посетителей указаны ниже. Пресс-релизы
принимаются по будням с девяти до восемнадцати часов, материалы для публикации — на почту.</p>
</div></body></html>
""")
    urls = "".join(f"<url><loc>{{{{BASE}}}}/{rel}</loc></url>\n" for rel, t, d in arts)
    urls += "<url><loc>{{BASE}}/kontakty.html</loc></url>\n"  # sitemaps list service pages too
    write(site, "sitemap.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{urls}</urlset>
""")


def main() -> None:
    for builder in (feeds_only, sitemap_index, cp1251_listing, jsonld_meta, aggregator, words_dates):
        shutil.rmtree(HERE / builder.__name__, ignore_errors=True)
        builder()


if __name__ == "__main__":
    main()
