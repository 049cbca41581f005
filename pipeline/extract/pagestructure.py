"""What a page is built of: one headline over one body of prose, or repeated items.

Reads the markup only (no URL words, no CMS class names): text blocks in document order,
headings, *title links* (a block that is one link whose text reads like a headline, pointing to
another page), *teaser items* (the box around one title link: its date, picture and excerpt),
groups of repeated sibling items carrying links or pictures, label–value fields (a person's or an
office's card) and search forms that show the query. pipeline.extract.pagetype turns this into a verdict.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

from pipeline.extract.boilerplate import NOT_NEGATED, is_time_link
from pipeline.extract.html import read_as_shown, repair_markup
from pipeline.extract.sitehome import home_path

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol td th tr table tbody thead dd dt dl blockquote section "
    "article header footer main aside nav pre address figcaption figure form center body html".split()
)
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "select", "button")
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
CHROME_TAGS = frozenset({"header", "footer", "nav"})
# A <header> inside these heads its article or the page's content (HTML5), not the site.
SECTIONING_TAGS = frozenset({"main", "article"})
# A page footer built of divs («div.footer», «#copyright»): chrome like <footer>. A banner too:
# the feedback platform's «pos-banner» every government site carries («Столкнулись с проблемой —
# сообщите о ней!») is no page's text. Not a class that says the element is none
# («wsite-not-footer»).
CHROME_CLASS_RE = re.compile(
    rf"(?:^|[\s_-]){NOT_NEGATED}(?:footer|copyright|podval|banner)(?:$|[\s_-])", re.I
)
# A class that names the element a headline («entry-title», «news-item__title», «story__head»).
TITLE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:title|head|headline|heading|zagolovok)(?:$|[\s_-])", re.I)
# Sentence ends in the scripts outlets write in: Latin and Cyrillic stops, the Armenian «։», the
# Devanagari «।», Arabic and Urdu marks; CJK full-width stops need no space after them.
SENTENCE_END_RE = re.compile(r"[.!?…։।؟۔](?:[»\")]*)(?=\s|$)|[。！？]")
CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*>")
PHONE_RE = re.compile(r"(?:\+7|\b8)[\s(-]*\d{3,5}[\s)-]*\d{1,3}[\s-]?\d{2}[\s-]?\d{2}\b")
# A date or a time of day: «12.09.2025», «12 сентября», «18:00», «2025-09-12».
DATE_RE = re.compile(r"\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b|\b\d{1,2}\s+[^\W\d]{3,}|"
                     r"\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b")
LABEL_RE = re.compile(r"^([^\W\d][^:]{1,28}):\s*\S")

# A prose paragraph: at least this many characters and words, mostly not link text.
PROSE_MIN_CHARS = 60
PROSE_MIN_WORDS = 8
PROSE_MAX_LINK_SHARE = 0.3
# Lines of the site's own identity, which site builders write as ordinary paragraphs on every
# page: a legal entity's registration numbers («ОГРН 1196600012345», «ИНН 6671000000»), a media
# outlet's registration («Свидетельство … ЭЛ № ФС 77-…»), a cookie notice. Never a body.
SITE_LINE_MAX_CHARS = 400
SITE_LINE_RE = re.compile(
    r"\b(?:ОГРНИП|ОГРН|ИНН|КПП|ОКПО)\s*:?\s*\d{9,15}\b"
    r"|\b(?:ЭЛ|ПИ)\s*№\s*(?:ФС|ТУ)\s*\d"
    r"|\bфайл\w*\s+cookie|\bcookie-?файл|\bкуки\b",
    re.IGNORECASE,
)
# A title link: one link holding nearly all of its block, worded like a headline.
TITLE_LINK_SHARE = 0.85
TITLE_MIN_WORDS = 3
TITLE_CHARS = (15, 250)
# A lone teaser box (one title link, no repeated siblings) holds at most this much prose; more is
# an article body that merely contains an inline «Читайте также» link.
TEASER_MAX_PROSE = 600


@dataclass
class Block:
    owner: HtmlElement
    text: str
    link_chars: int
    index: int
    href: str | None = None  # the link holding (nearly) all of the text
    in_chrome: bool = False
    # The link a headline-worded line holds beside nothing but a date («22 Октябрь 2025
    # <a>Заголовок…</a>»): a title link when the line is an item of a repeated group.
    dated_href: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def sentences(self) -> int:
        return len(SENTENCE_END_RE.findall(self.text))


@dataclass
class Structure:
    blocks: list[Block] = field(default_factory=list)
    prose: list[Block] = field(default_factory=list)  # prose outside teaser items
    teaser_prose: list[Block] = field(default_factory=list)
    title_links: list[Block] = field(default_factory=list)
    headings: list[Block] = field(default_factory=list)  # unlinked headings
    body: list[Block] = field(default_factory=list)  # the largest run of sibling prose
    governing: Block | None = None  # the heading or title link nearest above the body
    # The governing title link is one of a listing's teasers: shaped as a headline, its teaser
    # box holding the body (a blurb under another page's title) or in a repeated group — not an
    # article's byline link «Редакция …» alone in a bar of its own above the text.
    governed_by_teaser: bool = False
    # The body sits in the box of a headline-shaped link to another page, below the page's own
    # <h1>: a whole post printed in an archive under the archive's title (or in an entry whose
    # comments are on another page: `_comments_elsewhere`).
    body_under_foreign_title: bool = False
    # The post holding the body links its own page by its time, and that page is another: a
    # repost of a note, a reply's page showing the note it answers (`_post_of_another_page`).
    post_of_another_page: bool = False
    # The body is an event's description beside its start field (microformats' «dtstart»,
    # schema.org's «startDate»): a calendar entry, not a material about it.
    event_card: bool = False
    # A «Подробнее →» link to another page right after the body: the text goes on there.
    read_more_after_body: bool = False
    # The number its own pager marks as current when a link «1» leads to the first page: page
    # 2 of a thread's replies or of a split text (0: no such pager).
    pager_current: int = 0
    # Paragraphs of prose each followed by such a link: a digest of other pages' starts.
    read_more_items: int = 0
    read_more_chars: int = 0
    repeated: list[list[HtmlElement]] = field(default_factory=list)  # groups outside chrome
    teaser_members: int = 0  # members of repeated groups that open with a title link
    dated_teasers: int = 0  # title links boxed with a date of their own: teasers, even alone
    dated_items: int = 0  # items of the largest group whose members each carry a link and a date
    dated_items_chars: int = 0  # the text of that group
    dated_items_titled: int = 0  # its dated items linking a headline (a topic's, not a name)
    picture_grid: int = 0  # items of the largest group of pictures with short captions
    fields_before_body: int = 0  # label–value pairs between the headline and the body
    contacts_before_body: int = 0  # tel:/mailto: links and phone numbers in the same span
    fields: int = 0
    search_query: bool = False
    # Teasers with a date each (a feed: headline, lead, <time>) after the body, and their prose:
    # an author's or a person's card over the feed of their articles.
    feed_after_body: int = 0
    feed_prose_chars: int = 0
    # The body is one item of a feed whose dated items each end in a link to the rest of their
    # text («…занимались с психологами по…» «ещё»): a group's or a channel's feed, no material.
    excerpt_feed_around_body: int = 0
    # The document's <title>, spaces collapsed: which of several <h1> is the page's own.
    page_title: str = ""

    @property
    def body_chars(self) -> int:
        return sum(len(b.text) for b in self.body)

    @property
    def body_sentences(self) -> int:
        return sum(max(b.sentences, 1) for b in self.body)

    @property
    def teaser_items(self) -> int:
        return sum(1 for b in self.title_links if not b.in_chrome)


def decode(body: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else the declared charset, else windows-1251."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = CHARSET_RE.search(body[:4096])
    for charset in ([declared.group(1).decode("ascii")] if declared else []) + ["cp1251"]:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            continue
    return body.decode("cp1251", errors="replace")


def parse(body: bytes) -> HtmlElement | None:
    if not body or not body.strip():
        return None
    text = repair_markup(XML_DECL_RE.sub("", decode(body), count=1))
    if not text.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError):
        return None
    read_as_shown(tree)
    for el in list(tree.iter(*DROP_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def _tag(el: HtmlElement) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def same_page(href: str, url: str) -> bool:
    """Does ``href`` lead to the page at ``url`` (its host, fragment and a final «/» aside)?"""
    try:
        a, b = urlsplit(urljoin(url, href)), urlsplit(url)
    except ValueError:  # «http://[not-an-ip]/»: not a page we can compare, so not this one
        return False
    return (a.path.rstrip("/"), a.query) == (b.path.rstrip("/"), b.query)


# Parameters that change how a page is shown, not which page it is.
PRESENTATION_PARAMS = frozenset({
    "print", "printable", "tmpl", "format", "output", "amp", "mobile", "pda", "version", "view",
    "lang", "font", "theme",
})  # fmt: skip


def _same_document(href: str, url: str) -> bool:
    """The page itself in another form: its own address with presentation parameters added
    («….html?tmpl=component&print=1», Joomla's «Версия для печати»), none of its own changed.
    «/news.php?id=5» on «/news.php» is another page."""
    try:
        a, b = urlsplit(urljoin(url, href)), urlsplit(url)
    except ValueError:
        return False
    if a.path.rstrip("/") != b.path.rstrip("/"):
        return False
    own = set(parse_qsl(b.query, keep_blank_values=True))
    target = set(parse_qsl(a.query, keep_blank_values=True))
    return own <= target and all(key.lower() in PRESENTATION_PARAMS for key, _ in target - own)


def _real_link(href: str | None) -> bool:
    return bool(href) and not href.startswith(("#", "javascript:", "mailto:", "tel:"))


_DATE_BESIDE_RE = re.compile(rf"{DATE_RE.pattern}|\b(?:19|20)\d\d\b|\bг(?:ода|\.)", re.I)


def _only_a_date_beside(
    text: str, start: int, end: int, links: list[tuple[int, int, str | None]]
) -> bool:
    """The line's words outside its links are only a date (and time), and the link is worded
    as a headline by itself: a teaser's title link with its date in front («22 Октябрь 2025
    Ярославские наставники…»), not a date line's rubric («15.10.2025 <a>Общество</a>»)."""
    outside, inside, pos = [], [], start
    for a, b, _href in sorted(links):
        if b <= start or a >= end:
            continue
        outside.append(text[pos : max(a, pos)])
        inside.append(text[max(a, start) : min(b, end)])
        pos = max(pos, min(b, end))
    outside.append(text[pos:end])
    title = " ".join(" ".join(inside).split())
    if len(title.split()) < TITLE_MIN_WORDS or len(title) < TITLE_CHARS[0]:
        return False
    rest = "".join(outside)
    if not DATE_RE.search(rest):
        return False
    return not re.sub(r"[\s,.|·•/—–-]+", "", _DATE_BESIDE_RE.sub("", rest))


