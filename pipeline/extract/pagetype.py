"""Is a fetched page a news article? Sitemaps and calendar widgets lead to listings too.

A page is an article when it has one main headline over one body of prose. Structure decides
(pipeline.extract.pagestructure): repeated teasers with no body of their own, a body governed by a title
link to another page (an archive's excerpt), a picture grid with captions only, a person's or an
office's card of label–value fields, a search form showing the query. Words are hints that settle
only what structure leaves open (pipeline/data/pagetypes.yml): a listing word in the path
(«/tag/», «/author/»), a search parameter, og:type. The source's home page, and a page whose own
last path segment names a service page («/kontakty/», «/about.html»), are never articles.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import yaml
from lxml.html import HtmlElement

from newsmon.core.datafiles import data_dir
from pipeline.extract.date_expressions import find_dates
from pipeline.extract.pagestructure import (
    DATE_ARCHIVE_RE,
    Structure,
    analyse,
    parse,
    reads_as_headline,
)
from pipeline.extract.section import (
    label_above_headline,
    open_trail_section,
    section_names,
    trail_section,
)
from pipeline.extract.sitehome import another_site
from pipeline.lang.bodies import is_organization_name
from pipeline.lang.morph import first_person_verb_lemma, normalize_word
from pipeline.lang.names import is_person_name

DATA = data_dir("pipeline") / "pagetypes.yml"
OG_TYPE_RE = re.compile(
    rb"<meta\b[^>]*property\s*=\s*[\"']og:type[\"'][^>]*content\s*=\s*[\"']([^\"']+)", re.I
)
OG_TYPE_REVERSED_RE = re.compile(
    rb"<meta\b[^>]*content\s*=\s*[\"']([^\"']+)[\"'][^>]*property\s*=\s*[\"']og:type", re.I
)
JSONLD_ARTICLE_RE = re.compile(rb"\"@type\"\s*:\s*\"(News|Blog|Report|)?Article\"|NewsArticle", re.I)

# One body of prose: this many characters, and two sentences or one long one (a photo report's
# single paragraph is two short sentences; a gallery's or a rubric's blurb is one).
BODY_MIN_CHARS = 80
BODY_ONE_SENTENCE_CHARS = 200
# A search form showing a query (old sites also print «Поиск…» as a value) outweighs a text this
# short: «По вашему запросу ничего не найдено. Попробуйте …».
SEARCH_MAX_BODY = 300
# With no body of prose: this many teasers (or dated items) make a listing, this many pictures with
# short captions a gallery.
LIST_MIN_ITEMS = 3
GRID_MIN_PICTURES = 6
# Label–value fields, one of them a phone or e-mail, between the headline and a text shorter than
# this make the page a person's or an office's card (an article's «Автор: … Рубрика: …» line has
# no phone; a press release's contacts come after its text).
CARD_MIN_FIELDS = 3
CARD_MAX_BODY = 600
# A short text under no heading of its own (below the last teaser) beside this many teasers is a
# listing's blurb («О проекте» on a home page), not a body.
BLURB_MAX_CHARS = 500
LISTING_MIN_DATED_ITEMS = 3
ITEMS_OUTWEIGH_BODY = 2
# Prose under linked headlines this many times the body's: the page prints others' posts.
POSTS_OUTWEIGH_BODY = 5
LISTING_MIN_TEASERS = 3

# A body that is only short items, each under a sub-headline of its own («Коротко: главное за
# неделю» — «В Кетове отремонтировали дорогу к школе» and two lines, «Шадринский театр открыл
# сезон» and one): a digest of several materials, not one. A headline reads as one (this many
# words, no question: a FAQ's questions and a guide's labels head parts of one text).
DIGEST_MIN_ITEMS = 4
DIGEST_ITEM_MAX_CHARS = 300
DIGEST_ITEM_MAX_BLOCKS = 2
DIGEST_HEADLINE_MIN_WORDS = 4
DIGEST_INTRO_MAX_CHARS = 200


# «/o-fonde/», «/o-centre/», «/ob-uchrezhdenii/»: «about the …», a service page on any site.
ABOUT_SEGMENT_RE = re.compile(r"^(?:o|ob)-[a-z]+$")


@dataclass(frozen=True)
class Words:
    service: frozenset[str]
    listing: frozenset[str]
    search_params: frozenset[str]
    og_types: frozenset[str]
    sections: dict[str, str]  # a section's name → what its entries are («event page»)
    labels: dict[str, str]  # a headline's opening label → what the page is («classified»)
    openings: dict[str, str]  # a headline's first words that label it without a colon


@functools.cache
def _data() -> Words:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return Words(
        frozenset(data["service_segments"]),
        frozenset(data["listing_segments"]),
        frozenset(data["search_parameters"]),
        frozenset(data["non_article_og_types"]),
        {_section_key(n): kind for kind, names in data["non_material_sections"].items()
         for n in names},
        {_section_key(n): kind for kind, names in data["non_material_headline_labels"].items()
         for n in names},
        {_section_key(n): kind for kind, names in data["non_material_headline_openings"].items()
         for n in names},
    )


# An emoji or a symbol may stand before a headline's first word («📊 Опрос: …»).
_LEADING_SYMBOLS = r"^\s*(?:[^\w\s«\"„(]+\s*)?"
# «Розыгрыш: три книги…», «Отдам даром — коляска», «Памятка: документы для опеки»: a phrase of
# up to five words before a colon or a dash, which headline_label reads for a label.
_HEADLINE_LABEL_RE = re.compile(
    _LEADING_SYMBOLS + r"([^\W\d_]+(?:[ -][^\W\d_]+){0,4})\s*(?::|\s[—–-]\s)")
# A classified ad needs no colon: «Отдам даром детскую кроватку (Стаханов)».
_HEADLINE_START_RE = re.compile(_LEADING_SYMBOLS + r"([^\W\d_]+(?:\s+[^\W\d_]+)?)")
# A label that names a page only over a question put to the readers: «Опрос: когда вам удобнее
# приходить?» is a poll, «Опрос: каждая третья семья…» reports a survey's results.
QUESTION_LABELS = frozenset({"poll"})
_ASKS_RE = re.compile(
    r"\?\s*\W*$|\b(?:оцените|выберите|проголосуйте|голосуйте|ответьте|расскажите)\b", re.I)
# «С Днём отца!», «🎉 С праздником, дорогие мамы!»: a greeting, not a material.
GREETING_RE = re.compile(
    _LEADING_SYMBOLS + r"С\s+(?:днём|днем|праздником|новым годом|рождеством|наступающим|"
    r"международным|всемирным)\b[^.?]*!\s*\W*$",
    re.IGNORECASE,
)


def headline_verdict(headline: str, body_chars: int) -> str | None:
    """Why a page is no material by its headline alone, or None: a programme's episode over its
    description only («Подкаст «Свои», эпизод 7: …»), or a label naming a give-away, an
    announcement or a guide («Розыгрыш: …»). The page's structure asks it of its h1 (or a
    blog's h2); the crawl asks it again of a post's headline read from its first line."""
    if EPISODE_RE.search(headline) and body_chars < BLURB_MAX_CHARS:
        return "an episode of a programme (its headline names the issue) with its description only"
    if GREETING_RE.match(headline):
        return "a greeting: its headline greets the readers on a holiday"
    label = headline_label(headline)
    if label in QUESTION_LABELS and not _ASKS_RE.search(headline):
        return None
    return f"{label}: its headline opens with a label that names one" if label else None


@functools.cache
def _verb_labels(which: str) -> dict[str, str]:
    """The one-word labels that are a first-person verb, by the verb: «Отдадим:», «Отдаём …»
    label a give-away as «Отдам:» does."""
    words = _data().labels if which == "labels" else _data().openings
    return {verb: kind for key, kind in words.items()
            if " " not in key and (verb := first_person_verb_lemma(key))}


def _label_kind(key: str, which: str) -> str | None:
    words = _data().labels if which == "labels" else _data().openings
    kind = words.get(_section_key(key))
    if kind or " " in key.strip():
        return kind
    verb = first_person_verb_lemma(key)
    return _verb_labels(which).get(verb) if verb else None


def headline_label(headline: str) -> str | None:
    """What a headline's opening label says the page is: «Розыгрыш: …» → "classified"."""
    found = _HEADLINE_LABEL_RE.match(headline)
    if found:
        words = found.group(1).split()
        # «Памятка кандидату:», «Анонс встречи:», «Прямой эфир ко Дню матери:»: the label's
        # first word or two name it too
        # (one word names it only before a short phrase: «Памятка для классного руководителя:
        # какие меры…» heads a material)
        keys = [found.group(1), " ".join(words[:2])] + ([words[0]] if len(words) <= 3 else [])
        for key in keys:
            if kind := _label_kind(key, "labels"):
                return kind
    start = _HEADLINE_START_RE.match(headline)
    if start:
        words = start.group(1).split()
        for key in (" ".join(words[:2]), words[0]):
            if kind := _label_kind(key, "openings"):
                return kind
    return None


