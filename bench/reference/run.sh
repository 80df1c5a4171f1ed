#!/usr/bin/env bash
# Reference load benchmark (issue 10): first start of the packaged jar on an empty H2 data directory, with the
# JVM capped at -Xmx512m, and how long each reference dataset takes to load, the indicators (loaded in the
# background once the application serves) included. Loopback only; every wait is bounded.
#
#   bench/reference/run.sh [runs=3]            (BENCH_JAR=path/to/other.jar to time another build)
#
# Needs: a built jar (./mvnw -B -ntp -pl app -am -DskipTests install), curl.
# Prints, per run: first_start_ms (launch until GET /ics/QYG answers 200), indicators_ready_ms (launch until the
# indicator values are loaded and GET /indicators/employment-rate answers 200) and each dataset's
# load time and rows as the loader logs them, and the CPU seconds the JVM had used at both points.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
JAR="${BENCH_JAR:-app/target/fourth-purpose.jar}"
PORT="${BENCH_PORT:-18090}"
WORK="$(mktemp -d /tmp/fp-reference-bench.XXXXXX)"
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -ntp -pl app -am -DskipTests install" >&2; exit 1; }

now_ms() { date +%s%3N; }
# CPU seconds (user + system) the JVM has used so far: less sensitive than wall time to other work on the machine.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$PID/stat"; }
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$1" || true)" = 200 ]; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/data"
  log="$WORK/first-$run.log"
  started=$(now_ms)
  FP_DATA_DIR="$WORK/data" SERVER_PORT="$PORT" java -Xmx512m -Djava.io.tmpdir="$WORK" -jar "$JAR" >"$log" 2>&1 &
  PID=$!
  first=
  for _ in $(seq 1 3000); do
    if answers /ics/QYG; then first=$(( $(now_ms) - started )); first_cpu=$(cpu_s); break; fi
    sleep 0.1
  done
  [ -n "$first" ] || { echo "did not start in 300 s; see $log" >&2; exit 1; }
  ready=
  for _ in $(seq 1 6000); do
    if grep -q 'Loaded reference dataset indicators' "$log" && answers /indicators/employment-rate; then
      ready=$(( $(now_ms) - started )); ready_cpu=$(cpu_s); break
    fi
    sleep 0.1
  done
  [ -n "$ready" ] || { echo "indicators did not load in 600 s; see $log" >&2; exit 1; }
  loads=$(grep -o 'Loaded reference dataset [a-z-]* version [^:]*: [0-9]* rows in [0-9]* ms' "$log" \
    | sed -E 's/Loaded reference dataset ([a-z-]+) version [^:]*: ([0-9]+) rows in ([0-9]+) ms/\1=\3ms(\2 rows)/' | tr '\n' ' ')
  echo "run $run: first_start_ms=$first (cpu ${first_cpu}s) indicators_ready_ms=$ready (cpu ${ready_cpu}s) load: $loads"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
