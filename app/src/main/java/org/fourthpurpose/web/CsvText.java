package org.fourthpurpose.web;

import java.math.BigDecimal;
import java.util.List;

/** Writes small CSV documents (RFC 4180) for downloads. */
public final class CsvText {

  private final StringBuilder text = new StringBuilder();

  public CsvText row(List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(values.get(i)));
    }
    text.append("\r\n");
    return this;
  }

  public CsvText row(Object... values) {
    return row(java.util.Arrays.asList(values));
  }

  @Override
  public String toString() {
    return text.toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String raw;
    if (value instanceof Double d) {
      raw =
          d.isNaN() || d.isInfinite()
              ? ""
              : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    } else {
      raw = value.toString();
    }
    if (raw.contains(",") || raw.contains("\"") || raw.contains("\n") || raw.contains("\r")) {
      return '"' + raw.replace("\"", "\"\"") + '"';
    }
    return raw;
  }
}