def _section_key(name: str) -> str:
    return normalize_word(" ".join(name.split()))


def _segments(path: str) -> list[str]:
    return [re.sub(r"\.(s?html?|php|aspx?)$", "", s.lower()) for s in path.split("/") if s]


@dataclass(frozen=True)
class Verdict:
    kind: str  # "article", "not" or "open"
    reason: str | None = None


# «Семейный совет. Выпуск от 8 ноября», «Выпуск №12», «Эпизод 3», «Episode 12»: a headline that
# names an issue or an episode of a programme. Over a short text it is the episode's page (a
# video or a podcast and its description), not a material; news about a programme is headed by
# what happened.
EPISODE_RE = re.compile(
    r"(?:^|[.,:—–|]\s*)(?:выпуск|эпизод|серия|эфир|episode|ep\.)\s*"
    r"(?:№\s*\d+|#\s*\d+|\d{1,3}\b|от\s+\d{1,2}(?:[./]\d{1,2}|\s+[а-яё]+))",
    re.IGNORECASE,
)
# «Приказ № 12 «Об утверждении порядка…»», «Постановление от 03.10.2025 № 512-п»,
# «Постановление Правительства Белгородской области от 21.10.2025 № 498»: the act
# itself, published in a documents section; news about it is headed otherwise. So are the
# official notices a body must print («Извещение о проведении публичных слушаний…»,
# «Оповещение о начале…», «Заключение о результатах публичных слушаний», «Об отключении
# холодного водоснабжения», «График личного приёма граждан»).
LEGAL_ACT_RE = re.compile(
    r"^(?:(?:приказ|постановление|распоряжение|указ|решение|закон|положение)\s+"
    r"(?:№|n\s*\d|от\s+\d"
    # the issuer between, then the number: «… Правительства Белгородской области от … № 498»
    r"|(?:(?!(?:о|об|обо|для|на|в|во|по|с|со|и|от|до)\s)[\w-]+\s+){1,5}(?:от\s+[\d.]+\s+)?№)"
    r"|(?:извещение|оповещение)\s+о\b|заключение\s+о\s+результатах"
    r"|об?\s+(?:отключении|приостановлении|ограничении|прекращении)\s"
    r"|график\s+(?:личного\s+)?при[её]ма)",
    re.IGNORECASE,
)


