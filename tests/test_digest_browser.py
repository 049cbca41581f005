"""The digest as a browser draws it, on a phone and on a desktop: headless Chromium renders a
fixture digest at 320, 375 and 430 px (the standalone HTML; the email with its CSS inlined, and
with <style> removed as Gmail's apps show mail from other mailboxes) and at 1200 px, saves screenshots under
test-artifacts/, and a probe script measures what a reader sees: no word split across two lines,
nothing wider than the screen, no text under 12 px, chart and map labels legible, the key numbers
visible.

Headless Chromium opens no window narrower than 500 px, so a phone is an <iframe> 375 px wide
(its own viewport: media queries and percentages see 375 px); the probe inside posts its findings
to the host page. Chromium comes from Debian's packages (`apt-get install chromium`); .ci/run
installs it, so this runs in CI. Without it the tests are skipped with that hint.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from factories import article, make_db

from digest.build import build_digest
from digest.charts import BAR_COLOUR, LABEL_PX, SCALE
from digest.chromium import find_chromium, run_chromium
from digest.render import data_uris, make_images, render_html
from digest.tilemap import LABEL_RATIO, tile_size
from newsmon.core.periods import parse_month

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None,
                       reason="headless Chromium not found: apt-get install chromium"),
]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
PHONE, SMALL_PHONE, LARGE_PHONE, DESKTOP, HEIGHT = 375, 320, 430, 1200, 9000
MIN_TEXT_PX = 12  # the smallest type a phone reader is asked to read
MIN_IMAGE_LABEL_PX = 10.5  # chart and map labels at the size the screen shows them
KPIS = ("materials", "stories", "reprints", "outlets", "regions")

# Measures the page as drawn; posts the result to the host page (phone) or writes it into the DOM.
PROBE = """
<script>
window.addEventListener('load', () => {
  const out = {split: [], small: [], boxes: {}};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,.preheader')) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const text = node.textContent;
    if (text.trim() && parseFloat(style.fontSize) < MIN_TEXT_PX) {
      out.small.push([text.trim().slice(0, 40), style.fontSize]);
    }
    // a word, or a piece of a hyphenated one (a line may end after «Ханты-»)
    for (const m of text.matchAll(/[^\\s\\u00a0\\u202f\\u2009-]+-?/g)) {
      if (m[0].length < 2) continue;
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
                           .map(r => Math.round(r.bottom)));
      if (tops.size > 1) out.split.push(m[0]);
    }
  }
  const ids = ['digest-title', 'summary', 'regions-chart', 'regions-map', 'trend-chart',
               ...KPIS.map(k => 'kpi-' + k)];
  for (const id of ids) {
    const el = document.getElementById(id);
    if (!el) { out.boxes[id] = null; continue; }
    const r = el.getBoundingClientRect();
    out.boxes[id] = {x: r.x, w: r.width, h: r.height, text: el.innerText || '',
                     clipped: el.scrollWidth > el.clientWidth + 1,
                     natural: el.tagName === 'IMG' ? el.naturalWidth : null};
  }
  out.scrollWidth = document.documentElement.scrollWidth;
  out.innerWidth = window.innerWidth;
  out.styles = document.querySelectorAll('style').length;
  const report = JSON.stringify(out);
  if (window.parent !== window) { window.parent.postMessage(report, '*'); return; }
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = report;
  document.body.appendChild(pre);
});
</script>
""".replace("MIN_TEXT_PX", str(MIN_TEXT_PX)).replace("KPIS", json.dumps(list(KPIS)))

HOST = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" width="{width}" height="{height}" style="border:0;display:block"></iframe>
<script>
window.addEventListener('message', (e) => {{
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = e.data;
  document.body.appendChild(pre);
}});
</script></body></html>"""


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
            projects=[("Семейный навигатор", 1, True)] if i % 3 == 0 else [],
            story="big" if i < 3 else None,
        ))
    specs.append(article("Сентябрь: материал о семьях.", published="2025-09-10",
                         source="outlet1", regions=["RU-KHA"]))
    return [{k: v for k, v in s.items() if not (k == "story" and v is None)} for s in specs]


