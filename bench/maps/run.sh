#!/usr/bin/env bash
# Neighbourhood maps (issue 10): the first start with the LSOA boundaries and rurality in the reference data,
# the ICS page weight with its LSOA map (with and without gzip), and the ICS page of the system with the most
# LSOAs (North East and North Cumbria, QHM, 1,889) at 50 clients, anonymous and signed in. Packaged jar, -Xmx512m,
# H2 in a fresh data directory. Loopback only; every loop is bounded.
#
#   bench/maps/run.sh [seconds=30]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install -pl app -am. Needs curl and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_UNDER_LOAD="${1:-30}"
PORT="${BENCH_PORT:-18383}"
JAR=app/target/fourth-purpose.jar
DATA="$(mktemp -d)/data"
EMAIL=bench@example.org
PASSWORD='quiet harbour lantern 42'
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
now_ms() { date +%s%3N; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=<fresh> java -Xmx512m -jar $JAR --server.port=$PORT"

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$(dirname "$DATA")"' EXIT
mkdir -p "$DATA"
started=$(now_ms)
FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" FP_DATA_DIR="$DATA" \
  java -Xmx512m -jar "$JAR" --server.port="$PORT" >"$DATA.log" 2>&1 &
PID=$!
for _ in $(seq 1 3000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ics/QHM" || true)" = 200 ] && break
  sleep 0.1
done
first=$(( $(now_ms) - started ))
# The boundaries load in the background: until then the page says the map is loading.
# (Into a file first: grep -q stopping early would make curl fail under pipefail.)
for _ in $(seq 1 3000); do
  curl -s -o "$DATA.page" "$BASE/ics/QHM" || true
  grep -q 'id="lsoa-map-title"' "$DATA.page" && break
  sleep 0.2
done
with_map=$(( $(now_ms) - started ))
echo "first start (empty data directory) until /ics/QHM answers 200: ${first} ms; until it shows the LSOA map: ${with_map} ms"
grep -o 'Loaded reference dataset [a-z-]* version [^:]*: [0-9]* rows in [0-9]* ms' "$DATA.log" \
  | sed -E 's/Loaded reference dataset ([a-z-]+) .*: ([0-9]+) rows in ([0-9]+) ms/  \1: \2 rows in \3 ms/'

echo "page weight (bytes; the HTML only, CSS and JavaScript are shared and cached):"
for ics in QHM QOP QYG QT6 "QHM?map=rurality"; do
  plain=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/ics/$ics")
  gz=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$BASE/ics/$ics")
  curl -s -o "$DATA.page" "$BASE/ics/$ics"
  shapes=$(grep -o '<path tabindex="0"' "$DATA.page" | wc -l)
  echo "  /ics/$ics: ${plain} uncompressed, ${gz} gzip, ${shapes} LSOA shapes"
done

COOKIES="$DATA/cookies.txt"
csrf=$(curl -s -c "$COOKIES" "$BASE/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -d "_csrf=$csrf" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" "$BASE/sign-in"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$COOKIES")
curl -s -H "Cookie: JSESSIONID=$session" -o "$DATA/signed-in.html" "$BASE/ics/QHM"
grep -q 'Sign out' "$DATA/signed-in.html" || { echo "could not sign in as $EMAIL" >&2; exit 1; }

# Warm up each kind of request first (JIT, the page caches), then 50 connections on two threads.
for visitor in anonymous signed-in; do
  for gzip in 0 1; do
    cookie=""; [ "$visitor" = signed-in ] && cookie="$session"
    FP_SESSION="$cookie" FP_GZIP=$gzip wrk -t2 -c50 -d10s -s bench/maps/maps.lua "$BASE/ics/QHM" >/dev/null
  done
done
for gzip in 0 1; do
  for visitor in anonymous signed-in; do
    cookie=""; [ "$visitor" = signed-in ] && cookie="$session"
    printf '%-10s /ics/QHM gzip=%s c=50 %ss load=%s: ' "$visitor" "$gzip" "$SECONDS_UNDER_LOAD" "$(cut -d' ' -f1 /proc/loadavg)"
    FP_SESSION="$cookie" FP_GZIP=$gzip wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/maps/maps.lua \
      "$BASE/ics/QHM" | tail -1
  done
done
curl -s -H "Cookie: JSESSIONID=$session" -o "$DATA/signed-in.html" "$BASE/ics/QHM"
grep -q 'Sign out' "$DATA/signed-in.html" && echo "session still signed in: yes" || echo "session still signed in: NO"
rss=$(ps -o rss= -p "$PID")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