def has_body(s: Structure) -> bool:
    chars, sentences = s.body_chars, s.body_sentences
    return chars >= BODY_MIN_CHARS and (sentences >= 2 or chars >= BODY_ONE_SENTENCE_CHARS)


def judge(s: Structure) -> Verdict:
    """The page's type from its structure alone."""
    teaser_governed = s.governing is not None and s.governing in s.title_links
    headline = next((h for h in s.headings if h.owner.tag == "h1"), None)
    named = headline or next((h for h in s.headings if h.owner.tag == "h2"), None)  # a blog's h2
    by_headline = headline_verdict(named.text, s.body_chars) if named is not None else None
    if by_headline:
        return Verdict("not", by_headline)
    if s.pager_current >= 2:
        # «Страницы: 1 [2]»: the replies of a thread or the rest of a text whose page is the 1st
        return Verdict("not", f"continuation page {s.pager_current} of a text, a thread or a "
                       "listing that starts on another page")
    if has_body(s):
        if s.excerpt_feed_around_body:
            return Verdict("not", f"listing of {s.excerpt_feed_around_body} excerpts, each with a "
                           "link to the rest of its text")
        if s.read_more_items >= 2 and s.read_more_chars > s.body_chars:
            # (Teasers of other posts under a long article are no digest: its text outweighs them.)
            return Verdict("not", f"listing of {s.read_more_items} short texts, each with a "
                           "«Подробнее» link to the rest (a newsletter's issue)")
        if s.read_more_after_body and s.body_chars < BLURB_MAX_CHARS:
            return Verdict("not", "teaser of another page: a short text whose «Подробнее» link "
                           "leads to the rest")
        if (s.fields_before_body >= CARD_MIN_FIELDS and s.contacts_before_body
                and s.body_chars < CARD_MAX_BODY):
            return Verdict("not", f"card of {s.fields_before_body} fields above the text")
        if (teaser_governed and s.governed_by_teaser and s.body_chars < BLURB_MAX_CHARS
                and s.teaser_items >= LISTING_MIN_TEASERS):
            return Verdict("not", f"listing of {s.teaser_items} teasers around a short blurb")
        between = _teasers_between_headline_and_body(s)
        if between >= LISTING_MIN_TEASERS and (
                s.body_chars < BLURB_MAX_CHARS or _body_under_a_box_heading(s)):
            # The page's headline heads a run of teasers; the only prose comes after them: a
            # footer or a notice written as ordinary paragraphs (a site builder's blocks, a
            # cookie banner), not the headline's text.
            return Verdict("not", f"listing of {between} teasers under the headline, only a "
                           "short text below them")
        if len(s.body) >= LIST_MIN_ITEMS and all(_opens_with_a_date(b.text) for b in s.body):
            # «22.11.2025 г. в 11:00 — занятие школы…», «06.12.2025 — «Родительская суббота»…»:
            # every paragraph opens with a day of its own — an events board, not one material.
            return Verdict("not", f"board of {len(s.body)} entries, each opening with its date")
        posts_prose = sum(len(b.text) for b in s.teaser_prose)
        if (s.teaser_items >= LISTING_MIN_TEASERS and s.body_chars < BLURB_MAX_CHARS
                and posts_prose >= POSTS_OUTWEIGH_BODY * s.body_chars
                and posts_prose >= s.teaser_items * s.body_chars  # each post longer than it
                and not any(h.owner.tag == "h1" for h in s.headings)):  # no headline of its own
            # A blog's month archive printing its posts whole under their linked headlines: the
            # short «Об авторе» box beside them is no article's body.
            return Verdict("not", f"listing of {s.teaser_items} posts printed under their linked "
                           "headlines, the only other prose a short box")
        if (s.dated_items_titled >= LISTING_MIN_DATED_ITEMS and s.body_chars < BLURB_MAX_CHARS
                and s.dated_items_chars >= ITEMS_OUTWEIGH_BODY * s.body_chars
                and (headline is None or _body_above_own_headline(s))):
            # A board's topics, each with its link and its last post's date, and a short notice
            # over them (a forum's standing announcement), no headline of the page's own (its
            # <h1> is the site's name, linked home) or the notice printed above it: the items
            # are the page. (A short article under its own headline keeps its dated sidebar.)
            return Verdict("not", f"listing of {s.dated_items_titled} dated items around a short "
                           "text")
        if s.body_under_foreign_title:
            return Verdict("not", "text under a headline that links to another page (a post "
                           "printed in an archive)")
        if s.event_card:
            return Verdict("not", "event page: the text describes an event beside its start "
                           "field (a calendar entry)")
        if s.post_of_another_page:
            return Verdict("not", "a post whose time links to its own page elsewhere (a repost, "
                           "or the note a reply answers)")
        if s.search_query and s.body_chars < SEARCH_MAX_BODY:
            return Verdict("not", "search form with a query over a short text")
        shorts = shorts_under_headlines(s)
        if shorts:
            return Verdict("not", f"digest of {shorts} short items, each under a headline of "
                           "its own")
        if headline is not None and LEGAL_ACT_RE.match(headline.text):
            return Verdict("not", "a legal act's text (a document), not a material about it")
        if headline is not None and is_person_name(headline.text):
            if profile_over_feed(s):
                return Verdict("not", f"profile of a person over a feed of {s.feed_after_body} "
                               "dated teasers")
            return Verdict("not", "profile of a person (the headline is a full name)")
        if headline is not None and _organisation_over_its_feed(s, headline.text):
            return Verdict("not", "page of an organisation (the headline is its name) over "
                           "teasers of its materials")
        return Verdict("article")
    if s.picture_grid >= GRID_MIN_PICTURES:
        return Verdict("not", f"picture grid of {s.picture_grid} with captions only")
    if s.teaser_members >= LIST_MIN_ITEMS:
        return Verdict("not", f"listing of {s.teaser_members} teasers, no body of prose")
    if s.dated_items >= LIST_MIN_ITEMS:
        return Verdict("not", f"board of {s.dated_items} dated items, no body of prose")
    if teaser_governed or s.teaser_prose:
        return Verdict("not", "teaser of another page, no body of prose")
    if s.dated_teasers and all(b.in_chrome for b in s.prose):
        # A forum's or a rubric's page holding one topic: its only words are a headline
        # that leads elsewhere, with the poster and the date beside it.
        return Verdict("not", "dated teaser of another page, no prose of its own")
    if s.fields >= CARD_MIN_FIELDS:
        return Verdict("not", f"card of {s.fields} fields, no body of prose")
    if s.search_query:
        return Verdict("not", "search form with a query, no body of prose")
    return Verdict("open")


