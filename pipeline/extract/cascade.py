"""Extraction: clean main text, title, lead, author and the true publication date of a news page.

The text cascade (the winner is recorded in ``Extracted.text_method``):

1. ``override`` — the source's CSS selector from sources.yml, when it matches;
2. ``trafilatura`` — trafilatura on the page pruned of widgets (boilerplate.prune), balanced mode,
   then cut at «По теме»/«Читайте также» markers and cleaned of counters and share lines;
3. ``baseline`` — our own densest-container extractor over text blocks, used when trafilatura
   under-delivers (less than ``RESCUE_RATIO`` of the baseline's text) or finds nothing.

Title and author: pipeline/extract/titles.py. Dates: pipeline/extract/dates.py (date lines: pipeline/extract/dateline.py).
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass

import lxml.html
from lxml.html import HtmlElement

from pipeline.extract import boilerplate, date_expressions, dateline, dates, sitename, siteowner
from pipeline.extract.html import parse_html
from pipeline.extract.titles import (
    clean_line,
    complete_from_text,
    find_author,
    find_title,
    headline_of_a_post,
    is_account_title,
    without_account_handle,
    without_namespace,
)

log = logging.getLogger(__name__)

# trafilatura's text must reach this share of the baseline's length, else the baseline wins.
RESCUE_RATIO = 0.6
# The headline is looked for among the first paragraphs; what precedes it must be short chrome.
HEAD_SCAN = 4
# Paragraphs this long are never repeated on purpose.
DEDUPE_MIN_CHARS = 60
MAX_HEAD_CHROME = 200
# A sentence: boilerplate.MIN_SENTENCE_CHARS long and ending like one. Shorter lines above the
# text may be chrome.
SENTENCE_END = tuple('.!?…»")。！？')
# A rubric line above the text has at most this many words; no chrome line is longer than this.
RUBRIC_WORDS = 3
MAX_CHROME_LINE = 120
# Blocks above the first paragraph searched for a lead left out by the extractor.
LEAD_SCAN = 4
# A date line above the text is chrome whatever its date (a widget may show a later day).
FAR_FUTURE = datetime.timedelta(days=3660)


@dataclass(frozen=True)
class SelectorOverrides:
    """CSS selectors from a source's optional ``selectors:`` mapping in sources.yml."""

    title: str | None = None
    text: str | None = None
    date: str | None = None


@dataclass
class Extracted:
    url: str
    title: str | None
    text: str  # clean main text, paragraphs separated by "\n\n"
    lead: str | None  # first paragraph
    author: str | None
    published: datetime.date | None
    date_method: str  # "override", "jsonld", "meta", "microdata", "time", "dateline",
    # "permalink", "url", "htmldate", "htmldate-unconfirmed", "text-opening", "updated" (an
    # edit's day, the page's only one; a feed date overrides these: dates.WEAK_METHODS), "none"
    text_method: str  # "override", "trafilatura", "baseline", "fallback-…", "none"
    # Why newsmon's own extraction was not used («newsmon: ValueError: …»); None when it was.
    fallback: str | None = None
    # What the site calls itself (og:site_name, the home link's text or logo) and who runs it
    # (the footer's copyright and legal lines): the tagger asks whether a regional body speaks
    # (pipeline.tag.home_region.names_a_body).
    site_names: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Text


def _text_from_override(tree: HtmlElement, selector: str) -> list[str]:
    paragraphs: list[str] = []
    for el in boilerplate.select(tree, selector):
        wrapper = lxml.html.fromstring("<div></div>")
        wrapper.append(deepcopy(el))
        paragraphs += [b.text for b in boilerplate.blocks(wrapper, skip_widgets=True)]
    return paragraphs


def _text_trafilatura(pruned: HtmlElement) -> list[str]:
    """trafilatura's text of the pruned page, in its balanced mode: the recall mode (2.3) often
    settles on a small part of the article, a teaser or one section."""
    return _trafilatura_lines(lxml.html.tostring(pruned, encoding="unicode"))


