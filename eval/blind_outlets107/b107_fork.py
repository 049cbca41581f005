"""ingush — «Фонд «Дезал»», a charitable foundation in Назрань, on Fork CMS 5 (multilanguage, the
Fork theme): the blog module at ``/ru/blog`` with posts ``/ru/blog/detail/<slug>``, categories
``/ru/blog/category/<slug>``, archives ``/ru/blog/archive/<yyyy>[/<mm>]`` (a table with the short
date), ``?page=N`` pagers whose links are rel="nofollow", comments with Spoon's «N дней назад»,
RSS ``/ru/blog/rss`` and per-post comment feeds; the tags module ``/ru/tags/detail/<tag>``, the FAQ
module, the search page and widget, profiles (volunteers' log-in), the newsletter form, ordinary
pages, a sitemap page and three English pages. ``/`` answers 301 to ``/ru``.

Dates are Fork's: ``datetime="2025-09-03T10:30:00"`` in local time without an offset, shown through
SpoonDate in Russian with nominative month names («Среда 3 Сентябрь 2025», «Автор … на …»), the
archive's short «3.9.2025», and comments' ``datetime`` with the offset and a relative age.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from b107_common import (
    MSK,
    SPOON_MONTHS,
    e,
    first_paragraph,
    instant,
    local_dt,
    markdown,
    plain,
    spoon_ago,  # fmt: skip
    spoon_long,
    spoon_short,
)

IN = "ingush"
SITE = "Фонд «Дезал»"
HOME = "/ru"

CATS = {
    "novosti-fonda": "Новости фонда",
    "programmy": "Программы",
    "v-respublike": "В республике",
    "partnery": "Партнёры",
    "zakony-i-vyplaty": "Законы и выплаты",
    "anonsy": "Анонсы",
    "otchety": "Отчёты и документы",
}  # fmt: skip
TAGS = {
    "krizisnaya-pomoshch": "кризисная помощь", "mamy": "мамы", "vyezdnaya-brigada": "выездная бригада",
    "mnogodetnye": "многодетные", "shpr": "ШПР", "opeka": "опека", "partnery": "партнёры",
    "volontery": "волонтёры", "nastavnichestvo": "наставничество", "zhile": "жильё",
    "vyplaty": "выплаты", "zakony": "законы", "forum": "форум", "sport": "спорт", "granty": "гранты",
    "statistika": "статистика", "vebinar": "вебинар", "vakansii": "вакансии", "rozygrysh": "розыгрыш",
    "otchety": "отчёты", "sbor": "сбор",
}  # fmt: skip
PER_PAGE = 10

# Blog posts that are not articles: a notice, an appeal (a list of needs), a photo report, a job
# advertisement, office hours, the webinar's announcement, a give-away and a monthly money report.
EXTRA: list[dict[str, Any]] = [
    {"key": "rekvizity", "date": dt.date(2025, 3, 3), "time": "11:00", "cat": "otchety", "tags": [],
     "by": "Редакция сайта", "kind": "announcement", "comments": [], "allow_comments": False,
     "slug": "obnovleny-rekvizity-dlya-pozhertvovaniy", "title": "Обновлены реквизиты для пожертвований",
     "text": "С 1 марта у фонда новый расчётный счёт. Старые реквизиты действуют до 31 марта, после этого переводы на них будут возвращаться отправителю.\n\n"
             "Новые реквизиты опубликованы на странице «Как помочь». Если вы оформили ежемесячное пожертвование через банк, пожалуйста, обновите платёжное поручение."},
    {"key": "letniy-sbor", "date": dt.date(2025, 7, 20), "time": "17:30", "cat": "novosti-fonda", "tags": ["sbor", "krizisnaya-pomoshch"],
     "by": "Мадина Оздоева", "kind": "appeal", "allow_comments": True,
     "comments": [{"after": 3, "by": "Луиза", "text": "Есть манеж и две упаковки подгузников, привезу в субботу."},
                  {"after": 50, "by": "Фонд «Дезал»", "text": "Луиза, спасибо! Ждём."}],
     "slug": "letniy-sbor-dlya-krizisnoy-kvartiry-spisok-veshchey", "title": "Летний сбор для кризисной квартиры: список вещей",
     "text": "Собираем вещи для кризисной квартиры, которую фонд откроет осенью. Нужно:\n\n"
             "- детские кроватки и манеж;\n- постельное бельё и полотенца;\n- стиральная машина;\n- посуда и электрочайник;\n- подгузники размеров 3–5.\n\n"
             "Привозите в офис на проспекте Базоркина в будни с 10 до 18. Крупные вещи заберём сами — позвоните на горячую линию."},
    {"key": "foto-den-otkrytyh-dverey", "date": dt.date(2025, 9, 26), "time": "18:00", "cat": "novosti-fonda", "tags": ["volontery"],
     "by": "Мадина Оздоева", "kind": "gallery", "allow_comments": True, "intro": False, "comments": [],
     "gallery": ["Гости знакомятся с командой фонда", "Мастер-класс для детей", "Волонтёры готовят чай", "Общее фото у офиса"],
     "slug": "fotootchet-den-otkrytyh-dverey-v-fonde", "title": "Фотоотчёт: день открытых дверей в фонде",
     "text": "Спасибо всем, кто пришёл к нам в гости! Несколько кадров с дня открытых дверей."},
    {"key": "vakansiya", "date": dt.date(2025, 10, 10), "time": "09:30", "cat": "novosti-fonda", "tags": ["vakansii", "vyezdnaya-brigada"],
     "by": "Редакция сайта", "kind": "vacancy", "allow_comments": False, "comments": [],
     "slug": "vakansiya-specialist-po-socialnoy-rabote-v-vyezdnuyu-brigadu", "title": "Вакансия: специалист по социальной работе в выездную бригаду",
     "text": "Фонд ищет специалиста по социальной работе в выездную бригаду.\n\n"
             "**Обязанности:** выезды в сёла (два–три раза в месяц), консультации семей, помощь с документами, ведение учёта.\n\n"
             "**Требования:** профильное образование, опыт работы с семьями от года, водительские права категории B.\n\n"
             "**Условия:** официальное оформление, оплата командировок. Резюме присылайте на почту фонда до 31 октября."},
    {"key": "prazdniki", "date": dt.date(2025, 10, 31), "time": "15:00", "cat": "anonsy", "tags": [],
     "by": "Редакция сайта", "kind": "announcement", "allow_comments": False, "comments": [],
     "slug": "rezhim-raboty-ofisa-v-prazdnichnye-dni", "title": "Режим работы офиса в праздничные дни",
     "text": "3 и 4 ноября офис фонда не работает. Горячая линия принимает звонки в обычном режиме, кризисная квартира работает круглосуточно.\n\n"
             "С 5 ноября ждём вас по обычному графику: понедельник — пятница, с 10 до 18."},
    {"key": "anons-vebinar", "date": dt.date(2025, 11, 7), "time": "12:00", "cat": "anonsy", "tags": ["vebinar", "opeka"],
     "by": "Мадина Оздоева", "kind": "announcement", "allow_comments": True,
     "comments": [{"after": 5, "by": "Амина", "text": "Зарегистрировалась, жду!"},
                  {"after": 26, "by": "Хава", "text": "Запись будет? В пятницу работаю."},
                  {"after": 27, "by": "Фонд «Дезал»", "text": "Хава, да, запись пришлём всем, кто зарегистрировался."}],
     "slug": "anons-vebinar-podrostok-v-seme-granicy-i-doverie", "title": "Анонс: вебинар «Подросток в семье: границы и доверие» 21 ноября",
     "text": "21 ноября в 18:00 фонд проведёт бесплатный онлайн-вебинар для приёмных родителей и опекунов «Подросток в семье: границы и доверие». Ведущая — психолог фонда Лейла Цечоева.\n\n"
             "Поговорим о телефонах и соцсетях, о школе и о том, как сохранить доверие, когда подросток отдаляется.\n\n"
             "Регистрация — по ссылке в нашем телеграм-канале или по телефону горячей линии. Ссылку на трансляцию пришлём накануне."},
    {"key": "rozygrysh", "date": dt.date(2025, 11, 17), "time": "10:00", "cat": "anonsy", "tags": ["rozygrysh", "mnogodetnye"],
     "by": "Мадина Оздоева", "kind": "giveaway", "allow_comments": True,
     "comments": [{"after": 1, "by": "Марьям", "text": "Участвую! Нас семеро :)"},
                  {"after": 2, "by": "Магомед", "text": "Участвую, спасибо фонду."},
                  {"after": 30, "by": "Зейнаб", "text": "Участвуем, у нас четверо детей."}],
     "slug": "rozygrysh-bilety-v-cirk-dlya-mnogodetnyh-semey", "title": "Розыгрыш: билеты в цирк для многодетных семей",
     "text": "Партнёры фонда передали нам 20 билетов на новогоднее представление цирка. Разыгрываем их среди многодетных семей!\n\n"
             "Чтобы участвовать, напишите в комментариях, сколько у вас детей, и подпишитесь на наш телеграм-канал. Итоги — 1 декабря."},
    {"key": "otchet-oktyabr", "date": dt.date(2025, 11, 26), "time": "16:40", "cat": "otchety", "tags": ["otchety"],
     "by": "Редакция сайта", "kind": "report", "allow_comments": False, "comments": [],
     "slug": "otchet-o-postupleniyah-i-rashodah-za-oktyabr-2025", "title": "Отчёт о поступлениях и расходах за октябрь 2025",
     "text": "Публикуем отчёт о поступлениях и расходах фонда за октябрь 2025 года.\n\n"
             "- поступило пожертвований: 1 284 600 рублей;\n- выездная бригада: 212 400 рублей;\n- кризисная квартира: 148 900 рублей;\n"
             "- проект «Тёплый очаг»: 406 000 рублей;\n- административные расходы: 96 300 рублей.\n\nСпасибо всем, кто нас поддерживает!"},
]  # fmt: skip
for _x in EXTRA:
    _x["outlet"] = IN

NAV = [("/ru", "Главная"), ("/ru/o-fonde", "О фонде"), ("/ru/programmy", "Программы"), ("/ru/blog", "Новости"),
       ("/ru/faq", "Вопросы и ответы"), ("/ru/kak-pomoch", "Как помочь"), ("/ru/kontakty", "Контакты")]  # fmt: skip
FOOTER = [("/ru/sitemap", "Карта сайта"), ("/ru/politika-konfidencialnosti", "Политика конфиденциальности"),
          ("/ru/search", "Поиск"), ("/ru/profiles/login", "Вход для волонтёров")]  # fmt: skip

# Fork pages (the pages module): url, title, parent url, body (HTML), kind.
PAGES: list[tuple[str, str, str, str, str]] = [
    ("/ru/o-fonde", "О фонде", "/ru",
     "<p>Благотворительный фонд «Дезал» работает с 2017 года. Мы помогаем семьям с детьми, которые оказались в трудной ситуации: многодетным, неполным, семьям опекунов и приёмным семьям.</p>"
     "<p>Наши программы — выездная бригада специалистов, кризисная квартира для мам с детьми, наставничество для выпускников детских учреждений и школа приёмных родителей.</p>"
     '<ul><li><a href="/ru/o-fonde/komanda">Команда фонда</a></li><li><a href="/ru/o-fonde/dokumenty">Документы</a></li></ul>', "page"),
    ("/ru/o-fonde/komanda", "Команда", "/ru/o-fonde",
     "<ul><li><strong>Ахмед Котиев</strong> — директор фонда</li><li><strong>Лейла Цечоева</strong> — психолог, координатор программы наставничества</li>"
     "<li><strong>Зарема Хамхоева</strong> — юрист</li><li><strong>Мадина Оздоева</strong> — специалист по связям с общественностью</li></ul>", "page"),
    ("/ru/o-fonde/dokumenty", "Документы", "/ru/o-fonde",
     "<p>Устав фонда, свидетельство о регистрации и годовые отчёты для Министерства юстиции предоставляем по запросу. Напишите нам через форму на странице <a href=\"/ru/kontakty\">«Контакты»</a>.</p>", "page"),
    ("/ru/programmy", "Программы", "/ru",
     '<p>Фонд ведёт три постоянные программы:</p><ul><li><a href="/ru/programmy/vyezdnaya-brigada">Выездная бригада</a></li>'
     '<li><a href="/ru/programmy/krizisnaya-kvartira">Кризисная квартира</a></li><li><a href="/ru/programmy/nastavnichestvo">Наставничество</a></li></ul>', "page"),
    ("/ru/programmy/vyezdnaya-brigada", "Выездная бригада", "/ru/programmy",
     "<p>Психолог, юрист и специалист по социальной работе выезжают в сёла, где нет своих специалистов. Консультации бесплатные. График выездов публикуем в новостях.</p>", "page"),
    ("/ru/programmy/krizisnaya-kvartira", "Кризисная квартира", "/ru/programmy",
     "<p>Временное жильё для мам с детьми, которые остались без крыши над головой. Срок проживания — до трёх месяцев. Обратиться можно по телефону горячей линии, анонимно.</p>", "page"),
    ("/ru/programmy/nastavnichestvo", "Наставничество", "/ru/programmy",
     "<p>Взрослые волонтёры сопровождают выпускников детских учреждений и приёмных семей от 16 до 23 лет. Наставники проходят обучение в фонде.</p>", "page"),
    ("/ru/kak-pomoch", "Как помочь", "/ru",
     "<p>Помочь фонду можно деньгами, вещами или временем.</p><p><strong>Реквизиты:</strong> БФ «Дезал», ИНН 0600000000, р/с 40703810000000000000, БИК 040000000. Назначение платежа: «Благотворительное пожертвование».</p>"
     "<p>Вещи принимаем в офисе по будням с 10 до 18. Стать волонтёром или наставником — напишите нам.</p>", "page"),
    ("/ru/kontakty", "Контакты", "/ru",
     "<p>Назрань, проспект Базоркина, офис фонда (второй этаж). Горячая линия: 8 (8732) 00-00-00, ежедневно с 9 до 21.</p>"
     '<div class="widget-location"><iframe src="https://yandex.ru/map-widget/v1/?z=16" width="100%" height="320" frameborder="0" title="Карта"></iframe></div>'
     '<section class="module-form-builder"><h3>Напишите нам</h3><form method="post" action="/ru/kontakty#contactForm" id="contactForm"><input type="hidden" name="form" value="form3">'
     '<input type="hidden" name="form_token" value="c3f1a9e07b">'
     '<p><label for="name">Имя<abbr title="Обязательное поле">*</abbr></label><input type="text" id="name" name="name" class="form-control"></p>'
     '<p><label for="email">e-mail<abbr title="Обязательное поле">*</abbr></label><input type="email" id="email" name="email" class="form-control"></p>'
     '<p><label for="message">Сообщение<abbr title="Обязательное поле">*</abbr></label><textarea id="message" name="message" class="form-control"></textarea></p>'
     '<p><input type="submit" value="Отправить" class="btn btn-primary"></p></form></section>', "form"),
    ("/ru/politika-konfidencialnosti", "Политика конфиденциальности", "/ru",
     "<p>Фонд обрабатывает персональные данные, которые вы оставляете в формах сайта, только для ответа на ваше обращение. Мы не передаём их третьим лицам.</p>"
     "<p>Сайт использует файлы cookie и счётчик посещений, чтобы считать посещения.</p>", "page"),
]  # fmt: skip

FAQ_CATS = {"pomoshch-semyam": "Помощь семьям", "volonterstvo-i-pozhertvovaniya": "Волонтёрство и пожертвования"}
FAQ: list[dict[str, Any]] = [
    {"slug": "kto-mozhet-poluchit-pomoshch-fonda", "cat": "pomoshch-semyam", "tags": ["krizisnaya-pomoshch"],
     "q": "Кто может получить помощь фонда?",
     "a": "Семьи с детьми, которые оказались в трудной ситуации: многодетные, неполные, семьи опекунов, приёмные семьи, мамы с детьми без жилья. Позвоните на горячую линию или приходите в офис — мы разберёмся вместе."},
    {"slug": "pomogaete-li-vy-semyam-iz-drugih-regionov", "cat": "pomoshch-semyam", "tags": [],
     "q": "Помогаете ли вы семьям из других регионов?",
     "a": "Выездная бригада и кризисная квартира работают только в республике. Консультации психолога и юриста по телефону и видеосвязи проводим для всех, кто обратился."},
    {"slug": "kak-popast-v-krizisnuyu-kvartiru", "cat": "pomoshch-semyam", "tags": ["krizisnaya-pomoshch", "mamy"],
     "q": "Как попасть в кризисную квартиру?",
     "a": "Позвоните на горячую линию. Специалист фонда поговорит с вами, и, если место есть, вас заселят в тот же день. Документы можно восстановить позже."},
    {"slug": "kak-stat-nastavnikom", "cat": "volonterstvo-i-pozhertvovaniya", "tags": ["nastavnichestvo", "volontery"],
     "q": "Как стать наставником?",
     "a": "Напишите нам. Наставником может стать человек старше 25 лет без судимости. Обучение в фонде длится два месяца, занятия по вечерам."},
    {"slug": "mozhno-li-peredat-veshchi", "cat": "volonterstvo-i-pozhertvovaniya", "tags": ["sbor"],
     "q": "Можно ли передать вещи, а не деньги?",
     "a": "Да. Актуальный список нужных вещей публикуем в новостях. Принимаем чистые вещи в хорошем состоянии по будням с 10 до 18."},
]  # fmt: skip

EN_PAGES = [
    ("/en", "Home", "<p>Dezal is a charitable foundation in Nazran helping families with children: mobile teams, a crisis flat for mothers, mentoring for care leavers.</p>"
                    '<p><a href="/en/about-us">About us</a> · <a href="/en/contact">Contact</a></p>', "home"),
    ("/en/about-us", "About us", "<p>Founded in 2017, the foundation works with large families, guardians, foster families and mothers in crisis. Most of our news is published in Russian.</p>", "page"),
    ("/en/contact", "Contact", "<p>Bazorkin Avenue, Nazran. Hotline: +7 8732 00-00-00. E-mail: info@dezal.example.ru</p>", "page"),
]  # fmt: skip


# --- the posts ----------------------------------------------------------------------------------


class Post:
    """One blog post: an article of the gold or an extra."""

    def __init__(self, src: dict, pid: int, is_article: bool) -> None:
        self.src, self.id, self.is_article = src, pid, is_article
        self.title, self.slug, self.cat, self.by = src["title"], src["slug"], src["cat"], src["by"]
        self.tags = src.get("tags") or []
        self.at = instant(src)
        self.url = f"/ru/blog/detail/{self.slug}"
        self.kind = "article" if is_article else src["kind"]
        self.allow_comments = src.get("allow_comments", True)
        self.comments_all = sorted(
            ({"at": self.at + dt.timedelta(hours=c["after"]), **c} for c in src.get("comments") or []),
            key=lambda c: c["at"],
        )  # fmt: skip

    def comments(self, now: dt.datetime) -> list[dict]:
        return [c for c in self.comments_all if c["at"] <= now]

    def text_html(self) -> str:
        src = self.src
        body = markdown(src["text"])
        if src.get("gallery"):
            body += '\n<div class="media-gallery row">' + "".join(
                f'<figure class="col-sm-6"><a href="/src/Frontend/Files/MediaLibrary/dezal/den-otkrytyh-dverey-{k + 1}.jpg" class="lightbox">'
                f'<img src="/src/Frontend/Files/MediaLibrary/dezal/den-otkrytyh-dverey-{k + 1}-thumb.jpg" alt="{e(c)}" class="img-responsive"></a>'
                f"<figcaption>{e(c)}</figcaption></figure>" for k, c in enumerate(src["gallery"])) + "</div>"  # fmt: skip
        if src.get("credit"):
            body = (f"<p><em>{e(src['credit'])}</em></p>\n{body}\n"
                    f'<p>Источник: <a href="{{{{BASE:kalmyk}}}}{src["credit_link"]}" target="_blank">ассоциация «Бумбин орн»</a></p>')  # fmt: skip
        return body

    def intro_html(self) -> str:
        if self.src.get("intro", True) is False:
            return ""
        return markdown(first_paragraph(self.src["text"]))


def posts_at(arts: list[dict], now: dt.datetime) -> list[Post]:
    """Every post online at ``now``, newest first; ids follow creation over the whole set."""
    everything = sorted([(a, True) for a in arts] + [(x, False) for x in EXTRA], key=lambda p: instant(p[0]))
    out = [Post(src, 31 + 2 * i + (i * 5) % 3, art) for i, (src, art) in enumerate(everything)]
    return sorted((p for p in out if p.at <= now), key=lambda p: p.at, reverse=True)


def comment_ids(posts: list[Post]) -> dict[tuple[int, int], int]:
    every = sorted(((c["at"], p.id, k) for p in posts for k, c in enumerate(p.comments_all)))
    return {(pid, k): 1187 + 4 * i for i, (_, pid, k) in enumerate(every)}


# --- furniture ----------------------------------------------------------------------------------


ACTIVE = ' class="active"'


def commenter(c: dict, rel: str) -> str:
    name = e(c["by"])
    return f'<a href="{e(c["site"])}" rel="{rel}">{name}</a>' if c.get("site") else name


def count_link(p: Post, now: dt.datetime) -> str:
    n = len(p.comments(now))
    return f'<a href="{p.url}#комментарии">{comments_label(n)}</a>' if n else ""


def comments_label(n: int) -> str:
    return "1 комментарий" if n == 1 else f"{n} комментариев"  # Fork's Russian «%1$s комментариев»


def nav_html(current: str, lang: str = "ru") -> str:
    items = NAV if lang == "ru" else [("/en", "Home"), ("/en/about-us", "About us"), ("/en/contact", "Contact")]
    lis = "".join(
        f'<li{ACTIVE if current == u or (u != "/ru" and current.startswith(u + "/")) else ""}><a href="{u}" title="{e(t)}">{e(t)}</a></li>'
        for u, t in items)  # fmt: skip
    langs = (f'<ul class="nav navbar-nav"><li{ACTIVE if lang == "ru" else ""}><a href="/ru">RU</a></li>'
             f'<li{ACTIVE if lang == "en" else ""}><a href="/en">EN</a></li></ul>')  # fmt: skip
    brand = "/ru" if lang == "ru" else "/en"
    return f"""<nav class="navbar navbar-default navbar-static-top">
        <div class="container">
          <div class="navbar-header">
            <button type="button" class="navbar-toggle collapsed" data-toggle="collapse" data-target="#navbar-main" aria-expanded="false" aria-controls="navbar">
              <span class="sr-only" data-role="label">Открыть навигацию</span><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span>
            </button>
            <a class="navbar-brand" href="{brand}">{SITE if lang == "ru" else "Dezal Foundation"}</a>
          </div>
          <div id="navbar-main" class="navbar-collapse collapse">
            <ul class="nav navbar-nav">{lis}</ul>
            <div class="navbar-right">{langs}</div>
          </div>
        </div>
      </nav>"""


def breadcrumb_html(crumbs: list[tuple[str, str]]) -> str:
    lis = []
    for i, (title, url) in enumerate(crumbs, 1):
        last = i == len(crumbs)
        inner = (f'<span itemprop="name">{e(title)}</span>' if last or not url else
                 f'<a href="{{{{BASE}}}}{url}" title="{e(title)}" itemtype="http://schema.org/Thing" itemprop="item"><span itemprop="name">{e(title)}</span></a>')  # fmt: skip
        lis.append(f'<li class="breadcrumb-item{" active" if last else ""}" itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem">{inner}<meta itemprop="position" content="{i}" /></li>')
    return ('<div class="row"><div class="col-lg-offset-2 col-lg-8"><span class="sr-only">Вы здесь</span>'
            '<ul class="breadcrumb" itemscope itemtype="https://schema.org/BreadcrumbList" role="navigation">' + "".join(lis) + "</ul></div></div>")  # fmt: skip


def sidebar_html(posts: list[Post], now: dt.datetime, cids: dict) -> str:
    cats = "".join(
        f'<li><a href="/ru/blog/category/{slug}">{e(name)} <span class="badge">{sum(p.cat == slug for p in posts)}</span></a></li>'
        for slug, name in CATS.items() if any(p.cat == slug for p in posts))  # fmt: skip
    years: dict[int, dict[int, int]] = {}
    for p in posts:
        years.setdefault(p.at.year, {}).setdefault(p.at.month, 0)
        years[p.at.year][p.at.month] += 1
    archive = "".join(
        f'<li><a href="/ru/blog/archive/{y}">{y} <span class="badge">{sum(ms.values())}</span></a><ul>'
        + "".join(f'<li><a href="/ru/blog/archive/{y}/{m:02d}">{SPOON_MONTHS[m - 1]} <span class="badge">{n}</span></a></li>'
                  for m, n in sorted(ms.items(), reverse=True)) + "</ul></li>"
        for y, ms in sorted(years.items(), reverse=True))  # fmt: skip
    recent = sorted(((c, p, k) for p in posts for k, c in enumerate(p.comments_all) if c["at"] <= now),
                    key=lambda t: t[0]["at"], reverse=True)[:5]  # fmt: skip
    rc = "".join(
        f'<li>{commenter(c, "nofollow")} Комментарий на '
        f'<a href="{p.url}#comment-{cids[(p.id, k)]}">{e(p.title)}</a> '
        f'<time class="muted" itemprop="commentTime" datetime="{c["at"].strftime("%Y-%m-%dT%H:%M:%S.000+03:00")}">{fork_timeago(c["at"], now)}</time></li>'
        for c, p, k in recent)  # fmt: skip
    used = sorted({t for p in posts for t in p.tags})
    cloud = "".join(f'<li><a href="/ru/tags/detail/{t}" rel="tag">{e(TAGS[t])}</a></li>' for t in used)
    return f"""<aside class="module-search widget-search-form">
  <form method="get" action="/ru/search" id="searchWidget"><input type="hidden" name="form" value="search_widget">
  <label for="qWidget" class="sr-only sr-only-focusable">Ключевые слова<abbr title="Обязательное поле">*</abbr></label>
  <div class="form-group"><div class="input-group"><input type="search" id="qWidget" name="q_widget" class="form-control autoSuggest" autocomplete="off">
  <div class="input-group-btn"><input id="submit" class="btn btn-default" type="submit" name="submit" value="Поиск" /></div></div></div></form>
