package org.fourthpurpose.indicator.shipped;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.fourthpurpose.reference.ReferenceDataException;

/**
 * Checks that an additive series adds up: parts (ICBs, regions) against the total a shipped file
 * publishes or the total the loader writes. A disagreement beyond the stated tolerance stops the
 * reference load with the file, the month and both figures, so a wrong figure is never published.
 */
final class Reconciliation {

  /**
   * Counts of whole waiting lists, attendances and discharges: parts and totals must agree to 0.05%
   * (or half a unit, for small counts). Published NHS England files add up exactly; the tolerance
   * only allows for rounding in a derived file.
   */
  static final double TOLERANCE = 0.0005;

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private Reconciliation() {}

  /** True when {@code parts} and {@code total} agree within {@link #TOLERANCE}. */
  static boolean agrees(double parts, double total) {
    return Math.abs(parts - total) <= Math.max(0.5, TOLERANCE * Math.abs(total));
  }

  /**
   * Stops the load unless {@code parts} (what {@code partsDescription} adds up) agrees with {@code
   * total} (what {@code file} gives) for {@code month}.
   */
  static void require(
      String file,
      String column,
      YearMonth month,
      String measure,
      double parts,
      String partsDescription,
      double total,
      String totalDescription) {
    if (!agrees(parts, total)) {
      throw new ReferenceDataException(
          file,
          0,
          column,
          String.format(
              Locale.ROOT,
              "%s, %s: %s add up to %s but %s gives %s (%s apart; the tolerance is %s)."
                  + " The load stops so that no figure contradicting the published total is"
                  + " shown.",
              month.format(MONTH),
              measure,
              partsDescription,
              count(parts),
              totalDescription,
              count(total),
              percent(Math.abs(parts - total) / Math.max(Math.abs(total), 1)),
              percent(TOLERANCE)));
    }
  }

  static String count(double value) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(Math.round(value));
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }

  static String month(YearMonth month) {
    return month.format(MONTH);
  }
}