def read_blocks(tree: HtmlElement) -> list[Block]:
    """Runs of inline text between block boundaries (and ``<br>``), in document order. Block
    elements inside a link (``<a href><h2>…</h2></a>``, a teaser card) are that link's text."""
    result: list[Block] = []

    def flush(owner: HtmlElement, parts: list[str], links: list[tuple[int, int, str | None]],
              chrome: bool, outer_href: str | None) -> None:
        """One block per line; ``links`` holds (start, end, href) offsets into the joined text."""
        text = "".join(parts)
        for line in re.finditer(r"[^\n]+", text):
            clean = re.sub(r"\s+", " ", line.group().replace("\xa0", " ")).strip()
            if not clean:
                continue
            dated = None
            if outer_href:
                link_chars, href = len(clean), outer_href
            else:
                spans = [
                    (len(re.sub(r"\s+", " ", text[max(a, line.start()):min(b, line.end())]).strip()), h)
                    for a, b, h in links if a < line.end() and b > line.start()
                ]
                link_chars = min(sum(n for n, _ in spans), len(clean))
                top = max(spans, key=lambda x: x[0], default=(0, None))
                href = top[1] if top[0] >= TITLE_LINK_SHARE * len(clean) else None
                if href is None and top[1] is not None and _only_a_date_beside(
                    text, line.start(), line.end(), links
                ):
                    dated = top[1]
            result.append(Block(owner, clean, link_chars, len(result), href, chrome, dated))
        parts.clear()
        links.clear()

    def walk(el, owner, parts, links, chrome, outer_href, in_link) -> None:
        for child in el:
            tag = _tag(child)
            if not tag:
                pass
            elif tag in BLOCK_TAGS:
                flush(owner, parts, links, chrome, outer_href)
                visit(child, chrome, outer_href)
            elif tag == "br":
                parts.append("\n")
            else:
                before = sum(len(p) for p in parts)
                parts.append(child.text or "")
                href = child.get("href") if tag == "a" else None
                # A card link holds a picture and a headline, maybe the lead under it; an unclosed
                # <a> that swallowed the rest of the page does not make the page link text.
                wraps_blocks = (
                    href is not None
                    and any(_tag(c) in BLOCK_TAGS for c in child.iterdescendants())
                    and _reads_as_a_card(child)
                )
                walk(child, owner, parts, links, chrome,
                     href if wraps_blocks and not outer_href else outer_href,
                     in_link or tag == "a")
                if tag == "a" and not in_link and not outer_href:
                    links.append((before, sum(len(p) for p in parts), href))
            if child.tail:
                parts.append(child.tail)

    def visit(el: HtmlElement, chrome: bool, outer_href: str | None) -> None:
        chrome = chrome or is_chrome(el)
        parts: list[str] = [el.text or ""]
        links: list[tuple[int, int, str | None]] = []
        walk(el, el, parts, links, chrome, outer_href, False)
        flush(el, parts, links, chrome, outer_href)

    body = tree.find(".//body")
    visit(body if body is not None else tree, False, None)
    return result


