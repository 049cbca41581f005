"""`newsmon explain`: why a stored article is (ir)relevant and about its regions, orgs and projects
(pipeline/tag/explain.py), with the analysts' corrections (db/corrections.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from newsmon.shell.options import db_option, open_existing_db
from newsmon.shell.options import user_dir as user_dir_for

FIELDS = ("relevant", "regions", "orgs", "projects")


@click.command("explain")
@click.argument("article", metavar="ID|URL")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="Текст для чтения или JSON.")
@click.option("--sources", "sources_path", type=click.Path(path_type=Path), default=None,
              help="sources.yml или папка с topics.yml/orgs.yml/projects.yml аналитика.")
@db_option
def command(article: str, fmt: str, sources_path: Path | None, db_path: Path) -> None:
    """Объяснить разметку сохранённой статьи: почему она (не)релевантна, почему ей приписан
    или не приписан каждый регион, организация и проект — предложения и правило, — и какие
    исправления внесли аналитики (кто, когда, почему; значение разметки и исправленное).

    \b
    Примеры:
      newsmon explain 123
      newsmon explain https://example.ru/news/1 --format json
    """
    from db.article import article_row, find_article_id, stored_verdicts
    from db.corrections import corrections_for, machine_value
    from newsmon.sources.config import outlet_titles
    from newsmon.sources.voice import (
        home_speaking_sources,
        republishes,
        source_names,
        speaks_for_home,
    )
    from pipeline.tag.explain import explain_text, verdicts
    from pipeline.tag.run import load_tag_config

    config = load_tag_config(user_dir_for(sources_path))
    db = open_existing_db(db_path)
    article_id = find_article_id(db, article)
    row = article_row(db, article_id)
    titles = outlet_titles(sources_path)
    voices = home_speaking_sources(db, titles)
    result, why = explain_text(row["text"], row["title"] or "", row["home_iso"], config,
                               home_voice=not republishes(row["links"])
                               and (row["source"] in voices or speaks_for_home(row["kind"], ())),
                               republished=republishes(row["links"]),
                               source_names=source_names(db, titles).get(row["source"], ()))
    corrections = corrections_for(db, article_id)
    corrected = sorted({c["field"] for c in corrections if c["active"]})
    machine = {field: machine_value(db, article_id, field) for field in corrected}
    stored = stored_verdicts(db, article_id, tuple(result.labels))
    now = verdicts(result)
    out = {
        "article": {k: row[k] for k in ("id", "url", "source", "title", "published", "home_iso")},
        "stored": stored,
        "tagger_now": now,
        "changed_since_stored": [
            f for f in now if f not in corrected and stored.get(f) != now[f]
        ],
        **why,
        "corrections": corrections,
        "machine_values": machine,
    }
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(render(out))


def _region(iso: str) -> str:
    from pipeline.tag.regions.gazetteer import region_by_iso

    return region_by_iso(iso).name


def _value(field: str, value: Any) -> str:
    if field == "relevant":
        return "релевантна" if value else "нерелевантна"
    if value is None:
        return "отозвано"
    keys = [row[0] if isinstance(row, list) else row for row in value]
    if field == "regions":
        keys = [_region(k) for k in keys]
    return ", ".join(keys) or "—"


def render(out: dict) -> str:
    a, stored = out["article"], out["stored"]
    lines = [f"Статья #{a['id']} «{a['title'] or ''}»",
             f"{a['url']} · {a['source']} · {a['published'] or 'без даты'}"
             + (f" · регион издания: {_region(a['home_iso'])}" if a["home_iso"] else ""), ""]
    active = {c["field"]: c for c in out["corrections"] if c["active"]}

    def correction_line(field: str) -> list[str]:
        c = active.get(field)
        if c is None:
            return []
        machine = _value(field, out["machine_values"].get(field))
        return [f"  Исправлено аналитиком {c['author']} {c['created'][:10]}: "
                f"{_value(field, c['value'])} (разметка: {machine}); "
                f"причина: {c['reason'] or '—'}"]

    rel = out["relevance"]
    lines.append(f"Релевантность: {_value('relevant', stored['relevant'])}")
    lines += correction_line("relevant")
    own = rel.get("own_work")
    if own:
        topics = ", ".join(f"«{t}»" for t in own["topics"])
        lines.append(f"  Источник — «{own['source_name']}», его название совпадает с темой {topics}; "
                     f"материал о собственной работе организации («{own['word']}»):")
        lines.append(f"    «{own['sentence']}»")
    elif rel["topics"]:
        for topic in rel["topics"]:
            lines.append(f"  Совпала тема «{topic['name']}»"
                         + (f" (запрос: {topic['query']})" if topic["query"] else "") + ":")
            lines += [f"    «{s}»" for s in topic["sentences"]]
    else:
        lines.append("  Ни один запрос тем (topics.yml) не совпал с заголовком и основным текстом "
                     "(блок связанных новостей не учитывается).")
    for topic in rel["excluded_by_not"]:
        lines.append(f"  Тема «{topic['name']}» совпала бы, но её исключает часть запроса с НЕ "
                     f"(запрос: {topic['query']}):")
        lines += [f"    «{s}»" for s in topic["sentences"]]
    lines.append("")
    lines.append(f"Регионы: {_value('regions', stored['regions'])}")
    lines += correction_line("regions")
    for rule in out["regions_decided_by"]:
        lines.append(f"  Правило для статьи: {rule}")
    for region in out["regions"]:
        mark = "+" if region["attributed"] else "−"
        verdict = "приписан" if region["attributed"] else "не приписан"
        rules = "; ".join(region["rules"])
        lines.append(f"  {mark} {region['region']}: {verdict} (вес {region['score']:g}, "
                     f"упоминаний {region['mentions']})" + (f": {rules}" if rules else ""))
        lines += _sentences(region["sentences"])
    if out["regions_left_out"]:
        lines.append("  Не учтены:")
        lines += _sentences(out["regions_left_out"])
    for field, title in (("orgs", "Организации"), ("projects", "Проекты")):
        lines.append("")
        lines.append(f"{title}: {_value(field, stored[field])}")
        lines += correction_line(field)
        for item in out[field]:
            lines.append(f"  + {item['name']} (упоминаний {item['mentions']})")
            for s in item["sentences"]:
                place = "заголовок" if s["in_title"] else "текст"
                lines.append(f"      «{s['sentence']}» ({place}; {s['rule']})")
        left_out = out[f"{field}_left_out"]
        if left_out:
            lines.append("  Не учтены:")
            lines += [f"      «{s['text']}» в «{s['sentence']}» — {s['rule']}" for s in left_out]
    if out["related_block"]:
        lines.append("")
        lines.append("Блок связанных новостей в конце текста не учитывается для тем, организаций "
                     f"и проектов: «{out['related_block'][:80]}…»")
    labels = sorted({*active, *stored} - set(FIELDS) - {"topics"})
    for field in labels:
        lines.append("")
        shown = ", ".join(stored.get(field) or []) or "—"
        lines.append(f"Метки «{field[len('label:'):]}»: {shown}")
        lines += correction_line(field)
        if field == "label:tone" and out["tones"]:
            lines += [f"  {t['object']}: {t['tone']}" + (" (и хвалит, и критикует)"
                                                          if t.get("mixed") else "")
                      for t in out["tones"]]
    if out["changed_since_stored"]:
        names = ", ".join(out["changed_since_stored"])
        lines.append("")
        lines.append(f"Разметка сейчас решила бы иначе, чем сохранено ({names}): "
                     "newsmon retag обновит базу.")
    if out["corrections"]:
        lines.append("")
        lines.append("История исправлений:")
        for c in out["corrections"]:
            state = "действует" if c["active"] else ("отзыв" if c["value"] is None else "заменено")
            lines.append(f"  #{c['id']} {c['created']} {c['author']}: {c['field']} → "
                         f"{_value(c['field'], c['value'])} ({state}); причина: {c['reason'] or '—'}")
    return "\n".join(lines)


def _sentences(items: list[dict]) -> list[str]:
    out = []
    for s in items:
        place = "в заголовке" if s["in_title"] else "в"
        rules = "; ".join(s["rules"])
        out.append(f"      «{s['text']}» {place} «{s['sentence']}» — {rules}")
    return out
