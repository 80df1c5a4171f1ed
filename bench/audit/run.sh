#!/usr/bin/env bash
# Relationship audit results (issue 12): the results API and page of an audit with RESPONSES (2,000)
# responses over six partner sectors, at 20 clients with wrk; also the time to work the results out
# afresh after a new response. Packaged jar, -Xmx512m, H2 in a fresh data directory. Loopback only;
# every wrk run is bounded.
#
#   bench/audit/run.sh [duration=30s]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install -pl app -am. Needs curl, python3 and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-30s}
JAR=${BENCH_JAR:-app/target/fourth-purpose.jar}
PORT=${PORT:-18491}
ICB=${ICB:-E54000008}
RESPONSES=${RESPONSES:-2000}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-audit-XXXXXX)
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
READY=0
for _ in $(seq 1 900); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/sign-in" || true)" = 200 ]; then READY=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $READY = 0 ]; then echo "The app did not start:"; tail -40 "$DATA/app.log"; exit 1; fi
sleep 2
started=$(date +%s)
eval "$(python3 bench/audit/seed.py "$BASE" "$EMAIL" "$PASSWORD" "$ICB" "$RESPONSES")"
echo "seeded audit $AUDIT with $SENT responses through the API in $(( $(date +%s) - started )) s"
API="$BASE/api/v1/workspaces/$ICB/audits/$AUDIT/results"
PAGE="$BASE/workspaces/$ICB/audits/$AUDIT/results"
curl -sf -H "Authorization: Bearer $TOKEN" -o "$DATA/results.json" "$API"
python3 - "$DATA/results.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
shown = [s["sector"] + "=" + str(s["respondents"]) for s in r["bySector"] if not s["suppressed"]]
hidden = [s["sector"] for s in r["bySector"] if s["suppressed"]]
print(f"results: respondents={r['respondents']} shown={shown} hidden={hidden}")
PY
curl -sf -H "Cookie: $COOKIE" -o "$DATA/results.html" "$PAGE"
echo "results page: $(stat -c %s "$DATA/results.html") bytes; JSON: $(stat -c %s "$DATA/results.json") bytes"

# Working the results out afresh: each new response empties what is kept, so the next read computes.
printf 'results computed afresh after a new response (ms, 10 tries):'
for i in $(seq 1 10); do
  tok=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"count": 1, "sector": "vcse"}' "$BASE/api/v1/workspaces/$ICB/audits/$AUDIT/links" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["token"])')
  qid=$(curl -sf "$BASE/api/v1/audit-responses/$tok" | python3 -c 'import json,sys; print(json.load(sys.stdin)["questions"][0]["id"])')
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d "{\"answers\": {\"$qid\": 4}}" "$BASE/api/v1/audit-responses/$tok"
  curl -sf -o /dev/null -w ' %{time_total}' -H "Authorization: Bearer $TOKEN" "$API" | awk '{printf " %.0f", $1 * 1000}'
done
echo

# Warm up, each with its own credentials (a page request carrying a token as well is not what a browser sends).
wrk -t2 -c20 -d10s -H "Authorization: Bearer $TOKEN" "$API" > /dev/null
wrk -t2 -c20 -d10s -H "Cookie: $COOKIE" "$PAGE" > /dev/null
echo "results page still answers the signed-in cookie with: $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' -H "Cookie: $COOKIE" "$PAGE")"
bench() { # name url header
  printf '%-36s load=%s ' "$1" "$(cut -d' ' -f1 /proc/loadavg)"
  wrk -t2 -c20 -d"$DURATION" --timeout 5s -s bench/audit/p95.lua -H "$3" "$2" | grep '^RESULT' | sed 's/^RESULT //'
}
bench "results API (JSON, token)" "$API" "Authorization: Bearer $TOKEN"
bench "results page (HTML, signed in)" "$PAGE" "Cookie: $COOKIE"
rss=$(ps -o rss= -p "$APP")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
