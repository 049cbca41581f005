"""A family-support body's own site: its news of its own work is on its name's topic
(pipeline.tag.own_work), in the crawl, retag and explain alike."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from faults_sites import query

from newsmon.siteserver import SiteServer
from pipeline.tag.own_work import own_work
from pipeline.tag.run import load_tag_config

CENTRE = "Кризисный центр «Тихая гавань»"
TITLE = "Мама двоих детей из Торжка живёт у нас"
TEXT = ("К нам обратилась мама двоих детей из Торжка: после пожара семья осталась без жилья. "
        "Сейчас они живут у нас, старшая дочь ходит в школу, психолог занимается с младшим.")


@pytest.fixture(scope="module")
def topics():
    return load_tag_config().topics


def test_a_crisis_centres_news_of_its_own_work_is_on_its_topic(topics):
    work = own_work(TEXT, TITLE, [CENTRE], topics)
    assert work is not None and work.topics == ["Кризисные центры"] and work.word == "нас"
    # by the kind its name starts with, not only in the first person
    staff = "Психолог центра проведёт в субботу встречу для родителей подростков."
    assert own_work(staff, "Встреча для родителей", [CENTRE], topics).word == "центра"
    # its own brand anywhere: the body tells of its own service
    memo = ("Если вы с ребёнком оказались на улице, не оставайтесь одна. Возьмите документы. "
            "Звоните в «Тихую гавань» круглосуточно: примем и поможем.")
    assert own_work(memo, "Если некуда идти: пошаговая инструкция", [CENTRE], topics).word == (
        "Тихая гавань")


@pytest.mark.parametrize("names, title, text", [
    # a medium speaks of itself too, but its name is on no topic
    (["Тверские новости"], TITLE, TEXT),
    # a body whose name is on no topic (a ministry of labour also writes about vacancies)
    (["Министерство труда Тверской области"], "Ярмарка вакансий", "Мы приглашаем выпускников на "
     "ярмарку вакансий."),
    # a notice that names the centre only at its end is about something else
    ([CENTRE], "Отключат горячую воду", "С 3 по 5 ноября в Заволжском районе не будет горячей "
     "воды из-за ремонта теплотрассы. Нашего центра это не коснётся."),
    # the body's volunteers cleaning a street: no one it serves is in it
    ([CENTRE], "Наши волонтёры вышли на субботник", "Двенадцать волонтёров «Тихой гавани» убрали "
     "набережную Волги. Собрали сорок мешков листвы."),
    # its brand only in an invitation to the team, in a note on something else for everyone
    ([CENTRE], "У набережной открылся каток", "В Твери у набережной открылся бесплатный каток. "
     "Детям до семи лет коньки выдают бесплатно. Кто хочет прийти всей командой «Тихой гавани» "
     "в субботу — пишите в наш чат."),
    # a media word in any of the site's names: not a body's site
    ([CENTRE, "Газета «Тихая гавань»"], TITLE, TEXT),
])
def test_no_own_work_without_a_bodys_topical_name_speaking_of_itself(topics, names, title, text):
    assert own_work(text, title, names, topics) is None


def _site(root, name: str, footer: str) -> None:
    folder = root / name
    (folder / "public" / "news").mkdir(parents=True)
    (folder / "site.yml").write_text(yaml.safe_dump(
        {"name": name, "region": "Тверская область", "sitemaps": ["/sitemap.xml"]},
        allow_unicode=True), encoding="utf-8")  # fmt: skip
    (folder / "public" / "news" / "1.html").write_text(
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><article>"
        f"<h1>{TITLE}</h1><time datetime='2025-10-07'>7 октября 2025</time><p>{TEXT}</p>"
        f"<p>{TEXT}</p></article><footer><p>{footer}</p></footer></body></html>", "utf-8")
    (folder / "public" / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>{{BASE}}/news/1.html</loc></url></urlset>', "utf-8")


def test_the_crawl_retag_and_explain_read_the_sites_own_name_alike(tmp_path):
    _site(tmp_path / "sites", "centre", f"© 2025 {CENTRE}, г. Тверь")
    _site(tmp_path / "sites", "paper", "© 2025 Тверские новости. Свидетельство о регистрации "
                                       "СМИ ЭЛ № ФС 77-00000")
    with SiteServer(tmp_path / "sites") as server:
        sources = server.write_sources(tmp_path / "sources.yml")
        db_path = tmp_path / "n.db"
        result = subprocess.run(
            [sys.executable, "-c", "from newsmon.cli import main; main()", "crawl", "--sources",
             str(sources), "--db", str(db_path), "--quiet", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_ENABLED=false"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert query(db_path, "select source, relevant from articles order by source") == [
        ("centre", 1), ("paper", 0)]
    (centre_id,) = query(db_path, "select id from articles where source = 'centre'")[0]

    def cli(*args: str) -> str:
        run = subprocess.run([sys.executable, "-c", "from newsmon.cli import main; main()", *args,
                              "--db", str(db_path)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        return run.stdout

    cli("retag", "--quiet")  # retag decides from the stored site name as the crawl did
    assert query(db_path, "select source, relevant from articles order by source") == [
        ("centre", 1), ("paper", 0)]
    why = json.loads(cli("explain", str(centre_id), "--format", "json"))
    assert why["changed_since_stored"] == []
    own = why["relevance"]["own_work"]
    assert own["source_name"] == CENTRE and own["topics"] == ["Кризисные центры"]
    assert own["sentence"] == TITLE  # the first word of the centre speaking of itself
    assert "название совпадает с темой «Кризисные центры»" in cli("explain", str(centre_id))


AGREEMENT_TITLE = "Мамы из Псковской области смогут жить у нас за счёт области"
AGREEMENT = ("«Тихая гавань» и комитет по социальной защите Псковской области подписали "
             "соглашение. Теперь женщины с детьми из Псковской области смогут жить в центре, а "
             "расходы на проживание оплатит область.")


def test_a_bodys_own_part_in_an_agreement_with_another_region_counts_its_region():
    """The centre signs with another region's committee: both regions are what the news is
    about, though the text names only the other one (the centre is named by its brand)."""
    from pipeline.tag.explain import explain_text
    from pipeline.tag.own_work import with_own_region
    from pipeline.tag.run import tag

    found = tag(AGREEMENT, title=AGREEMENT_TITLE, home_region_iso="RU-TVE").regions
    assert [r.iso for r in found] == ["RU-PSK"]
    regions, word = with_own_region(found, AGREEMENT, "Соглашение подписано", [CENTRE], "RU-TVE")
    assert [r.iso for r in regions] == ["RU-PSK", "RU-TVE"] and word == "own_body:Тихая гавань"
    # a medium reporting the same agreement is not the centre
    assert with_own_region(found, AGREEMENT, "Соглашение подписано", ["Тверские новости"],
                           "RU-TVE") == (found, None)
    # explain says why the home region counts
    result, why = explain_text(AGREEMENT, AGREEMENT_TITLE, "RU-TVE", source_names=[CENTRE])
    assert sorted(r.iso for r in result.regions) == ["RU-PSK", "RU-TVE"]
    tver = next(r for r in why["regions"] if r["iso"] == "RU-TVE")
    assert tver["attributed"] and any("собственном участии" in rule for rule in tver["rules"])


def test_a_headline_in_the_first_person_plural_speaks_for_the_sources_own_region(models):
    """A community of foster parents (no body by its name) writes «Как прошёл наш телемост с
    Ижевском»: its own families take part, so its region counts beside the one it names."""
    from pipeline.tag.explain import explain_text

    title = "Как прошёл наш телемост с Ижевском"
    text = ("В субботу в зале собрались двенадцать семей, а на экране были приёмные родители из "
            "Ижевска и специалисты ижевского центра сопровождения. Ижевские коллеги рассказали о "
            "клубе приёмных пап, следующий эфир — в декабре.")
    names = ["Приёмные родители Перми"]
    result, why = explain_text(text, title, "RU-PER", source_names=names)
    assert sorted(r.iso for r in result.regions) == ["RU-PER", "RU-UD"]
    perm = next(r for r in why["regions"] if r["iso"] == "RU-PER")
    assert any("от первого лица («наш»)" in rule for rule in perm["rules"])
    # a third person headline adds nothing
    result, _ = explain_text(text, "Как прошёл телемост с Ижевском", "RU-PER", source_names=names)
    assert sorted(r.iso for r in result.regions) == ["RU-UD"]
    # «у нас», «нам бы так»: home as a comparison, not who acts
    for other in ("В Ижевске открыли клуб приёмных пап — нам бы так",
                  "Телемост с Ижевском: у нас такого клуба нет"):
        result, _ = explain_text(text, other, "RU-PER", source_names=names)
        assert sorted(r.iso for r in result.regions) == ["RU-UD"]