def _reads_as_a_card(link: HtmlElement) -> bool:
    """A link's text is a headline's length, or one headline with a teaser's lead under it."""
    chars = len(link.text_content().strip())
    if chars <= TITLE_CHARS[1]:
        return True
    headings = [c for c in link.iterdescendants() if _tag(c) in HEADING_TAGS]
    return len(headings) == 1 and chars <= TITLE_CHARS[1] + TEASER_MAX_PROSE


def is_site_line(text: str) -> bool:
    return len(text) <= SITE_LINE_MAX_CHARS and SITE_LINE_RE.search(text) is not None


def _is_prose(b: Block) -> bool:
    return (
        not is_site_line(b.text)
        and len(b.text) >= PROSE_MIN_CHARS
        and b.words >= PROSE_MIN_WORDS
        and b.link_chars <= PROSE_MAX_LINK_SHARE * len(b.text)
        and b.sentences >= 1
        and _tag(b.owner) not in HEADING_TAGS
        and b.href is None
    )


def _is_heading(b: Block, url: str) -> bool:
    """A heading of this page: a heading tag or a title-classed line, unlinked or linked to the
    page itself (a blog's post title is often its own permalink)."""
    if (b.href and not same_page(b.href, url)) or len(b.text) > TITLE_CHARS[1]:
        return False
    if _tag(b.owner) in HEADING_TAGS:
        return True
    return b.words >= 2 and bool(TITLE_CLASS_RE.search(b.owner.get("class") or "")) and b.sentences <= 1


def is_headline_shaped(b: Block) -> bool:
    """In a heading tag or a title-classed element: a post's title, not a byline or a nav link."""
    if _tag(b.owner) in HEADING_TAGS or TITLE_CLASS_RE.search(b.owner.get("class") or ""):
        return True
    parent = b.owner.getparent()  # «<h2><a href=…>Заголовок</a></h2>»: the link is the heading
    return (parent is not None and _tag(parent) in HEADING_TAGS
            and " ".join(parent.text_content().split()) == b.text)


def _is_front_page(href: str, url: str) -> bool:
    """«/», «/index.php»: the site's front page, whose link is the site's (or a post's author's)
    name, never a teaser of another material."""
    try:
        target = urljoin(url, href)
        return not urlsplit(target).query and home_path(target) == "/"
    except ValueError:
        return False


def _is_title_link(b: Block, url: str) -> bool:
    return (
        _real_link(b.href)
        and not _same_document(b.href or "", url)
        and not _is_front_page(b.href or "", url)
        and b.words >= TITLE_MIN_WORDS
        and TITLE_CHARS[0] <= len(b.text) <= TITLE_CHARS[1]
        and not _is_byline(b)
    )


# How forum and blog engines mark a poster's name: «username» (phpBB, XenForo, vBulletin,
# Discourse), «PostUser-name» (Flarum), «author», rel="author".
BYLINE_RE = re.compile(r"author|user-?name|poster|postuser|byline|member-?name", re.IGNORECASE)


def _is_byline(b: Block) -> bool:
    """A poster's name over a post («<h3 class="PostUser-name"><a href="/u/…">Елена из
    Балакова</a></h3>»): a heading by its tag, a link to the person's profile, never a title."""
    links = [a for a in b.owner.iter("a") if a.get("href") == b.href] or [b.owner]
    return any(
        BYLINE_RE.search(" ".join((el.get(k) or "") for k in ("class", "rel", "itemprop")))
        for el in [b.owner, *links]
    )


# Classes that mark an item's place or state in its list, not its kind: zebra rows («odd»,
# «even»), the first or last item («main-first-item», «item-last»), the one open or chosen.
_PLACE_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:odd|even|first|last|alt|alternate|active|current|selected)(?:$|[-_])", re.I
)


def _signature(el: HtmlElement) -> tuple[str, str]:
    classes = " ".join(sorted(
        re.sub(r"\d+", "", c) for c in (el.get("class") or "").split()
        if not _PLACE_CLASS_RE.search(c)
    ))
    return _tag(el), "" if _tag(el) == "tr" else classes


def is_chrome(el: HtmlElement) -> bool:
    """Header, footer, nav: by tag, or a footer by class/id (never the page's wrapper: themes put
    «has-footer» classes on <body>, so a box holding a headline is not a footer)."""
    if _tag(el) == "header" and any(_tag(a) in SECTIONING_TAGS for a in el.iterancestors()):
        return False  # an entry's or the page's own header inside <main>/<article>: its headline
    if _tag(el) in CHROME_TAGS:
        return not _wraps_article(el)
    if _tag(el) in ("body", "html", "main", "article"):
        return False
    return bool(
        CHROME_CLASS_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}")
    ) and el.find(".//h1") is None


# A <header> or <nav> used as the page's wrapper (themes do): it holds the headline and the
# text's paragraphs, which a real header never does.
WRAPPER_MIN_PARAGRAPHS = 3
WRAPPER_PARAGRAPH_CHARS = 200


