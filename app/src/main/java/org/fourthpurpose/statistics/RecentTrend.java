package org.fourthpurpose.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The recent trend of an indicator over its last five time periods, tested at 99.8%, as the
 * Fingertips recent trend marker.
 *
 * <p><b>Proportions</b> ({@link #forProportions}) use the chi-squared test for linear trend in
 * proportions (Cochran–Armitage; Armitage and Berry), the same statistic as R's {@code
 * prop.trend.test} with the periods as scores:
 *
 * <pre>{@code
 * p = sum(r) / sum(n),  tbar = sum(n t) / sum(n)
 * T = sum(r (t - tbar)),  chi2 = T^2 / (p (1 - p) sum(n (t - tbar)^2))
 * }</pre>
 *
 * <p>on one degree of freedom. The trend is significant when chi2 exceeds 9.5495, the 99.8% point
 * of chi-squared(1) (|z| &gt; 3.09), and then INCREASING or DECREASING by the sign of T.
 *
 * <p><b>Rates, ratios and means</b> ({@link #forEstimates}) have no binomial numerator to test, so
 * (as Fingertips' newer method for such values) an inverse-variance weighted least-squares line is
 * fitted to the values, each weighted by 1/se², with se recovered from the 95% interval as {@code
 * (upper - lower) / (2 × 1.959964)} (an asymmetric interval contributes its average half-width),
 * and {@code chi2 = slope^2 / var(slope)} is tested against the same 9.5495.
 *
 * <p>Both tests use the last five points by period. The trend CANNOT_BE_CALCULATED, with a reason,
 * when there are fewer than five points, two points share a period, any of the last five is missing
 * a number it needs, or the test statistic is undefined (every period with no events, or every
 * period all events, or an interval of zero width). Not applied here, and so left to the caller,
 * are Fingertips' other conditions: yearly, non-overlapping periods without breaks; nor the
 * leave-one-out outlier check that OHID added in 2025.
 *
 * @param direction the trend found
 * @param polarity the indicator's polarity, which decides {@link #judgement()}
 * @param chiSquared the test statistic on one degree of freedom, NaN when not calculated
 * @param reason why the trend could not be calculated, empty otherwise
 */
public record RecentTrend(
    TrendDirection direction, Polarity polarity, double chiSquared, String reason) {

  /** The number of most recent points the test uses. */
  public static final int POINTS = 5;

  /** chi-squared(1) at 99.8%: 9.549535706083. */
  public static final double CRITICAL_VALUE = ChiSquaredDistribution.quantile(0.998, 1);

  public RecentTrend {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether a significant trend is good or bad news for the indicator. */
  public enum Judgement {
    GETTING_BETTER,
    GETTING_WORSE,
    /** No significant trend, or an indicator with no polarity. */
    NOT_JUDGED
  }

  /**
   * The trend of a proportion by the chi-squared test for trend.
   *
   * @throws IllegalArgumentException if the series is null or has a null point
   */
  public static RecentTrend forProportions(List<ProportionAtPeriod> series, Polarity polarity) {
    Objects.requireNonNull(polarity, "polarity");
    List<ProportionAtPeriod> recent = lastFive(series, ProportionAtPeriod::period);
    String problem = problemWith(series, ProportionAtPeriod::period);
    if (problem != null) {
      return cannotBeCalculated(polarity, problem);
    }
    for (ProportionAtPeriod point : recent) {
      if (point.isMissing()) {
        return cannotBeCalculated(
            polarity, "the numerator or denominator is missing for period " + point.period());
      }
    }
    double events = 0;
    double population = 0;
    double weightedPeriods = 0;
    for (ProportionAtPeriod point : recent) {
      events += point.numerator();
      population += point.denominator();
      weightedPeriods += point.denominator() * point.period();
    }
    double proportion = events / population;
    double meanPeriod = weightedPeriods / population;
    double trend = 0;
    double spread = 0;
    for (ProportionAtPeriod point : recent) {
      double centred = point.period() - meanPeriod;
      trend += point.numerator() * centred;
      spread += point.denominator() * centred * centred;
    }
    double variance = proportion * (1 - proportion) * spread;
    if (!(variance > 0)) {
      return cannotBeCalculated(
          polarity,
          "the test is undefined when every period has "
              + (events == 0 ? "no events" : "all events"));
    }
    return tested(trend, trend * trend / variance, polarity);
  }

  /**
   * The trend of values with 95% confidence intervals, by weighted regression on time.
   *
   * @throws IllegalArgumentException if the series is null or has a null point
   */
  public static RecentTrend forEstimates(List<EstimateAtPeriod> series, Polarity polarity) {
    Objects.requireNonNull(polarity, "polarity");
    List<EstimateAtPeriod> recent = lastFive(series, EstimateAtPeriod::period);
    String problem = problemWith(series, EstimateAtPeriod::period);
    if (problem != null) {
      return cannotBeCalculated(polarity, problem);
    }
    double z = ConfidenceLevel.NINETY_FIVE.z();
    double[] weights = new double[POINTS];
    double totalWeight = 0;
    double weightedPeriods = 0;
    for (int i = 0; i < POINTS; i++) {
      EstimateAtPeriod point = recent.get(i);
      if (point.isMissing()) {
        return cannotBeCalculated(
            polarity, "the value or a confidence limit is missing for period " + point.period());
      }
      double standardError = (point.upper95() - point.lower95()) / (2 * z);
      if (!(standardError > 0)) {
        return cannotBeCalculated(
            polarity, "the confidence interval has no width for period " + point.period());
      }
      weights[i] = 1 / (standardError * standardError);
      totalWeight += weights[i];
      weightedPeriods += weights[i] * point.period();
    }
    double meanPeriod = weightedPeriods / totalWeight;
    double covariance = 0;
    double spread = 0;
    for (int i = 0; i < POINTS; i++) {
      double centred = recent.get(i).period() - meanPeriod;
      covariance += weights[i] * centred * recent.get(i).value();
      spread += weights[i] * centred * centred;
    }
    // slope = covariance / spread, var(slope) = 1 / spread
    return tested(covariance, covariance * covariance / spread, polarity);
  }

  /** Good or bad news: only for a significant trend in an indicator with a polarity. */
  public Judgement judgement() {
    boolean up = direction == TrendDirection.INCREASING;
    if (!(up || direction == TrendDirection.DECREASING) || polarity == Polarity.NO_JUDGEMENT) {
      return Judgement.NOT_JUDGED;
    }
    return up == (polarity == Polarity.HIGHER_IS_BETTER)
        ? Judgement.GETTING_BETTER
        : Judgement.GETTING_WORSE;
  }

  /**
   * Fingertips' wording: "Increasing and getting better", "Decreasing" (no polarity), "No
   * significant change", "Cannot be calculated".
   */
  public String label() {
    return switch (direction) {
      case NO_SIGNIFICANT_CHANGE -> "No significant change";
      case CANNOT_BE_CALCULATED -> "Cannot be calculated";
      case INCREASING, DECREASING -> {
        String moving = direction == TrendDirection.INCREASING ? "Increasing" : "Decreasing";
        yield switch (judgement()) {
          case GETTING_BETTER -> moving + " and getting better";
          case GETTING_WORSE -> moving + " and getting worse";
          case NOT_JUDGED -> moving;
        };
      }
    };
  }

  /** The p-value of the test, NaN when it was not calculated. */
  public double pValue() {
    return Double.isNaN(chiSquared)
        ? Double.NaN
        : ChiSquaredDistribution.upperTailProbability(chiSquared, 1);
  }

  private static RecentTrend tested(double signedTrend, double chiSquared, Polarity polarity) {
    TrendDirection direction;
    if (chiSquared > CRITICAL_VALUE) {
      direction = signedTrend > 0 ? TrendDirection.INCREASING : TrendDirection.DECREASING;
    } else {
      direction = TrendDirection.NO_SIGNIFICANT_CHANGE;
    }
    return new RecentTrend(direction, polarity, chiSquared, "");
  }

  private static RecentTrend cannotBeCalculated(Polarity polarity, String reason) {
    return new RecentTrend(TrendDirection.CANNOT_BE_CALCULATED, polarity, Double.NaN, reason);
  }

  private static <P> List<P> lastFive(List<P> series, ToDoubleFunction<P> period) {
    Objects.requireNonNull(series, "series");
    List<P> sorted = new ArrayList<>(series);
    sorted.forEach(point -> Objects.requireNonNull(point, "a point in the series is null"));
    sorted.sort(Comparator.comparingDouble(period));
    return sorted.subList(Math.max(0, sorted.size() - POINTS), sorted.size());
  }

  private static <P> String problemWith(List<P> series, ToDoubleFunction<P> period) {
    if (series.size() < POINTS) {
      return "needs at least " + POINTS + " points, has " + series.size();
    }
    Set<Double> seen = new HashSet<>();
    for (P point : series) {
      if (!seen.add(period.applyAsDouble(point))) {
        return "period " + period.applyAsDouble(point) + " appears more than once";
      }
    }
    return null;
  }
}
