package org.fourthpurpose.anchor.commitment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Reads the dates people type or files hold: 2027-03-31 or 31/03/2027. */
final class Dates {

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /** The date, or empty when the text is not one of the two forms or not a real day. */
  static Optional<LocalDate> parse(String text) {
    String t = text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Optional.of(LocalDate.parse(t));
      }
      if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        return Optional.of(LocalDate.parse(t, DAY_MONTH_YEAR));
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
