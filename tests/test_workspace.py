"""The analyst's workspace (`newsmon serve`, #21) through Datasette's test client: the browser's
numbers equal `newsmon counts` for every region and month, Russian labels and cells, search and
matching that understand Russian, and a login that keeps anonymous visitors out."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from db import open_reader
from db.queries import counts
from db.search import search
from newsmon.cli import cli
from newsmon.core.periods import parse_month
from tests.factories import article, make_db

CRISIS = "Кризисный центр для женщин с детьми открылся в Уссурийске. Центр рассчитан на двенадцать мест. " * 3
FOSTER = "Приёмные семьи Хабаровска получили награды губернатора за воспитание детей. " * 3
MENTORS = "Наставники выпускников детских домов встретились в Благовещенске. " * 3
MONTHS = ("2025-08", "2025-09", "2025-10")


def specs() -> list[dict]:
    out = [
        article(CRISIS, source="primamedia", published="2025-10-02", regions=[("RU-PRI", 3)],
                orgs=["Фонд Тимченко"], topics=["кризисные центры"],
                projects=["Маленькие взрослые"], story="crisis"),
        article(CRISIS, source="vl", published="2025-10-04", regions=[("RU-PRI", 2)],
                orgs=["Фонд Тимченко"], topics=["кризисные центры"],
                projects=["Маленькие взрослые"], story="crisis"),
        article(CRISIS, source="minsoc_channel", published="2025-10-06", regions=["RU-PRI"],
                topics=["кризисные центры"], story="crisis"),
        article(FOSTER, source="dvnovosti", published="2025-10-10", regions=["RU-KHA"],
                topics=["приёмные семьи"]),
        article(FOSTER + " Итоги.", source="dvnovosti", published="2025-09-12",
                regions=["RU-KHA", "RU-PRI"], topics=["приёмные семьи"]),
        article(MENTORS, source="amur", published="2025-09-15", regions=["RU-AMU"],
                orgs=["Фонд Тимченко"], projects=["Маленькие взрослые"]),
        article(MENTORS + " Продолжение.", source="amur", published="2025-08-20",
                regions=["RU-AMU"]),
        # Not materials: the digest and counts leave them out, so must the browser.
        article("Футбольный клуб выиграл кубок края. " * 4, source="vl", published="2025-10-05",
                regions=["RU-PRI"], relevant=False),
        article("Погода: в Хабаровске снег и метель. " * 4, source="dvnovosti",
                published="2025-10-07", regions=["RU-KHA"], relevant=False),
        article("Прогноз погоды на выходные в Благовещенске. " * 4, source="amur",
                published="2025-09-07", regions=["RU-AMU"], relevant=False),
    ]
    return out


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("workspace") / "monitor.db"
    db = make_db(path, specs())
    db.execute("update articles set kind = 'telegram' where source = 'minsoc_channel'")
    db.conn.commit()
    db.conn.close()
    return path


_clients: dict = {}


def client(db_path, **options):
    from datasette.utils.testing import TestClient

    from newsmon.commands.serve import build_datasette

    key = (db_path, json.dumps(options, sort_keys=True))
    if key not in _clients:
        _clients[key] = TestClient(build_datasette(db_path, **options))
    return _clients[key]


def get_json(db_path, path: str):
    response = client(db_path).get(path)
    assert response.status == 200, response.text
    return json.loads(response.text)


def get_html(db_path, path: str) -> str:
    response = client(db_path).get(path)
    assert response.status == 200, response.text
    return response.text


def rows_of(data: dict) -> list[dict]:
    return [dict(zip(data["columns"], row)) for row in data["rows"]]


def month_params(month: str) -> str:
    period = parse_month(month)
    return f"date_from={period.start}&date_to={period.end}"


# ── One definition of a material: the browser's numbers are the CLI's ─────────────────────────


@pytest.mark.parametrize("month", MONTHS)
def test_materials_by_region_equals_counts_for_every_region(db_path, month):
    browser = rows_of(get_json(db_path, f"/monitor/materials_by_region.json?{month_params(month)}"))
    cli_rows = counts(open_reader(db_path), "region", parse_month(month))
    keys = ("iso", "materials", "stories", "mentions")
    assert [{k: r[k] for k in keys} for r in browser] == [{k: r[k] for k in keys} for r in cli_rows]
    assert cli_rows  # every month of the fixture has materials


@pytest.mark.parametrize("month", MONTHS)
def test_materials_view_facets_equal_counts(db_path, month):
    data = get_json(db_path, f"/monitor/materials.json?month={month}&_extra=facet_results&_extra=count")
    results = data["facet_results"].get("results", data["facet_results"])
    browser = {v["value"]: v["count"] for v in results["regions"]["results"]}
    cli_rows = counts(open_reader(db_path), "region", parse_month(month))
    assert browser == {r["region"]: r["materials"] for r in cli_rows}
    by_source = {v["value"]: v["count"] for v in results["source"]["results"]}
    assert by_source == {r["source"]: r["materials"] for r in
                         counts(open_reader(db_path), "source", parse_month(month))}


def test_monthly_trend_equals_counts_for_every_region_and_month(db_path):
    db = open_reader(db_path)
    for iso, name in (("RU-PRI", "Приморье"), ("RU-KHA", "хабаровский край"), ("RU-AMU", "RU-AMU")):
        rows = rows_of(get_json(db_path, f"/monitor/materials_by_month.json?region={name}"))
        browser = {r["month"]: (r["materials"], r["stories"]) for r in rows}
        expected = {}
        for month in MONTHS:
            row = next((r for r in counts(db, "region", parse_month(month)) if r["iso"] == iso), None)
            if row:
                expected[month] = (row["materials"], row["stories"])
        assert browser == expected, name


def test_changes_since_last_month_equal_counts(db_path):
    db = open_reader(db_path)
    rows = {r["iso"]: r for r in rows_of(get_json(db_path, "/monitor/changes_by_region.json?month=2025-10"))}
    now = {r["iso"]: r["materials"] for r in counts(db, "region", parse_month("2025-10"))}
    before = {r["iso"]: r["materials"] for r in counts(db, "region", parse_month("2025-09"))}
    for iso in set(now) | set(before):
        assert (rows[iso]["materials"], rows[iso]["previous"]) == (now.get(iso, 0), before.get(iso, 0))
        assert rows[iso]["change"] == now.get(iso, 0) - before.get(iso, 0)


def test_default_view_is_materials_and_all_articles_are_one_click_away(db_path):
    home = get_html(db_path, "/")
    assert 'href="/monitor/materials"' in home and 'href="/monitor/all_articles"' in home
    card = re.search(r'id="card-materials">\s*<span class="big">(\d+)</span>', home)
    assert card and int(card.group(1)) == 7  # relevant articles only
    all_card = re.search(r'id="card-all">\s*<span class="big">(\d+)</span>', home)
    assert all_card and int(all_card.group(1)) == 10
    assert "Все статьи, включая не по теме" in get_html(db_path, "/monitor/materials")
    rows = rows_of(get_json(db_path, "/monitor/all_articles.json?_size=max"))
    assert sorted(r["material"] for r in rows) == ["да"] * 7 + ["нет"] * 3


def test_kind_of_source_is_shown_and_faceted(db_path):
    data = get_json(db_path, "/monitor/materials.json?_extra=facet_results")
    results = data["facet_results"].get("results", data["facet_results"])
    assert {v["value"]: v["count"] for v in results["kind"]["results"]} == {"сайт": 6, "Telegram": 1}
    assert "Тип источника" in get_html(db_path, "/monitor/materials")


def test_registered_taggers_labels_are_shown(db_path, tmp_path):
    import shutil

    path = tmp_path / "labels.db"
    shutil.copy(db_path, path)
    db = make_db(path)
    db["article_labels"].insert({"article_id": 1, "tagger": "tone", "label": "позитивная"})
    db.conn.commit()
    db.conn.close()
    rows = rows_of(get_json(path, "/labels/materials.json?id=1"))
    assert json.loads(rows[0]["labels"]) == ["tone: позитивная"]
    assert "tone: позитивная" in get_html(path, "/labels/materials?id=1")


# ── Russian throughout ──────────────────────────────────────────────────────────────────────


ENGLISH = ("Custom SQL query", "Tables", " rows", "Queries took", "This data as", "Apply",
           "Powered by", "Advanced export", "Query parameters", "Run SQL")


@pytest.mark.parametrize("path", [
    "/", "/monitor", "/monitor/materials", "/monitor/all_articles", "/monitor/regions",
    "/monitor/materials_by_region", "/monitor/materials_by_month",
    "/monitor/search?q=кризисный+центр", "/monitor/story?article=2", "/monitor/articles/1",
])
def test_pages_read_in_russian(db_path, path):
    html = get_html(db_path, path)
    for word in ENGLISH:
        assert word not in html, f"{word!r} on {path}"


def test_columns_cells_and_parameters_are_labelled(db_path):
    html = get_html(db_path, "/monitor/materials?id=1")
    for label in ("Дата", "Месяц", "Источник", "Заголовок", "Регионы", "Темы", "Проекты",
                  "Оригинал/перепечатка"):
        assert f">{label}<" in html or f">{label}&nbsp;" in html, label
    assert "02.10.2025" in html and "октябрь 2025" in html  # dates as dates
    assert "Приморский край" in html and "[&#34;Приморский край&#34;]" not in html  # a list
    query = get_html(db_path, "/monitor/materials_by_region")
    assert re.search(r'<label for="qp1">С даты</label> <input type="date"', query)
    assert "Материалы по регионам за период" in query and ">Регион<" in query
    assert 'type="month"' in get_html(db_path, "/monitor/changes_by_region")


def test_technical_tables_are_hidden(db_path):
    html = get_html(db_path, "/monitor")
    for table in ("_sqlite_migrations", "articles_fts", "article_minhash", "urls"):
        assert f'href="/monitor/{table}"' not in html, table
    assert "select * from _sqlite_migrations" not in html
    assert "Материалы" in html and "Вопросы аналитика" in html


# ── Search and matching that understand Russian ─────────────────────────────────────────────


@pytest.mark.parametrize("query", ["кризисных центров", "кризисный центр", "ПРИЁМНЫХ СЕМЕЙ",
                                   "наставник*", "погода OR футбол"])
def test_browser_search_is_newsmon_search(db_path, query):
    rows = rows_of(get_json(db_path, f"/monitor/search.json?q={query}"))
    expected = search(open_reader(db_path), query, limit=100)
    assert [r["id"] for r in rows] == [r["id"] for r in expected]
    assert [r["snippet"] for r in rows] == [r["snippet"] for r in expected]
    assert rows, query


def test_browser_search_filters_by_region_alias_and_period(db_path):
    rows = rows_of(get_json(
        db_path, "/monitor/search.json?q=приёмная+семья&region=Хабаровский+край&date_from=2025-10-01"
    ))
    assert [r["published"] for r in rows] == ["2025-10-10"]


def test_empty_or_malformed_search_finds_nothing(db_path):
    assert rows_of(get_json(db_path, "/monitor/search.json?q=")) == []
    assert rows_of(get_json(db_path, "/monitor/search.json?q=(кризис")) == []


@pytest.mark.parametrize("org", ["тимченко", "ТИМЧЕНКО", "фонд тимченко", "Фонд Тимченко"])
def test_organization_in_any_case_or_alias(db_path, org):
    rows = rows_of(get_json(db_path, f"/monitor/outlets_about_org.json?org={org}"))
    assert {r["source"]: r["materials"] for r in rows} == {"primamedia": 1, "vl": 1, "amur": 1}


@pytest.mark.parametrize("region", ["Приморье", "приморский край", "RU-PRI", "ru-pri"])
def test_topic_in_region_with_lower_case_topic_and_region_alias(db_path, region):
    rows = rows_of(get_json(db_path, f"/monitor/topic_in_region.json?topic=кризис&region={region}"))
    assert [r["source"] for r in rows] == ["minsoc_channel", "vl", "primamedia"]


def test_about_project_or_org_in_region_and_period(db_path):
    base = "/monitor/about_project_or_org.json?region=приморье&date_from=2025-10-01&date_to=2025-10-31"
    by_project = rows_of(get_json(db_path, base + "&project=маленькие+взрослые"))
    assert sorted(r["source"] for r in by_project) == ["primamedia", "vl"]
    by_org = rows_of(get_json(db_path, "/monitor/about_project_or_org.json?org=фонд+тимченко"))
    assert sorted(r["source"] for r in by_org) == ["amur", "primamedia", "vl"]
    assert rows_of(get_json(db_path, base + "&project=нет+такого+проекта")) == []


def test_outlet_and_story_questions(db_path):
    rows = rows_of(get_json(db_path, "/monitor/outlet_materials.json?source=DVNOVOSTI"))
    assert [r["published"] for r in rows] == ["2025-10-10", "2025-09-12"]  # materials only
    story = rows_of(get_json(db_path, "/monitor/story.json?article=3"))
    assert [(r["source"], r["reprint"]) for r in story] == [
        ("primamedia", 0), ("vl", 1), ("minsoc_channel", 1)]
    url = story[1]["url"]
    assert rows_of(get_json(db_path, f"/monitor/story.json?article={url}")) == story


def test_charts_are_drawn_from_the_rows(db_path):
    html = get_html(db_path, f"/monitor/materials_by_region?{month_params('2025-10')}")
    chart = re.search(r'<svg class="newsmon-chart" id="chart".*?</svg>', html, re.S)
    assert chart and chart.group(0).count('<rect class="bar"') == 2
    trend = get_html(db_path, "/monitor/materials_by_month")
    assert re.search(r'<svg class="newsmon-chart" id="chart"', trend)
    assert len(re.findall(r'<rect class="bar"', trend)) == len(MONTHS)


# ── Safe to share ───────────────────────────────────────────────────────────────────────────


def test_arbitrary_sql_is_off_unless_asked(db_path):
    assert client(db_path).get("/monitor.json?sql=select+1").status == 403
    assert client(db_path, allow_sql=True).get("/monitor.json?sql=select+1").status == 200


PASSWORD = "верный-пароль-42"


@pytest.fixture(scope="module")
def users():
    from newsmon.shell.datasette_login import hash_password

    return {"analyst": hash_password(PASSWORD, iterations=1000)}


def all_data_paths(db_path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
    conn.close()
    from newsmon.commands.serve import metadata_for

    queries = list(metadata_for(db_path)["databases"]["monitor"]["queries"])
    paths = ["/", "/monitor", "/monitor.json", "/monitor.db", "/monitor.json?sql=select+1",
             "/monitor/articles/1", "/monitor/articles/1.json"]
    for name in tables + queries:
        paths += [f"/monitor/{name}", f"/monitor/{name}.json", f"/monitor/{name}.csv"]
    return paths


def test_anonymous_visitor_reads_nothing_when_login_is_on(db_path, users):
    anonymous = client(db_path, passwords=users)
    paths = all_data_paths(db_path)
    assert len(paths) > 60
    for path in paths:
        response = anonymous.get(path)
        assert response.status in (302, 403), (path, response.status)
        assert "Кризисный" not in response.text and "Приморский" not in response.text, path
        if response.status == 302:
            assert response.headers["location"].startswith("/-/login?next="), path


def login(db_path, users, password: str):
    return client(db_path, passwords=users).post(
        "/-/login", {"username": "analyst", "password": password, "next": "/monitor/materials"},
        csrftoken_from="/-/login",
    )


def test_wrong_password_is_refused(db_path, users):
    response = login(db_path, users, "не тот пароль")
    assert response.status == 401 and "Неверное имя или пароль" in response.text
    assert "ds_actor" not in response.cookies


def test_logged_in_analyst_reads_and_may_correct(db_path, users):
    import asyncio

    response = login(db_path, users, PASSWORD)
    assert response.status == 302 and response.headers["location"] == "/monitor/materials"
    cookies = {"ds_actor": response.cookies["ds_actor"]}
    analyst = client(db_path, passwords=users)
    page = analyst.get("/monitor/materials", cookies=cookies)
    assert page.status == 200 and "Кризисный" in page.text
    assert analyst.get("/monitor/materials_by_region.json", cookies=cookies).status == 200
    assert analyst.get("/monitor.json?sql=select+1", cookies=cookies).status == 403  # not asked
    ds = analyst.ds

    async def may(actor):
        return await ds.permission_allowed(actor, "newsmon-correct", default=False)

    assert asyncio.run(may({"id": "analyst"})) is True
    assert asyncio.run(may(None)) is False


def test_login_redirect_stays_on_this_site(db_path, users):
    response = client(db_path, passwords=users).post(
        "/-/login", {"username": "analyst", "password": PASSWORD, "next": "//evil.example/"},
        csrftoken_from="/-/login",
    )
    assert response.status == 302 and response.headers["location"] == "/"


# ── The command line ────────────────────────────────────────────────────────────────────────


def test_lan_without_passwords_is_refused_in_one_line(db_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--lan", "--get", "/"])
    assert result.exit_code == 2 and "--passwords" in result.output
    assert "Traceback" not in result.output


def test_plain_text_password_file_is_refused(db_path, tmp_path):
    bad = tmp_path / "passwords.txt"
    bad.write_text("analyst:secret\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db_path), "--lan", "--passwords", str(bad), "--get", "/"])
    assert result.exit_code == 2 and "строка 1" in result.output


def test_hash_password_then_serve_with_it(db_path, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--hash-password"],
                                input=f"analyst\n{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("analyst:pbkdf2_sha256$") and PASSWORD not in line
    file = tmp_path / "passwords.txt"
    file.write_text(f"# аналитики\n{line}\n", encoding="utf-8")
    anonymous = CliRunner().invoke(
        cli, ["serve", "--db", str(db_path), "--lan", "--passwords", str(file),
              "--get", "/monitor/materials.json"])
    assert anonymous.exit_code == 1 and "HTTP 403" in anonymous.output
    assert "Кризисный" not in anonymous.output


def test_passwords_from_the_environment(db_path, users, monkeypatch):
    from newsmon.commands.serve import load_passwords

    monkeypatch.setenv("NEWSMON_PASSWORDS", " ".join(f"{k}:{v}" for k, v in users.items()))
    assert load_passwords(None) == users


@pytest.mark.parametrize("question", [
    f"materials_by_region?{month_params('2025-10')}", "materials_by_month",
    "changes_by_region?month=2025-10", f"projects_by_region?{month_params('2025-10')}",
])
def test_every_number_of_materials_opens_those_materials(db_path, question):
    import html as html_lib

    page = get_html(db_path, f"/monitor/{question}")
    links = re.findall(r'<a class="materials-link" href="([^"]+)"[^>]*>(\d+)</a>', page)
    assert links, question
    for href, number in links:
        href = html_lib.unescape(href)
        path, _, query = href.partition("?")
        data = get_json(db_path, f"{path}.json?{query}&_size=max")
        assert data["filtered_table_rows_count"] == len(data["rows"]) == int(number), href


def test_yo_and_case_do_not_matter(db_path):
    rows = rows_of(get_json(
        db_path, "/monitor/topic_in_region.json?topic=ПРИЕМНЫЕ+СЕМЬИ&region=Хабаровский+край"))
    assert [r["published"] for r in rows] == ["2025-10-10", "2025-09-12"]


@pytest.mark.parametrize("month", MONTHS)
def test_browser_equals_the_newsmon_counts_command(db_path, month):
    result = CliRunner().invoke(cli, ["counts", "--db", str(db_path), "--month", month,
                                      "--by", "region", "--format", "json"])
    assert result.exit_code == 0, result.output
    expected = {r["iso"]: (r["materials"], r["stories"], r["mentions"])
                for r in json.loads(result.output)}
    browser = rows_of(get_json(db_path, f"/monitor/materials_by_region.json?{month_params(month)}"))
    assert {r["iso"]: (r["materials"], r["stories"], r["mentions"]) for r in browser} == expected
