package org.fourthpurpose.analytics;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * An extract on disk, its format and which of its headers holds each canonical column.
 *
 * @param file the file; the engine only reads it (deleting it is the caller's job)
 * @param format CSV or Parquet
 * @param columnMapping canonical column name ({@link ExtractColumn#columnName()}) → the header in
 *     the file that holds it; a canonical column not in the map is looked for under its own name
 *     (so an empty map means the file uses the canonical headers). Headers are matched exactly
 *     (case-sensitive) after trimming surrounding spaces in the file's header line.
 */
public record ExtractSource(Path file, ExtractFormat format, Map<String, String> columnMapping) {

  public ExtractSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    columnMapping = Map.copyOf(columnMapping);
    for (String canonical : columnMapping.keySet()) {
      if (ExtractColumn.byName(canonical).isEmpty()) {
        throw new IllegalArgumentException(
            "'"
                + canonical
                + "' is not a canonical column; expected one of "
                + ExtractColumn.headers());
      }
    }
  }

  /** A CSV file with the canonical headers. */
  public static ExtractSource csv(Path file) {
    return new ExtractSource(file, ExtractFormat.CSV, Map.of());
  }

  /** A Parquet file with the canonical column names. */
  public static ExtractSource parquet(Path file) {
    return new ExtractSource(file, ExtractFormat.PARQUET, Map.of());
  }

  /** The header in the file that holds {@code column}. */
  public String header(ExtractColumn column) {
    return columnMapping.getOrDefault(column.columnName(), column.columnName());
  }
}
