"""`newsmon explain`: the deciding sentences and rules for relevance, regions, orgs and projects of
a stored article, and the analysts' corrections beside the machine's values."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from db.corrections import add_correction
from newsmon.cli import cli
from pipeline.tag.explain import explain_text, verdicts
from pipeline.tag.run import tag_many
from tests.factories import add_tagged, make_db

TITLE = "Кризисный центр для мам открылся в Перми"
TEXT = (f"{TITLE}\n"
        "В Пермском крае открылся кризисный центр для мам с детьми. Его открыл фонд «Дом мамы» "
        "при поддержке Фонда президентских грантов в рамках проекта «Защитники детства».\n"
        "Опытом центра поделились на всероссийском форуме в Москве.\n"
        "Центр находится в Дзержинском районе.\n"
        "Читайте также:\n"
        "В Башкирии открыли приют")
FOOTBALL = ("Футбольный клуб выиграл кубок края\n"
            "Пермский клуб выиграл кубок края. Болельщики праздновали победу до поздней ночи.")
LIST = ("Пять регионов стали победителями конкурса\n"
        "Фонд поддержки детей назвал победителей конкурса региональных программ. "
        "Прикамье — число приёмных семей выросло на треть; Башкирия — открыто шесть школ "
        "приёмных родителей; Ленобласть — работает кризисный центр; Средний Урал — "
        "запущена служба сопровождения; ЯНАО — семьи получают выплаты.")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, models):
    path = tmp_path_factory.mktemp("explain") / "t.db"
    db = make_db(path)
    add_tagged(db, [
        {"text": TEXT, "title": TITLE, "published": "2025-10-02"},
        {"text": FOOTBALL, "title": "Футбольный клуб выиграл кубок края",
         "published": "2025-10-03"},
        {"text": LIST, "title": "Пять регионов стали победителями конкурса",
         "published": "2025-10-04", "source": "federal"},
    ], home="RU-PER")
    db.conn.close()
    return path


def explain(db_path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["explain", *args, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_names_the_deciding_sentences_and_rules(db_path):
    out = explain(db_path, "1")
    assert "Релевантность: релевантна" in out
    assert "Совпала тема «Кризисные центры»" in out
    assert "«В Пермском крае открылся кризисный центр для мам с детьми.»" in out
    assert "+ Пермский край: приписан" in out and "регион издания" in out
    assert "− Москва: не приписан" in out and "назван только как место проведения" in out
    assert "«Опытом центра поделились на всероссийском форуме в Москве.»" in out
    assert "«Башкирии» в «В Башкирии открыли приют» — в блоке связанных новостей" in out
    assert "«Дзержинском районе»" in out and "оставлен без региона" in out
    assert "+ Фонд «Дом мамы»" in out and "название в кавычках" in out
    assert "+ Защитники детства" in out and "проект из реестра фонда" in out
    assert "«Дом мамы» в «Его открыл фонд" in out and "это не проект" in out
    assert "Блок связанных новостей в конце текста не учитывается" in out


def test_explain_says_why_an_org_was_left_out(models):
    _, why = explain_text("Кредит выдало ПАО Сбербанк. Фонд «Дом мамы» помог семьям.", "", None)
    assert [o["name"] for o in why["orgs"]] == ["Фонд «Дом мамы»"]
    assert [(o["text"], "коммерческая компания" in o["rule"]) for o in why["orgs_left_out"]] == [
        ("ПАО Сбербанк", True)]


def test_explain_says_why_an_article_is_irrelevant(db_path):
    out = explain(db_path, "2")
    assert "Релевантность: нерелевантна" in out
    assert "Ни один запрос тем (topics.yml) не совпал" in out


def test_explain_shows_every_member_of_a_predicated_list(db_path):
    data = json.loads(explain(db_path, "3", "--format", "json"))
    chosen = {r["iso"] for r in data["regions"] if r["attributed"]}
    assert set(data["stored"]["regions"]) == chosen
    listed = [r for r in data["regions"] if "учитывается каждый" in " ".join(r["rules"])]
    assert len(listed) >= 2


def test_explain_by_url_shows_corrections_beside_the_machine_value(db_path, tmp_path):
    import shutil

    from db import open_db

    copy = tmp_path / "c.db"
    shutil.copy(db_path, copy)
    db = open_db(copy)
    url = db.execute("select url from articles where id = 1").fetchone()[0]
    add_correction(db, 1, "regions", ["RU-KHA"], author="Иванова", reason="центр в Хабаровске")
    db.conn.close()
    out = explain(copy, url)
    assert "Регионы: Хабаровский край" in out
    assert ("Исправлено аналитиком Иванова" in out and "(разметка: Пермский край)" in out
            and "причина: центр в Хабаровске" in out)
    data = json.loads(explain(copy, "1", "--format", "json"))
    assert [row[0] for row in data["machine_values"]["regions"]] == ["RU-PER"]
    assert data["corrections"][0]["author"] == "Иванова"


def test_explain_of_an_unknown_article_is_one_line(db_path):
    result = CliRunner().invoke(cli, ["explain", "77", "--db", str(db_path)])
    assert result.exit_code == 2
    assert result.output.strip() == "newsmon: Статья не найдена в базе: 77"


def _parametrized_texts(module) -> list[str]:
    """The texts a test module feeds its parametrized tests (their first str argument)."""
    found = []
    for fn in vars(module).values():
        for mark in getattr(fn, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            for case in mark.args[1]:
                values = case.values if hasattr(case, "values") else case
                first = values[0] if isinstance(values, (tuple, list)) else values
                if isinstance(first, str) and len(first) > 20:
                    found.append(first)
    return found


def test_explain_reaches_the_same_verdicts_as_the_batched_tagger(models):
    """explain traces the very run the crawl uses (tag_many, batched NER), on the issue's blind
    texts, the region tests' cases (overviews, venues, lists, ambiguous names) and the NER devset,
    with and without a home region: its verdicts equal what the crawl stores."""
    from pathlib import Path

    import yaml

    from tests import test_regions

    root = Path(__file__).resolve().parent.parent / "eval"
    items = [(TEXT, TITLE, "RU-PER"), (FOOTBALL, "", None), (LIST, "", None)]
    for name in ("dev.yml", "heldout.yml"):
        for entry in yaml.safe_load((root / "blind17" / name).read_text("utf-8"))["texts"]:
            items.append((entry["text"], entry.get("title") or "", entry.get("home")))
    cases = _parametrized_texts(test_regions)
    assert len(cases) >= 30
    items += [(text, "", home) for text in cases for home in (None, "RU-PER")]
    for path in sorted((root / "ner" / "devset").glob("*.txt"))[:60]:
        items.append((path.read_text("utf-8"), "", "RU-MOW"))
    batched = tag_many(items)
    for (text, title, home), result in zip(items, batched):
        traced, why = explain_text(text, title, home)
        assert verdicts(traced) == verdicts(result), text[:80]
        assert {r["iso"] for r in why["regions"] if r["attributed"]} == \
            {r.iso for r in result.regions}


def test_explain_names_a_topic_kept_out_by_its_not_part(models):
    text = ("Многодетные семьи получат меры поддержки. Социальная поддержка семей пенсионеров "
            "тоже вырастет: пенсия будет проиндексирована.")
    result, why = explain_text(text, "", None)
    names = [t["name"] for t in why["relevance"]["excluded_by_not"]]
    assert "Поддержка семей в трудной жизненной ситуации" in names
    assert "Поддержка семей в трудной жизненной ситуации" not in result.topics
