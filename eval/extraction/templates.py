"""Page chrome of common Russian regional CMSs, for the extraction evaluation set.

Each template takes an article (title, paragraphs, signature) and a page spec (date signals and
traps) and returns the HTML a reader's browser would get: menus, today's-date and weather widgets,
calendars, related-news lists with their own dates, share bars, counters and registration footers.
The markup follows what these CMSs really emit (1C-Bitrix news.detail, WordPress themes, DataLife
Engine, uCoz, Joomla, table layouts of old municipal sites, custom government portals and media).
"""

from __future__ import annotations

import datetime
import html

MONTHS_GEN = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
MONTHS_NOM = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
]

RELATED_HEADLINES = [
    "Губернатор проверил ход ремонта дорог в районе",
    "В городе открылась новая поликлиника на 500 посещений",
    "Синоптики обещают потепление до +15 градусов",
    "На трассе столкнулись грузовик и легковой автомобиль",
    "Школьники стали призерами всероссийской олимпиады",
    "В парке культуры установят новые аттракционы",
    "Фермеры района собрали рекордный урожай зерновых",
    "Аэропорт перешел на летнее расписание полетов",
]


def e(text: str) -> str:
    return html.escape(text, quote=False)


def word_date(d: datetime.date) -> str:
    return f"{d.day} {MONTHS_GEN[d.month - 1]} {d.year}"


def iso(d: datetime.date, hour: int = 10) -> str:
    return f"{d.isoformat()}T{hour:02d}:15:00+03:00"


def related_items(crawl: datetime.date, n: int = 4, *, fmt: str = "num") -> list[tuple[str, str]]:
    """Related-news headlines with their own dates (the days before the crawl)."""
    out = []
    for i in range(n):
        d = crawl - datetime.timedelta(days=i + 1)
        when = d.strftime("%d.%m.%Y") if fmt == "num" else word_date(d)
        out.append((RELATED_HEADLINES[(i + crawl.day) % len(RELATED_HEADLINES)], when))
    return out


def paragraphs_html(art: dict, *, sep: str = "p") -> str:
    """The body: <p> paragraphs, or text joined by <br><br> (Bitrix, DLE, uCoz), or unclosed <p>."""
    paras = list(art["paras"]) + ([art["signature"]] if art.get("signature") else [])
    if sep == "br":
        return "<br /><br />\n".join(e(p) for p in paras)
    if sep == "open-p":
        return "\n".join(f"<p>{e(p)}" for p in paras)
    return "\n".join(f"<p>{e(p)}</p>" for p in paras)


def calendar_table(crawl: datetime.date, cls: str) -> str:
    days = "".join(
        f'<td><a href="/news/?day={d}">{d}</a></td>' + ("</tr><tr>" if d % 7 == 0 else "")
        for d in range(1, 29)
    )
    return (
        f'<div class="{cls}"><div class="title">Календарь</div>'
        f"<div>{MONTHS_NOM[crawl.month - 1]} {crawl.year}</div>"
        f"<table><tr>{days}</tr></table><a href='#'>←</a> | <a href='#'>→</a></div>"
    )


def head(title: str, p: dict, *, charset: str = "utf-8", site: str = "") -> str:
    meta = [
        f'<meta charset="{charset}">'
        if charset == "utf-8"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    ]
    page_title = f"{title} | {site}" if site else title
    if p.get("title_tag"):
        page_title = p["title_tag"]
    meta.append(f"<title>{e(page_title)}</title>")
    if p.get("og_title"):
        meta.append(f'<meta property="og:title" content="{html.escape(p["og_title"])}">')
    pub = p.get("published")
    if pub and "meta" in p["signals"]:
        meta.append(f'<meta property="article:published_time" content="{iso(pub)}">')
    if p.get("modified"):
        meta.append(f'<meta property="article:modified_time" content="{iso(p["modified"], 18)}">')
    if pub and "jsonld" in p["signals"]:
        meta.append(
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "NewsArticle", "headline": "{html.escape(title)}", '
            f'"datePublished": "{iso(pub)}", "dateModified": "{iso(pub, 16)}", '
            '"publisher": {"@type": "Organization", "name": "' + html.escape(site) + '"}}'
            "</script>"
        )
    meta.append("<script>window.dataLayer = window.dataLayer || [];</script>")
    return "<head>" + "\n".join(meta) + "</head>"


