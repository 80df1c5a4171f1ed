#!/usr/bin/env bash
# Benchmark: import a tidy CSV of N rows (default 1,000,000) through the import engine, with the
# heap capped at 512 MB, into an embedded H2 file database. Prints rows/s and peak heap.
# Usage: bench/import/run.sh [rows] [work-dir] [new|replace|reject-last]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
WORK="${2:-$(mktemp -d /tmp/fp-import-bench.XXXXXX)}"
MODE="${3:-new}"
./mvnw -q -o -pl app -DskipTests test-compile
./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.classpath)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(java -version 2>&1 | head -1)"
echo "command: java -Xmx512m -cp ... org.fourthpurpose.indicator.importing.ImportBenchmark $ROWS $WORK $MODE"
java -Xmx512m -XX:+UseG1GC -cp "$CP" org.fourthpurpose.indicator.importing.ImportBenchmark "$ROWS" "$WORK" "$MODE" 2>&1 | grep -E "RESULT|PROBLEM|Import [0-9]+ into|ERROR|Exception" || true
