"""Mechanisms found while blind sets 114–117 (issue 17) were written and after they were scored,
each on a text or page written here in the shape that showed it, not on the blind pages."""

from __future__ import annotations

import datetime

EAST = datetime.timezone(datetime.timedelta(hours=9))


def test_a_diarys_numbered_from_is_a_page_and_a_worded_from_a_referrer():
    from newsmon.core.urls import canonical_url

    assert canonical_url("http://h/?from=40") != canonical_url("http://h/")
    assert canonical_url("http://h/p1.htm?from=vk") == canonical_url("http://h/p1.htm")


def test_an_english_date_without_a_year_in_a_byline_is_read_against_the_crawl_time():
    from pipeline.extract.date_expressions import find_dates

    now = datetime.datetime(2025, 11, 28, 21, 0)
    assert [d for d, *_ in find_dates("Posted by admin on Monday, September 29", now=now)] == [
        datetime.date(2025, 9, 29)]
    # a later month than the crawl's is last year's
    assert [d for d, *_ in find_dates("Friday, December 12", now=now)] == [datetime.date(2024, 12, 12)]
    # an abbreviation, or a month word in a sentence with a number after it, is no date
    assert find_dates("Sep 5 участников", now=now) == []


def test_a_time_stated_in_moscow_or_utc_gives_the_outlets_own_day():
    from pipeline.extract.date_expressions import find_dates

    line = "Опубликовал redaktor в Tuesday, October 28 @ 23:50:50 MSK"
    local = datetime.datetime(2025, 11, 28, 21, 0, tzinfo=EAST)
    assert find_dates(line, now=local)[0][0] == datetime.date(2025, 10, 29)
    assert find_dates("14.10.2025 в 22:15 (мск)", now=local)[0][0] == datetime.date(2025, 10, 15)
    assert find_dates("3 октября 2025, 21:35 UTC", now=local)[0][0] == datetime.date(2025, 10, 4)
    # the same hour in the morning stays on its day; a naive crawl clock leaves dates as written
    assert find_dates("Tuesday, October 28 @ 05:50 MSK", now=local)[0][0] == datetime.date(2025, 10, 28)
    assert find_dates(line, now=local.replace(tzinfo=None))[0][0] == datetime.date(2025, 10, 28)
    # a time with no zone is the outlet's own
    assert find_dates("14.10.2025 в 22:15", now=local)[0][0] == datetime.date(2025, 10, 14)


def test_an_article_is_requested_as_the_site_spells_it_so_robots_rules_apply(tmp_path):
    from protego import Protego

    from db import open_db
    from newsmon.sources.config import load_sources
    from spiders.news import Entry, NewsSpider

    path = tmp_path / "sources.yml"
    path.write_text("sources:\n  - {name: nuke, url: 'http://127.0.0.1:8123/', region: Забайкальский край}\n",
                    encoding="utf-8")
    sources = load_sources(path).sources
    spider = NewsSpider(list(sources), None, str(tmp_path / "n.db"))
    spider.db = open_db(tmp_path / "n.db")  # what the crawl's engine start opens
    linked = "http://127.0.0.1:8123/modules.php?name=News&file=print&sid=7#top"
    [request] = list(spider._article_request(sources[0], Entry(linked, None)))
    robots = Protego.parse("User-agent: *\nDisallow: /modules.php?name=News&file=print\n")
    assert not robots.can_fetch(request.url, "newsmon")
    # identity stays the canonical key, as the listing's check of requested articles reads it
    assert request.meta["article_key"].endswith("?file=print&name=News&sid=7")
    assert request.meta["article_key"] in spider.requested_articles


def test_a_day_header_naming_the_weekday_is_a_date_line():
    from pipeline.extract.dateline import dateline_date

    now = datetime.datetime(2025, 11, 28, 21, 0)
    assert dateline_date("суббота, 22 ноября 2025", now) == datetime.date(2025, 11, 22)
    assert dateline_date("Среда, 5 ноября 2025 г.", now) == datetime.date(2025, 11, 5)
    # a sentence about a day is still no date line
    assert dateline_date("в субботу, 22 ноября 2025, пройдёт ярмарка", now) is None


def _regions(text: str, title: str, home_iso: str, names: list[str] | None = None) -> list[str]:
    from pipeline.tag.explain import explain_text

    result, _ = explain_text(f"{title}\n\n{text}", title=title, home_iso=home_iso,
                             source_names=names or [], home_voice=True)
    return sorted(r.iso for r in result.regions)


