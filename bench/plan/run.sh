#!/usr/bin/env bash
# The fourth-purpose plan (issue 12): the workspace plan page (/workspaces/{icb}/plan) at 20 clients for a
# realistically filled Step 2 (priorities, propositions with partners and funding, measures with SPC readings,
# maturity milestones), signed in as the platform administrator, with wrk; also the plan API and, once published,
# the public plan page. Packaged jar, -Xmx512m, H2 in a fresh data directory. Loopback only; every run is bounded.
#
#   bench/plan/run.sh [duration=30s]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install -pl app -am. Needs curl, python3 and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
JAR=${BENCH_JAR:-app/target/fourth-purpose.jar}
PORT=${PORT:-18487}
ICB=${ICB:-E54000008}
PRIORITIES=${PRIORITIES:-5}
PROPOSITIONS=${PROPOSITIONS:-12}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-plan-XXXXXX)
EMAIL=bench.admin@example.org
PASSWORD='bench admin passphrase 2026'
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=<fresh> java -Xmx512m -jar $JAR; wrk -t2 -c20 -d$DURATION"

FP_DATA_DIR="$DATA" FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT \
  java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
# The plan's needs come from the profile, which waits for the indicator values (loaded in the background).
READY=0
for _ in $(seq 1 900); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/icbs/$ICB/profile" || true)" = 200 ]; then READY=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $READY = 0 ]; then echo "The app did not start:"; tail -40 "$DATA/app.log"; exit 1; fi
sleep 2
started=$(date +%s)
eval "$(python3 bench/plan/seed.py "$BASE" "$EMAIL" "$PASSWORD" "$ICB" "$PRIORITIES" "$PROPOSITIONS")"
echo "seeded $PRIORITIES priorities, $PROPOSITIONS propositions, $((PROPOSITIONS * 2)) measures of 24 values, 12 milestones in $(( $(date +%s) - started )) s"
PAGE="$BASE/workspaces/$ICB/plan"
curl -sf -H "Cookie: $COOKIE" -o "$DATA/plan.html" "$PAGE"
echo "plan page: $(stat -c %s "$DATA/plan.html") bytes, $(grep -o 'data-proposition=' "$DATA/plan.html" | wc -l) propositions, $(grep -c '<tr' "$DATA/plan.html") table rows"
printf 'first plan page (ms): '
curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" "$PAGE" | awk '{printf "%.0f\n", $1 * 1000}'
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"published":true}' "$BASE/api/v1/workspaces/$ICB/plan/publication"

# Warm up the JIT and the caches.
wrk -t2 -c20 -d10s -H "Cookie: $COOKIE" "$PAGE" > /dev/null
bench() { # name url header [header]
  printf '%-34s load=%s ' "$1" "$(cut -d' ' -f1 /proc/loadavg)"
  local headers=(-H "$3")
  [ $# -ge 4 ] && headers+=(-H "$4")
  wrk -t2 -c20 -d"$DURATION" --timeout 5s -s bench/plan/p95.lua "${headers[@]}" "$2" | grep '^RESULT' | sed 's/^RESULT //'
}
bench "plan page (HTML, signed in)" "$PAGE" "Cookie: $COOKIE"
bench "plan page, gzip" "$PAGE" "Cookie: $COOKIE" "Accept-Encoding: gzip"
bench "plan API (JSON, token)" "$BASE/api/v1/workspaces/$ICB/plan" "Authorization: Bearer $TOKEN"
bench "public plan page (anonymous)" "$BASE/ics/$ICB/plan" "Accept: text/html"
rss=$(ps -o rss= -p "$APP")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