def _wraps_article(el: HtmlElement) -> bool:
    if el.find(".//h1") is None:
        return False
    long_paragraphs = 0
    for p in el.iter("p"):
        if len(p.text_content()) >= WRAPPER_PARAGRAPH_CHARS:
            long_paragraphs += 1
            if long_paragraphs >= WRAPPER_MIN_PARAGRAPHS:
                return True
    return False


def _in_chrome(el: HtmlElement) -> bool:
    return any(is_chrome(a) for a in el.iterancestors())


def chrome_elements(tree: HtmlElement) -> set[HtmlElement]:
    """Every element inside (or being) a header, footer or nav."""
    inside: set[HtmlElement] = set()
    for el in tree.iter():
        if _tag(el) and el not in inside and is_chrome(el):
            inside.update(el.iter())
    return inside


def repeated_groups(tree: HtmlElement, chrome: set[HtmlElement]) -> list[list[HtmlElement]]:
    """Sibling elements of one shape (tag and class), three or more, each holding a link, a
    picture or a date and little text of its own: teasers, cards, rows, album covers, the rows
    of an events board («20.11.2025 10:00 | Приём граждан | каб. 214») that link nowhere."""
    groups = []
    for parent in tree.iter():
        if not _tag(parent) or parent in chrome:
            continue
        by_shape: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for child in parent:
            if _tag(child) in BLOCK_TAGS or _tag(child) == "a":
                by_shape[_signature(child)].append(child)
        for members in by_shape.values():
            if len(members) < 3:
                continue
            linked = [m for m in members if m.find(".//a[@href]") is not None or _tag(m) == "a"]
            pictured = [m for m in members if m.find(".//img") is not None]
            if len(linked) >= 0.8 * len(members) or len(pictured) >= 0.8 * len(members):
                groups.append(members)
            elif sum(1 for m in members if _dated(m)) >= 0.6 * len(members):  # a header row
                groups.append(members)
    return groups


@dataclass
class _Subtrees:
    """Per element, what its subtree holds: title links, headings, the first title link and the
    first prose block (block order), prose characters. Filled by walking up from each block, so
    questions about a box cost no walk through it."""

    titles: dict[HtmlElement, int] = field(default_factory=lambda: defaultdict(int))
    headings: dict[HtmlElement, int] = field(default_factory=lambda: defaultdict(int))
    first_title: dict[HtmlElement, int] = field(default_factory=dict)
    first_prose: dict[HtmlElement, int] = field(default_factory=dict)
    prose_chars: dict[HtmlElement, int] = field(default_factory=lambda: defaultdict(int))

    @classmethod
    def of(cls, s: Structure, prose: list[Block]) -> _Subtrees:
        t = cls()
        for b in s.title_links:
            for el in _self_and_ancestors(b.owner):
                t.titles[el] += 1
                t.first_title.setdefault(el, b.index)
        for b in s.headings:
            for el in _self_and_ancestors(b.owner):
                t.headings[el] += 1
        for b in prose:
            for el in _self_and_ancestors(b.owner):
                t.first_prose.setdefault(el, b.index)
                t.prose_chars[el] += len(b.text)
        return t


def _self_and_ancestors(el: HtmlElement):
    yield el
    yield from el.iterancestors()


def _teaser_item(title: Block, t: _Subtrees, prose_barrier: bool = True) -> HtmlElement | None:
    """The largest box around one title link that holds no other title link, no heading and
    (with ``prose_barrier``) no prose above the title. None when the link is loose text of a box
    that already holds such things (an article's «← Назад к списку новостей» under its text)."""
    item = None
    for anc in _self_and_ancestors(title.owner):
        if _tag(anc) in ("body", "html") or (_tag(anc) in CHROME_TAGS and is_chrome(anc)):
            break
        if t.titles[anc] > 1 or t.headings[anc]:
            break
        if prose_barrier and t.first_prose.get(anc, title.index + 1) < title.index:
            break
        item = anc
    return item


def _teaser_members(group: list[HtmlElement], t: _Subtrees) -> list[HtmlElement]:
    """A repeated group's teasers: members that open with a title link (a date or picture may
    come first, prose may not). Members with more prose than an excerpt count only when two or
    more members have that shape (an archive printing whole posts); one section of an article
    that opens with a «Read also» link is not a teaser."""
    shaped = [
        m for m in group
        if m in t.first_title and t.first_prose.get(m, t.first_title[m] + 1) > t.first_title[m]
    ]
    whole = [m for m in shaped if t.prose_chars[m] > TEASER_MAX_PROSE]
    return [m for m in shaped if m not in whole or len(whole) >= 2]


def _cards(group: list[HtmlElement], t: _Subtrees, url: str) -> list[HtmlElement]:
    """A repeated group's cards whose headline is no link: a heading, an excerpt and a button
    to another page («Подробнее >»), as site builders print news (Mobirise, Tilda). Every member
    must have that shape: a run of an article's sections, each with a link in its text, does not."""
    cards = []
    for m in group:
        heading = next((h for h in m.iter(*HEADING_TAGS)), None)
        if heading is None or t.prose_chars[m] > TEASER_MAX_PROSE:
            return []
        if any(
            (a.get("href") or "").startswith("#") or same_page(a.get("href") or "", url)
            for a in heading.iter("a")
        ):
            return []  # «<h3><a href="#p1290">Re: …</a></h3>»: a post of this page, not a card
        # Links after the heading: in what follows it, and what follows its boxes, up to the card.
        after = []
        for node in _self_and_ancestors(heading):
            if node is m:
                break
            after += [a for sib in node.itersiblings() for a in sib.iter("a")]
        if not any(_real_link(a.get("href")) and not same_page(a.get("href", ""), url)
                   for a in after):
            return []
        cards.append(m)
    return cards


# The words of a link to the rest of a cut text: «ещё», «Читать далее», «Показать полностью».
_REST_OF_TEXT_RE = re.compile(
    r"^(?:подробнее|читать(?:\s+(?:полностью|далее|дальше|ещё|еще))?|далее|дальше|ещё|еще"
    r"|(?:показать|открыть)\s+(?:полностью|целиком)|полностью|read\s+more|more)\W*$",
    re.IGNORECASE,
)


