#!/usr/bin/env bash
# SPC API (issue 13): POST /api/v1/spc with 1,000 facets x 60 monthly points (60,000 rows, about 2.2 MB of CSV),
# answered as JSON and as CSV; target under 1 s per call. Packaged jar, -Xmx512m, H2 in a fresh data directory,
# loopback only. Each call is timed by curl (time_total: upload, charts and download); the first calls warm the
# JIT and are not counted.
#
#   bench/spc/run.sh [calls=20]
#
# Build first: ./mvnw -B -ntp -q -DskipTests install -pl app -am. Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
CALLS=${1:-20}
JAR=${BENCH_JAR:-app/target/fourth-purpose.jar}
PORT=${PORT:-18513}
FACETS=${FACETS:-1000}
POINTS=${POINTS:-60}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-spc-XXXXXX)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: FP_DATA_DIR=<fresh> java -Xmx512m -jar $JAR; curl POST $FACETS facets x $POINTS points, $CALLS calls"

# Seeded normal values with a step half-way in every tenth facet, so some charts have special causes.
python3 - "$FACETS" "$POINTS" > "$DATA/body.csv" <<'PY'
import random, sys, datetime
facets, points = int(sys.argv[1]), int(sys.argv[2])
random.seed(13)
print("facet,x,y")
for f in range(facets):
    d = datetime.date(2020, 1, 1)
    for i in range(points):
        step = 3 if f % 10 == 0 and i >= points // 2 else 0
        print(f"F{f:04d},{d.isoformat()},{random.gauss(50, 2) + step:.3f}")
        d = (d.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
PY
echo "body: $(wc -l < "$DATA/body.csv") lines, $(stat -c %s "$DATA/body.csv") bytes"

FP_DATA_DIR="$DATA" SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" --server.address=127.0.0.1 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
READY=0
for _ in $(seq 1 600); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/csv' \
        --data-binary $'x,y\n2020-01-01,1\n2020-02-01,2\n' "$BASE/api/v1/spc?improvement=increase" || true)" = 200 ]; then
    READY=1; break
  fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $READY = 0 ]; then echo "The app did not start:"; tail -40 "$DATA/app.log"; exit 1; fi

call() { # accept -> seconds
  curl -sf -o "$DATA/out" -w '%{time_total}\n' -X POST -H 'Content-Type: text/csv' -H "Accept: $1" \
    --data-binary @"$DATA/body.csv" "$BASE/api/v1/spc?improvement=increase&target=52"
}
for accept in application/json text/csv; do
  for _ in 1 2 3 4 5; do call "$accept" > /dev/null; done
  : > "$DATA/times"
  for _ in $(seq 1 "$CALLS"); do call "$accept" >> "$DATA/times"; done
  size=$(stat -c %s "$DATA/out")
  sort -n "$DATA/times" | awk -v a="$accept" -v s="$size" -v l="$(cut -d' ' -f1 /proc/loadavg)" '
    {t[NR]=$1*1000} END {printf "%-17s calls=%d min=%.0fms median=%.0fms p95=%.0fms max=%.0fms response=%d bytes load=%s\n",
      a, NR, t[1], t[int((NR+1)/2)], t[int(NR*0.95+0.999)], t[NR], s, l}'
done
