"""The digest's sentences in Russian, from its data: lead, highlights (ties said as ties),
comparison named plainly, how monitoring ran, methods. Plain text: the template escapes it and
digest/typography.py adds the non-breaking spaces.
"""

from __future__ import annotations

from digest.build import DigestData
from digest.text import (
    MONTHS_GEN,
    WORDS,
    compared_with,
    number,
    percent,
    period_in,
    plural,
    plural_form,
    ru_date,
    upper_first,
)


def _names(items: list[str], quote: bool = False) -> str:
    """«A, B и C»."""
    items = [f"«{i}»" if quote else i for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} и {items[-1]}"


def _in(n: int, word: str) -> str:
    """«в 4 изданиях», «в 1 материале»."""
    return f"в {number(n)} {plural_form(n, WORDS[word + '_prep'])}"


class Wording:
    def __init__(self, data: DigestData) -> None:
        self.d = data
        self._reprints = {g["first"]["story_id"]: g["reprints"] for g in data.appendix}

    # -- the period ---------------------------------------------------------------------------
    @property
    def period_in(self) -> str:
        return period_in(self.d.period)

    @property
    def compared(self) -> str:
        return compared_with(self.d.previous)

    @property
    def period_span(self) -> str:
        """«1–31 октября 2025 года»: the days, so a reader sees the month's length."""
        s, e = self.d.period.start, self.d.period.end
        if (s.year, s.month) == (e.year, e.month):
            days = f"{s.day}–{e.day}" if s != e else f"{s.day}"
            return f"{days} {MONTHS_GEN[s.month - 1]} {s.year} года"
        return f"{self.d.period.label} года"

    @property
    def previous_label_ins(self) -> str:
        """«в сентябре 2025 года» — what «было» refers to."""
        return period_in(self.d.previous) if self.d.previous.is_month else (
            f"за {self.d.previous.label} года")

    @property
    def previous_label_nom(self) -> str:
        return f"{self.d.previous.label} года"

    # -- the lead -----------------------------------------------------------------------------
    @property
    def lede(self) -> str:
        t, f = self.d.totals, self.d.foundation
        outlets = _in(t["outlets"], "издание")
        first = (f"{upper_first(self.period_in)} региональные СМИ опубликовали "
                 f"{plural(t['materials'], 'материал')} о поддержке семьи и детства "
                 f"{outlets}: {plural(t['stories'], 'сюжет')} и "
                 f"{plural(t['reprints'], 'перепечатка')}.")
        before = period_in(self.d.previous)
        if f.get("materials"):
            share = percent(f["materials"], t["materials"])
            second = (f"Из них о Фонде и его проектах — {number(f['materials'])} ({share}); "
                      f"{before} — {number(f['previous'])}.")
        else:
            earlier = f.get("previous", 0)
            second = "Материалов о Фонде и его проектах в этом периоде нет" + (
                f"; {before} их было {number(earlier)}." if earlier else ".")
        regions = ""
        if t["regions"]:
            where = plural_form(t["regions"], ("регионе", "регионах", "регионах"))
            regions = f" Речь в них идёт о {number(t['regions'])} {where}."
        return f"{first} {second}{regions}"

    @property
    def lede_short(self) -> str:
        t, f = self.d.totals, self.d.foundation
        return (f"{plural(t['materials'], 'материал')}, из них о Фонде и его проектах — "
                f"{number(f.get('materials', 0))}; {plural(t['stories'], 'сюжет')}, "
                f"{plural(t['regions'], 'регион')}")

    # -- highlights (ties kept) ---------------------------------------------------------------
    @property
    def highlights(self) -> list[str]:
        d, out = self.d, []
        regions = d.leaders.get("regions", [])
        if len(regions) == 1:
            r = regions[0]
            out.append(f"Больше всего материалов — {r['region']}: "
                       f"{plural(r['materials'], 'материал')} "
                       f"({percent(r['materials'], d.totals['materials'])} всех).")
        elif len(regions) > 1:
            n = regions[0]["materials"]
            out.append(f"Больше всего материалов, поровну — по {plural(n, 'материал')} — у "
                       f"{len(regions)} регионов: {_names([r['region'] for r in regions[:5]])}"
                       f"{' и других' if len(regions) > 5 else ''}.")
        if d.growth and len(regions) == 1 and d.growth["iso"] != regions[0]["iso"]:
            g = d.growth
            out.append(f"Сильнее всего выросло число материалов: {g['region']} "
                       f"({g['materials']}, было {g['change']['previous']}).")
        stories = d.leaders.get("stories", [])
        if len(stories) == 1:
            s = stories[0]
            places = [m["outlet"] for m in self._reprints.get(s["story_id"], [])]
            out.append(f"Больше всего перепечаток — у сюжета «{s['title'] or s['url']}» "
                       f"({s['outlet']}): {plural(s['reprints'], 'перепечатка')}"
                       f"{' — ' + _names(sorted(set(places))) if places else ''}.")
        elif len(stories) > 1:
            n = stories[0]["reprints"]
            titles = [s["title"] or s["url"] for s in stories[:3]]
            out.append(f"Поровну перепечатывали {plural(len(stories), 'сюжет')}, по "
                       f"{plural(n, 'перепечатка').replace('перепечатка', 'перепечатке')}: "
                       f"{_names(titles, quote=True)}{' и другие' if len(stories) > 3 else ''}.")
        orgs = d.leaders.get("orgs", [])
        if len(orgs) == 1:
            o = orgs[0]
            out.append(f"Чаще других упоминается {o['org']} — {_in(o['materials'], 'материал')}.")
        elif len(orgs) > 1:
            out.append(f"Чаще других, поровну — {_in(orgs[0]['materials'], 'материал')} — "
                       f"упоминаются {_names([o['org'] for o in orgs[:4]])}"
                       f"{' и другие' if len(orgs) > 4 else ''}.")
        kinds = d.kinds
        if len(kinds) > 1 or any(k["kind"] != "web" for k in kinds):
            parts = [f"{k['name']} — {number(k['materials'])}" for k in kinds]
            out.append(f"Откуда материалы: {', '.join(parts)}.")
        return out

    def reprints(self, story_id: int) -> list[dict]:
        return self._reprints.get(story_id, [])

    def appendix_rest(self, shown: int) -> int:
        return sum(1 + len(g["reprints"]) for g in self.d.appendix[shown:])

    # -- the 12-month trend -------------------------------------------------------------------
    @property
    def trend_alt(self) -> str:
        months = ", ".join(f"{m['label']} {m['period'].start.year % 100:02d} — {number(m['materials'])}"
                           for m in self.d.trend)
        return f"Материалы по месяцам: {months}."

    # -- monitoring -----------------------------------------------------------------------------
    @property
    def monitoring_line(self) -> str:
        """How collection ran, so an empty month is not mistaken for a broken crawl."""
        m = self.d.monitoring
        if not m or (not m.get("runs") and not m.get("latest")):
            return "Сведений об обходах изданий в базе нет."
        checked = f"проверено {plural(m['checked'], 'издание')}"
        names = m.get("unreachable_names") or []
        if not names:
            answer = "все ответили"
        elif len(names) == m["checked"]:
            answer = "ни одно не ответило"
        else:
            answer = f"не ответили: {_names(names)}"
        if m.get("runs"):
            return (f"Как шёл сбор: {self.period_in} — {plural(m['runs'], 'обход')}, {checked}, "
                    f"{answer}.")
        return (f"Как шёл сбор: {self.period_in} обходов не было; материалы собраны обходом "
                f"{ru_date(m['latest'])} года: {checked}, {answer}.")

    @property
    def methods(self) -> str:
        d = self.d
        f = d.facts
        parts = [
            f"Источники: {plural(f['sources'], 'источник')} — региональные издания из списка "
            f"мониторинга (сайты, RSS-ленты, карты сайтов, Telegram-каналы)"
            + (f"; материалы по теме нашлись {_in(d.totals['outlets'], 'издание')}"
               if d.totals["outlets"] else "") + ".",
            f"Период — {self.period_span}, по дате публикации; изменения («было») — "
            f"{self.compared}.",
            f"За период прочитано {plural(f['articles'], 'материал')}, из них по теме — "
            f"{number(f['relevant'])}.",
            "Материал — каждая публикация по теме, включая перепечатки; сюжет — группа публикаций "
            "с почти совпадающим текстом; перепечатки — материалы сверх первого в сюжете.",
            "Материал о Фонде — тот, где назван Фонд поддержки детей, находящихся в трудной "
            "жизненной ситуации, или проект из его реестра.",
            "Регион засчитывается, если материал о нём, а не только упоминает его как место "
            "события; один материал может относиться к нескольким регионам.",
        ]
        if f.get("undated"):
            parts.append(f"Материалы без надёжной даты публикации ({number(f['undated'])}) "
                         f"в отчёт не входят.")
        return " ".join(parts)