# Far enough ahead that no date of a page is rejected as future: only where a date stands matters.
_ANY_TIME = datetime.datetime(2100, 1, 1)


def _opens_with_a_date(text: str) -> bool:
    found = find_dates(text[:40], now=_ANY_TIME)
    return bool(found) and found[0][1] == 0


def shorts_under_headlines(s: Structure) -> int:
    """How many short items, each under a sub-headline of its own, the whole body is (at most a
    short intro before them); 0 when it is anything else."""
    if not s.body:
        return 0
    first, last = s.body[0].index, s.body[-1].index
    subs = [h for h in s.headings
            if h.owner.tag != "h1" and not h.in_chrome and first - 1 <= h.index <= last]
    if len(subs) < DIGEST_MIN_ITEMS:
        return 0
    intro = [b for b in s.body if b.index < subs[0].index]
    if len(intro) > 1 or sum(len(b.text) for b in intro) > DIGEST_INTRO_MAX_CHARS:
        return 0
    ends = [h.index for h in subs[1:]] + [last + 1]
    for heading, end in zip(subs, ends):
        item = [b for b in s.body if heading.index < b.index < end]
        if (not item or len(item) > DIGEST_ITEM_MAX_BLOCKS
                or sum(len(b.text) for b in item) > DIGEST_ITEM_MAX_CHARS
                or heading.words < DIGEST_HEADLINE_MIN_WORDS
                or heading.text.rstrip().endswith(("?", ":"))):
            return 0
    return len(subs)


