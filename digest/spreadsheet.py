"""The spreadsheet attached to the digest: every material of the period, one row each, with its
outlet, date, link, story, kind, regions, orgs, projects, topics and one column per registered
tagger (pipeline/tag/base.py: a tone tagger's labels appear with no change here)."""

from __future__ import annotations

from digest.build import DigestData
from newsmon.core.xlsx import rows_to_xlsx

COLUMNS = (
    ("published", "Дата"),
    ("outlet", "Издание"),
    ("title", "Заголовок"),
    ("url", "Ссылка"),
    ("kind", "Тип источника"),
    ("story_id", "Сюжет №"),
    ("role", "Публикация"),
    ("foundation", "О Фонде"),
    ("regions", "Регионы"),
    ("orgs", "Организации"),
    ("projects", "Проекты"),
    ("topics", "Темы"),
)
KINDS = {"web": "сайт", "telegram": "Telegram"}


def materials_xlsx(data: DigestData) -> bytes:
    columns = [c for c, _ in COLUMNS] + list(data.taggers)
    headers = [h for _, h in COLUMNS] + [f"Разметка: {name}" for name in data.taggers]
    rows = []
    for group in data.appendix:
        for m in (group["first"], *group["reprints"]):
            rows.append({**m, "kind": KINDS.get(m["kind"] or "web", m["kind"]),
                         "role": "первая" if m is group["first"] else "перепечатка",
                         "outlet": data.outlet(m["source"])})
    return rows_to_xlsx(rows, columns, headers, title="Материалы", links=("url",))


def file_stem(data: DigestData) -> str:
    """«newsmon-2025-10» / «newsmon-2025-10-01_2025-10-10»: attachment names."""
    p = data.period
    if p.is_month:
        return f"newsmon-{p.start:%Y-%m}"
    return f"newsmon-{p.start.isoformat()}_{p.end.isoformat()}"
