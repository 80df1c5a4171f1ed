package org.fourthpurpose.analytics;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats an engine reads directly. An XLSX workbook is converted to CSV by the web
 * application before it reaches an engine.
 */
public enum ExtractFormat {
  /** Comma-separated values, UTF-8, header on line 1 (RFC 4180 quoting). */
  CSV,
  /** Apache Parquet, any compression the engine supports. */
  PARQUET;

  /**
   * The format a file name suggests: {@code .csv} (also {@code .csv.gz}) is CSV, {@code .parquet}
   * or {@code .pq} is Parquet; anything else is empty.
   */
  public static Optional<ExtractFormat> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".parquet") || name.endsWith(".pq")) {
      return Optional.of(PARQUET);
    }
    return Optional.empty();
  }

  /** As {@link #fromFileName(String)}, for a path. */
  public static Optional<ExtractFormat> fromFileName(Path file) {
    Path name = file.getFileName();
    return name == null ? Optional.empty() : fromFileName(name.toString());
  }
}