def test_people_counted_by_a_collective_numeral_are_the_guests_they_stand_for():
    title = "К нам на стажировку приехали коллеги"
    text = ("Всю неделю у нас в отделении проходила стажировка. Приехали пять специалисток: трое из "
            "Тюменской области, из Сургута и Нефтеюганска, и двое из Северной Осетии, из Владикавказа. Гости дежурили вместе с нашими администраторами.")
    assert _regions(text, title, "RU-AMU") == ["RU-AMU"]


def test_a_stop_by_a_street_named_after_another_region_is_no_region():
    text = ("В пятницу в Кызыле заработало кризисное отделение — в здании на улице Московской, "
            "рядом с остановкой у Красноярской. Принять его могут шесть мам с детьми.")
    assert _regions(text, "Кризисное отделение приняло первых мам", "RU-TY") == ["RU-TY"]
    # an adjective before a region word stays the region
    both = "Делегации у Красноярской и Иркутской областей общие задачи."
    assert "RU-IRK" in _regions(both, "Делегации соседей", "RU-TY")


def test_a_place_one_brought_something_back_from_is_a_place_of_the_past():
    title = "Директор центра получила награду"
    text = ("Директор центра «Опора» получила награду всероссийского конкурса. Помимо награды, из "
            "Москвы Ольга привезла несколько новых знакомств с коллегами из других регионов.")
    assert "RU-MOW" not in _regions(text, title, "RU-AMU", ["Центр «Опора»"])


def test_a_natives_birthplace_is_a_place_of_his_life():
    text = ("Микроавтобус центру подарил уроженец Кисловодска, предприниматель Алан Дзагоев. "
            "Теперь мобильная бригада будет ездить к семьям в сёла района.")
    assert "RU-STA" not in _regions(text, "Центр получил микроавтобус", "RU-SE")
    # a town named as the place where something happens still counts
    there = text.replace("подарил уроженец Кисловодска, предприниматель", "в Кисловодске подарил предприниматель")
    assert "RU-STA" in _regions(there, "Центр получил микроавтобус в Кисловодске", "RU-SE")


def test_a_repost_is_no_material_and_a_credited_reprint_is_one():
    from pipeline.extract.pagetype import headline_verdict

    assert headline_verdict("Репост: семье из Елизова нужна помощь после пожара", 600)
    assert headline_verdict("🔁 Перепост: собираем вещи для семьи", 600)
    # the word inside a headline, or a reprint's own headline, is news
    assert headline_verdict("Наш пост о сборе вещей сделали репостом 300 человек", 600) is None
    assert headline_verdict("Опека: в районе стало меньше детей в детском доме", 600) is None


def test_an_adjective_sharing_the_word_oblast_names_the_oblast_not_its_city():
    text = "Программа работает в Московской и Тверской областях: семьи получили гранты."
    assert _regions(text, "Программа для семей", "RU-TUL") == ["RU-MOS", "RU-TVE"]
    duma = "Депутаты Московской областной думы приняли закон о поддержке многодетных семей."
    assert _regions(duma, "Закон о многодетных", "RU-TUL") == ["RU-MOS"]
    # the city's own adjective stays the city's
    assert _regions("Московские семьи получат выплаты.", "Выплаты", "RU-TUL") == ["RU-MOW"]


def test_a_federal_explainer_in_the_bodys_we_voice_stays_the_countrys():
    title = "Материнский капитал в 2026 году: что изменится"
    text = ("Нас часто спрашивают, что будет с материнским капиталом. Собрали главное по федеральному "
            "закону и разъяснениям Социального фонда: программа продлена до 2030 года, с 1 февраля "
            "капитал проиндексируют. Если сертификат не пришёл, приходите к нам на консультацию.")
    assert _regions(text, title, "RU-KAM", ["Кризисный центр «Причал»"]) == []


def test_a_federal_ministrys_release_on_a_regional_ministrys_site_stays_the_countrys():
    title = "Число детей в федеральном банке данных сократилось"
    text = ("Министерство просвещения России сообщает: за девять месяцев число детей в федеральном "
            "банке данных о детях-сиротах сократилось на 6%. Специалисты министерства связывают это "
            "с развитием семейных форм устройства по всей стране.")
    names = ["Министерство труда и социальной защиты Республики Адыгея"]
    assert _regions(text, title, "RU-AD", names) == []
