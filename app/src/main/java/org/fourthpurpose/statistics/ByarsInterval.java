package org.fourthpurpose.statistics;

/**
 * The confidence interval for a count of events, and so for a crude rate, as PHEindicatormethods'
 * {@code phe_rate}: Byar's approximation from 10 events upwards, the {@link ExactPoissonInterval}
 * below 10, where Byar's method is less accurate.
 *
 * <p>Byar's approximation (Breslow and Day, 1987) is
 *
 * <pre>{@code
 * lower = x (1 - 1/(9x) - z/(3 sqrt(x)))^3
 * upper = (x+1) (1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3
 * }</pre>
 *
 * <p>A rate is the count interval divided by the denominator and multiplied by the multiplier
 * (100,000 for "per 100,000"): 65 events in a population of 100 give 65 [50.16, 82.85] per 100 at
 * 95%.
 */
public final class ByarsInterval {

  /** Counts below this use the exact Poisson interval instead of Byar's approximation. */
  public static final int EXACT_BELOW = 10;

  private ByarsInterval() {}

  /** Which method {@link #forCount} uses for a count. */
  public enum Method {
    EXACT,
    BYARS
  }

  /** The method used for {@code observed} events: exact below 10, Byar's from 10 upwards. */
  public static Method methodFor(double observed) {
    Require.notNegative("count", observed);
    return observed < EXACT_BELOW ? Method.EXACT : Method.BYARS;
  }

  /**
   * The interval for an observed count.
   *
   * @throws IllegalArgumentException if the count is negative or not a finite number
   */
  public static ConfidenceInterval forCount(double observed, ConfidenceLevel level) {
    return methodFor(observed) == Method.EXACT
        ? ExactPoissonInterval.of(observed, level)
        : approximation(observed, level);
  }

  /**
   * The interval for the rate {@code count / denominator * multiplier}.
   *
   * @throws IllegalArgumentException if the count is negative, the denominator or multiplier not
   *     positive, or any is not a finite number
   */
  public static ConfidenceInterval forRate(
      double count, double denominator, double multiplier, ConfidenceLevel level) {
    Require.notNegative("count", count);
    Require.positive("denominator", denominator);
    Require.positive("multiplier", multiplier);
    ConfidenceInterval counts = forCount(count, level);
    return new ConfidenceInterval(
        counts.lower() / denominator * multiplier,
        counts.upper() / denominator * multiplier,
        level);
  }

  /**
   * Byar's approximation at any count, as R's {@code byars_lower} and {@code byars_upper}. Below
   * about 1 event at 99.8% its lower limit falls below zero, so it is floored at 0; use {@link
   * #approximateLower} for the raw value.
   */
  public static ConfidenceInterval approximation(double observed, ConfidenceLevel level) {
    return new ConfidenceInterval(
        Math.max(0, approximateLower(observed, level)), approximateUpper(observed, level), level);
  }

  /** Byar's lower limit exactly as R's {@code byars_lower}, which can be negative for tiny x. */
  public static double approximateLower(double observed, ConfidenceLevel level) {
    Require.notNegative("count", observed);
    if (observed == 0) {
      return 0;
    }
    double z = level.z();
    return observed * Math.pow(1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed)), 3);
  }

  /** Byar's upper limit exactly as R's {@code byars_upper}. */
  public static double approximateUpper(double observed, ConfidenceLevel level) {
    Require.notNegative("count", observed);
    double z = level.z();
    double next = observed + 1;
    return next * Math.pow(1 - 1 / (9 * next) + z / (3 * Math.sqrt(next)), 3);
  }
}
