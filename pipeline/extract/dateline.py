"""Date lines: a short line near the headline (or just under the text) that is mostly a date.

«11:04, 23.07.2015», «Опубликовано: 5 ноября 2025 г. | Автор: Мария Иванова», «Вчера, 17:05»,
a press-release lead «Хабаровск, 5 марта 2024. …». `dateline_date` judges one line;
`find_dateline` finds the line on a page (pipeline/extract/dates.py calls it after the machine signals).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, NamedTuple

from pipeline.extract import boilerplate
from pipeline.extract.date_expressions import find_dates, is_plausible, is_relative

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Once the date expressions, times, «г.»/«года», separators, labels and view counters are removed,
# a date line has at most this much text left («Опубликовано: … | Автор: Мария Иванова»).
DATELINE_MAX_REST = 60
HEAD_BLOCKS_BEFORE_TITLE = 4
TAIL_BLOCKS_AFTER_TEXT = 3
BODY_MIN_CHARS = 120
# A date line under the text shares an ancestor with the last paragraph at most this far up from
# the paragraph and this far up from the date line.
TAIL_MAX_UP = 3
TAIL_MAX_DOWN = 2

_DATELINE_NOISE = re.compile(
    r"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?|\bг(?:ода|\.)|\bгод\b|\bв\b|"
    r"опубликовано|опубликован[ао]?|дата публикации|дата изменения|дата|размещено|обновлено|"
    r"изменено|добавлено|создано|мск|msk|utc|gmt|по московскому времени|местное время|"
    # a day header names the weekday: «суббота, 22 ноября 2025»
    r"понедельник|вторник|сред[аы]|четверг|пятниц[аы]|суббот[аы]|воскресенье|"
    r"\d+\s*мин\.?(?:\s+на)?\s+чтени\w*|время чтения|читать|"
    r"\d+\s*(?:просмотр\w*|комментари\w*|прочтени\w*)|(?:просмотр|прочтени)\w*:?\s*\d+|"
    # a byline in the date line: «… пользователем admin», «Автор: …»
    # (not a hyphen inside a word: «Пресс-служба» is a name, its «служба» no lower-case word)
    r"пользовател\w*|автор\w*|[|,:;•·/()\[\]—–@]|(?<!\w)-|-(?!\w))",
    re.IGNORECASE,
)
# A member's own dates beside a forum post: when one registered, was last seen, was born
# («Регистрация: 14.03.2012», «На форуме с 2019», «Joined: Mar 2012»).
MEMBER_DATE_LABELS = (
    r"регистрация|зарегистрирован[ао]?|дата регистрации|на форуме с|на сайте с|с нами с|"
    r"последний визит|последнее посещение|был[ао]? в сети|день рождения|дата рождения|"
    r"joined|registered|member since|last visit|last seen|birthday"
)
# Fields of a date line that carry some other date: edits, printing, access, a member's.
_OTHER_DATE_FIELD = re.compile(
    r"(?:обновлено|обновлен[ао]?|обновить|изменено|дата изменения|дата обновления|последнее изменение|"
    rf"дата печати|распечатано|дата обращения|дата просмотра|updated|modified|{MEMBER_DATE_LABELS})"
    r"\s*:?[^|•·]*",
    re.IGNORECASE,
)
# «Приказ от 12.03.2024 № 45», «до 15 мая»: a date of a document or a deadline, not of the page.
_REFERENCE_DATE = re.compile(
    r"(?:\b(?:до|по|с|со|к)|(?:приказ\w*|постановлени\w*|распоряжени\w*|указ\w*|решени\w*|"
    r"закон\w*|письм\w*|протокол\w*|договор\w*)\s+от)\s+$",
    re.IGNORECASE,
)
# «Приказ № 512 от 03.10.2025», «№ 45-п 03.10.2025», «03.10.2025 № 512»: a document's number and
# date. A number apart from the date («История № 1 · 8 сентября 2025», an issue's or a series'
# number) leaves the line a date line.
_NUMBER_BEFORE_DATE = re.compile(r"№\s*[\w/.-]+\s*(?:от\s+)?$", re.IGNORECASE)
_NUMBER_AFTER_DATE = re.compile(r"^\s*(?:г\.?|года)?\s*№")


def _numbered_document(text: str, found: list[tuple[datetime.date, int, int]]) -> bool:
    start, end = found[0][1], found[0][2]
    return bool(_NUMBER_BEFORE_DATE.search(text[:start]) or _NUMBER_AFTER_DATE.match(text[end:]))


# «12:00–18:00», «с 10:00 до 14:00»: the hours of an event.
_TIME_RANGE = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[–—-]|до)\s*(?:[01]?\d|2[0-3])[:.][0-5]\d"
)
# «Дата проведения: 26.12.2025», «Состоится 6 декабря», «4 декабря, 18:00 · начнётся через 6
# дней»: a line that says it gives an event's day — an events board's page, not a publication's date line.
_EVENT_LABEL = re.compile(
    r"(?:дата|время|день|сроки?|место)\s+(?:и\s+(?:время|место|дата)\s+)?проведения"
    r"|\bсостоится\b|\bпройд[её]т\b|\bначн[её]тся\b|\bстартует\b"
    r"|\bначало\s*(?::|в\s+\d)|\bкогда\s*:",
    re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(
    r"(?:^|[\s—–|•·,])(?:опубликовано|дата публикации|размещено)\s*:?\s*\d", re.IGNORECASE
)
_CLASS_DATEISH = re.compile(r"date|time|publish|posted|meta|info|data", re.IGNORECASE)


def states_an_event(text: str) -> bool:
    """«20.10.2025 10:00 – 17:00», «Дата проведения: …», «Состоится 6 декабря»: the line gives
    an event's day or hours, not a publication's moment."""
    return bool(_TIME_RANGE.search(text) or _EVENT_LABEL.search(text))


# The words just before a date that make it another date than the publication's: «Последнее
# обновление 3 дня назад», «Изменено:», «Updated». (_OTHER_DATE_FIELD drops such fields of a line.)
_OTHER_DATE_LABEL = re.compile(
    r"(?:обновлено|обновлен[ао]?|обновление|обновить|изменено|изменен[ао]?|дата изменения|дата обновления|"
    r"последнее изменение|последняя правка|updated|last updated|modified|last modified|"
    rf"{MEMBER_DATE_LABELS})"
    r"\s*(?:в|on|at)?\s*:?\s*$",
    re.IGNORECASE,
)
LABEL_CHARS = 40  # how far before a date its label is read
# A date labelled as the page's own making («Наталья Бадмаева создал <span title=…>4 недели
# назад</span>», BookStack's details box; «Опубликовано:», «Добавлено»).
_CREATION_LABEL = re.compile(
    r"(?:создал[аи]?|создано|создан[ао]?|опубликовал[аи]?|опубликовано|опубликован[ао]?|"
    r"добавил[аи]?|добавлено|размещено|дата создания|дата публикации|created|published|posted)"
    r"\s*(?:в|on|at)?\s*:?\s*$",
    re.IGNORECASE,
)


def is_other_date_line(text: str, now: datetime.datetime) -> bool:
    """A short line that is an edit's or a member's date with its label and nothing else
    («Обновить: 20 October 2025», ABlog's postcard; «Изменено 12.10.2025»)."""
    line = " ".join(text.split())
    if len(line) > LABEL_CHARS * 2 or not _OTHER_DATE_FIELD.search(line):
        return False
    found = find_dates(line, now=now)
    return bool(found) and bool(_OTHER_DATE_LABEL.search(line[: found[0][1]])) and (
        not line[found[0][2]:].strip(" .,:;0-9"))


def labelled_as_other_date(el: HtmlElement) -> bool:
    """Is the text just before ``el`` (a <time>, a date's element) a label of an edit's date
    («Последнее обновление <time>…</time>»)?"""
    return bool(_OTHER_DATE_LABEL.search(_label_before(el)))


def labelled_as_creation(el: HtmlElement) -> bool:
    """Is the text just before ``el`` a label of the page's own making («создал», «Опубликовано»)?"""
    return bool(_CREATION_LABEL.search(_label_before(el)))


def _label_before(el: HtmlElement) -> str:
    """The last LABEL_CHARS of text before ``el``, across its preceding siblings and parents."""
    chunks: list[str] = []
    size, node = 0, el
    while size < LABEL_CHARS:
        prev = node.getprevious()
        if prev is not None:
            chunk = (prev.text_content() if isinstance(prev.tag, str) else "") + (prev.tail or "")
            node = prev
        else:
            parent = node.getparent()
            if parent is None:
                break
            chunk, node = parent.text or "", parent
        chunks.append(chunk)
        size += len(chunk.strip())
    before = " ".join("".join(reversed(chunks)).split())
    return before[-LABEL_CHARS:]


def lower_words(text: str) -> int:
    """Lower-case words of three letters or more, date-line labels and counters aside."""
    return len(re.findall(r"(?<![\w-])[а-яё]{3,}", _DATELINE_NOISE.sub(" ", text)))


# A time alone, a date field's way of saying «today».
_BARE_TIME_RE = re.compile(r"[\s·|•]*(?:сегодня\s+)?(?:в\s+)?(?:[01]?\d|2[0-3]):[0-5]\d", re.IGNORECASE)


def dateline_date(
    text: str, now: datetime.datetime, *, dateish: bool = False
) -> datetime.date | None:
    """The date of a short line that is mostly a date, not a sentence that mentions one."""
    if len(text) > 160:
        return None
    # «Обновлено: 7 июня 2023» is not the publication date: drop such fields of the line.
    text = _OTHER_DATE_FIELD.sub(" ", text).strip()
    found = find_dates(text, now=now)
    if not found or _REFERENCE_DATE.search(text[: found[0][1]]) or _numbered_document(text, found):
        return None
    if states_an_event(text):
        # «6 декабря, 12:00–18:00 · Манеж», «Дата проведения: 26.12.2025»: an event's hours or
        # day; a publication has one moment and no such label.
        return None
    rest = text
    for _date, start, end in reversed(found):
        rest = rest[:start] + " " + rest[end:]
    rest = re.sub(r"\s+", " ", _DATELINE_NOISE.sub(" ", rest)).strip()
    # Sentences have lower-case words; date lines have names, rubrics and labels.
    lower = lower_words(rest)
    relative = [start for _d, start, end in found if is_relative(text[start:end])]
    if relative and (
        len(found) > 1
        or _DATELINE_NOISE.sub("", text[: relative[0]]).strip()
        or re.search(r"[+−-]\s*\d|°", rest)
    ):
        # «Сегодня: 12 июня 2023» is a today's-date widget, «Сегодня +3» weather, «Дагестан
        # Сегодня» a site name: a relative date line starts with the relative word.
        return None
    # «Категория: Новости поселения | Просмотров: 304 | Дата: 01.09.2021» — a line of short
    # fields may hold a few lower-case words; a sentence («Акция продлится до 31 августа.») not.
    fields = re.split(r"\s*[|•·/]\s*|\s[—–]\s", text)
    meta_line = len(fields) >= 2 and all(len(f.split()) <= 5 for f in fields)
    if dateish or meta_line:
        ok = len(rest) <= DATELINE_MAX_REST + 20 and lower <= 3
    else:
        ok = len(rest) <= DATELINE_MAX_REST and lower == 0
    date = found[0][0]
    return date if ok and is_plausible(date, now) else None


# A line holding an element that is its date: «<div class="credentials"><span
# class="username">Пресс-служба министерства</span> <span class="date">24 сентября</span>».
_CHILD_DATEISH = re.compile(r"date|time|publish|posted", re.IGNORECASE)


def is_dateish(el: HtmlElement) -> bool:
    for node in (el, el.getparent()):
        if node is not None and _CLASS_DATEISH.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
    return el.tag == "time" or any(
        isinstance(child.tag, str)
        and (child.tag == "time" or _CHILD_DATEISH.search(child.get("class") or ""))
        for child in el
    )


def _near(el: HtmlElement, body_el: HtmlElement) -> bool:
    """A line under the text belongs to the article when it sits close to the text in the tree
    (a sibling of the paragraphs or of their container), not in a block of other news."""
    body_chain = [body_el, *body_el.iterancestors()][: TAIL_MAX_UP + 1]
    return any(node in body_chain for node in [el, *el.iterancestors()][: TAIL_MAX_DOWN + 1])


class DateLine(NamedTuple):
    date: datetime.date
    # "head" (between the headline and the text), "lead" (a press-release lead), "tail" (just
    # under the text) or "above" (over the headline).
    where: str
    # The line writes the year out («07.11.2023», «7 ноября 2023»), not left to be inferred.
    states_year: bool


def find_dateline(
    tree: HtmlElement,
    *,
    now: datetime.datetime,
    title_el: HtmlElement | None = None,
    items: list[boilerplate.Block] | None = None,
) -> datetime.date | None:
    """The date line nearest the title, else the one right under the article text.

    Widgets are skipped by `boilerplate.blocks`; the scan stops at a «По теме» / «Читайте также»
    marker, so related-news dates are never read.
    """
    line = find_date_line(tree, now=now, title_el=title_el, items=items)
    return line.date if line is not None else None


def _headline_index(items: list[boilerplate.Block], title_el: HtmlElement | None) -> int | None:
    """Where the headline stands among the blocks: ``title_el`` when the caller found it, else
    the first <h1>."""
    return next((i for i, block in enumerate(items)
                 if (block.el is title_el if title_el is not None else block.el.tag == "h1")),
                None)


def find_date_line(
    tree: HtmlElement,
    *,
    now: datetime.datetime,
    title_el: HtmlElement | None = None,
    items: list[boilerplate.Block] | None = None,
) -> DateLine | None:
    """`find_dateline` with where the line stands and whether it states its year."""
    items = boilerplate.blocks(tree) if items is None else items
    if not items:
        return None
    title_idx = _headline_index(items, title_el)
    start = 0 if title_idx is None else max(0, title_idx - HEAD_BLOCKS_BEFORE_TITLE)
    first_body = next(
        (
            i
            for i in range(title_idx or 0, len(items))
            if len(items[i].text) >= BODY_MIN_CHARS and items[i].link_density < 0.5
        ),
        None,
    )
    stops = [
        i for i in range(title_idx or 0, len(items)) if boilerplate.is_stop_line(items[i].text)
    ]
    # The article body ends at the first stop marker after it; the head (title to body) ends at
    # the body or at a marker above it («Главное за день» between headline and text).
    end = next((i for i in stops if first_body is None or i > first_body), len(items))
    head_end = first_body if first_body is not None else end
    head_end = min([head_end, *(i for i in stops if i < head_end)])
    head = list(range(start, head_end))
    before: list[int] = []
    if title_idx is not None:
        # Below the headline first; a date above it may be a today's-date widget, so it comes
        # last, after the line under the text.
        before = sorted((i for i in head if i < title_idx), reverse=True)
        head = [i for i in head if i > title_idx]
    tail: list[int] = []
    if first_body is not None:
        last_body = max(
            (
                i
                for i in range(first_body, end)
                if len(items[i].text) >= boilerplate.MIN_SENTENCE_CHARS
                and items[i].link_density < 0.5
                and dateline_date(items[i].text, now, dateish=True) is None
            ),
            default=first_body,
        )
        for i in range(last_body + 1, min(end, last_body + 1 + TAIL_BLOCKS_AFTER_TEXT)):
            if items[i].link_density > 0.3:
                break
            if _near(items[i].el, items[last_body].el):
                tail.append(i)
        # The text's closing signature («Пресс-служба отделения, 17 октября 2025 года»), even
        # when a box the page puts under every text («Стать членом отделения…») follows it.
        tail += [i for i in range(first_body, end)
                 if i not in tail and boilerplate.is_signature(items[i].text)]
    if first_body is not None and title_idx is not None:
        # A line that says it gives the publication («Опубликовано 29.09.2025 10:00») is the
        # byline wherever it stands in the article: under a standfirst, between the text's
        # first paragraphs.
        head += [i for i in range(first_body, end) if _PUBLISHED_LABEL.search(items[i].text)]
    headline = boilerplate.fold(items[title_idx].text) if title_idx is not None else ""
    for i in head:
        if _repeats_the_headline(items[i].text, headline, now):
            continue  # «Перекрытие набережной 20 сентября» over an infobox: the headline's date
        date = _block_date(items[i], now)
        if date is not None:
            return DateLine(date, "head", _states_year(items[i].text, date, now))
    if first_body is not None:
        # A press-release lead: «Хабаровск, 5 марта 2024. Фонд …», «ХАБАРОВСК, 5 марта. /ТАСС/.»
        lead = _LEAD_DATELINE.match(items[first_body].text)
        date = dateline_date(lead.group(1), now) if lead else None
        if lead is not None and date is not None:
            return DateLine(date, "lead", _states_year(lead.group(1), date, now))
    for where, indices in (("tail", tail), ("above", before)):
        for i in indices:
            date = _block_date(items[i], now)
            if date is not None:
                return DateLine(date, where, _states_year(items[i].text, date, now))
    return None


# How far below the headline a post's date field with a time alone is looked for.
BARE_TIME_BLOCKS = 8


def time_alone_today(
    tree: HtmlElement,
    *,
    now: datetime.datetime,
    title_el: HtmlElement | None = None,
    items: list[boilerplate.Block] | None = None,
) -> datetime.date | None:
    """Today, when the date field under the headline shows a time alone («10:15», a social
    network's or a forum's post of the day). Only where nothing else dates the page: on a
    page with a date elsewhere a time alone is an hour of that day."""
    items = boilerplate.blocks(tree) if items is None else items
    start = _headline_index(items, title_el) or 0
    for block in items[start : start + BARE_TIME_BLOCKS]:
        if is_dateish(block.el) and _BARE_TIME_RE.fullmatch(
                _without_named_links(block.el) if block.link_chars else block.text):
            return now.date()
    return None


# A block this long or longer that the headline holds is the headline again.
HEADLINE_REPEAT_MIN_CHARS = 12
HEADLINE_REPEAT_MIN_WORDS = 2


def _repeats_the_headline(text: str, folded_headline: str, now: datetime.datetime) -> bool:
    """The headline again (an infobox's caption, a breadcrumb's last step): a date in it is the
    headline's own («Перекрытие набережной 20 сентября»), not the publication's. A bare date
    line the headline happens to hold («Итоги 13 ноября 2025») is no repeat: words beside its
    date are needed."""
    folded = boilerplate.fold(text)
    if len(folded) < HEADLINE_REPEAT_MIN_CHARS or folded not in folded_headline:
        return False
    for _date, start, end in reversed(find_dates(folded, now=now)):
        folded = folded[:start] + " " + folded[end:]
    return len(re.findall(r"[^\W\d_]{3,}", folded)) >= HEADLINE_REPEAT_MIN_WORDS


def opening_date(
    tree: HtmlElement,
    *,
    now: datetime.datetime,
    items: list[boilerplate.Block] | None = None,
) -> datetime.date | None:
    """The full date that opens the article's first paragraph («3 октября 2025 года в центре
    прошёл праздник…»): small sites that print no date line tell the day this way. The event's
    day, not always the publication's — a last resort, never in the future."""
    items = boilerplate.blocks(tree) if items is None else items
    first = next(
        (b for b in items if len(b.text) >= BODY_MIN_CHARS and b.link_density < 0.5), None
    )
    if first is None:
        return None
    found = find_dates(first.text[:OPENING_CHARS], now=now)
    if not found:
        return None
    date, start, end = found[0]
    if start > 0 or not _states_year(first.text[start:end], date, now) or date > now.date():
        return None
    return date


OPENING_CHARS = 40  # «27 ноября 2025 года» and a little more


_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d\d(?!\d)")


def _states_year(text: str, date: datetime.date, now: datetime.datetime) -> bool:
    """Whether the expression that gave ``date`` writes its year out, rather than «5 марта» whose
    year was inferred from the crawl time."""
    return any(
        found == date and _YEAR_WRITTEN.search(text[start:end]) is not None
        for found, start, end in find_dates(_OTHER_DATE_FIELD.sub(" ", text), now=now)
    )


# A closing signature, its name then its date: «Пресс-служба отделения, 17 октября 2025 года».
_SIGNATURE_DATE = re.compile(r"^[^,—–|]{3,100}[,—–|]\s*(.{6,40})$")


def _block_date(block: boilerplate.Block, now: datetime.datetime) -> datetime.date | None:
    if labelled_as_other_date(block.el):
        return None  # «<dt>Регистрация</dt><dd>2018-3-11</dd>»: a member's field, its label apart
    signed = _SIGNATURE_DATE.match(block.text) if boilerplate.is_signature(block.text) else None
    if signed is not None:
        date = dateline_date(signed.group(1), now)
        if date is not None:
            return date
    dateish = is_dateish(block.el)
    if block.link_density > 0.6 and not dateish:
        # A linked line is a menu or another page's teaser — unless it is marked as the date
        # («<div class="post_date"><a href=…>15 окт в 11:45</a>»: a post's permalink).
        return None
    date = dateline_date(block.text, now, dateish=dateish)
    if date is None and block.link_chars and _whole_element(block):
        # A byline's author is a link to their page, named as long as a body's name may be
        # («Центр социальных служб для семьи, детей и молодёжи · 3 сен 2025»): a name, not
        # the lower-case words of a sentence.
        unlinked = _without_named_links(block.el)
        if unlinked != block.text:
            date = dateline_date(unlinked, now, dateish=dateish)
    return date


def _whole_element(block: boilerplate.Block) -> bool:
    """The block's element is one line: no block inside it (not a container whose loose text
    the block is)."""
    return not any(
        isinstance(el.tag, str) and el.tag in boilerplate.BLOCK_TAGS
        for el in block.el.iterdescendants()
    )


def _without_named_links(el: HtmlElement) -> str:
    """The line's words with each link that is a field of its own and holds no digit (a name,
    not a date: «<a>Центр …</a> · 3 сен 2025») as a bare «·»; a link inside a sentence («im <a>Cafe
    Hurricane</a> statt») keeps its words."""
    parts: list[str] = []
    names: list[str] = []
    # A link followed by an element of its own, only space between («<a>Фонд …</a> <span
    # class="date">вчера 18:30</span>»): a field too, whatever the next one says.
    apart: set[int] = set()

    def walk(node: HtmlElement) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "a" and not re.search(r"\d", child.text_content()):
                if not (child.tail or "").strip() and isinstance(
                        getattr(child.getnext(), "tag", None), str):
                    apart.add(len(names))
                parts.append(f"\x00{len(names)}\x00")
                names.append(child.text_content())
            else:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    line = " ".join("".join(parts).split())

    def field_or_words(match: re.Match[str]) -> str:
        before, after = line[: match.start()].rstrip(), line[match.end() :].lstrip()
        alone = (not before or before[-1] in _FIELD_SEPARATORS) and (
            not after or after[0] in _FIELD_SEPARATORS or int(match.group(1)) in apart)
        return "·" if alone else names[int(match.group(1))]

    return " ".join(re.sub(r"\x00(\d+)\x00", field_or_words, line).split())


# What stands between a date line's fields: «Автор · 3 сен 2025 | 1 024 просмотра».
_FIELD_SEPARATORS = frozenset("·|•/—–,:»«")


_LEAD_DATELINE = re.compile(r"^(.{6,80}?)(?:\.\s|\s[—–-]\s|\s/)")
