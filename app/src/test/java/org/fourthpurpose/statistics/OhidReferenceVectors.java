package org.fourthpurpose.statistics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;

/**
 * The test vectors of the R package PHEindicatormethods, exported from its testthat workbooks to
 * {@code shared/data/reference_tests/PHEindicatormethods/}. They are GPL-3, so they are read where
 * they lie, never copied into this repository; tests that need them are skipped when the folder is
 * absent.
 */
public final class OhidReferenceVectors {

  /** Relative to the app module, which is Maven Surefire's working directory. */
  private static final String LOCATION = "../../shared/data/reference_tests/PHEindicatormethods";

  private OhidReferenceVectors() {}

  /** The folder of vectors, resolved from the working directory (the app module). */
  public static Path folder() {
    return Path.of(System.getProperty("user.dir")).resolve(LOCATION).normalize();
  }

  /** Skips the calling test, saying why, when the vectors are not beside this checkout. */
  public static void assumePresent() {
    assumeTrue(
        Files.isDirectory(folder()),
        () ->
            "PHEindicatormethods reference vectors not found at "
                + folder()
                + " (expected shared/ beside the repository clone); skipping");
  }

  /** The rows of a vector file, each a map from column name to text in file order. */
  public static List<Map<String, String>> read(String fileName) throws IOException {
    assumePresent();
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(folder().resolve(fileName), StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(in)) {
      List<String> header = reader.next().orElseThrow().fields();
      for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), next.get().field(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A numeric cell, NaN when empty (R's NA). */
  public static double number(Map<String, String> row, String column) {
    String text = row.get(column);
    if (text == null) {
      throw new IllegalArgumentException("no column " + column + " in " + row.keySet());
    }
    return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
  }

  /** The confidence level of a "95%" or "99.8%" cell. */
  public static ConfidenceLevel level(String text) {
    return ConfidenceLevel.ofPercent(Double.parseDouble(text.replace("%", "")));
  }
}
