#!/usr/bin/env bash
# One worker of the distributed crawl (newsmon crawl --redis), for systemd or cron on each crawl
# machine: the rolling --since window of newsmon-crawl.sh, the exit code passed through
# (0 its share done, 1 stopped or Redis unreachable, 2 bad configuration).
#
# Settings (environment): NEWSMON_REDIS (required, redis://[:PASSWORD@]HOST:PORT/N),
# NEWSMON_HOME (/var/lib/newsmon, holds sources.yml and the user's topics/orgs/projects files:
# the same files on every machine), NEWSMON_BIN, NEWSMON_SINCE_DAYS (60), NEWSMON_LOG.
set -u
home="${NEWSMON_HOME:-/var/lib/newsmon}"
bin="${NEWSMON_BIN:-newsmon}"
days="${NEWSMON_SINCE_DAYS:-60}"
log="${NEWSMON_LOG:-$home/worker.log}"
: "${NEWSMON_REDIS:?set NEWSMON_REDIS=redis://HOST:PORT/N}"
cd "$home" || { echo "newsmon-worker: no such directory $home" >&2; exit 2; }

since="$(date -u -d "-$days days" +%F 2>/dev/null || date -u -v-"$days"d +%F)"
started="$(date -u +%FT%TZ)"
summary="$("$bin" crawl --redis "$NEWSMON_REDIS" --sources "$home/sources.yml" --since "$since" \
    --quiet 2>>"$log.err")"
code=$?
{
    echo "== $started crawl --redis --since $since → exit $code"
    [ -n "$summary" ] && echo "$summary"
} >>"$log"
[ "$code" = 0 ] || echo "newsmon-worker: exit $code (see $log.err)" >&2
exit "$code"
