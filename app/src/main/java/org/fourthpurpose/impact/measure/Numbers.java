package org.fourthpurpose.impact.measure;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How a measure's numbers are written: up to three significant decimals, with the unit. */
public final class Numbers {

  private Numbers() {}

  /** The number alone, e.g. {@code 1,234.5} or {@code 0.0123}; a dash for NaN. */
  public static String plain(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    double a = Math.abs(value);
    String pattern = a >= 100 ? "#,##0.#" : a >= 1 ? "#,##0.##" : "#,##0.###";
    if (a > 0 && a < 0.001) {
      pattern = "0.###E0";
    }
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(value);
  }

  /** The number with its unit: {@code 54.2%}, {@code 12.5 per 1,000}. */
  public static String format(double value, String unit) {
    String n = plain(value);
    if (unit == null || unit.isBlank() || n.equals("–")) {
      return n;
    }
    return unit.strip().equals("%") ? n + "%" : n + " " + unit.strip();
  }

  /** The number as a download writes it: plain digits, full precision, empty for NaN. */
  public static String exact(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? ""
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