def _excerpt_feed_around(body_el: HtmlElement, groups: list[list[HtmlElement]], url: str) -> int:
    """How many items the feed holding the body has, when its items each carry a date, an
    excerpt and a link to the rest of their text on a page of its own; 0 when the body is in
    no such feed."""
    for group in groups:
        if not _in_any(body_el, set(group)):
            continue
        excerpts = [m for m in group if _dated(m) and _links_to_its_rest(m, url)]
        if len(excerpts) >= 3 and len(excerpts) >= 0.6 * len(group):
            return len(excerpts)
    return 0


# The words of a link to the rest of a text, not of a pager between posts («Далее →» to the
# next post beside «← Назад»).
# …and a blog engine's own wording with the post's title after it («Продолжение: В Гудермесе
# прошло первенство »», WordPress's «Continue reading Title →»).
_READ_MORE_RE = re.compile(
    r"^(?:(?:подробнее|читать\s+(?:полностью|далее|дальше)|read\s+more)\W*"
    r"|(?:продолжение(?:\s+записи)?|читать\s+продолжение|continue\s+reading)\b.*)$",
    re.IGNORECASE)
_CURRENT_RE = re.compile(r"(?:^|[\s_-])(?:current|active|selected)(?:$|[\s_-])", re.IGNORECASE)


def _pager_current(tree: HtmlElement, url: str) -> int:
    """The page's number in its own pager: an element marked current (a class, aria-current)
    holding a number of 2 or more, beside a link «1» to another page; or such a number printed
    bare among the pager's links («<a>1</a> <strong>2</strong> <a>3</a>»: a forum's pager)."""
    for el in tree.xpath("//*[@aria-current or contains(@class, 'current') or "
                         "contains(@class, 'active') or contains(@class, 'selected')]"):
        number = _page_number(el)
        if not number:
            continue
        if el.get("aria-current") is None and not _CURRENT_RE.search(el.get("class") or ""):
            continue
        if _beside_first_page_link(el, url):
            return number
    for el in tree.xpath("//strong|//b|//span|//em"):
        number = _page_number(el)
        if (number and not el.xpath("ancestor-or-self::a|.//a")
                and _beside_first_page_link(el, url, neighbour=number - 1)):
            return number
    return 0


def _page_number(el: HtmlElement) -> int:
    text = " ".join(el.text_content().split())
    return int(text) if text.isdigit() and len(text) <= 4 and int(text) >= 2 else 0


def _beside_first_page_link(el: HtmlElement, url: str, neighbour: int = 1) -> bool:
    """Among the element's neighbours (in its parent, or its parent's parent) a link «1» to
    another page, and a link to the page ``neighbour`` next to it."""
    parent = el.getparent()
    if parent is None:
        return False
    box = parent if next(parent.iter("a"), None) is not None else parent.getparent()
    if box is None:
        return False
    numbers = {
        " ".join(a.text_content().split())
        for a in box.iter("a")
        if a.get("href") and not same_page(urljoin(url, a.get("href") or ""), url)
    }
    return "1" in numbers and str(neighbour) in numbers


# Lines between the body's end and its «Подробнее» link (a date, a signature).
READ_MORE_WINDOW = 3


def _read_more_after(s: Structure, end: int, url: str) -> bool:
    """The block ``end`` is followed, before any other prose, by a link worded only
    «Подробнее», «Читать далее» to another page: an issue of a newsletter or a card printing
    the start of a text whose page is elsewhere."""
    for b in s.blocks[end + 1 : end + 1 + READ_MORE_WINDOW]:
        if b.href and _READ_MORE_RE.match(b.text):
            return _real_link(b.href) and not same_page(urljoin(url, b.href), url)
        if _is_prose(b):
            return False
    return False


def _links_to_its_rest(item: HtmlElement, url: str) -> bool:
    return any(
        _real_link(a.get("href")) and not same_page(a.get("href", ""), url)
        and _REST_OF_TEXT_RE.match(" ".join(a.text_content().split()))
        for a in item.iter("a")
    )


# A headline's words (three letters or more; «6 years ago» has two, «#3» none) and how many make
# one: a link with fewer is a name, an age or a label, not another page's headline.
HEADLINE_WORD_RE = re.compile(r"[^\W\d_]{3,}")
HEADLINE_MIN_WORDS = 3


def reads_as_headline(text: str) -> bool:
    return len(HEADLINE_WORD_RE.findall(text)) >= HEADLINE_MIN_WORDS


def _items_with_headlines_of_their_own(items: list[HtmlElement]) -> int:
    """Items linking a headline of three words or more that no other item links (a board's
    topics), not only a name or a time (a thread's posts, each under its author's name)."""
    texts = [
        {" ".join(a.text_content().split()) for a in item.iter("a")
         if reads_as_headline(a.text_content())}
        for item in items
    ]
    seen = Counter(text for own in texts for text in own)
    return sum(1 for own in texts if any(seen[text] == 1 for text in own))


def _in_any(el: HtmlElement, roots: set[HtmlElement]) -> bool:
    return any(a in roots for a in _self_and_ancestors(el))


