#!/usr/bin/env bash
# Runs the issue-14 benchmarks on synthetic extracts; see README.md. From the repository root:
#   bench/equity/run.sh ROWS [ROWS…]      e.g. bench/equity/run.sh 1000000 10000000
# Needs: ./mvnw -o -pl app -am package -DskipTests (or compile) done, Rscript with data.table, and
# optionally SPARK_JAR=path/to/fourth-purpose-spark-job.jar for the Spark job in local[2].
set -euo pipefail
WORK=${BENCH_DIR:-/tmp/fp-bench-equity}
CENSUS=2025-03-31
DUCKDB_JAR=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/2.0.0.1/duckdb_jdbc-2.0.0.1.jar)
CP="$DUCKDB_JAR:analytics-core/target/classes:app/target/classes"
mkdir -p "$WORK/tmp"
[ -f "$WORK/lookup.csv" ] || jshell --class-path analytics-core/target/classes -q <<JSH
org.fourthpurpose.analytics.NeighbourhoodLookups.fromShippedFiles(java.nio.file.Path.of("app/src/main/resources/reference")).writeCsv(java.nio.file.Path.of("$WORK/lookup.csv"));
/exit
JSH
for ROWS in "$@"; do
  FILE="$WORK/synthetic-qyg-$ROWS.csv"
  [ -f "$FILE" ] || java -Xmx512m -cp analytics-core/target/classes org.fourthpurpose.analytics.SyntheticWaitingList \
      --icb QYG --rows "$ROWS" --seed 42 --out "$FILE"
  echo "== $ROWS rows ($(du -hL "$FILE" | cut -f1)), load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "product peak RSS %M KB, wall %e s" \
      java -Xmx512m -cp "$CP" bench/equity/DuckDbPath.java "$FILE" "$CENSUS" 256MB
  /usr/bin/time -f "hand-written peak RSS %M KB, wall %e s" \
      java -cp "$DUCKDB_JAR" bench/equity/RunSql.java bench/equity/handwritten.sql "$FILE" "$WORK/lookup.csv" "$CENSUS" "$WORK/tmp" 2GB
  if [ -n "${SPARK_JAR:-}" ]; then
    rm -rf "$WORK/spark-out"
    /usr/bin/time -f "spark local[2] peak RSS %M KB, wall %e s" \
        java -jar "$SPARK_JAR" --input "$FILE" --census-date "$CENSUS" --output "$WORK/spark-out" --lookup "$WORK/lookup.csv" | tail -2
  fi
  if [ -z "${SKIP_R:-}" ]; then
    /usr/bin/time -f "R data.table peak RSS %M KB, wall %e s" \
        Rscript bench/equity/datatable.R "$FILE" "$WORK/lookup.csv" "$CENSUS"
  fi
done
