"""Issue 17, round 2: lists of regions that share one predicate, abbreviations by initials, and
region names Natasha reads as people. Fixtures are written for these tests (fictional news), in
wordings of their own."""

from __future__ import annotations

import pytest

from pipeline.tag.explain import explain_text
from pipeline.tag.regions.gazetteer import _initials, find_mentions, gazetteer
from pipeline.tag.run import tag


def _isos(title: str, body: str, home: str | None = None) -> list[str]:
    result = tag(f"{title}\n{body}", title=title, home_region_iso=home)
    return sorted(r.iso for r in result.regions)


# --- one predicate shared by the whole list -------------------------------------------------------


def test_a_list_that_is_the_subject_of_its_predicate_counts_every_member(models):
    """The home region is named four times and boosted; each list member once, in the body —
    still each takes part, so each counts (the old share rule dropped them)."""
    title = "Калужская область присоединилась к программе наставничества"
    body = (
        "Калужская область присоединилась к федеральной программе наставничества для выпускников "
        "детских домов. В Калужской области наставников подберут в каждом районе.\n\n"
        "В программе также примут участие Брянщина, Смоленщина и Орловская область. Калужские "
        "наставники пройдут обучение весной."
    )
    assert _isos(title, body, "RU-KLU") == ["RU-BRY", "RU-KLU", "RU-ORL", "RU-SMO"]


def test_a_list_that_receives_something_counts_every_member(models):
    title = "Кировская область получит субсидию на кризисные квартиры"
    body = (
        "Кировская область получит субсидию на кризисные квартиры для мам с детьми. В Кировской "
        "области таких квартир пока четыре.\n\nТакже субсидии на кризисные квартиры направят "
        "Марий Эл и Мордовии. Кировские власти добавят к субсидии областные деньги."
    )
    assert _isos(title, body, "RU-KIR") == ["RU-KIR", "RU-ME", "RU-MO"]


def test_an_elliptical_list_opening_the_sentence_is_its_subject(models):
    """«Курская и Орловская области, Мордовия и Чувашия договорились…»: the parser loses the
    list's head; the nominative list before a verb with no subject of its own is its subject."""
    title = "Регионы договорились о совместной работе с приёмными семьями"
    body = (
        "Курская и Орловская области, Мордовия и Чувашия договорились о совместной работе с "
        "приёмными семьями. Специалисты будут обмениваться опытом."
    )
    assert _isos(title, body) == ["RU-CU", "RU-KRS", "RU-MO", "RU-ORL"]


def test_a_clause_conjoined_to_the_lists_predicate_brings_its_own_region(models):
    """«Рейтинг возглавила Смоленщина, следом идут A, B и C»: Смоленщина is named alone, but as
    the subject of a predicate conjoined to the list's."""
    title = "Рейтинг семейного устройства сирот"
    body = (
        "Фонд опубликовал рейтинг регионов по семейному устройству сирот.\n\n"
        "Рейтинг возглавила Смоленщина, следом идут Калужская область, Брянщина и Рязанщина. "
        "В этих регионах в семьях воспитываются почти все сироты."
    )
    assert _isos(title, body) == ["RU-BRY", "RU-KLU", "RU-RYA", "RU-SMO"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a list hanging off a noun: where colleagues came from
        "Методику уже переняли специалисты из Курской, Орловской и Брянской областей.",
        # guests of an event held in the home region
        "На форум приехали Брянщина, Смоленщина и Орловская область.",
        # a place mentioned in passing is not enough
        "Похожие программы работают в Брянской и Орловской областях.",
    ],
)
def test_a_mention_list_stays_discounted(models, sentence: str):
    title = "Калужские специалисты поделились методикой сопровождения семей"
    body = (
        "В Калуге прошёл межрегиональный форум специалистов по работе с семьями. Калужская "
        f"методика сопровождения кровных семей признана лучшей.\n\n{sentence} В Калужской "
        "области методику распространят на все районы."
    )
    assert _isos(title, body, "RU-KLU") == ["RU-KLU"]


