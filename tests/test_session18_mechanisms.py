"""Session 18's general mechanisms, each found on blind sets (forums of 58, 59, 64, 70; the
round 74–77) and written here in other words: content printed for readers without scripts, a
poster's name over a post, a breadcrumb trail that stops at the section, a rubric label over the
headline, a section named by two section names joined, the address's section first; a body's
page headed by its name; a long read of placed blocks; a series' number beside a date; RDFa
dates; dates in other pages' and stylesheets' addresses; a newsletter of read-more starts; a
gapped clause after «а»; a hope; an expert named before her town; where a reprint first
appeared; a press release's issuer block."""

from __future__ import annotations

import datetime

from pipeline.extract.html import parse_html
from pipeline.extract.pagestructure import analyse, parse
from pipeline.extract.pagetype import judge, non_article_reason
from pipeline.extract.section import label_above_headline, open_trail_section
from pipeline.tag.run import tag

NOW = datetime.datetime(2025, 11, 28, 18, 0, tzinfo=datetime.timezone.utc)

SHELL = """<html><head><title>{title} — Клуб отцов</title></head><body>
<div id="app"><header><a href="/">Клуб отцов Прикамья</a></header>
<main><div id="content"></div><div class="loading" style="display:none">Загрузка…</div>
<noscript>{content}</noscript></main></div>
<script>window.app = {{boot: true}};</script></body></html>"""

THREAD = """<div class="wrap">{label}<h1>{title}</h1>
<article class="Post"><h3 class="Post-user"><a class="username" href="/u/ivan_perm">{poster}</a></h3>
<time datetime="2025-10-03T17:00:00Z">3 окт.</time><div class="Post-body">{first}</div></article>
<article class="Post"><h3 class="Post-user"><a class="username" href="/u/olga">Ольга</a></h3>
<time datetime="2025-10-03T19:00:00Z">3 окт.</time><div class="Post-body"><p>Спасибо, что
написали, очень полезно!</p></div></article></div>"""

NEWS_POST = """<p>В субботу в Кунгуре прошла первая встреча клуба отцов, которые воспитывают приёмных
детей. Пришли одиннадцать пап из Кунгура и окрестных сёл, а с ними психолог районного центра
помощи семье.</p><p>Говорили о том, как распределить обязанности в семье, где трое и больше
детей, и как не выгорать. Следующую встречу решили провести в декабре в библиотеке.</p>"""


def _page(title: str, first: str, label: str = "", poster: str = "Иван из Кунгура",
          shell: bool = True) -> bytes:
    thread = THREAD.format(label=label, title=title, poster=poster, first=first)
    if not shell:
        return f"<html><body>{thread}</body></html>".encode()
    return SHELL.format(title=title, content=thread).encode("utf-8")


def test_a_page_drawn_by_scripts_is_read_from_what_it_prints_for_readers_without_them():
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST)
    s = analyse(parse(page), "http://h/d/41-klub-otcov")
    assert judge(s).kind == "article"
    assert "одиннадцать пап" in " ".join(b.text for b in s.body)
    tree = parse_html(page)
    assert "первая встреча клуба отцов" in " ".join(tree.itertext())


def test_a_noscript_notice_beside_the_page_stays_out():
    page = (b"<html><body><noscript><div>\xd0\x92\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb8\xd1\x82\xd0"
            b"\xb5 JavaScript</div></noscript><h1>T</h1><p>" + "Текст статьи. ".encode() * 30
            + b"</p></body></html>")
    assert next(parse_html(page).iter("noscript"), None) is not None  # left for chrome


def test_a_posters_name_over_the_post_is_a_byline_not_a_headline_of_another_page():
    # A three-word name linking to the poster's profile once made the post "a text under a
    # headline that links to another page".
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST, poster="Иван из Кунгура",
                 shell=False)
    assert non_article_reason("http://h/d/41-klub-otcov", "http://h/", page) is None


