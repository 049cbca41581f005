#!/usr/bin/env bash
# The demo: start the replica outlets on 127.0.0.1, crawl them, build the digest, stop the server.
set -euo pipefail
out="${DEMO_OUT:-out/demo}"
month="${DEMO_MONTH:-2025-10}"
py="${PYTHON:-.venv/bin/python}"
newsmon="$(dirname "$py")/newsmon"
mkdir -p "$out"
rm -f "$out/newsmon.db" "$out/newsmon.db-wal" "$out/newsmon.db-shm" "$out/sources.yml"

"$py" -m newsmon.siteserver --sites demo/sites --write-sources "$out/sources.yml" \
    --pidfile "$out/server.pid" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$out/sources.yml" ] && break; sleep 0.1; done
[ -s "$out/sources.yml" ] || { echo "demo: the outlet server did not start (see $out/server.log)" >&2; exit 1; }
echo "Демо-издания запущены:"; sed 's/^/  /' "$out/server.log"

"$newsmon" crawl --sources "$out/sources.yml" --db "$out/newsmon.db" --since 2015-01-01
# The digest: HTML, PDF (WeasyPrint, installed by make install), the spreadsheet of materials, and
# the email with both attached as .eml (--dry-run: nothing is sent).
"$newsmon" digest --month "$month" --db "$out/newsmon.db" --sources "$out/sources.yml" \
    --out "$out/digest.html" --pdf "$out/digest.pdf" --xlsx "$out/digest.xlsx" \
    --send --dry-run --mail-to press@example.org
abs_out="$(cd "$out" && pwd)"
echo
echo "Готово. База: $out/newsmon.db"
echo "Дайджест (HTML): $abs_out/digest.html"
echo "Дайджест (PDF): $abs_out/digest.pdf"
echo "Материалы (XLSX): $abs_out/digest.xlsx"
echo "Письмо с вложениями (.eml, не отправлено): $abs_out/digest.eml"
echo "Запросы: .venv/bin/newsmon counts --db $out/newsmon.db --month $month"
