#!/usr/bin/env bash
# Foundation benchmarks (issue 2): start-up with an empty and a loaded data directory, reference load time,
# and ICS page latency at 50 concurrent clients. JVM capped at -Xmx512m. Loopback only; every loop is bounded.
#
#   bench/foundation/run.sh [runs=3] [seconds=30]
#
# Needs: a built jar (./mvnw -q -DskipTests package), curl, wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
SECONDS_UNDER_LOAD="${2:-30}"
JAR=app/target/fourth-purpose.jar
PORT="${BENCH_PORT:-18080}"
WORK="$(mktemp -d)"
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

now_ms() { date +%s%3N; }

JAVA_OPTS=(-Xmx512m)
RUN_JAR="$JAR"

# Starts the jar on $1 (data directory); sets PID, and ELAPSED to the ms until /ics/QYG answers 200 (120 s at most).
start_and_time() {
  local data="$1" log="$2" started
  started=$(now_ms)
  FP_DATA_DIR="$data" SERVER_PORT="$PORT" java "${JAVA_OPTS[@]}" -jar "$RUN_JAR" >"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ics/QYG" || true)" = 200 ]; then
      ELAPSED=$(( $(now_ms) - started ))
      return 0
    fi
    sleep 0.1
  done
  echo "did not start in 120 s; see $log" >&2
  return 1
}

stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
PID=

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), java $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/data"
  start_and_time "$WORK/data" "$WORK/first-$run.log"
  first=$ELAPSED
  # The indicator values load in the background once the app serves; let them finish before stopping.
  for _ in $(seq 1 1200); do
    grep -q 'Loaded reference dataset indicators' "$WORK/first-$run.log" && break
    sleep 0.1
  done
  loads=$(grep -o 'Loaded reference dataset [a-z]* version [^:]*: [0-9]* rows in [0-9]* ms' "$WORK/first-$run.log" \
    | sed -E 's/Loaded reference dataset ([a-z]+) .* in ([0-9]+) ms/\1=\2ms/' | tr '\n' ' ')
  stop
  start_and_time "$WORK/data" "$WORK/warm-$run.log"
  warm=$ELAPSED
  echo "run $run: first_start_ms=$first warm_start_ms=$warm reference_load: $loads"
  if [ "$run" -lt "$RUNS" ]; then stop; fi
done

# The same warm start with class data sharing (AppCDS), as Spring Boot documents for production: the jar is
# extracted, a training run writes the archive, and the JVM maps the archived classes at start.
stop
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null
FP_DATA_DIR="$WORK/data" SERVER_PORT="$PORT" java -Xmx512m -XX:ArchiveClassesAtExit="$WORK/extracted/app.jsa" \
  -Dspring.context.exit=onRefresh -jar "$WORK/extracted/fourth-purpose.jar" >"$WORK/cds-training.log" 2>&1 || true
JAVA_OPTS=(-Xmx512m -XX:SharedArchiveFile="$WORK/extracted/app.jsa")
RUN_JAR="$WORK/extracted/fourth-purpose.jar"
for run in $(seq 1 "$RUNS"); do
  start_and_time "$WORK/data" "$WORK/cds-$run.log"
  echo "run $run with AppCDS: warm_start_ms=$ELAPSED"
  if [ "$run" -lt "$RUNS" ]; then stop; fi
done

# Latency: warm up the JIT, then 50 connections on two threads for a fixed time.
wrk -t2 -c50 -d10s "http://127.0.0.1:$PORT/ics/QYG" >/dev/null
for page in /ics/QYG /ics/QHM / /england; do
  printf '%-10s c=50 %ss: ' "$page" "$SECONDS_UNDER_LOAD"
  wrk -t2 -c50 -d"${SECONDS_UNDER_LOAD}s" --timeout 5s -s bench/foundation/percentiles.lua \
    "http://127.0.0.1:$PORT$page" | tail -1
done
rss=$(ps -o rss= -p "$PID")
echo "server resident memory after load: $((rss / 1024)) MiB (heap capped at 512 MiB)"
