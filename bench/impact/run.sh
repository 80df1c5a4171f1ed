#!/usr/bin/env bash
# The impact page (issue 13): /workspaces/{icb}/impact with 40 measures of 36 monthly values each (a
# chart, two icons and a reading per measure, and the summary table of icons), at 20 clients, signed in
# as the platform administrator, with wrk; also the measures API and the printable report. Packaged
# jar, -Xmx512m, H2 in a fresh data directory. Loopback only; every wrk run is bounded.
#
#   bench/impact/run.sh [duration=30s]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install -pl app -am. Needs curl, python3 and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
JAR=${BENCH_JAR:-app/target/fourth-purpose.jar}
PORT=${PORT:-18486}
ICB=${ICB:-E54000057}
MEASURES=${MEASURES:-40}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-impact-XXXXXX)
EMAIL=bench.admin@example.org
PASSWORD='bench admin passphrase 2026'
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=<fresh> java -Xmx512m -jar app/target/fourth-purpose.jar; wrk -t2 -c20 -d$DURATION"

FP_DATA_DIR="$DATA" FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT \
  java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
# The impact pages wait for the indicator values and the anchor seed (loaded in the background).
READY=0
for _ in $(seq 1 900); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/icbs/$ICB/profile" || true)" = 200 ]; then READY=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $READY = 0 ]; then echo "The app did not start:"; tail -40 "$DATA/app.log"; exit 1; fi
sleep 5
started=$(date +%s)
eval "$(python3 bench/impact/seed.py "$BASE" "$EMAIL" "$PASSWORD" "$ICB" "$MEASURES")"
echo "seeded $MEASURES measures in $(( $(date +%s) - started )) s"
PAGE="$BASE/workspaces/$ICB/impact"
for _ in $(seq 1 120); do
  [ "$(curl -s -o "$DATA/impact.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$PAGE")" = 200 ] && break
  sleep 1
done
echo "impact page: $(stat -c %s "$DATA/impact.html") bytes, $(grep -o 'class="fp-measure"' "$DATA/impact.html" | wc -l) measures, $(grep -o 'data-variation="special_cause' "$DATA/impact.html" | wc -l) special-cause icons"

# Warm up the JIT.
wrk -t2 -c20 -d10s -H "Cookie: $COOKIE" "$PAGE" > /dev/null
bench() { # name url header [header]
  printf '%-34s load=%s ' "$1" "$(cut -d' ' -f1 /proc/loadavg)"
  local headers=(-H "$3")
  [ $# -ge 4 ] && headers+=(-H "$4")
  wrk -t2 -c20 -d"$DURATION" --timeout 5s -s bench/impact/p95.lua "${headers[@]}" "$2" | grep '^RESULT' | sed 's/^RESULT //'
}
bench "impact page (HTML, signed in)" "$PAGE" "Cookie: $COOKIE"
bench "impact page, gzip" "$PAGE" "Cookie: $COOKIE" "Accept-Encoding: gzip"
bench "measures API (JSON, token)" "$BASE/api/v1/workspaces/$ICB/measures" "Authorization: Bearer $TOKEN"
bench "impact report (HTML)" "$PAGE/report" "Cookie: $COOKIE"
rss=$(ps -o rss= -p "$APP")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
