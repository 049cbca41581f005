#!/usr/bin/env bash
# Check the digest email's HTML against caniemail.com's data with doiuse-email (npm), for the
# clients a Russian press office meets: Gmail, Outlook, Apple Mail and Mail.ru (caniemail has no
# Yandex Mail data: docs/digest.md says what was checked by hand there).
#   bash scripts/check_email.sh out/demo/digest.eml
# Prints each unsupported feature once with the clients that lack it; the verdicts are in
# docs/digest.md. Needs node and npm (the npm registry); nothing here runs in the test suite.
set -euo pipefail
eml="${1:-out/demo/digest.eml}"
py="${PYTHON:-.venv/bin/python}"
clients="${CLIENTS:-gmail.*,outlook.*,apple-mail.*,mail-ru.*}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$py" - "$eml" "$work/email.html" <<'PY'
import email, sys
from email import policy
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=policy.default)
html = next(p for p in msg.walk() if p.get_content_type() == "text/html").get_content()
open(sys.argv[2], "w", encoding="utf-8").write(html)
PY
(cd "$work" && npm install --silent --no-audit --no-fund doiuse-email@0.4.1 >/dev/null)
node "$work/node_modules/doiuse-email/bin/cli.js" -e "$clients" "$work/email.html" > "$work/report.json" || true
"$py" - "$work/report.json" <<'PY'
import json, re, sys
from collections import defaultdict
report = json.load(open(sys.argv[1], encoding="utf-8"))
for kind in ("errors", "warnings"):
    found = defaultdict(set)
    for line in report.get(kind, []):
        match = re.match(r"`(.+?)` is (?:not|only partially) supported by `(.+?)`", line)
        if match:
            found[match.group(1)].add(match.group(2))
    print(f"{'не поддерживается' if kind == 'errors' else 'частично'}:")
    for feature, clients in sorted(found.items()):
        print(f"  {feature}: {', '.join(sorted(clients))}")
PY