def analyse(tree: HtmlElement, url: str) -> Structure:
    s = Structure(blocks=read_blocks(tree))
    s.page_title = " ".join((tree.findtext(".//title") or "").split())
    chrome = chrome_elements(tree)
    s.repeated = repeated_groups(tree, chrome)
    members = {m for g in s.repeated for m in g}
    for k, b in enumerate(s.blocks):
        if b.dated_href and _in_any(b.owner, members):
            s.blocks[k] = b = dataclasses.replace(b, href=b.dated_href)
        if _is_title_link(b, url):
            s.title_links.append(b)
        elif _is_heading(b, url):
            s.headings.append(b)
    all_prose = [b for b in s.blocks if _is_prose(b) and not _is_field_value(b)]
    t = _Subtrees.of(s, all_prose)
    teaser_roots: set[HtmlElement] = set()
    for g in s.repeated:
        members = _teaser_members(g, t) or _cards(g, t, url)
        teaser_roots.update(members)
        s.teaser_members += sum(1 for m in members if m not in chrome)
        dated = [m for m in g if _dated(m)]
        if len(dated) >= 0.6 * len(g) and g[0] not in chrome and len(dated) > s.dated_items:
            s.dated_items = len(dated)
            s.dated_items_chars = sum(len(m.text_content().strip()) for m in g)
            s.dated_items_titled = _items_with_headlines_of_their_own(dated)
    for title in s.title_links:
        item = _teaser_item(title, t)
        if item is not None and t.prose_chars[item] <= TEASER_MAX_PROSE:
            teaser_roots.add(item)
            if item not in chrome and _dated(item):
                s.dated_teasers += 1
    for b in all_prose:
        (s.teaser_prose if _in_any(b.owner, teaser_roots) else s.prose).append(b)
    s.body, s.governing = _body(s)
    if s.body:
        s.excerpt_feed_around_body = _excerpt_feed_around(s.body[0].owner, s.repeated, url)
        s.read_more_after_body = _read_more_after(s, s.body[-1].index, url)
    starts = [b for b in s.prose if _read_more_after(s, b.index, url)]
    if starts and s.body and starts[0].index > s.body[0].index:
        starts = []  # teasers of other posts under the page's own text, not a digest
    s.read_more_items, s.read_more_chars = len(starts), sum(len(b.text) for b in starts)
    g = s.governing
    if s.body and g is not None and g in s.title_links:
        teaser = _teaser_item(g, t)
        s.governed_by_teaser = (
            is_headline_shaped(g)
            or (teaser is not None and _in_any(s.body[0].owner, {teaser}))
            or any(_in_any(g.owner, set(group)) for group in s.repeated)
        )
    if s.body and g is not None and g in s.title_links and is_headline_shaped(g):
        box = _teaser_item(g, t, prose_barrier=False)
        own_h1 = any(_tag(h.owner) == "h1" and h.index < g.index for h in s.headings)
        s.body_under_foreign_title = (
            box is not None and own_h1 and _in_any(s.body[0].owner, {box})
        ) or (not own_h1 and _prints_a_linked_post(s, g, tree, url))
    if s.body and g is not None and g not in s.title_links and not s.body_under_foreign_title:
        s.body_under_foreign_title = _comments_elsewhere(s, g, tree, url)
    if s.body:
        s.post_of_another_page = _post_of_another_page(s, tree, url)
        s.event_card = _in_an_event_card(s.body[0].owner)
    s.pager_current = _pager_current(tree, url)
    _read_fields(s, tree)
    _read_search(s, tree)
    _read_pictures(s)
    _read_feed(s, tree, chrome, t)
    return s


def _prints_a_linked_post(s: Structure, headline: Block, tree: HtmlElement, url: str) -> bool:
    """A page with no headline of its own whose text sits in one box under a headline linking to
    another page of the site, the box holding no other headline: a post printed whole on an
    archive page (a blog's day page) — its own page is the link. A headline that links to the
    page's canonical address is the page's own."""
    box = _entry_box(s, headline)
    if box is None:
        return False
    target = urljoin(url, headline.href or "")
    canonical = _canonical_addresses(tree, url)
    if any(same_page(target, c) for c in canonical):
        return False
    # A heading of the author's name over a post whose time links here (Friendica's
    # «<h4><a href=/profile/…>»): the page's own post, signed.
    here = urlsplit(url)
    return not any(is_time_link(a) and _links_here(a, here, canonical, url) for a in box.iter("a"))


def _entry_box(s: Structure, headline: Block) -> HtmlElement | None:
    """The one entry holding the headline and the text: the smallest box around both, below
    <body>, with no other headline in it; None when there is no such box."""
    box = _common_box(headline.owner, s.body[0].owner)
    if box is None or _tag(box) in ("body", "html"):
        return None
    if any(b is not headline and _in_any(b.owner, {box}) and is_headline_shaped(b)
           for b in s.title_links + s.headings):
        return None
    return box


def _canonical_addresses(tree: HtmlElement, url: str, og_url: bool = True) -> list[str]:
    """The addresses the page declares its own (<link rel=canonical>, og:url), made absolute."""
    found = tree.xpath("//link[@rel='canonical']/@href"
                       + (" | //meta[@property='og:url']/@content" if og_url else ""))
    return [urljoin(url, str(c)) for c in found]


# An entry's links to its discussion: «<a href="/50771.html#comments">0 коммент.</a>», «#respond».
COMMENTS_FRAGMENT_RE = re.compile(r"^(?:comments?|add_?comments?|respond|reply|otvet)\b", re.I)


def _comments_elsewhere(s: Structure, headline: Block, tree: HtmlElement, url: str) -> bool:
    """The entry holding the headline and the text sends its comments to another page of the
    site («/50771.html#comments» on a community's day page printing the post whole, its headline
    no link): that page is the post's own, this one a copy in an archive. The entry's box must
    hold no other headline; the page's canonical address, when it names that page, makes the
    page the post's own, and so does a page of the post's own discussion (a path under its own,
    another query on it)."""
    box = _entry_box(s, headline)
    if box is None:
        return False
    canonical = _canonical_addresses(tree, url)
    here = urlsplit(url)
    for a in box.iter("a"):
        target = urlsplit(urljoin(url, a.get("href") or ""))
        if not COMMENTS_FRAGMENT_RE.match(target.fragment) or target.netloc != here.netloc:
            continue
        if _within_page(target.path, here.path) or any(
            _within_page(target.path, urlsplit(c).path) for c in canonical
        ):
            continue  # «…/comment-page-2/#comments», «?replytocom=3303#respond»: its own
        return True
    return False


# Levels above the text searched for its post's box, the one with the post's time link.
POST_BOX_DEPTH = 3
# «/2025/11/», «/2025/11/13/», «/date/2017/05/29/»: a blog's archive of a month or a day, which
# a post's date may link to — every post has an address of its own below or beside it. A static
# generator writes the same archive as a file («/2025/09/03.html», Middleman's day pages). A year
# alone is no such mark («/1927» is a post's number).
DATE_ARCHIVE_RE = re.compile(
    r"^/(?:[a-z]+/)?(?:19|20)\d\d([/-])[01]?\d(?:\1[0-3]?\d)?(?:/?(?:index\.\w+)?|\.s?html?)$",
    re.IGNORECASE)


_DATE_VALUE_RE = re.compile(r"(?:19|20)\d\d([/.-])[01]?\d\1[0-3]?\d")


def is_date_archive(parts: SplitResult) -> bool:
    """An address that lists a day's or a month's posts: «/2025/11/», or a date as its query's
    value (Redmine links a post's age to «…/activity?from=2025-11-24», the activity of that day)."""
    return bool(DATE_ARCHIVE_RE.match(parts.path)) or any(
        _DATE_VALUE_RE.fullmatch(value) for _, value in parse_qsl(parts.query)
    )