def _teasers_between_headline_and_body(s: Structure) -> int:
    """Teasers with a lead between the page's <h1> (or, with none, a blog's <h2>: «Архив:
    Сентябрь 2025») and its body of prose."""
    headline = next((h for h in s.headings if h.owner.tag == "h1" and not h.in_chrome), None) or next(
        (h for h in s.headings if h.owner.tag == "h2" and not h.in_chrome), None)
    if headline is None or not s.body:
        return 0
    start, end = headline.index, s.body[0].index
    # Teasers with their leads: links alone (previous/next post, products) are no listing.
    return sum(1 for b in s.teaser_prose if not b.in_chrome and start < b.index < end)


def _body_under_a_box_heading(s: Structure) -> bool:
    """The body's nearest heading is a box's own («Об организации», «Последние комментарии»),
    below the teasers, and the teasers' leads outweigh it: a side column's text, not the
    headline's."""
    gov = s.governing
    if gov is None or gov not in s.headings or not s.body:
        return False
    if " ".join(gov.text.split()).lower() in s.page_title.lower():
        return False  # the page's own headline, as its <title> names it, over its article
    leads_above = [b for b in s.teaser_prose if not b.in_chrome and b.index < gov.index]
    return bool(leads_above) and sum(len(b.text) for b in leads_above) >= s.body_chars


