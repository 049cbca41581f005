"""A public Telegram channel's web preview (`https://t.me/s/<channel>`) → its posts.

The preview lists up to ~20 posts, oldest first, each a `tgme_widget_message` block carrying
`data-post="<channel>/<id>"`, the text (`tgme_widget_message_text`, emoji as `<i class="emoji">`,
hashtags as `?q=%23…` links), an optional forward header (`tgme_widget_message_forwarded_from`
with the original post's permalink), an optional link preview of another site
(`tgme_widget_message_link_preview`), photos, polls, and the date as `<time datetime>` (UTC).
Older posts are on `?before=<smallest id on the page>` (the `tme_messages_more` link).

Everything here is a plain function over the page's bytes; the spider (spiders/telegram.py)
decides what to fetch and store.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.html import HtmlElement

# Hosts of Telegram's own links (a forward's origin, a link to another channel's post).
TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "www.t.me", "telegram.dog"})
# Longest title taken from a post's first line or sentence.
MAX_TITLE_CHARS = 160
# A first sentence shorter than this is joined by the next one («Внимание! Приём …»).
MIN_TITLE_CHARS = 25

_HASHTAG_RE = re.compile(r"(?<![\w])#[\w]+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:ru|рф|su|com|org|me)/\S*",
                     re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZА-ЯЁ0-9])")
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_POST_PATH_RE = re.compile(r"^/(?:s/)?([A-Za-z][\w]{3,})/(\d+)/?$")
_CHANNEL_PATH_RE = re.compile(r"^/s/([A-Za-z][\w]{3,})/?$")


@dataclass
class Post:
    channel: str
    id: int
    url: str  # the permalink, on the preview's own scheme+host+port
    published_utc: datetime.datetime | None
    text: str  # the post's own text (no link preview); polls: question and options
    title: str
    links: list[str] = field(default_factory=list)  # external links of the text and its preview
    preview_url: str | None = None  # the link preview's target
    forwarded_from: str | None = None  # the original post's permalink (or the channel's page)
    service: bool = False  # «channel created», «pinned a message», «photo updated»
    has_media: bool = False

    @property
    def is_material(self) -> bool:
        """A post a reader would call a publication: not a service message, and some words of
        its own (a photo-only post, or one of emoji and hashtags alone, is not)."""
        return not self.service and bool(words_only(self.text))


@dataclass
class PreviewPage:
    channel: str | None  # None: not a channel's preview (missing, private, a user's page)
    title: str | None
    posts: list[Post]
    before: int | None  # the `?before=` id of the next older page, None at the channel's start


def channel_of(url: str) -> str | None:
    """`https://t.me/s/minsoc_nso` → `minsoc_nso`; None for any other path."""
    match = _CHANNEL_PATH_RE.match(urlsplit(url).path)
    return match.group(1) if match else None


def preview_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def post_permalink(origin: str, channel: str, post_id: int) -> str:
    return f"{origin}/{channel}/{post_id}"


def to_preview_host(url: str, origin: str) -> str:
    """A Telegram link (`https://t.me/x/5`) on the preview's own origin, so that a forward's
    origin post and the channel that published it carry the same URL; others unchanged."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() in TELEGRAM_HOSTS or preview_origin(url) == origin:
        match = _POST_PATH_RE.match(parts.path)
        if match:
            return post_permalink(origin, match.group(1), int(match.group(2)))
        return f"{origin}{parts.path.rstrip('/')}"
    return url


def is_post_link(url: str, origin: str) -> bool:
    """A link to one post of a channel (not to a channel, a hashtag search or a user)."""
    moved = to_preview_host(url, origin)
    return moved.startswith(origin + "/") and bool(_POST_PATH_RE.match(urlsplit(moved).path))


# -- text ------------------------------------------------------------------------------------


def is_emoji_char(ch: str) -> bool:
    """Pictographs, dingbats, flags, keycaps, skin tones and the joiners between them."""
    code = ord(ch)
    if ch in "\u200d\ufe0f\ufe0e\u20e3":
        return True
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF:
        return True
    return unicodedata.category(ch) == "So"


def strip_emoji(text: str) -> str:
    return "".join(ch for ch in text if not is_emoji_char(ch))


def words_only(text: str) -> str:
    """The text without emoji, hashtags and links: what is left to read."""
    text = _URL_RE.sub(" ", _HASHTAG_RE.sub(" ", strip_emoji(text)))
    return _SPACES_RE.sub(" ", text).strip(" \n-—–:.,;!?|•")


def _emoji_breaks(line: str) -> str:
    """An emoji between a word and a capitalised word ends a sentence («… районе 🚐 Специалисты
    помогли …»): posts use them as full stops."""
    marked = "".join("\x00" if is_emoji_char(ch) else ch for ch in line)
    return re.sub(r"(?<=[\w»)])\s*\x00[\x00\s]*(?=[«\"(A-ZА-ЯЁ])", ". ", marked).replace("\x00", "")


def post_title(text: str) -> str:
    """The first line or sentence, without emoji, hashtags and trailing links («Подробнее: …»)."""
    for line in text.splitlines():
        clean = _SPACES_RE.sub(" ", _HASHTAG_RE.sub(" ", _emoji_breaks(line))).strip()
        clean = re.sub(r"(?:[\s:—–-]*(?:подробнее|читать|смотреть|ссылка|источник)?[\s:—–-]*"
                       r"(?:https?://|www\.)\S+)+$", "", clean, flags=re.IGNORECASE).strip()
        clean = clean.strip(" -—–:|•*_")
        if not words_only(clean):
            continue
        sentences = _SENTENCE_END_RE.split(clean)
        title = sentences[0]
        for more in sentences[1:]:
            if len(title) >= MIN_TITLE_CHARS:
                break
            title = f"{title} {more}"
        if len(title) > MAX_TITLE_CHARS:
            cut = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0]
            title = cut.rstrip(",;:—– ") + "…"
        elif title.endswith(".") and not title.endswith(".."):
            title = title[:-1]  # a headline has no full stop
        return title
    return ""


