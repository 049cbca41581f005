"""Turn the CLI's filter options into db.queries.Filters, rejecting unknown names with a hint."""

from __future__ import annotations

from sqlite_utils import Database

from db.queries import Filters, known_values
from newsmon.core.errors import UserError
from newsmon.core.suggest import unknown_name_error

LABELS = {
    "org": "Неизвестная организация",
    "project": "Неизвестный проект",
    "topic": "Неизвестная тема",
    "source": "Неизвестный источник",
}


def _known(db: Database, by: str, value: str | None) -> str | None:
    if not value:
        return None
    known = known_values(db, by)
    exact = {k.lower().replace("ё", "е"): k for k in known}
    match = exact.get(value.lower().replace("ё", "е"))
    if match is None and by == "topic":
        from pipeline.tag.run import load_tag_config

        known = sorted(set(known) | {t.name for t in load_tag_config(None).topics})
        match = next((k for k in known if k.lower() == value.lower()), None)
    if match is None:
        match = _alias(by, value, known)
    if match is None:
        raise unknown_name_error(LABELS[by], value, known)
    return match


def resolve_name(db: Database, by: str, value: str) -> str:
    """The stored name an org, project, topic or source filter means (alias, prefix, any case), as
    `--org`/`--project`/… resolve it; UserError with a hint when none. Datasette's SQL functions
    (newsmon.shell.datasette_functions) resolve the same way."""
    match = _known(db, by, value)
    assert match is not None
    return match


def _alias(by: str, value: str, known: list[str]) -> str | None:
    """An org or project named by an alias or a prefix of its canonical name."""
    lowered = value.lower()
    prefixed = [k for k in known if k.lower().startswith(lowered)]
    if len(prefixed) == 1:
        return prefixed[0]
    if by == "org":
        from pipeline.tag.orgs.tagger import find_orgs

        names = [m.name for m in find_orgs(value)]
        return names[0] if names and names[0] in known else None
    if by == "project":
        from pipeline.tag.projects.tagger import canonical_project_name, load_registry

        wanted = canonical_project_name(load_registry().canonical(value)).lower()
        return next((k for k in known if canonical_project_name(k).lower() == wanted), None)
    return None


def build_filters(
    db: Database, *, region: str | None = None, org: str | None = None,
    project: str | None = None, topic: str | None = None, source: str | None = None,
    relevant_only: bool = True, labels: tuple[str, ...] = (), kind: str | None = None,
) -> Filters:
    from pipeline.tag.regions.gazetteer import resolve_region

    return Filters(
        region_iso=resolve_region(region).iso if region else None,
        org=_known(db, "org", org),
        project=_known(db, "project", project),
        topic=_known(db, "topic", topic),
        source=_known(db, "source", source),
        kind=kind,
        relevant_only=relevant_only,
        labels=tuple(_label(item) for item in labels),
    )


def _label(item: str) -> tuple[str, str]:
    """`--label tone=негативная` → ("tone", "негативная"), the tagger checked against the registry."""
    from pipeline.tag.base import registered

    tagger, sep, label = item.partition("=")
    if not sep or not label:
        raise UserError(f"--label: ожидается РАЗМЕТКА=МЕТКА, получено «{item}»")
    if tagger not in registered():
        raise unknown_name_error("Неизвестная разметка", tagger, list(registered()))
    return tagger, label


def add_change(rows: list[dict], previous: list[dict], by: str) -> list[dict]:
    """Add the change in materials against the previous period of the same length."""
    before = {row[by]: row["materials"] for row in previous}
    for row in rows:
        old = before.get(row[by], 0)
        row["change"] = f"{row['materials'] - old:+d}" if old else "новое"
    return rows
