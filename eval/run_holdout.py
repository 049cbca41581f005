"""Held-out generalization check: extraction and tagging on pages and texts nobody tuned on.

    .venv/bin/python eval/run_holdout.py            # figures + every failure with got/expected
    .venv/bin/python eval/run_holdout.py --quiet    # figures only

Corpus: eval/holdout/ (pages/*.html + gold.json, texts.yml; see its README.md). Prints, per stage:

* extraction (newsmon ``pipeline.extract.cascade.extract`` vs plain trafilatura+htmldate, one run, crawl
  time fixed at CRAWL_TIME): date accuracy, title accuracy, token text P/R/F1 — scored with the
  functions of eval/run_extraction.py; the gold text is the page's visible text from
  ``text_start`` to ``text_end``;
* tagging (``pipeline.tag.run.tag_many``) of the pages' extracted text, of their gold text (to tell
  extraction faults from tagging faults), and of texts.yml: region attribution accuracy (exact
  set), micro region P/R, relevance P/R/F1, named-project P/R and (texts) recall of labelled orgs;
  and once more on all gold texts with paragraph breaks removed (sensitivity to paragraphing).

This is a measurement, not a gate: it exits 0 whatever the figures (non-zero only on a crash).
Nobody should tune pipeline rules on these items; add new held-out items instead.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import lxml.html
import yaml

ROOT = Path(__file__).resolve().parent.parent
for _p in (ROOT, ROOT / "eval"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import run_extraction  # noqa: E402  (its scoring functions: tokens/prf/norm_title, baseline)

HOLDOUT = ROOT / "eval" / "holdout"
CRAWL_TIME = datetime.datetime(2026, 11, 23, 12, 0, tzinfo=datetime.timezone.utc)
TEXT_F1_OK = 0.95  # a page whose text F1 is below this is listed as a failure
_DROP = ("script", "style", "noscript", "template", "head")
_BLOCKS = (
    "p", "div", "br", "li", "th", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section",
    "article", "header", "footer", "blockquote", "figure", "figcaption", "ul", "ol", "table",
    "aside", "nav", "main", "dd", "dt",
)  # fmt: skip


# --- scoring primitives (pure; smoke-tested in tests/test_holdout_runner.py) --------------------


@dataclass
class Counts:
    """True/false positives and negatives; precision/recall are 1.0 when nothing was predicted."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, got: Iterable[str], want: Iterable[str]) -> None:
        got_s, want_s = set(got), set(want)
        self.tp += len(got_s & want_s)
        self.fp += len(got_s - want_s)
        self.fn += len(want_s - got_s)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def visible_text(html: str) -> str:
    """What a reader sees: no head/script/style; one paragraph per block, joined by blank lines."""
    tree = lxml.html.document_fromstring(html)
    for el in list(tree.iter(*_DROP)):
        el.drop_tree()
    for el in tree.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag == "br":
            continue
        el.text = "\n" + (el.text or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in tree.text_content().split("\n"))
    return "\n\n".join(line for line in lines if line)


def gold_text(visible: str, start: str, end: str, exclude: Iterable[str] = ()) -> str:
    """The span of `visible` from the first `start` snippet to the first `end` after it,
    without the paragraphs that contain an `exclude` snippet (an inline ad, an inline link).

    Snippets must each lie within one block (paragraph) of the page."""
    start_n, end_n = (re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip() for s in (start, end))
    i = visible.find(start_n)
    if i < 0:
        raise ValueError(f"text_start not on the page: {start!r}")
    j = visible.find(end_n, i)
    if j < 0:
        raise ValueError(f"text_end not after text_start: {end!r}")
    span = visible[i : j + len(end_n)].split("\n\n")
    for snippet in exclude:
        if not any(snippet in para for para in span):
            raise ValueError(f"text_exclude not inside the gold text: {snippet!r}")
        span = [para for para in span if snippet not in para]
    return "\n\n".join(span)


def project_key(name: str) -> str:
    from pipeline.tag.projects.tagger import canonical_project_name

    return canonical_project_name(name)


def org_found(gold: str, found: Iterable[str]) -> bool:
    """A labelled org counts as found when a found name has the same lemmas, or contains them."""
    from pipeline.lang.morph import lemmatize_phrase

    want = set(lemmatize_phrase(gold))
    return any(want and want <= set(lemmatize_phrase(name)) for name in found)


