package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * How an area compares with a benchmark (England, its region, or another ICS), at 95% and at 99.8%,
 * by Fingertips' confidence-interval method.
 *
 * <p>The rule, applied separately at each level: the area is <em>significantly higher</em> when the
 * lower limit of its interval is above the benchmark value, <em>significantly lower</em> when the
 * upper limit is below it, and <em>similar</em> when the benchmark lies in the closed interval
 * (touching a limit counts as similar). Higher and lower become better and worse through the
 * indicator's {@link Polarity}, or stay higher and lower when it has no judgement. The benchmark is
 * treated as a fixed value: its own interval is not used, as in Fingertips, where England's is
 * narrow beside any area's.
 *
 * <p>Because the 99.8% interval contains the 95% interval (this is checked), an area significant at
 * 99.8% is significant in the same direction at 95%, giving Fingertips' five categories: better
 * (99.8%), better (95%), similar, worse (95%), worse (99.8%). For example, a value of 70 with 95%
 * interval [66, 74] and 99.8% interval [64, 76] against England at 65, higher is better, is {@code
 * BETTER} at 95% and {@code SIMILAR} at 99.8%.
 *
 * @param significance95 the comparison using the 95% interval
 * @param significance998 the comparison using the 99.8% interval
 */
public record FingertipsComparison(Significance significance95, Significance significance998) {

  public FingertipsComparison {
    Objects.requireNonNull(significance95, "significance95");
    Objects.requireNonNull(significance998, "significance998");
  }

  /**
   * Compares an area's value and intervals with a benchmark value.
   *
   * @param value the area's value, which must lie within both intervals
   * @param interval95 the area's 95% confidence interval
   * @param interval998 the area's 99.8% confidence interval, containing the 95% one
   * @param benchmark the comparator's value, e.g. England's
   * @throws IllegalArgumentException if the intervals are at the wrong levels, are not nested, do
   *     not contain the value, or the benchmark is not a finite number
   */
  public static FingertipsComparison compare(
      double value,
      ConfidenceInterval interval95,
      ConfidenceInterval interval998,
      double benchmark,
      Polarity polarity) {
    Require.finite("value", value);
    Require.finite("benchmark", benchmark);
    Objects.requireNonNull(interval95, "interval95");
    Objects.requireNonNull(interval998, "interval998");
    Objects.requireNonNull(polarity, "polarity");
    if (!interval95.level().equals(ConfidenceLevel.NINETY_FIVE)) {
      throw new IllegalArgumentException(
          "interval95 must be at 95%, was at " + interval95.level().percent() + "%");
    }
    if (!interval998.level().equals(ConfidenceLevel.NINETY_NINE_POINT_EIGHT)) {
      throw new IllegalArgumentException(
          "interval998 must be at 99.8%, was at " + interval998.level().percent() + "%");
    }
    if (!interval95.contains(value)) {
      throw new IllegalArgumentException(
          "value " + value + " lies outside its 95% interval " + describe(interval95));
    }
    if (interval998.lower() > interval95.lower() || interval998.upper() < interval95.upper()) {
      throw new IllegalArgumentException(
          "the 99.8% interval "
              + describe(interval998)
              + " must contain the 95% interval "
              + describe(interval95));
    }
    return new FingertipsComparison(
        Significance.of(side(interval95, benchmark), polarity),
        Significance.of(side(interval998, benchmark), polarity));
  }

  /** The strongest finding: the 99.8% result when significant there, otherwise the 95% one. */
  public Significance strongest() {
    return significance998.isSignificant() ? significance998 : significance95;
  }

  /** Fingertips' wording, e.g. "Better (99.8%)", "Worse (95%)", "Similar". */
  public String label() {
    String name =
        significance95.name().charAt(0)
            + significance95.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    if (!significance95.isSignificant()) {
      return name;
    }
    return name + (significance998.isSignificant() ? " (99.8%)" : " (95%)");
  }

  private static int side(ConfidenceInterval interval, double benchmark) {
    if (interval.lower() > benchmark) {
      return 1;
    }
    if (interval.upper() < benchmark) {
      return -1;
    }
    return 0;
  }

  private static String describe(ConfidenceInterval interval) {
    return "[" + interval.lower() + ", " + interval.upper() + "]";
  }
}
