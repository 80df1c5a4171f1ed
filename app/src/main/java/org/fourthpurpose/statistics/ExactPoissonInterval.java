package org.fourthpurpose.statistics;

/**
 * The exact (Garwood) interval for a Poisson count, from chi-squared quantiles, as
 * PHEindicatormethods' {@code phe_rate} uses below 10 events:
 *
 * <pre>{@code
 * lower = qchisq(alpha/2, 2x) / 2        (0 when x = 0)
 * upper = qchisq(1 - alpha/2, 2x + 2) / 2
 * }</pre>
 *
 * <p>Computed as inverse regularised gamma functions, {@code lower = P^-1(x, alpha/2)} and {@code
 * upper = Q^-1(x + 1, alpha/2)}. For 0 events at 95% the interval is [0, 3.689]; for 1 event
 * [0.02532, 5.572].
 */
public final class ExactPoissonInterval {

  private ExactPoissonInterval() {}

  /**
   * The interval for an observed count of events.
   *
   * @throws IllegalArgumentException if the count is negative or not a finite number
   */
  public static ConfidenceInterval of(double observed, ConfidenceLevel level) {
    Require.notNegative("count", observed);
    double halfAlpha = level.alpha() / 2;
    double lower = observed == 0 ? 0 : GammaFunctions.inverseRegularizedP(observed, halfAlpha);
    double upper = GammaFunctions.inverseRegularizedQ(observed + 1, halfAlpha);
    return new ConfidenceInterval(lower, upper, level);
  }
}
