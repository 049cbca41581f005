"""Session 17's general mechanisms, each found on a blind set (66–69) and written here in other
words: an account's page on a federated server, a <time> that stamps an edit, guests named by
the body they come from, a review told in bullet rows, a clause whose verb the sentence gave
once, the parser's «ё», a part of a city named like a town elsewhere, respite care for a family
raising a disabled child."""

from __future__ import annotations

import datetime

from pipeline.tag.run import tag

NOW = datetime.datetime(2025, 11, 28, 18, 0, tzinfo=datetime.timezone.utc)


def test_an_accounts_page_is_a_section_and_a_long_slug_after_at_an_article():
    from spiders.discovery import link_kind

    assert link_kind("http://h/@roditeli_tveri", "Родители Твери") == "section"
    assert link_kind("http://h/~semya", "") == "section"
    assert link_kind("http://h/@roditeli-tveri-otkryli-klub-dlya-pap", "x") == "article"


STAMPED_PAGE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Справочник</a> <a href="/novosti">Новости</a></nav>
<main><h1>{title}</h1>
{published}
<p>Специалисты центра провели занятие для кандидатов в приёмные родители: говорили о том, как
ребёнок привыкает к новой семье и чего ждать в первые месяцы.</p>
<p>Следующее занятие состоится через две недели, записаться можно у куратора.</p>
<p class="stamp">Последнее обновление <time datetime="2025-11-09T23:10:00.000Z"
title="10.11.2025">18 дней назад</time></p></main></body></html>"""


def test_a_time_labelled_as_the_last_update_is_not_the_publication():
    from pipeline.extract.dates import find_published

    page = STAMPED_PAGE.format(title="Занятие для кандидатов", published=(
        "<p><strong>Опубликовано 4 ноября 2025</strong></p>"))
    date, _ = find_published(page, url="http://h/novosti/zanyatie", now=NOW)
    assert date == datetime.date(2025, 11, 4)
    only_edit = STAMPED_PAGE.format(title="Как стать приёмным родителем", published="")
    date, method = find_published(only_edit, url="http://h/hc/articles/123", now=NOW)
    # The edit's day is the page's only one: a weak date (a feed's beats it), not a lost page.
    assert method == "updated" and date in (datetime.date(2025, 11, 9), datetime.date(2025, 11, 10))


def test_a_teaser_cards_date_is_not_the_pages_for_the_fallback_extractor_either():
    from pipeline.extract.cascade import extract
    from pipeline.extract.cascade import SelectorOverrides

    page = """<html><head><title>Программа «Свой дом»</title></head><body><main>
    <h1>Программа «Свой дом»</h1><p>Помогаем выпускникам детских домов с жильём.</p>
    <section><h2>Новости программы</h2><div><a href="/news/vypuskniki-poluchili-klyuchi">
    <h3>Выпускники получили ключи от квартир в Кандалакше</h3><p>26 сентября 2025</p></a></div>
    </section></main></body></html>"""
    from pipeline.extract.cascade import _extract_trafilatura_alone
    from pipeline.extract.html import parse_html

    got = _extract_trafilatura_alone(parse_html(page), "http://h/projects/svoy-dom", NOW,
                                     SelectorOverrides())
    assert got.published is None, (got.published, got.date_method)
    assert extract(page.replace('href="/news/vypuskniki-poluchili-klyuchi"', 'href="#"'),
                   "http://h/projects/svoy-dom", crawl_time=NOW).published is not None


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_guests_named_by_the_body_they_come_from_are_the_headlines_guests():
    title = "Коллеги из Пскова изучили работу нашей службы сопровождения"
    text = (
        "На прошлой неделе у нас побывали четыре специалиста псковского центра помощи семье. "
        "Они приехали на два дня, чтобы посмотреть, как работают кураторы семей.\n\n"
        "Гости съездили с кураторами в Старую Руссу и Боровичи, где наши специалисты "
        "сопровождают 60 семей с детьми в трудной жизненной ситуации.\n\n"
        "В декабре мы проведём для коллег онлайн-разбор случаев."
    )
    assert regions_of(text, title, "RU-NGR") == ["RU-NGR"]


def test_a_delegation_of_a_regions_bodies_is_its_guests():
    title = "Гости из Оренбурга познакомились с работой отделения подготовки приёмных родителей"
    text = (
        "Наше отделение посетила делегация специалистов органов опеки и социальных учреждений "
        "Оренбургской области. Гости приехали, чтобы познакомиться со школой приёмных родителей "
        "в Уфе.\n\nЗаведующая отделением рассказала, как кандидаты готовятся к приёму ребёнка."
    )
    assert regions_of(text, title, "RU-BA") == ["RU-BA"]


def test_an_invited_expert_who_came_from_a_region_is_its_guest_once_more():
    title = "Казанский психолог провела для наших приёмных родителей тренинг"
    text = (
        "В субботу клуб приёмных семей Чебоксар собрал родителей на тренинг о подростках. "
        "Вела его психолог Алина Сафина — к нам она приехала из Казани, где работает со службой "
        "сопровождения замещающих семей.\n\nПришли 30 человек из Чебоксар и Новочебоксарска."
    )
    assert regions_of(text, title, "RU-CU") == ["RU-CU"]


def test_a_review_told_in_bullet_rows_counts_every_member():
    title = "Методика выходит за пределы области: партнёры в трёх регионах"
    text = (
        "С осени наша методика наставничества начинает работать ещё в трёх регионах, а "
        "пермская команда становится для них ресурсным центром.\n\n"
        "- В Удмуртии ижевский фонд «Шаг» подберёт первых 12 наставников для выпускников.\n"
        "- В Башкирии уфимская АНО «Дом» запускает наставничество в социальных квартирах.\n"
        "- Кировский центр «Опора» будет готовить наставников для подростков из приютов.\n\n"
        "Пермская команда проведёт для партнёров обучение кураторов."
    )
    assert regions_of(text, title, "RU-PER") == ["RU-BA", "RU-KIR", "RU-PER", "RU-UD"]


def test_the_parser_reads_yo_as_news_spell_it():
    from pipeline.lang import syntax

    sentence = "В Кузбассе фонд «Шаг навстречу» подберёт первых наставников."
    verb = next(t for t in syntax.parse(sentence) if t.text == "подберёт")
    assert verb.pos == "VERB" and verb.text == "подберёт"


def test_a_clause_whose_verb_was_given_once_is_its_members_own():
    title = "Псковская область подписала соглашение о наставничестве на форуме в Иванове"
    text = (
        "В Иванове завершился межрегиональный форум наставников. Его участниками стали "
        "представители ведомств и НКО Псковской, Смоленской, Брянской и Ивановской областей.\n\n"
        "Главным итогом форума стало соглашение о сотрудничестве регионов: общая база "
        "наставников и обмен стажировками.\n\n"
        "Псковская делегация представила опыт программы «Старт», в которой за два года "
        "сложилось 90 пар. Смоляне рассказали о сопровождении выпускников на заводах, брянские "
        "коллеги — о наставничестве в сельских интернатах.\n\n"
        "«Весной псковские наставники поедут на стажировку в Смоленск», — рассказала "
        "заместитель министра социальной защиты Псковской области.\n\nСледующий форум пройдёт "
        "в Пскове."
    )
    assert regions_of(text, title, "RU-PSK") == ["RU-BRY", "RU-PSK", "RU-SMO"]


def test_a_part_of_a_city_named_like_a_town_elsewhere_is_that_citys():
    title = "В Лесном открылся семейный клуб"
    text = (
        "В микрорайоне Лесной Ленинского района Пскова открылся семейный клуб для многодетных. "
        "Помещение передала городская администрация.\n\n«В Лесном много молодых семей», — "
        "говорит руководитель клуба."
    )
    assert regions_of(text, title, "RU-PSK") == ["RU-PSK"], "not the town Лесной (RU-SVE)"


def test_respite_care_for_a_family_raising_a_disabled_child_is_family_support():
    text = (
        "Для тех, кто растит ребёнка с инвалидностью, в Кузнецке открылась служба «Передышка»: "
        "родители могут оставить ребёнка со специалистом на несколько часов. Услуга бесплатная, "
        "нужна справка об инвалидности ребёнка."
    )
    assert tag(text, title="В Кузнецке открылась служба «Передышка»").relevant


def test_another_blog_on_the_platform_is_another_outlet():
    from spiders.discovery import classify_links

    page = """<html><body><h1>Тёплый дом</h1>
    <a href="/@teplyi_dom/kak-my-vstretili-pervuyu-semyu-v-novom-dome">Как мы встретили первую
    семью в новом доме</a>
    <a href="/@teplyi_dom/volontery-sobrali-zimnie-veshchi-dlya-mam">Волонтёры собрали зимние
    вещи для мам</a>
    <a href="/@teplyi_dom">Тёплый дом</a>
    <div class="other-blogs"><a href="/@kino_doma">Кино дома</a></div></body></html>"""
    links = classify_links(page, "http://h/", "http://h/")
    assert "http://h/@teplyi_dom" in links.sections
    assert "http://h/@kino_doma" not in links.sections


def test_a_microblogs_title_quoting_the_posts_start_gives_the_posts_headline():
    from pipeline.extract.titles import headline_of_a_post

    title = 'Родители Твери: "Клуб приёмных семей собрался после летнего перерыва, и…" - tver.social'
    text = ("Клуб приёмных семей собрался после летнего перерыва, и пришли сразу девять новых"
            " семей\n\nВстреча прошла в библиотеке на Советской.")
    assert headline_of_a_post(title, text) == (
        "Клуб приёмных семей собрался после летнего перерыва, и пришли сразу девять новых семей")


def test_a_visitor_named_by_the_body_she_leads_is_a_guest():
    title = "К нам приезжала Ольга Орлова — основательница казанского фонда помощи мамам"
    text = (
        "К нам приезжала Ольга Орлова — основательница казанского фонда помощи мамам.\n\n"
        "Ольга провела в Кирове два дня: побывала в областном кризисном центре и в женской "
        "консультации. Наши кризисные службы решили: с декабря волонтёры начнут дежурить в "
        "Кировском областном перинатальном центре, а в Слободском появится телефон доверия."
    )
    assert regions_of(text, title, "RU-KIR") == ["RU-KIR"]


def test_two_newsrooms_reports_of_one_event_join_on_their_headlines_names_too():
    from pipeline.cluster.minhash import same_story, signature

    first = signature(
        "В субботу наставники тульской программы «Опора» и волонтёры из Калуги провели первый "
        "общий онлайн-марафон для выпускников детских домов. Шесть часов ребята решали задачи "
        "по финансовой грамотности и писали резюме.\n\nСледующую встречу назначили на весну.",
        "Наставники из Тулы и Калуги провели общий онлайн-марафон")
    second = signature(
        "В субботу наши наставники и их подопечные встретились онлайн с программой из Тулы. До "
        "конца марафона досидели все.\n\nВыпускники детских домов вместе решали задачи по "
        "финансовой грамотности и писали резюме. Спасибо всем, кто помогал с техникой!",
        "Шесть часов с Тулой: как прошёл наш первый марафон с «Опорой»")
    assert same_story(first, second, same_days=True)
    assert not same_story(first, second, same_days=False), "only reports days apart join"
    untitled = [signature(first_text) for first_text in (
        "В субботу наставники тульской программы «Опора» и волонтёры из Калуги провели первый "
        "общий онлайн-марафон для выпускников детских домов. Шесть часов ребята решали задачи "
        "по финансовой грамотности и писали резюме.\n\nСледующую встречу назначили на весну.",
        "В субботу наши наставники и их подопечные встретились онлайн с программой из Тулы. До "
        "конца марафона досидели все.\n\nВыпускники детских домов вместе решали задачи по "
        "финансовой грамотности и писали резюме. Спасибо всем, кто помогал с техникой!")]
    assert not same_story(*untitled, same_days=True), "the headlines' names decided it"


def test_a_town_and_its_adjective_are_one_fact():
    from pipeline.cluster.facts import analyse_line
    from pipeline.lang.morph import lemma

    town, _ = analyse_line("Специалисты центра провели видеомост с коллегами из Копейска.", lemma)
    adjective, _ = analyse_line("На связи был Копейский центр помощи детям.", lemma)
    assert town & adjective


def test_a_body_that_says_we_signed_in_its_first_paragraph_takes_part():
    from pipeline.tag.own_work import own_people_act

    text = ("В четверг в Москве закрылся всероссийский форум. Главным для нас стала встреча в "
            "перерыве: мы подписали соглашение с самарским центром «Опора».\n\nДалее о планах.")
    assert own_people_act(text, "Соглашение с самарским центром «Опора»") == "мы"
    reported = ("Как мы уже писали, в Самаре открылся центр «Опора». «Мы подписали соглашение», "
                "— рассказала директор.\n\nДалее о планах.")
    assert own_people_act(reported, "В Самаре открылся центр «Опора»") is None


def test_a_hyphenated_citys_first_part_as_locals_write_it_names_the_city():
    text = ("Петропавловск сегодня обещает солнце. В школе пятеро первоклассников из приёмных "
            "семей, с каждой семьёй социальный педагог познакомилась заранее.")
    assert regions_of(text, "Первое сентября", "RU-KAM") == ["RU-KAM"]
    assert regions_of(text, "Первое сентября", "RU-MOW") == ["RU-KAM"]


def test_our_director_signing_makes_the_source_take_part():
    from pipeline.tag.own_work import own_people_act

    text = ("Вчера в Самаре наш директор и председатель самарской ассоциации приёмных родителей "
            "подписали соглашение о сотрудничестве.\n\nПодробности позже.")
    assert own_people_act(text, "Подписали соглашение с самарскими приёмными родителями") == "наш"
    assert own_people_act("Наш областной центр помощи семье открыл квартиру.", "Квартира") == "Наш"


def test_a_list_spelling_out_the_regions_after_a_colon_counts_each():
    title = "Семейные центры откроют в четырёх регионах"
    text = ("В Пензе рассказали о проекте. В проекте участвуют четыре региона: Тамбовщина, "
            "Липецкая область, Орловщина и Курская область. В каждом откроют семейный центр, "
            "а пензенские специалисты обучат их сотрудников. Пенза станет ресурсным центром, "
            "пензенский фонд выделит деньги.")
    assert regions_of(text, title, "RU-PNZ") == ["RU-KRS", "RU-LIP", "RU-ORL", "RU-PNZ", "RU-TAM"]


def test_an_abbreviations_full_stop_does_not_end_the_list_sentence():
    from pipeline.tag.regions.lists import _sentence

    text = "Саратовщина, Ульяновская обл. и РТ получили номера. Дальше другое."
    assert text[slice(*_sentence(text, 0, 5))].endswith("получили номера.")


def test_a_reprint_credit_closing_the_last_line_is_the_publishers_voice():
    from pipeline.tag.home_region import credited_source

    text = ("За полгода приёмные родители вернули в учреждения около 2,3 тысячи детей. Для нас эти "
            "цифры — напоминание, ради чего мы работаем. Перепечатано с сайта фонда «Тамбовские "
            "семьи» (Тамбов) с разрешения редакции.")
    assert credited_source(text, ["Форум приёмных родителей"]) is not None
    assert regions_of(text, "Сколько детей вернулись в семьи", "RU-LIP") == []
