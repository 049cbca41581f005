"""A family-support body's own site: its news of its own work is on the topic its name is on.

A crisis centre writes on its site «к нам обратилась мама троих детей», «психолог центра
отвечает», «собираем подарки для детей центра»: the page never says «кризисный центр», the
site's name does (sources.yml `title:`, og:site_name, the footer: pipeline.extract.siteowner).
When a body's name (pipeline.tag.home_region.names_a_body) matches a topic, a material of its
site that speaks of the body itself — in the first person plural («мы», «к нам», «наши») or by
the kind its name starts with («центра», «фонд») — is on that topic. A medium's name never
counts, and nor does a body whose name is on no topic (a ministry of labour writes about
vacancies too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.lang.bodies import body_and_media_heads
from pipeline.lang.morph import get_morph_vocab, is_adjective, lemma
from pipeline.tag.doc import RegionHit
from pipeline.tag.home_region import (
    HEAD_WORDS,
    WORD_RE,
    credited_source,
    home_hit,
    is_general_advice,
    names_a_body,
    opens_as_reprint,
    with_home_default,
)
from pipeline.tag.run import TagResult
from pipeline.tag.topics import Topic, match_topics

FIRST_PERSON_PLURAL = frozenset({"мы", "нас", "нам", "нами", "наш"})
# Whom a family-support body works for: a material on its work names them.
PEOPLE_SERVED = frozenset({
    "ребенок", "дети", "мама", "мать", "семья", "женщина", "родитель", "беременная",
    "подросток", "сирота", "малыш", "выпускник", "опекун", "воспитанник", "подопечный",
})  # fmt: skip
# «мы» and «наш…»: the first person plural as who acts or whose it is («наш телемост»).
ACTING_FIRST_PERSON = frozenset({
    "мы", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашему", "нашим", "нашем", "нашу",
    "наших", "нашими",
})  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
LEAD_SENTENCES = 1
SERVED_SENTENCES = 2


@dataclass(frozen=True)
class OwnWork:
    name: str  # the source's name whose topics count
    topics: list[str]
    word: str  # the word by which the material speaks of the body itself


def lead(text: str, sentences: int = LEAD_SENTENCES) -> str:
    """The first sentence: a material about the body's own work says so at once («К нам
    обратилась…», «Психолог центра…»); a notice that mentions it last («Нашего центра это не
    коснётся») is about something else."""
    return " ".join(_SENTENCE_END.split(text.strip(), maxsplit=sentences)[:sentences])


def _kind_words(name: str) -> frozenset[str]:
    """The organization kinds a body's name starts with («Кризисный центр «…»» → центр)."""
    bodies, _ = body_and_media_heads()
    head = name.split("«", 1)[0].split('"', 1)[0]
    return frozenset(lemma(w) for w in WORD_RE.findall(head)[:HEAD_WORDS]) & bodies


def _bodies(names: Sequence[str | None]) -> list[str]:
    """The source's names that name a body, when none of them names a medium."""
    bodies = [n for n in names if n and names_a_body([n])]
    return bodies if bodies and names_a_body(names) else []


def self_reference(text: str, title: str, name: str, *, service: bool = False) -> str | None:
    """The word by which the material speaks of the body named ``name``: the first person
    plural or the kind its name starts with («центра») in the title or the first sentence, or
    its own quoted name anywhere («звоните в «Северный причал»: мы принимаем…») — a body that
    names its own brand takes part in what is told. ``service``: the material tells of the
    body's work for the people it serves."""
    scope = f"{title}\n{lead(text)}"
    words: dict[str, str] = {}
    for w in WORD_RE.findall(scope):
        words.setdefault(lemma(w), w)
    self_words = FIRST_PERSON_PLURAL | _kind_words(name)
    word = next((words[k] for k in words if k in self_words), None)
    if word is not None:
        return word
    quoted = re.search(r"«([^«»]{3,60})»|\"([^\"]{3,60})\"", name)
    if not quoted:
        return None
    brand = [lemma(w) for w in WORD_RE.findall(quoted.group(1) or quoted.group(2))]
    opening = {lemma(w) for w in WORD_RE.findall(scope)}
    for sentence in [title, *_SENTENCE_END.split(text.strip())]:
        lemmas = [lemma(w) for w in WORD_RE.findall(sentence)]
        named = any(
            lemmas[k : k + len(brand)] == brand for k in range(len(lemmas) - len(brand) + 1)
        )
        # For its service, the people it serves open the material or stand beside the name
        # («Если вы с ребёнком оказались на улице… Звоните в «Тихую гавань»»), unlike a note on
        # a town's new rink that invites the team («…всей командой «Маминого дома»»).
        if brand and named and (not service or PEOPLE_SERVED & (opening | set(lemmas))):
            return quoted.group(1) or quoted.group(2)
    return None


