package org.fourthpurpose.indicator.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the tidy CSV layout: one row per indicator, area and period. */
class CsvRowSource implements RowSource {

  static final List<String> REQUIRED = List.of("indicator_id", "area_code", "period");
  static final List<String> VALUE_COLUMNS =
      List.of("value", "numerator", "denominator", "lower_ci", "upper_ci");

  protected final CsvRecords records;
  protected final Map<String, Integer> index = new HashMap<>();
  protected final String file;
  private final InputStream in;

  CsvRowSource(InputStream in, String file) {
    this.in = in;
    this.file = file;
    this.records =
        new CsvRecords(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), file);
    List<String> header = records.next();
    if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
      throw new ImportFileException(file, 1, null, "the file is empty: expected a header row");
    }
    for (int i = 0; i < header.size(); i++) {
      index.putIfAbsent(normalise(header.get(i)), i);
    }
    checkHeader(header);
  }

  protected String normalise(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT);
  }

  protected void checkHeader(List<String> header) {
    for (String column : REQUIRED) {
      if (!index.containsKey(column)) {
        throw new ImportFileException(
            file, 1, column, "the header has no " + column + " column (found " + header + ")");
      }
    }
    if (!index.containsKey("value")
        && !(index.containsKey("numerator") && index.containsKey("denominator"))) {
      throw new ImportFileException(
          file,
          1,
          "value",
          "the header needs a value column, or numerator and denominator columns");
    }
  }

  @Override
  public RawRow next() {
    while (true) {
      List<String> fields = records.next();
      if (fields == null) {
        return null;
      }
      if (fields.size() == 1 && fields.get(0).isBlank()) {
        continue;
      }
      return toRow(records.recordLine(), fields);
    }
  }

  protected RawRow toRow(long line, List<String> f) {
    return new RawRow(
        line,
        get(f, "indicator_id"),
        get(f, "area_code"),
        get(f, "period"),
        get(f, "value"),
        get(f, "numerator"),
        get(f, "denominator"),
        get(f, "lower_ci"),
        get(f, "upper_ci"));
  }

  protected String get(List<String> fields, String column) {
    Integer i = index.get(column);
    return i == null || i >= fields.size() ? null : fields.get(i);
  }

  @Override
  public String column(Field field) {
    return field.tidyName;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing more to read; a failure to close an input stream loses nothing.
    }
  }
}
