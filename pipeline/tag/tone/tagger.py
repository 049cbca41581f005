"""The registered `tone` tagger: the material's tone label, and the tone toward each organisation
and project the text names (docs/tone.md).

The label (`positive`, `neutral`, `negative`) goes to `article_labels` like any registered
tagger's; the per-object tones go to `doc.extras["tones"]`, which `newsmon tag` prints and the
store keeps in `article_tones`. The material's tone is the tone toward the object the text is
mainly about — the most mentioned project, else the most mentioned organisation — and, when the
text names neither or leaves that object unevaluated, toward its family-support subject as a whole.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pipeline.tag.doc import ArticleDoc
from pipeline.tag.tone.clauses import split_clauses
from pipeline.tag.tone.judge import Judgement
from pipeline.tag.tone.method import SHIPPED, assess
from pipeline.tag.tone.model import text_vector_of

MAX_OBJECTS = 12  # a list of fifty participants is not fifty evaluations


def _objects(doc: ArticleDoc) -> list[tuple[str, str, int]]:
    """(display name, name the rules read, mentions) of the projects and organisations found."""
    found: list[tuple[str, str, int]] = []
    for project in doc.projects:
        name = project["name"] if isinstance(project, dict) else project.name
        mentions = project["mentions"] if isinstance(project, dict) else project.mentions
        found.append((name, f"проект «{name}»", int(mentions)))
    found += [(org.name, org.name, org.mentions) for org in doc.orgs]
    seen: set[str] = set()
    unique = []
    for item in found:
        if item[0] not in seen:
            seen.add(item[0])
            unique.append(item)
    return unique[:MAX_OBJECTS]


def tone_of(doc: ArticleDoc) -> tuple[Judgement, list[dict[str, Any]]]:
    """The material's judgement and the per-object tones of one tagged article."""
    text = doc.text[: doc.main_end] if doc.main_end else doc.text
    tokens = [t for t in doc.tokens if t.end <= len(text)]  # tag() made them: no second pass
    if doc.title and not doc.title_in_text:
        prefix = f"{doc.title}.\n"
        tokens = list(doc.title_tokens) + [
            dataclasses.replace(t, start=t.start + len(prefix), end=t.end + len(prefix))
            for t in tokens
        ]
        text = prefix + text
    clauses = split_clauses(text, tokens if doc.tokens else None)
    vector = text_vector_of(clauses) if SHIPPED != "rules" else None
    objects = _objects(doc)
    judged = [(name, mentions, assess(text, rule_name, clauses, vector))
              for name, rule_name, mentions in objects]
    tones = [{"object": name, "tone": j.tone, "mixed": j.mixed} for name, _, j in judged]
    projects = {p["name"] if isinstance(p, dict) else p.name for p in doc.projects}
    main = max(judged, key=lambda nj: (nj[0] in projects, nj[1]), default=None)
    if main and main[2].tone != "neutral":
        return main[2], tones
    # The main object only mentioned, or none named: the text's family-support subject as a whole.
    return assess(text, None, clauses, vector), tones


class ToneTagger:
    """Tagger protocol (pipeline.tag.base): one label per article, its tone."""

    def tag(self, doc: ArticleDoc) -> list[str]:
        material, tones = tone_of(doc)
        doc.extras["tone"] = material.tone
        doc.extras["tones"] = tones
        return [material.tone]
