"""The digest as a browser draws it: headless Chromium renders a fixture digest, a screenshot is
saved under test-artifacts/, and the key numbers, the chart and the map must be visible.

Chromium comes from Debian's packages (`apt-get install chromium`); .ci/run installs it, so this
runs in CI. Without it (a developer's machine) the tests are skipped with that hint.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factories import article, make_db

from digest.build import build_digest
from digest.charts import BAR_COLOUR
from digest.pdf import find_chromium, html_to_pdf, run_chromium
from digest.render import data_uris, make_images, render_html
from newsmon.core.periods import parse_month

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None,
                       reason="headless Chromium not found: apt-get install chromium"),
]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
WIDTH, HEIGHT, PHONE_WIDTH = 700, 3200, 390
# Reports where each key element landed and whether it is really visible, into the DOM.
PROBE = """
<script>
window.addEventListener('load', () => {
  const out = {};
  for (const id of ['digest-title', 'kpi-materials', 'kpi-stories', 'kpi-reprints',
                    'kpi-outlets', 'kpi-regions', 'regions-chart', 'regions-map', 'summary']) {
    const el = document.getElementById(id);
    if (!el) { out[id] = null; continue; }
    const r = el.getBoundingClientRect(), st = getComputedStyle(el);
    out[id] = {x: r.x, y: r.y, w: r.width, h: r.height, text: el.innerText || '',
               visible: st.visibility !== 'hidden' && st.display !== 'none' && r.width > 0,
               loaded: el.tagName === 'IMG' ? el.complete && el.naturalWidth > 0 : null};
  }
  out.scrollWidth = document.documentElement.scrollWidth;
  out.innerWidth = window.innerWidth;
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def fixture_articles() -> list[dict]:
    long_title = ("Очень длинный заголовок: в Ханты-Мансийском автономном округе — Югре семьи "
                  "с детьми-инвалидами получили поддержку по программе сопровождения, и это "
                  "не помещается в одну строку ни на одном экране")
    specs = []
    regions = ["RU-KHA", "RU-KHA", "RU-KHA", "RU-PRI", "RU-PRI", "RU-KHM", "RU-MOW", "RU-SA",
               "RU-KGD", "RU-DA", "RU-CHU"]
    for i, iso in enumerate(regions):
        specs.append(article(
            f"Материал {i} о помощи семьям и детям: центр, наставники и приёмные родители.",
            title=long_title if i == 5 else f"Новость {i} о поддержке семей",
            published=f"2025-10-{i + 2:02d}", source=f"outlet{i % 4}", regions=[iso],
            topics=["поддержка семьи"], orgs=["Фонд поддержки детей"],
            story="big" if i < 3 else None,
        ))
    specs = [{k: v for k, v in s.items() if not (k == "story" and v is None)} for s in specs]
    return specs


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    db = make_db(folder / "b.db", fixture_articles())
    data = build_digest(db, parse_month("2025-10"))
    html = render_html(data, data_uris(make_images(data)), inline=False)
    page = folder / "digest.html"
    page.write_text(html, encoding="utf-8")
    probe_page = folder / "probe.html"
    probe_page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    # The email as a phone shows it: CSS inlined, images as data: URIs in place of cid:.
    phone_page = folder / "phone.html"
    phone_page.write_text(render_html(data, data_uris(make_images(data)))
                          .replace("</body>", PROBE + "</body>"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = screenshot(page, ARTIFACTS / "digest.png", WIDTH)
    screenshot(phone_page, ARTIFACTS / "digest-phone.png", PHONE_WIDTH)
    return {"data": data, "probe": probe(probe_page, WIDTH), "shot": shot, "page": page,
            "folder": folder, "phone": probe(phone_page, PHONE_WIDTH)}


def window(width: int) -> tuple[str, str]:
    return f"--window-size={width},{HEIGHT}", "--force-device-scale-factor=1"


def probe(page: Path, width: int) -> dict:
    dom = run_chromium(*window(width), "--virtual-time-budget=5000", "--dump-dom",
                       page.as_uri()).stdout
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert match, "the probe script did not run in Chromium"
    return json.loads(match.group(1).replace("&amp;", "&").replace("&lt;", "<")
                      .replace("&gt;", ">").replace("&quot;", '"'))


def screenshot(page: Path, path: Path, width: int) -> Path:
    path.unlink(missing_ok=True)
    run_chromium(*window(width), f"--screenshot={path}", page.as_uri())
    assert path.exists(), "Chromium wrote no screenshot"
    return path


def test_key_numbers_are_visible_in_the_browser(rendered):
    probe, totals = rendered["probe"], rendered["data"].totals
    assert "Мониторинг СМИ: октябрь 2025" in probe["digest-title"]["text"]
    for key in ("materials", "stories", "reprints", "outlets", "regions"):
        box = probe[f"kpi-{key}"]
        assert box["visible"] and 0 <= box["x"] and box["x"] + box["w"] <= WIDTH, key
        assert box["text"].split("\n")[0].strip() == str(totals[key]), key
    assert totals["materials"] == 11 and totals["reprints"] == 2


def test_chart_and_map_load_and_the_page_does_not_overflow(rendered):
    probe = rendered["probe"]
    for image in ("regions-chart", "regions-map"):
        assert probe[image]["loaded"] and probe[image]["visible"], image
        assert probe[image]["w"] > 500 and probe[image]["h"] > 60, image
    assert probe["scrollWidth"] <= WIDTH  # a long title or region name must not widen the page


def test_email_fits_a_phone_screen(rendered):
    phone = rendered["phone"]
    # Headless Chromium may not open a window narrower than 500 px; the phone rules apply < 660.
    width = phone["innerWidth"]
    assert width < 660
    assert phone["scrollWidth"] <= width
    assert phone["regions-chart"]["loaded"] and phone["regions-chart"]["w"] <= width
    for key in ("materials", "regions"):
        box = phone[f"kpi-{key}"]
        assert box["visible"] and box["x"] + box["w"] <= width, key


def test_screenshot_shows_the_chart_bars(rendered):
    from PIL import Image

    probe = rendered["probe"]
    image = Image.open(rendered["shot"]).convert("RGB")
    assert len(image.getcolors(1 << 24)) > 50  # not a blank page
    chart = probe["regions-chart"]
    box = (int(chart["x"]), int(chart["y"]), int(chart["x"] + chart["w"]),
           int(chart["y"] + chart["h"]))
    assert box[3] <= image.height, "the chart is below the screenshot"
    colours = image.crop(box).getcolors(1 << 24)
    bar = sum(n for n, c in colours
              if all(abs(a - b) <= 12 for a, b in zip(c, BAR_COLOUR, strict=True)))
    assert bar > 2000, f"only {bar} bar-coloured pixels in the chart area"


def test_pdf_version_is_printed(rendered):
    pdf = html_to_pdf(rendered["page"], rendered["folder"] / "digest.pdf")
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 20_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", content)) >= 2
    (ARTIFACTS / "digest.pdf").write_bytes(content)
