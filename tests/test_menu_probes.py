"""A home page's menu link of no known kind is probed: a news list under a name no word list
knows («Жизнь клуба») is read as the listing its structure says it is, and its posts are
stored; a service page («О клубе») is remembered as no article and not fetched again; nothing
is stored from a probe itself (sets 42 and 43's first looks lost 7 of 13 articles each to a
news list the crawl did not follow). Short one- or two-level folders are sections already;
a menu link three levels deep or with a query is of no known kind."""

from __future__ import annotations

from pathlib import Path

from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

POSTS = [
    ("/ru/club/zhizn/den-materi/", "День матери в клубе приёмных семей", "26.11.2025",
     "В субботу в клубе собрались двенадцать приёмных семей. Дети готовили подарки мамам, а "
     "психолог клуба провела для родителей встречу о том, как говорить с подростком о его "
     "кровной семье."),
    ("/ru/club/zhizn/grant/", "Клуб получил грант на школу наставников", "19.11.2025",
     "Грант фонда президентских грантов позволит клубу весной открыть школу наставников для "
     "выпускников детских домов. Обучение займёт три месяца, наставники будут встречаться с "
     "подростками каждую неделю."),
    ("/ru/club/zhizn/vstrechi/", "Встречи для будущих опекунов в районах", "11.11.2025",
     "Специалисты клуба провели выездные встречи для тех, кто думает принять ребёнка в семью. "
     "Пришли двадцать человек, шесть семей записались в школу приёмных родителей."),
]


def _page(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title} — Клуб «Ак-Өг»</title></head>"
            f"<body><header><a href='/'>Клуб «Ак-Өг»</a><ul class='menu'>"
            f"<li><a href='/ru/club/zhizn/'>Жизнь клуба</a></li><li><a href='/ru/club/o-klube/'>О клубе</a></li>"
            f"</ul></header><main>{body}</main><footer>© 2025 Клуб приёмных семей</footer>"
            f"</body></html>")


def _site(root: Path) -> Path:
    site = root / "sites" / "club"
    (site / "public").mkdir(parents=True)
    (site / "site.yml").write_text("name: club\nregion: Республика Тыва\nencoding: utf-8\n"
                                   "charset_in: header\n", encoding="utf-8")
    pages = {"/": _page("Главная", "<p>Добро пожаловать на сайт клуба приёмных семей.</p>")}
    cards = "".join(f"<div class='card'><h3><a href='{path}'>{title}</a></h3><p>{date}</p>"
                    f"<p>{text[:80]}…</p></div>" for path, title, date, text in POSTS)
    pages["/ru/club/zhizn/"] = _page("Жизнь клуба", f"<h1>Жизнь клуба</h1>{cards}")
    pages["/ru/club/o-klube/"] = _page("О клубе", "<h1>О клубе</h1><p>Клуб приёмных семей работает с "
                               "2015 года. Мы помогаем семьям, которые приняли детей.</p>")
    for path, title, date, text in POSTS:
        pages[path] = _page(title, f"<article><h1>{title}</h1><p>{date}</p><p>{text}</p>"
                                   f"<p>{text}</p></article>")
    for path, html in pages.items():
        target = site / "public" / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return root / "sites"


def test_a_menu_link_of_no_known_kind_is_read_by_its_structure(tmp_path):
    with SiteServer(_site(tmp_path)) as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db = tmp_path / "news.db"
        night = ("--since", "2025-09-01", "-s", "NEWSMON_CRAWL_TIME=2025-11-28T18:00:00")
        run = crawl(sources, db, *night)
        assert run.returncode == 0, run.stderr[-2000:]
        stored = {url for (url,) in query(db, "select url from articles")}
        assert stored == {server.url("club", path) for path, *_ in POSTS}
        first = [entry.path for entry in server.request_log]
        assert "/ru/club/o-klube/" in first and "/ru/club/zhizn/" in first
        run = crawl(sources, db, *night)
        assert run.returncode == 0, run.stderr[-2000:]
        second = [entry.path for entry in server.request_log][len(first):]
        assert "/ru/club/o-klube/" not in second  # a service page, remembered
        assert "/ru/club/zhizn/" in second  # the news list, read every night
