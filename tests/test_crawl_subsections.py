"""A rubric's own sub-rubrics are read one level down: a forum's index lists its boards, and a
board's topics may be linked from nowhere else (the home page shows the latest few only)."""

from __future__ import annotations

from faults_sites import crawl, query

from newsmon.siteserver import SiteServer

PROSE = ("Расскажу, как прошла встреча клуба приёмных семей. Пришли двенадцать семей, говорили о "
         "подростках, о школе и о том, как не выгореть в первый год. Вели встречу психолог центра "
         "и опытная приёмная мама, дети играли в соседней комнате с волонтёрами.")
MENU = ('<nav class="menu"><ul><li><a href="/novosti">Новости</a></li>'
        '<li><a href="/forum">Форум</a></li><li><a href="/kontakty">Контакты</a></li></ul></nav>')


def _html(title: str, body: str) -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{MENU}"
            f"<main><h1>{title}</h1>{body}</main></body></html>")


def _topic(title: str, day: int) -> str:
    return _html(title, f"<time datetime='2025-10-{day:02d}T10:00:00+03:00'>{day} октября 2025"
                        f"</time>" + "".join(f"<p>{PROSE}</p>" for _ in range(3)))


def _board(topics: list[tuple[str, str, int]]) -> str:
    rows = "".join(f"<tr><td><a href='{href}'>{title}</a></td><td>{day} октября 2025</td></tr>"
                   for href, title, day in topics)
    return _html("Раздел форума", f"<table class='topics'>{rows}</table>")


def test_a_forums_boards_are_read_from_its_index(tmp_path):
    folder = tmp_path / "sites" / "club"
    public = folder / "public"
    for sub in ("forum/semi", "forum/vyplaty", "novosti"):
        (public / sub).mkdir(parents=True)
    (folder / "site.yml").write_text("name: club\nregion: Тверская область\n", "utf-8")
    boards = {
        "semi": [("/forum/semi/11-vstrecha-kluba", "Встреча клуба приёмных семей", 7),
                 ("/forum/semi/12-shkola-roditeley", "Школа приёмных родителей: набор", 9),
                 ("/forum/semi/13-leto-v-lagere", "Лето в лагере: отзывы семей", 11)],
        "vyplaty": [("/forum/vyplaty/21-edinoe-posobie", "Единое пособие: вопросы и ответы", 8),
                    ("/forum/vyplaty/22-kompensaciya", "Компенсация за детский сад", 10),
                    ("/forum/vyplaty/23-sertifikat", "Сертификат многодетным семьям", 12)],
    }
    for board, topics in boards.items():
        (public / "forum" / f"{board}.html").write_text(_board(topics), "utf-8")
        for href, title, day in topics:
            (public / f"{href.lstrip('/')}.html").write_text(_topic(title, day), "utf-8")
    index = "".join(f"<li><a href='/forum/{b}'>Раздел «{b}»: все темы</a></li>" for b in boards)
    (public / "forum.html").write_text(_html("Форум", f"<ul class='boards'>{index}</ul>"), "utf-8")
    (public / "novosti.html").write_text(_html("Новости", "<p>Новостей пока нет.</p>"), "utf-8")
    (public / "index.html").write_text(_html("Клуб приёмных семей", (
        "<p>Добро пожаловать!</p><h2>Последняя тема</h2>"
        "<a href='/forum/semi/13-leto-v-lagere'>Лето в лагере: отзывы семей</a>")), "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        done = crawl(sources, tmp_path / "n.db")
    assert done.returncode == 0, done.stderr
    stored = {url.rsplit("/", 1)[1] for (url,) in query(tmp_path / "n.db", "select url from articles")}
    assert stored == {href.rsplit("/", 1)[1] for topics in boards.values() for href, _, _ in topics}
