"""A regional body's own site — a fund, a ministry, the children's ombudsman — speaks of its
region: its news naming no place is about the home region, as a regional channel's post is. A
media outlet's article naming no place is about no region. Who runs the site is read from its
footer (copyright and legal lines) and names; a registration as СМИ makes it a medium."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from faults_sites import query
from lxml.html import fromstring

from newsmon.siteserver import SiteServer
from pipeline.extract.siteowner import owner_lines
from pipeline.tag.home_region import names_a_body

ARTICLE = ("Фонд объявил набор наставников для подростков из приёмных семей. Наставником может "
           "стать взрослый старше 25 лет, готовый встречаться с подопечным раз в неделю. Кандидаты "
           "пройдут обучение у психологов фонда и собеседование. Заявки принимаются до конца "
           "месяца по телефону и на сайте.")  # fmt: skip


@pytest.mark.parametrize("names, body", [
    (["Благотворительный фонд помощи семьям с детьми «Опора»"], True),
    (["Уполномоченный по правам ребёнка в Тверской области"], True),
    (["Министерство социальной политики Свердловской области"], True),
    (["Администрация города Норильска"], True),
    (["Герб Кизилюртовского района"], True),  # a district's coat of arms as the portal's logo
    (["Герб и флаг: история символики"], False),
    (["АНО «Семейный очаг»", "Опора"], True),
    (["Губернские новости"], False),
    (["Информационное агентство «Регион»"], False),
    (["Центр новостей Кузбасса"], False),
    (["Вестник министерства образования"], False),
    # a ministry's newspaper is a medium: its registration says so
    (["Правительство Кировской области", "Свидетельство о регистрации СМИ ЭЛ № ФС 77-12345"], False),
    (["Ярославль 24", "Главная"], False),
    ([None, ""], False),
])
def test_a_site_named_as_a_regional_body_speaks_for_it_and_a_medium_never(names, body):
    assert names_a_body(names) is body


def test_the_owner_is_read_from_the_copyright_and_legal_lines_of_the_footer():
    tree = fromstring(
        "<html><body><h1>Новость</h1><p>Текст.</p><footer>"
        "<p>© 2014–2025 Уполномоченный по правам ребёнка в Тверской области. Все права защищены.</p>"
        "<p>Благотворительный фонд «Опора». ОГРН 1234567890123, ИНН 6900000000.</p>"
        "<p>Сетевое издание «Вести». Свидетельство о регистрации СМИ ЭЛ № ФС 77-00000</p>"
        "<script>var c = '© nothing';</script></footer></body></html>")
    assert owner_lines(tree) == (
        "Уполномоченный по правам ребёнка в Тверской области",
        "Благотворительный фонд «Опора»",
        "Сетевое издание «Вести». Свидетельство о регистрации СМИ ЭЛ № ФС 77-00000",
        "Сетевое издание «Вести»",  # the footer's quoted name, as a site builder's footer has it
    )


def test_a_comment_before_the_copyright_text_is_never_read_as_its_parent():
    """The text after an HTML comment is the comment's «tail»: its owner is the element around
    both (reading the comment as an element crashed the extractor on real pages)."""
    tree = fromstring("<html><body><p>Текст.</p><footer><div><!-- счётчик -->© 2025 Фонд «Опора»"
                      "<!-- ещё -->. ИНН 6900000000</div></footer></body></html>")
    assert owner_lines(tree) == ("Фонд «Опора»",)


def test_a_bold_name_above_the_page_names_the_owner_and_a_press_office_is_no_medium():
    """A table layout's header sets the body's name in bold above every paragraph; its press
    office signs «Отдел по взаимодействию со СМИ» — a body's office, not a registration as СМИ.
    A menu link «/index.php?option=page&p=glava» is no link to the front page."""
    from pipeline.extract.sitename import is_home_href

    tree = fromstring(
        "<html><body><table><tr><td><b>Администрация муниципального образования Лесной район</b>"
        "</td></tr></table><h3>Заседание комиссии</h3><p>Текст новости.</p>"
        "<p>Отдел по взаимодействию со СМИ.</p></body></html>")
    lines = owner_lines(tree)
    assert lines == ("Администрация муниципального образования Лесной район",)
    assert names_a_body(lines)
    assert not is_home_href("/index.php?option=page&p=glava")
    assert is_home_href("/index.php") and is_home_href("/")


def test_a_footer_line_naming_an_organization_in_quotes_names_the_owner():
    """A site builder's footer with no copyright owner but the organization's legal name."""
    tree = fromstring(
        "<html><body><h1>Новость</h1><nav><a href='/'>Новости</a></nav><footer><div>"
        "<p>Региональная общественная организация «Ассоциация приёмных семей «Опора». 170000, "
        "г. Тверь, ул. Советская, 1. +7 (4822) 00-00-00</p><p>© 2025 Опора. Сайт создан на "
        "конструкторе</p><p>Новости</p></div></footer></body></html>")
    lines = owner_lines(tree)
    assert "Региональная общественная организация «Ассоциация приёмных семей «Опора»" in lines
    assert names_a_body(lines)


def test_a_state_institution_named_by_its_legal_form_is_a_body_and_its_paper_a_medium():
    """«ГОАУСО «Боровичский КЦСОН «Забота»» opens with the institution's legal form (a social
    service centre of the region); a municipal institution that is a newspaper's editorial
    office stays a medium."""
    assert names_a_body(["ГОАУСО «Боровичский КЦСОН «Забота»"])
    assert names_a_body(["КЦСОН «Забота»"])
    assert not names_a_body(["МАУ «Редакция газеты «Вятский край»"])


def test_a_page_builders_footer_block_names_the_owner_and_an_articles_footer_row_does_not():
    """Flexbe, Tilda and the like have no <footer>: the block named so is the footer. A «footer»
    row inside the article (a news template's date and rubric) is not."""
    tree = fromstring(
        "<html><body><main><div class='article'><h1>Новость</h1><div class='footer'><p>Рубрика "
        "«Семья» · 14.10.2025</p></div><p>Текст.</p></div></main><div class='b_block b_footer'>"
        "<div class='b_text'>Краевой кризисный центр для женщин «Надежда». 656000, Барнаул."
        "</div><div class='b_text'>Разработка сайта — ООО «Веб-Студия»</div></div></body></html>")
    assert owner_lines(tree) == ("Краевой кризисный центр для женщин «Надежда»",)


def _page(title: str, footer: str, head: str = "") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<header><a href='/'><img alt='Опора' src='/logo.png'></a></header><article>"
            f"<h1>{title}</h1><time datetime='2025-10-07'>7 октября 2025</time><p>{ARTICLE}</p>"
            f"<p>{ARTICLE}</p></article><footer><p>{footer}</p></footer></body></html>")