# ---------------------------------------------------------------------------------------------


def bitrix(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    dl = p.get("dateline")
    related = "".join(
        f'<p class="news-item"><span class="news-date-time">{w}</span>'
        f'<a href="/press/news/{i}/"><b>{e(h)}</b></a><br />{e(h)} — подробности в материале.</p>'
        for i, (h, w) in enumerate(related_items(crawl))
    )
    return f"""<!DOCTYPE html><html lang="ru">{head(art["title"], p, site="Министерство социальной политики")}
<body><div id="panel"></div>
<div id="header"><div class="logo"><a href="/"><img src="/logo.png" alt="Министерство"></a>
Министерство социальной политики</div>
<div class="top-date">{word_date(crawl) if p.get("today") else ""}</div>
<ul id="top-menu"><li><a href="/about/">О министерстве</a></li><li><a href="/press/">Пресс-центр</a></li>
<li><a href="/activity/">Деятельность</a></li><li><a href="/contacts/">Контакты</a></li></ul></div>
<table class="layout"><tr><td class="left-column">
<ul class="left-menu"><li><a href="/press/news/">Новости</a></li><li><a href="/press/anons/">Анонсы</a></li></ul>
{calendar_table(crawl, "news-calendar") if p.get("calendar") else ""}
</td><td class="workarea">
<div class="breadcrumbs"><a href="/">Главная</a> / <a href="/press/">Пресс-центр</a> / Новости</div>
<h1>{e(art["title"])}</h1>
<div class="news-detail">
{f'<span class="news-date-time">{dl}</span>' if dl else ""}
<img class="detail_picture" src="/upload/iblock/1.jpg" alt="">
{paragraphs_html(art, sep="br")}
<div style="clear:both"></div><br />
<div class="news-detail-share"><noindex><a href="#">ВКонтакте</a> <a href="#">Одноклассники</a></noindex></div>
</div>
<p><a href="/press/news/">Возврат к списку</a></p>
<h3>Другие новости</h3><div class="news-list">{related}</div>
</td></tr></table>
<div id="footer">© 2008–{crawl.year} Министерство социальной политики. Все права защищены.<br>
Адрес: ул. Ленина, 1. Телефон приемной: 8 (800) 000-00-00</div>
</body></html>"""


def wordpress(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    pub = p.get("published")
    time_el = ""
    if "time" in p["signals"] and pub:
        time_el = (
            f'<span class="posted-on"><a href="#" rel="bookmark"><time class="entry-date '
            f'published" datetime="{iso(pub)}">{word_date(pub)}</time></a></span>'
        )
    elif p.get("dateline"):
        time_el = f'<span class="posted-on">{p["dateline"]}</span>'
    related = "".join(
        f'<div class="jp-relatedposts-post"><h4><a href="/?p={i}">{e(h)}</a></h4>'
        f'<p class="jp-relatedposts-post-date">{w}</p></div>'
        for i, (h, w) in enumerate(related_items(crawl, 3, fmt="word"))
    )
    caption = (
        (
            '<figure class="wp-block-image"><img src="/wp-content/uploads/photo.jpg" alt="">'
            "<figcaption>Фото: пресс-служба</figcaption></figure>"
        )
        if p.get("caption")
        else ""
    )
    body = paragraphs_html(art)
    if caption:
        first, _, rest = body.partition("\n")
        body = first + "\n" + caption + "\n" + rest
    return f"""<!DOCTYPE html><html lang="ru-RU">{head(art["title"], p, site="Вести района")}
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Перейти к содержимому</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Вести района</a></p>
<p class="site-description">Новости района каждый день</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/category/news/">Новости</a></li>
<li><a href="/category/society/">Общество</a></li><li><a href="/category/sport/">Спорт</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1" class="post-1 post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{e(art["title"])}</h1>
<div class="entry-meta">{time_el}<span class="byline"> Автор: <span class="author vcard"><a class="url fn n" href="/author/admin/">Редакция</a></span></span></div></header>
<div class="entry-content">
{body}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Поделиться ссылкой:</h3><ul><li><a href="#">ВКонтакте</a></li><li><a href="#">Telegram</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Похожие записи</em></h3>{related}</div>
</div>
<footer class="entry-footer"><span class="cat-links">Рубрика: <a href="#">Новости</a></span></footer>
</article>
<nav class="navigation post-navigation"><a href="/?p=0">Предыдущая запись</a></nav>
</main></div>
<aside id="secondary" class="widget-area"><section id="calendar-2" class="widget widget_calendar">
{calendar_table(crawl, "calendar_wrap") if p.get("calendar") else ""}</section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Свежие записи</h2><ul>
{"".join(f'<li><a href="#">{e(h)}</a> <span class="post-date">{w}</span></li>' for h, w in related_items(crawl, 3, fmt="word"))}
</ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">© {crawl.year} Вести района. При использовании материалов ссылка обязательна. 12+</div></footer>
</body></html>"""


def dle(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    related = "".join(
        f'<li><a href="/news/{i}-x.html">{e(h)}</a></li>'
        for i, (h, _w) in enumerate(related_items(crawl, 5))
    )
    info = p.get("dateline") or ""
    return f"""<!DOCTYPE html><html>{head(art["title"], p, charset=p.get("charset", "utf-8"), site="Городской портал")}
<body><div class="wrapper"><div class="headpic"><a href="/" class="logo">Городской портал</a>
<div class="pogoda">-3°C</div></div>
<div class="topmenu"><a href="/">Главная</a> <a href="/news/">Новости</a> <a href="/afisha/">Афиша</a> <a href="/index.php?do=feedback">Контакты</a></div>
<div class="cols"><div class="rcol"><div class="block"><div class="btl">Популярное</div>
{"".join(f'<a href="#">{e(h)}</a><br>' for h, _ in related_items(crawl, 3))}</div></div>
<div class="lcol"><div id="dle-content"><div class="fstory">
<h1 class="ftitle">{e(art["title"])}</h1>
<div class="finfo">{f'<span class="fdate">{info}</span>' if info else ""} <span class="fviews">{p.get("views", 1520)}</span> <a href="#">Новости</a></div>
<div class="fulltext"><div id="news-id-{p["n"]}" style="display:inline;">{paragraphs_html(art, sep="br")}</div>
<br><br>{"<b>Подписывайтесь на наш канал в Telegram!</b>" if p.get("subscribe") else ""}</div>
<div class="frate"><div class="rating">Рейтинг: 4.5</div></div>
<div class="rel"><div class="rel-title">Похожие новости:</div><ul>{related}</ul></div>
<div class="fcomms">Комментариев: 0</div></div></div></div></div>
<div class="foot">Копирование материалов разрешено только с активной ссылкой на источник. 18+<br>
Сетевое издание «Городской портал». Свидетельство о регистрации ЭЛ № ФС 77 - 12345.</div></div>
</body></html>"""


def table_layout(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    dl = p.get("dateline")
    body = paragraphs_html(art, sep="open-p")
    return f"""<html>{head(art["title"], p, charset=p.get("charset", "windows-1251"))}
<body bgcolor="#FFFFFF" topmargin=0 leftmargin=0>
<table width="100%" border=0 cellpadding=0 cellspacing=0>
<tr><td colspan=2 bgcolor="#003366"><img src="/img/top.gif" width=780 height=90 alt="Администрация муниципального района"></td>
<tr><td width=200 valign=top bgcolor="#EEEEEE">
<a href="/">Главная</a><br><a href="/adm/">Администрация</a><br><a href="/news/">Новости</a><br>
<a href="/doc/">Документы</a><br><a href="/opeka/">Опека и попечительство</a><br>
{"<font size=1>Сегодня: " + crawl.strftime("%d.%m.%Y") + "</font><br>" if p.get("today") else ""}
<td valign=top style="padding:10px">
<font size=4 color="#003366"><b>{e(art["title"])}</b></font><br>
{f'<font color="#999999" size=2>{dl}</font><br>' if dl else ""}
{body}
<br><a href="/news/">&lt;&lt; Назад к списку новостей</a>
<tr><td colspan=2 align=center bgcolor="#003366"><font color=white size=1>© 2005-{crawl.year} Администрация муниципального района. Все права защищены.</font>
</table>
</body></html>"""


def gov(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    dl = p.get("dateline")
    more = "".join(
        f'<a class="more-news__item" href="/news/{i}"><span class="more-news__date">{w}</span>'
        f'<span class="more-news__title">{e(h)}</span></a>'
        for i, (h, w) in enumerate(related_items(crawl, 3, fmt="word"))
    )
    paras = paragraphs_html(art)
    if p.get("caption"):
        paras = paras.replace(
            "</p>",
            '</p><div class="photo"><img src="/i.jpg"><div class="photo__caption">Фото: пресс-служба губернатора</div></div>',
            1,
        )
    return f"""<!DOCTYPE html><html lang="ru">{head(art["title"], p, site="Официальный портал Правительства области")}
<body><header class="site-header"><div class="site-header__logo">Правительство области</div>
<div class="site-header__weather"><span class="weather-widget">+12°C</span></div>
{f'<div class="site-header__today">{word_date(crawl)}</div>' if p.get("today") else ""}
<div class="site-header__eye"><a href="#"><img src="/eye.svg" alt="Версия для слабовидящих"></a></div>
<nav class="main-nav"><a href="/gov/">Правительство</a><a href="/news/">Новости</a><a href="/docs/">Документы</a></nav></header>
<main class="page"><div class="page-news">
<div class="page-news__breadcrumbs"><a href="/">Главная</a> → <a href="/news/">Новости</a></div>
<h1 class="page-news__title">{e(art["title"])}</h1>
{f'<div class="page-news__date">{dl}</div>' if dl else ""}
<div class="page-news__text">{paras}</div>
<div class="page-news__share">Поделиться: <a href="#">ВК</a> <a href="#">ОК</a> <a href="#">Telegram</a></div>
</div>
<section class="more-news"><h2>Другие новости</h2>{more}</section></main>
<footer class="site-footer"><p>© {crawl.year} Правительство области</p>
<p>Свидетельство о регистрации СМИ ЭЛ № ФС 77-54321 от 01.02.2013 выдано Роскомнадзором.</p></footer>
</body></html>"""


def media(art: dict, p: dict) -> str:
    crawl = p["crawl"]
    dl = p.get("dateline")
    paras = [f"<p>{e(x)}</p>" for x in art["paras"]]
    if p.get("incut") and len(paras) > 2:
        paras.insert(
            2,
            '<div class="article__incut">Читайте также: <a href="/news/2">'
            "Как получить выплату на ребенка в 2024 году</a></div>",
        )
    if art.get("signature"):
        paras.append(f'<p class="article__author">{e(art["signature"])}</p>')
    feed = "".join(
        f'<li class="feed__item"><span class="feed__time">{(crawl - datetime.timedelta(minutes=37 * i)).strftime("%H:%M")}</span>'
        f'<a href="/news/{i}">{e(h)}</a></li>'
        for i, (h, _w) in enumerate(related_items(crawl.date(), 5))
    )
    return f"""<!DOCTYPE html><html lang="ru">{head(art["title"], p, site="Регион Онлайн")}
<body><div class="layout"><div class="topline"><a class="logo" href="/">Регион Онлайн</a>
<div class="topline__currency">USD 92,5 EUR 99,1</div><a href="/search" class="topline__search">Поиск</a></div>
<div class="layout__main"><article class="article">
<div class="article__header"><div class="article__rubric"><a href="/society/">Общество</a></div>
<h1 class="article__title">{e(art["title"])}</h1>
{f'<div class="article__info"><span class="article__date">{dl}</span> <span class="article__views">2 345</span></div>' if dl else ""}
</div>
<div class="article__body">{"".join(paras)}</div>
<div class="article__tags"><a href="#">семья</a> <a href="#">дети</a></div>
<div class="article__subscribe">Подписывайтесь на «Регион Онлайн» в Дзене и Telegram</div>
</article>
<div class="article-bottom"><h3>Популярное</h3><ul>
{"".join(f'<li><a href="#">{e(h)}</a> {w}</li>' for h, w in related_items(crawl.date(), 3, fmt="word"))}</ul></div>
</div>
<aside class="layout__aside"><div class="feed"><div class="feed__title">Лента новостей</div><ul>{feed}</ul></div></aside></div>
<div class="bottom">Сетевое издание «Регион Онлайн» зарегистрировано Роскомнадзором. 16+<br>© 2015–{crawl.year}</div>
</body></html>"""


def ucoz(art: dict, p: dict) -> str:
    crawl = p["crawl"].date()
    return f"""<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8">
<title>{e(art["title"])} - Новости - Сайт сельского поселения</title></head>
<body><div id="top">Сайт сельского поселения</div>
<div id="menu"><a href="/">Главная</a> | <a href="/news/">Новости</a> | <a href="/gb/">Гостевая книга</a></div>
<table border="0" width="100%" cellspacing="1" cellpadding="2" class="eBlock"><tr><td class="eTitle">{e(art["title"])}</td></tr>
<tr><td class="eMessage"><div style="text-align:justify">{paragraphs_html(art, sep="br")}</div></td></tr>
<tr><td class="eDetails">Категория: <a href="/news/1">Новости поселения</a> | Просмотров: {p.get("views", 47)} | Добавил: <a href="#">admin</a> | Дата: <span title="{p.get("time", "10:15")}">{p.get("dateline", "")}</span></td></tr></table>
<div id="sidebar"><div class="boxTitle">Календарь</div>{calendar_table(crawl, "calTable")}</div>
<div id="footer">Copyright MyCorp © {crawl.year} | Бесплатный конструктор сайтов - uCoz</div>
</body></html>"""


def joomla(art: dict, p: dict) -> str:
    pub = p.get("published")
    info = ""
    if "time" in p["signals"] and pub:
        info = (
            f'<dd class="published"><span class="icon-calendar"></span><time datetime="{iso(pub)}" '
            f'itemprop="datePublished">Опубликовано: {pub.strftime("%d.%m.%Y")}</time></dd>'
        )
    elif p.get("dateline"):
        info = f'<dd class="published">Опубликовано: {p["dateline"]}</dd>'
    return f"""<!DOCTYPE html><html lang="ru-ru">{head(art["title"], p, site="Знамя труда")}
<body class="site com_content view-article"><div class="container">
<header class="header"><a class="brand" href="/"><h1 class="site-title">Районная газета «Знамя труда»</h1></a>
<div class="header-search"><form><input name="searchword"></form></div></header>
<nav class="navigation"><ul class="nav menu"><li><a href="/">Главная</a></li><li><a href="/novosti">Новости</a></li><li><a href="/podpiska">Подписка</a></li></ul></nav>
<div class="row-fluid"><main id="content" class="span9">
<div class="item-page" itemscope itemtype="https://schema.org/Article">
<div class="page-header"><h2 itemprop="headline">{e(art["title"])}</h2></div>
<dl class="article-info muted"><dt class="article-info-term">Подробности</dt>
<dd class="category-name">Категория: <a href="/novosti">Новости</a></dd>{info}
<dd class="hits"><meta itemprop="interactionCount" content="UserPageVisits:89">Просмотров: 89</dd></dl>
<div itemprop="articleBody">{paragraphs_html(art)}</div>
<ul class="pager pagenav"><li class="previous"><a href="#">Назад</a></li><li class="next"><a href="#">Вперёд</a></li></ul>
</div></main>
<div id="aside" class="span3"><div class="moduletable"><h3>Последние новости</h3><ul class="latestnews">
{"".join(f'<li><a href="#">{e(h)} ({w})</a></li>' for h, w in related_items(p["crawl"].date(), 4))}</ul></div></div></div>
<footer class="footer"><p>© {p["crawl"].year} Районная газета «Знамя труда». Учредитель: администрация района.</p></footer>
</div></body></html>"""


TEMPLATES = {
    "bitrix": bitrix,
    "wordpress": wordpress,
    "dle": dle,
    "table": table_layout,
    "gov": gov,
    "media": media,
    "ucoz": ucoz,
    "joomla": joomla,
}