def _inline_text(el: HtmlElement) -> str:
    """An element's text with <br> as line breaks and emoji kept as their characters."""
    out: list[str] = []

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "br":
            out.append("\n")
        elif tag in ("script", "style"):
            pass
        else:
            if node.text:
                out.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    out.append(child.tail)
            if tag in ("div", "p", "blockquote", "pre"):
                out.append("\n")

    walk(el)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in "".join(out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _classes(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def _first(el: HtmlElement, cls: str) -> HtmlElement | None:
    found = el.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")
    return found[0] if found else None


def _all(el: HtmlElement, cls: str) -> list[HtmlElement]:
    return el.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]")


def _published(block: HtmlElement) -> datetime.datetime | None:
    for time in block.xpath(".//a[contains(@class, 'tgme_widget_message_date')]//time[@datetime]"
                            " | .//time[@datetime]"):
        try:
            value = datetime.datetime.fromisoformat(time.get("datetime").replace("Z", "+00:00"))
        except ValueError:
            continue
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value.astimezone(datetime.timezone.utc)
    return None


def _poll_text(block: HtmlElement) -> str:
    poll = _first(block, "tgme_widget_message_poll")
    if poll is None:
        return ""
    question = _first(poll, "tgme_widget_message_poll_question")
    options = [_inline_text(o) for o in _all(poll, "tgme_widget_message_poll_option_text")]
    lines = [_inline_text(question)] if question is not None else []
    return "\n".join(line for line in [*lines, *options] if line)


def _post(block: HtmlElement, origin: str, base_url: str) -> Post | None:
    data_post = block.get("data-post") or ""
    channel, _, number = data_post.partition("/")
    if not channel or not number.isdigit():
        return None
    post_id = int(number)
    text_el = _first(block, "tgme_widget_message_text")
    # A forwarded reply quotes the replied-to post in a `tgme_widget_message_reply` block,
    # which has a text element of its own: the post's text is the one outside it.
    for candidate in _all(block, "tgme_widget_message_text"):
        if not candidate.xpath("ancestor::*[contains(@class, 'tgme_widget_message_reply')]"):
            text_el = candidate
            break
    text = _inline_text(text_el) if text_el is not None else ""
    poll = _poll_text(block)
    if poll:
        text = f"{text}\n\n{poll}" if text else poll
    links: list[str] = []
    if text_el is not None:
        for a in text_el.xpath(".//a[@href]"):
            href = urljoin(base_url, a.get("href"))
            if urlsplit(href).scheme not in ("http", "https") or "?q=" in a.get("href", ""):
                continue  # hashtag search, mailto:, tel:
            links.append(to_preview_host(href, origin))
    preview = _first(block, "tgme_widget_message_link_preview")
    preview_url = None
    if preview is not None and preview.get("href"):
        preview_url = to_preview_host(urljoin(base_url, preview.get("href")), origin)
        links.append(preview_url)
    forwarded = None
    header = _first(block, "tgme_widget_message_forwarded_from")
    if header is not None:
        a = header.xpath(".//a[@href]")
        forwarded = to_preview_host(urljoin(base_url, a[0].get("href")), origin) if a else ""
    service = "service_message" in _classes(block)
    media = bool(_all(block, "tgme_widget_message_photo_wrap") or _all(
        block, "tgme_widget_message_video_player") or _all(block, "tgme_widget_message_document"))
    return Post(
        channel=channel, id=post_id, url=post_permalink(origin, channel, post_id),
        published_utc=_published(block), text=text, title=post_title(text),
        links=list(dict.fromkeys(links)), preview_url=preview_url, forwarded_from=forwarded,
        service=service, has_media=media,
    )


def parse_preview(body: bytes, url: str, encoding: str | None = "utf-8") -> PreviewPage:
    """The posts of one preview page, oldest first, with the `?before=` id of the next page.
    `encoding`: the HTTP header's charset (Telegram's pages are UTF-8)."""
    if not body.strip():
        return PreviewPage(None, None, [], None)
    parser = lxml.html.HTMLParser(encoding=encoding or "utf-8")
    tree = lxml.html.document_fromstring(body, parser=parser)
    origin = preview_origin(url)
    history = _first(tree, "tgme_channel_history")
    info = _first(tree, "tgme_channel_info")
    if history is None and info is None:
        return PreviewPage(None, None, [], None)  # a user's or a missing channel's landing page
    channel = channel_of(url)
    title_el = _first(tree, "tgme_channel_info_header_title")
    title = _inline_text(title_el) if title_el is not None else None
    posts = [
        post for block in _all(tree, "tgme_widget_message")
        if "js-widget_message" in _classes(block) or block.get("data-post")
        for post in [_post(block, origin, url)] if post is not None
    ]  # fmt: skip
    posts.sort(key=lambda p: p.id)
    before = None
    more = tree.xpath("//a[contains(@class, 'tme_messages_more')][@data-before]")
    if more:  # none on the channel's first page
        value = more[0].get("data-before")
        before = int(value) if value and value.isdigit() else None
    return PreviewPage(channel, title, posts, before)
