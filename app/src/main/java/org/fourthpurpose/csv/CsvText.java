package org.fourthpurpose.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV document (RFC 4180) built in memory for a download: numbers written plainly, text that a
 * spreadsheet would run as a formula defused, and rows that can come straight from records, so a
 * download's columns are its record's components and are written down once.
 *
 * <pre>{@code
 * record Row(String areaCode, Double value) {}
 * new CsvText().header(Row.class).record(new Row("E54000008", -1.5)); // areaCode,value / E54000008,-1.5
 * }</pre>
 */
public final class CsvText {

  /** Text that is a plain number (e.g. {@code -3.2}) stays a number although it starts with "-". */
  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final StringWriter text = new StringWriter();
  private final CsvWriter writer = new CsvWriter(text);

  public CsvText row(List<?> values) {
    try {
      writer.writeRecord(values.stream().map(CsvText::field).toList());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return this;
  }

  public CsvText row(Object... values) {
    return row(Arrays.asList(values));
  }

  /** Writes the header row: the names of the record type's components, in order. */
  public CsvText header(Class<? extends Record> type) {
    return row(columns(type));
  }

  /** Writes one row: the values of the record's components, in order. */
  public CsvText record(Record row) {
    return row(values(row));
  }

  /**
   * A record's fields as every download writes them (numbers plainly, text defused), for a download
   * streamed through a {@link CsvWriter} rather than built here.
   */
  public static List<String> fields(Record row) {
    return values(row).stream().map(CsvText::field).toList();
  }

  /** The column names of a download made of records of this type. */
  public static List<String> columns(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /** A record's component values, in order. */
  public static List<Object> values(Record row) {
    List<Object> values = new ArrayList<>();
    for (RecordComponent component : row.getClass().getRecordComponents()) {
      try {
        var accessor = component.getAccessor();
        accessor.setAccessible(true);
        values.add(accessor.invoke(row));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read " + component.getName() + " of " + row, e);
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /**
   * Text as a spreadsheet should show it, never run it: text starting with =, +, -, @, a tab or a
   * carriage return gets a leading apostrophe (OWASP's advice on CSV injection), except a plain
   * number such as {@code -3.2}. Every CSV and workbook the product writes goes through here.
   */
  public static String defuse(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite()
          ? ""
          : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return defuse(value.toString());
  }
}