def _organisation_over_its_feed(s: Structure, headline: str) -> bool:
    """A body's page on a wire or a portal: its name as the headline, a short card, and teasers
    of its materials after it. A nominal news headline («Новый центр для мам с детьми») may read
    like a name; its page has a longer text, or no teasers of other pages after it."""
    if s.body_chars >= CARD_MAX_BODY or not is_organization_name(headline):
        return False
    end = s.body[-1].index
    return s.feed_after_body >= 1 or any(
        not b.in_chrome and b.index > end for b in s.teaser_prose)


def profile_over_feed(s: Structure) -> bool:
    """A short card (a name, a bio) over a feed of dated teasers that outweighs it: an author's
    or a person's page, whatever the card's text reads like."""
    return (
        s.feed_after_body >= LISTING_MIN_TEASERS
        and s.body_chars < CARD_MAX_BODY
        and s.feed_prose_chars > s.body_chars
    )


def _body_above_own_headline(s: Structure) -> bool:
    """The text sits above the page's own headline — the <h1> its <title> opens with — under a
    heading of its own (a forum's «Объявление» box over the board «Новости посёлка»): a notice
    printed on every page, not what the headline heads."""
    own = next((h for h in s.headings if h.owner.tag == "h1"
                and len(h.text) >= OWN_HEADLINE_MIN_CHARS
                and s.page_title.lower().startswith(" ".join(h.text.split()).lower())), None)
    return own is not None and bool(s.body) and all(b.index < own.index for b in s.body)


# A headline the title opens with is a few words, not a letter or a number.
OWN_HEADLINE_MIN_CHARS = 8


def structure_verdict(url: str, body: bytes) -> Verdict:
    return _verdict(url, body)[0]


def _verdict(url: str, body: bytes) -> tuple[Verdict, Structure | None]:
    return _verdict_of(url, parse(body))


def _verdict_of(url: str, tree: HtmlElement | None) -> tuple[Verdict, Structure | None]:
    if tree is None:
        return Verdict("open"), None
    s = analyse(tree, url)
    return judge(s), s


def _non_material_section(url: str, tree: HtmlElement | None, words: Words) -> str | None:
    """Why the page is no material when the site names its section as one of events, documents
    or notices («Анонсы мероприятий», «Документы», «Объявления»): an entry of a calendar or a
    register, however much prose it has and whatever its headline says."""
    if tree is None:
        return None
    by_address = section_names(tree, url)
    # A trail that stops at the section or a rubric label over the headline speaks only when
    # the address places the page in no section: a news item under «/news/» shown in the
    # rubric «Объявления» or «Официально» is news.
    named = [trail_section(tree)] + (
        [] if by_address else [open_trail_section(tree), label_above_headline(tree)])
    for name in by_address + [n for n in named if n]:
        kind = _section_kind(name, words)
        if kind:
            return f"{kind} in the section «{name}»"
    return None


_NAME_JOINS_RE = re.compile(r"\s*(?:,|\bи\b)\s*", re.IGNORECASE)


def _section_kind(name: str, words: Words) -> str | None:
    """What an entry of the section is: the whole name's kind, or the first part's when every
    part of a joined name is such a section («Объявления и встречи»)."""
    kind = words.sections.get(_section_key(name))
    if kind:
        return kind
    parts = [p for p in _NAME_JOINS_RE.split(name) if p]
    kinds = [words.sections.get(_section_key(p)) for p in parts]
    return kinds[0] if len(parts) > 1 and all(kinds) else None


