"""Telegram figures (#19) held at what eval/telegram/README.md reports: tagging on the labelled
posts, and the crawl on the blind channels (recall, precision, dates, stories, region-month
counts, night two). The home-region rule is pinned on its own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.tag.doc import RegionHit
from pipeline.tag.home_region import is_national, with_home_default

ROOT = Path(__file__).resolve().parent.parent


def runner():
    spec = importlib.util.spec_from_file_location("run_telegram", ROOT / "eval/run_telegram.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("text, national", [
    ("Горячая линия по вопросам пособий работает ежедневно", False),
    ("Пермяки могут записать ребёнка в детский сад", False),
    ("Президент подписал закон об индексации материнского капитала", True),
    ("Росстат: рождаемость в России снизилась", True),
    ("Конкурс открыт для НКО из всех регионов страны", True),
    ("Школьники завоевали медали на всероссийской олимпиаде", False),
    ("сообщили в Министерстве труда и социальной защиты Российской Федерации", True),
])  # fmt: skip
def test_a_text_about_the_whole_country_is_told_apart(text, national):
    assert is_national(text) is national


def test_a_post_naming_no_subject_is_about_the_channels_region_unless_national():
    assert with_home_default([], "Горячая линия работает", "RU-NVS") == [
        RegionHit("Новосибирская область", "RU-NVS", 1)]
    assert with_home_default([], "Закон подписал Президент", "RU-NVS") == []
    found = [RegionHit("Приморский край", "RU-PRI", 2)]
    assert with_home_default(found, "Во Владивостоке …", "RU-KHA") == found
    # The title may be the only place the country is named.
    assert with_home_default([], "Пособие получают 10 млн детей", "RU-BEL",
                             "Минтруд России: единое пособие") == []


def test_tagging_on_the_labelled_posts_holds_its_figures(models):
    figures = runner().tagging()
    assert figures["posts"] >= 40
    assert figures["regions_exact"] >= 0.97
    assert figures["relevance_accuracy"] >= 0.95


def test_the_blind_channels_are_crawled_as_the_issue_asks():
    figures = runner().blind()
    assert figures["post_recall"] >= 0.98 and figures["post_precision"] >= 0.98
    assert figures["date_exact"] >= 0.98
    together, total = map(int, figures["stories_together"].split("/"))
    assert together == total and figures["stories_kept_apart"]
    assert figures["region_month_cells_exact"] >= 0.95
    assert figures["night_two_article_fetches"] == 0
    assert not [p for p in figures["night_two_pages"] if "before=" in p]
