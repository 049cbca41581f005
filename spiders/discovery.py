"""Find article URLs in feeds, sitemaps and listing pages: plain functions over bytes.

The spider only turns what these return into requests, so each parser is testable alone.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from newsmon.core.urls import absolute, routed_path, same_origin
from pipeline.extract.boilerplate import is_time_link
from pipeline.extract.html import repair_markup


@dataclass(frozen=True)
class Entry:
    url: str
    date: dt.date | None = None
    title: str | None = None
    # The day as the feed wrote it, when its zone's day is not the outlet's (an instant in UTC
    # after the outlet's midnight): a page printing that day prints the feed's instant unconverted.
    written_date: dt.date | None = None


def parse_date(value: str | None, zone: dt.tzinfo | None = None) -> dt.date | None:
    """RFC 822 (RSS) or W3C/ISO 8601 (Atom, sitemaps) → date; None when unreadable.

    ``zone``: the outlet's own time zone. A feed writes an instant in the zone it likes (WordPress
    and Plume write UTC); the day is the one the outlet's readers saw, so an instant with an offset
    is read in ``zone``.
    """
    return parse_days(value, zone)[0]


def parse_days(
    value: str | None, zone: dt.tzinfo | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """(the day in ``zone``, the day as written when it is another one)."""
    if not value:
        return None, None
    value = value.strip()
    moment: dt.datetime | None = None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    if moment is not None:
        if zone is None or moment.tzinfo is None:
            return moment.date(), None
        local = moment.astimezone(zone).date()
        return local, (moment.date() if moment.date() != local else None)
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return dt.date(*map(int, match.groups())), None
        except ValueError:
            return None, None
    return None, None


def _xml_root(body: bytes) -> etree._Element | None:
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError):
            return None
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(body.lstrip(), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for name in names:  # the order of `names` is the order of preference
        for child in el:
            if _local(child.tag) == name and (child.text or "").strip():
                return child.text.strip()
    return None


def parse_feed(body: bytes, base_url: str, zone: dt.tzinfo | None = None) -> list[Entry]:
    """RSS 2.0, RSS 1.0/RDF and Atom items → entries with link, date (its day in ``zone``) and
    title."""
    root = _xml_root(body)
    if root is None:
        return []
    entries: list[Entry] = []
    for el in root.iter():
        if _local(el.tag) not in ("item", "entry"):
            continue
        link = _child_text(el, "link")
        if not link:  # Atom: <link href="..." rel="alternate"/>
            for child in el:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
        if not link:
            guid = _child_text(el, "guid", "id")
            link = guid if guid and guid.startswith(("http://", "https://")) else None
        url = absolute(base_url, link or "")
        if not url:
            continue
        date, written = parse_days(_child_text(el, "pubdate", "published", "date", "updated"), zone)
        entries.append(Entry(url, date, _child_text(el, "title"), written))
    return entries


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: list[Entry]


def parse_sitemap(body: bytes, base_url: str, zone: dt.tzinfo | None = None) -> Sitemap:
    """A urlset (news:publication_date preferred to lastmod), a sitemap index, gzipped or not;
    dates are days in ``zone``."""
    root = _xml_root(body)
    if root is None:
        return Sitemap(False, [])
    is_index = _local(root.tag) == "sitemapindex"
    entries = []
    for el in root:
        if _local(el.tag) not in ("url", "sitemap"):
            continue
        loc = _child_text(el, "loc")  # direct child only: image:loc and video:loc are media
        published = lastmod = None
        for child in el.iter():
            name = _local(child.tag)
            if name == "publication_date" and child.text:
                published = parse_date(child.text, zone)
            elif name == "lastmod" and child.text:
                lastmod = parse_date(child.text, zone)
        url = absolute(base_url, loc or "")
        if url:
            entries.append(Entry(url, published or lastmod))
    return Sitemap(is_index, entries)


_XML_ROOT_RE = re.compile(rb"<(\w+:)?(rss|feed|RDF|urlset|sitemapindex)\b")


def xml_problem(body: bytes) -> str | None:
    """Why the body is not well-formed XML (lxml's first error), or None when it is.

    The feed and sitemap parsers recover what they can from broken XML; this tells the run that
    entries may have been lost (a truncated or hand-edited feed), so the source shows an error.
    """
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError) as exc:
            return f"повреждённый gzip: {exc}"
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True,
                             huge_tree=True)  # fmt: skip
    try:
        etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        return str(exc.msg or exc).split(", line")[0]
    except ValueError as exc:
        return str(exc)
    return None


def is_feed_or_sitemap(body: bytes) -> bool:
    """Does the body look like a feed or sitemap at all (rather than, say, an HTML page)?"""
    return body[:2] == b"\x1f\x8b" or bool(_XML_ROOT_RE.search(body[:4000]))


# --- listing pages ---------------------------------------------------------------------------

# Query parameters that number a listing's pages (Bitrix's PAGEN_1, Joomla's limitstart).
PAGE_PARAMS = r"page|PAGEN_\d+|start|limitstart|from_page|pg|npage|curPage|offset"
# «?page=2», «/page/2/», «/page-2/», and Craft CMS's «/novosti/p2/»; the parameter may carry a
# prefix of its list («?b_start=20», «?news_page=3») and Zope's type mark («b_start:int=10», a
# Plone folder's batch).
PAGINATION_RE = re.compile(
    rf"[?&](?:[a-z]+_)?(?:{PAGE_PARAMS})(?::int)?=\d+|/page/?\d+/?$|/page-\d+/?$|/p\d{{1,4}}/?$",
    re.I,
)
# The link to a listing's next page as a reader sees it, whatever the CMS calls its parameter
# (DLE's «?cstart=2», uCoz's «?page2»): «Следующая», «Далее »», «»», «Older posts», a class or
# rel naming it «next». Read-more links («Подробнее »») point to articles and are not this.
NEXT_TEXT_RE = re.compile(
    r"^(?:следующая(?:\s+страница)?|далее|вперёд|вперед|дальше|ещё|еще|"
    # a load-more button's plain-link fallback: «Загрузить ещё», «Показать более ранние»
    r"(?:(?:показать|загрузить|смотреть)\s+(?:ещё|еще|больше|более\s+ранние)|более\s+ранние)"
    r"(?:\s+(?:записи|новости|публикации|материалы))?|"
    r"предыдущие\s+(?:записи|новости|публикации)|"
    # a batch's next N: «Следующие 10 элементов» (Plone), «Next 20 items»
    r"следующие(?:\s+\d+)?\s+(?:элементов|записей|новостей|публикаций|материалов)|"
    r"next(?:\s+page|(?:\s+\d+)?\s+(?:items|entries|posts))?|older(?:\s+(?:posts|entries))?)$",
    re.I,
)
FORWARD_ARROWS = "»›→>"
# A teaser's «read the whole text» link leads to that article, whatever its URL looks like
# (a site builder's «/novosti-8» reads like a section). «Далее» is not here: DLE's «Далее »»
# is the listing's next page.
READ_MORE_RE = re.compile(
    r"^(?:подробнее|читать(?:\s+(?:полностью|далее|дальше|статью|новость|материал))?|"
    r"read\s+more|continue\s+reading)$",
    re.I,
)
NEXT_CLASS_RE = re.compile(r"(?:^|[\s_-])next(?:$|[\s_-])", re.I)
PRINT_RE = re.compile(
    r"/(print|amp)(/|$)|[?&](print|amp|version=print)(=|&|$)|print\.(php|html?)$", re.I
)
# Listings of another kind (tags, authors) and site furniture: never article pages — as a
# folder or as the script that serves them («/profile.php?id=102», a forum member's page, is
# numbered like a topic).
FURNITURE_RE = re.compile(
    r"/(tags?|authors?|avtory?|persons?|search|poisk|login|register|user|users|userlist|members?|"
    r"memberlist|profile|rss|feed|"
    r"calendar|about|o-nas|contacts?|kontakty|advert|reklama|subscribe|podpiska|privacy|policy|"
    r"cart|comments?|vacancy|vakansii)(/|$|\.(?:php\d?|aspx?|jsp|cfm|pl|cgi|s?html?)$)",
    re.I,
)
POST_STREAM_WORDS = frozenset({"feed", "rss"})
# One post below an account's page: «/profile/<handle>/post/<rkey>», «/users/<name>/statuses/<id>»
# — the furniture word names whose post it is, not what the page is.
POST_BELOW_ACCOUNT_RE = re.compile(
    r"/(?:profile|users?|authors?)/[^/]+/(?:post|posts|status|statuses|notes?|entry|entries)"
    r"/[^/]+/?$", re.I,
)
FILE_RE = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|xml|zip|rar|mp[34]|avi|css|js)$", re.I)
NON_ARTICLE_RE = re.compile(f"{FURNITURE_RE.pattern}|{FILE_RE.pattern}", re.I)
SECTION_HINT_RE = re.compile(r"/(category|categories|rubric|rubrics|rubrika|section|razdel)/", re.I)
# A slug of three words or more may follow a platform's mark of a person or a community
# («/@club-slug-of-the-article», «/~user/…»): the mark is no part of the words.
ARTICLE_PATH_RE = re.compile(
    r"\d{3,}|/\d{4}/\d{1,2}/|/[@~]?[a-z0-9]+[-_][a-z0-9]+[-_][a-z0-9-_]+/?$|\.s?html?$", re.I
)
ARTICLE_QUERY_RE = re.compile(r"(^|&)(id|ELEMENT_ID|news_id|nid|newsid|article|p)=\d+", re.I)
# One or two short path words, maybe a dynamic page's extension («/Pages/News.aspx», «/news.php»).
# Read decoded: a Cyrillic folder («/блог/», «/%D0%B1%D0%BB%D0%BE%D0%B3/» as linked) is as short.
# A platform's mark of a person or a community may open the first («/@account», «/~user/»): the
# account's page lists its posts.
SECTION_PATH_RE = re.compile(
    r"^/[@~]?[^\W\d_][\w-]{1,30}(/[^\W\d_][\w-]{1,30})?(?:\.(?:aspx?|php|jsp|cfm))?/?$", re.I
)
# A link to the same page in another dress: «Версия для печати», «Версия для слабовидящих» (every
# government site has one, and its pages link each other: a whole second copy of the site).
TWIN_LINK_RE = re.compile(
    r"^(?:(?:версия|вариант)\s+(?:сайта\s+)?для\s+(?:печати|слабовидящих|слабовидящих\s+людей)"
    r"|для\s+слабовидящих|(?:обычная|основная|специальная)\s+версия(?:\s+сайта)?)$",
    re.IGNORECASE,
)
# Query keys that choose a listing's rubric on a short path («/News?section=family»).
RUBRIC_KEYS = frozenset({"section", "category", "cat", "rubric", "rubrika", "razdel", "topic"})
INDEX_FILE_RE = re.compile(r"/index\.(s?html?|php)$", re.I)
MIN_HEADLINE_CHARS = 30  # a link this long reads like a headline, whatever its URL looks like
# A link whose words say it leads to the news list («Новости», «Архив новостей», «Вся лента»,
# «…смотрите в архиве новостей»), whatever its URL («/index.php?option=news»).
NEWS_LIST_TEXT_RE = re.compile(
    r"^(?:все |вся |архив[еау]? |лента )?"
    r"(?:новости|новостей|лента|события|событий|публикации|публикаций|пресс-релизы|блог|записи"
    r"|записей)"
    # whose: «Блог фонда», «Новости центра», «Все записи блога» (one word in the genitive)
    r"(?: раздела| рубрики| [а-яё]+(?:а|я|ы|и|ов|ев|ей))?$",
    re.I,
)
# A dynamic page with a numeric parameter («viewtopic.php?f=2&t=408», «item.aspx?n=5»): a page
# of its own, judged by its structure once fetched (a listing is then read as one).
DYNAMIC_ITEM_RE = re.compile(r"\.(?:php|aspx?|jsp|cfm|pl|cgi)$", re.I)
DYNAMIC_ITEM_MIN_WORDS = 3
NUMBERED_ITEM_RE = re.compile(r"(^|&)\w+=\d+(&|$)")


XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True)
class Links:
    articles: list[str]
    listings: list[str]  # further pages of the same listing (pagination)
    sections: list[str]  # other listings reachable from here (rubrics, "all news")
    feeds: list[str]  # <link rel="alternate" type="application/rss+xml">
    marked_next: list[str] = field(default_factory=list)  # of listings: the page's own «next»
    news_lists: list[str] = field(default_factory=list)  # sections named «Архив новостей» & c.
    # Short links of no kind of their own («Жизнь клуба», «Пресс-центр»): a home page's menu,
    # pages only their structure can tell (spiders/news.py probes them).
    unnamed: list[str] = field(default_factory=list)


def not_an_article_url(url: str) -> bool:
    """The URL itself says the page is no article: a further page of a listing, a print
    version, a tag, author, search or service page, a file. Links on pages and sitemap entries
    get the same verdict; any other URL is judged by the page's structure once fetched."""
    path = INDEX_FILE_RE.sub("/", routed_path(url) or urlsplit(url).path or "/")
    return bool(PAGINATION_RE.search(url) or PRINT_RE.search(url) or NON_ARTICLE_RE.search(path))


def link_kind(url: str, text: str = "", *, holds_date: bool = False) -> str:
    """'pagination', 'article', 'section' or 'other' for a same-origin link (URL and text;
    ``holds_date``: the link is marked as a date, as a post's permalink is)."""
    parts = urlsplit(url)
    # A site routing by its query string names the page there: read that as the path.
    routed = routed_path(url)
    path = INDEX_FILE_RE.sub("/", routed or parts.path or "/")
    query = "" if routed else parts.query
    if PAGINATION_RE.search(url):
        return "pagination"
    if not_an_article_url(url) and not _words_outweigh_furniture(url, path, text, holds_date):
        return "other"
    if SECTION_HINT_RE.search(path) and not re.search(r"\d{3,}", path):
        return "section"
    if path in ("", "/") and not query:
        return "other"
    if is_news_list_link(text):
        return "section"  # «Все новости →»
    if TWIN_LINK_RE.match(_link_words(text)):
        return "other"  # the page itself again, for printing or for the visually impaired
    if READ_MORE_RE.match(_link_words(text)):
        return "article"
    if ARTICLE_PATH_RE.search(path) or ARTICLE_QUERY_RE.search(query):
        return "article"
    if holds_date and len([s for s in path.split("/") if s]) >= 2:
        return "article"  # a post's time links its page («/notes/afjkglhcvt» «2д назад»)
    if (DYNAMIC_ITEM_RE.search(parts.path) and NUMBERED_ITEM_RE.search(query)
            and len(re.findall(r"[^\W\d_]{2,}", text)) >= DYNAMIC_ITEM_MIN_WORDS):
        return "article"  # named like a page («Новости для родителей»), not «Далее »» or «3»
    if len(" ".join(text.split())) >= MIN_HEADLINE_CHARS and (
        path.count("/") >= 2
        or (query and (DYNAMIC_ITEM_RE.search(parts.path) or NUMBERED_ITEM_RE.search(query)))
    ):
        # a headline, also to «/index.php?title=Новости:…» (a wiki's pages) and to an item a
        # query numbers behind a rewritten script name («/forums?m=posts&q=318», Cotonti's)
        return "article"
    if SECTION_PATH_RE.match(unquote(path)) and (not query or _names_a_rubric(query)):
        return "section"  # «/society/», «/News?section=family» (an MVC site's rubric)
    return "other"


def _words_outweigh_furniture(url: str, path: str, text: str, holds_date: bool) -> bool:
    """What a link says beats a furniture word in its address: «Вся лента» to «/feed» (a site
    mirroring its channel lists its posts there, not an RSS feed), a headline or a post's time
    to «/feed/349» (one post below that list). Never for a file or a print version, and a page
    named by a word for a stream of posts only when the link calls it the news list."""
    if PRINT_RE.search(url) or FILE_RE.search(path):
        return False
    segments = [s for s in path.split("/") if s]
    if segments and FURNITURE_RE.search(f"/{segments[-1]}"):
        # Only a word for a stream of posts names a list the link may call the news;
        # «/about/» is a page, whatever a link to it says.
        return segments[-1].lower() in POST_STREAM_WORDS and is_news_list_link(text)
    words = {m.group(1).lower() for m in FURNITURE_RE.finditer(path)}
    # Below a stream of posts, one post; below «/authors/» or «/tags/», their pages whatever a
    # byline link to them says; a post below an account's page is a post.
    return (words <= POST_STREAM_WORDS or POST_BELOW_ACCOUNT_RE.search(path) is not None) and (
        holds_date or len(" ".join(text.split())) >= MIN_HEADLINE_CHARS)


# A menu item's words: one to four, not a sentence.
MENU_ITEM_MAX_WORDS = 4


def _reads_like_a_menu_item(url: str, text: str) -> bool:
    """A short named link to a page no word of its address rules out: «Жизнь клуба», «Хроника»,
    «Пресс-центр» — maybe the news list under a name the crawl does not know."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    if not 0 < len(words) <= MENU_ITEM_MAX_WORDS or not_an_article_url(url):
        return False
    parts = urlsplit(url)
    return INDEX_FILE_RE.sub("/", parts.path or "/") not in ("", "/") or bool(parts.query)


def _names_a_rubric(query: str) -> bool:
    """The query only chooses a rubric («section=family», «category=5», «rubric=obshestvo»)."""
    keys = {key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)}
    return bool(keys) and keys <= RUBRIC_KEYS


def _link_words(text: str) -> str:
    """A link's words without arrows and dots around them («Все новости →», «Подробнее…»)."""
    return " ".join(text.split()).strip(FORWARD_ARROWS + "→ .…")


def is_news_list_link(text: str) -> bool:
    """«Все новости →», «Архив новостей»: the link's words name a list of news."""
    return bool(NEWS_LIST_TEXT_RE.match(_link_words(text)))


def is_next_link(a: etree._Element) -> bool:
    """Does this <a> lead to the next page of the listing it sits in (by its words, arrow, class
    or rel)?"""
    if NEXT_CLASS_RE.search(f"{a.get('rel') or ''} {a.get('class') or ''}"):
        return True
    text = " ".join(a.text_content().split())
    if text and all(ch in FORWARD_ARROWS for ch in text.replace(" ", "")):
        return True
    return bool(NEXT_TEXT_RE.match(_next_words(text)))


def _next_words(text: str) -> str:
    """A pager link's words without the arrows and dots around them («Следующая »» → «Следующая»)."""
    return " ".join(text.split()).strip(FORWARD_ARROWS + "«‹←< .…")


# Of the next-page words, those a teaser's read-more link also uses («Далее »», «Ещё»).
_SHARED_WITH_READ_MORE = frozenset({"далее", "дальше", "ещё", "еще"})


def is_worded_next_link(a: etree._Element) -> bool:
    """A link whose words can only mean the listing's next page («Следующая страница»,
    «Предыдущие новости »», «Older posts»), even to a URL that reads like an article's
    (Mobirise's «/news-2.html»)."""
    words = _next_words(a.text_content()).lower()
    return bool(words) and words not in _SHARED_WITH_READ_MORE and bool(NEXT_TEXT_RE.match(words))


_TRAILING_NUMBER_RE = re.compile(r"[/_-](\d{1,4})/?$")
_PAGE_SUFFIX_RE = re.compile(r"\.(?:s?html?|php)$", re.I)


def is_numbered_next(page_url: str, url: str, text: str) -> bool:
    """A pager's number that is this page's next one, in a numbering by path segment or suffix:
    on «/news/» the link «2» to «/news/2/», on «/news/2/» the link «3» to «/news/3/»; a site
    builder's «/news» → «/news-2» likewise. (A number in a URL alone is no page: many articles
    are «/news/12345/».)"""
    text = text.strip()
    if not text.isdigit():
        return False
    path = _PAGE_SUFFIX_RE.sub("", urlsplit(url).path)
    found = _TRAILING_NUMBER_RE.search(path)
    if found is None or found.group(1) != text:
        return False
    page_path = _PAGE_SUFFIX_RE.sub("", urlsplit(page_url).path)
    current = _TRAILING_NUMBER_RE.search(page_path)
    page_stem = page_path[: current.start()] if current else page_path.rstrip("/")
    number = int(current.group(1)) if current else 1
    stem = path[: found.start()]
    return stem == page_stem and int(text) == number + 1


# A «Показать ещё» button that loads the next cards from a URL it keeps in a data attribute
# (Craftum, Tilda, many themes): on such sites the only way to older posts.
_LOAD_MORE_ATTRS = ("data-next", "data-next-page", "data-next-url", "data-url", "data-href")
_LOAD_MORE_XPATH = "//*[" + " or ".join(f"@{a}" for a in _LOAD_MORE_ATTRS) + "][not(self::a)]"
_LOAD_MORE_TEXT_RE = re.compile(
    r"(?:показать|загрузить|смотреть|больше)\s+(?:ещё|еще|больше)|^(?:ещё|еще)\b"
    r"|load\s+more|show\s+more",
    re.I,
)


def load_more_url(el: etree._Element, page_url: str) -> str | None:
    """The next page a load-more button fetches: its «data-next» URL, or a data URL of a button
    whose words say it loads more («Показать ещё»)."""
    words = " ".join(el.text_content().split())
    for attr in _LOAD_MORE_ATTRS:
        value = el.get(attr)
        if not value or not value.startswith(("/", "?", "http://", "https://")):
            continue  # a slider's «data-next="2"» or «#slide-2» is no page
        if attr.startswith("data-next") or _LOAD_MORE_TEXT_RE.search(words):
            return absolute(page_url, value)
    return None


# A number in a query, SMF's «board=3.5» and «topic=412.15» (an id and an offset) too.
_NUMBER = r"\d+(?:\.\d+)?"


def is_query_pager_link(page_url: str, url: str, a: etree._Element) -> bool:
    """A pager's number or «next» link that leads to this listing's own path with a page number
    in a parameter of the CMS's own naming (UMI.CMS «/novosti/?p=1»): the same path, a query of
    numbers only. (A post's id in «/?p=123» is a headline's link, not «2» or «следующая»).)"""
    target, here = urlsplit(url), urlsplit(page_url)
    if not target.query or target.path.rstrip("/") != here.path.rstrip("/"):
        return False
    if not re.fullmatch(rf"\w+={_NUMBER}(?:&\w+={_NUMBER})*", target.query):
        return False
    keys = {k for k, _ in parse_qsl(target.query)}
    if here.query and not {k for k, _ in parse_qsl(here.query)} <= keys:
        return False  # «index.php?topic=426.15» from «index.php?board=3.0»: another page's page
    return " ".join(a.text_content().split()).isdigit() or is_next_link(a)


# A headline's link holds a heading or sits in one; a menu's link does neither.
_HEADING_IN_OR_AROUND = "descendant::h2 | descendant::h3 | descendant::h4 | ancestor::h2 | ancestor::h3 | ancestor::h4"


# A platform's page of one account («/@semyi_kostromy», «/~user») or a page below it.
ACCOUNT_RE = re.compile(r"^/([@~][^/]+)(?:/|$)")


def _account_of(url: str) -> str | None:
    found = ACCOUNT_RE.match(urlsplit(url).path)
    return found.group(1).lower() if found else None


def _own_accounts(
    page_url: str, source_url: str, articles: Iterable[str], linked: Counter[str]
) -> set[str | None]:
    """The accounts whose pages are the outlet's on a platform of many (a federated server, a
    blog platform): the one the source or the page is, and the one most articles linked here
    are by. Another blog on the same platform («Другие блоги») is another outlet. Where posts'
    addresses name no account («/notes/afjkglhcvt»), the account the page links most often is
    the one whose timeline it is (each post's avatar and name link it)."""
    own = {_account_of(source_url), _account_of(page_url)} - {None}
    authors = Counter(a for a in map(_account_of, articles) if a is not None)
    if authors:
        own.add(authors.most_common(1)[0][0])
    elif linked:
        own.add(linked.most_common(1)[0][0])
    return set(own)


def classify_links(body: bytes | str, page_url: str, source_url: str) -> Links:
    """Split a listing page's same-origin links into articles, pagination, sections and feeds."""
    if isinstance(body, str):  # lxml refuses decoded text that still declares its encoding
        body = XML_DECLARATION_RE.sub("", body, count=1)
    try:
        tree = lxml_html.fromstring(repair_markup(body))
    except (etree.ParserError, ValueError):
        return Links([], [], [], [], [], [])
    found: dict[str, dict[str, None]] = {k: {} for k in ("article", "pagination", "section")}
    feeds: dict[str, None] = {}
    for link in tree.iter("link"):
        kind = (link.get("type") or "").lower()
        alternate = "alternate" in (link.get("rel") or "").lower()
        if alternate and kind.endswith(("rss+xml", "atom+xml")):
            url = absolute(page_url, link.get("href", ""))
            if url and same_origin(url, source_url):
                feeds[url] = None
    page = page_url.split("#")[0]
    marked_next: dict[str, None] = {}
    news_lists: dict[str, None] = {}
    # The page's own next-page pointers: <link rel="next">, a load-more button's URL.
    pointers = [
        absolute(page_url, link.get("href", ""))
        for link in tree.iter("link")
        if (link.get("rel") or "").lower() == "next"
    ] + [load_more_url(el, page_url) for el in tree.xpath(_LOAD_MORE_XPATH)]
    for url in pointers:
        if url and same_origin(url, source_url) and url.split("#")[0] != page:
            found["pagination"][url.split("#")[0]] = None
            marked_next[url.split("#")[0]] = None
    # Links whose siblings may settle their kind: of no kind of their own, or a short headline
    # that reads like a section's name: url -> their template.
    unnamed: dict[str, str] = {}
    article_templates: set[str] = set()
    section_templates: set[str] = set()
    menu_like: dict[str, None] = {}
    accounts_linked: Counter[str] = Counter()
    for a in tree.iter("a"):
        url = absolute(page_url, a.get("href", ""))
        if not url or "nofollow" in (a.get("rel") or ""):
            continue
        url = url.split("#")[0]
        if url == page or not same_origin(url, source_url):
            continue
        if (account := _account_of(url)) is not None:
            accounts_linked[account] += 1
        kind = link_kind(url, a.text_content(), holds_date=is_time_link(a))
        if kind == "other" and _reads_like_a_menu_item(url, a.text_content()):
            menu_like[url] = None
        if (
            (kind != "article" and is_next_link(a))
            or is_worded_next_link(a)
            or is_numbered_next(page_url, url, a.text_content())
            or is_query_pager_link(page_url, url, a)
        ):
            kind = "pagination"
            marked_next[url] = None
        if kind == "section" and is_news_list_link(a.text_content()):
            news_lists[url] = None
        template = _sibling_template(url, a)
        if kind == "section" and template and a.xpath(_HEADING_IN_OR_AROUND):
            unnamed[url] = template
        if kind in found:
            found[kind][url] = None
            if kind == "section" and template and "?" in template:
                section_templates.add(template)
            if kind == "article" and template and (
                "?" in template  # a folder's siblings: of a headline, not of a menu's link
                or len(" ".join(a.text_content().split())) >= MIN_HEADLINE_CHARS
            ):
                article_templates.add(template)
        elif template:
            unnamed[url] = template
    # A link is of the kind of its siblings: «Болталка» beside «Новости для родителей», both
    # «viewforum.php?f=N» with the forum title's class, leads to a page of the same kind; so
    # does a short headline in a card like its neighbours' («Ищем бухгалтера» beside «В Камышине
    # выпустилась первая группа…», the same class in the same folder, in a heading).
    for url, template in unnamed.items():
        if template in article_templates:
            found["article"][url] = None
        elif template in section_templates:
            # «index.php?board=6.0» «Болталка» beside «index.php?board=3.0» «Новости»: a board
            # of the same forum, read as the listing its sibling is
            found["section"][url] = None
    # A page one link names as an article (its headline, «Читать далее») is one, whatever a
    # calendar's day number «26» linking it elsewhere on the page suggests.
    sections = [url for url in found["section"] if url not in found["article"]]
    own = _own_accounts(page_url, source_url, found["article"], accounts_linked)
    sections = [url for url in sections if _account_of(url) in own | {None}]
    onward = [url for url in news_lists if url not in found["article"]]
    named = set(found["article"]) | set(found["pagination"]) | set(sections)
    return Links(
        list(found["article"]),
        list(found["pagination"]),
        sections,
        list(feeds),
        list(marked_next),
        onward,
        [url for url in menu_like if url not in named],
    )


# Levels above an unclassed link searched for its card's class or its list item.
CARD_DEPTH = 3


def _sibling_template(url: str, a: etree._Element) -> str:
    """A link as a template of its siblings: a dynamic page's path and the names of its numeric
    parameters, or a classed link's folder, with the link's class («/viewforum.php?f|forumtitle»,
    «/company/news/*|dark-color»); empty for other links."""
    parts = urlsplit(url)
    keys = sorted(re.findall(rf"(?:^|&)(\w+)={_NUMBER}(?=&|$)", parts.query))
    if DYNAMIC_ITEM_RE.search(parts.path) and keys:
        return f"{parts.path}?{'&'.join(keys)}|{a.get('class') or ''}"
    # «/company/news/<slug>/» with the headline links' class: a page in the same folder as
    # its sibling articles, whatever its slug or the length of its title
    folder, _, leaf = parts.path.rstrip("/").rpartition("/")
    if parts.query or folder.count("/") < 1 or not leaf:
        return ""
    if a.get("class"):
        return f"{folder}/*|{a.get('class')}"
    # An unclassed link in a classed card («<div class="news-teaser"><p><b>22 ноября</b> — <a
    # href="/wiki/Новости:…">») or in one list's items: its siblings are the links of the other
    # cards of that class, or of the other items of that list, in the same folder — not a menu's.
    if a.xpath("ancestor::nav | ancestor::header | ancestor::footer"):
        return ""
    for up, box in enumerate(a.iterancestors()):
        if up >= CARD_DEPTH or box.tag in ("body", "html"):
            break
        if box.get("class"):
            return f"{folder}/*|in {box.tag}.{box.get('class')}"
        if box.tag == "li" and box.getparent() is not None:
            return f"{folder}/*|list{id(box.getparent())}"
    return ""


_PAGE_NUMBER_RE = re.compile(
    rf"[?&](?P<key>{PAGE_PARAMS})=(?P<n>\d+)"
    r"|(?P<path>/page-?/?|/p)(?P<pn>\d+)/?$",
    re.I,
)


def _page_key(url: str) -> tuple[str, str, int] | None:
    """(url without the page number, pagination kind, number) of a pagination URL."""
    match = _PAGE_NUMBER_RE.search(url)
    if not match:
        return None
    if match.group("key"):
        kind, number = match.group("key").lower(), int(match.group("n"))
    else:
        kind, number = "path", int(match.group("pn"))
    return url[: match.start()] + url[match.end() :], kind, number


def next_pages(
    page_url: str, pagination: list[str], marked_next: Collection[str] = ()
) -> list[str]:
    """Of a listing page's pagination links, only the next page of each pagination it is in.

    Listing pages link to many pages at once (1 2 3 … 10 »); following only the next one lets
    the crawl stop as soon as a page brings nothing new. A link the page itself marks as its
    next page (rel="next", «›», «Следующая») is the next page whatever number the CMS counts
    from: Drupal's second page is «?page=1».
    """
    current = _page_key(page_url)
    best: dict[tuple[str, str], tuple[int, str]] = {}
    explicit: list[str] = []
    for url in pagination:
        key = _page_key(url)
        if key is None:
            # A «next» link in a numbering of the CMS's own is the next page; the listing's
            # unnumbered first page is not.
            if current is None or url.rstrip("/") != current[0].rstrip("/"):
                explicit.append(url)
            continue
        stem, kind, number = key
        if current is not None and current[1] == kind and number <= current[2]:
            continue
        if current is None and number <= 1 and kind != "start" and url not in marked_next:
            continue  # page 1 is this page
        if current is None and kind == "start" and number == 0:
            continue
        slot = (stem.split("?")[0], kind)
        if slot not in best or number < best[slot][0]:
            best[slot] = (number, url)
    return [url for _, url in best.values()] + explicit