def _site(root, name: str, footer: str) -> None:
    folder = root / name
    (folder / "public" / "news").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": name, "region": "Тверская область", "sitemaps": ["/sitemap.xml"]},
        allow_unicode=True), encoding="utf-8")  # fmt: skip
    (folder / "public" / "news" / "1.html").write_text(
        _page("Фонд набирает наставников для подростков", footer), "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/1.html</loc></url></urlset>', "utf-8")


def test_a_funds_news_naming_no_place_is_about_its_region_and_a_mediums_about_none(tmp_path):
    _site(tmp_path / "sites", "fund", "© 2025 Благотворительный фонд «Опора», г. Тверь")
    _site(tmp_path / "sites", "paper", "© 2025 Тверские новости. Свидетельство о регистрации "
                                       "СМИ ЭЛ № ФС 77-00000")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db_path = tmp_path / "n.db"
        result = subprocess.run(
            [sys.executable, "-c", "from newsmon.cli import main; main()", "crawl", "--sources",
             str(sources), "--db", str(db_path), "--quiet", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=false"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = query(db_path, "select a.source, group_concat(r.iso) from articles a left join "
                          "article_regions r on r.article_id = a.id group by a.id order by 1")
    assert rows == [("fund", "RU-TVE"), ("paper", None)]
    (fund_id,) = query(db_path, "select id from articles where source = 'fund'")[0]

    def cli(*args: str) -> str:
        run = subprocess.run([sys.executable, "-c", "from newsmon.cli import main; main()", *args,
                              "--db", str(db_path)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        return run.stdout

    cli("retag", "--quiet")  # retag decides from the stored site name as the crawl did
    assert query(db_path, "select article_id, iso from article_regions") == [(fund_id, "RU-TVE")]
    why = json.loads(cli("explain", str(fund_id), "--format", "json"))
    assert why["changed_since_stored"] == []
    (region,) = why["regions"]
    assert region["iso"] == "RU-TVE" and "голос органа" in region["rules"][0]


def test_a_reprint_naming_another_sites_page_as_canonical_is_not_the_bodys_voice(tmp_path):
    """A fund's «Новости партнёров» item republishes a federal agency's news: its canonical names
    the agency's page, so naming no place it is about no region — on the crawl, retag and explain;
    the fund's own news keeps its home region."""
    _site(tmp_path / "sites", "fund", "© 2025 Благотворительный фонд «Опора», г. Тверь")
    public = tmp_path / "sites" / "fund" / "public"
    (public / "news" / "2.html").write_text(_page(
        "Фонд соцстрахования расширил набор наставников", "© 2025 Благотворительный фонд «Опора»",
        '<link rel="canonical" href="https://sfr.example/press/2025/10/7/">'), "utf-8")
    (public / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/1.html</loc></url>'
        '<url><loc>{{BASE}}/news/2.html</loc></url></urlset>', "utf-8")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db_path = tmp_path / "n.db"
        result = subprocess.run(
            [sys.executable, "-c", "from newsmon.cli import main; main()", "crawl", "--sources",
             str(sources), "--db", str(db_path), "--quiet", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=false"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    regions = ("select a.url, group_concat(r.iso) from articles a left join article_regions r "
               "on r.article_id = a.id group by a.id order by a.url")
    rows = query(db_path, regions)
    assert [(url.rsplit("/", 1)[1], iso) for url, iso in rows] == [
        ("1.html", "RU-TVE"), ("2.html", None)]
    assert query(db_path, "select url, rel from article_links") == [
        ("https://sfr.example/press/2025/10/7/", "forward")]
    run = subprocess.run([sys.executable, "-c", "from newsmon.cli import main; main()", "retag",
                          "--quiet", "--db", str(db_path)], capture_output=True, text=True,
                         timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert query(db_path, regions) == rows
    reprint = rows[1][0]
    why = subprocess.run([sys.executable, "-c", "from newsmon.cli import main; main()", "explain",
                          reprint, "--format", "json", "--db", str(db_path)],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert why.returncode == 0, why.stderr
    assert json.loads(why.stdout)["regions"] == []


@pytest.mark.parametrize("title, advice", [
    ("Почему она не уходит: психолог о домашнем насилии", True),
    ("Как говорить с приёмным ребёнком о его кровной семье", True),
    ("Памятка для приёмных родителей: как пережить первый год", True),
    ("Как мы помогли семье из соседнего района", False),  # a story of the body's own work
    ("Фонд набирает наставников для подростков", False),
])
def test_advice_naming_no_place_is_about_no_region_even_on_a_bodys_site(title, advice):
    from pipeline.tag.home_region import is_advice, with_home_default

    assert is_advice(title) is advice
    regions = with_home_default([], "Психолог отвечает на вопросы родителей.", "RU-TVE", title)
    assert [r.iso for r in regions] == ([] if advice else ["RU-TVE"])
    # guidance on a region's procedure is the region's, advice or not (МФЦ, documents, status)
    procedure = "Для оформления статуса нужно обратиться в МФЦ с документами."  # three words
    assert [r.iso for r in with_home_default([], procedure, "RU-TVE", title)] == ["RU-TVE"]
