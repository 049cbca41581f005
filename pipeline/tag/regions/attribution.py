"""Attribution: which federal subjects an article is *about*, from its region mentions.

Mentions (pipeline.tag.regions.gazetteer.find_mentions) are weighted by where they stand (title, lead, body),
discounted as venues («на форуме в Москве»), enumerations or stray headlines; a related-news block
and credit lines do not count.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pipeline.lang.morph import (
    Token,
    is_adjective,
    is_person,
    is_singular,
    last_sentence,
    lemmas_all,
    lemmatize_phrase,
    normalize_word,
    part_of_speech,
    tokenize,
)
from pipeline.tag.regions import lists
from pipeline.tag.regions.gazetteer import (
    SUBJECT_TYPES,
    Gazetteer,
    Mention,
    Region,
    gazetteer,
    inside,
)
from pipeline.tag.trace import MentionStep, RegionTrace

# Attribution weights: where a mention stands says how much it tells about the article's subject.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
VENUE_FACTOR = 0.2  # «на форуме в Москве»
LIST_FACTOR = 0.3  # «Приморский, Хабаровский, Забайкальский края и Амурская область»
HEADLINE_FACTOR = 0.3  # a short line without final punctuation after the lead (a stray headline)
HOME_FACTOR = 1.5  # the outlet's home region breaks near-ties
MIN_SCORE = 1.5  # one passing mention in the body (1.0) is not enough: title, lead or twice
MIN_SHARE = 0.34  # a region needs this share of the top region's score
MAX_REGIONS = 4
LEAD_CHARS = 400  # a longer first paragraph: its first sentences, at least LEAD_MIN_CHARS
LEAD_MIN_CHARS = 120

# A district or okrug by its own name («в Заводском районе», «Орджоникидзевского района»).
LOCAL_DISTRICT_RE = re.compile(
    r"\b[А-ЯЁ][а-яё]+(?:ск|цк|н|ов|ев)(?:ий|ой|ого|ом|ому|им)\s+(?:район|округ|микрорайон)\w*"
)
# A settlement word before a name: «в селе Никольском», «деревни Ивановка», «пос. Заречный».
# The gazetteer knows towns and district centres, not the villages a district paper writes about.
LOCAL_SETTLEMENT_RE = re.compile(
    r"\b(?:[Сс]ел(?:о|а|е|у|ом)|[Дд]еревн(?:я|и|е|ю|ей)|[Пп]ос[её]л(?:ок|ка|ке|ку|ком)|пос\."
    r"|пгт|[Сс]таниц(?:а|ы|е|у|ей)|[Хх]утор(?:а|е|у|ом)?|[Аа]ул(?:а|е|у|ом)?"
    r"|[Сс]лобод(?:а|ы|е|у|ой))\s+«?[А-ЯЁ][а-яё]{2,}"
)

# A text that names no place it is about, on a local outlet, speaks of its own area when it
# talks of local things — «наш центр», «у нас», the district, a street, the town's
# administration — and of nothing national: ministries, the government, laws, «в России», the
# federal benefits every region pays. A federal item retold locally («Минпросвещения: в банке
# данных…», «Единое пособие: что изменится») names one of those and stays without a region.
FEDERAL_RE = re.compile(
    r"Минпросвещени|Минтруд|Минфин|Минздрав|Правительств|Госдум|Совет\w* Федерации|федеральн"
    r"|\bРосси(?:я|и|ю|ей)\b|по стране|в стране|\bстраны\b|всех регион|единое пособие"
    r"|единого пособия|семейн\w+ (?:налогов\w+ )?выплат|материнск\w+ капитал|банк\w* данных"
    r"|законопроект|\bзакон(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|\bПрезидент(?:а|у|ом|е)?\b|Соцфонд"
    r"|Социальн\w+ фонд",
    re.IGNORECASE,
)
LOCAL_VOICE_RE = re.compile(
    r"\bнаш(?:а|е|и|его|ей|ему|их|им|ими|у|ем)?\b|\bу нас\b|\bрайон\w*|микрорайон|\bулиц\w*"
    r"|\bул\.|в городе\b|городск\w+|местн\w+"
    r"|администраци\w+ (?:района|города|округа)|глав\w+ (?:района|города|администрации)"
    r"|\bокруг\w*",
    re.IGNORECASE,
)


def _speaks_locally(
    gaz: Gazetteer, toks: list[Token], home_iso: str, title: str, text: str
) -> bool:
    """The text's own voice is the outlet's local one (see LOCAL_VOICE_RE), and no subject's
    type word in it fits another kind of subject than the home one («областное министерство»
    on a край's outlet is another subject's)."""
    whole = f"{title}\n{text}"
    if FEDERAL_RE.search(whole) is not None or LOCAL_VOICE_RE.search(whole) is None:
        return False
    return not _another_subjects_type(gaz, toks, home_iso)


def _another_subjects_type(gaz: Gazetteer, toks: list[Token], home_iso: str) -> bool:
    if home_iso not in gaz.by_iso:
        return True
    others = frozenset().union(*gaz.home_adjectives.values()) - _fitting_adjectives(
        gaz, gaz.by_iso[home_iso])
    return any(t.lemma in others for t in toks)


def _fitting_adjectives(gaz: Gazetteer, home: Region) -> frozenset[str]:
    """The type adjectives that fit the home subject («краевой» for a край)."""
    words = set(lemmatize_phrase(home.name))
    return frozenset().union(*(adjs for key, adjs in gaz.home_adjectives.items() if key in words))


# --- attribution ----------------------------------------------------------------------------------


def _home_by_adjectives(
    gaz: Gazetteer, toks: list[Token], home_iso: str | None
) -> list[tuple[Region, int]]:
    """A local outlet's article that names no subject at all but says «краевое министерство»,
    «областной центр» (fitting its home region's type) is about the home region; the count is
    the number of those references. National news («Госдума приняла закон») stays regionless."""
    if not home_iso or home_iso not in gaz.by_iso:
        return []
    home = gaz.by_iso[home_iso]
    fitting = _fitting_adjectives(gaz, home)
    nouns = set(lemmatize_phrase(home.name)) & SUBJECT_TYPES
    n = sum(
        1 for i, t in enumerate(toks)
        if t.lemma in fitting or (t.lemma in nouns and _the_subject_itself(toks, i))
    )
    return [(home, n)] if n else []


# «по всей области», «в этой республике»: the words before a bare type noun that keep it the
# outlet's own subject («в соседней области» is another's; «а в нашей области?» in a reply is a
# reader's comparison).
OWN_SUBJECT_WORDS = frozenset({"весь", "этот"})


def _the_subject_itself(toks: list[Token], i: int) -> bool:
    """The subject's type noun standing for the subject: «в республике 1 870 семей», «малых
    городах республики.», «по области работают…» — not «в области образования» (a field), not
    «Республики Крым» (a name the gazetteer reads), not «в соседней области», not «областях»."""
    tok = toks[i]
    if tok.text[:1].isupper() or not is_singular(tok.text):
        return False
    if i > 0 and is_adjective(toks[i - 1].text) and toks[i - 1].lemma not in OWN_SUBJECT_WORDS:
        return False
    if i + 1 < len(toks):
        nxt = toks[i + 1]
        close = nxt.start - tok.end <= 1
        if close and (nxt.text[:1].isupper() or part_of_speech(nxt.text) in ("NOUN", "ADJF")):
            return False
    return True


TITLE_SEARCH_CHARS = 1500  # widgets (dates, weather, calendars) may come before the title line


def title_line(text: str, title: str = "") -> tuple[int, int] | None:
    """The (start, end) of the line holding the title, when the text repeats it near the top.

    Without a title (plain text from `newsmon tag`), a short first line without final
    punctuation followed by more text is taken as the title.
    """
    if title.strip():
        words = re.findall(r"\w+", title)[:8]
        if not words:
            return None
        pattern = r"\W+".join(re.escape(w) for w in words)
        found = re.search(pattern, text[:TITLE_SEARCH_CHARS], re.IGNORECASE)
        if found is None:
            return None
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        return start, len(text) if end == -1 else end
    first = re.match(r"\s*([^\n]*)", text)
    line = first.group(1).strip()
    rest = text[first.end() :].strip()
    if rest and line and len(line.split()) <= 20 and line[-1] not in ".!?…:;":
        return first.start(1), first.end()
    return None


def related_cut(text: str) -> int:
    """Offset where a related-news block («Читайте также», «Ранее мы писали») starts, else len."""
    markers = gazetteer().related_markers
    pos = 0
    for line in text.splitlines(keepends=True):
        body = normalize_word(line.strip())
        if pos > 0 and any(_opens_block(body, m) for m in markers):
            return pos
        pos += len(line)
    return len(text)


def _opens_block(line: str, marker: str) -> bool:
    """«Читайте также:», «Читайте также: В Омске...», «Ещё новости о событии» — not a sentence
    that merely starts with the word («Рекомендуем родителям следить за детьми.»)."""
    if not line.startswith(marker):
        return False
    rest = line[len(marker) :]
    if rest.strip() in ("", ":") or rest.startswith(":"):
        return True
    return len(line.split()) <= len(marker.split()) + 2 and not line.endswith((".", "!", "?"))


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Spans of credit and caption lines («Фото: пресс-служба правительства края»), and of a
    credit closing a paragraph («… Перепечатано с сайта фонда «Оренбургские семьи»», a forum
    post copying an article «… Источник: Дзен-канал «Ямал: семейный канал»» with replies below)."""
    markers = gazetteer().credit_markers
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip()
        if normalize_word(line.lstrip()).startswith(markers):
            spans.append((pos, pos + len(line)))
        elif body.strip():
            last = last_sentence(body)
            if last != body and normalize_word(last).startswith(markers):
                spans.append((pos + len(body) - len(last), pos + len(body)))
        pos += len(line)
    return spans


# The country's capital, home of its national media.
CAPITAL_ISO = "RU-MOW"


def _far_small_towns(gaz: Gazetteer, mentions: list[Mention], home_iso: str | None) -> list[Mention]:
    """Small towns of a subject in another federal district than the outlet's, where nothing else
    in the text names that subject: a writer names the region of a far small town, so a lone
    «в Соколе» on a Магадан outlet is a place of its own of that name (the settlement by the
    airport), not the Вологодская town — left out rather than guessed. Not on an outlet of the
    capital, where the country's media live and write «в Молочанск прибыли автобусы» for all."""
    home = gaz.by_iso.get(home_iso or "")
    if home is None or home.iso == CAPITAL_ISO:
        return []

    def far_small(m: Mention) -> bool:
        regions = [gaz.by_iso.get(iso) for iso in m.isos]
        return m.kind == "city" and m.small and all(
            r is not None and r.district != home.district for r in regions)

    named = {iso for m in mentions if not far_small(m) for iso in m.isos}
    return [m for m in mentions if far_small(m) and not set(m.isos) & named]


# A credit that says the text is another publisher's («Перепечатываем с разрешения …»,
# «Источник: …», «По материалам …», «Оригинал: …»), not a photo's or a caption's.
REPRINT_CREDIT_RE = re.compile(
    r"перепечат|\bисточник\b(?!\s+фото)|по материалам|\bоригинал|впервые опубликован", re.IGNORECASE)


def _reprinted_from(
    text: str, mentions: list[Mention], credits: list[tuple[int, int]], home_iso: str | None
) -> str | None:
    """The one subject a reprint's credit names as where the text comes from, when it is not the
    outlet's («Перепечатываем с разрешения проекта «Соседи Академа» (Новосибирск)» on an Уфа
    site): the text's unnamed places («Советский район», «наш психолог») are that subject's."""
    isos = {
        m.isos[0] if len(m.isos) == 1 else m.dominant
        for s, e in credits if REPRINT_CREDIT_RE.search(text, s, e)
        for m in mentions if s <= m.start and m.end <= e
    } - {None}
    return next(iter(isos)) if len(isos) == 1 and home_iso not in isos else None


TABLE_CELL = " | "


def _headline_lines(text: str, lead_end: int) -> list[tuple[int, int]]:
    """Short lines without final punctuation after the lead: related headlines, captions.
    A table's row («с. Холбон | 4 | 11», as extraction writes tables) is the article's data."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.strip()
        if (pos >= lead_end and body and len(body.split()) <= 15 and body[-1] not in '.!?…»":;'
                and TABLE_CELL not in body):
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(".", pos), text.find("\n", pos)) if e != -1]
    return start, min(ends) if ends else len(text)


_SENTENCE_END = re.compile(r"(\w*)[.!?…][»\"]?(?=\s+[«\"А-ЯЁA-Z0-9—–-])")


def _lead_length(para: str, offset: int) -> int:
    """Characters of the lead from the paragraph's start: whole sentences until LEAD_MIN_CHARS
    (at least one; «г.», «А.» and other short words end none), never more than LEAD_CHARS."""
    for found in _SENTENCE_END.finditer(para):
        if len(found.group(1)) <= 3 and not found.group(1).isdigit():
            continue
        if found.end() >= LEAD_MIN_CHARS:
            return offset + min(found.end(), LEAD_CHARS)
    return offset + min(len(para), LEAD_CHARS)


def _title_venue(
    venue: str,
    iso: str,
    others: set,
    national_anywhere: set,
    body_venue_only: set,
    body_actors: set = frozenset(),  # type: ignore[assignment]
) -> str:
    """A local event's place in the title («В Омске прошёл семинар») is the subject — unless the
    title names another subject («Опыт Тюмени представили в Петербурге»), the event is national,
    or the body names the place only as the venue of another subject's doing («Тюменская область
    представила в Москве …» under «Губернатор о выставке в Москве»)."""
    guest = iso in body_venue_only and bool(body_actors - {iso})
    if venue == "local" and iso not in national_anywhere and not others and not guest:
        return ""
    return venue


def _after_in(text: str, m: Mention) -> bool:
    return (
        re.search(r"(^|\s)(в|во|на|под)\s+$", text[max(0, m.start - 5) : m.start].lower())
        is not None
    )


def _opens_sentence(text: str, m: Mention, *, paragraph: bool = False) -> bool:
    """«В Тульской области семьям помогают …»: the subject set as the sentence's (or the
    paragraph's) topic."""
    start = text.rfind("\n", 0, m.start) + 1 if paragraph else _sentence_bounds(text, m.start)[0]
    return (
        re.fullmatch(r"[\s«\"—–-]*(?:(?:в|во|на|из|по)\s+)?", text[start : m.start].lower())
        is not None
    )


