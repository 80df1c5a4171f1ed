package org.fourthpurpose.statistics;

/**
 * The confidence interval for a mean from its summary statistics, by Student's t distribution with
 * {@code n - 1} degrees of freedom, as PHEindicatormethods' {@code phe_mean}:
 *
 * <pre>{@code
 * mean -/+ t(1 - alpha/2, n - 1) * sd / sqrt(n)
 * }</pre>
 *
 * <p>{@code sd} is the sample standard deviation (divisor {@code n - 1}, as R's {@code sd}). At
 * least two observations are needed: with one there are no degrees of freedom and the spread is
 * unknown. For mean 10, sd 2 and n 10 at 95% the interval is [8.569, 11.431].
 */
public final class StudentTInterval {

  private StudentTInterval() {}

  /**
   * The interval for a mean.
   *
   * @param n the number of observations, at least 2
   * @throws IllegalArgumentException if {@code n < 2}, {@code sd} is negative, or the mean or sd is
   *     not a finite number
   */
  public static ConfidenceInterval of(double mean, double sd, long n, ConfidenceLevel level) {
    Require.finite("mean", mean);
    Require.notNegative("sd", sd);
    if (n < 2) {
      throw new IllegalArgumentException(
          "n must be at least 2 for a confidence interval for a mean (with n = "
              + n
              + " there are no degrees of freedom to estimate the spread from)");
    }
    double t = StudentTDistribution.quantile(1 - level.alpha() / 2, n - 1);
    double halfWidth = t * sd / Math.sqrt(n);
    return new ConfidenceInterval(mean - halfWidth, mean + halfWidth, level);
  }
}
