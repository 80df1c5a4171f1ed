#!/usr/bin/env bash
# Mixed load of issue 9: 50 clients at once on public pages, the public API, signed-in pages and the
# token API (8:4:5:3), against the packaged jar with -Xmx512m. Target: 0 errors, p95 under 300 ms.
# Loopback only; every loop is bounded.
#
#   bench/trust/mixed.sh [data-dir=/tmp/mixed-bench-data] [seconds=60]
#
# Build first: ./mvnw -B -ntp -q package -DskipTests -pl app -am
# The first run in a new data directory loads the national reference data (about a minute).
# Needs: curl and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-/tmp/mixed-bench-data}"
SECONDS_UNDER_LOAD="${2:-60}"
PORT="${BENCH_PORT:-18383}"
JAR=app/target/fourth-purpose.jar
EMAIL=bench@example.org
PASSWORD='quiet harbour lantern 42'
ICS=E54000008
BASE="http://127.0.0.1:$PORT"
mkdir -p "$DATA"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=$DATA java -Xmx512m -jar $JAR --server.port=$PORT"

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" FP_DATA_DIR="$DATA" \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ics/QYG/profile" || true)" = 200 ] && break
  sleep 0.1
done
# The indicator values load in the background once the app serves; wait for them (at most 3 min).
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ics/QYG/profile/themes/employment" || true)" = 200 ] \
    && curl -s "$BASE/ics/QYG/profile" | grep -q 'employment-rate' && break
  sleep 0.1
done

# Sign in as the administrator, and create a personal access token through the account page.
COOKIES="$DATA/cookies.txt"
rm -f "$COOKIES"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token=$(curl -s -c "$COOKIES" "$BASE/sign-in" | csrf)
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -d "_csrf=$token" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" "$BASE/sign-in"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES")
curl -s -b "$COOKIES" -o "$DATA/account.html" "$BASE/account"
grep -q 'Sign out' "$DATA/account.html" || { echo "could not sign in as $EMAIL" >&2; exit 1; }
form=$(csrf <"$DATA/account.html")
curl -s -b "$COOKIES" -c "$COOKIES" -L -o "$DATA/token.html" -d "_csrf=$form" -d "name=mixed-bench-$(date +%s)" \
  "$BASE/account/tokens"
api_token=$(grep -o 'id="new-token">fp_[^<]*' "$DATA/token.html" | sed 's/.*>//')
[ -n "$api_token" ] || { echo "could not create a token" >&2; exit 1; }
# A maturity round in the workspace, so its pages and API have something to show (name unique per run).
curl -s -o /dev/null -H "Authorization: Bearer $api_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench $(date +%s)\"}" "$BASE/api/v1/workspaces/$ICS/maturity/rounds"

# Every path answers 200 before the load (a wrong path would otherwise count as a fast error).
for path in / /ics/QYG /ics/QYG/profile /ics/QYG/profile/themes/employment /england /indicators \
  /maturity/framework "/ics/QHM/profile?comparator=neighbours" /api/v1/icbs /api/v1/indicators \
  /api/v1/icbs/QYG/profile /api/v1/maturity/frameworks/current; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
done
for path in /account "/workspaces/$ICS" "/workspaces/$ICS/maturity" /ics/QYG/profile "/workspaces/$ICS/groups"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: JSESSIONID=$session" "$BASE$path")
  [ "$code" = 200 ] || { echo "signed in: $path answered $code" >&2; exit 1; }
done
for path in "/api/v1/workspaces/$ICS/maturity/rounds" "/api/v1/workspaces/$ICS/groups" \
  "/api/v1/workspaces/$ICS/maturity/progress"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $api_token" "$BASE$path")
  [ "$code" = 200 ] || { echo "token: $path answered $code" >&2; exit 1; }
done

export FP_SESSION="$session" FP_TOKEN="$api_token" FP_ICS="$ICS"
# Warm every path (JIT, templates, caches) first, then measure.
wrk -t2 -c50 -d20s -s bench/trust/mixed.lua "$BASE" >/dev/null
for run in 1 2; do
  printf 'mixed c=50 %ss run %s load=%s: ' "$SECONDS_UNDER_LOAD" "$run" "$(cut -d' ' -f1 /proc/loadavg)"
  wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/trust/mixed.lua "$BASE" | tail -1
done
curl -s -H "Cookie: JSESSIONID=$session" -o "$DATA/after.html" "$BASE/account"
grep -q 'Sign out' "$DATA/after.html" && echo "session still signed in: yes" || echo "session still signed in: NO"
rss=$(ps -o rss= -p "$PID")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