TIME_PREPOSITIONS = frozenset({"после", "перед", "до"})


def _is_venue(gaz, text: str, m: Mention, toks: list[Token]) -> str:
    """ "" if not a venue; "national" for «на всероссийском форуме в Москве»; else "local"."""
    s, e = _sentence_bounds(text, m.start)
    starts = [t.start for t in toks]
    if m.kind in ("adj", "city_adj"):
        # «на Петербургском международном экономическом форуме»: an event named by the place —
        # the adjective heads the event's noun phrase (only adjectives between them), unlike
        # «Белгородские специалисты пройдут стажировку».
        k = bisect.bisect_left(starts, m.end)
        phrase = [t for t in toks[k : k + 3] if t.start < e]
        at = next((i for i, t in enumerate(phrase) if t.lemma in gaz.venue_words), None)
        if at is None or not all(is_adjective(t.text) for t in phrase[:at]):
            return ""
    else:
        # «под Анапой», «под Хабаровском»: near a city is a place one went to, never an actor
        before = text[max(0, m.start - 5) : m.start].lower()
        if not re.search(r"(^|\s)(в|во|на|под)\s+$", before):
            return ""
    sentence = toks[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
    # «После стажировки в Тыве запустят службу»: an event named only as a time («после
    # стажировки», «перед форумом») holds nothing in the sentence's place.
    lemmas = {t.lemma for i, t in enumerate(sentence)
              if not (i and sentence[i - 1].lemma in TIME_PREPOSITIONS)}
    if not lemmas & gaz.venue_words and not _tells_a_stay(gaz, sentence) and not _in_relative_clause(
        text, m, toks, starts, s, gaz.body_words
    ):
        return ""
    return "national" if lemmas & gaz.national_words else "local"


def _tells_a_stay(gaz: Gazetteer, sentence: list[Token]) -> bool:
    # every reading of a form: «в лагере» is first read as the beer «лагер»
    return any(lemmas_all(t.text) & gaz.stay_words for t in sentence)


def _a_stay(gaz: Gazetteer, text: str, m: Mention, toks: list[Token]) -> bool:
    """The mention's sentence makes it a venue by a stay away from home (a camp, a shift), not
    by an event others come to."""
    s, e = _sentence_bounds(text, m.start)
    sentence = [t for t in toks if s <= t.start < e]
    return not {t.lemma for t in sentence} & gaz.venue_words and _tells_a_stay(gaz, sentence)


def _venues_of_places_within(text: str, body: list[Mention], venues: list[str]) -> list[str]:
    """«в лагере в Задонском районе соседней Липецкой области»: the subject in the genitive
    right after a venue (adjectives between) names where that venue is — a venue as well."""
    out = list(venues)
    for k in range(1, len(body)):
        between = text[body[k - 1].end : body[k].start].split()
        if out[k - 1] and not out[k] and len(between) <= 2 and all(
            w.isalpha() and is_adjective(w) for w in between
        ):
            out[k] = out[k - 1]
    return out


# People named by where they came from to learn or visit («коллеги из Бурятии познакомились с
# работой центра», «спасибо гостям из Бурятии»): guests of the story, not what it is about — like
# a venue. Guests who present their own region's work («специалисты из Томска рассказали об
# опыте») still count for it.
ORIGIN_NOUNS = frozenset({
    "коллега", "гость", "гостья", "специалист", "специалистка", "сотрудник", "сотрудница",
    "делегация", "представитель", "делегат", "участник", "эксперт", "волонтер", "команда",
    "группа", "мама", "мать", "женщина", "семья",
    # collective numerals stand for the people: «трое из ХМАО … и двое из РСО–Алании»
    "двое", "трое", "четверо", "пятеро", "шестеро", "семеро",
})  # fmt: skip
# «специалисты некоммерческих организаций из Улан-Удэ», «специалистов органов опеки и центров
# помощи детям из Кызыла»: the people, then what they are, then where from.
ORIGIN_WINDOW = 8
# Invited people («приглашённые эксперты»): visitors the hosts asked to come.
INVITED_LEMMAS = frozenset({"пригласить", "приглашать", "приглашённый", "приглашенный"})
# Coming somewhere («приехала из Самары»): the visit's own verbs.
ARRIVAL_LEMMAS = frozenset({"приехать", "приезжать", "прилететь", "прибыть"})
VISIT_LEMMAS = ARRIVAL_LEMMAS | frozenset({
    "познакомиться", "знакомиться", "изучить", "изучать", "перенять", "перенимать", "посетить",
    "посещать", "побывать", "гость", "гостья", "гостить", "погостить", "стажироваться",
    "стажировка", "учиться", "обучаться",
}) | INVITED_LEMMAS  # fmt: skip
LEARNING_RE = re.compile(r"\bза\s+опытом\b", re.IGNORECASE)  # came «за опытом»: to learn it
LEARNING_LEMMAS = frozenset({"изучить", "изучать", "перенять", "перенимать"})
# «к нам обратилась мама троих детей из Нарьян-Мара»: a client who came to the source's body.
TO_US_RE = re.compile(r"\bк\s+нам\b", re.IGNORECASE)
COMING_LEMMAS = frozenset({"обратиться", "обращаться", "прийти", "приходить", "поступить"})
PRESENT_LEMMAS = frozenset({
    "рассказать", "рассказывать", "поделиться", "делиться", "представить", "представлять",
    "презентовать", "выступить", "провести", "показать", "опыт",
})  # fmt: skip


# «делегации Астраханской и Ростовской областей», «гости Калмыкии»: people named by their region
# in the genitive, with no «из».
GUEST_NOUNS = frozenset({"делегация", "гость", "гостья", "делегат", "коллега"})
# What the text calls its visitors: guests, or invited.
GUEST_CALLING_LEMMAS = frozenset({"гость", "гостья", "гостить", "погостить"}) | INVITED_LEMMAS
# A person's life, not the story's place: «родилась в селе в Пензенской области», «муж уехал на
# заработки в Москву», «переехала из Пензы». Where one was born or went away to is not where the
# story happens; news of births or of families moving to a region is told the other way round
# («В Мордовии родилась тройня», «в область переехали 20 семей»), the place before the verb.
BIRTH_LEMMAS = frozenset({"родиться", "вырасти"})
# Where a person trained or studied («я стажировалась в Санкт-Петербурге», «училась в Казани»):
# a place of their past, like a venue, not where the story happens.
TRAINING_LEMMAS = frozenset({"стажироваться", "учиться", "обучаться", "отучиться", "выучиться"})
LEAVING_LEMMAS = frozenset({"уехать", "уезжать", "эмигрировать"})
# «переехала из X», and a trip one came back from: «привезла из Петербурга методики», «вернулись
# из Москвы с наградой» — a place of one's past, not one that acts.
MOVING_LEMMAS = frozenset({
    "переехать", "переезжать", "уехать", "уезжать", "сбежать", "бежать", "привезти",
    "вернуться", "возвращаться",
})  # fmt: skip
NATIVE_LEMMAS = frozenset({"уроженец", "уроженка"})  # one born in the place named after it
_BORN_IN_RE = re.compile(r"\bродом\s+из\s+$", re.IGNORECASE)  # «она родом из Екатеринбурга»
# A trip's way («до Бийска ехали на машине, оттуда поездом через Новосибирск», «деньги на дорогу
# до Бийска»): places passed on the road, not where anything happens.
TRAVEL_LEMMAS = frozenset({
    "ехать", "доехать", "поехать", "добираться", "добраться", "лететь", "долететь", "перелёт",
    "перелет", "поезд", "дорога", "трасса", "маршрут", "пересадка", "автобус", "самолёт",
    "самолет", "транзит",
})  # fmt: skip


def _on_the_road(toks: list[Token], s: int, e: int, starts: list[int]) -> bool:
    return any(t.lemma in TRAVEL_LEMMAS
               for t in toks[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)])


