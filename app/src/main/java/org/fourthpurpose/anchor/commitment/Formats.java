package org.fourthpurpose.anchor.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as the pages write them: 31 March 2027; 30 Nov 2026 19:30. */
final class Formats {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private Formats() {}

  static String date(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }

  static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
