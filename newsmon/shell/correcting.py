"""What an analyst types for a correction (an article's id or URL, region names, project aliases)
→ what db.corrections stores; shared by `newsmon correct`, `newsmon explain` and the Datasette form."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from newsmon.core.errors import UserError

ANALYST_ENV = "NEWSMON_ANALYST"


def default_author() -> str:
    """$NEWSMON_ANALYST, else the OS user."""
    name = os.environ.get(ANALYST_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "аналитик"


def find_article(db: Database, ref: str) -> int:
    """An article's id from its number or URL."""
    from db.article import find_article_id

    return find_article_id(db, ref)


def split_list(text: str) -> list[str]:
    """«Пермский край, Башкирия» → two names; an empty string → no names (clears the field)."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def region_codes(names: list[str]) -> list[str]:
    """Region names, informal names or ISO codes → ISO codes, resolved as --region is."""
    from pipeline.tag.regions.gazetteer import gazetteer, resolve_region

    by_iso = gazetteer().by_iso
    return [
        name.upper() if name.upper() in by_iso else resolve_region(name).iso for name in names
    ]


def project_names(db: Database, names: list[str], user_dir: Path | None = None) -> list[str]:
    """Projects by canonical name or alias in any inflection → the register's counted names; a
    name neither in the register nor among the stored projects is a one-line error."""
    from db.queries import known_values
    from newsmon.core.suggest import unknown_name_error
    from pipeline.tag.projects.tagger import canonical_project_name, load_registry

    user_file = user_dir / "projects.yml" if user_dir else None
    registry = load_registry(user_file if user_file and user_file.is_file() else None)
    stored = {canonical_project_name(k).lower(): k for k in known_values(db, "project")}
    out = []
    for name in names:
        canonical = registry.canonical(name)
        if registry.get(canonical) is not None:
            out.append(canonical)
        elif canonical.lower() in stored:
            out.append(stored[canonical.lower()])
        else:
            known = [p.name for p in registry.projects] + list(stored.values())
            raise unknown_name_error("Неизвестный проект", name, known)
    return out


def org_names(names: list[str], user_dir: Path | None = None) -> list[str]:
    """An organization's alias → its canonical name; a name the register lacks stays as typed."""
    from pipeline.tag.orgs.tagger import find_orgs
    from pipeline.tag.run import load_tag_config

    registry = load_tag_config(user_dir).orgs
    out = []
    for name in names:
        found = find_orgs(name, registry=registry)
        whole = [m for m in found if m.start == 0 and m.end >= len(name.rstrip()) - 1]
        out.append(whole[0].name if whole else name)
    return out


def label_values(db: Database, tagger: str, labels: list[str]) -> tuple[str, list[str]]:
    """(field, labels) for `label:<tagger>`; the tagger must be registered or already stored."""
    from db.corrections import stored_taggers
    from pipeline.tag.base import registered

    known = set(registered()) | set(stored_taggers(db))
    if tagger not in known:
        from newsmon.core.suggest import unknown_name_error

        raise unknown_name_error("Неизвестная разметка", tagger, sorted(known))
    return f"label:{tagger}", labels


def parse_value(
    db: Database, field: str, text: str, user_dir: Path | None = None
) -> tuple[str, Any]:
    """(field, value) for a field and the analyst's text, as the Datasette form sends them."""
    if field == "relevant":
        lowered = text.strip().lower()
        if lowered in ("1", "true", "да", "yes", "relevant", "релевантна"):
            return field, True
        if lowered in ("0", "false", "нет", "no", "irrelevant", "нерелевантна"):
            return field, False
        raise UserError(f"Релевантность: «да» или «нет», получено «{text}»")
    names = split_list(text)
    if field == "regions":
        return field, region_codes(names)
    if field == "projects":
        return field, project_names(db, names, user_dir)
    if field == "orgs":
        return field, org_names(names, user_dir)
    if field.startswith("label:"):
        return label_values(db, field[len("label:"):], names)
    raise UserError(f"Неизвестное поле исправления «{field}»")
