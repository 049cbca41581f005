"""The digest built and rendered from fixture databases (tests/factories.py), and its CLI."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from factories import article, make_db

from digest.build import build_digest
from digest.render import cid_sources, data_uris, make_images, render_html, render_text
from digest.text import change, make_lead, plural, with_base
from newsmon.core.periods import Period, parse_month

ROOT = Path(__file__).resolve().parent.parent
OCT = parse_month("2025-10")
LONG_TITLE = (
    "В Ханты-Мансийском автономном округе — Югре открыли кризисный центр для женщин с детьми, "
    "оказавшихся в трудной жизненной ситуации, и рассказали, как туда обратиться за помощью"
)


def plain(html: str) -> str:
    """The text with Russian typography's no-break spaces read as spaces (for `in` checks)."""
    return html.replace("&nbsp;", " ").replace("\u00a0", " ")


def month_articles() -> list[dict]:
    """October 2025: a story reprinted twice, three single stories, September for the change."""
    return [
        article("В Хабаровске открылся кризисный центр для мам с детьми. Центр примет 20 семей.",
                title="В Хабаровске открылся кризисный центр", published="2025-10-03",
                source="amurpress", regions=["RU-KHA"], orgs=["Фонд Тимченко"],
                topics=["кризисные центры"], projects=["Семейный навигатор"], story="crisis"),
        article("Перепечатка о кризисном центре в Хабаровске.", published="2025-10-04",
                title="В Хабаровске открылся кризисный центр", source="dvnovosti",
                regions=["RU-KHA"], topics=["кризисные центры"], story="crisis"),
        article("Ещё одна перепечатка о центре.", title="Кризисный центр открыт в Хабаровске",
                published="2025-10-06", source="khabkrai", regions=["RU-KHA"], story="crisis"),
        article("Первые семьи уже получили помощь. Центр работает круглосуточно.",
                title=LONG_TITLE, published="2025-10-10", source="ugra-news",
                regions=["RU-KHM"], orgs=["Фонд поддержки детей"], topics=["кризисные центры"],
                projects=[("Мама, я рядом", 2, False)]),
        article("Наставники помогут выпускникам детских домов Приморья. Программа растёт.",
                title="Наставники для выпускников детдомов", published="2025-10-12", source="vl",
                regions=["RU-PRI"], orgs=["Фонд поддержки детей", "Минтруд России"],
                topics=["наставничество"]),
        article("Приёмные семьи Москвы получили новые выплаты от города.",
                title="Приёмные семьи Москвы получили выплаты", published="2025-10-20",
                source="mosnews", regions=["RU-MOW"], topics=["приёмные семьи"]),
        article("Сентябрь: приёмные семьи столицы.", published="2025-09-25", source="mosnews",
                regions=["RU-MOW"], topics=["приёмные семьи"]),
        article("Погода на выходные: дожди.", published="2025-10-20", source="mosnews",
                relevant=False, regions=["RU-MOS"]),
    ]


@pytest.fixture(scope="module")
def month_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("digest") / "month.db"
    make_db(path, month_articles())
    return path


@pytest.fixture(scope="module")
def month(month_db):
    from db import open_db

    return build_digest(open_db(month_db), OCT)


@pytest.mark.parametrize(
    ("n", "word", "expected"),
    [
        (1, "материал", "1 материал"), (2, "материал", "2 материала"),
        (5, "материал", "5 материалов"), (11, "материал", "11 материалов"),
        (21, "материал", "21 материал"), (22, "сюжет", "22 сюжета"), (14, "сюжет", "14 сюжетов"),
        (0, "перепечатка", "0 перепечаток"),
        (3, "перепечатка", "3 перепечатки"), (101, "регион", "101 регион"),
        (1234, "издание", "1\u202f234 издания"),
    ],
)
def test_russian_plural_forms(n, word, expected):
    assert plural(n, word) == expected


@pytest.mark.parametrize(
    ("current", "previous", "text", "direction"),
    [(12, 10, "было 10", "up"), (5, 10, "было 10", "down"), (7, 7, "столько же", "same"),
     (3, 0, "не было", "new"), (0, 0, "столько же", "same"), (16, 4, "было 4", "up")],
)
def test_change_is_always_shown_with_its_base(current, previous, text, direction):
    """«16, было 4», never a bare «+300%»."""
    result = change(current, previous)
    assert (result["text"], result["direction"]) == (text, direction)
    assert "%" not in result["text"]
    assert with_base(16, 4) == "16, было 4" and with_base(3, 0) == "3, раньше не было"


PROSE = "Центр примет до двадцати семей с детьми из всех районов края."


