"""Russian for everything a person reads in Datasette: column and parameter labels, filter
operations, cell values (dates, months, lists, yes/no). Plain data and small functions, used by the
template overrides (newsmon/shell/datasette_templates) through newsmon.shell.datasette_ru."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

COLUMNS: dict[str, str] = {
    "id": "№", "published": "Дата", "month": "Месяц", "kind": "Тип источника",
    "source": "Источник", "title": "Заголовок", "url": "Адрес", "reprint": "Оригинал/перепечатка",
    "story_id": "Сюжет (№ оригинала)", "regions": "Регионы", "topics": "Темы",
    "orgs": "Организации", "projects": "Проекты", "labels": "Метки разметки",
    "material": "Материал", "region": "Регион", "iso": "Код ISO", "materials": "Материалы",
    "stories": "Сюжеты", "reprints": "Перепечатки", "mentions": "Упоминания",
    "project": "Проект", "org": "Организация", "topic": "Тема", "outlet_region": "Регион СМИ",
    "first_published": "Первая публикация", "last_published": "Последняя публикация",
    "organizations": "Организации", "reprint_of": "Перепечатка материала №",
    "previous": "Прошлый месяц", "change": "Изменение", "note": "Примечание",
    "score": "Оценка", "snippet": "Фрагмент", "extractor": "Способ извлечения",
    "reason": "Причина", "text_chars": "Символов текста", "name": "Название",
    "district": "Федеральный округ", "region_iso": "Регион (ISO)", "lead": "Лид",
    "author": "Автор", "text": "Текст", "date_method": "Как определена дата",
    "text_method": "Как извлечён текст", "fetched_at": "Загружена", "relevant": "Релевантна",
    "run_id": "Запуск", "extract_note": "Примечание к извлечению", "article_id": "Статья",
    "registered": "В реестре", "tagger": "Разметка", "label": "Метка", "started": "Начало",
    "finished": "Окончание", "status": "Состояние", "since": "С даты", "pages": "Страниц",
    "new_articles": "Новых статей", "errors": "Ошибок", "last_error": "Последняя ошибка",
    "field": "Поле", "value": "Значение", "created": "Когда", "status_code": "Код ответа",
}

PARAMS: dict[str, str] = {
    "date_from": "С даты", "date_to": "По дату (включительно)", "region": "Регион",
    "org": "Организация", "project": "Проект", "source": "Источник (имя в sources.yml)",
    "topic": "Тема", "q": "Что искать", "article": "№ или адрес статьи",
    "month": "Месяц",
}
# Parameters shown as the browser's date and month pickers.
PARAM_TYPES: dict[str, str] = {"date_from": "date", "date_to": "date", "month": "month"}

LOOKUPS: dict[str, str] = {
    "=": "равно", "!=": "не равно", "contains": "содержит", "endswith": "оканчивается на",
    "startswith": "начинается с", "like": "like", "notlike": "not like", "glob": "glob",
    "in": "одно из (через запятую)", "notin": "ни одно из", "arraycontains": "список содержит",
    "arraynotcontains": "список не содержит", "date": "дата", "isnull": "пусто (null)",
    "notnull": "не пусто (not null)", "isblank": "пусто", "notblank": "не пусто",
    "gt": ">", "gte": "≥", "lt": "<", "lte": "≤",
}

# Datasette's own flash messages.
MESSAGES: dict[str, str] = {"You are now logged out": "Вы вышли"}

LIST_COLUMNS = frozenset({"regions", "topics", "orgs", "projects", "labels"})
DATE_COLUMNS = frozenset({"published", "first_published", "last_published", "since"})
DATETIME_COLUMNS = frozenset({"fetched_at", "started", "finished", "created", "first_seen",
                              "last_seen"})
FLAG_COLUMNS = frozenset({"relevant", "registered"})
REPRINT = ("оригинал", "перепечатка")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь")


def column(name: str) -> str:
    return COLUMNS.get(name, name)


def param(name: str) -> str:
    return PARAMS.get(name, name)


def lookup(key: str, display: str) -> str:
    return LOOKUPS.get(key, display)


def month_label(value: str) -> str | None:
    """«2025-10» → «октябрь 2025»; None for anything else."""
    try:
        day = dt.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return None
    return f"{MONTHS[day.month - 1]} {day.year}"


def date_label(value: str) -> str | None:
    """«2025-10-02» → «02.10.2025» (with the time for a timestamp); None for anything else."""
    try:
        when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(str(value)) <= 10:
        return when.strftime("%d.%m.%Y")
    return when.strftime("%d.%m.%Y %H:%M")


def list_label(value: str) -> str | None:
    """A JSON array of strings → «a, b, c» («—» when empty); None when it is not one."""
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return None
    return ", ".join(items) if items else "—"


def cell(name: str, value: Any) -> str | None:
    """How a cell of column `name` reads in Russian; None to leave Datasette's rendering."""
    if value is None or isinstance(value, bytes):
        return None
    if name in LIST_COLUMNS and isinstance(value, str) and value.startswith("["):
        return list_label(value)
    if name == "month" and isinstance(value, str):
        return month_label(value)
    if name in DATE_COLUMNS and isinstance(value, str):
        return date_label(value)
    if name in DATETIME_COLUMNS and isinstance(value, str) and value[:4].isdigit():
        return date_label(value)
    if name in FLAG_COLUMNS and value in (0, 1):
        return "да" if value else "нет"
    if name == "reprint" and value in (0, 1):
        return REPRINT[value]
    return None


def facet_value(name: str, value: Any) -> str:
    """A facet's value as a reader sees it (months and yes/no; the rest as is)."""
    if value in (None, ""):
        return "—"
    if name == "month":
        return month_label(str(value)) or str(value)
    if name in FLAG_COLUMNS and str(value) in ("0", "1"):
        return "да" if str(value) == "1" else "нет"
    if name == "reprint" and str(value) in ("0", "1"):
        return REPRINT[int(value)]
    return str(value)


def plural(n: int, one: str, few: str, many: str) -> str:
    """«1 материал», «3 материала», «5 материалов»."""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        word = one
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = few
    else:
        word = many
    return f"{n:,}".replace(",", "\u00a0") + f" {word}"
