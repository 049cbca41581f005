"""Whose voice a source is: a regional body's (its materials naming no place are about its home
region) or a medium's (such a material is about no region).

A kind may say so for all its sources (a Telegram channel: `home_by_default`); a website says so
by its own name — sources.yml `title:` or what its pages call it (pipeline.tag.home_region).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsmon.sources.kinds import SOURCE_KINDS
from pipeline.tag.home_region import names_a_body

if TYPE_CHECKING:
    from sqlite_utils import Database


def republishes(links: Sequence[tuple[str, str]]) -> bool:
    """The material, by its story links, is another publisher's: a forwarded post, or a reprint
    naming the other site's page as its canonical (rel `forward`)."""
    return any(rel == "forward" for _, rel in links)


def speaks_for_home(
    kind: str, names: Sequence[str | None], links: Sequence[tuple[str, str]] = ()
) -> bool:
    """Its materials that name no federal subject are about the home region — but not one that
    `republishes` another publisher's material: a ministry's channel forwarding a federal
    agency's post speaks in the agency's voice."""
    if republishes(links):
        return False
    source_kind = SOURCE_KINDS.get(kind)
    return bool(source_kind and source_kind.home_by_default) or names_a_body(names)


def site_name_to_keep(names: Sequence[str]) -> str | None:
    """The one name a source's row keeps, saying what all of them say (retag and explain fall
    back on it for a source stored before m0018_source_site_names kept all the names): the
    first naming a body when together they name one; else the first that does not — a
    medium's name among them outweighs a body's."""
    if names_a_body(names):
        return next(n for n in names if names_a_body([n]))
    return next((n for n in names if not names_a_body([n])), None)


def home_speaking_sources(db: Database, titles: dict[str, str]) -> frozenset[str]:
    """The stored sources that are a regional body's voice by their name (sources.yml `title:`
    or the site's own name seen by the crawl), for retag and explain to tag as the crawl does."""
    from db.article import source_site_names

    return frozenset(name for name, site in source_site_names(db).items()
                     if names_a_body([titles.get(name), *site]))


def source_names(db: Database, titles: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Each stored source's names: its sources.yml `title:` and the site's own names as the
    crawl saw them (pipeline.tag.own_work reads them as the crawl does)."""
    from db.article import source_site_names

    return {name: tuple(n for n in (titles.get(name), *site) if n)
            for name, site in source_site_names(db).items()}