@pytest.mark.parametrize(
    ("title", "lead", "body", "expected"),
    [
        ("Центр открыт", None, f"Центр открыт. {PROSE}", PROSE),
        ("В Хабаровске открылся центр", None,
         "В Хабаровске открылся центр для мам с детьми, оказавшихся в трудной ситуации.",
         "В Хабаровске открылся центр для мам с детьми, оказавшихся в трудной ситуации."),
        ("Т", f"Готовый лид: {PROSE}", "Другой текст.", f"Готовый лид: {PROSE}"),
        ("Т", "Категория: Общество", f"Категория: Общество\n\n{PROSE}", PROSE),
        ("Т", "Социальная сфера", "Социальная сфера\nРегионы\nКалендарь\n1\n2\n3\n" + PROSE,
         PROSE),
        ("Т", None, f"12.10.2025 14:30\nФото: пресс-служба\n{PROSE}", PROSE),
        ("Т", None, "Читайте также\nСоциальная сфера\nГлавное", ""),
        ("Т", None, f"Читайте также\n{PROSE}", ""),
    ],
)
def test_lead_is_the_first_prose_never_the_title_or_boilerplate(title, lead, body, expected):
    assert make_lead(title, lead, body) == expected


def test_lead_is_at_most_two_lines():
    body = " ".join(f"Предложение {i} о работе кризисного центра с семьями." for i in range(30))
    lead = make_lead("Заголовок", None, body)
    assert 40 < len(lead) <= 221


def test_headline_numbers_and_change(month):
    values = {h["key"]: (h["value"], h["previous"]) for h in month.headlines}
    assert values == {"materials": (6, 1), "stories": (4, 1), "reprints": (2, 0),
                      "outlets": (6, 1), "regions": (4, 1)}


def test_regions_ranked_by_materials(month):
    assert month.regions[0]["iso"] == "RU-KHA"
    assert month.regions[0]["materials"] == 3 and month.regions[0]["stories"] == 1
    assert {r["iso"] for r in month.regions} == {"RU-KHA", "RU-KHM", "RU-PRI", "RU-MOW"}


def test_top_story_is_one_entry_per_cluster_with_reprints(month):
    titles = [s["title"] for s in month.stories]
    assert len(titles) == len(set(titles)) == 4
    top = month.stories[0]
    assert (top["title"], top["source"], top["reprints"], top["outlets"]) == (
        "В Хабаровске открылся кризисный центр", "amurpress", 2, 3)
    assert top["published"] == "2025-10-03"


def test_irrelevant_and_other_month_articles_stay_out(month):
    text = render_text(month)
    assert "Погода" not in text and "Сентябрь: приёмные" not in text


def test_outlets_projects_orgs_and_topics(month):
    first = {o["source"]: (o["originals"], o["reprints"]) for o in month.outlets}
    assert first["amurpress"] == (1, 0) and first["dvnovosti"] == (0, 1)
    assert month.orgs[0]["org"] == "Фонд поддержки детей" and month.orgs[0]["materials"] == 2
    assert month.topics[0]["topic"] == "кризисные центры" and month.topics[0]["materials"] == 3
    assert [p["project"] for p in month.new_projects] == ["Мама, я рядом"]
    navigator = next(p for p in month.projects if p["project"] == "Семейный навигатор")
    assert navigator["registered"] and navigator["regions"] == "Хабаровский край — 1"


def test_same_title_in_two_clusters_is_shown_once(tmp_path):
    same = "Фонд открыл приём заявок на гранты для кризисных центров"
    db = make_db(tmp_path / "dup.db", [
        article("Текст первого сайта про гранты для кризисных центров и семей в регионе.",
                title=same, published="2025-10-02", source="a", regions=["RU-KHA"], story=1),
        article("Совсем другой текст второго сайта о том же конкурсе фонда, своими словами.",
                title=same + ".", published="2025-10-03", source="b", regions=["RU-KHA"], story=2),
    ])
    data = build_digest(db, OCT)
    assert len(data.stories) == 1 and data.stories[0]["title"].rstrip(".") == same


def test_html_shows_key_numbers_sections_and_images(month):
    images = make_images(month)
    html = plain(render_html(month, cid_sources(images), email=True))
    for needle in ("Мониторинг СМИ: октябрь 2025", "Регионы", "Главные сюжеты", "Организации",
                   "Темы", "Проекты", "Издания", "Как считали", "Хабаровский край",
                   "2 перепечатки", "Фонд поддержки детей", "Приложение: все материалы",
                   'src="cid:regions@newsmon"', 'src="cid:map@newsmon"',
                   'src="cid:trend@newsmon"'):
        assert needle in html, needle
    # admin hints are the analyst's (DigestData.hints), never the press email's
    assert "нет в реестре" not in html and "projects.yml" not in html
    # inlined for email clients: nothing a reader needs is left in <style>, no print rules
    style = "".join(re.findall(r"<style>(.*?)</style>", html, re.S))
    assert "@page" not in style and ".story-title {" not in style
    assert re.search(r'class="story-title"[^>]*style="[^"]*font-size', html)
    assert re.search(r'id="kpi-materials"[^>]*>.*?>6<', html, re.S)


