package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * The Making Data Count variation icon of a series: the point type of its latest point, as
 * NHSRplotthedots' summary reports {@code variation_type}. Improvement and concern icons show "H"
 * or "L" by the measure's improvement direction ({@link #high(Improvement)}).
 */
public enum VariationType {
  COMMON_CAUSE,
  SPECIAL_CAUSE_IMPROVEMENT,
  SPECIAL_CAUSE_CONCERN,
  SPECIAL_CAUSE_NEUTRAL_HIGH,
  SPECIAL_CAUSE_NEUTRAL_LOW;

  /** The package's name, such as {@code special_cause_concern}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The variation type named like the point type of the latest point. */
  public static VariationType of(PointType latest) {
    return valueOf(latest.name());
  }

  /**
   * Whether the icon's special cause is high (above the mean or rising): true for neutral high, for
   * improvement when higher is better and for concern when lower is better; false for common cause.
   */
  public boolean high(Improvement improvement) {
    return switch (this) {
      case COMMON_CAUSE, SPECIAL_CAUSE_NEUTRAL_LOW -> false;
      case SPECIAL_CAUSE_NEUTRAL_HIGH -> true;
      case SPECIAL_CAUSE_IMPROVEMENT -> improvement == Improvement.INCREASE;
      case SPECIAL_CAUSE_CONCERN -> improvement == Improvement.DECREASE;
    };
  }
}
