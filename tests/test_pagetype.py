from __future__ import annotations

import pytest

from pipeline.extract.pagetype import LEGAL_ACT_RE, non_article_reason

SOURCE = "http://127.0.0.1:8001/"
ARTICLE = b"<html><head><meta property='og:type' content='article'></head><body>x</body></html>"
WEBSITE = b"<html><head><meta property=\"og:type\" content=\"website\"></head><body>x</body></html>"


@pytest.mark.parametrize(
    ("url", "body", "reason"),
    [
        ("http://127.0.0.1:8001/", ARTICLE, "home page"),
        ("http://127.0.0.1:8001/index.php", ARTICLE, "home page"),
        ("http://127.0.0.1:8001/?p=3289", ARTICLE, None),
        ("http://127.0.0.1:8001/index.php?newsid=1234", ARTICLE, None),
        ("http://127.0.0.1:8001/index.php?option=com_content&view=article&id=7", ARTICLE, None),
        ("http://127.0.0.1:8001/kontakty/", ARTICLE, "service page /kontakty/"),
        ("http://127.0.0.1:8001/about.html", ARTICLE, "service page /about/"),
        ("http://127.0.0.1:8001/o-nas/", b"", "service page /o-nas/"),
        ("http://127.0.0.1:8001/news/society/120731/", ARTICLE, None),
        ("http://127.0.0.1:8001/news/2025/10/kurator-semi.html", b"<html><p>text</p></html>", None),
        ("http://127.0.0.1:8001/rubric/family/", WEBSITE, "og:type website"),
        ("http://127.0.0.1:8001/news/1/", WEBSITE + b'{"@type": "NewsArticle"}', None),
    ],
)
def test_non_article_pages_are_recognised(url, body, reason):
    assert non_article_reason(url, SOURCE, body) == reason


def test_about_pages_and_profiles_by_what_they_are():
    """«/o-fonde/» reads «about the foundation» on any site; a page headed by a person's full
    name is their profile even with a short biography under it."""
    assert non_article_reason("http://127.0.0.1:8001/o-fonde", SOURCE, ARTICLE) == "service page /o-fonde/"
    profile = (
        "<html><body><h1>Баранов Олег Игоревич</h1><p>Заместитель главы города по социальным "
        "вопросам. Родился в 1975 году в Новокузнецке. Окончил Кемеровский государственный "
        "университет. Работал в управлении социальной защиты населения.</p></body></html>"
    ).encode()
    assert non_article_reason("http://127.0.0.1:8001/rukovodstvo/baranov/", SOURCE, profile) == (
        "profile of a person (the headline is a full name)"
    )


def _announcement(section: str, section_href: str) -> bytes:
    text = (
        "<p>27 ноября в 15:00 в конференц-зале пройдёт семинар для приёмных родителей и опекунов."
        " Психологи областного центра расскажут о кризисах подросткового возраста.</p>"
        "<p>Регистрация по телефону до 25 ноября.</p>"
    )
    return (
        f"<html><body><nav><a href='/'>Главная</a> <a href='/press-center/'>Пресс-центр</a>"
        f"<a href='{section_href}'>{section}</a></nav>"
        f"<h1>Семинар для приёмных родителей</h1><div class='news-date-time'>06.11.2025</div>"
        f"{text}</body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("section", "section_href", "reason"),
    [
        # The breadcrumbs' or the menu's link to the page's parent names the section.
        ("Анонсы мероприятий", "/press-center/announcements/",
         "event page in the section «Анонсы мероприятий»"),
        ("Афиша", "/press-center/announcements/index.php", "event page in the section «Афиша»"),
        # The same page in the news section is a material; a link that is no parent names nothing.
        ("Новости", "/press-center/announcements/", None),
        ("Анонсы мероприятий", "/afisha/", None),
        # A decree or a notice has a text and a date like news; its section says what it is.
        ("Документы", "/press-center/announcements/", "document in the section «Документы»"),
        ("Объявления", "/press-center/announcements/", "notice in the section «Объявления»"),
    ],
)
def test_entries_of_an_events_documents_or_notices_section_are_no_materials(
    section, section_href, reason
):
    url = "http://127.0.0.1:8001/press-center/announcements/detail.php?ELEMENT_ID=2785"
    assert non_article_reason(url, SOURCE, _announcement(section, section_href)) == reason


@pytest.mark.parametrize(
    ("headline", "is_act"),
    [
        ("Постановление Правительства Белгородской области от 21.10.2025 № 498", True),
        ("Постановление правительства области № 12-п", True),
        ("Постановление правительства о выплатах многодетным вступило в силу", False),
        ("Закон о защите детей от 5 лет", False),
        ("Решение суда от 12 октября обжаловано", False),
    ],
)
def test_a_legal_act_is_named_with_its_issuer_and_number(headline, is_act):
    assert bool(LEGAL_ACT_RE.match(headline)) is is_act


def test_an_unlinked_crumb_before_the_headline_names_the_section():
    """«<a>Главная</a> / <span>Анонсы</span> / <span>headline</span>»: the trail names the
    section even when its crumb is no link; a menu whose last item is the headline is no trail."""
    def page(trail: str) -> bytes:
        return (f"<html><body>{trail}<h1>Праздничная программа ко Дню матери</h1>"
                "<p>30 ноября в 13:00 в районном Доме культуры состоится праздничная программа ко "
                "Дню матери. В программе концерт творческих коллективов округа и выставка.</p>"
                "</body></html>").encode()

    url = "http://127.0.0.1:8001/marpos/events/den-materi-2025"
    trail = ("<div class='breadcrumbs'><a href='/marpos/'>Главная</a> / <span>Анонсы</span> / "
             "<span>Праздничная программа ко Дню матери</span></div>")
    assert non_article_reason(url, SOURCE, page(trail)) == "event page in the section «Анонсы»"
    menu = ("<ul><li><a href='/marpos/'>Главная</a></li><li>Анонсы</li>"
            "<li>Праздничная программа ко Дню матери</li></ul>")
    assert non_article_reason(url, SOURCE, page(menu)) is None


def test_a_translation_of_a_russian_page_is_not_a_material_of_its_own():
    """A bilingual outlet's Bashkir page names its Russian version: the Russian page stands for
    the material. A Bashkir page with no Russian version, or the Russian page itself, is judged
    as any page."""
    text = ("<h1>Стәрлетамаҡта бүлек асылды</h1><p>Стәрлетамаҡта ауыр хәлгә тарыған балалы "
            "әсәләр өсөн бүлек асылды. Бүлектә ун ике урын бар, унда психолог эшләй.</p>")
    alternates = ("<link rel='alternate' hreflang='ru' href='/ru/news/4817'>"
                  "<link rel='alternate' hreflang='ba' href='/ba/news/4817'>")
    url = "http://127.0.0.1:8001/ba/news/4817"
    translated = f"<html lang='ba'><head>{alternates}</head><body>{text}</body></html>".encode()
    assert non_article_reason(url, SOURCE, translated) == (
        "translation (lang=ba) of a page the site publishes in Russian")
    alone = f"<html lang='ba'><head></head><body>{text}</body></html>".encode()
    assert non_article_reason(url, SOURCE, alone) is None
    russian = f"<html lang='ru'><head>{alternates}</head><body>{text}</body></html>".encode()
    assert non_article_reason(url.replace("/ba/", "/ru/"), SOURCE, russian) is None