def test_explain_names_the_shared_predicate(models):
    title = "Кировская область получит субсидию на кризисные квартиры"
    body = (
        "Кировская область получит субсидию на кризисные квартиры для мам с детьми. В Кировской "
        "области таких квартир пока четыре.\n\nТакже субсидии на кризисные квартиры направят "
        "Марий Эл и Мордовии."
    )
    _, why = explain_text(f"{title}\n{body}", title, "RU-KIR")
    mordovia = next(r for r in why["regions"] if r["iso"] == "RU-MO")
    assert mordovia["attributed"]
    assert any("общим сказуемым («направить»)" in rule for rule in mordovia["rules"])


# --- abbreviations by initials --------------------------------------------------------------------


def test_initials_are_derived_from_the_official_names():
    found = _initials([{"name": r.name, "iso": r.iso} for r in gazetteer().regions])
    assert found["РТ"] == ("RU-TA", "RU-TY")  # Татарстан and Тыва
    assert found["РБ"] == ("RU-BA", "RU-BU")
    assert found["ЧР"] == ("RU-CE", "RU-CU")
    assert found["КБР"] == ("RU-KB",) and found["ХМАО"] == ("RU-KHM",)
    assert found["ЯНАО"] == ("RU-YAN",) and found["ЕАО"] == ("RU-YEV",)
    assert "СП" not in found  # Санкт-Петербург is a city, not «<adjective> <type word>»
    assert all(len(isos) >= 1 for isos in found.values()) and len(found) >= 40


def test_an_unmistakable_abbreviation_counts_by_itself():
    (m,) = find_mentions("В КЧР открылся центр для семей.")
    assert m.isos == ("RU-KC",) and m.kind == "abbr"


def test_a_shared_abbreviation_resolves_from_the_neighbours_in_a_list(models):
    """ЧР is Чувашия or Чечня; beside Марий Эл and Мордовия (Приволжский) it is Чувашия."""
    title = "Соглашение о помощи семьям"
    body = ("Соглашение о помощи семьям в трудной ситуации подписали Марий Эл, Мордовия и ЧР. "
            "Семьи получат помощь юристов.")
    assert _isos(title, body, "RU-MO") == ["RU-CU", "RU-ME", "RU-MO"]


def test_a_shared_abbreviation_resolves_from_the_home_region_or_the_full_name(models):
    body = "В РБ открылся новый центр для семей с детьми. Центр будет работать ежедневно."
    assert _isos("В РБ открылся центр", body, "RU-BU") == ["RU-BU"]
    named = "В Уфе открылся новый центр для семей с детьми. В РБ таких центров уже девять."
    result = tag(named)
    assert [(r.iso, r.mentions) for r in result.regions] == [("RU-BA", 2)]


def test_a_shared_abbreviation_without_context_is_left_out_and_explained(models):
    text = "В ЧР открылся новый центр для семей с детьми. Центр будет работать ежедневно."
    result, why = explain_text(text)
    assert result.regions == []
    (left,) = why["regions_left_out"]
    assert left["text"] == "ЧР" and "Чеченская Республика" in left["rules"][0]


@pytest.mark.parametrize(
    "text",
    [
        "СК возбудил уголовное дело после жалобы многодетной матери.",  # a committee, not a region
        "Посылки для семей бесплатно доставит АО «Почта России».",  # a company
        "ГРАНТЫ ПОЛУЧАТ РТ И РБ\nНовость дополняется.",  # a line in capitals
        "Закон РФ о семейных выплатах вступил в силу. Со следующего года выплаты вырастут.",
    ],
)
def test_other_capitalised_tokens_are_not_regions(models, text: str):
    assert tag(text).regions == []


# --- a region's informal name read as a person ----------------------------------------------------


def test_an_informal_region_name_that_natasha_reads_as_a_person_is_the_region(models):
    result = tag("Рейтинг возглавила Смоленщина. Там в семьях воспитываются почти все сироты.")
    assert [r.iso for r in result.regions] == ["RU-SMO"]
    people = tag("Рейтинг возглавила Анна Смоленская. Она работает в фонде.")
    assert people.regions == []


