"""Which rules judged a page: a fingerprint of the code that reads pages.

A page refused as no article, or found dated nowhere, is remembered so that the nightly crawl does
not fetch it again. That verdict is only as good as the rules that gave it: after an upgrade that
reads pages better (a markup repair, a new date form), the pages refused by the older rules must
be read once more, or the articles among them stay lost for good. The fingerprint changes with any
change to this package, so no one has to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path


@cache
def rules_revision() -> str:
    """A short digest of this package's source: the same on every run of one release."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
