"""A regional body speaks of its own region: its material naming no federal subject is about it.

A regional ministry's, governor's or NGO's Telegram channel writes about its region without naming
it («Горячая линия работает ежедневно», «Пермяки могут записать ребёнка…», «Собянин: в столице…»).
So does the website of a regional body — a ministry, a fund, the children's ombudsman — about its
own work («Фонд набирает наставников…»), while a media outlet's article that names no place is as
often federal news or a column about no region. So for sources whose kind says so
(newsmon.sources.kinds: `home_by_default`) and for sites whose own name is a body's name
(`names_a_body`), a material whose tagger found no region is attributed to the home region —
unless it speaks of the country as a whole (a federal law, Росстат's national figures, a contest
open to every region): those stay without a region.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from pipeline.lang.bodies import body_and_media_heads
from pipeline.lang.morph import last_sentence, lemma
from pipeline.tag.doc import RegionHit

# Lemmas naming the country itself or its federal authorities: a text with one is about the whole
# country. Not «всероссийский»: an event's scope («призёры всероссийской олимпиады»), not a subject.
NATIONAL_LEMMAS = frozenset({
    "россия", "рф", "страна", "президент", "путин", "федеральный", "госдума", "правительство рф",
    "росстат", "сфр", "российский федерация",
    # the federal fund and its benefit: an explainer of them is the country's rule, not the
    # region's («Единое пособие: что меняется с 2026 года … Социальный фонд сам проверит доход»)
    "социальный фонд", "единый пособие",
    # «постановление подписал Председатель Правительства»: the federal one — a region's head of
    # government is named with his region, and then the text names a subject anyway.
    "председатель правительство",
    # the federal ministries by their short names (a region's own is named with its region)
    "минтруд", "минпросвещение", "минпросвещения", "минздрав", "минфин", "минобрнауки", "минэкономразвития",
})  # fmt: skip
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")


# Words that make a name a medium's, whatever body word it has: «Информационное агентство …»,
# «Центр новостей …», «Вестник министерства …».
MEDIA_LEMMAS = frozenset({
    "новость", "газета", "телеканал", "тв", "телевидение", "радио", "журнал", "вестник",
    "вести", "медиа", "информационный", "информагентство", "портал", "издание", "пресса",
    "редакция", "эфир", "ия", "риа", "онлайн", "life", "news", "фс", "роскомнадзор",
})  # fmt: skip
# A body's name starts with what it is: «Благотворительный фонд «…»», «Уполномоченный по правам
# ребёнка в … области», «ГБУ «Центр …»»; a head word further in («… при фонде …») is not its kind.
HEAD_WORDS = 3
# Bodies whose sites speak for a territory but that are not tagged as organizations in texts.
# («Комиссия по делам несовершеннолетних … Свердловского района»: a district's own commission.)
TERRITORY_BODIES = frozenset({
    "администрация", "мэрия", "губернатор", "дума", "заксобрание", "комиссия",
})  # fmt: skip


# A territory's coat of arms as the site's logo («Герб Кизилюртовского района», «Герб города
# Буя»): only the territory's own administration shows it.
COAT_OF_ARMS_RE = re.compile(
    r"^герб\s+(?:[\w-]+\s+){0,3}(?:района|области|края|города|округа|республики|поселения)\b",
    re.IGNORECASE,
)


def names_a_body(names: Sequence[str | None]) -> bool:
    """The site's names (sources.yml `title:`, og:site_name, the home link's text, the footer's
    copyright and legal lines: pipeline.extract.siteowner) say a regional body runs it: one starts
    with an organization kind (orgs.yml `kinds`: «Благотворительный фонд «…»», «Уполномоченный по
    правам ребёнка в …») and none has a medium's word («Губернские новости», «Сура-ТВ»,
    «Информационное агентство …», a registration as СМИ) — a ministry's newspaper is a medium.
    A territory's coat of arms as the logo («Герб Кизилюртовского района») names its
    administration."""
    bodies, media = body_and_media_heads()
    found = False
    for name in names:
        if not name:
            continue
        if (media | MEDIA_LEMMAS) & {lemma(w) for w in WORD_RE.findall(name)}:
            return False
        if COAT_OF_ARMS_RE.match(name.strip()):
            found = True
            continue
        head = name.split("«", 1)[0].split('"', 1)[0]
        first = {lemma(w) for w in WORD_RE.findall(head)[:HEAD_WORDS]}
        found = found or bool((bodies | TERRITORY_BODIES) & first)
    return found


def is_national(text: str) -> bool:
    """The text speaks of the country as a whole («в России», «Президент подписал», «страны»)
    in its headline or first paragraph, or more than once: a local report that helped a mother
    apply for the federal «единое пособие» names it once, further down."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    opening = "\n".join(paragraphs[:2])  # the headline line and the first paragraph
    return bool(_national_words(opening)) or len(_national_words(text)) >= 2


def _national_words(text: str) -> list[str]:
    """Every occurrence of a national word or two-word name in the text."""
    words = [lemma(w) for w in WORD_RE.findall(text)]
    found = [w for w in words if w in NATIONAL_LEMMAS]
    return found + [f"{a} {b}" for a, b in pairwise(words) if f"{a} {b}" in NATIONAL_LEMMAS]