def test_a_thread_under_a_rubric_label_of_questions_is_a_members_question():
    label = '<ul class="Tags"><li><a href="/t/voprosy">Вопросы</a></li></ul>'
    page = _page("Как оформить выплату на приёмного ребёнка?", "<p>Подскажите, какие справки "
                 "нужны для выплаты, если ребёнок у нас с сентября? В соцзащите сказали разное.</p>",
                 label=label)
    assert label_above_headline(parse(page)) == "Вопросы"
    reason = non_article_reason("http://h/d/44-kak-oformit", "http://h/", page)
    assert reason is not None and "Вопросы" in reason
    news = _page("В Кунгуре собрался клуб отцов", NEWS_POST,
                 label='<ul class="Tags"><li><a href="/t/news">Новости клуба</a></li></ul>')
    assert non_article_reason("http://h/d/41-klub-otcov", "http://h/", news) is None


FORUM_THREAD = """<html><body><div class="crumbs-bar">{trail}</div>
<h1>{title}</h1><div class="post"><p>{text}</p></div></body></html>"""


def test_a_trail_that_stops_at_the_section_names_it_and_joined_section_names_count():
    trail = ('<a href="/"><img src="/home.png" alt=""></a> › '
             '<a href="/forum/12">Анонсы и объявления</a>')
    page = FORUM_THREAD.format(trail=trail, title="Праздник для приёмных семей 20 декабря",
                               text="Приглашаем приёмные семьи на новогодний праздник в ДК. "
                               "Запись у модератора до 15 декабря. " * 3).encode()
    assert open_trail_section(parse(page)) == "Анонсы и объявления"
    reason = non_article_reason("http://h/thread/77", "http://h/", page)
    assert reason is not None and "Анонсы и объявления" in reason
    # One part that is no such section («Новости и анонсы») leaves the page a material.
    news = page.replace("Анонсы и объявления".encode(), "Новости и анонсы".encode())
    assert non_article_reason("http://h/thread/77", "http://h/", news) is None


def test_a_menu_above_the_headline_is_no_rubric_label():
    menu = ('<ul class="menu"><li><a href="/news">Новости</a></li><li><a href="/afisha">Афиша'
            '</a></li><li><a href="/docs">Документы</a></li></ul>')
    page = _page("В Кунгуре собрался клуб отцов", NEWS_POST, label=menu)
    assert label_above_headline(parse(page)) is None


def test_a_trail_or_label_does_not_override_the_section_the_address_gives():
    # «/novosti/…» under «Новости», shown in the rubric «Объявления»: news, not a notice.
    page = ('<html><body><nav><a href="/">Главная</a> <a href="/novosti/">Новости</a></nav>'
            '<div class="breadcrumbs"><a href="/">Главная</a> / <a href="/novosti/">Новости</a> / '
            '<a href="/obyavleniya/">Объявления</a></div><h1>В Кунгуре отключат воду 30 октября</h1>'
            '<p>' + "Жителей трёх улиц предупреждают об отключении воды на время ремонта. " * 4
            + "</p></body></html>").encode()
    assert non_article_reason("http://h/novosti/otklyuchenie-vody/", "http://h/", page) is None


ORG_PAGE = """<html><body><header><a href="/">Пресс-релизы региона</a></header><main>
<h1>{name}</h1><div class="about"><p>{about}</p></div><h2>Пресс-релизы организации</h2>
<article class="card"><time datetime="2025-09-30T16:20:00+03:00">30 сентября 2025</time>
<h2><a href="/releases/2025/09/30/23833/">Фонд открыл в Майкопе квартиру для выпускников
детских домов</a></h2><p>Благотворительный фонд открыл в Майкопе тренировочную квартиру, где
выпускники детских домов учатся жить самостоятельно, и набирает наставников…</p></article>
</main></body></html>"""


def test_a_bodys_page_headed_by_its_name_over_its_releases_is_no_article():
    page = ORG_PAGE.format(name="Благотворительный фонд «Южный дом»", about=(
        "Фонд работает с 2014 года и помогает детям-сиротам и выпускникам детских домов. "
        "г. Майкоп.")).encode()
    reason = non_article_reason("http://h/org/yuzhnyy-dom/", "http://h/", page)
    assert reason is not None and "organisation" in reason
    # A nominal headline over a real text stays an article, teasers under it or not.
    text = ("В Майкопе открылся новый центр для мам с детьми, оказавшихся без жилья. В нём шесть "
            "комнат, игровая и кабинет психолога. ") * 6
    news = ORG_PAGE.format(name="Новый центр для мам с детьми", about=text).encode()
    assert non_article_reason("http://h/novosti/novyy-centr/", "http://h/", news) is None