def _hint(url: str, body: bytes, words: Words) -> str | None:
    parts = urlsplit(url)
    segments = _segments(parts.path)
    hit = next((s for s in segments if s in words.service | words.listing), None)
    if hit:
        return f"{'service' if hit in words.service else 'listing'} page /{hit}/"
    param = next((k for k, v in parse_qsl(parts.query) if k.lower() in words.search_params or
                  v.lower() in words.search_params), None)
    if param:
        return f"search page ?{param}="
    head = body[:300_000]
    match = OG_TYPE_RE.search(head) or OG_TYPE_REVERSED_RE.search(head)
    if match and match.group(1).decode("latin-1").strip().lower() in words.og_types:
        if not JSONLD_ARTICLE_RE.search(head):
            return f"og:type {match.group(1).decode('latin-1')}"
    return None


def translation_of_russian(tree: HtmlElement | None, url: str) -> str | None:
    """The page's language when it is not Russian and the page names its Russian version
    (<html lang="ba"> with <link rel="alternate" hreflang="ru">, or a language switch's
    <a hreflang="ru">Русский</a> to a page of the same site, not its home): a bilingual outlet's
    translation of a material it publishes in Russian, which the Russian page stands for. (A
    wiki's link to its Russian namesake on another host is another publication.)"""
    if tree is None:
        return None
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip().lower()
    primary = lang.split("-")[0].split("_")[0]
    if not primary or primary == "ru":
        return None
    russian = any(
        (link.get("hreflang") or "").strip().lower().split("-")[0] == "ru"
        and link.get("href")
        and (
            "alternate" in (link.get("rel") or "").lower()
            if link.tag == "link"
            else _counterpart_on_site(urljoin(url, link.get("href", "")), url)
        )
        for link in tree.iter("link", "a")
    )
    return lang if russian else None


def _counterpart_on_site(target: str, url: str) -> bool:
    """A page of the same host deeper than a language's home («/ru/», «/content/site/ru.html»)."""
    there, here = urlsplit(target), urlsplit(url)
    segments = [s for s in re.split(r"[/.]", there.path) if s and s != "html"]
    return there.netloc == here.netloc and len(segments) >= 2


# The link from a presentation twin (a site's version for the visually impaired, every Russian
# government site has one) back to the page it presents: «Обычная версия», «Обычная версия сайта».
REGULAR_VERSION_RE = re.compile(
    r"^(?:обычная|основная|стандартная|полная)\s+версия(?:\s+сайта)?$", re.IGNORECASE)


def twin_of(url: str, tree: HtmlElement | None) -> str | None:
    """The page this one presents again when it is a twin in another dress: it links back with
    «Обычная версия» to its own path without the twin's prefix («/special/ru/news/x.html» →
    «/ru/news/x.html»). The regular page is the material; the twin would count it twice."""
    if tree is None:
        return None
    here = urlsplit(url)
    for a in tree.iter("a"):
        if not REGULAR_VERSION_RE.match(" ".join(a.text_content().split())):
            continue
        target = urlsplit(urljoin(url, a.get("href") or ""))
        path = target.path.rstrip("/")
        if (target.netloc == here.netloc and len(here.path.rstrip("/")) > len(path)
                and here.path.rstrip("/").endswith(path) and target.query == here.query):
            return urlunsplit(target)
    return None


# A document's own tags, wherever they start: real pages put a uCoz ad script or PHP's warnings
# before <html>.
_DOCUMENT_TAG_RE = re.compile(rb"<(?:html|head|body|title)\b", re.IGNORECASE)
DOCUMENT_TAG_SCAN = 300_000
# An XML feed's or sitemap's root after the declaration, comments and a stylesheet instruction.
_FEED_DOCUMENT_RE = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF|urlset|sitemapindex)\b",
    re.S)
FEED_ROOT_SCAN = 5_000
SUB_PAGES_MIN = 5


