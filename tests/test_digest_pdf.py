"""The PDF as pages: printed by WeasyPrint (pip; Pango from Debian, installed by make install and
.ci/run), read back with pypdf — page numbers, running header, no heading left alone at a page's
foot, a full first page, every material a link."""

from __future__ import annotations

import re

import pytest
from factories import article, make_db

from digest.build import build_digest
from digest.pdf import html_to_pdf, weasyprint_html
from digest.render import data_uris, make_images, render_html
from newsmon.core.periods import parse_month

pytestmark = pytest.mark.skipif(
    weasyprint_html() is None,
    reason="WeasyPrint needs Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0")

HEADINGS = ("Главное", "Главные сюжеты", "Регионы", "Карта субъектов РФ", "Проекты",
            "Организации", "Темы", "Издания", "Приложение: все материалы периода", "Как считали")


def month() -> list[dict]:
    isos = ["RU-KHA", "RU-PRI", "RU-MOW", "RU-NVS", "RU-AST", "RU-SA", "RU-KHM", "RU-TUL"]
    specs = []
    for i in range(40):
        specs.append(article(
            f"В регионе открыли центр помощи семьям с детьми, материал {i}. Центр работает "
            f"круглосуточно и принимает семьи из всех районов.",
            title=f"Центр помощи семьям № {i} открылся в регионе", source=f"outlet{i % 7}",
            published=f"2025-10-{i % 28 + 1:02d}", regions=[isos[i % len(isos)]],
            orgs=["Фонд поддержки детей"] if i % 4 == 0 else ["Минтруд России"],
            topics=["кризисные центры"], story=f"s{i // 3}"))
    return specs


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    import pypdf

    folder = tmp_path_factory.mktemp("pdf")
    db = make_db(folder / "p.db", month())
    data = build_digest(db, parse_month("2025-10"), {"outlet0": "Амурская правда"})
    page = folder / "d.html"
    page.write_text(render_html(data, data_uris(make_images(data)), inline=False),
                    encoding="utf-8")
    pdf = html_to_pdf(page, folder / "d.pdf")
    reader = pypdf.PdfReader(pdf)
    texts = [p.extract_text() for p in reader.pages]
    links = {a.get_object().get("/A", {}).get("/URI") for p in reader.pages
             for a in p.get("/Annots") or []}
    return {"data": data, "reader": reader, "texts": texts, "links": links, "pdf": pdf}


def test_every_page_is_numbered_and_carries_the_running_header(printed):
    texts = printed["texts"]
    assert len(texts) >= 3
    for n, text in enumerate(texts, start=1):
        assert f"стр. {n} из {len(texts)}" in text, n
        if n > 1:
            assert "Мониторинг СМИ: октябрь 2025" in text, n


def test_the_first_page_is_full_and_opens_with_the_lead(printed):
    first, rest = printed["texts"][0], printed["texts"][1:-1]
    assert "В октябре 2025 года региональные СМИ опубликовали 40 материалов" in \
        first.replace("\u00a0", " ").replace("\n", " ")
    assert len(first) >= 0.6 * (sum(map(len, rest)) / max(len(rest), 1))


def test_no_heading_is_left_alone_at_the_foot_of_a_page(printed):
    for n, text in enumerate(printed["texts"], start=1):
        lines = [line.strip() for line in text.replace("\u00a0", " ").splitlines()
                 if line.strip() and not re.match(r"стр\. \d+ из \d+", line.strip())
                 and line.strip() != "Мониторинг СМИ: октябрь 2025"]
        if lines:  # a page may hold only the chart or the map
            assert lines[-1] not in HEADINGS, f"page {n} ends with «{lines[-1]}»"


def test_every_material_is_a_link_in_the_pdf(printed):
    urls = {m["url"] for m in printed["data"].materials}
    assert len(urls) == 40
    assert urls <= printed["links"], sorted(urls - printed["links"])[:5]
