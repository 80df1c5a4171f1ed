import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Runs the hand-written DuckDB SQL script on the same DuckDB (the JDBC driver's, 2.0.0) as the
 * product, timing the whole script: java -cp DUCKDB_JAR bench/equity/RunSql.java SCRIPT EXTRACT
 * LOOKUP CENSUS_DATE TEMP_DIR [MEMORY_LIMIT]
 */
public class RunSql {
  public static void main(String[] args) throws Exception {
    String script =
        Files.readString(Path.of(args[0]))
            .replace("__EXTRACT__", args[1])
            .replace("__LOOKUP__", args[2])
            .replace("__CENSUS__", args[3])
            .replace("__MEMORY__", args.length > 5 ? args[5] : "256MB");
    // DuckDB's native library loads with the first connection; the product's engine is loaded
    // once when the application starts, so both sides are timed with it loaded.
    DriverManager.getConnection("jdbc:duckdb:").close();
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET temp_directory = '" + args[4] + "'");
      }
      for (String sql : script.split(";\\s*\\n")) {
        String text = sql.replaceAll("(?m)^--.*$", "").trim();
        if (text.isEmpty()) {
          continue;
        }
        try (Statement statement = connection.createStatement()) {
          if (statement.execute(text)) {
            try (ResultSet rs = statement.getResultSet()) {
              while (rs.next()) {
                System.out.println(
                    "group rows " + rs.getString(1) + ", pathways " + rs.getString(2));
              }
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "hand-written SQL total=%.2fs%n", (System.nanoTime() - started) / 1e9);
  }
}