def _sub_pages_listed(url: str, tree: HtmlElement) -> int:
    """How many pages under this page's address («…/novosti-tsentra-2/otkazov-…» under
    «…/novosti-tsentra-2») it links by distinct headlines. A post's own replies and attachments
    live under its address too, but their links read as ages, dates, numbers or pictures («6 years
    ago», «#3», an image) or repeat one label («Continue this thread»)."""
    base_el = tree.find(".//base")
    try:
        base = urljoin(url, base_el.get("href", "")) if base_el is not None else url
    except ValueError:
        base = url
    own = urlsplit(url)
    prefix = own.path.rstrip("/") + "/"
    headlines: dict[str, str] = {}
    for link in tree.iter("a"):
        href = link.get("href")
        if not href:
            continue
        try:
            target = urlsplit(urljoin(base, href))
        except ValueError:  # «http://[ccpa-preferences]»: no address at all
            continue
        path = target.path.rstrip("/") + "/"
        if target.netloc != own.netloc or not path.startswith(prefix) or path == prefix:
            continue
        text = " ".join(link.text_content().split())
        if reads_as_headline(text):
            headlines.setdefault(path, text)
    return len(set(headlines.values()))


def non_article_reason(
    url: str, source_url: str, body: bytes, outlet_home: str | None = None
) -> str | None:
    """Why the page is not an article, or None when it may be one. ``outlet_home``: the home the
    outlet's home page declares (`pipeline.extract.sitehome`), when the crawl read it."""
    page, home = urlsplit(url), urlsplit(source_url)
    segments = _segments(page.path)
    # «/?p=3289» (WordPress's plain permalinks), «/index.php?newsid=123» (DLE), TYPO3's and
    # Joomla's «index.php?id=…»: the home page's path with a query is an article's address on
    # many CMSs, so only the structure can say what such a page is.
    if not page.query and (
        page.path.rstrip("/") == home.path.rstrip("/") or segments in ([], ["index"])
    ):
        return "home page"
    words = _data()
    if segments and (segments[-1] in words.service or ABOUT_SEGMENT_RE.match(segments[-1])):
        return f"service page /{segments[-1]}/"
    if _FEED_DOCUMENT_RE.match(body[:FEED_ROOT_SCAN]):
        # A board's RSS linked from its pages («extern.php?action=feed&fid=1»): read as a page,
        # its <title> and items look like one.
        return "a feed or sitemap document (XML), not a page"
    if not _DOCUMENT_TAG_RE.search(body[:DOCUMENT_TAG_SCAN]):
        # diaspora*'s «/posts/N/comments.mobile»: the comments a post's page loads, no page.
        return "an HTML fragment that a page loads (no <html>, <head>, <body> or <title>)"
    tree = parse(body)
    language = translation_of_russian(tree, url)
    if language:
        return f"translation (lang={language}) of a page the site publishes in Russian"
    other = another_site(url, tree, outlet_home) if tree is not None else None
    if other:
        return f"a page of another site on the outlet's host (its home {other})"
    twin = twin_of(url, tree)
    if twin:
        return f"another version (for the visually impaired) of {twin}"
    section = _non_material_section(url, tree, words)
    if section:
        return section
    verdict, s = _verdict_of(url, tree)
    if verdict.kind == "not":
        return verdict.reason
    if not page.query and DATE_ARCHIVE_RE.match(page.path):
        return f"listing of a date's posts (the address is only the date {page.path})"
    hint = _hint(url, body, words)
    below = (_sub_pages_listed(url, tree)
             if verdict.kind == "article" and segments and tree is not None else 0)
    if below >= SUB_PAGES_MIN:
        # A wiki's or a collective's landing page: a short welcome over the headlines of the
        # pages that live under its address.
        return f"listing of its own sub-pages ({below} headlines link below its address)"
    if verdict.kind == "article":
        if hint and hint.startswith("listing") and s is not None and profile_over_feed(s):
            # «/authors/…» over a card and a feed of dated teasers: the URL settles what the
            # structure shows but cannot name (a bio reads like a short text).
            return f"{hint}: a card over a feed of {s.feed_after_body} dated teasers"
        return None
    return hint
