#!/usr/bin/env bash
# Benchmark: a spend file of N rows (default 500,000) with latitude and longitude, read, placed in
# LSOAs by point-in-polygon and added up, with the heap capped at 512 MB. Prints one RESULT line.
# Usage: bench/spend/run.sh [rows] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-500000}"
WORK="${2:-$(mktemp -d /tmp/fp-spend-bench.XXXXXX)}"
./mvnw -q -B -ntp -pl app -DskipTests test-compile
./mvnw -q -B -ntp -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.classpath)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: java -Xmx512m -cp ... org.fourthpurpose.anchor.spend.SpendBenchmark $ROWS $WORK"
java -Xmx512m -XX:+UseG1GC -cp "$CP" org.fourthpurpose.anchor.spend.SpendBenchmark "$ROWS" "$WORK"