def test_no_fixed_widths_that_would_squeeze_names_on_a_phone(month):
    """What printed «Хабаровский край» one letter per line: fixed table layouts with columns of
    fixed pixel widths. The email has one fluid column; only Outlook's ghost table is 640 px."""
    html = render_html(month, data_uris(make_images(month)), email=True)
    assert LONG_TITLE in plain(html) and "Ханты-Мансийский автономный округ — Югра" in plain(html)
    assert "table-layout" not in html and "overflow-wrap: anywhere" not in html
    widths = re.findall(r'width="(\d+)"', html)
    assert set(widths) <= {"400", "640"}  # images (max-width: 100%) and the mso ghost table
    assert re.findall(r"<!--\[if mso\]><table[^>]*width=\"640\"", html)
    assert not re.search(r"[^-]width:\s*\d+px", html)


def test_text_part_reads_as_a_report(month):
    text = plain(render_text(month))
    assert text.startswith("Мониторинг СМИ: октябрь 2025")
    assert "- 6 материалов (было 1)" in text and "«Было» — в сентябре 2025 года." in text
    assert "1. Хабаровский край — 3 материала, 1 сюжет (не было)" in text
    assert "перепечатка: dvnovosti, 4 октября — http://127.0.0.1/dvnovosti/" in text
    assert "<" not in text


def test_empty_month_says_so_plainly(month_db):
    from db import open_db

    data = build_digest(open_db(month_db), parse_month("2025-12"))
    assert data.is_empty and make_images(data) == []
    html = plain(render_html(data, {}))
    assert "В декабре 2025 года материалов о проектах поддержки семьи и детства" in html
    assert "не найдено" in html and "Главные сюжеты" not in html and "<img" not in html
    # an empty month says how collection ran, so it is not taken for a broken crawl
    assert "Сведений об обходах изданий в базе нет." in html
    assert "не найдено" in render_text(data)


def test_one_region_month_reads_well(tmp_path):
    db = make_db(tmp_path / "one.db", [
        article("В Пермском крае открыли школу приёмных родителей для семей.",
                title="Школа приёмных родителей", published="2025-10-05", source="perm",
                regions=["RU-PER"], topics=["приёмные семьи"]),
    ])
    data = build_digest(db, OCT)
    html = plain(render_html(data, data_uris(make_images(data))))
    assert "одному региону: <b>Пермский край</b> — 1 материал, 1 сюжет" in html
    assert "опубликовали 1 материал о поддержке семьи и детства в 1 издании" in html
    assert "Речь в них идёт о 1 регионе." in html


def test_any_period_is_named_in_title_and_compared_plainly(month_db):
    from db import open_db

    data = build_digest(open_db(month_db), Period(dt.date(2025, 10, 1), dt.date(2025, 10, 10)))
    assert data.title == "Мониторинг СМИ: 1–10 октября 2025"
    assert data.previous == Period(dt.date(2025, 9, 21), dt.date(2025, 9, 30))
    assert data.totals["materials"] == 4 and data.previous_totals["materials"] == 1
    assert data.headlines[0]["change"]["text"] == "было 1"
    html = plain(render_html(data, {}))
    assert "С 1 по 10 октября 2025 года региональные СМИ опубликовали 4 материала" in html
    assert "«Было» — за 21–30 сентября 2025 года." in html and "той же длины" not in html


def test_tilemap_places_every_federal_subject_once():
    layout = yaml.safe_load((ROOT / "digest/data/tilemap.yml").read_text(encoding="utf-8"))
    regions = yaml.safe_load((ROOT / "pipeline/data/regions.yml").read_text(encoding="utf-8"))
    isos = {r["iso"] for r in regions["regions"]}
    tiles = layout["tiles"]
    assert set(tiles) == isos and len(isos) == 89
    cells = [(t["row"], t["col"]) for t in tiles.values()]
    assert len(set(cells)) == len(cells)
    assert all(0 <= r < layout["rows"] and 0 <= c < layout["cols"] for r, c in cells)
    assert all(1 <= len(t["label"]) <= 4 for t in tiles.values())
    # geography sanity: north above south, west left of east
    assert tiles["RU-MUR"]["row"] < tiles["RU-KDA"]["row"]
    assert tiles["RU-KGD"]["col"] < tiles["RU-MOW"]["col"] < tiles["RU-SVE"]["col"]
    assert tiles["RU-SVE"]["col"] < tiles["RU-NVS"]["col"] < tiles["RU-PRI"]["col"]


