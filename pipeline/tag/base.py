"""The tagger extension point: a Tagger protocol and the registry of taggers beyond the built-in ones.

The built-in taggers (entities, regions, orgs, projects, topics) fill fields of their own in
TagResult and tables of their own. A further tagger — tone, say — gives each article labels
(«негативная»); `tag()` runs it after the built-ins, its labels go to TagResult.labels[name], the
store writes them to `article_labels`, `newsmon counts --by NAME` and `--label NAME=VALUE` count
and filter them, and Datasette shows the table. Adding one is a module and one line in TAGGERS
(or NEWSMON_TAGGERS), like Scrapy's ITEM_PIPELINES dotted paths (docs/extending.md).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Protocol

from newsmon.core.errors import UserError

if TYPE_CHECKING:
    from pipeline.tag.doc import ArticleDoc

# Tag kind → dotted path of a class implementing Tagger, run in this order after the built-ins.
TAGGERS: dict[str, str] = {
    "tone": "pipeline.tag.tone.tagger.ToneTagger",  # tone of coverage (docs/tone.md)
}
# More, without editing code: NEWSMON_TAGGERS="tone=mypackage.tone.ToneTagger,other=…".
TAGGERS_ENV = "NEWSMON_TAGGERS"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")  # a column alias and a --by value
BUILT_IN = ("entities", "regions", "orgs", "projects", "topics")


class Tagger(Protocol):
    def tag(self, doc: ArticleDoc) -> list[str]:
        """The labels of one article (none, one or several), read from the segmented `doc`."""
        ...


def registered() -> dict[str, str]:
    """TAGGERS plus those named in NEWSMON_TAGGERS, in order."""
    found = dict(TAGGERS)
    for item in filter(None, (part.strip() for part in os.environ.get(TAGGERS_ENV, "").split(","))):
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise UserError(f"{TAGGERS_ENV}: ожидается имя=модуль.Класс, получено «{item}»")
        found[name.strip()] = path.strip()
    bad = [name for name in found if not NAME_RE.match(name)]
    if bad:
        raise UserError(f"Имя разметки «{bad[0]}»: только строчная латиница, цифры и _")
    clash = set(found) & set(BUILT_IN)
    if clash:
        raise UserError(f"{TAGGERS_ENV}: имя «{sorted(clash)[0]}» занято встроенной разметкой")
    return found


def load_taggers() -> dict[str, Tagger]:
    """An instance of every registered tagger, built once per call (by the caller's config)."""
    from importlib import import_module

    taggers: dict[str, Tagger] = {}
    for name, path in registered().items():
        module, _, attr = path.rpartition(".")
        try:
            taggers[name] = getattr(import_module(module), attr)()
        except (ImportError, AttributeError) as exc:
            raise UserError(f"Разметка «{name}»: не удалось загрузить {path} ({exc})") from None
    return taggers