LONG_READ = """<html><head><title>{title}</title></head><body><div class="menu">
<a href="/">Спецпроект</a> <a href="/istorii/">Истории</a></div><div class="page"
style="position:relative;height:3000px">
<div class="mag-widget widget-text" style="left:232px;top:820px;position:absolute"><p>{p1}</p></div>
<div class="mag-widget widget-text" style="left:120px;top:60px;position:absolute"><p>ИСТОРИИ ·
№ 3 · 16 октября 2025</p></div>
<div class="mag-widget widget-text" style="left:232px;top:1400px;position:absolute"><p>{p2}</p></div>
<div class="mag-widget widget-text" style="left:120px;top:110px;position:absolute"><p
class="title">{title}</p></div>
</div></body></html>"""


def test_a_long_read_of_placed_blocks_is_read_top_to_bottom_with_its_kicker_date():
    from pipeline.extract.cascade import extract

    p1 = ("В селе Аскиз живёт семья Тохтобиных: восемь детей, корова и огород. Старшие помогают "
          "младшим с уроками, а интернет в доме бывает только по расписанию.")
    p2 = ("Социальный работник приезжает к семье раз в месяц. В этом году семья получила "
          "сертификат на уголь и помощь с ремонтом крыши от районного центра.")
    title = "Восемь детей и корова: как живут многодетные семьи в сёлах Хакасии"
    page = LONG_READ.format(title=title, p1=p1, p2=p2).encode()
    got = extract(page, "http://h/istorii/3/", crawl_time=NOW)
    assert got.published == datetime.date(2025, 10, 16)
    assert got.text.index("В селе Аскиз") < got.text.index("Социальный работник")


def test_a_documents_number_beside_its_date_is_still_no_date_line():
    from pipeline.extract.dateline import dateline_date

    assert dateline_date("Приказ № 512 от 03.10.2025", NOW) is None
    assert dateline_date("03.10.2025 № 512-п", NOW) is None
    assert dateline_date("Вестник № 42 · 13.11.2025", NOW) == datetime.date(2025, 11, 13)


RDFA_NODE = """<html><body><div about="/novosti/x" typeof="sioc:Item foaf:Document">
<h1>Педагоги обсудили работу с приёмными семьями</h1><div class="submitted"><span property="dc:date dc:created" content="2025-11-06T09:30:00+11:00">Опубликовано 06.11.2025 - 09:30</span> - Администратор сети</div><p>{text}</p></div>
<div typeof="sioc:Post sioct:Comment"><span property="dc:date dc:created"
content="2025-11-20T10:00:00+11:00">20.11.2025</span><p>Спасибо!</p></div></body></html>"""


def test_an_rdfa_date_of_the_node_around_the_headline_is_its_publication():
    from pipeline.extract.dates import find_published

    text = "На семинаре педагоги детских садов обсудили, как поддержать приёмные семьи. " * 3
    date, _method = find_published(RDFA_NODE.format(text=text), url="http://h/novosti/x", now=NOW)
    assert date == datetime.date(2025, 11, 6)


def test_dates_in_addresses_of_other_pages_and_of_stylesheets_are_not_the_pages():
    from pipeline.extract.dates import find_published

    page = ("<html><head><link rel='stylesheet' href='/theme/main~2025-10-02-11-40-12-000~"
            "cache.css'></head><body><h1>Опека и попечительство</h1><p>"
            + "Органы опеки принимают документы кандидатов в опекуны по будним дням. " * 4
            + "</p><aside><a href='/novosti/2025/11/07/a.html'>7</a> <a href="
            "'/novosti/2025/11/18/b.html'>18</a></aside></body></html>")
    date, method = find_published(page, url="http://h/deyatelnost/opeka.html", now=NOW)
    assert date is None, (date, method)


def regions_of(text: str, title: str, home: str) -> list[str]:
    return sorted(r.iso for r in tag(text, title=title, home_region_iso=home).regions)


