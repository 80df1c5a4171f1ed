#!/usr/bin/env bash
# Hostile uploads (issue 9): crafted files that would exhaust a 512 MB heap if read naively, sent to
# the import API of the packaged jar running with -Xmx512m. For each: the answer's status and time,
# the problem it names, and the server's resident memory after it; at the end, whether the server
# still answers, whether any OutOfMemoryError was logged and whether any spooled upload was left.
#
#   bench/trust/hostile.sh [data-dir=/tmp/hostile-bench-data]
#
# Build first: ./mvnw -B -ntp -q package -DskipTests -pl app -am. Needs: curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-/tmp/hostile-bench-data}"
PORT="${BENCH_PORT:-18484}"
JAR=app/target/fourth-purpose.jar
EMAIL=bench@example.org
PASSWORD='quiet harbour lantern 42'
ICS=E54000008
BASE="http://127.0.0.1:$PORT"
FILES="$DATA/files"
TMP="$DATA/tmp"
mkdir -p "$DATA" "$TMP"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=$DATA java -Xmx512m -Djava.io.tmpdir=$TMP -jar $JAR --server.port=$PORT"
[ -f "$FILES/huge.csv" ] || python3 bench/trust/hostile.py "$FILES" >/dev/null

PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null' EXIT
FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" FP_DATA_DIR="$DATA" \
  java -Xmx512m -Djava.io.tmpdir="$TMP" -jar "$JAR" --server.port="$PORT" >"$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 1800); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/ics/QYG" || true)" = 200 ] && break
  sleep 0.1
done

COOKIES="$DATA/cookies.txt"
rm -f "$COOKIES"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token=$(curl -s -c "$COOKIES" "$BASE/sign-in" | csrf)
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -d "_csrf=$token" --data-urlencode "email=$EMAIL" \
  --data-urlencode "password=$PASSWORD" "$BASE/sign-in"
form=$(curl -s -b "$COOKIES" "$BASE/account" | csrf)
api_token=$(curl -s -b "$COOKIES" -c "$COOKIES" -L -d "_csrf=$form" -d "name=hostile-$(date +%s)" \
  "$BASE/account/tokens" | grep -o 'id="new-token">fp_[^<]*' | sed 's/.*>//')
[ -n "$api_token" ] || { echo "could not create a token" >&2; exit 1; }

API="$BASE/api/v1/workspaces/$ICS/indicators/imports"
printf '%-20s %-10s %6s %9s %8s  %s\n' file sent-as status seconds rss_MiB "problem"
send() { # file, how
  local file="$FILES/$1" how="$2" args
  if [ "$how" = multipart ]; then
    args=(-F "file=@$file;filename=$1")
    [[ "$1" == *.xlsx ]] && args+=(-F "format=xlsx")
  else
    args=(-H 'Content-Type: text/csv' --data-binary "@$file")
  fi
  local result
  result=$(curl -s -o "$DATA/answer.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $api_token" \
    "${args[@]}" "$API" || echo "000 0")
  local problem
  problem=$(python3 -c 'import json,sys
try:
  a=json.load(open(sys.argv[1])); p=a.get("errors") or []
  print(a.get("title") or "", "-", ((p[0].get("message") if p else "") or a.get("detail") or "")[:120])
except Exception as e: print("(no JSON)")' "$DATA/answer.json")
  printf '%-20s %-10s %6s %9s %8s  %s\n' "$1" "$how" ${result} "$(($(ps -o rss= -p "$PID") / 1024))" "$problem"
}
for f in wide-row.xlsx shared-string.xlsx zip-bomb.xlsx deep.xlsx many-parts.xlsx; do send "$f" multipart; done
for f in long-field.csv wide.csv huge.csv; do send "$f" multipart; send "$f" text/csv; done

echo "server still answers: $(curl -s -o /dev/null -w '%{http_code}' "$BASE/ics/QYG")"
echo "OutOfMemoryError in the log: $(grep -c OutOfMemoryError "$DATA/server.log" || true)"
echo "files left in the server's temporary directory: $(find "$TMP" -type f -newer "$DATA/cookies.txt" | wc -l)"
echo "server resident memory at the end: $(($(ps -o rss= -p "$PID") / 1024)) MiB (heap capped at 512 MiB)"