# --- a review told region by region, one clause each ---------------------------------------------


REVIEW_TITLE = "Сибирские регионы подвели итоги года в работе с приёмными семьями"


def test_a_paragraph_telling_what_happens_in_each_region_counts_every_one(models):
    """Each member named once, in a clause of its own (subject or place of its predicate): a
    review of several regions, so each is what the article is about."""
    body = (
        "В Новосибирске завершилась межрегиональная конференция по поддержке замещающих семей.\n\n"
        "Томская область за год передала в семьи 52 ребёнка. В Омской области открыли два "
        "ресурсных центра для приёмных родителей. Кузбасс вдвое увеличил число наставников, а в "
        "Алтайском крае начала работу школа для опекунов подростков.\n\n"
        "Новосибирская область поделилась опытом сопровождения кровных семей."
    )
    isos = _isos(REVIEW_TITLE, body, "RU-NVS")
    assert isos == ["RU-ALT", "RU-KEM", "RU-NVS", "RU-OMS", "RU-TOM"]
    _, why = explain_text(f"{REVIEW_TITLE}\n{body}", REVIEW_TITLE, "RU-NVS")
    omsk = next(r for r in why["regions"] if r["iso"] == "RU-OMS")
    assert any("обзор регионов" in rule for rule in omsk["rules"])


def test_a_region_that_announces_a_contest_is_told_its_own_clause(models):
    """An event as the predicate's object («объявила конкурс на здание») is what the region
    itself does, not an event it hosts guests at: the fourth member of the review counts."""
    title = "Приюты для мам: итоги года по Поволжью"
    body = ("Пензенская область первой в округе открыла приют для мам с детьми — в Пензе, на 15 "
            "мест. Ульяновская область завершает ремонт отделения в Димитровграде. Саратовская "
            "область купила три квартиры в Балакове. Самарская область объявила конкурс на здание "
            "в Сызрани.")
    assert _isos(title, body, "RU-PNZ") == ["RU-PNZ", "RU-SAM", "RU-SAR", "RU-ULY"]
    _, why = explain_text(f"{title}\n{body}", title, "RU-PNZ")
    samara = next(r for r in why["regions"] if r["iso"] == "RU-SAM")
    assert any("обзор регионов" in rule for rule in samara["rules"])


@pytest.mark.parametrize("paragraph", [
    # two regions compared are not a review
    "Томская область за год передала в семьи 52 ребёнка, а в Омской области открыли два "
    "ресурсных центра.",
    # members as guests of an event, and a place held in passing
    "На конференцию приехали специалисты Томской области. Делегация Омской области привезла "
    "методички. Опыт Кузбасса обсуждали отдельно.",
    # a list hanging off a noun
    "Методику уже переняли специалисты из Томской, Омской и Кемеровской областей.",
])
def test_regions_named_in_passing_stay_out(models, paragraph):
    body = (
        "В Новосибирской области завершилась конференция по поддержке замещающих семей. "
        "Новосибирская область за год передала в семьи 80 детей.\n\n"
        f"{paragraph}\n\nВ Новосибирской области откроют ещё три школы приёмных родителей."
    )
    assert _isos("Новосибирская область подвела итоги года", body, "RU-NVS") == ["RU-NVS"]


@pytest.mark.parametrize("subject", [
    "Губернаторы Томской, Омской и Новосибирской областей",
    "Уполномоченные по правам ребёнка Томской области, Омской области и Кузбасса",
    "Министерства социального развития Томской, Омской и Новосибирской областей",
])
def test_a_list_acting_through_its_officials_counts_every_member(models, subject):
    """The list is the genitive of the subject: each region signs through its own officials."""
    title = "Сибирские регионы договорились помогать семьям, переезжающим к соседям"
    body = (f"{subject} подписали соглашение о сопровождении семей группы риска, которые "
            "переезжают из региона в регион. Специалисты будут обмениваться сведениями.")
    isos = _isos(title, body)
    assert len(isos) == 3 and {"RU-TOM", "RU-OMS"} <= set(isos)