MOVING_AFTER_WINDOW = 3  # tokens after «из X» to its verb («из Москвы Ольга привезла …»)
BIOGRAPHY_WINDOW = 6  # tokens between the verb and the place («родилась в небольшом селе в …»)
# One invited expert named by where she is from («семейный психолог из Москвы Елена Воронцова»,
# «Московский психолог провела семинар», «Эксперт из Новосибирска научила кураторов»): a guest
# of the story, like a venue, whatever she did there. Organizations and teams of a region
# («психологи самарской организации обучили наставников») act for it and still count.
EXPERT_NOUNS = frozenset({
    "психолог", "психотерапевт", "эксперт", "специалист", "тренер", "лектор", "педагог", "юрист",
    "адвокат", "врач", "консультант", "преподаватель", "коуч", "спикер", "методист", "профессор",
    "супервизор", "медиатор", "логопед", "дефектолог", "психиатр", "наставник", "наставница",
})  # fmt: skip


# Words of the expert's name between the noun and the place («психолог Елена Гаврилова из …»).
EXPERT_NAME_WORDS = 3


# The source speaking of its own people or body: «нашего центра», «наши семьи», «мы».
_WE = r"мы|нас|нам|нами|наш\w*"
OWN_PEOPLE_RE = re.compile(rf"\b(?:{_WE})\b", re.IGNORECASE)
# The outlet speaking of itself in a lead: its team («мы», «наш центр») or its author («я прошла
# стажировку»).
FIRST_PERSON_RE = re.compile(rf"\b(?:{_WE}|я|мне|меня|мной)\b", re.IGNORECASE)


_PREPOSITION_RE = re.compile(r"(?:^|\s)(в|во|на|из|у|до|через)\s+$", re.IGNORECASE)
# «из Павлодара (Казахстан) и Горно-Алтайска»: one preposition before a pair whose first member
# is a place the gazetteer does not hold (abroad, a village).
_PAIRED_RE = re.compile(
    r"(?:^|\s)(в|во|на|из|у|до|через)\s+[А-ЯЁ][\w-]+(?:\s+\([^()]{1,40}\))?\s*(?:,|\sи)\s+$")
PAIR_CHARS = 70


def _preposition(text: str, m: Mention) -> str:
    return _preposition_at(text, m)[0]


def _preposition_at(text: str, m: Mention) -> tuple[str, int]:
    """The preposition governing the mention and where the phrase it opens starts (the
    mention itself, or the first member of its pair)."""
    found = _PREPOSITION_RE.search(text[max(0, m.start - 8) : m.start])
    if found is not None:
        return found.group(1).lower(), m.start
    window = max(0, m.start - PAIR_CHARS)
    found = _PAIRED_RE.search(text[window : m.start])
    if found is None:
        return "", m.start
    return found.group(1).lower(), window + found.end(1) + 1


