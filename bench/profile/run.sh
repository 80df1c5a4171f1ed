#!/usr/bin/env bash
# Step 1 benchmarks (issue 3):
#   1. every indicator's statistics and comparisons for all 42 ICBs (StatisticsBenchmark, in-process);
#   2. ICS profile pages at 50 concurrent clients (wrk against the packaged jar).
# JVM capped at -Xmx512m. Loopback only; every loop is bounded.
#
#   bench/profile/run.sh [work-dir] [seconds=30]
#
# The first run in a new work directory loads the national reference data (about a minute).
# Needs: curl and wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="${1:-$(mktemp -d /tmp/fp-profile-bench.XXXXXX)}"
SECONDS_UNDER_LOAD="${2:-30}"
PORT="${BENCH_PORT:-18081}"
JAR=app/target/fourth-purpose.jar
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"

./mvnw -q -pl app -am -DskipTests -Dspotless.check.skip=true package
./mvnw -q -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.classpath)"
echo "command: java -Xmx512m -cp ... org.fourthpurpose.indicator.StatisticsBenchmark $WORK/stats 5"
java -Xmx512m -cp "$CP" org.fourthpurpose.indicator.StatisticsBenchmark "$WORK/stats" 5 2>&1 \
  | grep -E "^round|RESULT|ERROR|Exception" || true

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
FP_ADMIN_EMAIL=bench@example.org FP_ADMIN_PASSWORD='quiet harbour lantern 42' \
  FP_DATA_DIR="$WORK/stats" SERVER_PORT="$PORT" java -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ics/QYG/profile" || true)" = 200 ] && break
  sleep 0.1
done
# The indicator values load in the background once the app serves; wait for them (at most 3 min).
for _ in $(seq 1 1800); do
  grep -q 'Loaded reference dataset indicators\|reference data is up to date\|up to date' "$WORK/server.log" && break
  curl -s "http://127.0.0.1:$PORT/ics/QYG/profile" | grep -q 'employment-rate' && break
  sleep 0.1
done

# Per page: warm up (JIT, template compilation, the page cache) for 10 s, then 50 connections on two
# threads for a fixed time.
for page in "/ics/QYG/profile" "/ics/QYG/profile?comparator=neighbours" "/ics/QHM/profile?comparator=region" \
  "/ics/QYG/profile/themes/employment?comparator=neighbours"; do
  wrk -t2 -c50 -d10s "http://127.0.0.1:$PORT$page" >/dev/null
  printf '%-58s c=50 %ss: ' "$page" "$SECONDS_UNDER_LOAD"
  wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/foundation/percentiles.lua \
    "http://127.0.0.1:$PORT$page" | tail -1
done
# Signed-in people get the cached page body inside their own header: sign in (platform administrator,
# so the workspace's saved groups are offered too) and load the same pages with the session cookie.
# bench/profile/signed-in.sh measures both visitors side by side.
JAR_COOKIES="$WORK/cookies.txt"
rm -f "$JAR_COOKIES"
csrf=$(curl -s -c "$JAR_COOKIES" "http://127.0.0.1:$PORT/sign-in" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" -o /dev/null -d "_csrf=$csrf" --data-urlencode "email=bench@example.org" \
  --data-urlencode "password=bench-password-1234" "http://127.0.0.1:$PORT/sign-in"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$JAR_COOKIES")
curl -s -H "Cookie: JSESSIONID=$session" "http://127.0.0.1:$PORT/ics/QYG/profile" >"$WORK/signed-in.html"
if grep -q 'Sign out' "$WORK/signed-in.html"; then
  for page in "/ics/QYG/profile" "/ics/QYG/profile?comparator=neighbours" "/ics/QYG/profile/themes/employment?comparator=neighbours"; do
    wrk -t2 -c50 -d10s -H "Cookie: JSESSIONID=$session" "http://127.0.0.1:$PORT$page" >/dev/null
    printf 'signed in %-48s c=50 %ss: ' "$page" "$SECONDS_UNDER_LOAD"
    wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -H "Cookie: JSESSIONID=$session" \
      -s bench/foundation/percentiles.lua "http://127.0.0.1:$PORT$page" | tail -1
  done
else
  echo "could not sign in as bench@example.org; signed-in pages not measured" >&2
fi
rss=$(ps -o rss= -p "$PID")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB)"
