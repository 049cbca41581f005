"""How many real article pages the page-type check would refuse to store, on the public sets.

Usage: .venv/bin/python eval/run_pagetype_public.py

The article-extraction-benchmark is all news articles: every page the check refuses is an
article lost (floor: eval/floors_pagetype_public.json). Trafilatura's set also
holds home, «about» and product pages, so its refusals are listed for reading (dev pages only; the
held-out quarter is counted, never listed). The source's home is taken as the site's root, as
a crawl of the outlet would have it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval.realweb import build, sets  # noqa: E402

FLOORS = ROOT / "eval" / "floors_pagetype_public.json"
# The sets whose gold says which pages hold an article's text.
ARTICLE_TEXT = {"aeb": "text", "trafilatura": "with"}


def refused(page: sets.Page) -> str | None:
    from pipeline.extract.pagetype import non_article_reason

    parts = urlsplit(page.url)
    body = page.html if isinstance(page.html, bytes) else page.html.encode("utf-8")
    return non_article_reason(page.url, f"{parts.scheme}://{parts.netloc}/", body)


def main() -> int:
    if build.main([]) != 0:
        print("run_pagetype_public: the public sets are not available (eval/realweb/README.md)")
        return 1
    floors = json.loads(FLOORS.read_text("utf-8"))
    problems = []
    for set_name, key in ARTICLE_TEXT.items():
        tally = {"dev": [0, 0], "held-out": [0, 0]}
        listed = []
        for page in sets.load(set_name):
            if not page.gold.get(key):
                continue
            part = "held-out" if page.held_out else "dev"
            tally[part][0] += 1
            reason = refused(page)
            if reason:
                tally[part][1] += 1
                if not page.held_out:
                    listed.append(f"    {page.url[:100]}  — {reason}")
        for part, (pages, lost) in tally.items():
            stored = 1 - lost / pages if pages else 1.0
            print(f"{set_name} {part}: {pages} pages with an article's text, {lost} refused, "
                  f"stored {stored:.3f}")
        print("\n".join(listed))
        floor = floors.get(set_name)
        pages, lost = (sum(v[i] for v in tally.values()) for i in (0, 1))
        if isinstance(floor, float) and pages and 1 - lost / pages < floor:
            problems.append(f"{set_name}: stored {1 - lost / pages:.3f} < floor {floor}")
    for problem in problems:
        print(f"FAIL {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