def _origin_kind(text: str, m: Mention, toks: list[Token], home_iso: str | None = None) -> str:
    """"origin" for «… из X» after a noun for people who came from X (or «делегация X»);
    "biography" for a place of a person's life («родилась в X»); "" otherwise."""
    starts = [t.start for t in toks]
    k = bisect.bisect_left(starts, m.start)  # the mention's first token
    s, e = _sentence_bounds(text, m.start)
    preposition, phrase = _preposition_at(text, m)
    opens = bisect.bisect_left(starts, phrase)  # the first token of the phrase «из» opens
    window = [t for t in toks[max(0, k - BIOGRAPHY_WINDOW) : k] if t.start >= s]
    verbs = {t.lemma for t in window}
    # «из Москвы Ольга привезла новые знакомства»: the verb may follow the place too
    after = {t.lemma for t in toks[k + 1 : k + 1 + MOVING_AFTER_WINDOW] if t.start < e}
    if (preposition in ("в", "во", "на") and verbs & (BIRTH_LEMMAS | LEAVING_LEMMAS | TRAINING_LEMMAS)) or (
        preposition == "из" and ((verbs | after) & MOVING_LEMMAS or _BORN_IN_RE.search(text, s, m.start))
    ) or (preposition == "у" and verbs & TRAINING_LEMMAS) or (  # «учились у Петербурга»
        not preposition and k > 0 and toks[k - 1].lemma in NATIVE_LEMMAS  # «уроженец Якутска»
    ):
        return "biography"
    if preposition in ("до", "через") and _on_the_road(toks, s, e, starts):
        return "route"
    if _one_experts_origin(text, m, toks, starts, k, preposition):
        return "expert_origin"
    genitive_guest = k > 0 and toks[k - 1].lemma in GUEST_NOUNS and not preposition
    demonym = m.kind == "demonym"  # «приехали москвичи»: people from there, as «гости из Москвы»
    # «к нам приезжала основательница московского фонда»: the people's own body names it
    people_phrase = not preposition and _people_phrase_before(
        text, toks, k, VISITOR_NOUNS | EXPERT_NOUNS)
    # «Опыт Подольска изучили ярославские специалисты»: people named by their region's adjective
    # (not the outlet's own: «астраханские специалисты отправятся на стажировку» is its trip)
    adjectival = not people_phrase and (
        m.kind in ("adj", "city_adj") and home_iso not in m.isos
        and _people_after(text, m, toks, starts))
    if (preposition != "из" and not genitive_guest and not demonym and not people_phrase
            and not adjectival):
        return ""
    if preposition == "из" and not _people_before(toks, opens):
        return ""
    lemmas = {t.lemma for t in toks[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]}
    if LEARNING_RE.search(text, s, e) or lemmas & LEARNING_LEMMAS:
        # «за опытом», «изучили / переняли опыт»: the experience is what the guests learn, not
        # what they present («поделились опытом»)
        lemmas = (lemmas - {"опыт"}) | {"изучить"}
    if lemmas & COMING_LEMMAS and TO_US_RE.search(text, s, e):
        lemmas |= {"посетить"}
    # People named by their adjective are guests only when they came, or came to learn: «курганские
    # специалисты пройдут стажировку, а затем начнут готовить наставников» train for their own
    # region's work.
    visit = lemmas & (ARRIVAL_LEMMAS | LEARNING_LEMMAS if adjectival else VISIT_LEMMAS)
    # «у нас были гости: два психолога тюменского центра провели тренинг»: the text calls them
    # guests, so what they presented is the hosts' event, nothing that happens to their region.
    # So are invited ones («провели его приглашённые эксперты из Санкт-Петербурга»).
    called_guests = bool(lemmas & GUEST_CALLING_LEMMAS)
    return "origin" if visit and (called_guests or not lemmas & PRESENT_LEMMAS) else ""


def _people_before(toks: list[Token], k: int) -> bool:
    """A noun for people shortly before «из» and the mention at token k («специалистов органов
    опеки из …»)."""
    return any(t.lemma in ORIGIN_NOUNS for t in toks[max(0, k - 1 - ORIGIN_WINDOW) : max(k - 1, 0)])


def _people_from(text: str, m: Mention, toks: list[Token], starts: list[int]) -> bool:
    """The mention names where people came from: «<people> … из X», X's adjective before the
    people («нижегородские коллеги», «пензенские специалисты по опеке»), X inside the people's
    own words («специалисты кировского центра», «делегация органов опеки Курганской
    области»), or «приехала из X»."""
    k = bisect.bisect_left(starts, m.start)
    if m.kind in ("adj", "city_adj") and _people_after(text, m, toks, starts):
        return True
    preposition = _preposition(text, m)
    if preposition == "из":
        s, _ = _sentence_bounds(text, m.start)
        came = {t.lemma for t in toks[max(0, k - 3) : k] if t.start >= s} & ARRIVAL_LEMMAS
        return _people_before(toks, k) or bool(came)
    return not preposition and _people_phrase_before(
        text, toks, k, ORIGIN_NOUNS | LEADER_NOUNS | EXPERT_NOUNS)

# Words that end a noun phrase read backwards from a place: a verb, a preposition, an adverb, a
# pronoun. («специалистов органов опеки и социальных учреждений Курганской области»: nouns,
# adjectives and «и» only.)
_PHRASE_BREAKERS = frozenset({"VERB", "INFN", "GRND", "PRTS", "PREP", "ADVB", "NPRO", "PRED"})


# Who leads or founded a body, besides ORIGIN_NOUNS: people a visit is told about too.
LEADER_NOUNS = frozenset({
    "основатель", "основательница", "руководитель", "директор", "председатель", "президент",
    "координатор", "заведующий", "заведующая",
})  # fmt: skip
# Who visits on behalf of a body (not «семьи», «мамы», «группа»: people a body serves).
VISITOR_NOUNS = frozenset({
    "коллега", "гость", "гостья", "специалист", "делегация", "представитель", "делегат", "эксперт",
}) | LEADER_NOUNS  # fmt: skip


def _guests_listed_on(
    text: str, mentions: Sequence[Mention], flags: list[str], guests: Mapping[str | None, str],
    resolve: Callable[[Mention], str | None],
) -> list[str]:
    """«эксперты из Москвы и Петербурга»: «из» stands once for the list's later members that the
    text names as guests too."""
    out = list(flags)
    for k in range(1, len(out)):
        if (not out[k] and out[k - 1] and resolve(mentions[k]) in guests
                and lists.SEPARATOR.match(text[mentions[k - 1].end : mentions[k].start])):
            out[k] = out[k - 1]
    return out


def _visitors_from(text: str, m: Mention, toks: list[Token], starts: list[int]) -> bool:
    """«эксперты из Москвы», «коллегами из Ростовской области»: visitors or experts right before
    «из X» (not «кураторов семей из Астрахани»: the people served)."""
    k = bisect.bisect_left(starts, m.start)
    return (_preposition(text, m) == "из" and k >= 2
            and toks[k - 2].lemma in VISITOR_NOUNS | EXPERT_NOUNS)


def _people_phrase_before(
    text: str, toks: list[Token], k: int, nouns: frozenset[str] = ORIGIN_NOUNS
) -> bool:
    """A noun for people heads the noun phrase the mention at token k ends: only nouns,
    adjectives, numbers, «и» and a partitive «одного из» between, no punctuation («три
    специалиста кемеровского центра», «руководитель службы одного из московских центров»)."""
    for j in range(k - 1, max(-1, k - 1 - ORIGIN_WINDOW), -1):
        if re.search(r"[.!?;:,—()«»\"]", text[toks[j].end : toks[j + 1].start]):
            return False
        if toks[j].lemma in nouns:
            return True
        if toks[j].lemma == "из" and j > 0 and toks[j - 1].lemma == "один":
            continue
        if part_of_speech(toks[j].text) in _PHRASE_BREAKERS:
            return False
    return False


def _people_after(
    text: str, m: Mention, toks: list[Token], starts: list[int],
    nouns: frozenset[str] = ORIGIN_NOUNS | EXPERT_NOUNS,
) -> bool:
    """A noun for people (``nouns``) right after an adjectival mention, up to two adjectives
    between."""
    after = bisect.bisect_left(starts, m.end)
    for t in toks[after : after + 3]:
        if re.search(r"[.!?;,]", text[m.end : t.start]):
            return False
        if t.lemma in nouns:
            return True
        if not is_adjective(t.text):
            return False
    return False