def _trafilatura_lines(html: str) -> list[str]:
    import trafilatura

    try:
        result = trafilatura.extract(
            html,
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception as exc:  # a library failure on one odd page must not lose it: the baseline rescues
        log.warning("trafilatura failed (%s); the baseline extractor takes over", exc)
        log.debug("trafilatura failure", exc_info=True)
        result = None
    lines = []
    for line in (result or "").split("\n"):
        line = line.strip()
        if line.startswith("|") and line.endswith("|"):
            # A data table row: its cells, without trafilatura's outer pipes and empty cells.
            line = " | ".join(c.strip() for c in line.strip("|").split("|") if c.strip())
        if line:
            lines.append(line)
    return lines


def _text_baseline(items: list[boilerplate.Block], title_text: str | None) -> list[str]:
    """Densest container (over the pruned page's blocks): the element whose own paragraph
    children hold the most text."""
    best = boilerplate.densest_container(items)
    if best is None:
        return []
    inside = [b for b in items if b.el is best or best in b.el.iterancestors()]
    if title_text:
        for i, block in enumerate(inside):
            if block.text == title_text:
                inside = inside[i + 1 :]
                break
    return [
        b.text for b in inside if b.link_density <= 0.6 or (len(b.text) < 30 and not b.link_chars)
    ]


def _strip_head(
    paragraphs: list[str], title: str | None, now: datetime.datetime, page: Sequence[str] = ()
) -> list[str]:
    """Site name, rubric, breadcrumbs, the headline and date line above the first sentence, found
    in the text or, when the extractor left the date line out, in the ``page``'s lines."""
    paragraphs = paragraphs[_end_of_head(paragraphs, title, now) + 1 :]
    head = {boilerplate.fold(line) for line in page[: _end_of_head(page, title, now) + 1]}
    while paragraphs and boilerplate.fold(paragraphs[0]) in head:
        paragraphs = paragraphs[1:]
    return paragraphs


def _end_of_head(lines: Sequence[str], title: str | None, now: datetime.datetime) -> int:
    """Index of the last headline or date line above the first sentence (-1: none)."""
    folded_title = boilerplate.fold(title or "").rstrip(".… ")

    def is_head(line: str) -> bool:
        folded = boilerplate.fold(line).rstrip(".… ")
        return bool(
            folded_title
            and folded
            and (folded == folded_title or (len(folded) >= 15 and folded_title.startswith(folded)))
        ) or (len(line) < 160 and dateline.dateline_date(line, now) is not None)

    last = -1
    for i, line in enumerate(lines[:HEAD_SCAN]):
        if is_head(line) and sum(len(p) for p in lines[:i]) <= MAX_HEAD_CHROME:
            last = i
        elif _is_prose(line):
            break  # the text has begun: a «headline» below it is a subheading
    return last


def _has_date(line: str, now: datetime.datetime) -> bool:
    """An absolute date in a short line («… 10.10.2017»), or a line that is a relative date."""
    if len(line) >= 200:
        return False
    absolute = [
        d for d in date_expressions.find_dates(line, now=now) if not date_expressions.is_relative(line[d[1] : d[2]])
    ]
    return bool(absolute) or dateline.dateline_date(line, now) is not None


# «Администрация Кинельского района, 2005–2025»: a copyright line without «©».
_SITE_YEAR_LINE = re.compile(
    r"^[^.!?]{3,100}?(?:,\s*(?:19|20)\d\d|\s(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d)\s*(?:г\.?)?$"
)


def _strip_tail(paragraphs: list[str], now: datetime.datetime) -> list[str]:
    """Whatever follows the last sentence and its signature: date lines, dated headline lists."""
    prose = [
        i
        for i, p in enumerate(paragraphs)
        if len(p.split()) >= 3
        and p.rstrip()[-1:] in '.!?»"…)'
        and dateline.dateline_date(p, now) is None
    ]
    if not prose:
        return paragraphs
    last = prose[-1]
    for k in range(last + 1, len(paragraphs)):
        line = paragraphs[k]
        following = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if line.rstrip().endswith(":"):
            break  # a list the article introduces, not a related block
        if (
            _has_date(line, now)
            or (len(line) < 40 and following and _has_date(following, now))
            or (_SITE_YEAR_LINE.match(line) and not boilerplate.is_signature(line))
        ):
            # Dated lines with no sentence after them: a related or announcements block.
            if not any(len(p) >= 30 and p.rstrip().endswith(".") for p in paragraphs[k + 1 :]):
                return paragraphs[:k]
            break
    return paragraphs


# Excerpts cut off mid-sentence («…где семьи…», «… [...]»): a feed of other posts' teasers.
# The ellipsis sticks to the cut word («где семьи…»); a writer's pause has a space («ready for …»).
_TRUNCATED_RE = re.compile(r"(?:[\w,;:]…|[\w,;:]\.\.\.|\[…\]|\[\.\.\.\])\s*$")
TEASER_EXCERPT_MIN_CHARS = 60
TEASER_EXCERPT_MAX_CHARS = 300


def _strip_excerpts(paragraphs: list[str]) -> list[str]:
    """Cut a tail of short paragraphs holding two or more truncated excerpts (a «recent posts»
    widget printed under a short post), from the first excerpt on; the text before it stays."""
    truncated = [
        len(p) >= TEASER_EXCERPT_MIN_CHARS and bool(_TRUNCATED_RE.search(p)) for p in paragraphs
    ]
    start = len(paragraphs)
    for k in range(len(paragraphs) - 1, 0, -1):
        if len(paragraphs[k]) > TEASER_EXCERPT_MAX_CHARS:
            break
        if truncated[k]:
            start = k
    if sum(truncated[start:]) < 2:
        return paragraphs
    return paragraphs[:start]


def _is_prose(line: str) -> bool:
    return len(line) >= boilerplate.MIN_SENTENCE_CHARS and line.rstrip()[-1:] in SENTENCE_END


_CAPTION_CLASS = re.compile(r"photo|foto|caption|img|image|pic|credit|gallery|source|author", re.I)


def _rescue_lead(
    items: list[boilerplate.Block], paragraphs: list[str], title: str | None, now: datetime.datetime
) -> list[str]:
    """A lead in its own block above the body («div.lead», «.anons», a subtitle) that the text
    extractor left out: the prose line right above the first paragraph, past captions and the
    date line, up to the headline."""
    if not paragraphs:
        return paragraphs
    first = boilerplate.fold(paragraphs[0])
    start = next((i for i, b in enumerate(items) if boilerplate.fold(b.text) == first), None)
    if start is None:
        return paragraphs
    folded_title = boilerplate.fold(title or "")
    for block in reversed(items[max(0, start - LEAD_SCAN) : start]):
        text = block.text
        if boilerplate.fold(text) == folded_title or boilerplate.is_stop_line(text):
            break
        if (
            _is_caption(block.el)
            or boilerplate.is_drop_line(text)
            or dateline.dateline_date(text, now, dateish=True) is not None
            or (len(text) < boilerplate.MIN_SENTENCE_CHARS and not _is_prose(text))
        ):
            continue
        if _is_prose(text) and block.link_density < 0.3:
            return [text, *paragraphs]
        break
    return paragraphs


def _is_caption(el: HtmlElement) -> bool:
    """A picture's caption: <figcaption>, anything inside a <figure>, or a caption's class."""
    return (el.tag == "figcaption" or bool(el.xpath("ancestor::figure"))
            or _CAPTION_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}") is not None)


def _fill_gaps(items: list[boilerplate.Block], paragraphs: list[str]) -> list[str]:
    """Blocks the text extractor dropped between two paragraphs it kept from one container: a
    list inside a press release («96 семей получили продуктовые наборы…; 7 мам жили в кризисной
    квартире») is part of the text between them. Link lists («Читайте также») and captions
    stay out; so does anything outside the two paragraphs' own container."""
    where = {boilerplate.fold(b.text): i for i, b in reversed(list(enumerate(items)))}
    kept = {boilerplate.fold(line) for line in paragraphs}
    out: list[str] = []
    for k, line in enumerate(paragraphs):
        out.append(line)
        if k + 1 == len(paragraphs):
            break
        lo, hi = where.get(boilerplate.fold(line)), where.get(boilerplate.fold(paragraphs[k + 1]))
        if lo is None or hi is None or not 1 < hi - lo <= GAP_MAX_BLOCKS:
            continue
        container = items[lo].el.getparent()
        if container is None or items[hi].el.getparent() is not container:
            continue
        gap = items[lo + 1 : hi]
        folded = [boilerplate.fold(b.text) for b in gap]
        # Nested lists give a block per level, the same words twice: the extractor's text of
        # such a part is no gap to fill.
        nested = any(a.el is not b.el and (a.el in b.el.iterancestors())
                     for a in items[lo : hi + 1] for b in items[lo : hi + 1])
        if (not nested and len(set(folded)) == len(folded) and not kept & set(folded)
                and all(_fills_gap(b, container) for b in gap)):
            out += [b.text for b in gap]
    return out


def _fills_gap(block: boilerplate.Block, container: HtmlElement) -> bool:
    inside = any(parent is container for parent in block.el.iterancestors())
    return (inside and not _is_caption(block.el) and block.link_density < GAP_MAX_LINK_DENSITY
            and len(block.text.split()) >= GAP_MIN_WORDS
            and not boilerplate.is_drop_line(block.text)
            and not boilerplate.is_stop_line(block.text)
            and not boilerplate.is_incut_line(block.text))


# A run of blocks dropped between two kept paragraphs is restored when it is this short, and
# each of its blocks has words enough to say something («Реклама», «Advertisement» do not).
GAP_MAX_BLOCKS = 12
GAP_MAX_LINK_DENSITY = 0.3
GAP_MIN_WORDS = 4


_CALENDAR_WORD = re.compile(
    r"(?:пн|вт|ср|чт|пт|сб|вс|\d{1,4}|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|"
    r"октябрь|ноябрь|декабрь|[«»<>‹›←→|]+)",
    re.IGNORECASE,
)


def _is_head_chrome(line: str, now: datetime.datetime) -> bool:
    """A line above the first sentence that is no part of the text: a rubric («Социальная
    сфера»), breadcrumbs, a calendar's residue, a date line (even one after the crawl day)."""
    if _is_prose(line) or len(line) > MAX_CHROME_LINE:
        return False
    words = [w for w in line.split() if re.search(r"\w", w)]  # «·», «|» separate, name nothing
    if len(words) <= RUBRIC_WORDS and not line.endswith((":", "!", "?")):
        return True
    if all(_CALENDAR_WORD.fullmatch(w.strip(".,")) for w in words):
        return True
    if len(re.findall(r"\s[»>›/|]\s", f" {line} ")) >= 2:
        return True  # Главная » Новости » Общество
    found = date_expressions.find_dates(line, now=now + FAR_FUTURE)
    return bool(found) and dateline.dateline_date(line, now + FAR_FUTURE, dateish=True) is not None


def _strip_head_chrome(paragraphs: list[str], now: datetime.datetime) -> list[str]:
    for i, para in enumerate(paragraphs[:HEAD_SCAN]):
        if not _is_head_chrome(para, now):
            return paragraphs[i:]
    return paragraphs[HEAD_SCAN:] if len(paragraphs) > HEAD_SCAN else paragraphs


def _lead(paragraphs: list[str], now: datetime.datetime) -> str | None:
    """The first paragraph of the text proper: never a rubric, category or date line."""
    return next((p for p in paragraphs if not _is_head_chrome(p, now)), None)


def _dedupe(paragraphs: list[str]) -> list[str]:
    """A lead printed twice (a «lead» block and the first paragraph) is kept once; short lines
    («— Да.») may repeat."""
    seen: set[str] = set()
    kept = []
    for para in paragraphs:
        key = boilerplate.fold(para)
        if len(para) >= DEDUPE_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return kept


def _squashed(traf: list[str], base: list[str]) -> bool:
    """trafilatura's own fallback for a short post: the whole article element as one line (its
    date line, text, tags, share and previous/next links run together) where the page's blocks
    give the text in paragraphs: most of that line, and no more than it."""
    return (
        len(traf) == 1
        and len(base) >= 2
        and SQUASHED_BASE_SHARE * _words(traf) <= _words(base) <= _words(traf)
    )


SQUASHED_BASE_SHARE = 0.5


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _extract_newsmon(
    tree: HtmlElement, url: str, now: datetime.datetime, overrides: SelectorOverrides
) -> Extracted:
    site_names = _site_names(tree, url)  # before pruning takes the header's home link and footer
    page_blocks = boilerplate.blocks(tree)  # shared by the title, author and date-line search
    title, title_el = find_title(tree, overrides.title, items=page_blocks, page_url=url)
    pruned = boilerplate.prune(tree, title_el)

    paragraphs: list[str] = []
    method = "none"
    if overrides.text:
        paragraphs = boilerplate.clean_paragraphs(_text_from_override(tree, overrides.text))
        method = "override" if paragraphs else method
    if not paragraphs:
        traf = boilerplate.clean_paragraphs(_text_trafilatura(pruned))
        pruned_blocks = boilerplate.blocks(pruned)
        base = boilerplate.clean_paragraphs(_text_baseline(pruned_blocks, title))
        page = [b.text for b in pruned_blocks]
        traf, base = _strip_head(traf, title, now, page), _strip_head(base, title, now, page)
        if traf and _words(traf) >= RESCUE_RATIO * _words(base) and not _squashed(traf, base):
            paragraphs, method = traf, "trafilatura"
        elif base:
            paragraphs, method = base, "baseline"
        paragraphs = _rescue_lead(pruned_blocks, paragraphs, title, now)
        paragraphs = _fill_gaps(pruned_blocks, paragraphs)
    paragraphs = _strip_head_chrome(paragraphs, now)
    paragraphs = _strip_tail(paragraphs, now)
    paragraphs = _strip_excerpts(paragraphs)
    paragraphs = _dedupe([c for c in map(clean_line, paragraphs) if c])
    text = "\n\n".join(paragraphs)
    title = complete_from_text(without_namespace(clean_line(title) or None, url), text)
    if (title_el is None or is_account_title(title)) and not overrides.title:
        # «Кузбасс. Семейный совет (@semsovet-kuzbass.bsky.social)»: whose post, not what it says
        head_title = clean_line(tree.findtext(".//title"))
        text = without_account_handle(text, title)
        title = headline_of_a_post(
            head_title, text, page=[b.text for b in page_blocks]) or title

    published, date_method = dates.find_published(
        tree,
        url=url,
        now=now,
        override_selector=overrides.date,
        title_el=title_el,
        items=page_blocks,
    )
    return Extracted(
        url=url,
        title=title,
        text=text,
        lead=_lead(paragraphs, now),
        author=find_author(tree, items=page_blocks),
        published=published,
        date_method=date_method,
        text_method=method,
        site_names=site_names,
    )


# ---------------------------------------------------------------------------------------------
# The cascade of whole extractors: a page is never lost to an exception in one of them.


def _site_names(tree: HtmlElement, url: str) -> tuple[str, ...]:
    """What the site calls itself and who runs it, read from the untouched page."""
    return sitename.read(tree, url).names + siteowner.owner_lines(tree)


def _extract_trafilatura_alone(
    tree: HtmlElement, url: str, now: datetime.datetime, overrides: SelectorOverrides
) -> Extracted:
    """trafilatura and htmldate on the unpruned page, with none of newsmon's own rules."""
    import trafilatura
    from htmldate import find_date

    site_names = _site_names(tree, url)  # before trafilatura edits the tree
    page = deepcopy(tree)  # … and the page as it was, for the date's lines
    document = trafilatura.bare_extraction(tree, url=url, include_comments=False,
                                           include_tables=True, with_metadata=True)
    text = (document.text if document else "") or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    found = find_date(tree, url=url, original_date=True, max_date=now.date().isoformat())
    published = datetime.date.fromisoformat(found) if found else None
    if published is not None and dates.refused_by_its_lines(published, page, now, url):
        published = None  # only a teaser card's or a «Читайте также» item's day states it
    return Extracted(
        url=url,
        title=clean_line(document.title if document else None) or None,
        text="\n\n".join(paragraphs),
        lead=paragraphs[0] if paragraphs else None,
        author=None,
        published=published if date_expressions.is_plausible(published, now) else None,
        date_method="htmldate" if published else "none",
        text_method="fallback-trafilatura",
        site_names=site_names,
    )


def _extract_densest_block(
    tree: HtmlElement, url: str, now: datetime.datetime, overrides: SelectorOverrides
) -> Extracted:
    """The container holding the most paragraph text, and the page's <title>: the last resort."""
    site_names = _site_names(tree, url)
    paragraphs = _text_baseline(boilerplate.blocks(tree, skip_widgets=False), None)
    head_title = tree.findtext(".//title")
    return Extracted(
        url=url,
        title=clean_line(head_title) or None,
        text="\n\n".join(paragraphs),
        lead=paragraphs[0] if paragraphs else None,
        author=None,
        published=None,
        date_method="none",
        text_method="fallback-densest",
        site_names=site_names,
    )


EXTRACTORS = (
    ("newsmon", _extract_newsmon),
    ("trafilatura", _extract_trafilatura_alone),
    ("densest", _extract_densest_block),
)
# Less main text than this and the crawl drops the page as no article (NoText).
MIN_TEXT_CHARS = 100
# Extractors asked again when the one before found too little text; the densest block is not:
# on a page with no article it would pass off teasers as text.
RETRY_SHORT_TEXT_WITH = ("trafilatura",)


def _within(short_text: str, text: str) -> bool:
    squashed = " ".join(short_text.split())
    return bool(squashed) and squashed in " ".join(text.split())


def _with_text_of(short: Extracted, longer: Extracted) -> Extracted:
    """newsmon's title, date and author (its own rules are better) over another extractor's text."""
    longer.title = short.title or longer.title
    longer.author = short.author or longer.author
    if short.published is not None:
        longer.published, longer.date_method = short.published, short.date_method
    return longer


def extract(
    html: bytes | str,
    url: str,
    *,
    crawl_time: datetime.datetime | None = None,
    overrides: SelectorOverrides | None = None,
    encoding: str | None = None,
) -> Extracted:
    """Extract an article page. ``crawl_time`` (default now) anchors «вчера» and bounds dates.

    Never raises for a page: when an extractor of the cascade fails, the next one runs, and the
    result says which one was used (``text_method``) and why the earlier ones were not
    (``fallback``). When newsmon's own text is too short to keep, trafilatura alone is asked
    too. Only a page none of them can read comes back empty.
    """
    now = crawl_time or datetime.datetime.now()
    overrides = overrides or SelectorOverrides()
    failures: list[str] = []
    short: Extracted | None = None
    for name, extractor in EXTRACTORS:
        if short is not None and name not in RETRY_SHORT_TEXT_WITH:
            continue
        # A fresh tree for each extractor: a failed one may have left the last one half-edited.
        try:
            result = extractor(parse_html(html, encoding), url, now, overrides)
        except Exception as exc:  # one odd page must never lose the article: try the next one
            failures.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
            log.warning("%s: извлечение не удалось (%s), пробуем следующий способ", url, failures[-1])
            log.debug("extractor %s failed on %s", name, url, exc_info=True)
            continue
        if short is not None:
            if len(result.text.strip()) < MIN_TEXT_CHARS or _within(short.text, result.text):
                continue  # the same short text with its surroundings: a short article, kept so
            result = _with_text_of(short, result)
        elif len(result.text.strip()) < MIN_TEXT_CHARS and name == EXTRACTORS[0][0]:
            short = result
            failures.append(f"{name}: текст короче {MIN_TEXT_CHARS} знаков")
            continue
        result.fallback = "; ".join(failures) or None
        return result
    if short is not None:
        return short  # nothing better: the page has no article, and the crawl says so (NoText)
    return Extracted(url=url, title=None, text="", lead=None, author=None, published=None,
                     date_method="none", text_method="none", fallback="; ".join(failures))
