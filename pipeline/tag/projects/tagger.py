"""Named projects an article describes: «в рамках проекта «Защитники детства»», «по технологии
«Куратор семьи»», «нацпроекта «Демография»», and the foundation's registered projects by alias.

1. Quoted names (pipeline/lang/quotes.py; speech and wording are not names) are classified by the
   nearest marker word before them: a head (проект, программа, технология, акция…) makes a
   project, a non-head (фонд, центр, форум, закон, база…) an organization, event, document or
   service. The search stops at a clause boundary (sentence end, verb, comma) and skips what
   cannot own the name (детских домов; the owner in «проект фонда «А» «Б»»); coordinated names
   share their class («проекты «Моя семья» и «Семейный навигатор»»); a head after a dash, colon
   or comma counts too («Дом на полпути», проект…). A quote in an oblique case is an owner
   («инициатива «Единой России»»), and a head governed by a non-head is not one («конкурс
   проектов «…»»).
2. Registered aliases and the names found in step 1 are matched on lemmas everywhere, so a later
   bare «в «Кураторе семьи»» or «Защитники детства» counts for its project; unquoted matches
   must start with a capital, and a sentence-initial one counts only for an introduced project.
Pure regex and lemmas: no neural model is needed. Markers and the register: data/projects.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.morph import Token
from pipeline.lang.quotes import (
    QuotedText,
    is_adjective,
    is_genitive,
    is_genitive_plural,
    is_possessor,
    is_verb,
    looks_like_name,
    numbers,
)
from pipeline.tag.projects.register import (  # noqa: F401 - re-exported: pipeline.tag.projects.tagger is the API
    DATA_FILE,
    Alias,
    Markers,
    ProjectRegistry,
    RegisteredProject,
    add_alias,
    canonical_project_name,
    load_registry,
    make_alias,
    word_variants,
)
from pipeline.tag.trace import Span

# Tokens between a head word and its name: «Проект по сопровождению семей в трудной жизненной
# ситуации и сохранению ребенка в семье «Защитники детства»» needs twelve.
MAX_HEAD_DISTANCE = 14
# Punctuation that ends the search for a head word (the first gap before a quote may hold ':' ','
# or a dash: «программу: «Стань старшим другом»», «проекты «А», «Б»»).
_HARD_BREAK = re.compile(r"[.!?;…()\n\[\]]")
_SOFT_BREAK = re.compile(r"[,:—–]|\s-\s")
# Between two names of one list: a separator, perhaps after a remark in brackets.
_LIST_GAP = re.compile(r"\s*(?:\([^()\n]{1,60}\)\s*)?[,;]\s*")


@dataclass(frozen=True)
class ProjectHit:
    name: str  # the register's canonical name, or the normalised quoted name
    mentions: int
    registered: bool


# ---------------------------------------------------------------- detection


def _marker(token: Token, markers: Markers) -> str | None:
    """'project' for a head word (проекта, нацпроект, проект-победитель), 'other' for a non-head."""
    lemma, stem = token.lemma, token.lemma.split("-")[0]
    if lemma in markers.not_heads or stem in markers.not_heads:
        return "other"
    if lemma in markers.heads or stem in markers.heads:
        return "project"
    return "project" if lemma.endswith(markers.head_suffixes) else None


def _is_sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 100) : start].rstrip(" \t«„\"“—–-")
    return not before or before[-1] in ".!?…\n"


class _Scan(QuotedText):
    """One text's words, quotes and their classes: 'project', 'other' (organization, event,
    document…) or None (no marker word, or not a name at all)."""

    def __init__(self, text: str, registry: ProjectRegistry) -> None:
        super().__init__(text)
        self.registry, self.m = registry, registry.markers
        self.kinds: list[str | None] = []

    def classify(self, u: int) -> str | None:
        """The class of the quote at units[u], from the nearest marker word before it."""
        quotes_before = (v for v in range(u - 1, -1, -1) if self.units[v].quote is not None)
        previous = next(quotes_before, None)
        if previous is not None and _LIST_GAP.fullmatch(self.gap(previous, u)):
            # a list of names shares its class: «А», «Б»; «В» (Пенза), и «Г»
            return self.kinds[self.units[previous].quote]  # type: ignore[index]
        conj = named = owner = False
        steps = 0
        for v in range(u - 1, -1, -1):
            first = v == u - 1
            gap = self.gap(v, v + 1)
            quote = self.units[v].quote
            if first:
                gap = gap.replace("(", "", 1)  # «программу («Семья в приоритете»)»
            if _HARD_BREAK.search(gap):
                break
            if not (first or named) and _SOFT_BREAK.search(gap):
                if not (conj and gap.strip() == ","):
                    break  # a comma ends the search, except in «…», а также «…»
            if quote is not None:
                kind = self.kinds[quote]
                if conj:
                    return kind  # coordinated names share their class
                if first and not gap.strip() and kind == "other":
                    owner = True  # «проект фонда «Арифметика добра» «Семья помогает семье»»
                    continue
                break
            if first and "," in gap:
                break
            token = self.word(v)
            kind = _marker(token, self.m)
            if kind == "other" and owner:
                owner = False  # the owner's own marker (фонда), skipped with its name
            elif kind == "other" and is_genitive_plural(token.text):
                pass  # «проект для выпускников детских домов «Шаг вперёд»»: many own no one name
            elif kind == "project" and self.governed(v):
                return "other"
            elif kind:
                return kind
            elif first and token.lemma in self.m.name_words:
                named = True  # «Проект, получивший название «…»»: past commas and verbs
            elif first and token.lemma in self.m.conjunctions:
                conj = True
            elif is_verb(token.text) and not named:
                break
            steps += 1
            if steps > MAX_HEAD_DISTANCE:
                break
        return self.marker_after(u)

    def governed(self, v: int) -> bool:
        """«конкурс социальных проектов «…»»: the name belongs to the contest, not to a project."""
        if not is_genitive(self.word(v).text):
            return False
        for w in range(v - 1, max(v - 4, -1), -1):
            if self.units[w].token is None or self.gap(w, w + 1).strip():
                return False
            if _marker(self.word(w), self.m) == "other":
                return True
            if not is_adjective(self.word(w).text):
                return False
        return False

    def marker_after(self, u: int) -> str | None:
        """«Куратор семьи» — технология…, «Семейный очаг»: проект…, «Дом на полпути», проект…"""
        if u + 1 >= len(self.units) or not re.fullmatch(r"\s*[—–:,-]\s*", self.gap(u, u + 1)):
            return None
        for k in range(u + 1, min(u + 4, len(self.units))):
            if self.units[k].token is None or (k > u + 1 and self.gap(k - 1, k).strip()):
                return None
            kind = _marker(self.word(k), self.m)
            if kind:
                return kind
            if is_verb(self.word(k).text):
                return None  # «Кризис — не приговор»: как работает программа…
        return None

    def matches(self, i: int, alias: Alias) -> bool:
        tokens, n = self.tokens, len(alias.keys)
        return (
            i + n <= len(tokens)
            and not any(e and e != t.text for e, t in zip(alias.exact, tokens[i : i + n]))
            and all(alias.keys[k] & word_variants(tokens[i + k].text) for k in range(n))
            and all(
                not (a and b) or a & b
                for a, b in zip(alias.numbers, (numbers(t.text) for t in tokens[i : i + n]))
            )
            and not any(
                _HARD_BREAK.search(self.text[tokens[k].end : tokens[k + 1].start])
                for k in range(i, i + n - 1)
            )
        )

    def bare_ok(self, i: int, alias: Alias) -> bool | None:
        """Whether an unquoted alias is a mention: True, False, or None when the project must be
        introduced elsewhere in the text (a sentence-initial «Куратор семьи помогает…»)."""
        word = self.tokens[i].text
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        if i and not _HARD_BREAK.search(self.text[self.tokens[i - 1].end : self.tokens[i].start]):
            kind = _marker(self.tokens[i - 1], self.m)
            if kind:
                return kind == "project"  # «технологии Куратор семьи», not «фонд Моя семья»
        if _is_sentence_initial(self.text, self.tokens[i].start):
            return None if len(alias.keys) > 1 else False
        return True if len(alias.keys) > 1 else None

    def count(
        self, counts: dict[tuple[str, bool], int], spans: list[Span] | None = None
    ) -> None:
        """Add this text's mentions to counts, keyed by (name, registered); `spans` gets where
        each counted mention stands and how it was found (newsmon explain)."""
        tokens, registry = self.tokens, self.registry
        for u, unit in enumerate(self.units):
            if unit.quote is None:
                continue
            q, (a, b) = self.quotes[unit.quote], self.spans[unit.quote]
            if looks_like_name(self.text, q, tokens[a:b]):
                kind = self.classify(u)
                # «инициатива «Единой России»», «акции «Сбербанка»»: an owner, not a name
                self.kinds.append("other" if kind and is_possessor(tokens[a].text) else kind)
            else:  # quoted speech may name projects itself: «В проекте «Близкие люди» 40 семей»
                self.kinds.append(None)
                _Scan(q.inner(self.text), registry).count(counts)

        # Names introduced by a head word become aliases, so that later bare mentions count.
        extra: dict[str, list[Alias]] = {}
        for qi, (a, b) in enumerate(self.spans):
            if self.kinds[qi] != "project" or any(
                len(al.keys) == b - a and self.matches(a, al)
                for al in registry.candidates(tokens[a], extra)
            ):
                continue
            inner = self.quotes[qi].inner(self.text)
            alias = make_alias(inner, canonical_project_name(inner), registered=False)
            if alias:
                add_alias(extra, alias)

        quoted: list[tuple[int, int, Alias]] = []
        bare: list[tuple[int, int, Alias]] = []
        blocked: set[str] = set()  # «центр «Семья»»: later «в «Семье»» is the centre, not a project
        for i, token in enumerate(tokens):
            for alias in registry.candidates(token, extra):
                if not self.matches(i, alias):
                    continue
                j, qi = i + len(alias.keys), self.token_quote[i]
                inside = {self.token_quote[n] for n in range(i, j)} - {None}
                if qi is not None and self.spans[qi] == (i, j):
                    if self.kinds[qi] == "other":
                        blocked.add(alias.name)
                    else:
                        quoted.append((i, j, alias))
                elif all(self.spans[q][0] >= i and self.spans[q][1] <= j for q in inside):
                    bare.append((i, j, alias))  # whole quotes inside: Вектор «Детство»
        headed = {qi for qi, kind in enumerate(self.kinds) if kind == "project"}
        quoted = [
            q for q in quoted if q[2].name not in blocked or self.token_quote[q[0]] in headed
        ]
        bare = [b for b in bare if b[2].name not in blocked]
        verdicts = [self.bare_ok(i, alias) for i, _, alias in bare]
        introduced = {a.name for _, _, a in quoted}
        introduced |= {b[2].name for b, v in zip(bare, verdicts) if v}
        bare = [b for b, v in zip(bare, verdicts) if v or (v is None and b[2].name in introduced)]
        how = {(i, j): "quoted" for i, j, _ in quoted}
        if spans is not None:  # quoted names of something else: a fund, a centre, a forum…
            spans += [Span(q.start, q.end, q.inner(self.text), "not_project")
                      for q, kind in zip(self.quotes, self.kinds) if kind == "other"]

        # Longest match first at each place; no word counts twice.
        taken = [False] * len(tokens)
        for i, j, alias in sorted(quoted + bare, key=lambda x: (x[0], x[0] - x[1])):
            if not any(taken[i:j]):
                taken[i:j] = [True] * (j - i)
                key = (alias.name, alias.registered)
                counts[key] = counts.get(key, 0) + 1
                if spans is not None:
                    rule = how.get((i, j), "bare") + ("_registered" if alias.registered else "")
                    spans.append(Span(tokens[i].start, tokens[j - 1].end, alias.name, rule))


def find_projects(
    text: str, registry: ProjectRegistry, spans: list[Span] | None = None
) -> list[ProjectHit]:
    """Every named project the text names, with its mentions, most mentioned first (`spans`:
    see _Scan.count)."""
    counts: dict[tuple[str, bool], int] = {}
    _Scan(text, registry).count(counts, spans)
    hits = [ProjectHit(name, n, registered) for (name, registered), n in counts.items()]
    return sorted(hits, key=lambda h: (-h.mentions, h.name))