def _one_expert_named(text: str, m: Mention, toks: list[Token], starts: list[int]) -> bool:
    """The mention names one expert's or leader's body or region: «Психолог московского фонда»,
    «руководитель калужского центра», «московский психолог»."""
    k = bisect.bisect_left(starts, m.start)
    nouns = EXPERT_NOUNS | LEADER_NOUNS
    if _people_phrase_before(text, toks, k, nouns):
        before = toks[max(0, k - ORIGIN_WINDOW) : k]
        person = next((t for t in reversed(before) if t.lemma in nouns), None)
    else:
        after = bisect.bisect_left(starts, m.end)
        person = next((t for t in toks[after : after + 3] if t.lemma in nouns), None)
    return person is not None and is_singular(person.text)


def _one_experts_origin(
    text: str, m: Mention, toks: list[Token], starts: list[int], k: int, preposition: str,
    *, visiting: bool = False,
) -> bool:
    """The mention says where one expert is from: «психолог из Москвы», «психолог Елена Гаврилова
    из Москвы», «московский психолог» (up to two adjectives between: «новосибирский семейный
    психолог»)."""
    def on_a_visit() -> bool:
        if visiting:
            return True
        s, e = _sentence_bounds(text, m.start)
        sentence = toks[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)]
        return any(t.lemma in VISIT_LEMMAS for t in sentence)

    def one_guest(t: Token) -> bool:
        # «В гости приезжала петербургская писательница»: whoever one person is, a visit
        # says she is a guest
        return (t.lemma in EXPERT_NOUNS and is_singular(t.text)) or (
            is_person(t.text) and on_a_visit())

    if m.kind in ("adj", "city_adj"):
        after = bisect.bisect_left(starts, m.end)
        for t in toks[after : after + 3]:
            if t.lemma in EXPERT_NOUNS or is_person(t.text):
                return one_guest(t) and not re.search(r"[.!?;]", text[m.end : t.start])
            if not is_adjective(t.text):
                break
    # «психолог Елена Ткачук из Хабаровского краевого центра»: from a body of there
    if preposition != "из" or k < 2:
        return False
    j = k - 2
    # «с психологом Еленой Гавриловой из Нижнего Новгорода»: her name between
    while j > 0 and k - 2 - j < EXPERT_NAME_WORDS and toks[j].text[:1].isupper():
        j -= 1
    return one_guest(toks[j])


def _origins(
    text: str, mentions: list[Mention], toks: list[Token], home_iso: str | None = None
) -> list[str]:
    """Per mention, whether it says where guests came from («origin») or is a place of a
    person's life («biography»); the later members of such a list too («специалисты из Бердска и
    Искитимского района»: «из» stands once)."""
    out: list[str] = []
    for k, m in enumerate(mentions):
        joined = k > 0 and out[k - 1] and bool(
            lists.SEPARATOR.match(text[mentions[k - 1].end : m.start]))
        out.append(out[k - 1] if joined else _origin_kind(text, m, toks, home_iso))
    return out


# Words before a relative clause searched for the noun it describes (adjectives skipped:
# «автономной некоммерческой организации, которая …»).
ANTECEDENT_WINDOW = 6


def _in_relative_clause(
    text: str, m: Mention, toks: list[Token], starts: list[int], s: int,
    body_words: frozenset[str],
) -> bool:
    """«…, итоги которого подвели в Москве», «на встрече, которую провели в Казани»: the place
    of an event the sentence is not about. A clause about a body («организации, которая девять
    лет работает в Самарской области») tells where the body works, not a venue."""
    if m.kind in ("adj", "city_adj"):
        return False
    clause = max(s, *(text.rfind(c, 0, m.start) + 1 for c in ",;:(—"))
    first = bisect.bisect_left(starts, clause)
    if not any(t.lemma == "который" for t in toks[first : bisect.bisect_left(starts, m.start)]):
        return False
    return _antecedent(text, toks[:first], s) not in body_words


def _antecedent(text: str, before: list[Token], s: int) -> str:
    """The lemma of the noun a relative clause describes: the last word before it that is no
    adjective, a quoted name before the comma skipped («организации «Наставники Поволжья», …»)."""
    end = len(before)
    if end and text[before[-1].end : before[-1].end + 1] == "»":
        opening = text.rfind("«", s, before[-1].start)
        while end and before[end - 1].start > opening >= 0:
            end -= 1
    for t in reversed(before[max(0, end - ANTECEDENT_WINDOW) : end]):
        if t.start < s:
            break
        if not is_adjective(t.text):
            return t.lemma
    return ""


