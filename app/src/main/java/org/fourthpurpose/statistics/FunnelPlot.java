package org.fourthpurpose.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A funnel plot comparing areas on a proportion, a crude rate or an indirectly standardised ratio
 * with the 95% and 99.8% control limits PHEindicatormethods computes ({@code
 * calculate_funnel_limits}, {@code assign_funnel_significance}), optionally widened for
 * over-dispersion as Spiegelhalter (2005) describes.
 *
 * <p><b>Without adjustment</b> ({@link Overdispersion#NONE}) the target is the overall value (ΣO /
 * Σn × multiplier; for a ratio, 1 × multiplier) and:
 *
 * <ul>
 *   <li>a <b>proportion</b>'s limits at denominator n are the proportions whose Wilson score
 *       interval at that n just reaches the target (PHEindicatormethods' {@code sigma_adjustment}),
 *       and an area's position compares its proportion with the limits at its own denominator;
 *   <li>a <b>rate</b> or <b>ratio</b> is placed by its own exact Poisson interval (below 10 events)
 *       or Byar's interval (from 10), as {@link ByarsInterval}: above the 99.8% limit when the
 *       lower 99.8% bound of O/n is above the target, and so on; the limits drawn are the exact
 *       Poisson limits, found by solving {@code qchisq(0.025, 2O) / 2 = E} (upper) and {@code
 *       qchisq(0.975, 2O + 2) / 2 = E} (lower) for the count O at the expected count E = target ×
 *       n, which is the relation PHEindicatormethods' {@code poisson_funnel} finds by bisection.
 * </ul>
 *
 * <p><b>With over-dispersion</b> each area's z-score {@code z = (y - θ) / s} uses the normal
 * approximation ({@code s² = θ(1 - θ)/n} for a proportion, {@code θ/n} for a rate, {@code 1/E} for
 * a ratio). The z-scores are winsorised at their 10th and 90th percentiles (R's default quantile)
 * and {@code φ = Σz² / I} over the I areas. {@link Overdispersion#MULTIPLICATIVE} draws limits at
 * {@code θ ± z_p √(φ) s} when φ &gt; 1; {@link Overdispersion#ADDITIVE} at {@code θ ± z_p √(s² +
 * τ²)} with {@code τ² = max(0, (Iφ - (I - 1)) / (Σw - Σw²/Σw))}, {@code w = 1/s²}. An area's
 * position compares its value with the limits at its own denominator. φ and τ² are reported for
 * every plot, adjusted or not, so a reader can see whether the data are over-dispersed.
 *
 * @param statistic what is compared
 * @param multiplier the scale of the values (100 for a percentage, 100,000 for per 100,000, 1 or
 *     100 for a ratio)
 * @param target the centre line, ΣO / Σn × multiplier (multiplier for a ratio)
 * @param overdispersion the adjustment asked for
 * @param phi the over-dispersion factor φ (NaN when it cannot be estimated: fewer than 2 areas, or
 *     a target of 0 or, for a proportion, 1)
 * @param tau2 the between-area variance τ² on the unscaled value (NaN likewise)
 * @param points the areas in the order given
 * @param limits the limits at 100 denominators spread over the areas' range, for drawing
 */
public record FunnelPlot(
    FunnelStatistic statistic,
    double multiplier,
    double target,
    Overdispersion overdispersion,
    double phi,
    double tau2,
    List<FunnelPoint> points,
    List<FunnelLimit> limits) {

  private static final ConfidenceLevel NINETY_FIVE = ConfidenceLevel.NINETY_FIVE;
  private static final ConfidenceLevel NINETY_NINE_POINT_EIGHT =
      ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
  private static final int LIMIT_POINTS = 100;

  public FunnelPlot {
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(overdispersion, "overdispersion");
    points = List.copyOf(points);
    limits = List.copyOf(limits);
  }

  /**
   * The funnel plot of the areas.
   *
   * @throws IllegalArgumentException if there are no areas, the multiplier is not positive, a
   *     proportion's numerator exceeds its denominator, or every numerator is 0 for a rate
   */
  public static FunnelPlot of(
      FunnelStatistic statistic,
      List<FunnelInput> areas,
      double multiplier,
      Overdispersion overdispersion) {
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(areas, "areas");
    Objects.requireNonNull(overdispersion, "overdispersion");
    Require.positive("multiplier", multiplier);
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("a funnel plot needs at least one area");
    }
    double sumNumerators = 0;
    double sumDenominators = 0;
    for (FunnelInput area : areas) {
      Objects.requireNonNull(area, "area");
      if (statistic == FunnelStatistic.PROPORTION && area.numerator() > area.denominator()) {
        throw new IllegalArgumentException(
            "the numerator of "
                + area.area()
                + " ("
                + area.numerator()
                + ") is greater than its denominator ("
                + area.denominator()
                + ")");
      }
      sumNumerators += area.numerator();
      sumDenominators += area.denominator();
    }
    // θ on the unscaled value: the overall proportion or events per person, or 1 for a ratio.
    double theta = statistic == FunnelStatistic.RATIO ? 1 : sumNumerators / sumDenominators;

    double[] s2 = new double[areas.size()];
    double[] z = new double[areas.size()];
    boolean estimable =
        areas.size() >= 2 && theta > 0 && !(statistic == FunnelStatistic.PROPORTION && theta >= 1);
    for (int i = 0; i < areas.size(); i++) {
      FunnelInput area = areas.get(i);
      s2[i] = variance(statistic, theta, area.denominator());
      z[i] = (area.numerator() / area.denominator() - theta) / Math.sqrt(s2[i]);
    }
    double phi = Double.NaN;
    double tau2 = Double.NaN;
    if (estimable) {
      phi = phi(z);
      double sumW = 0;
      double sumW2 = 0;
      for (double v : s2) {
        sumW += 1 / v;
        sumW2 += 1 / (v * v);
      }
      int count = areas.size();
      tau2 = Math.max(0, (count * phi - (count - 1)) / (sumW - sumW2 / sumW));
    }
    Overdispersion applied = estimable ? overdispersion : Overdispersion.NONE;
    Spread spread = new Spread(statistic, theta, multiplier, applied, phi, tau2);

    List<FunnelPoint> points = new ArrayList<>(areas.size());
    for (FunnelInput area : areas) {
      points.add(
          new FunnelPoint(
              area.area(),
              area.numerator(),
              area.denominator(),
              area.numerator() / area.denominator() * multiplier,
              spread.position(area)));
    }
    List<FunnelLimit> limits = new ArrayList<>(LIMIT_POINTS);
    for (double denominator : denominators(areas)) {
      limits.add(spread.limitsAt(denominator));
    }
    return new FunnelPlot(
        statistic, multiplier, theta * multiplier, overdispersion, phi, tau2, points, limits);
  }

  /** The normal-approximation variance of an area's unscaled value at a denominator. */
  private static double variance(FunnelStatistic statistic, double theta, double denominator) {
    return switch (statistic) {
      case PROPORTION -> theta * (1 - theta) / denominator;
      case RATE -> theta / denominator;
      case RATIO -> 1 / denominator;
    };
  }

  /** The mean of the squared z-scores winsorised at their 10th and 90th percentiles. */
  static double phi(double[] z) {
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    double low = quantile(sorted, 0.1);
    double high = quantile(sorted, 0.9);
    double sum = 0;
    for (double value : z) {
      double w = Math.min(high, Math.max(low, value));
      sum += w * w;
    }
    return sum / z.length;
  }

  /** R's default (type 7) quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int below = (int) Math.floor(h);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
  }

  /**
   * 100 denominators from the smallest to the largest area, spaced geometrically, as
   * PHEindicatormethods lays out the funnel: from 0 (so 1) when the largest denominator is more
   * than twice the smallest, else from 95% of the smallest rounded down to its leading digit; to
   * 105% of the largest rounded up to its two leading digits.
   */
  static double[] denominators(List<FunnelInput> areas) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (FunnelInput area : areas) {
      min = Math.min(min, area.denominator());
      max = Math.max(max, area.denominator());
    }
    double axisMinimum = max > 2 * min ? 0 : floorToLeadingDigit(min);
    double axisMaximum = ceilingToTwoDigits(max);
    double[] grid = new double[LIMIT_POINTS];
    grid[0] = Math.max(1, axisMinimum);
    for (int j = 2; j <= LIMIT_POINTS; j++) {
      double previous = grid[j - 2];
      grid[j - 1] =
          Math.max(
              Math.rint(Math.pow(axisMaximum / previous, 1.0 / (101 - j)) * previous),
              previous + 1);
    }
    return grid;
  }

  private static double floorToLeadingDigit(double x) {
    double scaled = Math.floor(x * 0.95);
    if (scaled <= 0) {
      return 0;
    }
    double unit = Math.pow(10, digits(scaled) - 1);
    return Math.floor(x * 0.95 / unit) * unit;
  }

  private static double ceilingToTwoDigits(double x) {
    double scaled = Math.ceil(x * 1.05);
    double unit = Math.pow(10, digits(scaled) - 2);
    return Math.ceil(x * 1.05 / unit) * unit;
  }

  private static int digits(double wholeNumber) {
    return Long.toString((long) wholeNumber).length();
  }

  /** The limits of one plot: its statistic, target and adjustment. */
  private record Spread(
      FunnelStatistic statistic,
      double theta,
      double multiplier,
      Overdispersion overdispersion,
      double phi,
      double tau2) {

    FunnelPosition position(FunnelInput area) {
      if (overdispersion == Overdispersion.NONE && statistic != FunnelStatistic.PROPORTION) {
        double o = area.numerator();
        double e = area.denominator();
        if (ByarsInterval.forCount(o, NINETY_NINE_POINT_EIGHT).lower() / e > theta) {
          return FunnelPosition.ABOVE_998;
        }
        if (ByarsInterval.forCount(o, NINETY_FIVE).lower() / e > theta) {
          return FunnelPosition.ABOVE_95;
        }
        if (ByarsInterval.forCount(o, NINETY_NINE_POINT_EIGHT).upper() / e < theta) {
          return FunnelPosition.BELOW_998;
        }
        if (ByarsInterval.forCount(o, NINETY_FIVE).upper() / e < theta) {
          return FunnelPosition.BELOW_95;
        }
        return FunnelPosition.WITHIN;
      }
      FunnelLimit limit = limitsAt(area.denominator());
      double value = area.numerator() / area.denominator() * multiplier;
      // PHEindicatormethods tests the 99.8% low limit first, then 95% low, 99.8% high, 95% high.
      if (value < limit.lower998()) {
        return FunnelPosition.BELOW_998;
      }
      if (value < limit.lower95()) {
        return FunnelPosition.BELOW_95;
      }
      if (value > limit.upper998()) {
        return FunnelPosition.ABOVE_998;
      }
      if (value > limit.upper95()) {
        return FunnelPosition.ABOVE_95;
      }
      return FunnelPosition.WITHIN;
    }

    FunnelLimit limitsAt(double n) {
      if (overdispersion != Overdispersion.NONE) {
        double s2 = variance(statistic, theta, n);
        double spread =
            overdispersion == Overdispersion.MULTIPLICATIVE
                ? Math.sqrt(Math.max(1, phi) * s2)
                : Math.sqrt(s2 + tau2);
        return new FunnelLimit(
            n,
            clamp(theta - NINETY_NINE_POINT_EIGHT.z() * spread),
            clamp(theta - NINETY_FIVE.z() * spread),
            clamp(theta + NINETY_FIVE.z() * spread),
            clamp(theta + NINETY_NINE_POINT_EIGHT.z() * spread));
      }
      if (statistic == FunnelStatistic.PROPORTION) {
        return new FunnelLimit(
            n,
            clamp(wilsonLimit(NINETY_NINE_POINT_EIGHT.z(), n, -1)),
            clamp(wilsonLimit(NINETY_FIVE.z(), n, -1)),
            clamp(wilsonLimit(NINETY_FIVE.z(), n, 1)),
            clamp(wilsonLimit(NINETY_NINE_POINT_EIGHT.z(), n, 1)));
      }
      double expected = theta * n;
      return new FunnelLimit(
          n,
          lowerCount(expected, NINETY_NINE_POINT_EIGHT) / n * multiplier,
          lowerCount(expected, NINETY_FIVE) / n * multiplier,
          upperCount(expected, NINETY_FIVE) / n * multiplier,
          upperCount(expected, NINETY_NINE_POINT_EIGHT) / n * multiplier);
    }

    /** Scaled, and kept to 0 .. multiplier for a proportion and at or above 0 otherwise. */
    private double clamp(double unscaled) {
      double value = Math.max(0, unscaled) * multiplier;
      return statistic == FunnelStatistic.PROPORTION ? Math.min(multiplier, value) : value;
    }

    /**
     * PHEindicatormethods' {@code sigma_adjustment}: the proportion at denominator n whose Wilson
     * interval (with this z) has the target at its edge, below (side -1) or above (+1).
     */
    private double wilsonLimit(double z, double n, int side) {
      double z2 = z * z;
      double first = theta * (n / z2 + 1);
      double root =
          Math.sqrt(
              Math.pow(-8 * theta * (n / z2 + 1), 2)
                  - 64
                      * (1 / z2 + 1 / n)
                      * theta
                      * (n * (theta * (n / z2 + 2) - 1) + z2 * (theta - 1)));
      double last = 1 / z2 + 1 / n;
      return (first + side * root / 8) / last / n;
    }
  }

  /**
   * The count O (not necessarily whole) whose exact lower confidence bound is the expected count:
   * {@code P(chi-squared(2O) <= 2E) = alpha / 2}. Counts above it are above the upper limit.
   */
  static double upperCount(double expected, ConfidenceLevel level) {
    double target = level.alpha() / 2;
    double low = 0;
    double high = expected + 10 * Math.sqrt(expected) + 20;
    while (ChiSquaredDistribution.cumulativeProbability(2 * expected, 2 * high) > target) {
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
      double mid = (low + high) / 2;
      if (ChiSquaredDistribution.cumulativeProbability(2 * expected, 2 * mid) > target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /**
   * The count O whose exact upper confidence bound is the expected count: {@code P(chi-squared(2O +
   * 2) <= 2E) = 1 - alpha / 2}; 0 when even no events would be within the limit (a small expected
   * count has no lower limit above 0).
   */
  static double lowerCount(double expected, ConfidenceLevel level) {
    double target = 1 - level.alpha() / 2;
    if (ChiSquaredDistribution.cumulativeProbability(2 * expected, 2) <= target) {
      return 0;
    }
    double low = 0;
    double high = expected;
    for (int i = 0; i < 200 && high - low > 1e-13 * Math.max(1, high); i++) {
      double mid = (low + high) / 2;
      if (ChiSquaredDistribution.cumulativeProbability(2 * expected, 2 * mid + 2) > target) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }
}