def own_work(
    text: str, title: str, names: Sequence[str | None], topics: Sequence[Topic]
) -> OwnWork | None:
    """The topics of the source's own name, when the material speaks of the source itself and
    of the people such a body serves (a clean-up by its volunteers is not its work)."""
    bodies = _bodies(names)  # the names first: most sources are no body, and lemmas cost
    if not bodies:
        return None
    # The people served open the material («Наша команда пробежала полумарафон» names families
    # only in its last line, thanking them for cheering)
    opening = lead(text, SERVED_SENTENCES)
    if not PEOPLE_SERVED & {lemma(w) for w in WORD_RE.findall(f"{title}\n{opening}")}:
        return None
    for name in bodies:
        found = match_topics(name, list(topics))
        if not found:
            continue
        word = self_reference(text, title, name, service=True)
        if word is not None:
            return OwnWork(name, found, word)
    return None


def own_body_acts(text: str, title: str, names: Sequence[str | None]) -> str | None:
    """The word by which a regional body's material says the body itself takes part («наш
    центр», «Северный причал» и департамент округа подписали…»): its region is then one the
    material is about, whatever other regions it names. None for advice."""
    if is_general_advice(title, text):
        return None
    for name in _bodies(names):
        word = self_reference(text, title, name)
        if word is not None:
            return word
    return None


def own_people_act(text: str, title: str) -> str | None:
    """The word by which a regional source's headline says its own people take part, in the
    first person plural («Как прошёл наш телемост с Копейском», «Мы съездили в …»), whatever
    the source is (a body, a community, a paper quoting its readers) — as the ones who act or
    own what happens, not «у нас не так», «нам бы так» (a comparison with home). None for
    advice."""
    if is_general_advice(title, text):
        return None
    word = next((w for w in WORD_RE.findall(title) if w.lower() in ACTING_FIRST_PERSON), None)
    return (word or _we_do(title) or _our_body(f"{title}\n{lead(text)}")
            or _we_act(first_paragraph(text)))


# Quoted words are someone else's: «Мы договорились…», — рассказала министр.
_QUOTED_RE = re.compile(r"«[^«»]*»|\"[^\"]*\"|„[^„“]*“")


def first_paragraph(text: str) -> str:
    return text.strip().split("\n", 1)[0]


def _we_act(paragraph: str) -> str | None:
    """«мы подписали соглашение», «мы откроем» in the first paragraph, outside quotes: the
    source's own people do what the material reports, whatever its headline says."""
    vocab = get_morph_vocab()
    for match in re.finditer(r"\bмы\s+([а-яё]+)", _QUOTED_RE.sub(" ", paragraph), re.IGNORECASE):
        parses = vocab.parse(match.group(1).lower())
        if (parses and {"VERB", "plur"} <= set(parses[0].tag.grammemes)
                and parses[0].normal_form not in NEWSROOM_VERBS):
            return "мы"
    return None


# A newsroom's «мы»: «как мы уже писали», «мы выяснили» — it reports, it does not take part.
NEWSROOM_VERBS = frozenset({
    "писать", "написать", "сообщать", "сообщить", "рассказывать", "рассказать", "информировать",
    "напоминать", "напомнить", "узнать", "узнавать", "выяснить", "выяснять", "публиковать",
    "опубликовать", "следить", "спросить", "спрашивать", "поговорить", "разбираться",
    "разобраться",
})  # fmt: skip


def _we_do(title: str) -> str | None:
    """A headline's verb in the first person plural («Проведём марафон вместе с курганскими
    коллегами», «Приглашаем на лекторий»): «мы» left out, the source's own people act."""
    vocab = get_morph_vocab()
    for word in WORD_RE.findall(title):
        parses = vocab.parse(word.lower())
        if parses and {"VERB", "1per", "plur"} <= set(parses[0].tag.grammemes):
            return word
    return None


