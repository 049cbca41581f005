"""Build a Telegram preview host (and the outlets its posts link to) from a channels spec.

    python scripts/build_telegram_sites.py tests/tgsites/channels.yml tests/tgsites       (dev set)
    python scripts/build_telegram_sites.py eval/telegram/blind/channels.yml eval/telegram/blind/sites

The pages copy the layout of `https://t.me/s/<channel>` (2025): a `tgme_channel_info` header, a
`tgme_channel_history` of `tgme_widget_message_wrap` blocks oldest first, each with `data-post`,
the author, an optional forward header, photos, the text (emoji as `<i class="emoji">`, hashtags
as `?q=%23` links), an optional link preview, a poll, and the footer with views and
`<a class="tgme_widget_message_date"><time datetime>`; a `tme_messages_more` link with
`data-before` on top. Service messages carry `service_message`. A channel that does not exist or
is private redirects from /s/<name> to /<name>, a landing page without a preview. The spec says,
per post, what a reader would say about it (`material`, `day` in the channel's local time,
`story`): the gold the evaluation and tests compare with. The generated files are committed.
"""

# ruff: noqa: E501 - page templates read better as the long HTML lines they produce
from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

PAGE_SIZE = 6  # posts per preview page (Telegram shows ~20; fewer here exercises ?before=)
EMOJI_RE = re.compile(
    "([\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*)"
)
TOKEN_RE = re.compile(r"(\[[^\]]+\]\([^)]+\)|(?:https?://|\{\{BASE:[\w.-]+\}\})\S+|#\w+|@\w+)")


