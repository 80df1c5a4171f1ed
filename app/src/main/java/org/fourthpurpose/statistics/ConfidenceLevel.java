package org.fourthpurpose.statistics;

/**
 * A two-sided confidence level, held as a percentage: Fingertips uses {@link #NINETY_FIVE} and
 * {@link #NINETY_NINE_POINT_EIGHT} (roughly two and three standard errors).
 *
 * <p>{@code ConfidenceLevel.ofPercent(95).z()} is 1.959963984540054, the normal quantile at {@code
 * 1 - alpha/2}.
 *
 * @param percent strictly between 0 and 100
 */
public record ConfidenceLevel(double percent) {

  public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(95);
  public static final ConfidenceLevel NINETY_NINE_POINT_EIGHT = new ConfidenceLevel(99.8);

  // Every row of every request asks for these two; work them out once.
  private static final double Z_95 = zFor(NINETY_FIVE);
  private static final double Z_998 = zFor(NINETY_NINE_POINT_EIGHT);

  public ConfidenceLevel {
    Require.finite("confidence level", percent);
    if (percent <= 0 || percent >= 100) {
      throw new IllegalArgumentException(
          "confidence level must be a percentage strictly between 0 and 100, was " + percent);
    }
  }

  /** The level for a percentage, e.g. {@code ofPercent(99.8)}. */
  public static ConfidenceLevel ofPercent(double percent) {
    return new ConfidenceLevel(percent);
  }

  /** The probability outside the interval, in both tails together: 0.05 for 95%. */
  public double alpha() {
    return (100 - percent) / 100;
  }

  /** The standard normal quantile at 1 - alpha/2: 1.96 for 95%, 3.09 for 99.8%. */
  public double z() {
    if (percent == 95) {
      return Z_95;
    }
    if (percent == 99.8) {
      return Z_998;
    }
    return zFor(this);
  }

  private static double zFor(ConfidenceLevel level) {
    return -NormalDistribution.inverseCumulativeProbability(level.alpha() / 2);
  }
}