TITLES = {"outlet0": "Хабаровские вести", "outlet1": "Ханты-Мансийский информационный портал",
          "outlet2": "ИА «Приморье сегодня»", "outlet3": "Новости Москвы"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    db = make_db(folder / "b.db", fixture_articles())
    data = build_digest(db, parse_month("2025-10"), TITLES)
    uris = data_uris(make_images(data))
    standalone = render_html(data, uris, inline=False)
    # The email as a phone shows it: CSS inlined, images as data: URIs in place of cid:.
    email = render_html(data, uris, email=True)
    no_style = re.sub(r"<style>.*?</style>", "", email, flags=re.S)
    files = {}
    for name, html in (("standalone", standalone), ("email", email), ("nostyle", no_style)):
        files[name] = folder / f"{name}.html"
        files[name].write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    return {"data": data, "files": files, "folder": folder, "standalone": standalone}


def phone_host(page: Path, width: int) -> Path:
    host = page.with_name(f"{page.stem}-{width}.host.html")
    host.write_text(HOST.format(src=page.name, width=width, height=HEIGHT), encoding="utf-8")
    return host


def probe(page: Path, width: int | None = None) -> dict:
    """Run the probe; `width` draws the page in an iframe of that width (a phone)."""
    target = phone_host(page, width) if width else page
    window = (500 if width else DESKTOP, 1000)
    dom = run_chromium(f"--window-size={window[0]},{window[1]}", "--force-device-scale-factor=1",
                       "--virtual-time-budget=10000", "--dump-dom", target.as_uri()).stdout
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert match, "the probe script did not report from Chromium"
    return json.loads(match.group(1).replace("&amp;", "&").replace("&lt;", "<")
                      .replace("&gt;", ">").replace("&quot;", '"'))


def screenshot(page: Path, name: str, width: int | None = None) -> Path:
    target = phone_host(page, width) if width else page
    path = ARTIFACTS / name
    path.unlink(missing_ok=True)
    run_chromium(f"--window-size={500 if width else DESKTOP},{HEIGHT}",
                 "--force-device-scale-factor=1", "--virtual-time-budget=10000",
                 f"--screenshot={path}", target.as_uri())
    assert path.exists(), "Chromium wrote no screenshot"
    return path


VIEWS = [("standalone", PHONE), ("nostyle", PHONE), ("nostyle", SMALL_PHONE), ("email", PHONE),
         ("email", LARGE_PHONE), ("standalone", None)]


@pytest.fixture(scope="module")
def probes(pages):
    return {(name, width): probe(pages["files"][name], width) for name, width in VIEWS}


@pytest.mark.parametrize(("name", "width"), VIEWS)
def test_no_word_is_split_across_lines_and_nothing_is_wider_than_the_screen(probes, name,
                                                                              width):
    """At 375 px the old tables printed «Хабаровский край» one letter per line."""
    found = probes[(name, width)]
    assert found["innerWidth"] == (width or DESKTOP)
    assert found["split"] == [], f"words split across lines: {found['split'][:10]}"
    assert found["scrollWidth"] <= found["innerWidth"]
    assert found["small"] == [], f"text under {MIN_TEXT_PX} px: {found['small'][:10]}"


def test_the_email_without_style_is_the_email_a_gmail_app_shows(probes):
    assert probes[("nostyle", PHONE)]["styles"] == 0
    assert probes[("email", PHONE)]["styles"] <= 1


@pytest.mark.parametrize(("name", "width"), VIEWS)
def test_key_numbers_are_visible(probes, pages, name, width):
    found, totals = probes[(name, width)], pages["data"].totals
    assert "Мониторинг СМИ: октябрь 2025" in found["boxes"]["digest-title"]["text"]
    for key in KPIS:
        box = found["boxes"][f"kpi-{key}"]
        assert box and not box["clipped"], key
        assert 0 <= box["x"] and box["x"] + box["w"] <= found["innerWidth"], key
        assert box["text"].split()[0] == str(totals[key]), key
    assert totals["materials"] == 11 and totals["reprints"] == 2


@pytest.mark.parametrize(("name", "width"), VIEWS)
def test_chart_and_map_labels_are_legible(probes, name, width):
    """The chart's labels had shrunk to ~6 px on a phone and the map's to ~4 px."""
    found = probes[(name, width)]
    for image in ("regions-chart", "trend-chart"):
        box = found["boxes"][image]
        assert box and box["natural"], image
        assert box["w"] <= found["innerWidth"], image
        shown = LABEL_PX * box["w"] / (box["natural"] / SCALE)
        assert shown >= MIN_IMAGE_LABEL_PX, f"{image}: labels {shown:.1f} px"
    box = found["boxes"]["regions-map"]
    shown = tile_size() * LABEL_RATIO / SCALE * box["w"] / (box["natural"] / SCALE)
    assert shown >= MIN_IMAGE_LABEL_PX - 0.5, f"map labels {shown:.1f} px"


def test_screenshots_show_the_chart_bars(pages):
    from PIL import Image

    shots = [screenshot(pages["files"]["standalone"], "digest-1200.png"),
             screenshot(pages["files"]["nostyle"], "digest-375-nostyle.png", PHONE),
             screenshot(pages["files"]["standalone"], "digest-375.png", PHONE)]
    for shot in shots:
        image = Image.open(shot).convert("RGB")
        assert len(image.getcolors(1 << 24) or []) > 50  # not a blank page
        bar = sum(1 for x in range(0, image.width, 2) for y in range(0, image.height, 2)
                  if all(abs(a - b) <= 12 for a, b in
                         zip(image.getpixel((x, y)), BAR_COLOUR, strict=True)))
        assert bar > 300, f"{shot.name}: only {bar} bar-coloured pixels"
