package org.fourthpurpose.impact.measure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.fourthpurpose.indicator.Period;

/**
 * Reads the periods and dates people type or files hold: a day ({@code 2025-03-31} or {@code
 * 31/03/2025}), or any of the catalogue's period forms ({@code 2025-03}, {@code 2025-Q1}, {@code
 * 2024/25}, {@code 2025}), each of which stands for its first day on the chart.
 */
final class Periods {

  /** What the accepted forms look like, for error messages and page help. */
  static final String FORMS = "2025-03-31, 31/03/2025, 2025-03, 2025-Q1, 2024/25 or 2025";

  static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Periods() {}

  /** A day: ISO or day/month/year; empty when the text is neither or not a real, plausible day. */
  static Optional<LocalDate> day(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      LocalDate d = null;
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        d = LocalDate.parse(t);
      } else if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        d = LocalDate.parse(t, DAY_MONTH_YEAR);
      }
      return d == null || d.isBefore(EARLIEST) || d.isAfter(LATEST)
          ? Optional.empty()
          : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A value's period: a day or a catalogue period (pooled years are refused: not one point). */
  static Optional<MeasureValue> period(String text, double value) {
    Optional<LocalDate> day = day(text);
    if (day.isPresent()) {
      return Optional.of(new MeasureValue(day.get(), value, day.get().toString()));
    }
    if (text == null || text.strip().matches("\\d{4}-\\d{4}|.*/.*-.*")) {
      return Optional.empty();
    }
    Period p = Period.parse(text);
    return p == null
        ? Optional.empty()
        : Optional.of(new MeasureValue(p.start(), value, p.label()));
  }
}