def test_a_list_of_origins_or_of_families_is_still_a_mention_list(models):
    title = "В Новосибирске обсудили сопровождение приёмных семей"
    body = ("В Новосибирской области прошёл семинар для специалистов опеки. Новосибирская "
            "область представила свою методику.\n\nОпытом поделились специалисты из Томской, "
            "Омской и Кемеровской областей. В Новосибирской области методику внедрят к весне.")
    assert _isos(title, body, "RU-NVS") == ["RU-NVS"]


def test_a_ranking_counts_every_region_it_names(models):
    title = "Тверская область вошла в число лидеров по семейному устройству сирот"
    body = ("Фонд опубликовал данные о семейном устройстве детей-сирот за девять месяцев. Больше "
            "всего детей передали в семьи в Тверской, Псковской и Смоленской областях, а также в "
            "Карелии и Петербурге.\n\nВ Тверской области в семьи за год ушли 212 детей.")
    assert _isos(title, body, "RU-TVE") == ["RU-KR", "RU-PSK", "RU-SMO", "RU-SPE", "RU-TVE"]


def test_a_place_list_without_a_ranking_stays_a_mention(models):
    title = "В Тверской области открылась школа приёмных родителей"
    body = ("В Твери открылась областная школа приёмных родителей. Тверская область выделила на "
            "неё 3 миллиона рублей.\n\nПохожие школы уже работают в Псковской, Смоленской и "
            "Новгородской областях. В Тверской области занятия начнутся в ноябре.")
    assert _isos(title, body, "RU-TVE") == ["RU-TVE"]


def test_a_bulleted_list_saying_what_each_region_does_counts_every_member(models):
    title = "Три региона Северо-Запада договорились о помощи семьям"
    body = ("В Пскове министры трёх регионов подписали соглашение о профилактике сиротства.\n\n"
            "Обязанности распределили так:\n\n"
            "- Псковская область — обучение кураторов приёмных семей;\n\n"
            "- Новгородская область — выездные службы в отдалённых сёлах;\n\n"
            "- Тверская область — общий банк кандидатов в приёмные родители.\n\n"
            "Следующая встреча пройдёт весной.")
    assert _isos(title, body, "RU-PSK") == ["RU-NGR", "RU-PSK", "RU-TVE"]


def test_a_table_of_regions_with_their_figures_counts_every_row(models):
    title = "Где на Северо-Западе больше сирот живут в семьях"
    body = ("Редакция сравнила данные региональных ведомств на 1 октября.\n\n"
            "Регион | В семьях, % | За год\n\n--- | --- | ---\n\n"
            "Псковская область | 90,1 | +1,2\n\nНовгородская область | 88,4 | +0,6\n\n"
            "Карелия | 87,9 | −0,3\n\nВ Псковской области рост объясняют работой кураторов.")
    assert _isos(title, body, "RU-PSK") == ["RU-KR", "RU-NGR", "RU-PSK"]


def test_a_ranking_with_figures_in_brackets_counts_every_member(models):
    title = "Псковская область вошла в десятку регионов по семейному устройству"
    body = ("Минпросвещения опубликовало рейтинг регионов по доле сирот в семьях. Псковская "
            "область заняла девятое место.\n\nВ первую пятёрку вошли Тюменская область (95,8 "
            "процента), Татарстан (95,1), Чувашия (94,2) и Тамбовская область (93,9).\n\n"
            "В Псковской области за год число таких детей выросло на 4 процента.")
    assert _isos(title, body, "RU-PSK") == ["RU-CU", "RU-PSK", "RU-TA", "RU-TAM", "RU-TYU"]


