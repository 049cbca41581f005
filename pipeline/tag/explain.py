"""Why an article is (ir)relevant and about which regions, orgs and projects: the taggers' own
trace (pipeline.tag.trace, filled by run.tag_traced) turned into sentences and rules in Russian.

Nothing here decides anything: the verdicts are the TagResult of the same run that crawl uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from pipeline.tag.own_work import with_source
from pipeline.tag.regions import attribution as attr
from pipeline.tag.regions.gazetteer import region_by_iso
from pipeline.tag.run import TagConfig, TagResult, load_tag_config, tag_traced
from pipeline.tag.trace import MentionStep, Span

SENTENCE_CHARS = 300

RULES: dict[str, str] = {
    # a region mention
    "title": f"в заголовке (вес {attr.TITLE_WEIGHT:g})",
    "lead": f"в лиде (вес {attr.LEAD_WEIGHT:g})",
    "body": f"в тексте (вес {attr.BODY_WEIGHT:g})",
    "related_block": "в блоке связанных новостей («Читайте также», «Ранее мы писали») — не в счёт",
    "far_small_town": "небольшой город далёкого региона, а сам регион в тексте не назван — скорее "
                      "одноимённое место рядом; не учитывается",
    "credit_line": "в подписи («Фото: …», «Источник: …») — не в счёт",
    "ambiguous": "неоднозначный топоним ({candidates}): текст не указывает, какой из них, — "
                 "оставлен без региона",
    "shared_district": "такое название района есть и в других местах ({candidates}); его субъект "
                       "в тексте не назван — оставлен без региона",
    "initials": "сокращение названия субъекта по начальным буквам («РТ», «ХМАО»)",
    "initials_unresolved": "сокращение по начальным буквам, которое может значить {candidates} "
                           "или вовсе не регион; текст не указывает, какой субъект, — не в счёт",
    "resolved_by_context": "неоднозначное название, выбрано по контексту (регион издания, "
                           "другие места в тексте, федеральный округ соседей по перечню)",
    "expert_origin": "откуда приглашённый специалист («психолог из Москвы») — вес "
    f"×{attr.VENUE_FACTOR:g}",
    "origin": f"откуда приехали гости («коллеги из …», «делегация из …») — вес ×{attr.VENUE_FACTOR:g}",
    "biography": "место из жизни человека («родилась в …», «уехал на заработки в …») — вес "
    f"×{attr.VENUE_FACTOR:g}",
    "route": f"место на пути («ехали до Бийска», «поездом через Новосибирск») — вес ×{attr.VENUE_FACTOR:g}",
    "venue_local": f"место проведения события («на форуме в …») — вес ×{attr.VENUE_FACTOR:g}",
    "venue_national": f"площадка всероссийского события — вес ×{attr.VENUE_FACTOR:g}",
    "list": f"в перечне трёх и более регионов — вес ×{attr.LIST_FACTOR:g}",
    "headline": "в короткой строке без точки после лида (заголовок другой новости, подпись) — "
                f"вес ×{attr.HEADLINE_FACTOR:g}",
    # a region's outcome
    "home_region": f"регион издания — вес ×{attr.HOME_FACTOR:g}",
    "reprint_home": "перепечатка: подпись называет, откуда текст («Перепечатываем с разрешения … "
                    "(Новосибирск)»), и его места без региона — места того региона, а не региона издания",
    "home_local_district": "других мест не названо, а район или село названы по имени — место в регионе издания",
    "home_local_voice": (
        "регион не назван (или все названные места — лишь гости, место проведения, сравнение), "
        "а текст говорит о своём («наш», «у нас», район, улица, администрация города) и "
        "ни о чём федеральном (министерства, законы, «в России», единое пособие) — регион издания"
    ),
    "only_venue": "назван только как место проведения — не в счёт",
    "below_min": f"вес ниже порога {attr.MIN_SCORE:g} (одного упоминания в тексте мало)",
    "below_share": f"вес меньше {attr.MIN_SHARE:.0%} веса главного региона статьи",
    "over_limit": f"сверх предела в {attr.MAX_REGIONS} региона, выбранных по весу (члены "
                  "перечня, где о каждом сказано, не ограничены)",
    "predicated_list": "перечень, где о каждом регионе сказано своё («Прикамье — …; Башкирия — …»): "
                       "учитывается каждый",
    "shared_predicate": "перечень регионов с общим сказуемым («{word}»): весь перечень — его "
                        "участник (кто, кому, что, где), поэтому учитывается каждый",
    "joint_event": "перечень регионов, чьи представители встречаются («{word}»): каждый регион "
                   "— участник встречи",
    "counted": "текст сам считает регионы («четырёх областей», «все три делегации») и называет "
               "ровно столько: учитывается каждый",
    "overview": "обзор: регион открывает предложение («В … области …»), ни один регион не "
                "выделяется",
    "sections": "обзор по разделам: регион открывает свой абзац",
    "host": "принимающий регион события, остальные лишь перечислены",
    "home_adjectives": (
        "регион не назван (или назван лишь мимоходом), но есть «краевое/областное …», «в "
        "республике» — это регион издания"
    ),
    "clause_review": "обзор регионов: в абзаце три и более субъекта, и о каждом своё предложение "
                     "(«Костромская область устроила …», «во Владимирской области открыли …») "
                     "или три и более абзаца, каждый о победителе конкурса из своего региона или о том, что "
                     "сделал регион, которым абзац открывается",
    "home_voice": "в тексте не назван ни один субъект, а источник — голос органа или организации "
                  "своего региона (министерство, фонд, уполномоченный, Telegram-канал): материал "
                  "о регионе издания",
    "own_body": "источник — сайт организации этого региона, и материал о её собственном участии "
                "(«{word}»): её регион учитывается наряду с названными",
    "own_people": "заголовок от первого лица («{word}»): участвуют люди источника из этого "
                  "региона, он учитывается наряду с названными",
    "own_people_home": "в лиде издание говорит о своих («наша команда», «я»), и текст называет их "
                       "регион: он в счёт рядом с другой стороной",
    "own_people_at_venue": "издание говорит о своих («нашего центра», «мы»), а названо только "
    "место события — материал о регионе издания",
    "local_venue_subject": "место местного события и есть его предмет («В Уссурийске прошёл "
                           "фестиваль»)",
    # orgs
    "alias": "название или псевдоним из справочника организаций",
    "quote": "название в кавычках после слова «фонд», «центр» и т. п.",
    "government": "орган власти, названный по своему региону («министерство … области»)",
    "ombudsman": "уполномоченный по правам ребёнка в регионе",
    "ner": "распознано моделью Natasha как организация",
    "company": "распознано моделью Natasha, но это коммерческая компания — не учитывается",
    "bare_org": "одно слово («Фонд», «Правительство») никого не называет — не учитывается",
    "not_org_kind": "распознано моделью Natasha, но не начинается словом вида «фонд», «центр», "
                    "«министерство» — не учитывается",
    # projects
    "not_project": "в кавычках после слова «фонд», «центр», «форум», «закон» и т. п. — это не "
                   "проект",
    "quoted_registered": "в кавычках; проект из реестра фонда",
    "quoted": "название в кавычках после слова «проект», «программа» и т. п.",
    "bare_registered": "название проекта из реестра фонда без кавычек",
    "bare": "повтор названного ранее проекта",
}


def rule_text(code: str, candidates: tuple[str, ...] = ()) -> str:
    """A rule's sentence; a code may carry its word after a colon («shared_predicate:получить»)."""
    code, _, word = code.partition(":")
    names = ", ".join(region_by_iso(iso).name for iso in candidates) or "—"
    return RULES.get(code, code).format(candidates=names, word=word)


def sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end]."""
    lo = max((m.end() for m in re.finditer(r"[.!?…]\s+|\n", text[:start])), default=0)
    found = re.search(r"[.!?…](?=\s|$)|\n", text[end:])
    hi = end + found.end() if found else len(text)
    out = " ".join(text[lo:hi].split())
    return out if len(out) <= SENTENCE_CHARS else out[: SENTENCE_CHARS - 1] + "…"


def _where(text: str, title: str, start: int, end: int, in_title: bool) -> dict:
    source = title if in_title else text
    return {"text": source[start:end], "sentence": sentence(source, start, end),
            "in_title": in_title}


def _mention(text: str, title: str, step: MentionStep) -> dict:
    out = _where(text, title, step.start, step.end, step.in_title_field)
    out["rules"] = [rule_text(code, step.candidates) for code in step.rules]
    out["weight"] = round(step.weight, 3)
    return out


def explain_text(
    text: str, title: str = "", home_iso: str | None = None, config: TagConfig | None = None,
    *, home_voice: bool = False, source_names: Sequence[str | None] = (),
    republished: bool = False,
) -> tuple[TagResult, dict]:
    """Tag as the crawl does and say why: (the verdicts, the explanation). ``home_voice``: the
    source speaks for its region (newsmon.sources.voice), as the crawl passes it;
    ``source_names``: the source's own names (pipeline.tag.own_work)."""
    config = config or load_tag_config()
    result, doc = tag_traced(text, title=title, home_region_iso=home_iso, config=config)
    read = with_source(result, text, title, home_iso, source_names, config.topics,
                       home_voice=home_voice, republished=republished)
    work, home_added, own_rule = read.work, read.home_added, read.own_rule
    trace = doc.trace
    assert trace is not None
    topics = {t.name: t.query for t in config.topics}
    relevance = {
        "relevant": result.relevant,
        "topics": [
            {"name": name, "query": topics.get(name),
             "sentences": list(dict.fromkeys(
                 sentence(title if in_title else text, s, e) for s, e, in_title in found))[:3]}
            for name, found in trace.topics.items()
        ],
        "excluded_by_not": [
            {"name": name, "query": topics.get(name),
             "sentences": list(dict.fromkeys(
                 sentence(title if in_title else text, s, e) for s, e, in_title in found))[:3]}
            for name, found in trace.topics_excluded.items()
        ],
        "own_work": None if work is None else {
            "source_name": work.name, "topics": work.topics, "word": work.word,
            "sentence": sentence(f"{title}\n{text}", *_word_span(f"{title}\n{text}", work.word)),
        },
    }
    steps_by_iso: dict[str | None, list[MentionStep]] = {}
    for step in trace.regions.mentions:
        steps_by_iso.setdefault(step.iso, []).append(step)
    regions: list[dict[str, Any]] = []
    for iso, out in sorted(trace.regions.outcomes.items(),
                           key=lambda kv: (not kv[1].chosen, -kv[1].score, kv[0])):
        regions.append({
            "iso": iso, "region": region_by_iso(iso).name, "attributed": out.chosen,
            "score": out.score, "mentions": out.mentions,
            "rules": [rule_text(code) for code in dict.fromkeys(out.rules)],
            "sentences": [_mention(text, title, s) for s in steps_by_iso.get(iso, [])],
        })
    if own_rule is not None:
        own_text = rule_text(own_rule)
        entry = next((r for r in regions if r["iso"] == home_iso), None)
        if entry is None:
            regions.append({"iso": home_iso, "region": region_by_iso(str(home_iso)).name,
                            "attributed": True, "score": 0.0, "mentions": 0, "rules": [own_text],
                            "sentences": []})
        else:
            entry["attributed"] = True
            entry["rules"].append(own_text)
    if home_added:
        hit = result.regions[0]
        regions.append({"iso": hit.iso, "region": hit.region, "attributed": True, "score": 0.0,
                        "mentions": hit.mentions, "rules": [rule_text("home_voice")],
                        "sentences": []})
    left_out = [_mention(text, title, s) for s in steps_by_iso.get(None, [])]
    return result, {
        "relevance": relevance,
        "regions": regions,
        "regions_left_out": left_out,
        "regions_decided_by": [rule_text(code) for code in trace.regions.decided_by]
                              + ([rule_text("home_voice")] if home_added else []),
        "orgs": _named(text, title, [(o.name, o.mentions) for o in result.orgs], trace.orgs),
        "projects": _named(
            text, title, [(p.name, p.mentions) for p in result.projects], trace.projects
        ),
        "orgs_left_out": _left_out(text, title, trace.orgs_left_out),
        "projects_left_out": _left_out(text, title, trace.projects_left_out),
        "related_block": " ".join(text[doc.main_end:].split())[:SENTENCE_CHARS] or None,
        "labels": {name: list(labels) for name, labels in result.labels.items()},
        "tones": list(result.extras.get("tones", ())),  # the tone tagger's per-object tones
    }


