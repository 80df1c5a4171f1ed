#!/usr/bin/env bash
# Benchmark of the maturity feature: moderation view and board report latency at 20 concurrent
# clients, and PDF generation time, for one round with 30 assessors x all areas.
# Loopback only; every wrk run is bounded by DURATION. Usage: bench/maturity/run.sh [DURATION]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
PORT=${PORT:-18181}
ICB=${ICB:-E54000054}
ASSESSORS=${ASSESSORS:-30}
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/fp-bench-XXXXXX)
EMAIL=bench.admin@example.org
PASSWORD='bench admin passphrase 2026'

[ -f app/target/fourth-purpose.jar ] || ./mvnw -q -pl app -DskipTests package
FP_DATA_DIR="$DATA" FP_ADMIN_EMAIL="$EMAIL" FP_ADMIN_PASSWORD="$PASSWORD" SERVER_PORT=$PORT \
  java -Xmx512m -jar app/target/fourth-purpose.jar --server.address=127.0.0.1 > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
READY=0
for _ in $(seq 1 300); do
  if curl -sf "$BASE/actuator/health" > /dev/null; then READY=1; break; fi
  kill -0 $APP 2>/dev/null || break
  sleep 1
done
if [ $READY = 0 ]; then echo "The app did not start:"; tail -40 "$DATA/app.log"; exit 1; fi
# The first administrator is created once the app is ready; give it a moment.
sleep 2
eval "$(python3 bench/maturity/seed.py "$BASE" "$EMAIL" "$PASSWORD" "$ICB" "$ASSESSORS")"
echo "Seeded round $ROUND: $ASSESSORS assessors x $AREAS areas"
WS="$BASE/api/v1/workspaces/$ICB/maturity/rounds/$ROUND"
PAGES="$BASE/workspaces/$ICB/maturity/rounds/$ROUND"

# Warm up the JIT and caches.
for _ in $(seq 1 30); do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$WS/moderation"
  curl -sf -o /dev/null -H "Cookie: $COOKIE" "$PAGES/moderation"
  curl -sf -o /dev/null -H "Cookie: $COOKIE" "$PAGES/report"
done

bench() { # name url header
  printf '%-28s ' "$1"
  wrk -t2 -c20 -d"$DURATION" --timeout 5s -s bench/maturity/p95.lua -H "$3" "$2" | grep '^RESULT' | sed 's/^RESULT //'
}
bench "moderation API (JSON)" "$WS/moderation" "Authorization: Bearer $TOKEN"
bench "moderation page (HTML)" "$PAGES/moderation" "Cookie: $COOKIE"
bench "board report page (HTML)" "$PAGES/report" "Cookie: $COOKIE"

# PDF: sequential, 10 times, after 3 warm-up renders.
for _ in 1 2 3; do curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$WS/report.pdf"; done
TIMES=()
for _ in $(seq 1 10); do
  TIMES+=("$(curl -sf -o "$DATA/report.pdf" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$WS/report.pdf")")
done
printf 'board report PDF (s, 10 runs): %s\n' "${TIMES[*]}"
printf 'PDF size: %s bytes\n' "$(stat -c %s "$DATA/report.pdf")"