def region_scores(
    rows: list[tuple[str, list[str], list[str]]],
) -> tuple[float, Counts, list[str]]:
    """(id, got ISOs, gold ISOs) rows -> exact-set accuracy, micro counts, failure lines."""
    micro, ok, fails = Counts(), 0, []
    for item_id, got, want in rows:
        micro.add(got, want)
        if sorted(set(got)) == sorted(set(want)):
            ok += 1
        else:
            extra = sorted(set(got) - set(want))
            missed = sorted(set(want) - set(got))
            fails.append(
                f"{item_id}: regions got {sorted(set(got))} want {sorted(set(want))}"
                f" (extra {extra}, missed {missed})"
            )
    return ok / max(len(rows), 1), micro, fails


# --- corpus ----------------------------------------------------------------------------------


def load_pages() -> dict[str, dict]:
    return json.loads((HOLDOUT / "gold.json").read_text("utf-8"))


def load_texts() -> list[dict]:
    return yaml.safe_load((HOLDOUT / "texts.yml").read_text("utf-8"))["texts"]


def page_html(name: str, gold: dict) -> tuple[bytes, str]:
    """Raw bytes (as a crawler gets them) and the text decoded with the labelled encoding."""
    raw = (HOLDOUT / "pages" / name).read_bytes()
    return raw, raw.decode(gold.get("encoding", "utf-8"))


def corpus_hash() -> str:
    digest = hashlib.sha256()
    for path in [
        HOLDOUT / "gold.json",
        HOLDOUT / "texts.yml",
        *sorted((HOLDOUT / "pages").glob("*.html")),
    ]:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


# --- stages ----------------------------------------------------------------------------------


def score_extraction(
    score: run_extraction.Scores,
    name: str,
    gold: dict,
    want_text: str,
    title: str | None,
    text: str,
    published: datetime.date | None,
    how: str = "",
) -> None:
    score.pages += 1
    want_date = gold["published"]
    got_date = published.isoformat() if published else None
    if got_date == want_date:
        score.date_ok += 1
    else:
        score.failures.append(f"{name}: date got {got_date} want {want_date}{how}")
    if run_extraction.norm_title(title) == run_extraction.norm_title(gold["title"]):
        score.title_ok += 1
    else:
        score.failures.append(f"{name}: title got {title!r} want {gold['title']!r}")
    p, r, f = run_extraction.prf(text, want_text)
    score.precision.append(p)
    score.recall.append(r)
    score.f1.append(f)
    if f < TEXT_F1_OK:
        got, want = run_extraction.tokens(text), run_extraction.tokens(want_text)
        extra = " ".join(list((got - want).elements())[:12])
        missed = " ".join(list((want - got).elements())[:12])
        score.failures.append(
            f"{name}: text P={p:.3f} R={r:.3f} F1={f:.3f}; extra [{extra}] missed [{missed}]"
        )


def run_extraction_stage(
    pages: dict[str, dict],
) -> tuple[dict[str, run_extraction.Scores], dict[str, Any]]:
    from pipeline.extract.cascade import extract

    ours, base = run_extraction.Scores("newsmon"), run_extraction.Scores("trafilatura+htmldate")
    extracted: dict[str, Any] = {}
    crawl_naive = CRAWL_TIME.replace(tzinfo=None)
    for name, g in sorted(pages.items()):
        raw, html = page_html(name, g)
        want_text = gold_text(
            visible_text(html), g["text_start"], g["text_end"], g.get("text_exclude", ())
        )
        g["_gold_text"] = want_text
        res = extract(raw, g["url"], crawl_time=CRAWL_TIME)
        extracted[name] = res
        how = f" [date_method={res.date_method}, text_method={res.text_method}]"
        score_extraction(ours, name, g, want_text, res.title, res.text, res.published, how)
        b = run_extraction.baseline_system(raw, g["url"], crawl_naive)
        score_extraction(base, name, g, want_text, b.title, b.text, b.published)
    return {"newsmon": ours, "baseline": base}, extracted


@dataclass
class TagScore:
    label: str
    items: int = 0
    region_accuracy: float = 0.0
    region_micro: Counts = field(default_factory=Counts)
    relevance: Counts = field(default_factory=Counts)
    projects: Counts = field(default_factory=Counts)
    orgs: Counts = field(default_factory=Counts)  # only fn/tp meaningful: recall of labelled orgs
    failures: list[str] = field(default_factory=list)


