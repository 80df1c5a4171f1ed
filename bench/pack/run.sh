#!/usr/bin/env bash
# Step 1 board pack (issue 10): how long the PDF takes the first time (rendered) and afterwards
# (kept, with its ETag), and the printable page likewise; then the kept PDF at 20 clients.
# JVM capped at -Xmx512m. Loopback only; every loop is bounded.
#
#   bench/pack/run.sh [work-dir] [seconds=20]
#
# The first run in a new work directory loads the national reference data (about a minute).
# SKIP_BUILD=1 uses the jar already in app/target. Needs: curl and wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="${1:-$(mktemp -d /tmp/fp-pack-bench.XXXXXX)}"
SECONDS_UNDER_LOAD="${2:-20}"
PORT="${BENCH_PORT:-18082}"
JAR=app/target/fourth-purpose.jar
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -q -pl app -am -DskipTests -Dspotless.check.skip=true package

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
FP_DATA_DIR="$WORK/data" SERVER_PORT="$PORT" java -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ics/QYG" || true)" = 200 ] && break
  sleep 0.1
done
# The indicator values load in the background once the app serves; wait for them (at most 3 min).
for _ in $(seq 1 1800); do
  curl -s "http://127.0.0.1:$PORT/api/v1/icbs/QYG/profile" | grep -q 'employment-rate' && break
  sleep 0.1
done
echo "command: java -Xmx512m -jar $JAR (H2 file database in $WORK/data), curl for single requests"

time_of() { curl -s -o "$WORK/out" -w '%{http_code} %{time_total}s %{size_download}B' "http://127.0.0.1:$PORT$1"; }

# Five systems in turn, each against England then its region: the first request renders the pack
# (the first system's also warms the JVM and the templates), the second is the kept one.
printf '%-46s %-26s %-26s\n' "request" "first (rendered)" "second (kept)"
for code in QYG QHM QE1 QKS QMM; do
  for path in "/ics/$code/board-pack.pdf" "/ics/$code/board-pack.pdf?comparator=region" \
    "/ics/$code/board-pack" ; do
    first=$(time_of "$path")
    second=$(time_of "$path")
    printf '%-46s %-26s %-26s\n' "$path" "$first" "$second"
  done
done
echo "QYG PDF size: $(curl -s "http://127.0.0.1:$PORT/ics/QYG/board-pack.pdf" | wc -c) bytes"

# The kept PDF under load: 20 connections on two threads.
wrk -t2 -c20 -d5s "http://127.0.0.1:$PORT/ics/QYG/board-pack.pdf" >/dev/null
printf '%-46s c=20 %ss: ' "/ics/QYG/board-pack.pdf (kept)" "$SECONDS_UNDER_LOAD"
wrk -t2 -c20 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/foundation/percentiles.lua \
  "http://127.0.0.1:$PORT/ics/QYG/board-pack.pdf" | tail -1
echo "server resident memory: $(ps -o rss= -p "$PID" | awk '{printf "%d MiB", $1/1024}')"
