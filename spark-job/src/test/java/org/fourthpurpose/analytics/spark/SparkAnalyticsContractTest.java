package org.fourthpurpose.analytics.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.analytics.RecordLevelAnalyticsContract;

/**
 * The engine contract ({@link RecordLevelAnalyticsContract}) on Spark in {@code local[2]}: the same
 * files, the same refusals and the same aggregates (to 1e-9) as the DuckDB engine, from CSV and
 * from Parquet.
 */
class SparkAnalyticsContractTest extends RecordLevelAnalyticsContract {

  @Override
  protected RecordLevelAnalytics engine() {
    return new SparkRecordLevelAnalytics(SharedSpark.session());
  }

  /** The CSV's rows, every column as text, written as one Parquet file by Spark itself. */
  @Override
  protected Optional<Path> asParquet(Path csv) {
    Path dir = csv.resolveSibling(csv.getFileName() + ".parts");
    SharedSpark.session()
        .read()
        .option("header", "true")
        .option("inferSchema", "false")
        .csv(csv.toString())
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.toString());
    // Spark writes a directory of parts; the contract reads one file, as the web application has.
    try (Stream<Path> parts = Files.list(dir)) {
      Path part =
          parts
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("Spark wrote no Parquet part in " + dir));
      return Optional.of(Files.move(part, csv.resolveSibling(csv.getFileName() + ".parquet")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