def _in_a_reply(
    link: HtmlElement, box: HtmlElement | None, around_text: set[HtmlElement]
) -> bool:
    """The time link is a reply's, printed with the reply's words under the post (Pixelfed's and
    Instagram's comments beside a photo): the smallest element around it with unlinked words of
    its own does not hold the post's text."""
    for node in link.iterancestors():
        if node is box or node in around_text:
            return False
        linked = sum(len(WORD_RE.findall(a.text_content())) for a in node.iter("a"))
        if len(WORD_RE.findall(node.text_content())) - linked >= REPLY_MIN_WORDS:
            return True
    return False


# A reply's own words: two or more («Так рада за них!»); one word beside a post's header
# («поделился») is no reply.
REPLY_MIN_WORDS = 2
WORD_RE = re.compile(r"(?<![\w-])[а-яё]{3,}", re.IGNORECASE)


EVENT_CARD_DEPTH = 3
_EVENT_START_XPATH = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' dtstart ')"
    " or @itemprop='startDate']"
)


def _in_an_event_card(el: HtmlElement | None) -> bool:
    """The body's near box holds an event's start field (a calendar entry's card). An events
    widget in a sidebar is farther from an article's text than a few levels."""
    for _ in range(EVENT_CARD_DEPTH):
        el = el.getparent() if el is not None else None
        if el is None or _tag(el) in ("body", "html"):
            return False
        if el.xpath(_EVENT_START_XPATH):
            return True
    return False


def _post_of_another_page(s: Structure, tree: HtmlElement, url: str) -> bool:
    """The text is a post whose own time link — the permalink a microblog or a forum prints in
    the post's header — leads to another page of the site («🔁 … сделал(а) репост» over another
    account's note): this page repeats that one. The nearest box around the text with a time
    link decides, and it must link one page only (a box of several is a feed, not a post)."""
    here = urlsplit(url)
    time_links = [a for a in tree.iter("a") if is_time_link(a)]
    # Times linking to this very address: a post's own permalink, or a comment's own on
    # Friendica's page of it showing its thread, where the og:url naming another page is the
    # thread's, not this one's.
    to_this_address = [a for a in time_links if same_page(urljoin(url, a.get("href") or ""), url)]
    canonical = _canonical_addresses(tree, url, og_url=not to_this_address)
    el: HtmlElement | None = s.body[0].owner
    around_text = {el, *el.iterancestors()} if el is not None else set()
    # Replies under a post are told apart only where the post prints its own permalink too.
    own_permalink = any(_links_here(a, here, canonical, url) for a in time_links)
    for _ in range(POST_BOX_DEPTH):
        el = el.getparent() if el is not None else None
        if el is None or _tag(el) in ("body", "html"):
            return False
        links = [a for a in el.iter("a") if is_time_link(a)
                 and not (own_permalink and _in_a_reply(a, el, around_text))]
        if not links:
            continue
        targets = {urljoin(url, a.get("href") or "").split("#")[0] for a in links}
        if len(targets) != 1:
            return False
        target = next(iter(targets))
        parts = urlsplit(target)
        if parts.netloc != here.netloc or is_date_archive(parts):
            return False
        if _links_here(links[0], here, canonical, url):
            return False
        return not _quoted_in_own_post(el, to_this_address, around_text)
    return False


def _links_here(link: HtmlElement, here: SplitResult, canonical: list[str], url: str) -> bool:
    """The link leads to this page (its path or a part of it, or an address it declares)."""
    target = urljoin(url, link.get("href") or "").split("#")[0]
    parts = urlsplit(target)
    own = _within_page(parts.path, here.path) and parts.query == here.query
    return own or any(same_page(target, c) for c in canonical)


# Text of the page's own post around a post it shows (a quote), beyond the repost's line
# «🔁 Союз многодетных семей сделал(а) репост 2025/10/28 09:00».
OWN_POST_MIN_CHARS = 200


def _quoted_in_own_post(
    box: HtmlElement, to_this_address: list[HtmlElement], around_text: set[HtmlElement]
) -> bool:
    """The other page's post sits inside this page's own (``to_this_address``: the times linking
    here) with a text of its own: a quote under a note, not a repost. A time linking here from a
    reply under that post (a comment's page showing its thread) is no such note."""
    for a in to_this_address:
        if _in_a_reply(a, None, around_text):
            continue
        around = _common_box(a, box)
        if around is not None and _tag(around) not in ("body", "html") and (
            len(around.text_content().strip()) - len(box.text_content().strip())
            >= OWN_POST_MIN_CHARS
        ):
            return True
    return False


def _within_page(path: str, page_path: str) -> bool:
    """The page's own path, or a page of its discussion under it (a post's «/comment-page-2/»;
    not a post under a month archive's «/2025/09/»)."""
    path, page_path = path.rstrip("/"), page_path.rstrip("/")
    return path == page_path or (
        path.startswith(page_path + "/")
        and COMMENTS_FRAGMENT_RE.match(path[len(page_path) + 1 :]) is not None
    )


def _common_box(a: HtmlElement, b: HtmlElement) -> HtmlElement | None:
    """The smallest element holding both."""
    above = set(_self_and_ancestors(a))
    return next((el for el in _self_and_ancestors(b) if el in above), None)


def _dated(el: HtmlElement) -> bool:
    """An item carrying a date: a <time>, or a date in its text (words of adjacent elements kept
    apart: «Общество<time>29 октября</time>» is not «Общество29»)."""
    if next(el.iter("time"), None) is not None:
        return True
    return DATE_RE.search(" ".join(el.itertext())) is not None


def _read_feed(s: Structure, tree: HtmlElement, chrome: set[HtmlElement], t: _Subtrees) -> None:
    """The largest group of dated teasers that begins after the body's last paragraph."""
    if not s.body:
        return
    order = {el: k for k, el in enumerate(tree.iter())}
    last = order.get(s.body[-1].owner, -1)
    for g in s.repeated:
        members = [m for m in _teaser_members(g, t) if m not in chrome]
        dated = [m for m in members if _dated(m)]
        if len(dated) < 0.6 * max(len(members), 1) or order.get(g[0], -1) <= last:
            continue
        if len(dated) > s.feed_after_body:
            s.feed_after_body = len(dated)
            inside = {el for m in members for el in m.iter()}
            s.feed_prose_chars = sum(len(b.text) for b in s.teaser_prose if b.owner in inside)