def test_month_without_any_region_skips_chart_and_map(tmp_path):
    db = make_db(tmp_path / "noregion.db", [
        article("Правительство утвердило новые меры поддержки многодетных семей по всей стране.",
                title="Новые меры поддержки многодетных семей", published="2025-10-07",
                source="federal"),
    ])
    data = build_digest(db, OCT)
    assert not data.regions and [i.name for i in make_images(data)] == ["trend.png"]
    html = plain(render_html(data, {}))
    assert "Ни один материал периода не удалось отнести к конкретному региону" in html
    assert "Новые меры поддержки многодетных семей" in html and "<img" not in html


def test_materials_without_region_are_counted_in_the_note(tmp_path):
    db = make_db(tmp_path / "some.db", [
        article("В Туле открыли центр для семей с детьми.", title="Центр в Туле",
                published="2025-10-07", source="tula", regions=["RU-TUL"]),
        article("Минтруд рассказал о выплатах семьям по всей стране.", title="Выплаты семьям",
                published="2025-10-08", source="federal"),
    ])
    html = plain(render_html(build_digest(db, OCT), {}))
    assert "Без определённого региона: 1 материал" in html


def test_titles_from_outlets_are_escaped_in_html_but_plain_in_text(tmp_path):
    title = 'Семьи <script>alert(1)</script> & «дети»'
    db = make_db(tmp_path / "esc.db", [
        article("В Туле открыли центр для семей с детьми, оказавшихся в трудной ситуации.",
                title=title, published="2025-10-07", source="tula", regions=["RU-TUL"]),
    ])
    data = build_digest(db, OCT)
    html = render_html(data, {})
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; «дети»" in html
    assert title in render_text(data)


def test_big_month_email_stays_under_gmail_clipping(tmp_path):
    """89 regions, 60 outlets, 50 projects: long tables end in one line, the HTML part < 100 KB."""
    import random

    from db import open_db
    from db.store import ensure_regions

    rng = random.Random(7)
    db = open_db(tmp_path / "big.db")
    ensure_regions(db)
    isos = [row[0] for row in db.execute("select iso from regions")]
    db["sources"].insert_all({"name": f"outlet{i}", "url": f"http://127.0.0.1/{i}/",
                              "region_iso": None} for i in range(60))
    n = 3000
    db["articles"].insert_all(
        {"id": i, "url": f"http://127.0.0.1/a/{i}", "source": f"outlet{i % 60}",
         "title": f"Материал {i} о поддержке семей с детьми в регионе", "lead": None,
         "text": "Центр помощи семьям с детьми работает в регионе уже второй год подряд. " * 5,
         "published": f"2025-10-{rng.randint(1, 31):02d}", "relevant": 1,
         "story_id": i if rng.random() < 0.7 else max(1, i - rng.randint(1, 30))}
        for i in range(1, n + 1))
    db["article_regions"].insert_all({"article_id": i, "iso": isos[i % len(isos)], "mentions": 1}
                                     for i in range(1, n + 1))
    db["article_orgs"].insert_all({"article_id": i, "org": f"Организация {i % 200}",
                                   "mentions": 1} for i in range(1, n + 1))
    db["article_topics"].insert_all({"article_id": i, "topic": f"тема {i % 8}"}
                                    for i in range(1, n + 1))
    db["article_projects"].insert_all({"article_id": i, "project": f"Проект {i % 50}",
                                       "mentions": 1, "registered": i % 5 > 0}
                                      for i in range(1, n + 1, 3))
    data = build_digest(db, OCT)
    assert len(data.regions) == 89 and data.totals["outlets"] == 60
    html = plain(render_html(data, cid_sources(make_images(data)), email=True))
    assert len(html.encode("utf-8")) < 100_000
    assert "и ещё 69 регионов:" in html and "и ещё 30 проектов:" in html
    assert "и ещё 48 изданий" in html and "и ещё 188 организаций" in html
    # every material is still one click away: in the attachments and the standalone HTML
    assert re.search(r"и ещё 2\s?\d{3} материал\w* — полный список в приложенных файлах", html)
    full = plain(render_html(data, {}, inline=False))
    assert full.count('class="appendix-reprint"') + full.count('class="appendix-item"') == 3000


def test_highlights_name_the_leading_region_story_org_and_new_project(month):
    html = plain(render_html(month, {}))
    block = html[html.index('id="highlights"'):html.index("</ul>", html.index('id="highlights"'))]
    assert "Больше всего материалов — Хабаровский край: 3 материала (50% всех)" in block
    assert ("Больше всего перепечаток — у сюжета «В Хабаровске открылся кризисный центр» "
            "(amurpress): 2 перепечатки — dvnovosti и khabkrai") in block
    assert "Чаще других упоминается Фонд поддержки детей — в 2 материалах" in block
    assert "Сильнее всего выросло" not in block  # the leader is also the riser here
