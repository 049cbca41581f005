"""Mechanisms found after blind sets 118–121 (issue 17) were scored, each on a page or text
written here in the shape that showed it, not on the blind pages."""

from __future__ import annotations

HOST = "http://127.0.0.1:8123"


def test_a_static_blogs_day_page_is_a_date_archive_so_a_post_linking_it_is_its_own():
    from urllib.parse import urlsplit

    from pipeline.extract.pagestructure import is_date_archive
    from pipeline.extract.pagetype import non_article_reason

    assert is_date_archive(urlsplit(f"{HOST}/2025/09/03.html"))
    assert is_date_archive(urlsplit(f"{HOST}/2025/10.html"))
    assert not is_date_archive(urlsplit(f"{HOST}/2025/09/03/klub.html"))
    body = "".join(f"<p>Абзац {i}: в семейном центре открылся клуб для пап, встречи по средам "
                   "в семь вечера, записываться не нужно, можно просто прийти.</p>" for i in range(6))
    page = (f"<html><head><title>Клуб для пап</title></head><body><article><h1>Клуб для пап</h1>"
            f"<p class='meta'><a href='/2025/09/03.html'><time datetime='2025-09-03T19:20:00Z'>"
            f"3 сентября 2025</time></a></p>{body}</article></body></html>")
    assert non_article_reason(f"{HOST}/2025/09/03/klub-dlya-pap.html", f"{HOST}/",
                              page.encode(), None) is None


def test_a_zope_batch_is_a_listings_next_page():
    from spiders.discovery import classify_links

    teasers = "".join(f"<article><h2><a href='/novosti/n{i}'>Новость номер {i} о работе центра "
                      "с семьями</a></h2></article>" for i in range(10))
    page = (f"<html><body><h1>Новости</h1>{teasers}<nav class='pagination'><ul>"
            "<li><a href='/novosti?b_start:int=10&amp;-C='>2</a></li><li class='next'>"
            "<a href='/novosti?b_start:int=10&amp;-C='><span>Следующие 10 элементов</span></a>"
            "</li></ul></nav></body></html>")
    links = classify_links(page, f"{HOST}/novosti", f"{HOST}/")
    assert f"{HOST}/novosti?b_start:int=10&-C=" in links.listings
    assert len(links.articles) == 10


def test_a_page_named_in_the_query_string_is_read_by_that_path():
    from newsmon.core.urls import routed_path
    from spiders.discovery import classify_links

    assert routed_path(f"{HOST}/?blog%2F2025-11-14-lyzhnya") == "/blog/2025-11-14-lyzhnya"
    assert routed_path(f"{HOST}/index.php?/news/12") == "/news/12"
    assert routed_path(f"{HOST}/?blog") is None  # a page by its name alone: a section
    assert routed_path(f"{HOST}/?blog&tag=klub") is None
    assert routed_path(f"{HOST}/news.php?id=5") is None
    items = "".join(f"<li><h2><a href='/?blog%2F2025-11-{10 + i}-post-{i}'>Заметка номер {i} о "
                    "жизни клуба соседей</a></h2></li>" for i in range(5))
    page = f"<html><body><h1>Блог</h1><ul>{items}</ul><a href='/?blog&amp;tag=klub'>клуб</a></body></html>"
    links = classify_links(page, f"{HOST}/?blog", f"{HOST}/")
    assert len(links.articles) == 5
    assert f"{HOST}/?blog&tag=klub" not in links.articles


def test_the_same_page_under_a_second_address_is_the_article_already_stored(tmp_path):
    from newsmon.crawl.records import store_record
    from pipeline.cluster.minhash import StoryIndex
    from tests.factories import ensure_source, make_db, record_from_spec

    db = make_db(tmp_path / "n.db", [])
    ensure_source(db, "abakan")
    index = StoryIndex()
    text = ("Многодетная семья из Аскиза справила новоселье: дом построили на средства "
            "республиканской программы. Семье помогали соседи и волонтёры центра.")
    comment = f"{HOST}/modules/news/article.php?com_id=2303&com_rootid=2303&storyid=1849"
    own = f"{HOST}/modules/news/article.php?storyid=1849"
    spec = {"text": text, "title": "Новоселье в Аскизе", "source": "abakan", "published": "2025-09-20"}
    assert store_record(db, index, record_from_spec(db, spec | {"url": comment}), None) is not None
    assert store_record(db, index, record_from_spec(db, spec | {"url": own}), None) is None
    assert db.execute("select url from articles").fetchall() == [(own,)]
    assert db.execute("select count(distinct article_id) from urls where url in (?, ?)",
                      [comment, own]).fetchone() == (1,)
    # another outlet's copy, or another text under the same title, is an article of its own
    ensure_source(db, "ivanovo")
    assert store_record(db, index, record_from_spec(db, spec | {"source": "ivanovo"}), None)
    other = spec | {"text": text + " Новоселье отметили всей улицей."}
    assert store_record(db, index, record_from_spec(db, other), None)
    # the same text posted again at an address of its own (a cross-post) is a second publication
    cross = spec | {"url": f"{HOST}/modules/news/article.php?storyid=1850"}
    assert store_record(db, index, record_from_spec(db, cross), None)


