"""Corrections from Datasette (`newsmon serve`): a form at /-/newsmon/correct that needs the
permission `newsmon-correct` (granted by the workspace's login to analysts), records the actor as
the author and is CSRF-protected."""

from __future__ import annotations

import asyncio
import re
import sqlite3

import pytest
from newsmon.commands.serve import build_datasette
from tests.factories import article, make_db

CRISIS = "Кризисный центр для женщин с детьми открылся в Уссурийске. Центр рассчитан на двенадцать мест."


@pytest.fixture
def ds(tmp_path):
    """The workspace as `newsmon serve --passwords` builds it: its login plugin grants
    `newsmon-correct` to logged-in analysts."""
    from newsmon.shell.datasette_login import hash_password

    path = tmp_path / "monitor.db"
    make_db(path, [article(CRISIS, published="2025-10-02", regions=[("RU-PRI", 2)],
                           topics=["кризисные центры"])]).conn.close()
    users = {"ivanova": hash_password("секретный-пароль", iterations=1000)}
    return build_datasette(path, passwords=users), path


def actor_cookie(datasette, actor_id: str) -> dict:
    return {"ds_actor": datasette.sign({"a": {"id": actor_id}}, "actor")}


def rows(path, sql: str) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_an_analyst_corrects_through_the_form(ds):
    datasette, path = ds

    async def go():
        cookies = actor_cookie(datasette, "ivanova")
        page = await datasette.client.get("/-/newsmon/correct?article=1", cookies=cookies)
        assert page.status_code == 200
        assert "Исправление статьи" in page.text
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
        cookies["ds_csrftoken"] = page.cookies["ds_csrftoken"]
        posted = await datasette.client.post("/-/newsmon/correct", cookies=cookies, data={
            "csrftoken": token, "article": "1", "field": "regions",
            "value": "Хабаровский край, Приморье", "reason": "два края"})
        assert posted.status_code == 200, posted.text
        assert "Записано" in posted.text
        bad = await datasette.client.post("/-/newsmon/correct", cookies=cookies, data={
            "csrftoken": token, "article": "1", "field": "regions", "value": "Хабаровск",
            "reason": "r"})
        assert bad.status_code == 400 and "Неизвестный регион «Хабаровск»" in bad.text
        forged = await datasette.client.post("/-/newsmon/correct", cookies=cookies, data={
            "article": "1", "field": "relevant", "value": "нет", "reason": "r"})
        assert forged.status_code == 403  # no CSRF token: refused before the view
        return await datasette.client.get("/-/newsmon/correct?article=1", cookies=cookies)

    page = asyncio.run(go())
    assert page.status_code == 200
    assert "регионы: Хабаровский край, Приморский край" in page.text  # the article as counted now
    assert "ivanova" in page.text and "два края" in page.text  # its corrections
    assert rows(path, "select author, field, value, reason from corrections") == [
        ("ivanova", "regions", '["RU-KHA", "RU-PRI"]', "два края")]
    assert rows(path, "select iso from article_regions order by iso") == [("RU-KHA",), ("RU-PRI",)]


def test_anonymous_visitors_are_refused(ds):
    datasette, path = ds

    async def go():
        anonymous = await datasette.client.get("/-/newsmon/correct")
        posted = await datasette.client.post("/-/newsmon/correct", data={
            "article": "1", "field": "relevant", "value": "нет", "reason": "r"})
        nameless = await datasette.client.get(
            "/-/newsmon/correct", cookies={"ds_actor": datasette.sign({"a": {}}, "actor")})
        return anonymous, posted, nameless

    anonymous, posted, nameless = asyncio.run(go())
    assert anonymous.status_code == 403 and "Нет прав" in anonymous.text
    assert "<form" not in anonymous.text
    assert posted.status_code == 403
    assert nameless.status_code == 403
    assert rows(path, "select count(*) from corrections") == [(0,)]
    assert rows(path, "select relevant from articles") == [(1,)]
