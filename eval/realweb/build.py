"""Materialize the public extraction sets into eval/realweb/cache/ (not committed).

The pages are other people's work, so the repository keeps only this recipe, the scoring code and
README.md (where each set comes from, under which licence). The sets are read from a local git
snapshot of each upstream repository (a bare repository or a checkout), found in this order:

1. the directories named in ``NEWSMON_PUBLIC_SETS`` (``os.pathsep``-separated);
2. ``../shared/eval/public/`` beside the repository;
3. ``/work/.mirror/`` (where this workplace keeps fetched snapshots).

Inside a root, a set is ``<owner>+<name>/repo`` (bare) or ``<name>/`` (checkout).

Usage::

    .venv/bin/python eval/realweb/build.py [--force]

Exit 0 when both sets are in the cache afterwards, 1 when a set could not be found.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(__file__).resolve().parent / "cache"  # the folder eval/realweb/sets.py reads


@dataclass(frozen=True)
class Upstream:
    key: str  # folder name in the cache
    owner: str
    name: str
    paths: tuple[str, ...]  # what to take out of the snapshot
    licence: str


AEB = Upstream(
    "aeb",
    "scrapinghub",
    "article-extraction-benchmark",
    ("ground-truth.json", "html", "LICENSE"),
    "MIT",
)
TRAFILATURA = Upstream(
    "trafilatura",
    "adbar",
    "trafilatura",
    ("tests/evaldata.json", "tests/eval", "tests/cache", "LICENSE"),
    "Apache-2.0",
)
HTMLDATE = Upstream(
    "htmldate",
    "adbar",
    "htmldate",
    ("tests/eval_default.json", "tests/eval_mediacloud_2020.json", "tests/eval", "tests/test_set",
     "tests/cache", "LICENSE"),
    "Apache-2.0",
)
UPSTREAMS = (AEB, TRAFILATURA, HTMLDATE)


def search_roots() -> list[Path]:
    roots = [Path(p) for p in os.environ.get("NEWSMON_PUBLIC_SETS", "").split(os.pathsep) if p]
    roots += [ROOT.parent / "shared" / "eval" / "public", Path("/work/.mirror")]
    return roots


def find_snapshot(upstream: Upstream) -> Path | None:
    for root in search_roots():
        for candidate in (root / f"{upstream.owner}+{upstream.name}" / "repo", root / upstream.name):
            if candidate.is_dir():
                return candidate
    return None


def read_files(snapshot: Path, paths: tuple[str, ...]) -> dict[str, bytes]:
    """Files under ``paths`` of a checkout, or of HEAD of a bare repository."""
    files: dict[str, bytes] = {}
    if (snapshot / ".git").exists() or not (snapshot / "HEAD").exists():
        for top in paths:
            base = snapshot / top
            for path in [base] if base.is_file() else sorted(base.rglob("*")):
                if path.is_file():
                    files[path.relative_to(snapshot).as_posix()] = path.read_bytes()
        return files
    archive = subprocess.run(
        ["git", f"--git-dir={snapshot}", "archive", "--format=tar", "HEAD", *paths],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile():
                handle = tar.extractfile(member)
                assert handle is not None
                files[member.name] = handle.read()
    return files


def page_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def build_aeb(files: dict[str, bytes], out: Path) -> int:
    truth = json.loads(files["ground-truth.json"])
    gold = {}
    for key, item in truth.items():
        raw = files.get(f"html/{key}.html.gz")
        if raw is None:
            continue
        (out / "pages" / f"{key}.html.gz").write_bytes(raw)
        gold[key] = {"url": item["url"], "text": item.get("articleBody", "")}
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    return len(gold)


def build_trafilatura(files: dict[str, bytes], out: Path) -> int:
    evaldata = json.loads(files["tests/evaldata.json"])
    gold = {}
    for url, item in evaldata.items():
        raw = files.get(f"tests/eval/{item['file']}") or files.get(f"tests/cache/{item['file']}")
        if raw is None:
            continue
        key = page_id(url)
        (out / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(raw, mtime=0))
        gold[key] = {
            "url": url,
            "file": item["file"],
            "with": item["with"],
            "without": item["without"],
            "title": item.get("title"),
            "date": item.get("date"),
        }
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    return len(gold)


def build_htmldate(files: dict[str, bytes], out: Path) -> int:
    gold = {}
    for listing in ("tests/eval_default.json", "tests/eval_mediacloud_2020.json"):
        for url, item in json.loads(files[listing]).items():
            raw = next((files[f"tests/{folder}/{item['file']}"]
                        for folder in ("test_set", "eval", "cache")
                        if f"tests/{folder}/{item['file']}" in files), None)
            if raw is None or not isinstance(item.get("date"), str):
                continue  # a few entries carry no date (NaN): nothing to score
            key = page_id(url)
            (out / "pages" / f"{key}.html.gz").write_bytes(gzip.compress(raw, mtime=0))
            gold[key] = {"url": url, "file": item["file"], "date": item["date"]}
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    return len(gold)


BUILDERS = {"aeb": build_aeb, "trafilatura": build_trafilatura, "htmldate": build_htmldate}


def is_built(upstream: Upstream) -> bool:
    return (CACHE / upstream.key / "gold.json").is_file()


def build(upstream: Upstream, *, force: bool = False) -> str:
    if is_built(upstream) and not force:
        return f"{upstream.key}: already in {CACHE / upstream.key}"
    snapshot = find_snapshot(upstream)
    if snapshot is None:
        return f"{upstream.key}: no snapshot of {upstream.owner}/{upstream.name} found"
    out = CACHE / upstream.key
    (out / "pages").mkdir(parents=True, exist_ok=True)
    files = read_files(snapshot, upstream.paths)
    (out / "LICENSE").write_bytes(files.get("LICENSE", b""))
    count = BUILDERS[upstream.key](files, out)
    return f"{upstream.key}: {count} pages from {snapshot}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when cached")
    args = parser.parse_args(argv)
    for upstream in UPSTREAMS:
        print(build(upstream, force=args.force))
    return 0 if all(is_built(u) for u in UPSTREAMS) else 1


if __name__ == "__main__":
    sys.exit(main())
