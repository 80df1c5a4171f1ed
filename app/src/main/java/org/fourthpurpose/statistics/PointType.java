package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * How a point on an XmR chart is coloured, with the names NHSRplotthedots gives its {@code
 * point_type}: a special cause is an improvement or a concern when the measure has an improvement
 * direction, and high or low when it is neutral.
 */
public enum PointType {
  COMMON_CAUSE,
  SPECIAL_CAUSE_IMPROVEMENT,
  SPECIAL_CAUSE_CONCERN,
  SPECIAL_CAUSE_NEUTRAL_HIGH,
  SPECIAL_CAUSE_NEUTRAL_LOW;

  /** The package's name for the type, such as {@code special_cause_improvement}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether any special-cause rule fired for the point. */
  public boolean isSpecialCause() {
    return this != COMMON_CAUSE;
  }

  /**
   * The type of a special cause in the given direction (+1 above or increasing, -1 below or
   * decreasing; 0 for common cause) for a measure that improves as given.
   */
  static PointType of(int direction, Improvement improvement) {
    if (direction == 0) {
      return COMMON_CAUSE;
    }
    if (improvement == Improvement.NEUTRAL) {
      return direction > 0 ? SPECIAL_CAUSE_NEUTRAL_HIGH : SPECIAL_CAUSE_NEUTRAL_LOW;
    }
    return direction * improvement.sign() > 0 ? SPECIAL_CAUSE_IMPROVEMENT : SPECIAL_CAUSE_CONCERN;
  }
}
