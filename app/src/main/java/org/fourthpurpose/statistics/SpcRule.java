package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * The special-cause rules of an XmR chart in NHSRplotthedots' order of precedence: when more than
 * one rule marks a point, the point is reported under the first of them.
 */
public enum SpcRule {
  /** A point above the upper or below the lower process limit. */
  OUTSIDE_LIMITS,
  /**
   * A run of seven (six with the six-point option) points each higher, or each lower, than the
   * last.
   */
  TREND,
  /**
   * Two of three consecutive points beyond two sigma (between 2/3 of the way to a limit and the
   * limit) on the same side of the mean, all three on that side; only the points beyond two sigma
   * are marked.
   */
  TWO_IN_THREE,
  /** A run of seven (six with the six-point option) points on the same side of the mean. */
  SHIFT;

  /** The name in the API, such as {@code outside_limits}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * NHSRplotthedots' {@code special_cause_type} wording for a point marked by this rule in the
   * given direction (+1 above or increasing, -1 below or decreasing), such as "7 Points Above CL".
   */
  public String describe(int direction, int runLength) {
    boolean up = direction > 0;
    return switch (this) {
      case OUTSIDE_LIMITS -> up ? "Above UCL" : "Below LCL";
      case TREND -> runLength + " Point Trend (" + (up ? "Increasing" : "Decreasing") + ")";
      case TWO_IN_THREE -> "2 in 3 " + (up ? "Above" : "Below") + " CL";
      case SHIFT -> runLength + " Points " + (up ? "Above" : "Below") + " CL";
    };
  }
}