def test_a_gapped_clause_after_a_comma_and_a_conjunction_is_its_members_own():
    title = "Специалисты четырёх регионов обменялись опытом сопровождения приёмных семей"
    text = (
        "В Калуге прошёл межрегиональный семинар для специалистов служб сопровождения.\n\n"
        "Калужские специалисты рассказали о школе приёмных родителей. Брянщина представила "
        "проект гостевого режима. Орловские коллеги поделились практикой работы с подростками, "
        "а курские специалисты — опытом подготовки выпускников к самостоятельной жизни.\n\n"
        "Следующая встреча пройдёт весной."
    )
    assert regions_of(text, title, "RU-KLU") == ["RU-BRY", "RU-KLU", "RU-KRS", "RU-ORL"]


def test_regions_that_partners_only_hope_will_join_take_no_part():
    title = "Три республики создадут общую сеть семейных центров"
    text = (
        "Фонды Тывы, Хакасии и Бурятии подписали соглашение о сети семейных центров. В Тыве "
        "центр откроется в Кызыле, в Хакасии — в Абакане, в Бурятии — в Улан-Удэ.\n\n"
        "Партнёры надеются, что позже к сети присоединятся организации Иркутской области и "
        "Забайкальского края."
    )
    assert regions_of(text, title, "RU-TY") == ["RU-BU", "RU-KK", "RU-TY"]


def test_an_expert_named_before_the_place_she_came_from_is_a_guest():
    title = "Ярославский психолог приезжала к нам в центр «Семья»"
    text = (
        "В субботу в костромском центре «Семья» прошла встреча приёмных родителей с психологом "
        "Мариной Соколовой из Ярославля. Она рассказала, как помочь подростку привыкнуть к "
        "новой семье.\n\nНа встречу пришли родители из Костромы, Нерехты и Буя."
    )
    assert regions_of(text, title, "RU-KOS") == ["RU-KOS"]


def test_where_a_reprinted_text_first_appeared_is_its_credit():
    title = "Единое пособие: что делать, если отказали"
    text = (
        "Пособие назначают семьям, у которых доход ниже прожиточного минимума. Доход считают "
        "за 12 месяцев. Отказ можно обжаловать в Социальном фонде или подать заявление заново.\n\n"
        "Материал впервые опубликован в блоге центра «Берег» (Чебоксары, Чувашская Республика). "
        "Перепечатано с разрешения автора."
    )
    assert regions_of(text, title, "RU-TY") == []


def test_a_press_releases_closing_block_about_its_issuer_is_no_place_of_the_story():
    title = "Фонд подвёл итоги девяти месяцев"
    text = (
        "Фонд поддержки детей подвёл итоги работы за девять месяцев: программы, поддержанные "
        "им в субъектах Российской Федерации, охватили более 120 тысяч семей с детьми.\n\n"
        "Контакты для СМИ: пресс-служба фонда, press@fond.example.ru\n\n"
        "Об организации: государственная некоммерческая организация, созданная в 2008 году. "
        "г. Москва."
    )
    assert regions_of(text, title, "RU-AD") == []


NEWSLETTER = """<html><body><table><tr><td><a href="{url}">Просмотреть в браузере</a></td></tr>
<tr><td><h1>Вестник фонда «Опора»</h1><p>Выпуск №12 · 13 ноября 2025</p>
<p>Здравствуйте! В этом выпуске — главное за две недели.</p></td></tr>{items}
<tr><td><p>Copyright © 2025 Фонд «Опора», все права защищены. Вы получили это письмо, потому что
подписались на новости фонда.</p></td></tr></table></body></html>"""
ITEM = """<tr><td><h2>{title}</h2><p>{text}</p><p><a href="https://opora.example/novosti/{slug}/">
Подробнее →</a></p></td></tr>"""


def test_a_newsletter_issue_of_starts_each_with_a_read_more_link_is_no_article():
    items = "".join(ITEM.format(title=t, text=x, slug=f"n{k}") for k, (t, x) in enumerate([
        ("Фонд открыл приём заявок на помощь семьям", "Фонд начал приём заявок на помощь "
         "многодетным семьям района. Заявки принимаются до конца месяца в офисе фонда."),
        ("Семьи прошли курс финансовой грамотности", "В Чадане завершился курс «Семейный "
         "бюджет», который фонд провёл для двадцати семей вместе с банком."),
    ]))
    url = "https://mail.example/campaign/?id=1"
    page = NEWSLETTER.format(url=url, items=items).encode()
    reason = non_article_reason(url, "https://mail.example/", page)
    assert reason is not None and "Подробнее" in reason
    one = NEWSLETTER.format(url=url, items=items.split("</tr>")[0] + "</tr>").encode()
    assert non_article_reason(url, "https://mail.example/", one) is not None