def _regions(text: str, title: str, home_iso: str) -> list[str]:
    from pipeline.tag.explain import explain_text

    result, _ = explain_text(f"{title}\n\n{text}", title=title, home_iso=home_iso,
                             source_names=[], home_voice=True)
    return sorted(r.iso for r in result.regions)


def test_a_review_told_paragraph_by_paragraph_counts_each_regions_paragraph():
    title = "Службы ранней помощи соседей: что нового"
    text = ("Раз в квартал мы созваниваемся с коллегами из соседних областей и рассказываем, что "
            "получилось.\n\n"
            "Пензенцы с весны выезжают к семьям с младенцами в сёла: за полгода побывали у сорока семей.\n\n"
            "В Саратовской области запустили телефонную линию для родителей недоношенных детей.\n\n"
            "Ульяновцы обучили двенадцать педиатров замечать первые признаки трудностей в семье.\n\n"
            "Следующий созвон — в январе.")
    assert _regions(text, title, "RU-SAM") == ["RU-PNZ", "RU-SAR", "RU-ULY"]
    # two paragraphs are a comparison, not a review
    two = text.replace("Ульяновцы обучили двенадцать педиатров замечать первые признаки "
                       "трудностей в семье.\n\n", "")
    assert "RU-ULY" not in _regions(two, title, "RU-SAM")
    # a paragraph naming its region only as where listeners came from is no member
    heard = text.replace("Ульяновцы обучили", "Коллеги из Ульяновска пока только слушали, как "
                         "мы обучили")
    assert "RU-ULY" not in _regions(heard, title, "RU-SAM")


def test_tuvinians_are_the_people_of_tyva():
    from pipeline.tag.regions.gazetteer import find_mentions

    assert {iso for m in find_mentions("Тувинцы нашли наставников для сорока выпускников.")
            for iso in m.isos} == {"RU-TY"}


def test_a_reprints_unnamed_places_are_those_of_the_region_its_credit_names():
    title = "В микрорайоне открылась квартира для мам"
    text = ("Перепечатываем с разрешения фонда «Тёплый дом» (Киров).\n\n"
            "В микрорайоне Чистые пруды открылась квартира для мам с детьми, которым некуда идти. "
            "Направить женщину могут социальные службы Ленинского района и поликлиника. Жить в "
            "квартире можно два месяца, помогают наш психолог и юрист.")
    assert _regions(text, title, "RU-BA") == ["RU-KIR"]
    # a photo's credit is no origin, and the outlet's own text keeps its home
    own = text.replace("Перепечатываем с разрешения фонда «Тёплый дом» (Киров).", "Фото: Киров, архив фонда.")
    assert _regions(own, title, "RU-BA") == ["RU-BA"]


def test_a_lone_small_town_of_a_far_region_is_a_local_place_of_that_name():
    title = "В Соколе открылся семейный клуб"
    text = ("В Соколе открылся семейный клуб для родителей малышей. Ехать из Магадана в Сокол "
            "около часа, поэтому встречи будут проходить прямо в посёлке, в школе.")
    assert _regions(text, title, "RU-MAG") == ["RU-MAG"]
    # named with its region, or on an outlet of its own federal district, the town counts
    named = text + " Опытом поделились коллеги из Вологодской области, где клуб работает давно."
    assert "RU-VLG" in _regions(named.replace("В Соколе открылся", "В Соколе Вологодской области открылся"),
                                title, "RU-MAG")
    assert "RU-VLG" in _regions(text, title, "RU-ARK")


def test_a_reprints_we_in_the_headline_is_the_originals_not_the_outlets():
    from pipeline.tag.home_region import opens_as_reprint

    text = ("Перепечатываем с разрешения блога центра «Причал» (Петропавловск-Камчатский).\n\n"
            "Рассказываем, как мы работаем с мамами в роддоме.")
    assert opens_as_reprint(text)
    assert opens_as_reprint("Автор: редакция\nПерепечатано из блога фонда «Опора»\n\nТекст.")
    assert not opens_as_reprint("Мы перепечатываем старые фотографии для выставки.\n\nТекст.")