</aside>
<aside class="module-blog widget-blog-categories"><header class="widget-heading" role="banner"><h3>Категории</h3></header><div class="widget-body"><ul>{cats}</ul></div></aside>
<aside class="module-blog widget-blog-archive"><header class="widget-heading" role="banner"><h3>Архив</h3></header><div class="widget-body"><ul>{archive}</ul></div></aside>
<aside class="module-blog widget-blog-recent-comments"><header role="banner" class="widget-heading"><h3>Последние комментарии</h3></header><div class="widget-body"><ul>{rc}</ul></div></aside>
<aside class="module-tags widget-tags-tag-cloud"><header class="widget-heading"><h3>Тэги</h3></header><div class="widget-body"><ul class="tag-cloud">{cloud}</ul></div></aside>
<aside class="module-mailmotor widget-mailmotor-subscribe"><header class="widget-heading"><h3>Подписка</h3></header>
  <form method="post" action="/ru/rassylka" id="subscribeWidget"><input type="hidden" name="form" value="mailmotor_subscribe"><input type="email" name="email" placeholder="Ваш e-mail" class="form-control"><input type="submit" value="Подписаться" class="btn btn-primary"></form></aside>"""


def fork_timeago(t: dt.datetime, now: dt.datetime) -> str:
    return f'<abbr title="{spoon_long(t)}, {t:%H:%M}">{spoon_ago(t, now)}</abbr>'


def shell(title: str, content: str, now: dt.datetime, url: str, *, h1: str | None = None,
          crumbs: list[tuple[str, str]] | None = None, aside: str = "", head: str = "",
          description: str = "", lang: str = "ru", og_type: str = "website") -> str:
    """One Fork page: the theme's header with the navigation and the page title, breadcrumb,
    content (with the blog's widgets beside it) and footer."""
    site = SITE if lang == "ru" else "Dezal Foundation"
    full = f"{title} - {site}" if title else site
    crumb = breadcrumb_html(crumbs) if crumbs else ""
    header_title = f'<header class="page-header"><h1>{e(h1)}</h1></header>' if h1 else ""
    main = (f'<div class="section-default"><div class="row"><div class="col-md-8">{content}</div><div class="col-md-4 sidebar">{aside}</div></div></div>'
            if aside else f'<div class="section-default"><div class="row"><div class="col-lg-offset-2 col-lg-8">{content}</div></div></div>')  # fmt: skip
    footer = "".join(f'<li><a href="{u}" title="{e(t)}">{e(t)}</a></li>' for u, t in (FOOTER if lang == "ru" else []))
    cookie = ("" if lang != "ru" else
              '<div id="cookie-bar" class="alert alert-warning">Чтобы улучшить работу пользователей на этом сайте, мы используем <a href="/ru/politika-konfidencialnosti">cookies</a>. '
              '<a href="#" id="cookieBarAgree" data-role="cookie-bar-button" data-action="agree" class="btn btn-xs btn-success">Я согласен</a> '
              '<a href="#" id="cookieBarDisagree" data-role="cookie-bar-button" data-action="disagree" class="btn btn-xs btn-danger">Я не согласен</a></div>')  # fmt: skip
    feed = '\n  <link rel="alternate" type="application/rss+xml" title="Новости" href="/ru/blog/rss" />' if lang == "ru" else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="Fork CMS" />
  <meta name="description" content="{e(description or title or site)}" />
  <meta name="keywords" content="фонд, Дезал, помощь семьям, опека, многодетные" />
  <meta property="og:site_name" content="{e(site)}" />
  <meta property="og:title" content="{e(title or site)}" />
  <meta property="og:type" content="{og_type}" />
  <meta property="og:url" content="{{{{BASE}}}}{url}" />
  <meta property="og:image" content="{{{{BASE}}}}/src/Frontend/Themes/Dezal/Core/Layout/images/og-dezal.png" />
  <link rel="canonical" href="{{{{BASE}}}}{url}" />{feed}{head}
  <title>{e(full)}</title>
  <link rel="shortcut icon" href="/favicon.ico" />
  <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
  <meta name="application-name" content="{e(site)}" />
  <meta name="msapplication-TileColor" content="#3380aa" />
  <link rel="stylesheet" href="/src/Frontend/Themes/Dezal/Core/Layout/Css/screen.css?m=1709131522" />
  <link rel="stylesheet" href="/src/Frontend/Modules/Search/Layout/Css/Search.css?m=1709131522" />
  <link href="https://fonts.googleapis.com/css?family=Courgette|Roboto:300,400,500,700,900" rel="stylesheet">
  <script>
    //<![CDATA[
    var jsData = {{"Core":{{"preferred_language":"{lang}","language":"{lang}","theme":"Dezal"}},"Search":{{"useAutosuggest":true,"autoSuggestUrl":"/{lang}/search/autosuggest"}}}};
    //]]>
  </script>
</head>
<body class="{lang}" itemscope itemtype="http://schema.org/WebPage">
<div id="root">
  {cookie}
  <div class="header header-blue">
      {nav_html(url, lang)}
    <div class="header-inner"><div class="container">{header_title}</div></div>
  </div>
  <div class="container">
    {crumb}
    {main}
  </div>
  <div id="root-footer"></div>
</div>
<footer id="footer">
  <div class="container">
    <nav>
      <ul class="nav nav-pills" role="navigation">
        <li><a href="/{lang}">© <span itemprop="copyrightYear">{now.year}</span> {e(site)}</a></li>
        {footer}
        <li><a href="https://vk.com/dezal_fond" rel="nofollow">ВКонтакте</a></li>
        <li><a href="https://t.me/dezal_fond" rel="nofollow">Telegram</a></li>
      </ul>
    </nav>
  </div>
</footer>
<script src="/js/vendors/jquery.min.js"></script>
<script src="/src/Frontend/Core/Js/frontend.js?m=1709131522"></script>
<script src="/js/vendors/bootstrap.min.js"></script>
<script src="/src/Frontend/Modules/Search/Js/Search.js?m=1709131522"></script>
<!-- Yandex.Metrika counter -->
<script type="text/javascript">(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");ym(90000107, "init", {{clickmap:true, trackLinks:true, accurateTrackBounce:true}});</script>
<noscript><div><img src="https://mc.yandex.ru/watch/90000107" style="position:absolute; left:-9999px;" alt="" /></div></noscript>
<!-- /Yandex.Metrika counter -->
</body>
</html>
"""


def pagination(base: str, page: int, pages: int) -> str:
    """Fork's Pagination.html.twig: every link rel="nofollow", page one as «?page=1»."""
    if pages <= 1:
        return ""

    def href(k: int) -> str:
        return f"{base}?page={k}"  # Fork numbers page one too

    prev = (f'<li><a href="{href(page - 1)}" rel="prev nofollow" title="Предыдущая страница">&larr;<span class="sr-only"> Предыдущая страница</span></a></li>'
            if page > 1 else '<li class="disabled"><span>&larr;<span class="sr-only"> Предыдущая страница</span></span></li>')  # fmt: skip
    nxt = (f'<li><a href="{href(page + 1)}" rel="next nofollow" title="Следующая страница"><span class="sr-only">Следующая страница </span>&rarr;</a></li>'
           if page < pages else '<li class="disabled" ><span><span class="sr-only">Следующая страница </span>&rarr;</span></li>')  # fmt: skip
    mid = "".join(f'<li{ACTIVE if k == page else ""}><a href="{href(k)}" rel="nofollow" title="Перейти на страницу{k}">{k}</a></li>'
                  for k in range(1, pages + 1))  # fmt: skip
    return f'<nav role="navigation"><ul class="pagination">{prev}{mid}{nxt}</ul></nav>'


def flip_links(base: str, page: int, pages: int) -> str:
    """The <link rel="prev|next"> Fork's parsePagination adds to the head, absolute."""
    out = ""
    if page > 1:
        out += f'\n  <link rel="prev" href="{{{{BASE}}}}{base}?page={page - 1}" />'
    if page < pages:
        out += f'\n  <link rel="next" href="{{{{BASE}}}}{base}?page={page + 1}" />'
    return out


def meta_rows(p: Post, now: dt.datetime, detail: bool) -> str:
    n = len(p.comments(now))
    when = (f'Автор {e(p.by)} на <time itemprop="datePublished" datetime="{p.at.strftime("%Y-%m-%dT%H:%M:%S")}">'
            f"{spoon_long(p.at)}</time>")  # fmt: skip
    comments = ""
    if p.allow_comments:
        anchor = "комментарии" if n else "комментарий"
        comments = f'<div class="pull-right"><a href="{p.url}#{anchor}" itemprop="discussionUrl">{comments_label(n)}</a></div>'
    tags = ""
    if p.tags:
        tags = ('Тэги: <span itemprop="keywords">' + " ".join(
            f'<a class="label label-primary" href="/ru/tags/detail/{t}" rel="tag" title="{e(TAGS[t])}">{e(TAGS[t])}</a>' for t in p.tags) + "</span>")  # fmt: skip
    return (f'<div class="row"><div class="col-xs-12 col-md-{6 if detail else 8}">{when}</div><div class="col-xs-12 col-md-{6 if detail else 4}">{comments}</div></div>'
            f'<div class="row"><div class="col-xs-12 col-md-6">Категория <a itemprop="genre" href="/ru/blog/category/{p.cat}" title="{e(CATS[p.cat])}">{e(CATS[p.cat])}</a></div>'
            f'<div class="col-xs-12 col-md-6"><div class="pull-right">{tags}</div></div></div>')  # fmt: skip


def item_list(posts: list[Post], now: dt.datetime) -> str:
    """The blog's overview: the introduction, or the whole text when a post has none."""
    out = []
    for p in posts:
        body = p.intro_html() or p.text_html()
        out.append(f'<article class="article" itemscope itemtype="http://schema.org/Blog" role="main">'
                   f'<meta itemprop="interactionCount" content="UserComments:{len(p.comments(now))}"><meta itemprop="author" content="{e(p.by)}">'
                   f'<header class="block-article-heading page-header" role="banner"><h2 itemprop="name"><a href="{p.url}" title="{e(p.title)}">{e(p.title)}</a></h2>'
                   f"{meta_rows(p, now, False)}</header>"
                   f'<div class="block-article-body" itemprop="articleBody"><div class="row"><div class="col-xs-12">{body}</div></div></div></article>')  # fmt: skip
    return '<div class="block-body">' + "\n".join(out) + "</div>" if out else '<div class="alert alert-info">Не найдено записей.</div>'


def archive_table(posts: list[Post], now: dt.datetime) -> str:
    rows = "".join(
        f'<tr><td class="date"><time itemprop="datePublished" datetime="{p.at.strftime("%Y-%m-%dT%H:%M:%S")}">{spoon_short(p.at)}</time></td>'
        f'<td class="title"><a href="{p.url}" title="{e(p.title)}">{e(p.title)}</a></td>'
        f'<td class="comments">{count_link(p, now)}</td></tr>'
        for p in posts)  # fmt: skip
    return (f'<div class="block-body"><table class="table table-hover" width="100%" itemscope itemtype="http://schema.org/Blog"><thead class="hidden"><tr>'
            f'<th class="date">Дата</th><th class="title">Заголовок</th><th class="comments">Комментарии</th></tr></thead><tbody>{rows}</tbody></table></div>')  # fmt: skip


def detail_html(p: Post, posts: list[Post], now: dt.datetime, cids: dict) -> str:
    order = sorted(posts, key=lambda x: x.at)
    i = order.index(p)
    prev = order[i - 1] if i > 0 else None
    nxt = order[i + 1] if i + 1 < len(order) else None
    pager = ""
    if prev:
        pager += (f'<li class="previous"><a href="{prev.url}" rel="prev" title="{e(prev.title)}">&larr; <span class="sr-only">Предыдущая запись: </span>'
                  f'<span class="title">{e(prev.title)}</span></a></li>')  # fmt: skip
    if nxt:
        pager += (f'<li class="next"><a href="{nxt.url}" rel="next" title="{e(nxt.title)}"><span class="sr-only">Следующая запись: </span>'
                  f'<span class="title">{e(nxt.title)}</span> &rarr;</a></li>')  # fmt: skip
    comments = p.comments(now)
    section = ""
    if p.allow_comments:
        items = ""
        for k, c in enumerate(p.comments_all):
            if c["at"] > now:
                continue
            who = f'<span itemprop="creator name">{e(c["by"])}</span>'
            if c.get("site"):
                who = f'<a href="{e(c["site"])}" itemprop="url">{who}</a>'
            items += (f'<div id="comment-{cids[(p.id, k)]}" class="block-blog-article-comments-comment row" itemprop="comment" itemscope itemtype="http://schema.org/UserComments">'
                      f'<div class="col-sm-1 block-blog-article-comments-comment-avatar"><meta itemprop="discusses" content="{e(p.title)}" />'
                      f'<img src="/src/Frontend/Core/Layout/images/default_author_avatar.gif" width="48" height="48" alt="{e(c["by"])}" class="replaceWithGravatar img-circle" /></div>'
                      f'<div class="col-sm-7"><div class="block-blog-article-comments-comment-meta" itemscope itemtype="http://schema.org/Person">{who} Автор: '
                      f'<time itemprop="commentTime" datetime="{c["at"].strftime("%Y-%m-%dT%H:%M:%S.000+03:00")}">{fork_timeago(c["at"], now)}</time></div>'
                      f'<div class="commentText block-blog-article-comments-comment-content" itemprop="commentText">{e(c["text"])}</div></div></div>')  # fmt: skip
        if not items:
            items = '<div class="block-blog-article-comments-alerts"><div class="alert alert-info" role="alert">Будьте первым, оставьте комментарий</div></div>'
        section = (f'<section id="комментарии" class="block-blog-article-comments"><header role="banner" class="block-blog-article-comments-heading"><h3>Комментарии</h3></header>{items}</section>'
                   f'<section id="комментарий" class="block-blog-article-comment-form"><header class="block-blog-article-comment-form-heading" role="banner"><h3>Комментировать</h3></header>'
                   f'<div class="block-blog-article-comment-form-body"><form method="post" action="{p.url}#комментарий" id="commentsForm"><input type="hidden" name="form" value="commentsForm">'
                   '<input type="hidden" name="form_token" value="5d1e0c2f9a"><div class="row"><div class="col-sm-7"><div class="control-group"><label class="control-label" for="message">Сообщение <abbr title="Обязательное поле">*</abbr></label>'
                   '<div class="controls"><textarea id="message" name="message" class="form-control" rows="5"></textarea></div></div></div><div class="col-sm-5 authorInfo">'
                   '<div class="control-group"><label class="control-label" for="author">Имя <abbr title="Обязательное поле">*</abbr></label><div class="controls"><input type="text" id="author" name="author" class="form-control"></div></div>'
                   '<div class="control-group"><label class="control-label" for="email">E-mail <abbr title="Обязательное поле">*</abbr></label><div class="controls"><input type="email" id="email" name="email" class="form-control"></div></div>'
                   '<div class="control-group"><label class="control-label" for="website">Сайт</label><div class="controls"><input type="url" id="website" name="website" class="form-control"></div></div></div></div>'
                   '<div class="form-actions"><input class="btn-primary btn" type="submit" name="comment" value="Комментировать" /></div></form></div></section>')  # fmt: skip
    return (f'<section class="module-blog block-blog-index"><article itemscope itemtype="http://schema.org/Blog" role="main">'
            f'<meta itemprop="interactionCount" content="UserComments:{len(comments)}"><meta itemprop="author" content="{e(p.by)}">'
            f'<header class="block-heading page-header" role="banner"><h1 itemprop="name">{e(p.title)}</h1>{meta_rows(p, now, True)}</header>'
            f'<div class="block-body" itemprop="articleBody">{p.text_html()}</div>'
            f'<div class="share"><a href="https://vk.com/share.php?url={{{{BASE}}}}{p.url}" class="share-vk" rel="nofollow">Поделиться</a> '
            f'<a href="https://t.me/share/url?url={{{{BASE}}}}{p.url}" class="share-tg" rel="nofollow">Telegram</a></div>'
            f'<footer class="block-footer"><nav><ul class="pager" role="navigation">{pager}</ul></nav></footer></article>{section}</section>')  # fmt: skip


def rss(title: str, link: str, items: list[tuple[str, str, dt.datetime, str]]) -> str:
    body = "".join(
        f"<item><title>{e(t)}</title><link>{{{{BASE}}}}{u}</link><guid isPermaLink=\"true\">{{{{BASE}}}}{u}</guid>"
        f"<pubDate>{at.strftime('%a, %d %b %Y %H:%M:%S +0300')}</pubDate><description><![CDATA[{d}]]></description></item>"
        for t, u, at, d in items)  # fmt: skip
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{e(title)}</title><link>{{{{BASE}}}}{link}</link><description>{e(title)}</description><language>ru</language>"
            f"<generator>Fork CMS</generator>{body}</channel></rss>\n")  # fmt: skip


# --- the site -----------------------------------------------------------------------------------


def build(arts: list[dict], s: Any, now: dt.datetime) -> Any:
    s.redirects["/"] = "/ru"  # Fork with several languages sends the root to the default language
    posts = posts_at(arts, now)
    cids = comment_ids(posts)
    aside = sidebar_html(posts, now, cids)
    blog_crumbs = [("Главная", "/ru"), ("Новости", "/ru/blog")]

    # the blog's overview and its pagers
    pages = max(1, -(-len(posts) // PER_PAGE))
    for k in range(1, pages + 1):
        chunk = posts[(k - 1) * PER_PAGE : k * PER_PAGE]
        content = item_list(chunk, now) + pagination("/ru/blog", k, pages)
        html = shell("Новости", content, now, "/ru/blog" if k == 1 else f"/ru/blog?page={k}", h1="Новости", crumbs=blog_crumbs, aside=aside,
                     head=flip_links("/ru/blog", k, pages))  # fmt: skip
        if k == 1:
            s.page("/ru/blog", "ru/blog.html", html, "listing")
            if pages > 1:
                s.query_page("/ru/blog?page=1", html, "paginated")
        else:
            s.query_page(f"/ru/blog?page={k}", html, "paginated")

    for slug, name in CATS.items():
        inside = [p for p in posts if p.cat == slug]
        if not inside:
            continue
        base = f"/ru/blog/category/{slug}"
        n = max(1, -(-len(inside) // PER_PAGE))
        for k in range(1, n + 1):
            content = item_list(inside[(k - 1) * PER_PAGE : k * PER_PAGE], now) + pagination(base, k, n)
            html = shell(f"{name} - Новости", content, now, base, h1=name, crumbs=[*blog_crumbs, (name, base)], aside=aside, head=flip_links(base, k, n))
            if k == 1:
                s.page(base, base.strip("/") + ".html", html, "category")
                if n > 1:
                    s.query_page(f"{base}?page=1", html, "paginated")
            else:
                s.query_page(f"{base}?page={k}", html, "paginated")

    groups: dict[str, list[Post]] = {}
    for p in posts:
        groups.setdefault(f"{p.at.year}", []).append(p)
        groups.setdefault(f"{p.at.year}/{p.at.month:02d}", []).append(p)
    for key, inside in sorted(groups.items()):
        base = f"/ru/blog/archive/{key}"
        label = key if "/" not in key else f"{SPOON_MONTHS[int(key[5:]) - 1]} {key[:4]}"
        n = max(1, -(-len(inside) // PER_PAGE))
        for k in range(1, n + 1):
            content = (f'<section class="module-blog block-blog-archive"><header class="page-header block-heading" role="banner"><h3>{label}</h3></header>'
                       f"{archive_table(inside[(k - 1) * PER_PAGE : k * PER_PAGE], now)}<div class=\"block-footer\">{pagination(base, k, n)}</div></section>")  # fmt: skip
            html = shell("Архив - Новости", content, now, base, h1="Архив", crumbs=[*blog_crumbs, ("Архив", ""), (label, base)], aside=aside, head=flip_links(base, k, n))
            if k == 1:
                s.page(base, base.strip("/") + ".html", html, "archive")
                if n > 1:
                    s.query_page(f"{base}?page=1", html, "paginated")
            else:
                s.query_page(f"{base}?page={k}", html, "paginated")

    for p in posts:
        head = (f'\n  <link rel="alternate" type="application/rss+xml" title="Комментарии к записи «{e(p.title)}»" href="/ru/blog/article-comments-rss?id={p.id}" />'
                if p.allow_comments else "")  # fmt: skip
        html = shell(f"{p.title} - Новости", detail_html(p, posts, now, cids), now, p.url, crumbs=[*blog_crumbs, (CATS[p.cat], f"/ru/blog/category/{p.cat}"), (p.title, "")],
                     aside=aside, head=head, description=p.title, og_type="article")  # fmt: skip
        s.page(p.url, p.url.strip("/") + ".html", html, p.kind, p.src if p.is_article else None)
        if p.allow_comments:
            items = [(f"{c['by']}: {p.title}", f"{p.url}#comment-{cids[(p.id, k)]}", c["at"], e(c["text"]))
                     for k, c in enumerate(p.comments_all) if c["at"] <= now]  # fmt: skip
            s.write(f"ru/blog/article-comments-rss/index@id={p.id}.xml", rss(f"Комментарии к записи «{p.title}»", p.url, items[::-1]))
    s.write("ru/blog/rss/index.xml", rss(f"Новости - {SITE}", "/ru/blog",
                                          [(p.title, p.url, p.at, p.intro_html() or p.text_html()) for p in posts[:10]]))
    allc = sorted(((c, p, k) for p in posts for k, c in enumerate(p.comments_all) if c["at"] <= now), key=lambda t: t[0]["at"], reverse=True)
    s.write("ru/blog/comments-rss/index.xml", rss(f"Комментарии - {SITE}", "/ru/blog",
                                                   [(f"{c['by']}: {p.title}", f"{p.url}#comment-{cids[(p.id, k)]}", c["at"], e(c["text"])) for c, p, k in allc[:20]]))

    # the tags module
    used = sorted({t for p in posts for t in p.tags} | {t for q in FAQ for t in q["tags"]})
    lis = "".join(
        f'<li><a href="/ru/tags/detail/{t}" rel="tag">{e(TAGS[t])}</a> <span class="badge hidden-phone">{sum(t in p.tags for p in posts) + sum(t in q["tags"] for q in FAQ)}</span></li>'
        for t in used)  # fmt: skip
    s.page("/ru/tags", "ru/tags.html", shell("Тэги", f'<section class="module-tags block-tags-index"><ul>{lis}</ul></section>', now, "/ru/tags",
                                               h1="Тэги", crumbs=[("Главная", "/ru"), ("Тэги", "/ru/tags")], aside=aside), "tag")  # fmt: skip
    for t in used:
        blog = [p for p in posts if t in p.tags]
        faq = [q for q in FAQ if t in q["tags"]]
        body = ""
        if blog:
            body += '<section><header role="banner"><h2>Блог</h2></header><ul>' + "".join(f'<li><a href="{p.url}" rel="tag">{e(p.title)}</a></li>' for p in blog) + "</ul></section>"
        if faq:
            body += '<section><header role="banner"><h2>ЧаВо</h2></header><ul>' + "".join(f'<li><a href="/ru/faq/detail/{q["slug"]}" rel="tag">{e(q["q"])}</a></li>' for q in faq) + "</ul></section>"
        content = (f'<section class="module-tags block-tags-detail"><header class="block-heading page-header" role="banner"><h1>Записи с тегом "{e(TAGS[t])}"</h1></header>'
                   f'<div class="block-body">{body}</div><nav class="block-footer" role="navigation"><ul class="pager"><li class="previous"><a href="/ru/tags" title="Обзор тэгов">← Обзор тэгов</a></li></ul></nav></section>')  # fmt: skip
        s.page(f"/ru/tags/detail/{t}", f"ru/tags/detail/{t}.html",
               shell(f"{TAGS[t]} - Тэги", content, now, f"/ru/tags/detail/{t}", crumbs=[("Главная", "/ru"), ("Тэги", "/ru/tags"), (TAGS[t], "")], aside=aside), "tag")  # fmt: skip

    # the FAQ module
    faq_crumbs = [("Главная", "/ru"), ("Вопросы и ответы", "/ru/faq")]
    idx = "".join(
        f'<section class="faq-category"><h3><a href="/ru/faq/category/{c}">{e(name)}</a></h3><ul>'
        + "".join(f'<li><a href="/ru/faq/detail/{q["slug"]}">{e(q["q"])}</a></li>' for q in FAQ if q["cat"] == c) + "</ul></section>"
        for c, name in FAQ_CATS.items())  # fmt: skip
    s.page("/ru/faq", "ru/faq.html", shell("Вопросы и ответы", f'<section class="module-faq block-faq-index">{idx}</section>', now, "/ru/faq",
                                             h1="Вопросы и ответы", crumbs=faq_crumbs), "faq")  # fmt: skip
    for c, name in FAQ_CATS.items():
        lis = "".join(f'<li><a href="/ru/faq/detail/{q["slug"]}">{e(q["q"])}</a></li>' for q in FAQ if q["cat"] == c)
        s.page(f"/ru/faq/category/{c}", f"ru/faq/category/{c}.html",
               shell(f"{name} - Вопросы и ответы", f'<section class="module-faq block-faq-category"><ul>{lis}</ul></section>', now, f"/ru/faq/category/{c}",
                     h1=name, crumbs=[*faq_crumbs, (name, f"/ru/faq/category/{c}")]), "faq")  # fmt: skip
    for q in FAQ:
        others = "".join(f'<li><a href="/ru/faq/detail/{o["slug"]}">{e(o["q"])}</a></li>' for o in FAQ if o["cat"] == q["cat"] and o is not q)
        tags = " ".join(f'<a class="label label-default" href="/ru/tags/detail/{t}" rel="tag">{e(TAGS[t])}</a>' for t in q["tags"])
        content = (f'<section class="module-faq block-faq-detail"><article><header class="block-heading page-header"><h1>{e(q["q"])}</h1>'
                   f'<p>Категория <a href="/ru/faq/category/{q["cat"]}">{e(FAQ_CATS[q["cat"]])}</a>{" · Тэги: " + tags if tags else ""}</p></header>'
                   f'<div class="block-body"><p>{e(q["a"])}</p></div></article>'
                   f'<section class="faq-feedback"><form method="post" action="/ru/faq/detail/{q["slug"]}#feedbackForm" id="feedbackForm"><input type="hidden" name="form" value="feedback">'
                   f'<p>Был ли этот ответ полезным?</p><label><input type="radio" name="useful" value="Y"> Да</label> <label><input type="radio" name="useful" value="N"> Нет</label>'
                   f'<input type="submit" value="Отправить" class="btn btn-default"></form></section>'
                   f'<section class="faq-other"><h3>Другие вопросы</h3><ul>{others}</ul></section>'
                   f'<p class="faq-ask">Не нашли того, что искали? Задать свой \u200b\u200bвопрос! <a href="/ru/kontakty">Напишите нам</a>.</p></section>')  # fmt: skip
        s.page(f"/ru/faq/detail/{q['slug']}", f"ru/faq/detail/{q['slug']}.html",
               shell(f"{q['q']} - Вопросы и ответы", content, now, f"/ru/faq/detail/{q['slug']}",
                     crumbs=[*faq_crumbs, (FAQ_CATS[q["cat"]], f"/ru/faq/category/{q['cat']}"), (q["q"], "")]), "faq")  # fmt: skip

    # pages
    titles = {u: t for u, t, *_ in PAGES} | {"/ru": "Главная", "/ru/blog": "Новости", "/ru/faq": "Вопросы и ответы"}
    for url, title, parent, body, kind in PAGES:
        trail, cur = [], parent
        while cur and cur != "/ru":
            trail.insert(0, (titles[cur], cur))
            cur = next(p for u, _, p, *_ in PAGES if u == cur)
        crumbs = [("Главная", "/ru"), *trail, (title, "")]
        s.page(url, url.strip("/") + ".html", shell(title, f'<div class="content">{body}</div>', now, url, h1=title, crumbs=crumbs), kind)

    tree = "".join(
        f'<li><a href="{u}">{e(t)}</a>' + ("<ul>" + "".join(f'<li><a href="{cu}">{e(ct)}</a></li>' for cu, ct, cp, *_ in PAGES if cp == u) + "</ul>" if any(cp == u for _, _, cp, *_ in PAGES) else "") + "</li>"
        for u, t in NAV)  # fmt: skip
    tree += "".join(f'<li><a href="{u}">{e(t)}</a></li>' for u, t in FOOTER)
    s.page("/ru/sitemap", "ru/sitemap.html", shell("Карта сайта", f'<div class="content sitemap"><ul>{tree}</ul></div>', now, "/ru/sitemap",
                                                     h1="Карта сайта", crumbs=[("Главная", "/ru"), ("Карта сайта", "")]), "page")  # fmt: skip
    s.page("/ru/search", "ru/search.html", shell("Поиск",
           '<section class="module-search block-search-index"><form method="get" action="/ru/search" id="search"><input type="hidden" name="form" value="search">'
           '<div class="form-group"><label for="q">Ключевые слова<abbr title="Обязательное поле">*</abbr></label><input type="search" id="q" name="q" class="form-control autoSuggest"></div>'
           '<input type="submit" class="btn btn-primary" value="Поиск"></form><div id="searchContainer"></div></section>', now, "/ru/search",
           h1="Поиск", crumbs=[("Главная", "/ru"), ("Поиск", "")]), "search")  # fmt: skip
    s.page("/ru/rassylka", "ru/rassylka.html", shell("Подписка на новости",
           '<section class="module-mailmotor block-mailmotor-subscribe"><p>Раз в месяц присылаем новости фонда и отчёт о расходах.</p>'
           '<form method="post" action="/ru/rassylka" id="subscribe"><input type="hidden" name="form" value="subscribe"><label for="email">e-mail<abbr title="Обязательное поле">*</abbr></label>'
           '<input type="email" id="email" name="email" class="form-control"><input type="submit" class="btn btn-primary" value="Подписка"></form></section>', now, "/ru/rassylka",
           h1="Подписка на новости", crumbs=[("Главная", "/ru"), ("Подписка на новости", "")]), "form")  # fmt: skip
    login = ('<section class="module-profiles block-profiles-login"><form method="post" action="/ru/profiles/login?queryString=%2Fru" id="login"><input type="hidden" name="form" value="login">'
             '<p><label for="email">e-mail<abbr title="Обязательное поле">*</abbr></label><input type="email" id="email" name="email" class="form-control"></p>'
             '<p><label for="password">Пароль<abbr title="Обязательное поле">*</abbr></label><input type="password" id="password" name="password" class="form-control"></p>'
             '<p><label><input type="checkbox" name="remember" value="Y"> Запомнить меня</label></p><p><input type="submit" class="btn btn-primary" value="Логин"></p></form>'
             '<p><a href="/ru/profiles/forgot-password">Забыли пароль?</a> · <a href="/ru/profiles/register">Регистрация</a></p></section>')  # fmt: skip
    s.page("/ru/profiles/login", "ru/profiles/login.html", shell("Вход для волонтёров", login, now, "/ru/profiles/login", h1="Вход для волонтёров",
                                                                 crumbs=[("Главная", "/ru"), ("Вход для волонтёров", "")]), "form")  # fmt: skip
    s.page("/ru/profiles/register", "ru/profiles/register.html", shell("Регистрация",
           '<section class="module-profiles block-profiles-register"><p>Регистрация — для волонтёров и наставников фонда. После регистрации координатор свяжется с вами.</p>'
           '<form method="post" action="/ru/profiles/register" id="register"><input type="hidden" name="form" value="register"><input type="text" name="display_name" placeholder="Имя" class="form-control">'
           '<input type="email" name="email" placeholder="e-mail" class="form-control"><input type="password" name="password" placeholder="Пароль" class="form-control">'
           '<input type="submit" class="btn btn-primary" value="Регистрация"></form></section>', now, "/ru/profiles/register", h1="Регистрация",
           crumbs=[("Главная", "/ru"), ("Вход для волонтёров", "/ru/profiles/login"), ("Регистрация", "")]), "form")  # fmt: skip
    s.page("/ru/profiles/forgot-password", "ru/profiles/forgot-password.html", shell("Забыли пароль?",
           '<section class="module-profiles block-profiles-forgot-password"><form method="post" action="/ru/profiles/forgot-password" id="forgotPassword">'
           '<input type="hidden" name="form" value="forgotPassword"><input type="email" name="email" placeholder="e-mail" class="form-control"><input type="submit" class="btn btn-primary" value="Отправить"></form></section>',
           now, "/ru/profiles/forgot-password", h1="Забыли пароль?", crumbs=[("Главная", "/ru"), ("Забыли пароль?", "")]), "form")  # fmt: skip

    # home: an introduction, the three newest posts in full widget style, the programmes
    recent = "".join(
        f'<article class="article"><header><h3><a href="{p.url}" title="{e(p.title)}">{e(p.title)}</a></h3>'
        f'<p class="meta"><time itemprop="datePublished" datetime="{p.at.strftime("%Y-%m-%dT%H:%M:%S")}">{spoon_long(p.at)}</time></p></header>'
        f'<div class="bd">{p.intro_html() or markdown(first_paragraph(p.src["text"]))}</div></article>'
        for p in posts[:3])  # fmt: skip
    home = (f'<div class="home-intro"><p class="lead">Фонд «Дезал» помогает семьям с детьми: выездная бригада специалистов, кризисная квартира для мам, наставничество, школа приёмных родителей.</p>'
            f'<p><a class="btn btn-primary" href="/ru/kak-pomoch">Помочь фонду</a> <a class="btn btn-default" href="/ru/programmy">Наши программы</a></p></div>'
            f'<aside class="module-blog widget-blog-recent-articles-full"><header class="widget-heading" role="banner"><h3>Последние записи</h3></header><div class="widget-body">{recent}</div>'
            f'<footer class="widget-footer"><p class="btn-group"><a class="btn btn-default" href="/ru/blog">Архив блога</a><a class="btn btn-default" href="/ru/blog/rss">Подписка на RSS</a></p></footer></aside>')  # fmt: skip
    s.page("/ru", "ru.html", shell("", home, now, "/ru", h1="Благотворительный фонд «Дезал»"), "home")

    for url, title, body, kind in EN_PAGES:
        crumbs = [("Home", "/en")] + ([(title, "")] if url != "/en" else [])
        s.page(url, url.strip("/") + ".html", shell(title if url != "/en" else "", f'<div class="content">{body}</div>', now, url, h1=title, crumbs=crumbs, lang="en"), kind)
    return s


def local_now_label(now: dt.datetime) -> str:  # used by the README's examples only
    return now.astimezone(MSK).strftime("%Y-%m-%d %H:%M")


__all__ = ["EXTRA", "IN", "SITE", "build", "local_dt", "plain"]
