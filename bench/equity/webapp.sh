#!/usr/bin/env bash
# Peak memory of the running web application (-Xmx512m) while it analyses an uploaded extract through the API
# (issue 14): starts the packaged jar on a fresh H2 data directory, uploads FILE to
# POST /api/v1/workspaces/E54000008/equity/waiting-list, follows the analysis until it ends, and samples the
# process's resident memory (VmRSS, every 0.2 s) from the upload to the end.
#
#   bench/equity/webapp.sh FILE [MAX_UPLOAD=800MB]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install. Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
FILE=$1
MAX_UPLOAD=${2:-800MB}
JAR=${BENCH_JAR:-app/target/fourth-purpose.jar}
PORT=${PORT:-18488}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-equity-web-XXXXXX)
EMAIL=bench.admin@example.org
PASSWORD='bench admin passphrase 2026'
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; date $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: java -Xmx512m -jar $JAR --fp.equity.max-upload=$MAX_UPLOAD; upload $(du -h "$FILE" | cut -f1) $FILE"
FP_DATA_DIR="$DATA" FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT \
  java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 --fp.equity.max-upload="$MAX_UPLOAD" \
  --spring.servlet.multipart.max-request-size="$MAX_UPLOAD" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/icbs/E54000008/profile" || true)" = 200 ] && break
  kill -0 $APP 2>/dev/null || { tail -30 "$DATA/app.log"; exit 1; }
  sleep 1
done
TOKEN=$(python3 - "$BASE" "$EMAIL" "$PASSWORD" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base, email, password = sys.argv[1:4]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def form(url, fields, page=None):
    html = opener.open(page or url).read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    return opener.open(url, urllib.parse.urlencode([("_csrf", token)] + fields).encode()).read().decode()
form(base + "/sign-in", [("email", email), ("password", password)])
page = form(base + "/account/tokens", [("name", "bench")], page=base + "/account")
print(re.search(r'id="new-token">([^<]+)<', page).group(1))
PY
)
rss() { awk '/VmRSS/{print $2}' /proc/$APP/status; }
echo "resident before the upload: $(( $(rss) / 1024 )) MiB"
PEAK=0
( while kill -0 $APP 2>/dev/null; do rss; sleep 0.2; done ) > "$DATA/rss" &
SAMPLER=$!
started=$(date +%s.%N)
LOCATION=$(curl -sf -D - -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$FILE" "$BASE/api/v1/workspaces/E54000008/equity/waiting-list?censusDate=2025-03-31&synthetic=true" \
  | awk 'tolower($1)=="location:"{print $2}' | tr -d '\r')
uploaded=$(date +%s.%N)
STATUS=queued
while [ "$STATUS" = queued ] || [ "$STATUS" = running ]; do
  sleep 0.5
  STATUS=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE$LOCATION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
done
ended=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true
PEAK=$(sort -n "$DATA/rss" | tail -1)
echo "analysis $LOCATION: $STATUS; upload $(echo "$uploaded - $started" | bc) s, analysis after upload $(echo "$ended - $uploaded" | bc) s"
echo "peak resident memory of the web application during upload and analysis: $(( PEAK / 1024 )) MiB (heap capped at 512 MiB; DuckDB memory_limit 256MB, fp.analytics.duckdb.memory-limit)"