# «наш клуб провёл», «нашего центра»: the source names itself as a body of a known kind.
_OUR_RE = re.compile(r"\b(наш(?:а|е|и|его|ей|ему|ем|им|ими|их|у)?)\s+([А-Яа-яЁё-]+)", re.IGNORECASE)
# «вместе с нашими сотрудниками», «наши психологи провели», «организованный нашим отделением»:
# the body's own staff or units at work (the helping professions: a paper's «наш корреспондент»
# reports, it does not take part).
OWN_PARTS = frozenset({
    "сотрудник", "сотрудница", "специалист", "психолог", "педагог", "куратор", "юрист",
    "волонтёр", "волонтер", "воспитатель", "отделение", "филиал", "подразделение",
    # who leads it: «наш директор подписал», «наш руководитель выступила»
    "директор", "руководитель", "председатель", "президент", "координатор",
})  # fmt: skip


def _our_body(scope: str) -> str | None:
    """The first person plural before a kind of body («наш клуб», «нашего центра») or the body's
    staff or units («нашими сотрудниками», «нашим отделением») in the title or the first
    sentence: whatever its site's names say, the source is that body, and it acts."""
    kinds, _media = body_and_media_heads()
    for match in _OUR_RE.finditer(scope):
        # «наш Камчатский институт развития образования»: adjectives before the body's kind
        words = [match.group(2), *WORD_RE.findall(scope[match.end() : match.end() + 60])[:2]]
        for word in words:
            head = lemma(word)
            if head in kinds or head in OWN_PARTS:
                return match.group(1)
            if not is_adjective(word):
                break
    return None


def with_own_work(
    result: TagResult, text: str, title: str, names: Sequence[str | None], topics: Sequence[Topic]
) -> OwnWork | None:
    """Make an irrelevant ``result`` relevant on its source's own topics when ``own_work`` says
    so; return why (None: unchanged)."""
    if result.relevant:
        return None
    work = own_work(text, title, names, topics)
    if work is not None:
        result.relevant, result.topics = True, list(work.topics)
    return work


def with_own_region(
    regions: Sequence[RegionHit], text: str, title: str, names: Sequence[str | None],
    home_iso: str | None,
) -> tuple[list[RegionHit], str | None]:
    """``regions`` with the home region added when the source's own body takes part in what the
    material tells (``own_body_acts``) or its headline speaks for the source's own people
    (``own_people_act``), and the rule that says so, with its word («own_body:наш»; None:
    unchanged)."""
    if not regions or not home_iso or any(r.iso == home_iso for r in regions):
        return list(regions), None
    word, kind = own_body_acts(text, title, names), "own_body"
    if word is None:
        word, kind = own_people_act(text, title), "own_people"
    hit = home_hit(home_iso) if word is not None else None
    if hit is None:
        return list(regions), None
    return [*regions, hit], f"{kind}:{word}"


@dataclass(frozen=True)
class SourceReading:
    """What the source itself added to a tagged material (newsmon explain says why)."""

    home_added: bool  # the home region, as a regional body's voice naming no place
    own_rule: str | None  # the rule and word by which the source takes part («own_body:наш»)
    work: OwnWork | None  # its own work: the material made relevant on its name's topics


def with_source(
    result: TagResult, text: str, title: str, home_iso: str | None,
    names: Sequence[str | None], topics: Sequence[Topic], *, home_voice: bool,
    republished: bool = False,
) -> SourceReading:
    """Read a tagged material with its source, as the crawl, retag and explain all do: the home
    region for a body's voice (``home_voice``: newsmon.sources.voice), the body's own part, its
    own work. A material the source ``republished`` from another publisher (a forward, a
    reblog, a reprint naming the original, a text closing with a credit to another publisher) is
    the other's words: «наш центр» in it is theirs, so the source takes no part in it.
    ``result`` is changed in place."""
    # A closing credit to another publisher («Перепечатано из блога … с разрешения автора») says
    # so in the text: its «мы» in the headline is the author's, not the reprinting source's.
    credited = credited_source(text, names) is not None or opens_as_reprint(text)
    republished = republished or credited
    work = None if republished else with_own_work(result, text, title, names, topics)
    found = result.regions
    speaks = home_voice and not credited
    voiced = with_home_default(found, text, home_iso, title) if speaks else list(found)
    if republished:
        result.regions, own_rule = voiced, None
    else:
        result.regions, own_rule = with_own_region(voiced, text, title, names, home_iso)
    return SourceReading(bool(voiced) and not found, own_rule, work)