def attribute(
    text: str,
    mentions: list[Mention],
    *,
    title_mentions: list[Mention] = (),  # type: ignore[assignment]
    title: str = "",
    title_in_text: bool = False,
    title_span: tuple[int, int] | None = None,
    home_iso: str | None = None,
    tokens: list[Token] | None = None,
    trace: RegionTrace | None = None,
) -> list[tuple[Region, int]]:
    """The subjects the article is about, each with its mention count, best first.

    Mentions are weighted by position (title, lead, body), discounted as venues, enumerations or
    stray headlines; regions need MIN_SCORE and MIN_SHARE of the top score; the home region gets
    HOME_FACTOR. Ambiguous names count only when the text (or the home region) picks a candidate.
    With `trace`, every decision is recorded there (newsmon explain).
    """
    gaz = gazetteer()
    toks = tokens if tokens is not None else tokenize(text)
    cut = related_cut(text)
    credits = credit_lines(text[:cut])
    body = [m for m in mentions if m.start < cut and not inside(m.start, m.end, credits)]
    main_toks = [t for t in toks if t.start < cut and not inside(t.start, t.end, credits)]
    title_mentions = _same_sense_as_body(title, title_mentions, text, body, main_toks)
    origin = _reprinted_from(text, mentions, credits, home_iso)
    if origin is not None:
        home_iso = origin  # the reprinted text's own places are its origin's
        if trace is not None:
            trace.decided_by.append("reprint_home")
    far = _far_small_towns(gaz, [*body, *title_mentions], home_iso)
    if trace is not None:
        for m in mentions:
            if m.start >= cut or inside(m.start, m.end, credits):
                rule = "related_block" if m.start >= cut else "credit_line"
                trace.mentions.append(MentionStep(m.start, m.end, False, None, m.isos, [rule]))
            elif m in far:
                trace.mentions.append(MentionStep(m.start, m.end, False, None, m.isos, ["far_small_town"]))
        for m in title_mentions:
            if m in far:
                trace.mentions.append(MentionStep(m.start, m.end, True, None, m.isos, ["far_small_town"]))
    body = [m for m in body if m not in far]
    title_mentions = [m for m in title_mentions if m not in far]
    known = {
        m.isos[0] for m in [*body, *title_mentions]
        if len(m.isos) == 1 and not m.shared and m.kind != "initials"
    }
    if home_iso:
        known.add(home_iso)
    initials = _initials_in_context(gaz, text, body, title_mentions, known, title)

    def resolve(m: Mention) -> str | None:
        if m.kind == "initials":
            return initials.get(id(m))
        if m.shared and not set(m.isos) & known:
            # «Дзержинский район» of Новосибирск is not the Калужская district: a local outlet's
            # unqualified district is its own city's, unless the text names other subjects.
            return home_iso if home_iso and known == {home_iso} else None
        if len(m.isos) == 1:
            return m.isos[0]
        hits = [iso for iso in m.isos if iso in known]
        if len(hits) == 1:
            return hits[0]
        return m.dominant if not hits else None

    if title_in_text and title_span is None:
        title_span = (0, re.match(r"\s*[^\n]*", text).end())
    title_in_text = title_span is not None
    t_start, lead_start = title_span if title_span else (0, 0)  # the lead starts after the title
    for s, e in credits:  # a credit line right after the title is not the lead
        if s <= lead_start + 1 and text[lead_start:s].strip() == "":
            lead_start = e
    # The lead is the first paragraph after the title; a longer one (a text without paragraph
    # breaks) gives its first sentence(s) only.
    para = re.search(r"\S[^\n]*", text[lead_start:])
    lead_end = lead_start + (0 if para is None else _lead_length(para.group(0), para.start()))
    headlines = _headline_lines(text[:cut], lead_end)
    scores: dict[str, float] = {}
    counts: dict[str, int] = {}
    solid: set[str] = set()  # regions with at least one mention that is not only a venue
    local_venues: set[str] = set()  # venues of local (not national) events
    national_venues: set[str] = set()
    openers: set[str] = set()  # regions named at the start of a sentence («В Пермском крае …»)
    sections: set[str] = set()  # …of a paragraph: an overview's sections
    origins: set[str] = set()  # where guests came from («коллеги из Бурятии»)
    # A local event held in the outlet's own region («В Волгограде прошёл областной форум» on a
    # Волгоград site) is that region's own news, not a venue lent to another region's story; so
    # is an interregional one it hosts («слёт замещающих семей Севера под Сыктывкаром», «слёт,
    # организованный нашим отделением»), unless the title is about another region's doing there
    # («Омский опыт рекомендовали другим регионам» on a Новосибирск site).
    title_toks = tokenize(title) if title else []
    title_actors = {
        resolve(m) for m in title_mentions if not _is_venue(gaz, title, m, title_toks)
    } - {None}
    if OWN_PEOPLE_RE.search(title):
        title_actors.add(home_iso)
    hosted = home_iso in title_actors or not title_actors - {home_iso}

    def _hosted_at_home(m: Mention, venue: str) -> bool:
        if not home_iso or resolve(m) != home_iso:
            return False
        s, e = _sentence_bounds(text, m.start)
        return venue == "local" or hosted or OWN_PEOPLE_RE.search(text[s:e]) is not None

    venues = _venues_of_places_within(text, body, [
        "" if _hosted_at_home(m, venue) else venue
        for m, venue in ((m, _is_venue(gaz, text, m, toks)) for m in body)
    ])
    national_anywhere = {resolve(m) for m, v in zip(body, venues) if v == "national"}
    origin_flags = _origins(text, body, toks, home_iso)
    # Regions named at least once neither as a venue nor as where guests came from: they act.
    # A stay's host among them («лагерь «Берёзка» …, программу подготовили тюменские педагоги»)
    # is no mere venue.
    acting = {resolve(m) for m, v, f in zip(body, venues, origin_flags) if not v and not f}
    venues = ["" if v == "local" and resolve(m) in acting and _a_stay(gaz, text, m, toks)
              else v for m, v in zip(body, venues)]
    # A place the text names only as a venue or as where someone went and came back from
    # («Вернулась из Москвы, где шёл форум»): where the headline's «в Москве» happened too.
    elsewhere = [bool(v) or f in ("biography", "route") for v, f in zip(venues, origin_flags)]
    body_venue_only = {resolve(m) for m, e in zip(body, elsewhere) if e} - {
        resolve(m) for m, e in zip(body, elsewhere) if not e
    }
    body_actors = {resolve(m) for m, v in zip(body, venues) if not v} - {None}
    title_origins = _origins(title, list(title_mentions), title_toks, home_iso)
    # Guests named as guests once («Специалисты опеки из Пермского края прошли стажировку») are
    # the same guests where the text names them again as people from there («двенадцать
    # специалистов … из Пермского края три дня провели в Екатеринбурге»).
    # An invited expert's origin too («Самарский психолог провела тренинг» … «приехала из Самары»).
    guests = {resolve(m): f for m, f in zip(title_mentions, title_origins)
              if f in ("origin", "expert_origin")}
    guests |= {resolve(m): f for m, f in zip(body, origin_flags) if f == "origin"}
    # «Писательница из Петербурга встретилась с родителями» over «В гости приезжала
    # петербургская писательница»: the headline's one person from there is the text's guest.
    visitors = {resolve(m) for m, f in zip(body, origin_flags) if f == "expert_origin"} - acting
    title_starts = [t.start for t in title_toks]
    title_origins = [
        f or ("expert_origin" if resolve(m) in visitors and _one_experts_origin(
            title, m, title_toks, title_starts, bisect.bisect_left(title_starts, m.start),
            _preposition(title, m), visiting=True) else "")
        # «Хабаровские психологи провели семинар» over «приехала психолог … из Хабаровского
        # центра», «Психолог московского фонда провела супервизию» over «у нас в гостях была …
        # руководитель службы московского фонда»: the headline's expert from there is the
        # text's guest
        or ("expert_origin" if (iso := resolve(m)) in visitors
            and _people_from(title, m, title_toks, title_starts) else "")
        or ("origin" if iso in guests and iso != home_iso and (
            _one_expert_named(title, m, title_toks, title_starts)
            # «Казанские наставники провели тренинг» over «гости из Казани»: the team of experts
            # the text names as guests (named by their region's adjective, as a team is)
            or (m.kind in ("adj", "city_adj")
                and _people_after(title, m, title_toks, title_starts, EXPERT_NOUNS))
            # «Кураторов учили эксперты из Москвы и Петербурга» over «занятия вели приглашённые
            # эксперты …»: the headline's people from there are the text's guests
            or _visitors_from(title, m, title_toks, title_starts)) else "")
        for m, f in zip(title_mentions, title_origins)
    ]
    title_origins = _guests_listed_on(title, list(title_mentions), title_origins, guests, resolve)
    starts = [t.start for t in toks]
    # «Смоляне двадцать лет сопровождают приёмные семьи» after «коллеги из Смоленска»: the
    # people of the guests' region the text names by their demonym are those guests.
    origin_flags = [
        f or (guests[iso] if (iso := resolve(m)) in guests and (
            _people_from(text, m, toks, starts) or (m.kind == "demonym" and iso != home_iso))
            else "")
        for m, f in zip(body, origin_flags)
    ]
    origin_flags = _guests_listed_on(text, body, origin_flags, guests, resolve)
    for idx, m in enumerate(body):
        iso = resolve(m)
        step = None
        if trace is not None:
            step = MentionStep(m.start, m.end, False, iso, m.isos)
            trace.mentions.append(step)
        if iso is None:
            if step is not None:
                step.rules.append(_left_out_rule(m))
            continue
        in_title_line = title_in_text and t_start <= m.start < lead_start
        weight = (
            TITLE_WEIGHT if in_title_line else LEAD_WEIGHT if m.start < lead_end else BODY_WEIGHT
        )
        if step is not None:
            step.rules.append(
                "title" if in_title_line else "lead" if m.start < lead_end else "body"
            )
            if m.kind == "initials":
                step.rules.append("initials")
            if len(m.isos) > 1 or m.shared:
                step.rules.append("resolved_by_context")
        venue = venues[idx]
        # People from the outlet's own region's towns («две семьи приехали из Нюрбы» to a
        # Yakutian centre) are no guests from elsewhere: their region is where it happens.
        if not venue and origin_flags[idx] and iso != home_iso:
            weight *= VENUE_FACTOR
            origins.add(iso)
            if step is not None:
                step.rules.append(origin_flags[idx])
                step.weight = weight
            scores[iso] = scores.get(iso, 0.0) + weight
            counts[iso] = counts.get(iso, 0) + 1
            continue
        if in_title_line:
            others = {resolve(o) for o in body if t_start <= o.start < lead_start} - {iso, None}
            venue = _title_venue(venue, iso, others, national_anywhere, body_venue_only)
        if venue:
            weight *= VENUE_FACTOR
            (local_venues if venue == "local" else national_venues).add(iso)
        else:
            solid.add(iso)
        if step is not None and venue:
            step.rules.append(f"venue_{venue}")
        if not in_title_line:
            if lists.in_list(text, body, idx):
                weight *= LIST_FACTOR
                if step is not None:
                    step.rules.append("list")
            if inside(m.start, m.end, headlines):
                weight *= HEADLINE_FACTOR
                if step is not None:
                    step.rules.append("headline")
            if not venue and weight >= BODY_WEIGHT and _opens_sentence(text, m):
                openers.add(iso)
                if _opens_sentence(text, m, paragraph=True):
                    sections.add(iso)
        if step is not None:
            step.weight = weight
        scores[iso] = scores.get(iso, 0.0) + weight
        counts[iso] = counts.get(iso, 0) + 1
    for m, origin in zip(title_mentions, title_origins):
        iso = resolve(m)
        step = None
        if trace is not None:
            step = MentionStep(m.start, m.end, True, iso, m.isos, ["title"])
            trace.mentions.append(step)
        if iso is None:
            if step is not None:
                step.rules[:] = [_left_out_rule(m)]
            continue
        if origin:
            scores[iso] = scores.get(iso, 0.0) + TITLE_WEIGHT * VENUE_FACTOR
            if step is not None:
                step.rules.append(origin)
                step.weight = TITLE_WEIGHT * VENUE_FACTOR
            continue
        venue = _is_venue(gaz, title, m, title_toks)
        if venue == "local" and iso == home_iso:
            venue = ""
        if not venue and iso in body_venue_only and _after_in(title, m):
            venue = "local"  # «… представили в Петербурге»: the text names it as the venue
        others = {resolve(o) for o in title_mentions} - {iso, None}
        if home_iso and iso != home_iso and (OWN_PEOPLE_RE.search(title) or (
            venue and iso in body_venue_only and OWN_PEOPLE_RE.search(text[:cut])
        )):
            # «Мы выступили на конференции в Петербурге»: «мы», the outlet's own people of its
            # home region, are the title's subject; the city is where they spoke. So too when
            # the title leaves «мы» out («Мамы из отделения съездили в Барнаул») but the text
            # names the place only as where its own people («нашего центра») went.
            others.add(home_iso)
        elif home_iso and iso != home_iso and venue and home_iso in origins:
            # «Специалисты опеки прошли стажировку в Новосибирске» over «специалистов … из
            # Ангарска, Шелехова»: the people who went there are the home region's.
            others.add(home_iso)
        venue = _title_venue(venue, iso, others, national_anywhere, body_venue_only, body_actors)
        if venue:
            scores[iso] = scores.get(iso, 0.0) + TITLE_WEIGHT * VENUE_FACTOR
            (local_venues if venue == "local" else national_venues).add(iso)
        else:
            scores[iso] = scores.get(iso, 0.0) + TITLE_WEIGHT
            solid.add(iso)
        if step is not None:
            step.weight = TITLE_WEIGHT * (VENUE_FACTOR if venue else 1.0)
            if venue:
                step.rules.append(f"venue_{venue}")
        if not title_in_text:
            counts[iso] = counts.get(iso, 0) + 1
    local_venues -= national_venues
    if not solid:
        # No subject named except as a venue: «краевое министерство» in the home outlet decides.
        home_hit = _home_by_adjectives(gaz, main_toks, home_iso)
        if home_hit:
            if trace is not None:
                _trace_outcomes(trace, scores, counts, [], solid)
                trace.decided_by.append("home_adjectives")
                home = trace.outcome(home_hit[0][0].iso)
                home.chosen, home.mentions = True, home_hit[0][1]
                home.rules.append("home_adjectives")
            return home_hit
    # A name the text leaves unresolved (a district of that name in several subjects) may be
    # the place it is about: the home region is no fallback then.
    unresolved = any(resolve(m) is None for m in [*body, *title_mentions])
    # The outlet's own districts and villages decide below with no place named, or beside only
    # a passing mention of another subject's town («следующий выезд — в Талицы») when no name
    # is left unresolved.
    named_weakly = bool(scores) and max(scores.values()) < MIN_SCORE and not unresolved
    if (not scores or named_weakly) and _own_locality(text[:cut], home_iso):
        # No place the gazetteer knows, but a named district («в Заводском районе») or village
        # («в селе Никольском»): a local outlet's own (a federal outlet would name the subject).
        if trace is not None:
            trace.decided_by.append("home_local_district")
            home = trace.outcome(home_iso)
            home.chosen = True
            home.rules.append("home_local_district")
        return [(gaz.by_iso[home_iso], 0)]
    if not solid and len(local_venues) == 1 and home_iso and home_iso not in local_venues and (
        OWN_PEOPLE_RE.search(f"{title}\n{text[:cut]}")
    ):
        # «Школу нашего центра наградили в Москве на форуме»: the source's own people, of its
        # home region, are what happened there; the venue is only where.
        if trace is not None:
            trace.decided_by.append("own_people_at_venue")
            home = trace.outcome(home_iso)
            home.chosen = True
            home.rules.append("own_people_at_venue")
        return [(gaz.by_iso[home_iso], 0)]
    if not solid and len(local_venues) == 1:
        # «В Уссурийске прошёл городской фестиваль»: the venue of a local event is its subject.
        solid = set(local_venues)
        scores = {iso: sc / VENUE_FACTOR for iso, sc in scores.items()}
        if trace is not None:
            trace.decided_by.append("local_venue_subject")
    venue_only = set(scores) - solid
    raw = dict(scores)  # venues' scores too: for the trace and for the counted regions
    scores = {iso: sc for iso, sc in scores.items() if iso in solid}
    # «телефон доверия для семей четырёх областей» over four regions named, one of them only as
    # where the idea was born: the text counts them, so each is one it is about.
    named = {resolve(m) for m in [*body, *title_mentions]} - {None}
    counts_told = {
        number
        for part, part_toks, part_mentions in ((title, title_toks, title_mentions),
                                               (text[:cut], main_toks, body))
        for number, pos in lists.counted_regions(part, part_toks)
        if not _guests_came_to_learn(part, part_toks, part_mentions, pos)
    }
    counted = {str(iso) for iso in named} if len(named) >= 2 and len(named) in counts_told else set()
    for iso in counted:
        scores[iso] = max(scores.get(iso, raw.get(iso, 0.0)), MIN_SCORE)
    if home_iso in scores:
        scores[home_iso] *= HOME_FACTOR
        if trace is not None:
            trace.outcome(home_iso).rules.append("home_region")
    def home_by_local_voice() -> bool:
        # …unless the outlet speaks of its own people there («семинар для наших опекунов в
        # Кировском районе»): its own district of that name
        own = OWN_PEOPLE_RE.search(f"{title}\n{text[:cut]}") is not None
        return bool(home_iso) and (own or not unresolved) and _speaks_locally(
            gaz, [*title_toks, *main_toks], str(home_iso), title, text[:cut])

    if not scores:
        if home_iso and home_by_local_voice():
            # No place is named at all, and the text speaks of the outlet's own area.
            if trace is not None:
                _trace_outcomes(trace, {home_iso: 1.0}, {home_iso: 0}, [home_iso], solid,
                                venue_only, raw)
                trace.outcome(home_iso).rules.append("home_local_voice")
                trace.decided_by.append("home_local_voice")
            return [(gaz.by_iso[home_iso], 0)]
        if trace is not None:
            _trace_outcomes(trace, {}, counts, [], solid, venue_only, raw)
        return []
    predicated = lists.predicated_members(text, body, resolve) | counted
    # «в проекте участвуют A, B и C»: a list that is its predicate's argument, member by member
    # (not a venue, not a stray headline).
    shared = {
        resolve(body[k]): word
        for k, word in lists.list_arguments(text, body, gaz.venue_words).items()
        if not venues[k] and not inside(body[k].start, body[k].end, headlines)
    }
    shared = {iso: word for iso, word in shared.items() if iso in scores and iso not in predicated}
    # «Костромская область устроила …, во Владимирской открыли …, Ивановская сократила …»
    reviewed = lists.clause_members(
        text, body, resolve, gaz.venue_words,
        skip=lambda k: bool(venues[k]) or inside(body[k].start, body[k].end, headlines),
        headline=lambda k: inside(body[k].start, body[k].end, headlines),
    ) & (set(scores) | venue_only) - predicated - set(shared)
    # A paragraph of a review opening with its region acting («Омичи сделали ставку …») puts
    # the region back however the rest of the text names it (coming as guests to a meeting).
    scores.update({iso: 0.0 for iso in reviewed - set(scores)})
    predicated |= set(shared) | reviewed
    for iso in predicated & set(scores):  # «Прикамье — …; Башкирия — …»: each member is a subject
        scores[iso] = max(scores[iso], MIN_SCORE)
    top = max(scores.values())
    # Each member of a list that says what happens in it is a subject, however loud the
    # headline's own region is («Ленобласть вошла в пятёрку»: the other four count too).
    chosen = [
        iso for iso in scores
        if scores[iso] >= max(MIN_SCORE, MIN_SHARE * top) or iso in predicated
    ]
    rule = ""  # a whole-article rule that chose regions the scores alone did not
    if (
        chosen and home_iso in solid and home_iso not in chosen
        and scores.get(home_iso, 0.0) >= MIN_SCORE
        and FIRST_PERSON_RE.search(text[lead_start:lead_end])
    ):
        # «Наша команда участвовала в видеоконференции с Ульяновской областью … ждём ульяновских
        # специалистов в Иванове»: the outlet's own people act in the lead, and the text names
        # their subject: it is theirs too, however loud the other side is.
        chosen.append(home_iso)
        rule = "own_people_home"
    if not chosen:
        rule = "overview"
        # Nothing stands out: an overview («В Тульской области …», «В Пермском крае …») or one
        # body mention is about every subject it names in full (not only in a list or headline).
        # Named in passing («Депутат от Хабаровского края поддержала») is not enough.
        chosen = [iso for iso in openers if scores[iso] >= max(BODY_WEIGHT, MIN_SHARE * top)]
    elif len(sections) >= 2:
        # An overview whose sections open with their subjects: each section counts.
        rule = "sections"
        chosen += [
            iso
            for iso in sections - set(chosen)
            if scores[iso] >= max(BODY_WEIGHT, MIN_SHARE * top)
        ]
    hosts = local_venues if len(local_venues) == 1 else set()
    if home_iso in local_venues | national_venues:
        hosts = {home_iso}  # a local outlet's own region hosting the event
    if not chosen and hosts:
        # «В Нижнем Новгороде пройдёт форум», its guests only listed: the host is the subject.
        chosen, rule = list(hosts), "host"
        scores.update({iso: 1.0 for iso in chosen})
        counts.update({iso: counts.get(iso, 1) for iso in chosen})
    if not chosen and set(scores) <= {home_iso} and _own_locality(text[:cut], home_iso):
        # Only a passing mention of the home region (a credit line) and a named district.
        chosen, rule = [str(home_iso)], "home_local_district"
        scores.setdefault(str(home_iso), 1.0)
        counts.setdefault(str(home_iso), 0)
    if not chosen and home_iso and home_iso not in scores:
        # Every subject named stays below the bar (a list of participants' regions, a venue)
        # and the text speaks of «республики», «краевого»: the outlet's own subject.
        home_hit = _home_by_adjectives(gaz, main_toks, home_iso)
        if home_hit:
            chosen, rule = [home_iso], "home_adjectives"
            scores[home_iso] = 1.0
            counts[home_iso] = home_hit[0][1]
    if not chosen and home_iso and home_by_local_voice():
        # Every place named stays below the bar (a guest's town, a venue, a comparison) and the
        # text speaks of the outlet's own area: «Психолог из Элисты провела семинар для наших
        # опекунов».
        chosen, rule = [home_iso], "home_local_voice"
        scores[home_iso] = max(scores.get(home_iso, 0.0), 1.0)
        counts.setdefault(home_iso, 0)
    chosen.sort(key=lambda iso: (-scores[iso], -counts[iso], iso))
    # The cap is on regions chosen by their scores; members of a list that says what happens to
    # each are never capped (five winners are five, besides the outlet's own region).
    free = [iso for iso in chosen if iso not in predicated]
    kept = [iso for iso in chosen if iso in predicated or iso in free[:MAX_REGIONS]]
    over = [iso for iso in chosen if iso not in kept]
    if trace is not None:
        _trace_outcomes(trace, scores, counts, kept, solid, venue_only, raw)
        for iso in predicated & set(kept):
            code = ("counted" if iso in counted
                    else f"joint_event:{shared[iso]}" if shared.get(iso) in lists.JOINT_EVENT_LEMMAS
                    else f"shared_predicate:{shared[iso]}" if iso in shared
                    else "clause_review" if iso in reviewed else "predicated_list")
            trace.outcome(iso).rules.append(code)
        for iso in over:
            trace.outcome(iso).rules.append("over_limit")
        by_rule = [iso for iso in kept
                   if rule == "host" or (rule and scores[iso] < max(MIN_SCORE, MIN_SHARE * top))]
        for iso in by_rule:
            trace.outcome(iso).rules.append(rule)
        if by_rule:
            trace.decided_by.append(rule)
    return [(gaz.by_iso[iso], counts[iso]) for iso in kept]


