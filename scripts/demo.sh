#!/usr/bin/env bash
# The demo: start the replica outlets and Telegram channels on 127.0.0.1, crawl them, build the digest, stop the server.
set -euo pipefail
out="${DEMO_OUT:-out/demo}"
month="${DEMO_MONTH:-2025-10}"
py="${PYTHON:-.venv/bin/python}"
newsmon="$(dirname "$py")/newsmon"
mkdir -p "$out"
rm -f "$out/newsmon.db" "$out/newsmon.db-wal" "$out/newsmon.db-shm" "$out/sources.yml"

"$py" -m newsmon.siteserver --sites demo/sites demo/telegram --write-sources "$out/sources.yml" \
    --pidfile "$out/server.pid" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$out/sources.yml" ] && break; sleep 0.1; done
[ -s "$out/sources.yml" ] || { echo "demo: the outlet server did not start (see $out/server.log)" >&2; exit 1; }
echo "Демо-издания запущены:"; sed 's/^/  /' "$out/server.log"

"$newsmon" crawl --sources "$out/sources.yml" --db "$out/newsmon.db" --since 2015-01-01
# The digest: HTML, the email as .eml (--dry-run: nothing is sent) and, with Chromium, the PDF.
pdf_args=()
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || [ -n "${NEWSMON_CHROMIUM:-}" ]; then
    pdf_args=(--pdf "$out/digest.pdf")
fi
"$newsmon" digest --month "$month" --db "$out/newsmon.db" --out "$out/digest.html" \
    "${pdf_args[@]}" --send --dry-run --to press@example.org
abs_out="$(cd "$out" && pwd)"
echo
echo "Готово. База: $out/newsmon.db"
echo "Дайджест (HTML): $abs_out/digest.html"
if [ ${#pdf_args[@]} -gt 0 ]; then
    echo "Дайджест (PDF): $abs_out/digest.pdf"
else
    echo "Дайджест (PDF): не создан — нужен Chromium (apt-get install chromium)"
fi
echo "Письмо (.eml, не отправлено): $abs_out/digest.eml"
echo "Запросы: .venv/bin/newsmon counts --db $out/newsmon.db --month $month"