def test_an_articles_text_outweighs_read_more_teasers_under_it():
    text = "".join(f"<p>{s}</p>" for s in [
        "В Кызыле открылся центр для семей, воспитывающих детей с инвалидностью. В нём работают "
        "психолог, логопед и специалист по реабилитации, а семьи могут прийти без направления.",
        "За первый месяц в центр обратились сорок семей из Кызыла и Ак-Довурака. Для детей "
        "проводят занятия, для родителей — консультации и группы поддержки по субботам.",
        "Центр открыт при поддержке республиканского министерства труда и социальной политики, "
        "а оборудование купили на средства гранта, который фонд выиграл весной.",
    ])
    teasers = "".join(
        f"<div class='more'><p>Начало другой новости фонда номер {k}, которое обрывается на "
        f"полуслове и продолжается на своей странице …</p><a href='/novosti/n{k}/'>Читать далее"
        "</a></div>" for k in range(3))
    page = (f"<html><body><h1>В Кызыле открылся центр для семей</h1>{text}<h2>Другие новости</h2>"
            f"{teasers}</body></html>").encode()
    assert non_article_reason("http://h/novosti/centr/", "http://h/", page) is None


def test_a_forums_boards_are_sections_like_their_named_sibling_and_its_offset_pages_pages():
    from spiders.discovery import classify_links

    home = ("<html><body><table><tr><td><a class='subject' href='/index.php?board=3.0'>Новости"
            "</a></td></tr><tr><td><a class='subject' href='/index.php?board=6.0'>Болталка</a>"
            "</td></tr></table></body></html>")
    links = classify_links(home, "http://h/", "http://h/")
    assert set(links.sections) == {"http://h/index.php?board=3.0", "http://h/index.php?board=6.0"}
    board = ("<html><body><div class='pagelinks'>Страницы: <span>1</span> <a class='nav_page' "
             "href='/index.php?board=3.5'>2</a></div></body></html>")
    links = classify_links(board, "http://h/index.php?board=3.0", "http://h/")
    assert "http://h/index.php?board=3.5" in links.listings
    # A topic's own page «2» listed on the board is that topic's page, not the board's.
    topic = board.replace("</div></body>", " <a class='nav_page' href='/index.php?topic=426.15'>2"
                          "</a></div></body>")
    links = classify_links(topic, "http://h/index.php?board=3.0", "http://h/")
    assert "http://h/index.php?topic=426.15" not in links.listings


def test_a_clock_in_the_header_is_the_day_the_page_was_served_not_its_date():
    from pipeline.extract.cascade import extract

    page = ("<html><body><div id='header'><h1 class='forumtitle'><a href='/index.php'>Форум "
            "приёмных семей</a></h1></div><div class='user'><time datetime='2025-11-28T21:00:00"
            "+03:00'>28 Ноября 2025, 21:00</time></div><div class='navigate'><a href='/index.php'>"
            "Форум</a> <a href='/index.php?board=5.0'>Встречи семей</a></div>"
            "<h2>Тема: Пикник приёмных семей</h2><div class='keyinfo'>"
            "<a href='/index.php?topic=408.0#msg2320'>« : 27 Сентября 2025, 20:31:51 »</a></div>"
            "<div class='post'>" + "Спасибо всем, кто пришёл в субботу на пикник приёмных семей! "
            * 4 + "</div></body></html>")
    got = extract(page.encode(), "http://h/index.php?topic=408.0", crawl_time=NOW)
    assert got.published == datetime.date(2025, 9, 27), (got.published, got.date_method)


def test_a_reprint_credited_to_another_blog_keeps_its_we_to_the_author():
    from pipeline.tag.explain import explain_text

    title = "Встреча с кровной мамой: как мы готовились"
    text = ("Её кровная мама два года назад вернулась в Нарьян-Мар и попросила органы опеки о "
            "встрече с дочерью. Мы готовились к ней три месяца вместе с психологом.\n\n"
            "Перепечатано из блога «Записки приёмной мамы» (Нарьян-Мар) с разрешения автора.")
    verdicts, _ = explain_text(text, title=title, home_iso="RU-YEV",
                               source_names=("Вики родительского клуба",))
    assert sorted(r.iso for r in verdicts.regions) == ["RU-NEN"]


