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
from pipeline.lang.morph import lemma
from pipeline.tag.home_region import HEAD_WORDS, names_a_body
from pipeline.tag.run import TagResult
from pipeline.tag.topics import Topic, match_topics

_WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
FIRST_PERSON_PLURAL = frozenset({"мы", "нас", "нам", "нами", "наш"})
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
LEAD_SENTENCES = 1


@dataclass(frozen=True)
class OwnWork:
    name: str  # the source's name whose topics count
    topics: list[str]
    word: str  # the word by which the material speaks of the body itself


def lead(text: str) -> str:
    """The first sentence: a material about the body's own work says so at once («К нам
    обратилась…», «Психолог центра…»); a notice that mentions it last («Нашего центра это не
    коснётся») is about something else."""
    return " ".join(_SENTENCE_END.split(text.strip(), maxsplit=LEAD_SENTENCES)[:LEAD_SENTENCES])


def _kind_words(name: str) -> frozenset[str]:
    """The organization kinds a body's name starts with («Кризисный центр «…»» → центр)."""
    bodies, _ = body_and_media_heads()
    head = name.split("«", 1)[0].split('"', 1)[0]
    return frozenset(lemma(w) for w in _WORD_RE.findall(head)[:HEAD_WORDS]) & bodies


def own_work(
    text: str, title: str, names: Sequence[str | None], topics: Sequence[Topic]
) -> OwnWork | None:
    """The topics of the source's own name, when the material speaks of the source itself."""
    bodies = [n for n in names if n and names_a_body([n])]
    if not bodies or not names_a_body(names):
        return None
    words: dict[str, str] = {}
    for w in _WORD_RE.findall(f"{title}\n{lead(text)}"):
        words.setdefault(lemma(w), w)
    for name in bodies:
        found = match_topics(name, list(topics))
        if not found:
            continue
        self_words = FIRST_PERSON_PLURAL | _kind_words(name)
        word = next((words[k] for k in words if k in self_words), None)
        if word is not None:
            return OwnWork(name, found, word)
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
