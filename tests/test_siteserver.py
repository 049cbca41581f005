"""The local multi-outlet site server: routing, encodings, faults, request log, sources.yml."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from newsmon.errors import UserError
from newsmon.siteserver import SiteServer, main

DEMO_SITES = Path(__file__).resolve().parent.parent / "demo" / "sites"
UA = "newsmon-test/1.0"

HOME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Главная</title></head>
<body><a href="{{BASE}}/news/1">Новость</a> <a href="/news/?page=2">Дальше</a></body></html>"""
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Лента</title>
<item><title>Новость</title><link>{{BASE}}/news/1</link></item></channel></rss>"""
ARTICLE = "<html><head><title>Семья года</title></head><body><p>Приёмная семья — ёлка</p></body></html>"


def make_site(root: Path, name: str, config: dict, files: dict[str, str]) -> None:
    site = root / name
    (site / "public").mkdir(parents=True)
    (site / "site.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for rel, text in files.items():
        f = site / "public" / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sites")
    make_site(
        root, "plain",
        {
            "name": "plain", "region": "Хабаровский край", "feeds": ["/rss.xml"],
            "redirects": {"/old/1": "/news/1", "/moved": {"to": "/news/2/", "code": 302}},
            "status": {"/broken": 500, "/news/3": 410},
            "flaky": {"/news/flaky": 1},
            "robots": "User-agent: *\nDisallow: /print/\nSitemap: {{BASE}}/sitemap.xml",
        },
        {
            "index.html": HOME, "rss.xml": RSS, "news/1.html": ARTICLE,
            "news/2/index.html": ARTICLE, "news/index.html": "page 1",
            "news/index@page=2.html": "page 2", "news/flaky.html": ARTICLE,
        },
    )  # fmt: skip
    make_site(
        root, "cp",
        {"region": "Астраханская область", "encoding": "windows-1251", "charset_in": "meta",
         "sitemaps": ["/sitemap.xml"], "ignore_unknown_query": False},
        {"index.html": HOME, "news/1.html": ARTICLE,
         "sitemap.xml": '<?xml version="1.0" encoding="UTF-8"?><urlset><url><loc>{{BASE}}/news/1'
                        "</loc></url></urlset>"},
    )  # fmt: skip
    return root


@pytest.fixture(scope="module")
def server(sites: Path):
    with SiteServer(sites) as s:
        yield s


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, method=method, headers={"User-Agent": UA})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(req, timeout=5) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def test_each_site_gets_its_own_port(server: SiteServer) -> None:
    urls = server.urls
    assert set(urls) == {"plain", "cp"}
    ports = {u.rsplit(":", 1)[1] for u in urls.values()}
    assert len(ports) == 2
    assert all(u.startswith("http://127.0.0.1:") and u.endswith("/") for u in urls.values())


@pytest.mark.parametrize(
    ("path", "status", "body_part"),
    [
        ("/", 200, "Главная"),
        ("/news/1", 200, "Семья года"),
        ("/news/1/", 200, "Семья года"),
        ("/news/1.html", 200, "Семья года"),
        ("/news/2", 200, "Семья года"),
        ("/news/2/", 200, "Семья года"),
        ("/news/", 200, "page 1"),
        ("/news/?page=2", 200, "page 2"),
        ("/news/1?utm_source=rss", 200, "Семья года"),
        ("/nope", 404, "Страница не найдена"),
        ("/../site.yml", 404, "Страница не найдена"),
        ("/broken", 500, "Ошибка сервера"),
        ("/news/3", 410, "Страница удалена"),
    ],
)
def test_paths_map_to_files_and_fault_routes(
    server: SiteServer, path: str, status: int, body_part: str
) -> None:
    code, _, body = fetch(server.url("plain", path))
    assert code == status
    assert body_part in body.decode("utf-8")


def test_base_placeholder_becomes_the_site_origin(server: SiteServer) -> None:
    base = server.url("plain", "")
    _, headers, body = fetch(server.url("plain", "/rss.xml"))
    text = body.decode("utf-8")
    assert f"<link>{base}/news/1</link>" in text
    assert "{{BASE}}" not in text
    assert headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    _, headers, body = fetch(server.url("plain", "/"))
    assert f'href="{base}/news/1"' in body.decode("utf-8")
    assert headers["Content-Type"] == "text/html; charset=utf-8"


@pytest.mark.parametrize(
    ("path", "code", "target"),
    [("/old/1", 301, "/news/1"), ("/moved", 302, "/news/2/")],
)
def test_redirects_point_to_absolute_urls(
    server: SiteServer, path: str, code: int, target: str
) -> None:
    status, headers, _ = fetch(server.url("plain", path))
    assert status == code
    assert headers["Location"] == server.url("plain", target)


def test_robots_from_config_and_default_allow_all(server: SiteServer) -> None:
    _, headers, body = fetch(server.url("plain", "/robots.txt"))
    assert "Disallow: /print/" in body.decode()
    assert f"Sitemap: {server.url('plain', '/sitemap.xml')}" in body.decode()
    assert headers["Content-Type"].startswith("text/plain")
    code, _, body = fetch(server.url("cp", "/robots.txt"))
    assert code == 200
    assert body.decode() == "User-agent: *\nDisallow:\n"


def test_windows_1251_site_is_reencoded_and_declared_in_meta(server: SiteServer) -> None:
    _, headers, body = fetch(server.url("cp", "/news/1"))
    assert headers["Content-Type"] == "text/html"  # charset_in: meta -> nothing in the header
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("cp1251")
    assert "Приёмная семья — ёлка" in text
    assert '<meta charset="windows-1251">' in text
    # a page with its own utf-8 meta gets it rewritten, not duplicated
    _, _, body = fetch(server.url("cp", "/"))
    assert body.count(b"<meta charset=") == 1
    assert b'<meta charset="windows-1251">' in body


def test_windows_1251_xml_declares_its_encoding(server: SiteServer) -> None:
    _, headers, body = fetch(server.url("cp", "/sitemap.xml"))
    assert body.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    assert headers["Content-Type"] == "application/xml; charset=windows-1251"


def test_unknown_query_is_404_when_site_does_not_ignore_it(server: SiteServer) -> None:
    assert fetch(server.url("cp", "/news/1?x=1"))[0] == 404


def test_flaky_route_fails_first_then_serves(server: SiteServer) -> None:
    assert fetch(server.url("plain", "/news/flaky"))[0] == 503
    assert fetch(server.url("plain", "/news/flaky"))[0] == 200


def test_head_sends_headers_without_body(server: SiteServer) -> None:
    code, headers, body = fetch(server.url("plain", "/news/1"), method="HEAD")
    assert code == 200
    assert int(headers["Content-Length"]) > 0
    assert body == b""


def test_request_log_records_site_path_status_and_agent(server: SiteServer) -> None:
    server.clear_log()
    fetch(server.url("plain", "/news/1?utm_source=rss"))
    fetch(server.url("cp", "/missing"))
    log = server.request_log
    assert [(r.site, r.method, r.path, r.status, r.user_agent) for r in log] == [
        ("plain", "GET", "/news/1?utm_source=rss", 200, UA),
        ("cp", "GET", "/missing", 404, UA),
    ]
    server.clear_log()
    assert server.request_log == []


def test_request_log_is_complete_under_concurrency(server: SiteServer) -> None:
    server.clear_log()
    threads = [
        threading.Thread(target=fetch, args=(server.url("plain", f"/news/{i % 3}"),))
        for i in range(20)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(server.request_log) == 20


def test_write_sources_follows_design_format(server: SiteServer, tmp_path: Path) -> None:
    out = server.write_sources(tmp_path / "s" / "sources.yml",
                               extra={"cp": {"selectors": {"title": "h1"}}})  # fmt: skip
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in doc["sources"]}
    plain_base = server.url("plain", "")
    assert by_name["plain"] == {
        "name": "plain", "url": plain_base + "/", "region": "Хабаровский край",
        "feeds": [plain_base + "/rss.xml"],
    }  # fmt: skip
    assert by_name["cp"]["sitemaps"] == [server.url("cp", "/sitemap.xml")]
    assert by_name["cp"]["selectors"] == {"title": "h1"}
    assert "feeds" not in by_name["cp"]


def test_names_select_sites_and_unknown_name_is_user_error(sites: Path) -> None:
    with SiteServer(sites, ["cp"]) as s:
        assert list(s.urls) == ["cp"]
    with pytest.raises(UserError, match="nosuch"):
        SiteServer(sites, ["nosuch"])


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("name: x\nfeeds: [\n", "invalid YAML"),
        ("name: x\ncolour: red\n", "unknown keys colour"),
        ("name: x\nencoding: klingon\n", "unknown encoding"),
        ("name: x\ncharset_in: body\n", "charset_in"),
    ],
)
def test_bad_site_yml_is_one_line_user_error(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "site.yml").write_text(config, encoding="utf-8")
    with pytest.raises(UserError, match=message) as exc:
        SiteServer(tmp_path)
    assert "\n" not in str(exc.value)


def test_cli_writes_sources_and_stops_on_signal(sites: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    out, pid = tmp_path / "sources.yml", tmp_path / "server.pid"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsmon.siteserver", "--sites", str(sites),
         "--write-sources", str(out), "--pidfile", str(pid)],
        cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        lines = [proc.stdout.readline().split() for _ in range(2)]  # type: ignore[union-attr]
        assert [line[0] for line in lines] == ["cp", "plain"]
        doc = yaml.safe_load(out.read_text(encoding="utf-8"))
        assert [s["url"] for s in doc["sources"]] == [line[1] for line in lines]
        assert int(pid.read_text()) == proc.pid
        assert fetch(lines[1][1] + "news/1")[0] == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    deadline = time.monotonic() + 2
    while pid.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid.exists()


def test_cli_reports_missing_sites_dir(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--sites", str(tmp_path / "none")]) == 2
    assert "sites directory not found" in capsys.readouterr().err
