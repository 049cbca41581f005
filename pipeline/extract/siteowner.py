"""Who runs the site, as its footer says: «© 2014–2025 Уполномоченный по правам ребёнка в …»,
«Благотворительный фонд «…». ОГРН …», «Свидетельство о регистрации СМИ ЭЛ № ФС 77-…».

The logo's alt and og:site_name often give only a brand («Родные люди»); the copyright and legal
lines give the owner's full name, and a media registration says the site is a medium. The tagger
reads these (pipeline.tag.home_region.names_a_body): a regional body's own site speaks of its
region even where a text names no place.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from pipeline.extract.pagestructure import SITE_LINE_MAX_CHARS

_MARKED_TEXT = (
    "//text()[contains(., '©') or contains(., 'Copyright') or contains(., 'ОГРН')"
    " or contains(., 'ИНН') or contains(., 'СМИ') or contains(., 'ФС ')]"
)
_COPYRIGHT_RE = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
_YEARS_RE = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?\s*(?:гг?\.?|годы?)?")
_RIGHTS_RE = re.compile(r"вс[её] права защищены\.?|all rights reserved\.?", re.IGNORECASE)
_LEGAL_RE = re.compile(r"\b(?:ОГРНИП|ОГРН|ИНН|КПП)\b")
# A registration as a medium («Свидетельство о регистрации СМИ ЭЛ № ФС 77-…»), not a body's
# press office («Отдел по взаимодействию со СМИ»).
_MEDIA_RE = re.compile(r"регистрац\w*\s+(?:\w+\s+){0,3}СМИ\b|\b(?:ЭЛ|ПИ)\s*№\s*(?:ФС|ТУ)\b")
MAX_LINES = 6
# The address after the name («… «Тихая гавань», г. Тверь, ул. …») is no part of it.
_ADDRESS_RE = re.compile(r",\s*(?:г|гор|ул|пр|пос|пгт)\b\.?(?:\s|$)")
# The footer's own lines that name an organization in quotes («Региональная общественная
# организация «Ассоциация …». 670000, г. …»): the owner, when no copyright line names it.
# The footer: a <footer>, or a page builder's block named so («b_block b_footer», id="footer"),
# not an article's own «footer» row inside <article> or <main>.
_FOOTER = (
    "//*[self::footer or contains(@class, 'footer') or contains(@id, 'footer')]"
    "[not(ancestor::article) and not(ancestor::main)]"
)
_FOOTER_LINES = " | ".join(
    f"{_FOOTER}//{tail}" for tail in ("p", "div[not(*)]", "span[not(*)]")
)
FOOTER_NAME_MAX_WORDS = 15
# The site's maker credited in the footer («Разработка сайта — ООО «Веб-Студия»», «Сайт создан
# в студии «…»»): not the owner.
_MAKER_RE = re.compile(
    r"(?:разработка|создание|дизайн|поддержка|продвижение)(?:\s+и\s+\w+)?\s+сайта"
    r"|сайт\s+(?:создан|сделан|разработан)|made\s+by|developed\s+by",
    re.IGNORECASE,
)
# The site's name set in bold above every paragraph of the page, not as a link
# («<b>Администрация муниципального образования Заокский район</b>» in a table layout's header).
_HEADER_NAMES = "//body//*[self::b or self::strong][not(ancestor::a)][not(.//a)][not(preceding::p)]"
HEADER_NAMES_MAX = 2
HEADER_NAME_CHARS = (10, 150)


# The site's tagline under its logo («<p class="site_slogan">Комиссия по делам несовершеннолетних …
# администрации Свердловского района</p>», WordPress's .site-description): who runs it, in full.
_TAGLINES = (
    "//*[contains(@class, 'slogan') or contains(@id, 'slogan') or contains(@class, 'tagline')"
    " or contains(@class, 'site-description') or contains(@class, 'site_description')]"
    "[not(ancestor::article) and not(ancestor::main)]"
)
TAGLINES_MAX = 1


def owner_lines(tree: HtmlElement) -> tuple[str, ...]:
    """The owner's name from copyright and legal lines, and media registrations as they stand."""
    out: list[str] = []
    for node in tree.xpath(_MARKED_TEXT):
        parent = node.getparent()
        if parent is not None and node.is_tail:
            parent = parent.getparent()  # the text after a tag (or a comment) is its parent's
        if parent is None or not isinstance(parent.tag, str):
            continue
        if parent.tag in ("script", "style", "title"):
            continue
        line = " ".join(parent.text_content().split())
        if not line or len(line) > SITE_LINE_MAX_CHARS:
            continue
        name = _owner_of(line)
        if name and name not in out:
            out.append(name)
        if len(out) >= MAX_LINES:
            return tuple(out)
    for el in tree.xpath(_HEADER_NAMES)[:HEADER_NAMES_MAX]:
        line = " ".join(el.text_content().split())
        if HEADER_NAME_CHARS[0] <= len(line) <= HEADER_NAME_CHARS[1] and len(line.split()) >= 2:
            if line not in out:
                out.append(line)
    for el in tree.xpath(_TAGLINES)[:TAGLINES_MAX]:
        line = " ".join(el.text_content().split())
        if HEADER_NAME_CHARS[0] <= len(line) <= HEADER_NAME_CHARS[1] and line not in out:
            out.append(line)
    for el in tree.xpath(_FOOTER_LINES):
        line = " ".join(el.text_content().split())
        fits = len(line) <= SITE_LINE_MAX_CHARS and not _MAKER_RE.search(line)
        name = _quoted_name(line) if fits else None
        if name and name not in out:
            out.append(name)
            if len(out) >= MAX_LINES:
                break
    return tuple(out)


def _quoted_name(line: str) -> str | None:
    """The first sentence of a footer line when it names something in quotes, else None."""
    first = re.split(r"(?<=[.;»])\s+(?=[А-ЯЁA-Z0-9+])", line, maxsplit=1)[0].rstrip(" .,;")
    if "«" not in first and '"' not in first:
        return None
    return _clean(first) if len(first.split()) <= FOOTER_NAME_MAX_WORDS else None


def _owner_of(line: str) -> str | None:
    if _MEDIA_RE.search(line):
        return line  # a medium's registration: kept whole, its words say «СМИ»
    legal = _LEGAL_RE.search(line)
    if legal:
        before = line[: legal.start()].rstrip(" .,:;")
        pieces = [p for p in re.split(r"(?<=[.;])\s+", before) if p.strip()]
        return _clean(pieces[-1]) if pieces else None
    mark = _COPYRIGHT_RE.search(line)
    if mark:
        after = _RIGHTS_RE.sub("", _YEARS_RE.sub("", line[mark.end():]))
        pieces = [p for p in re.split(r"\s*[.|•]\s+", after) if p.strip(" ,.-–—")]
        return _clean(pieces[0]) if pieces else None
    return None


def _clean(text: str) -> str | None:
    text = _RIGHTS_RE.sub("", _YEARS_RE.sub("", _COPYRIGHT_RE.sub("", text)))
    text = _ADDRESS_RE.split(text, maxsplit=1)[0]
    text = " ".join(text.split()).strip(" ,.;:-–—")
    return text if 3 <= len(text) <= 200 else None
