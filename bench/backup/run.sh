#!/usr/bin/env bash
# Benchmark: back up and restore a workspace with N imported values (default 1,000,000) with the
# heap capped at 512 MB, on an embedded H2 file database. Prints seconds, sizes and peak heap, and
# whether a backup after the restore has the same data.
# Usage: bench/backup/run.sh [rows] [work-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
WORK="${2:-$(mktemp -d /tmp/fp-backup-bench.XXXXXX)}"
./mvnw -q -o -pl app -DskipTests test-compile
./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="app/target/classes:app/target/test-classes:$(cat app/target/bench.classpath)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(java -version 2>&1 | head -1)"
echo "command: java -Xmx512m -cp ... org.fourthpurpose.backup.BackupBenchmark $ROWS $WORK"
java -Xmx512m -XX:+UseG1GC -Djava.io.tmpdir="$WORK" -cp "$CP" org.fourthpurpose.backup.BackupBenchmark "$ROWS" "$WORK" 2>&1 | grep -E "RESULT|Backed up|Restored|ERROR|Exception" || true
