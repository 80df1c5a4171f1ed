package org.fourthpurpose.analytics.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.analytics.RecordLevelAnalyticsContract;

/** The DuckDB engine keeps the record-level analytics contract, on CSV and Parquet. */
class DuckDbAnalyticsContractTest extends RecordLevelAnalyticsContract {

  @Override
  protected RecordLevelAnalytics engine() {
    return new DuckDbAnalytics(workDir.resolve("engine"), "256MB", 2);
  }

  @Override
  protected Optional<Path> asParquet(Path csv) {
    Path parquet = csv.resolveSibling(csv.getFileName() + ".parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM read_csv("
              + DuckDbAnalytics.literal(csv)
              + ", header = true, all_varchar = true)) TO "
              + DuckDbAnalytics.literal(parquet)
              + " (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return Optional.of(parquet);
  }
}