def test_guests_who_came_to_learn_do_not_make_the_story_about_their_region(models):
    """The host's own news: colleagues from another region visited to learn. Where they came
    from is like a venue; guests presenting their own region's work would count (test_regions)."""
    title = "Коллеги из Удмуртии познакомились с работой нашего приюта"
    body = ("На этой неделе у нас в гостях были специалисты социальных служб из Ижевска. Они "
            "познакомились с тем, как работает наш приют для мам с детьми в Кирове.\n\n"
            "Спасибо гостям из Удмуртии за интерес к нашей работе!")
    assert _isos(title, body, "RU-KIR") == ["RU-KIR"]


def test_guests_who_came_for_experience_from_a_list_of_places_are_guests_each(models):
    """«приехали к нам за опытом» is coming to learn (not «поделились опытом»); «из» stands once
    before a list of origins, and every member is where guests came from."""
    title = "Специалисты опеки из Новосибирска приехали к нам за опытом"
    body = ("На этой неделе у нас в гостях были пять специалистов органов опеки и центров помощи "
            "детям из Бердска и Искитимского района. Коллеги из Новосибирской области побывали на "
            "встрече клуба приёмных семей и поговорили с нашими приёмными родителями.\n\n"
            "Мы рады делиться: в Омской области клуб приёмных семей работает пятый год.")
    assert _isos(title, body, "RU-OMS") == ["RU-OMS"]
    # guests who came to present their own region's work still count for it
    shared = ("Специалисты опеки из Бердска и Искитимского района приехали и поделились опытом "
              "сопровождения приёмных семей в Новосибирской области.")
    assert "RU-NVS" in _isos("Гости поделились опытом", shared, "RU-OMS")


def test_a_list_of_winners_regions_counts_every_region(models):
    """«Среди победителей — также НКО из A, B и C»: each region's organization won a grant, so
    each region is what the news is about, as in a ranking."""
    title = "Наш проект получил грант президентского фонда"
    body = ("Проект «Мамин дом» стал победителем конкурса фонда. Фонд выделит 2 миллиона рублей на "
            "помощь кровным семьям в сёлах Омской области.\n\nВсего фонд поддержал 30 проектов. "
            "Среди победителей — также кризисные центры и НКО из Тюменской области, Алтайского "
            "края и Курганской области.\n\nСпасибо всем, кто помогал готовить заявку!")
    assert _isos(title, body, "RU-OMS") == ["RU-ALT", "RU-KGN", "RU-OMS", "RU-TYU"]
    # finalists beside one winner did not win: the winners' word is the list's own sentence's
    finalists = ("Семья Петровых из Тары стала победителем конкурса «Семья года». Среди "
                 "финалистов также были семьи из Тюменской, Курганской и Томской областей.")
    assert _isos("Омская семья — среди победителей", finalists, "RU-OMS") == ["RU-OMS"]


def test_a_ranking_that_names_its_leader_then_a_list_counts_the_leader_too(models):
    """«Лучший показатель у A. Далее следуют B (95), C (94), D (93) и E (92)»: the leader stands
    in a sentence of its own before the list; the ranking goes on through both."""
    title = "Омская область — в пятёрке лидеров по семейному устройству"
    body = ("Минпросвещения подвело итоги мониторинга за 2024 год. Оценивалась доля детей-сирот, "
            "переданных в семьи.\n\nЛучший показатель у Курганской области — 96 процентов. "
            "Далее следуют Тюменская область (95), Омская область (94), Новосибирская область (93) "
            "и Томская область (92).\n\nВ министерстве Омской области связывают результат с "
            "работой кураторов семей.")
    assert _isos(title, body, "RU-OMS") == ["RU-KGN", "RU-NVS", "RU-OMS", "RU-TOM", "RU-TYU"]
    # a list with no verb of its own inside the ranking's paragraph is ranked as well
    retold = ("Нашла рейтинг регионов по устройству сирот. Лидирует Курганская область — 96 "
              "процентов, за ней Тюменская и Омская, Томская пятая.")
    assert _isos("Рейтинг по устройству сирот", retold, "RU-IRK") == [
        "RU-KGN", "RU-OMS", "RU-TOM", "RU-TYU"]