def _container(b: Block) -> HtmlElement:
    return b.owner.getparent() if _tag(b.owner) == "p" and b.owner.getparent() is not None else b.owner


# How far up a paragraph lends its weight: its box fully, the parent half, the grandparent a
# quarter — a live report whose every entry sits in a box of its own is still one body.
BODY_ANCESTOR_MIN_WEIGHT = 0.25


def _body(s: Structure) -> tuple[list[Block], Block | None]:
    """The body: the prose of the box scoring highest when each paragraph counts fully for its
    container, half for the container's parent and a quarter for the grandparent (an article
    split into sibling boxes by pictures, ads or a live report's entries is still one body), with
    the heading or title link nearest above it."""
    score: dict[HtmlElement, float] = defaultdict(float)
    for b in s.prose:
        if b.in_chrome:
            continue
        box: HtmlElement | None = _container(b)
        weight = 1.0
        while box is not None and weight >= BODY_ANCESTOR_MIN_WEIGHT:
            score[box] += len(b.text) * weight
            box, weight = box.getparent(), weight / 2
    if not score:
        return [], None
    top = max(score, key=score.__getitem__)
    inside = set(top.iter())
    best = [b for b in s.prose if b.owner in inside and not b.in_chrome]
    # A short news item's closing line («Ремонт оплатили районная администрация.») is too short
    # to be prose on its own, but it is the body's sentence when it is a plain paragraph of the
    # same box, after the body's first paragraph.
    chosen = {id(b) for b in best}
    best += [b for b in s.blocks
             if b.owner in inside and id(b) not in chosen and _is_closing_sentence(b)
             and b.index > best[0].index]
    best.sort(key=lambda b: b.index)
    anchors = [b for b in s.headings + s.title_links
               if not b.in_chrome and b.index < best[0].index and _shares_a_box(b, best[0])]
    return best, max(anchors, key=lambda b: b.index, default=None)


def _shares_a_box(anchor: Block, first: Block) -> bool:
    """The anchor and the body's first paragraph meet below <body>: a menu in the page's top
    bar, with nothing between it and a post that has no headline of its own (a mirrored social
    post), does not head the text."""
    box = _common_box(anchor.owner, first.owner)
    return box is not None and _tag(box) not in ("body", "html")


# A plain paragraph that is one sentence: this many words at least.
SENTENCE_MIN_WORDS = 4


def _is_closing_sentence(b: Block) -> bool:
    return (_tag(b.owner) == "p" and not b.in_chrome and b.href is None and b.link_chars == 0
            and b.words >= SENTENCE_MIN_WORDS and b.sentences >= 1
            and b.text.rstrip()[-1:] in ".!?…" and not is_site_line(b.text))


def _is_field_label(el: HtmlElement, text: str, words: int) -> bool:
    """<dt>, or the short first cell of a two-cell row («Место проведения | г. Волгоград…»)."""
    if _tag(el) == "dt":
        return True
    return (_tag(el) in ("td", "th") and len(text) <= 30 and words <= 3
            and el.getnext() is not None and el.getprevious() is None
            and len(el.getparent()) == 2)


# A field's value as long as this is still a value (a place, an organiser), not a text of its own.
FIELD_VALUE_MAX_CHARS = 200


def _is_field_value(b: Block) -> bool:
    """The value beside a field's label: an event card's place is no prose of the page."""
    if len(b.text) > FIELD_VALUE_MAX_CHARS:
        return False
    if _tag(b.owner) == "dd":
        return True
    label = b.owner.getprevious()
    if _tag(b.owner) not in ("td", "th") or label is None:
        return False
    text = " ".join(label.text_content().split())
    return bool(text) and _is_field_label(label, text, len(text.split()))


def _read_fields(s: Structure, tree: HtmlElement) -> None:
    """Label–value pairs: <dt>/<dd>, two-cell rows with a short first cell, «Телефон: …» lines."""
    start = s.body[0].index if s.body else len(s.blocks)
    top = min((h.index for h in s.headings if _tag(h.owner) == "h1"), default=-1)
    count = before = contacts = 0
    owners: dict[HtmlElement, int] = {}
    for b in s.blocks:
        owners.setdefault(b.owner, b.index)
    for b in s.blocks:
        if b.in_chrome:
            continue
        tag = _tag(b.owner)
        is_field = False
        if tag in ("dt", "td", "th") and _is_field_label(b.owner, b.text, b.words):
            is_field = True
        elif LABEL_RE.match(b.text) and len(b.text) <= 160:
            is_field = True
        if is_field:
            count += 1
            if top <= b.index < start:
                before += 1
        if top <= b.index < start and PHONE_RE.search(b.text):
            contacts += 1
    s.fields = count
    s.fields_before_body = before
    s.contacts_before_body = contacts + sum(
        1 for a in tree.iter("a")
        if (a.get("href") or "").lower().startswith(("tel:", "mailto:"))
        and top <= _block_index(a, owners) < start
    )


def _block_index(el: HtmlElement, owners: dict[HtmlElement, int]) -> int:
    """The place in block order of the block that holds ``el`` (its nearest block owner)."""
    return next((owners[a] for a in _self_and_ancestors(el) if a in owners), -1)


def _read_search(s: Structure, tree: HtmlElement) -> None:
    for inp in tree.iter("input"):
        kind = (inp.get("type") or "text").lower()
        if kind in ("text", "search") and (inp.get("value") or "").strip():
            if inp.get("readonly") is not None or inp.get("disabled") is not None:
                continue  # a box to copy the page's link or BB-code from: nobody typed it
            if not _in_chrome(inp):
                s.search_query = True


# A picture as builders and lazy loaders write it: an <img> or <picture>, or a box whose image
# is a CSS background or waits in a data- attribute (Tilda's «t-bgimg data-original=…»).
PICTURE_XPATH = (
    ".//img | .//picture | .//*[contains(@style, 'background-image')]"
    " | .//*[@data-original or @data-bg or @data-background or @data-src]"
)


def _read_pictures(s: Structure) -> None:
    for g in s.repeated:
        pictured = [m for m in g if m.xpath(PICTURE_XPATH)]
        if len(pictured) >= 4 and all(len(m.text_content().strip()) < 120 for m in pictured):
            s.picture_grid = max(s.picture_grid, len(pictured))
