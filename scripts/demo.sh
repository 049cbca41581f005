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
# The digest: HTML, PDF (WeasyPrint; make install installs its Pango), the spreadsheet of
# materials, and the email with both attached as .eml (--dry-run: nothing is sent).
pdf_args=(--pdf "$out/digest.pdf")
if ! "$py" -c "import weasyprint" >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1 \
        && [ -z "${NEWSMON_CHROMIUM:-}" ]; then
    pdf_args=()  # not root, so make could not install Pango: the rest of the demo still runs
fi
"$newsmon" digest --month "$month" --db "$out/newsmon.db" --sources "$out/sources.yml" \
    --out "$out/digest.html" "${pdf_args[@]}" --xlsx "$out/digest.xlsx" \
    --send --dry-run --mail-to press@example.org
abs_out="$(cd "$out" && pwd)"
echo
echo "Готово. База: $out/newsmon.db"
echo "Дайджест (HTML): $abs_out/digest.html"
if [ ${#pdf_args[@]} -gt 0 ]; then
    echo "Дайджест (PDF): $abs_out/digest.pdf"
else
    echo "Дайджест (PDF): не создан — нужна Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"
fi
echo "Материалы (XLSX): $abs_out/digest.xlsx"
echo "Письмо с вложениями (.eml, не отправлено): $abs_out/digest.eml"
echo "Запросы: .venv/bin/newsmon counts --db $out/newsmon.db --month $month"
