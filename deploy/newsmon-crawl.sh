#!/usr/bin/env bash
# Nightly newsmon crawl for cron or systemd: a rolling --since window, a log line per run, and
# exit codes passed through (0 ok, 3 some outlets down, 1 failed, 2 bad configuration,
# 75 another crawl still running — reported, not an error worth a page at night).
#
# Settings (environment, all optional):
#   NEWSMON_HOME        working directory holding sources.yml        (default: /var/lib/newsmon)
#   NEWSMON_BIN         the newsmon executable                        (default: newsmon on PATH)
#   NEWSMON_DB          the database                                  (default: $NEWSMON_HOME/newsmon.db)
#   NEWSMON_SINCE_DAYS  how far back a night looks, in days           (default: 60)
#   NEWSMON_LOG         append-only run log                           (default: $NEWSMON_HOME/crawl.log)
set -u
home="${NEWSMON_HOME:-/var/lib/newsmon}"
bin="${NEWSMON_BIN:-newsmon}"
export NEWSMON_DB="${NEWSMON_DB:-$home/newsmon.db}"
days="${NEWSMON_SINCE_DAYS:-60}"
log="${NEWSMON_LOG:-$home/crawl.log}"
cd "$home" || { echo "newsmon-crawl: no such directory $home" >&2; exit 2; }

since="$(date -u -d "-$days days" +%F 2>/dev/null || date -u -v-"$days"d +%F)"
started="$(date -u +%FT%TZ)"
summary="$("$bin" crawl --sources "$home/sources.yml" --since "$since" --quiet 2>>"$log.err")"
code=$?
{
    echo "== $started crawl --since $since → exit $code"
    [ -n "$summary" ] && echo "$summary"
} >>"$log"

case "$code" in
    0) ;;
    3) echo "newsmon-crawl: some outlets were unreachable (see $log and $log.err)" >&2 ;;
    75) echo "newsmon-crawl: the previous crawl is still running; skipped" >&2 ;;
    *) echo "newsmon-crawl: crawl failed with exit $code (see $log.err)" >&2 ;;
esac
exit "$code"