def test_a_client_who_came_to_us_from_another_region_is_no_subject(models):
    """«к нам обратилась мама двоих детей из Бердска»: where a client came from is like a
    guest's origin; the help happens here."""
    title = "Мама двоих детей приехала к нам из Бердска"
    body = ("На прошлой неделе к нам обратилась Анна — мама двоих детей из Бердска. После пожара "
            "семья осталась без жилья, а родственники Анны живут в Омске, но принять её с детьми "
            "не смогли.\n\nСейчас Анна с детьми живёт в центре, психолог помогает ей.")
    assert _isos(title, body, "RU-OMS") == ["RU-OMS"]


def test_a_ranking_told_place_by_place_counts_every_region(models):
    title = "Тверская область — шестая по доле сирот в семьях"
    body = ("Фонд опубликовал рейтинг регионов по доле детей-сирот, живущих в семьях.\n\n"
            "Первое место заняла Псковская область — 96 процентов. На втором месте Карелия с "
            "показателем 95,1 процента, на третьем — Чувашия.\n\nТверская область поднялась на "
            "шестое место.")
    assert _isos(title, body, "RU-TVE") == ["RU-CU", "RU-KR", "RU-PSK", "RU-TVE"]


@pytest.mark.parametrize("text, home, expected", [
    # a settlement word before a name Natasha reads as a person's: the town
    ("Мы живём в г. Курчатов, прошлой зимой у нас сгорел дом. Спасибо соцзащите за помощь "
     "нашей многодетной семье.", "RU-KRS", ["RU-KRS"]),
    # a settlement named by a subject's adjective is not the subject
    ("В станице Курской многодетные семьи получили социальные контракты. Заявления принимали в "
     "Ставропольском крае до октября.", "RU-STA", ["RU-STA"]),
])
def test_settlement_words_decide_between_a_place_and_a_person_or_subject(models, text, home,
                                                                         expected):
    assert _isos("Новости района", text, home) == expected


def test_two_districts_of_two_regions_that_sign_together_both_count(models):
    """«Кимовский район и соседний Скопинский район Рязанской области подписали договор»: an
    adjective after «и» does not break the list of two parties; each party's region counts,
    the outlet's own as well as the neighbour named in the headline."""
    title = "Соглашение со Скопинским районом Рязанской области"
    body = ("Кимовский район и соседний Скопинский район Рязанской области подписали договор о "
            "совместном сопровождении семей в трудной жизненной ситуации. Специалисты опеки обоих "
            "районов будут передавать друг другу сведения о семьях с детьми.")
    assert _isos(title, body, "RU-TUL") == ["RU-RYA", "RU-TUL"]


def test_a_meeting_of_the_regions_own_people_counts_every_region_but_not_its_guests(models):
    """A meeting whose genitive names who meets («заседание министров A, B и C») is each
    region's own news; guests from other regions at one region's event are not."""
    title = "Министры соцзащиты обсудили семейные МФЦ"
    body = (
        "В Ярославле состоялось заседание министров социальной защиты Ярославской, Костромской "
        "и Ивановской областей. Обсуждали семейные многофункциональные центры и выплаты "
        "многодетным.\n\nКостромские коллеги рассказали о выездных бригадах опеки."
    )
    assert _isos(title, body, "RU-YAR") == ["RU-IVA", "RU-KOS", "RU-YAR"]
    _, why = explain_text(f"{title}\n{body}", title, "RU-YAR")
    ivanovo = next(r for r in why["regions"] if r["iso"] == "RU-IVA")
    assert any("встречаются («заседание»)" in rule for rule in ivanovo["rules"])
    guests = (
        "В Ярославле прошёл семинар для специалистов опеки. На семинар приехали гости из "
        "Костромской и Ивановской областей. Ярославские специалисты рассказали о выездных "
        "бригадах и о сопровождении приёмных семей."
    )
    assert _isos("Специалисты опеки провели семинар", guests, "RU-YAR") == ["RU-YAR"]
