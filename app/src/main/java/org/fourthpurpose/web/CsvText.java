package org.fourthpurpose.web;

import java.math.BigDecimal;
import java.util.List;

/** Writes small CSV documents (RFC 4180) for downloads. */
public final class CsvText {

  private final java.io.StringWriter text = new java.io.StringWriter();
  private final org.fourthpurpose.csv.CsvWriter writer = new org.fourthpurpose.csv.CsvWriter(text);

  public CsvText row(List<?> values) {
    try {
      writer.writeRecord(values.stream().map(CsvText::field).toList());
      writer.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
    }
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
    return raw;
  }
}