# Advice and explainers are about no place («Почему она не уходит: психолог о домашнем
# насилии», «Как говорить с приёмным ребёнком о его кровной семье», «Памятка для опекунов»);
# a story of the body's own work told as a question («Как мы помогли семье») is not advice.
ADVICE_TITLE_RE = re.compile(
    r"^(?:как|почему|зачем|что делать|что такое|чем|куда обратиться)\b"
    r"|\b(?:памятк\w*|совет\w* (?:психолог|юрист|специалист)\w*|инструкци\w*)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_RE = re.compile(r"\b(?:мы|нас|нам|наш\w*)\b", re.IGNORECASE)


# Guidance on a status, a benefit or a service («Как получить статус многодетной семьи:
# разъяснения» — МФЦ, документы, удостоверение) explains the region's own rules and offices: it is
# about the region whose body gives it. Advice on feelings and upbringing is about no place.
PROCEDURE_LEMMAS = frozenset({
    "мфц", "госуслуги", "заявление", "справка", "документ", "пособие", "выплата", "льгота",
    "статус", "удостоверение", "оформить", "оформление", "оформлять", "назначить", "назначение",
    "соцзащита", "компенсация", "сертификат",
})  # fmt: skip
PROCEDURE_MIN_WORDS = 2


def is_advice(title: str) -> bool:
    """The title says the material is advice or an explainer, not news of something done."""
    return bool(ADVICE_TITLE_RE.search(title.strip(" «»\"'"))) and not _FIRST_PERSON_RE.search(title)


def is_general_advice(title: str, text: str) -> bool:
    """Advice or an explainer (``is_advice``) on no procedure of a region's offices."""
    if not is_advice(title):
        return False
    found = PROCEDURE_LEMMAS & {lemma(w) for w in WORD_RE.findall(f"{title} {text}")}
    return len(found) < PROCEDURE_MIN_WORDS  # «документы» alone is a word, not a procedure


def with_home_default(
    regions: Sequence[RegionHit], text: str, home_iso: str | None, title: str = ""
) -> list[RegionHit]:
    """`regions`, or the home region once when none was found and the text is neither national
    nor general advice."""
    if regions or not home_iso or is_national(f"{title}\n{text}") or is_general_advice(title, text):
        return list(regions)
    hit = home_hit(home_iso)
    return [hit] if hit else []


# The closing credit of a republished material: «Источник: министерство … Астраханской области»,
# «По материалам пресс-службы Минпросвещения», «Материал впервые опубликован в …» (not «Источник
# фото: …»).
_CREDIT_RE = re.compile(
    r"^(?:источник(?!\s+(?:фото|изображени|иллюстраци))|по\s+материалам|по\s+информации"
    # «Перепечатано с сайта фонда «…» с разрешения редакции» (a forum's or a site's reprint)
    r"|(?:материал\s+)?перепечатан\w*\s+(?:с|из)(?:\s+(?:сайта|страницы|группы|канала))?"
    # «Материал впервые опубликован в блоге центра «…» (Йошкар-Ола)»: where the text first was
    r"|(?:материал\s+)?(?:впервые\s+опубликован\w*|опубликован\w*\s+впервые)\s+(?:в|во|на))"
    r"\s*:?\s*(?P<name>\S.{2,200})$",
    re.IGNORECASE,
)


def closing_credit(text: str) -> re.Match[str] | None:
    """The closing credit line of a text, or the credit its last line ends with (a forum post's
    paragraphs often come as one line)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return None
    return _CREDIT_RE.match(lines[-1]) or _CREDIT_RE.match(last_sentence(lines[-1]))


# A reprint saying so at its top: «Перепечатываем с разрешения блога …», «Перепечатано из …»,
# «Публикуем с разрешения автора».
_OPENING_REPRINT_RE = re.compile(
    r"^(?:перепечатыва\w*|перепечатан\w*|публикуем\s+с\s+разрешения)\b", re.IGNORECASE)
# The lines a reprint's notice may stand on: the first, or the second after a byline.
OPENING_CREDIT_LINES = 2


def opens_as_reprint(text: str) -> bool:
    """The text says at its top that it is another publisher's, reprinted."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return any(_OPENING_REPRINT_RE.match(line) for line in lines[:OPENING_CREDIT_LINES])


# Words shared by most credits and names that say nothing about whose they are.
_CREDIT_STOP = frozenset({"пресс", "служба", "сайт", "официальный", "информация", "материал"})


def credited_source(text: str, names: Sequence[str | None]) -> str | None:
    """The publisher a closing «Источник: …» line credits when it is not the site itself: the
    material is republished in that publisher's voice (like a reprint naming another site's page
    as its canonical), so a body's site does not speak for its home region in it."""
    match = closing_credit(text)
    if match is None:
        return None
    credit = match.group("name").strip(" .")
    credit_words = _content_lemmas(credit)
    for name in names:
        own = _content_lemmas(name or "")
        if credit_words and len(credit_words & own) * 2 >= len(credit_words):
            return None  # «Источник: пресс-служба фонда «Кэскил»» on the fund's own site
    return credit


def _content_lemmas(text: str) -> set[str]:
    return {lemma(w) for w in WORD_RE.findall(text) if len(w) >= 4} - _CREDIT_STOP


def names_the_region(name: str, iso: str | None) -> bool:
    """The name places its body in that subject («Минсоцразвития Камчатского края»)."""
    from pipeline.tag.regions.gazetteer import find_mentions

    return bool(iso) and any(m.isos == (iso,) for m in find_mentions(name))


def home_hit(home_iso: str) -> RegionHit | None:
    """The home region as a region found once (None for a code no subject has)."""
    from pipeline.tag.regions.gazetteer import all_regions

    home = next((r for r in all_regions() if r.iso == home_iso), None)
    return RegionHit(home.name, home.iso, 1) if home else None