def _emoji(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = "".join(f"{ord(c):X}" for c in m.group(1).encode("utf-16", "surrogatepass").decode("utf-16"))
        return (f'<i class="emoji" style="background-image:url(\'//telegram.org/img/emoji/40/{code}.png\')">'
                f"<b>{m.group(1)}</b></i>")

    return EMOJI_RE.sub(one, text)


def _inline(text: str) -> str:
    """Spec text → the preview's markup: [anchor](url) and bare URLs as links, #tags as search
    links, @names as channel links, emoji wrapped, line breaks as <br/>."""
    out = []
    for part in TOKEN_RE.split(text):
        if not part:
            continue
        if part.startswith("[") and "](" in part:
            anchor, url = part[1:-1].split("](", 1)
            out.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{_emoji(html.escape(anchor))}</a>')
        elif part.startswith(("http", "{{BASE")):
            url = part.rstrip(".,;)")
            rest = part[len(url):]
            out.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{html.escape(url)}</a>{html.escape(rest)}')
        elif part.startswith("#"):
            out.append(f'<a href="?q=%23{html.escape(part[1:])}">{html.escape(part)}</a>')
        elif part.startswith("@"):
            out.append(f'<a href="https://t.me/{part[1:]}">{html.escape(part)}</a>')
        else:
            out.append(_emoji(html.escape(part)))
    return "".join(out).replace("\n", "<br/>")


def _post(channel: dict[str, Any], post: dict[str, Any]) -> str:
    name, title = channel["name"], channel["title"]
    data_post = f"{name}/{post['id']}"
    utc = str(post["utc"])
    time_label = utc[11:16]
    if post.get("service"):
        return f"""
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message service_message js-widget_message" data-post="{data_post}" data-view="eyJjIjotMTAwMTIzfQ">
  <div class="tgme_widget_message_bubble"><div class="tgme_widget_message_text js-message_text" dir="auto">{html.escape(post['service'])}</div>
  <div class="tgme_widget_message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/{data_post}"><time datetime="{utc}+00:00" class="time">{time_label}</time></a></span></div></div></div>
</div></div>"""
    parts = [f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/{name}"><span dir="auto">{html.escape(title)}</span></a></div>']
    if fwd := post.get("forward"):
        parts.append(f'<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/{fwd["channel"]}/{fwd["id"]}"><span dir="auto">{html.escape(fwd["name"])}</span></a></div>')
    for k in range(int(post.get("photos", 0))):
        parts.append(f'<a class="tgme_widget_message_photo_wrap {8000 + post["id"] * 10 + k} grouped_media_wrap" href="https://t.me/{data_post}?single" style="width:800px;background-image:url(\'https://cdn4.telesco.pe/file/p{post["id"]}_{k}.jpg\')"><div class="tgme_widget_message_photo" style="padding-top:75%"></div></a>')
    if post.get("text"):
        parts.append(f'<div class="tgme_widget_message_text js-message_text" dir="auto">{_inline(str(post["text"]).rstrip())}</div>')
    if poll := post.get("poll"):
        options = "".join(f'<div class="tgme_widget_message_poll_option"><div class="tgme_widget_message_poll_option_percent">{p}%</div><div class="tgme_widget_message_poll_option_value"><div class="tgme_widget_message_poll_option_text" dir="auto">{html.escape(o)}</div></div></div>'
                          for o, p in zip(poll["options"], [40, 35, 25, 0, 0, 0]))
        parts.append(f'<div class="tgme_widget_message_poll js-poll"><div class="tgme_widget_message_poll_question" dir="auto">{html.escape(poll["question"])}</div><div class="tgme_widget_message_poll_type">Anonymous poll</div><div class="tgme_widget_message_poll_options">{options}</div><div class="tgme_widget_message_poll_votes">120 votes</div></div>')
    if pv := post.get("preview"):
        parts.append(f'<a class="tgme_widget_message_link_preview" href="{html.escape(pv["url"])}"><i class="link_preview_right_image" style="background-image:url(\'https://cdn4.telesco.pe/file/lp{post["id"]}.jpg\')"></i><div class="link_preview_site_name accent_color" dir="auto">{html.escape(pv["site"])}</div><div class="link_preview_title" dir="auto">{html.escape(pv["title"])}</div><div class="link_preview_description" dir="auto">{_inline(pv["description"])}</div></a>')
    parts.append(f'<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_views">{post.get("views", "1.2K")}</span><span class="copyonclick" data-copy="{data_post}">&nbsp;</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/{data_post}"><time datetime="{utc}+00:00" class="time">{time_label}</time></a></span></div></div>')
    body = "\n    ".join(parts)
    return f"""
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="{data_post}" data-view="eyJjIjotMTAwMTIzLCJwIjoiMTIzIn0">
  <div class="tgme_widget_message_user"><a href="https://t.me/{name}"><i class="tgme_widget_message_user_photo bgcolor1" data-content="М"><img src="https://cdn4.telesco.pe/file/{name}.jpg"></i></a></div>
  <div class="tgme_widget_message_bubble"><i class="tgme_widget_message_bubble_tail"><svg class="bubble_icon" width="9px" height="20px" viewBox="0 0 9 20"></svg></i>
    {body}
  </div>
</div></div>"""


def _page(channel: dict[str, Any], posts: list[dict[str, Any]], before: int | None) -> str:
    name, title = channel["name"], channel["title"]
    more = (f'<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/{name}?before={before}" class="tme_messages_more js-messages_more" data-before="{before}"></a></div>'
            if before else "")
    after = (f'<div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/s/{name}?after={posts[-1]["id"]}" class="tme_messages_more js-messages_more" data-after="{posts[-1]["id"]}"></a></div>'
             if posts and posts[-1] is not channel["posts"][-1] else "")
    messages = "".join(_post(channel, p) for p in posts)
    return f"""<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8">
    <title>{html.escape(title)} – Telegram</title>
    <meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0, maximum-scale=1.0, user-scalable=no" />
    <meta property="og:title" content="{html.escape(title)}">
    <meta property="og:image" content="https://cdn4.telesco.pe/file/{name}.jpg">
    <meta property="og:site_name" content="Telegram">
    <meta property="og:description" content="{html.escape(channel.get('about', ''))}">
    <link rel="canonical" href="https://t.me/s/{name}"/>
    <link href="//telegram.org/css/widget-frame.css?72" rel="stylesheet">
    <link href="//telegram.org/css/telegram-web.css?40" rel="stylesheet">
  </head>
  <body class="widget_frame_base tgme_webpreview_body emoji_image nodark">
    <header class="tgme_header search_collapsed"><div class="tgme_header_search"><form class="tgme_header_search_form" action="" method="get"><input type="text" class="tgme_header_search_form_input js-header_search" placeholder="Search" name="q" autocomplete="off"></form></div><a class="tgme_header_link" href="https://t.me/{name}"><div class="tgme_header_title">{html.escape(title)}</div></a></header>
    <aside class="tgme_right_column"><section class="tgme_right_column_content">
      <div class="tgme_channel_info">
        <div class="tgme_channel_info_header"><i class="tgme_page_photo_image bgcolor1"><img src="https://cdn4.telesco.pe/file/{name}.jpg"></i><div class="tgme_channel_info_header_title"><span dir="auto">{html.escape(title)}</span></div><div class="tgme_channel_info_header_username"><a href="https://t.me/{name}">@{name}</a></div></div>
        <div class="tgme_channel_info_counters"><div class="tgme_channel_info_counter"><span class="counter_value">4.1K</span> <span class="counter_type">subscribers</span></div><div class="tgme_channel_info_counter"><span class="counter_value">{len(channel['posts'])}</span> <span class="counter_type">photos</span></div></div>
        <div class="tgme_channel_info_description">{_inline(channel.get('about', ''))}</div>
      </div>
    </section></aside>
    <main class="tgme_main" data-url="https://t.me/s/{name}"><div class="tgme_container">
      <section class="tgme_channel_history js-message_history">{more}{messages}{after}
      </section>
    </div></main>
    <script src="//telegram.org/js/widget-frame.js?66"></script>
  </body>
</html>
"""


def _landing(name: str, title: str | None) -> str:
    """t.me/<name> of a user, a private or a missing channel: no `tgme_channel_history`."""
    head = html.escape(title or f"Telegram: Contact @{name}")
    extra = (f'<div class="tgme_page_title"><span dir="auto">{html.escape(title)}</span></div>'
             if title else "")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{head}</title><meta property="og:title" content="{head}"><meta property="og:site_name" content="Telegram"></head>
<body class="no_transition"><div class="tgme_page_wrap"><div class="tgme_head_wrap"><div class="tgme_head"><a href="//telegram.org/" class="tgme_head_brand">Telegram</a></div></div>
<div class="tgme_body_wrap"><div class="tgme_page">{extra}<div class="tgme_page_description">If you have <strong>Telegram</strong>, you can contact <a class="tgme_username_link" href="tg://resolve?domain={name}">@{name}</a> right away.</div>
<div class="tgme_page_action"><a class="tgme_action_button_new shine" href="tg://resolve?domain={name}">Send Message</a></div></div></div></div></body></html>
"""


def _article(outlet: dict[str, Any], art: dict[str, Any]) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in art["body"])
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>{html.escape(art['title'])} | {html.escape(outlet['title'])}</title>
<meta property="og:title" content="{html.escape(art['title'])}"><meta property="article:published_time" content="{art['date']}T10:00:00+03:00"></head>
<body><header><a href="/">{html.escape(outlet['title'])}</a></header>
<main><article><h1>{html.escape(art['title'])}</h1><time datetime="{art['date']}">{art['date']}</time>
{paras}
</article></main><footer>© {html.escape(outlet['title'])}</footer></body></html>
"""


def _feed(outlet: dict[str, Any]) -> str:
    items = "".join(
        f"<item><title>{html.escape(a['title'])}</title><link>{{{{BASE}}}}{a['path']}</link>"
        f"<pubDate>{a['date']}</pubDate></item>" for a in outlet["articles"]
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{html.escape(outlet["title"])}</title>'
            f"<link>{{{{BASE}}}}/</link>{items}</channel></rss>\n")


def build(spec_path: Path, out: Path) -> None:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    host = spec.get("host", "tme")
    root = out / host
    if root.exists():
        shutil.rmtree(root)
    public = root / "public"
    (public / "s").mkdir(parents=True)
    site: dict[str, Any] = {
        "name": host, "ignore_unknown_query": False,
        "telegram": {c["name"]: c["region"] for c in spec["channels"]},
        "telegram_titles": {c["name"]: c["title"] for c in spec["channels"] if c.get("title")},
        "redirects": {}, "flaky": {}, "flaky_status": 429, "retry_after": {},
    }
    for channel in spec["channels"]:
        name = channel["name"]
        if channel.get("missing") or channel.get("private"):
            site["redirects"][f"/s/{name}"] = {"to": f"/{name}", "code": 302}
            (public / f"{name}.html").write_text(_landing(name, channel.get("private")), encoding="utf-8")
            continue
        posts = sorted(channel["posts"], key=lambda p: p["id"])
        channel["posts"] = posts
        pages = [posts[max(0, end - PAGE_SIZE):end] for end in range(len(posts), 0, -PAGE_SIZE)]
        for k, page in enumerate(pages):
            before = page[0]["id"] if k + 1 < len(pages) else None
            file = f"s/{name}.html" if k == 0 else f"s/{name}@before={pages[k - 1][0]['id']}.html"
            (public / file).write_text(_page(channel, page, before), encoding="utf-8")
        if channel.get("rate_limited"):
            site["flaky"][f"/s/{name}"] = int(channel["rate_limited"])
            site["retry_after"][f"/s/{name}"] = "1"
    for key in ("redirects", "flaky", "retry_after", "telegram_titles"):
        if not site[key]:
            del site[key]
    comment = f"# Telegram preview host built by scripts/build_telegram_sites.py from {spec_path.name}; do not edit.\n"
    (root / "site.yml").write_text(comment + yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for outlet in spec.get("outlets", []):
        oroot = out / outlet["name"]
        if oroot.exists():
            shutil.rmtree(oroot)
        (oroot / "public").mkdir(parents=True)
        (oroot / "site.yml").write_text(
            f"# An outlet whose articles the channels of {spec_path.name} retell.\n"
            + yaml.safe_dump({"name": outlet["name"], "region": outlet["region"], "feeds": ["/rss.xml"]},
                             allow_unicode=True, sort_keys=False), encoding="utf-8")
        (oroot / "public" / "rss.xml").write_text(_feed(outlet), encoding="utf-8")
        (oroot / "public" / "index.html").write_text(
            f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{html.escape(outlet["title"])}</title></head><body><h1>{html.escape(outlet["title"])}</h1></body></html>\n',
            encoding="utf-8")
        for art in outlet["articles"]:
            path = public.parent.parent / outlet["name"] / "public" / art["path"].strip("/") / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_article(outlet, art), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: build.py SPEC.yml OUT_DIR")
    build(Path(sys.argv[1]), Path(sys.argv[2]))
