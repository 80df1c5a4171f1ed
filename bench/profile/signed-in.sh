#!/usr/bin/env bash
# Signed-in versus anonymous profile and theme pages at 50 concurrent clients (issue 8, item 6),
# measured in one run against the packaged jar with -Xmx512m. Loopback only; every loop is bounded.
#
#   bench/profile/signed-in.sh [data-dir=/tmp/cache-bench-data] [seconds=30]
#
# Build first: ./mvnw -B -ntp -o -q package -DskipTests -pl app -am
# The first run in a new data directory loads the national reference data (about a minute).
# Needs: curl and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-/tmp/cache-bench-data}"
SECONDS_UNDER_LOAD="${2:-30}"
PORT="${BENCH_PORT:-18282}"
JAR=app/target/fourth-purpose.jar
EMAIL=bench@example.org
PASSWORD='quiet harbour lantern 42'
mkdir -p "$DATA"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=$DATA java -Xmx512m -jar $JAR --server.port=$PORT"

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
# The first administrator is created from these on the first start with this data directory.
FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" FP_DATA_DIR="$DATA" \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ics/QYG/profile" || true)" = 200 ] && break
  sleep 0.1
done
# The indicator values load in the background once the app serves; wait for them (at most 3 min):
# the employment theme page answers 200 only once its indicators are there.
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ics/QYG/profile/themes/employment" || true)" = 200 ] \
    && curl -s "http://127.0.0.1:$PORT/ics/QYG/profile" | grep -q 'employment-rate' && break
  sleep 0.1
done

# Sign in as the administrator (who may view every workspace, so saved groups are offered too).
COOKIES="$DATA/cookies.txt"
rm -f "$COOKIES"
csrf=$(curl -s -c "$COOKIES" "http://127.0.0.1:$PORT/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -d "_csrf=$csrf" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" "http://127.0.0.1:$PORT/sign-in"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES")
# (Into a file first: grep -q stopping early would make curl fail under pipefail.)
curl -s -H "Cookie: JSESSIONID=$session" -o "$DATA/signed-in.html" "http://127.0.0.1:$PORT/ics/QYG/profile"
grep -q 'Sign out' "$DATA/signed-in.html" || { echo "could not sign in as $EMAIL" >&2; exit 1; }

PAGES=("/ics/QYG/profile" "/ics/QYG/profile?comparator=neighbours"
  "/ics/QYG/profile/themes/employment?comparator=neighbours")
# Warm every page for both visitors first (JIT, templates, the caches), so that no measured run is
# the first to exercise its code path; then each page and visitor gets 50 connections on two
# threads for a fixed time, anonymous and signed-in runs alternating so both see the same machine.
for page in "${PAGES[@]}"; do
  for cookie in "" "$session"; do
    FP_SESSION="$cookie" wrk -t2 -c50 -d10s -s bench/profile/signed-in.lua "http://127.0.0.1:$PORT$page" >/dev/null
  done
done
for page in "${PAGES[@]}"; do
  for visitor in anonymous signed-in; do
    cookie=""
    [ "$visitor" = signed-in ] && cookie="$session"
    printf '%-10s %-58s c=50 %ss load=%s: ' "$visitor" "$page" "$SECONDS_UNDER_LOAD" "$(cut -d' ' -f1 /proc/loadavg)"
    FP_SESSION="$cookie" wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/profile/signed-in.lua \
      "http://127.0.0.1:$PORT$page" | tail -1
  done
done
# Still signed in after the load (a page that lost the session would be anonymous and fast).
curl -s -H "Cookie: JSESSIONID=$session" -o "$DATA/signed-in.html" "http://127.0.0.1:$PORT/ics/QYG/profile"
grep -q 'Sign out' "$DATA/signed-in.html" && echo "session still signed in: yes" || echo "session still signed in: NO"
rss=$(ps -o rss= -p "$PID")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