def _guests_came_to_learn(
    text: str, toks: list[Token], mentions: list[Mention], pos: int
) -> bool:
    """«Специалисты пяти регионов прошли стажировку в Адыгее»: the counted regions' people came
    somewhere to learn or visit — its guests, not what the text is about."""
    s, e = _sentence_bounds(text, pos)
    visit = any(t.lemma in VISIT_LEMMAS for t in toks if s <= t.start < e)
    return visit and any(
        s <= m.start < e and _preposition(text, m) in ("в", "во", "на") for m in mentions)


def _left_out_rule(m: Mention) -> str:
    if m.kind == "initials":
        return "initials_unresolved"
    return "shared_district" if m.shared else "ambiguous"


def _initials_in_context(
    gaz: Gazetteer, text: str, body: list[Mention], title_mentions: list[Mention], known: set[str],
    title: str = "",
) -> dict[int, str]:
    """The subject each abbreviation by initials («РТ», «ЧР», «СК») means, by id of its mention;
    left out when the context does not say. The context: a candidate the text names elsewhere or
    the outlet's home region («Чувашия … ЧР»); else, in an enumeration of regions («Нижегородская
    область, РТ, Чувашия»), the only candidate in its neighbours' federal district(s) — Татарстан,
    not Тыва, among Приволжский regions. Never a guess: no context, no region."""
    out: dict[int, str] = {}
    neighbours: dict[int, set[str]] = {}
    for part, mentions in ((text, body), (title, title_mentions)):
        for lo, hi in lists.groups(part, mentions):
            members = mentions[lo : hi + 1]
            for m in members:
                neighbours[id(m)] = {
                    o.isos[0] for o in members
                    if o is not m and len(o.isos) == 1 and o.kind != "initials"
                }
    meant: dict[tuple[str, ...], str] = {}  # what the text's «ЛО» means, once its context says
    for m in [*body, *title_mentions]:
        if m.kind != "initials":
            continue
        hits = [iso for iso in m.isos if iso in known]
        if not hits:
            districts = {gaz.by_iso[iso].district for iso in neighbours.get(id(m), ())}
            hits = [iso for iso in m.isos if gaz.by_iso[iso].district in districts]
        if len(hits) == 1:
            out[id(m)] = meant[m.isos] = hits[0]
    # «Петербург, ЛО, Прикамье и ХМАО» in the headline, «школа «Надёжная гавань» (ЛО)» in the
    # text: one abbreviation means one subject throughout.
    for m in [*body, *title_mentions]:
        if m.kind == "initials" and id(m) not in out and m.isos in meant:
            out[id(m)] = meant[m.isos]
    return out