def _word_span(text: str, word: str) -> tuple[int, int]:
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    return (match.start(), match.end()) if match else (0, 0)


def _left_out(text: str, title: str, spans: list[Span]) -> list[dict]:
    return [
        {**_where(text, title, s.start, s.end, s.in_title_field), "text": s.name,
         "rule": rule_text(s.rule)}
        for s in spans
    ]


def _named(text: str, title: str, found: list[tuple[str, int]], spans: list[Span]) -> list[dict]:
    by_name: dict[str, list[Span]] = {}
    for span in spans:
        by_name.setdefault(span.name, []).append(span)
    return [
        {
            "name": name, "mentions": n,
            "sentences": [
                {**_where(text, title, s.start, s.end, s.in_title_field),
                 "rule": rule_text(s.rule)}
                for s in by_name.get(name, [])
            ][:5],
        }
        for name, n in found
    ]


def verdicts(result: TagResult) -> dict[str, Any]:
    """The stored shape of a TagResult's decisions, to compare with the database."""
    return {
        "relevant": result.relevant,
        "regions": sorted(r.iso for r in result.regions),
        "orgs": sorted(o.name for o in result.orgs),
        "projects": sorted(p.name for p in result.projects),
        "topics": sorted(result.topics),
        **{f"label:{name}": sorted(labels) for name, labels in result.labels.items()},
    }
