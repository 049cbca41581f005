"""The workspace as a browser shows it: `newsmon serve`'s app on a real server on 127.0.0.1,
headless Chromium takes screenshots of the home page and a chart page (saved under
test-artifacts/), and the numbers and the chart's bars must be visible there.

Chromium comes from Debian's packages (`apt-get install chromium`; .ci/run installs it).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

from digest.chromium import find_chromium, run_chromium
from tests.factories import article, make_db
from tests.test_workspace import specs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None,
                       reason="headless Chromium not found: apt-get install chromium"),
]

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BAR_COLOUR = (31, 111, 178)  # .newsmon-chart .bar, #1f6fb2
WIDTH, HEIGHT = 1100, 1400


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from newsmon.commands.serve import build_datasette

    folder = tmp_path_factory.mktemp("workspace-browser")
    path = folder / "monitor.db"
    more = [article(f"Семейный центр №{i} открылся в Приморье для многодетных семей. " * 3,
                    source=f"outlet{i % 3}", published=f"2025-{month:02d}-1{i % 9}",
                    regions=[iso], topics=["поддержка семьи"])
            for i, (month, iso) in enumerate(
                [(6, "RU-PRI"), (7, "RU-PRI"), (7, "RU-KHA"), (8, "RU-SA"), (9, "RU-MOW"),
                 (9, "RU-PRI"), (10, "RU-KHA"), (10, "RU-KHM")])]
    make_db(path, specs() + more).conn.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(build_datasette(path).app(), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def shoot(url: str, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    path.unlink(missing_ok=True)
    run_chromium(f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=1", "--lang=ru",
                 f"--screenshot={path}", url)
    assert path.exists(), "Chromium wrote no screenshot"
    return path


def probe(url: str) -> dict:
    dom = run_chromium(f"--window-size={WIDTH},{HEIGHT}", "--virtual-time-budget=3000",
                       "--dump-dom", url).stdout
    found = {}
    for key in ("workspace-title", "card-materials", "chart", "query-title"):
        found[key] = f'id="{key}"' in dom
    return {"dom": dom, **found}


def test_home_page_screenshot_shows_the_workspace(server):
    shot = shoot(server + "/", "workspace-home.png")
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    assert len(image.getcolors(1 << 24) or []) > 50  # text was drawn, not a blank page
    page = probe(server + "/")
    assert page["workspace-title"] and page["card-materials"]
    card = re.search(r'id="card-materials">\s*<span class="big">(\d+)</span>', page["dom"])
    assert card and int(card.group(1)) == 15
    assert "Вопросы аналитика" in page["dom"]


def test_chart_page_screenshot_shows_the_bars(server):
    url = server + "/monitor/materials_by_month"
    shot = shoot(url, "workspace-chart.png")
    from PIL import Image

    page = probe(url)
    assert page["chart"] and "Материалы по месяцам" in page["dom"]
    image = Image.open(shot).convert("RGB")
    colours = image.getcolors(1 << 24) or []
    bars = sum(n for n, c in colours
               if all(abs(a - b) <= 12 for a, b in zip(c, BAR_COLOUR, strict=True)))
    assert bars > 3000, f"only {bars} bar-coloured pixels on the chart page"
    shoot(server + "/monitor/materials_by_region", "workspace-regions.png")
    shoot(server + "/monitor/materials", "workspace-materials.png")


def test_column_menu_is_russian_in_the_browser(server):
    dom = probe(server + "/monitor/materials")["dom"]
    assert "По возрастанию" in dom and "Разрез по этому столбцу" in dom
    assert "Sort ascending" not in dom and "Facet by this" not in dom
