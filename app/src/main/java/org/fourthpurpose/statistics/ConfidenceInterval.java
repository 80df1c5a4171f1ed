package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * A two-sided confidence interval at a stated level.
 *
 * @param lower the lower limit, not above {@code upper}
 * @param upper the upper limit
 * @param level the confidence level the limits were computed at
 */
public record ConfidenceInterval(double lower, double upper, ConfidenceLevel level) {

  public ConfidenceInterval {
    Require.finite("lower limit", lower);
    Require.finite("upper limit", upper);
    Objects.requireNonNull(level, "level");
    if (lower > upper) {
      throw new IllegalArgumentException(
          "lower limit " + lower + " must not be above upper limit " + upper);
    }
  }

  /** Whether {@code value} lies in the closed interval [lower, upper]. */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /** The same interval with both limits multiplied, e.g. by 100 for a percentage. */
  public ConfidenceInterval times(double multiplier) {
    Require.positive("multiplier", multiplier);
    return new ConfidenceInterval(lower * multiplier, upper * multiplier, level);
  }
}
