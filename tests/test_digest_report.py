"""What the digest says: the Foundation first, ties as ties, how monitoring ran, every material
linked under its story, outlets by name, the spreadsheet, Russian typography."""

from __future__ import annotations

import io

import pytest
from factories import article, make_db
from test_digest import plain

from digest.build import build_digest
from digest.render import render_html, render_text
from digest.spreadsheet import materials_xlsx
from digest.typography import typeset, typeset_html
from newsmon.core.periods import parse_month

OCT = parse_month("2025-10")


def three_tied_stories() -> list[dict]:
    specs = []
    for n, (region, outlet) in enumerate([("RU-KHA", "amur"), ("RU-PRI", "prim"),
                                          ("RU-AST", "astra")]):
        specs.append(article(f"Семьи региона {n} получили помощь центра. Текст {n}.",
                             title=f"Сюжет {n} о помощи семьям", published=f"2025-10-0{n + 2}",
                             source=outlet, regions=[region], story=n))
        specs.append(article(f"Перепечатка сюжета {n}.", title=f"Сюжет {n} о помощи семьям",
                             published=f"2025-10-1{n + 2}", source="reprinter",
                             regions=[region], story=n))
    specs.append(article("Фонд поддержки детей открыл конкурс для кризисных центров.",
                         title="Фонд открыл конкурс", published="2025-10-20", source="small",
                         orgs=["Фонд поддержки детей"]))
    return specs


@pytest.fixture(scope="module")
def tied(tmp_path_factory):
    db = make_db(tmp_path_factory.mktemp("tied") / "t.db", three_tied_stories())
    return build_digest(db, OCT, {"amur": "Амурская правда", "reprinter": "Вести края"})


def test_three_stories_with_one_reprint_each_are_a_tie_not_a_winner(tied):
    html = plain(render_html(tied, {}))
    assert "Поровну перепечатывали 3 сюжета, по 1 перепечатке" in html
    assert "Больше всего перепечаток" not in html and "Самый перепечатываемый" not in html
    assert "Больше всего материалов, поровну — по 2 материала — у 3 регионов" in html


def test_the_foundation_comes_first_in_the_lead_and_the_stories(tied):
    assert tied.foundation["materials"] == 1
    assert tied.stories[0]["title"] == "Фонд открыл конкурс"  # the smallest story, ranked first
    html = plain(render_html(tied, {}))
    assert "Из них о Фонде и его проектах — 1 (14%); в сентябре 2025 года — 0." in html


def test_every_material_is_one_click_away_with_reprints_under_their_story(tied):
    html = render_html(tied, {}, email=True)
    for m in tied.materials:
        assert f'href="{m["url"]}"' in html, m["url"]
    appendix = plain(html[html.index('id="appendix"'):])
    assert "Сюжет 0 о помощи семьям</a> <span" in appendix
    assert "↳ <a" in appendix and "Вести края</a>" in appendix  # where the reprint ran
    text = plain(render_text(tied))
    assert "перепечатка: Вести края, 12 октября — http://127.0.0.1/reprinter/" in text


def test_outlets_appear_by_their_human_names(tied):
    html = plain(render_html(tied, {}))
    assert "Амурская правда" in html and ">amur<" not in html
    assert any("small" in hint for hint in tied.hints)  # the analyst hears of the missing title


def test_monitoring_line_says_what_was_checked_so_an_empty_month_is_not_a_broken_crawl(tmp_path):
    db = make_db(tmp_path / "runs.db", [])
    db["sources"].insert_all([{"name": n, "url": f"http://127.0.0.1/{n}/", "region_iso": None}
                              for n in ("amur", "prim")])
    db["runs"].insert({"id": 1, "started": "2025-10-02T01:00:00+00:00", "status": "ok"})
    db["runs"].insert({"id": 2, "started": "2025-10-03T01:00:00+00:00", "status": "ok"})
    db["run_sources"].insert_all([
        {"run_id": 1, "source": "amur", "pages": 5, "errors": 0},
        {"run_id": 1, "source": "prim", "pages": 0, "errors": 3, "last_error": "timeout"},
        {"run_id": 2, "source": "prim", "pages": 0, "errors": 3, "last_error": "timeout"},
    ])
    data = build_digest(db, OCT, {"prim": "PrimNews"})
    assert data.is_empty
    html = plain(render_html(data, {}))
    assert ("Как шёл сбор: в октябре 2025 года — 2 обхода, проверено 2 издания, "
            "не ответили: PrimNews.") in html
    later = plain(render_html(build_digest(db, parse_month("2025-12")), {}))
    assert "в декабре 2025 года обходов не было; материалы собраны обходом 3 октября 2025" \
        in later


def test_spreadsheet_lists_every_material_with_a_column_per_registered_tagger(tmp_path,
                                                                             monkeypatch):
    import openpyxl

    monkeypatch.setenv("NEWSMON_TAGGERS", "tone=example.ToneTagger")
    db = make_db(tmp_path / "x.db", three_tied_stories())
    db.execute("update articles set kind = 'telegram' where source = 'prim'")
    first = db.execute("select id from articles where source = 'amur'").fetchone()[0]
    db["article_labels"].insert({"article_id": first, "tagger": "tone", "label": "позитивная"})
    db.conn.commit()
    data = build_digest(db, OCT)
    sheet = openpyxl.load_workbook(io.BytesIO(materials_xlsx(data))).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[-1] == "Разметка: tone" and "Тип источника" in header
    assert len(rows) == 1 + 7
    by_outlet = {r[header.index("Издание")]: r for r in rows[1:]}
    assert by_outlet["amur"][-1] == "позитивная"
    assert by_outlet["prim"][header.index("Тип источника")] == "Telegram"
    assert sheet.cell(row=2, column=header.index("Ссылка") + 1).hyperlink is not None
    # the kind split is one line of the highlights
    assert "Откуда материалы: сайты изданий — 6, Telegram-каналы — 1." in \
        plain(render_html(data, {}))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("В Хабаровске открыли центр", "В\u00a0Хабаровске открыли центр"),
        ("помощь в и с детьми", "помощь в\u00a0и\u00a0с\u00a0детьми"),
        ("Москва — столица", "Москва\u00a0— столица"),
        ("проект № 5", "проект №\u00a05"),
        ("12\u202f345 материалов", "12\u202f345\u00a0материалов"),
        ("(4 октября), 2025 года", "(4\u00a0октября), 2025\u00a0года"),
        ("версия 1.5 Beta", "версия 1.5 Beta"),
    ],
)
def test_russian_typography(raw, expected):
    assert typeset(raw) == expected


def test_typography_leaves_tags_attributes_and_styles_alone():
    html = ('<style>a > b { x: y }</style><a title="в дом" href="/a b">в дом — да</a>')
    assert typeset_html(html) == (
        '<style>a > b { x: y }</style><a title="в дом" href="/a b">в\u00a0дом\u00a0— да</a>')


def test_a_month_after_an_empty_one_says_there_is_nothing_to_compare(tmp_path):
    db = make_db(tmp_path / "first.db", three_tied_stories())
    html = plain(render_html(build_digest(db, OCT), {}))
    assert "Сравнивать не с чем: в сентябре 2025 года материалов не было." in html
    assert "изменения («было») — по сравнению с сентябрём 2025 года." in html
    empty = plain(render_html(build_digest(db, parse_month("2025-11")), {}))
    assert ("В ноябре 2025 года материалов о проектах поддержки семьи и детства в отслеживаемых "
            "изданиях не найдено. В октябре 2025 года их было 7.") in empty