def _trace_outcomes(
    trace: RegionTrace, scores: dict[str, float], counts: dict[str, int], chosen: list[str],
    solid: set[str], venue_only: set[str] = frozenset(),  # type: ignore[assignment]
    raw: dict[str, float] | None = None,
) -> None:
    """The final score of every region the article names (a venue's before it was dropped), and
    why it was not chosen."""
    top = max(scores.values(), default=0.0)
    for iso in {*scores, *venue_only, *counts}:
        out = trace.outcome(iso)
        out.score = round(scores.get(iso, (raw or {}).get(iso, 0.0)), 3)
        out.mentions = counts.get(iso, 0)
        out.chosen = iso in chosen
        if out.chosen:
            continue
        if iso not in solid or iso in venue_only:
            out.rules.append("only_venue")
        elif scores.get(iso, 0.0) < MIN_SCORE:
            out.rules.append("below_min")
        elif scores.get(iso, 0.0) < MIN_SHARE * top:
            out.rules.append("below_share")


def _same_sense_as_body(
    title: str, title_mentions: list[Mention], text: str, body: list[Mention],
    toks: list[Token],
) -> list[Mention]:
    """A name in the headline means what the same name means in the text: «В Куйбышевском
    районе открылась гостиная» over «…в Куйбышевском районе Новокузнецка…» is Новокузнецк's, and
    a name the text turned down everywhere it stands («в посёлках Мга и Павлово», a street, a
    person) is not a place in the headline either."""
    if not title:
        return list(title_mentions)
    sense = {lemmatize_phrase(text[m.start : m.end]): m for m in body}
    lemmas = [t.lemma for t in toks]
    out = []
    for m in title_mentions:
        key = lemmatize_phrase(title[m.start : m.end])
        same = sense.get(key)
        if same is not None and same.kind == m.kind and same.isos != m.isos:
            m = replace(m, isos=same.isos, dominant=same.dominant, shared=same.shared)
        elif same is None and key and _turned_down_in_body(key, lemmas, toks, body):
            continue
        out.append(m)
    return out


def _turned_down_in_body(
    key: tuple[str, ...], lemmas: list[str], toks: list[Token], body: list[Mention]
) -> bool:
    n = len(key)
    spots = [i for i in range(len(lemmas) - n + 1) if tuple(lemmas[i : i + n]) == key]
    return bool(spots) and not any(
        m.start <= toks[i].start < m.end for i in spots for m in body
    )


def _own_locality(text: str, home_iso: str | None) -> bool:
    return home_iso is not None and (
        LOCAL_DISTRICT_RE.search(text) is not None or LOCAL_SETTLEMENT_RE.search(text) is not None
    )
