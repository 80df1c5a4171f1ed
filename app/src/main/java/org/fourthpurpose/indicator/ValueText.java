package org.fourthpurpose.indicator;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How indicator values and comparisons read on a page. */
public final class ValueText {

  private ValueText() {}

  /** The comparison as a phrase for a table cell or tooltip. */
  public static String comparisonText(AreaComparison r) {
    if (r.comparison() == null) {
      return "";
    }
    if (r.comparedByQuintile()) {
      // "quintile 1 (highest values)" as the API writes it, "Quintile 1 (highest values)" on pages.
      return r.comparison().substring(0, 1).toUpperCase(Locale.ROOT) + r.comparison().substring(1);
    }
    return switch (r.comparison()) {
      case "similar" -> "Similar to England";
      default ->
          r.comparison().substring(0, 1).toUpperCase(Locale.ROOT)
              + r.comparison().substring(1)
              + " than England";
    };
  }

  /**
   * A value as pages show it: whole above 100, one decimal place from 1, three below 1 (shares).
   */
  public static String format(Double value) {
    if (value == null) {
      return "";
    }
    DecimalFormat f =
        new DecimalFormat(
            Math.abs(value) >= 100 ? "#,##0" : Math.abs(value) >= 1 ? "#,##0.0" : "0.000",
            DecimalFormatSymbols.getInstance(Locale.UK));
    return f.format(value);
  }
}
