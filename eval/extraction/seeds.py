"""The five real seed articles (/work/shared/seeds) rebuilt as HTML pages with their boilerplate.

The seeds are the text content of real pages; each page here puts that text back in plausible
markup, with the widgets, related blocks and footers in the positions the text shows them.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from templates import e

SEEDS = Path("/work/shared/seeds")


def _gold_span(text: str, label: dict) -> list[str]:
    start = text.index(label["main_text_starts"])
    end = text.index(label["main_text_ends"], start) + len(label["main_text_ends"])
    return [line.strip() for line in text[start:end].split("\n") if line.strip()]


def _head(title: str, extra: str = "") -> str:
    return f'<head><meta charset="utf-8"><title>{e(title)}</title>{extra}</head>'


def seed_000(text: str, paras: list[str]) -> str:
    title_cut = text.split("\n")[0]
    tail = text[text.index("Ещё новости о событии:") :].split("По теме")
    event = [line for line in tail[0].split("\n")[1:] if line.strip()]
    topic = [line for line in tail[1].split("\n") if line.strip()]
    event_html = "".join(
        f'<div class="ev"><a href="#">{e(event[i])}</a><div class="src">{e(event[i + 1])}</div></div>'
        for i in range(0, len(event) - 1, 2)
    )
    topic_html = "".join(
        f'<div class="smi-item"><a href="#">{e(topic[i])}</a><span>{e(topic[i + 1])}</span></div>'
        for i in range(0, len(topic) - 1, 2)
    )
    meta = '<meta property="article:published_time" content="2018-05-30T12:10:00+10:00">'
    return f"""<!DOCTYPE html><html>{_head(title_cut + " - Новости Хабаровского края", meta)}
<body><div class="top"><a href="/">Новости Хабаровского края</a> <a href="/rss">RSS</a></div>
<div class="main"><h1>{e(title_cut)}</h1>
<div class="news-body"><div class="img"><img src="/photo.jpg"><br><i>Фото: deti.khv.ru</i></div>
{"".join(f"<p>{e(p)}</p>" for p in paras)}</div>
<div class="event"><h3>Ещё новости о событии:</h3>{event_html}</div>
<div class="pt">&nbsp;<h3>По теме</h3>{topic_html}</div></div></body></html>"""


def seed_001(text: str, paras: list[str], title: str) -> str:
    partners = [
        line.strip() for line in text.split("sv-consult-nsk")[0].split("\n")[-16:] if line.strip()
    ]
    body = "".join(f"<p>{e(p)}</p>" for p in paras[:-1])
    return f"""<!DOCTYPE html><html>{_head(title + " | Пенсионеры НСО")}
<body><div class="header"><div class="weather">0.61°C</div><a class="eye" href="#"><img alt="eye1" src="/eye.png"></a>
<div class="today">17 апреля 2024</div><div class="menu"><a href="/">Главная</a> <a href="/news">Новости</a></div></div>
<div class="container"><h1 class="news-title">{e(title)}</h1>
<div class="news-text">{body}<p style="text-align:right"><strong>{e(paras[-1])}</strong></p></div>
<p><br></p><div class="share">Поделиться в социальных сетях: <a href="#">VK</a></div></div>
<div class="footer"><p>Свидетельство о регистрации СМИ Эл № ФС77-60021 от 21.11.2014 г.</p>
<p>Использование материалов, опубликованных на сайте, допускается с обязательной ссылкой. Редакция не несет ответственности за достоверность информации, содержащейся в рекламных материалах. Мнение редакции не всегда совпадает с мнением авторов первого интернет-портала для пенсионеров НСО.</p>
<div class="partners">{"".join(f'<a href="#"><img src="/p.png" alt="{e(p)}"></a>{e(p)} ' for p in partners)}sv-consult-nsk</div></div>
</body></html>"""


def seed_002(text: str, paras: list[str], title: str) -> str:
    days = "".join(f"<td>{d}</td>" for d in range(1, 32))
    return f"""<!DOCTYPE html><html>{_head(title + " — Астраханские новости")}
<body><div id="left"><div class="cal"><h4>Календарь</h4><p>Май 2024</p><table><tr>{days}</tr></table>
<span>&nbsp;&nbsp;&nbsp;|&nbsp;&nbsp;<a href="#">→</a></span></div></div>
<div id="center"><div class="item"><div class="item-date">11:04, 23.07.2015</div>
<h1>{e(title)}</h1>
<div class="item-text">{"".join(f"<p>{e(p)}</p>" for p in paras)}</div>
<div class="item-views">просмотров: 160</div></div>
<div class="accr"><h4>Аккредитация</h4><p>Компания или частное лицо может получить аккредитацию для публикации новостей на нашем портале.</p></div></div>
</body></html>"""


def seed_003(text: str, paras: list[str], title: str) -> str:
    earlier = [line for line in text.split("Ранее мы писали:")[1].split("\n") if line.strip()]
    meta = '<meta property="article:published_time" content="2024-11-13T12:40:00+07:00">'
    items = "".join(
        f'<div class="post-item"><span class="post-date">{14 + i // 2} ноября 2024</span>'
        f'<a href="#">{e(x)}</a></div>'
        for i, x in enumerate(earlier)
    )
    return f"""<!DOCTYPE html><html>{_head(title + " - Новосибирские новости", meta)}
<body><div class="site-top"><a href="/">Новосибирские новости</a><div class="menu"><a href="/">Главная</a> <a href="/obshchestvo">Общество</a></div></div>
<div class="single"><h1 class="single-title">{e(title)}</h1>
<div class="single-content">{"".join(f"<p>{e(p)}</p>" for p in paras)}</div>
<div class="earlier"><p><strong>Ранее мы писали:</strong></p>{items}</div></div></body></html>"""


def seed_004(text: str, paras: list[str], title: str) -> str:
    return f"""<!DOCTYPE html><html>{_head(title + " - Администрация Уссурийского городского округа")}
<body><div class="hdr"><a href="/">Администрация Уссурийского городского округа</a>
<ul class="nav"><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li></ul></div>
<div class="page"><div class="news-full"><h1>{e(title)}</h1>
<div class="news-full-text">{"".join(f"<p>{e(p)}</p>" for p in paras)}</div>
<div class="news-full-info">12.02.2024 года | 304 просмотра</div></div></div></body></html>"""


CRAWL = {
    "000": datetime.datetime(2024, 3, 28, 9, 0),
    "001": datetime.datetime(2024, 4, 17, 9, 0),
    "002": datetime.datetime(2024, 5, 17, 9, 0),
    "003": datetime.datetime(2024, 11, 20, 9, 0),
    "004": datetime.datetime(2024, 3, 28, 9, 0),
}


def build_seeds() -> list[tuple[str, str, dict]]:
    """(file name, html, gold) for each seed."""
    labels = json.loads((SEEDS / "labels.json").read_text("utf-8"))
    out = []
    for label in labels:
        key = label["file"][:3]
        text = (SEEDS / label["file"]).read_text("utf-8").replace("\xa0", " ")
        paras = _gold_span(text, label)
        title = label["title"]
        builders = {
            "000": seed_000,
            "001": seed_001,
            "002": seed_002,
            "003": seed_003,
            "004": seed_004,
        }
        page = builders[key](text, paras) if key == "000" else builders[key](text, paras, title)
        gold = {
            "title": title,
            "published": label["published"],
            "crawl_time": CRAWL[key].isoformat(),
            "text": "\n\n".join(paras),
            "cms": "seed",
        }
        out.append((f"seed_{key}.html", page, gold))
    return out