def test_a_city_the_text_names_only_as_where_she_went_is_a_venue_in_the_headline_too():
    title = "Рассказала в Москве про наши выездные бригады"
    text = ("Вернулась из Москвы, где три дня шёл всероссийский форум специалистов по "
            "профилактике сиротства. Я рассказывала о наших выездных бригадах в тундре.\n\n"
            "За три года в Заполярном районе ни одного ребёнка из кочевой семьи не забрали в "
            "учреждение.")
    assert regions_of(text, title, "RU-NEN") == ["RU-NEN"]


def test_an_explainer_of_the_federal_benefit_by_a_regional_body_is_about_no_region():
    from pipeline.tag.home_region import with_home_default

    title = "Единое пособие для многодетных: что меняется с 2026 года"
    text = ("С 1 января многодетные семьи не потеряют единое пособие, если доход немного превысит "
            "планку. При назначении пособия Социальный фонд сам проверит доход по новым правилам.")
    assert with_home_default([], text, "RU-CHU", title) == []


def test_a_guest_named_so_in_the_headline_and_a_supervisor_from_a_town_are_guests():
    title = "Семинар для приёмных родителей: что мы узнали от гостьи из Новосибирска"
    text = ("В выходные в Анадыре прошёл семинар для приёмных родителей. Вела его семейный "
            "психолог, которая прилетела к нам по приглашению фонда.\n\nПришли двадцать шесть "
            "человек.")
    assert regions_of(text, title, "RU-CHU") == ["RU-CHU"]
    title = "Тренинг по работе с семьями в кризисе"
    text = ("В Назрани прошёл тренинг для специалистов центра «Семья». Провела его Гульнара "
            "Сафина, клинический психолог и супервизор из Казани.\n\nУчастниками стали "
            "специалисты органов опеки Назрани и Малгобека.")
    assert regions_of(text, title, "RU-IN") == ["RU-IN"]


def test_a_short_article_with_read_more_teasers_or_a_next_post_link_under_it_stays_one():
    short = ("<p>Фонд подвёл итоги квартала: помощь получили 214 семей, из них 60 многодетных. "
             "Больше всего обращений было из Северодвинска и Новодвинска.</p>")
    teasers = "".join(
        f"<div class='item'><p>Поделились опытом кризисной квартиры с коллегами номер {k} на "
        f"семинаре в области</p><p>23.10.2025</p><a href='/novosti/n{k}'>Подробнее</a></div>"
        for k in range(3))
    page = (f"<html><body><h1>Итоги квартала: 214 семей получили помощь</h1>{short}"
            f"<h2>Другие новости</h2>{teasers}</body></html>").encode()
    assert non_article_reason("http://h/novosti/itogi/", "http://h/", page) is None
    nav = ("<div class='nav'><a href='/blog/prev/'>← Назад</a></div><div class='nav'>"
           "<a href='/blog/next/'>Далее →</a></div>")
    page = (f"<html><body><h1>Итоги квартала: 214 семей получили помощь</h1>{short}{nav}"
            "</body></html>").encode()
    assert non_article_reason("http://h/blog/itogi/", "http://h/", page) is None


def test_page_two_of_a_thread_by_its_own_pager_is_no_article_of_its_own():
    replies = "".join(f"<div class='post'><p>Ответ номер {k}: спасибо за новость, у нас в районе "
                      "компенсацию за детский сад тоже ждут многие семьи.</p></div>"
                      for k in range(4))
    pager = ("<div class='pagelinks'>Страницы: <a class='nav_page' href='/index.php?topic=426.0'>1"
             "</a> <span class='current_page'>2</span></div>")
    page = (f"<html><body><h2>Тема: Компенсацию за детский сад увеличат</h2>{pager}{replies}"
            "</body></html>").encode()
    reason = non_article_reason("http://h/index.php?topic=426.15", "http://h/", page)
    assert reason is not None and reason.startswith("continuation page 2")
    first = page.replace(pager.encode(), (
        "<div class='pagelinks'>Страницы: <span class='current_page'>1</span> "
        "<a href='/index.php?topic=426.15'>2</a></div>").encode())
    assert non_article_reason("http://h/index.php?topic=426.0", "http://h/", first) is None