def score_tagging(label: str, items: list[dict], results: list[Any]) -> TagScore:
    """items: {id, regions, relevant, projects, orgs?}; results: TagResult in the same order."""
    s = TagScore(label, items=len(items))
    rows = []
    for item, res in zip(items, results):
        iid = item["id"]
        rows.append((iid, [h.iso for h in res.regions], list(item["regions"])))
        s.relevance.add(["y"] if res.relevant else [], ["y"] if item["relevant"] else [])
        if bool(res.relevant) != bool(item["relevant"]):
            s.failures.append(
                f"{iid}: relevant got {bool(res.relevant)} want {item['relevant']}"
                f" (topics {res.topics})"
            )
        got_p = {project_key(h.name) for h in res.projects}
        want_p = {project_key(n) for n in item.get("projects") or []}
        s.projects.add(got_p, want_p)
        if got_p != want_p:
            s.failures.append(
                f"{iid}: projects extra {sorted(got_p - want_p)} missed {sorted(want_p - got_p)}"
            )
        if "orgs" in item:
            names = [o.name for o in res.orgs]
            for org in item["orgs"]:
                if org_found(org, names):
                    s.orgs.tp += 1
                else:
                    s.orgs.fn += 1
                    s.failures.append(f"{iid}: org missed {org!r} (found {names})")
    s.region_accuracy, s.region_micro, region_fails = region_scores(rows)
    s.failures = region_fails + s.failures
    return s


def print_tagging(s: TagScore) -> None:
    print(f"\nTagging — {s.label}: {s.items} items")
    m = s.region_micro
    print(f"  region attribution accuracy (exact set) {s.region_accuracy:.3f}")
    print(
        f"  region micro P/R                         {m.precision:.3f} / {m.recall:.3f}"
        f"  (tp {m.tp}, fp {m.fp}, fn {m.fn})"
    )
    rel = s.relevance
    print(
        f"  relevance P/R/F1                         {rel.precision:.3f} / {rel.recall:.3f} / {rel.f1:.3f}"
        f"  (tp {rel.tp}, fp {rel.fp}, fn {rel.fn})"
    )
    pr = s.projects
    print(
        f"  projects P/R                             {pr.precision:.3f} / {pr.recall:.3f}"
        f"  (tp {pr.tp}, fp {pr.fp}, fn {pr.fn})"
    )
    if s.orgs.tp + s.orgs.fn:
        print(
            f"  labelled orgs recall                     {s.orgs.recall:.3f}  ({s.orgs.tp}/{s.orgs.tp + s.orgs.fn})"
        )


def main(argv: list[str]) -> int:
    from pipeline.tag.run import tag_many

    quiet = "--quiet" in argv
    pages, texts = load_pages(), load_texts()
    libs = ("natasha", "slovnet", "pymorphy2", "trafilatura", "htmldate", "lxml", "dateparser")
    versions = ", ".join(f"{lib} {version(lib)}" for lib in libs)
    print(f"Held-out evaluation: {len(pages)} pages, {len(texts)} texts, corpus {corpus_hash()}")
    print(f"crawl time {CRAWL_TIME.isoformat()}; {versions}")

    ext, extracted = run_extraction_stage(pages)
    print(f"\nExtraction: {len(pages)} pages")
    print(f"{'metric':<16}" + "".join(f"{s.system:>22}" for s in ext.values()))
    for metric in ext["newsmon"].summary():
        print(f"{metric:<16}" + "".join(f"{s.summary()[metric]:>22.3f}" for s in ext.values()))

    names = sorted(pages)
    page_items = [{"id": n, **pages[n]} for n in names]
    got_ext = tag_many(
        [(extracted[n].text, extracted[n].title or "", pages[n].get("home")) for n in names]
    )
    got_gold = tag_many(
        [(pages[n]["_gold_text"], pages[n]["title"], pages[n].get("home")) for n in names]
    )
    got_texts = tag_many([(t["text"], t.get("title") or "", t.get("home")) for t in texts])
    # The same gold texts with paragraph breaks removed, as an extractor that returns one block
    # would deliver them: tagging should not depend on the paragraphing.
    flat_items = page_items + texts
    flat_inputs = [(pages[n]["_gold_text"], pages[n]["title"], pages[n].get("home")) for n in names]
    flat_inputs += [(t["text"], t.get("title") or "", t.get("home")) for t in texts]
    got_flat = tag_many(
        [(" ".join(text.split()), title, home) for text, title, home in flat_inputs]
    )
    tagging = [
        score_tagging("pages, newsmon-extracted text", page_items, got_ext),
        score_tagging("pages, gold text and title (tagging alone)", page_items, got_gold),
        score_tagging("texts.yml", texts, got_texts),
        score_tagging(
            "pages' gold text + texts.yml, paragraph breaks removed", flat_items, got_flat
        ),
    ]
    for s in tagging:
        print_tagging(s)

    if not quiet:
        for s in ext.values():
            print(f"\nFailures — extraction, {s.system} ({len(s.failures)}):")
            print("\n".join(f"  {line}" for line in s.failures) or "  none")
        for t in tagging:
            print(f"\nFailures — tagging, {t.label} ({len(t.failures)}):")
            print("\n".join(f"  {line}" for line in t.failures) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
