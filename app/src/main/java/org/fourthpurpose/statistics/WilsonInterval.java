package org.fourthpurpose.statistics;

/**
 * The Wilson score interval for a proportion {@code x / n}, as PHEindicatormethods' {@code
 * wilson_lower}, {@code wilson_upper} and {@code phe_proportion}:
 *
 * <pre>{@code
 * limits = (2x + z^2 -/+ z * sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2))
 * }</pre>
 *
 * <p>where {@code z} is the normal quantile at {@code 1 - alpha/2}. Unlike the normal approximation
 * it stays inside [0, 1] and behaves at 0 and at {@code n} events: {@code of(0, 1, 95%)} is [0,
 * 0.7935]. Limits are clamped to [0, 1] only to absorb rounding at those ends. The numerator need
 * not be a whole number (R's test data use 0.445 of 1).
 */
public final class WilsonInterval {

  private WilsonInterval() {}

  /**
   * The interval for the proportion {@code numerator / denominator} (not multiplied).
   *
   * @throws IllegalArgumentException if the numerator is negative or above the denominator, or the
   *     denominator is not positive, or either is not a finite number
   */
  public static ConfidenceInterval of(double numerator, double denominator, ConfidenceLevel level) {
    Require.notNegative("numerator", numerator);
    Require.positive("denominator", denominator);
    if (numerator > denominator) {
      throw new IllegalArgumentException(
          "numerator "
              + numerator
              + " must not be greater than denominator "
              + denominator
              + " for a proportion");
    }
    double z = level.z();
    double z2 = z * z;
    double spread = z * Math.sqrt(z2 + 4 * numerator * (1 - numerator / denominator));
    double twiceTotal = 2 * (denominator + z2);
    double lower = (2 * numerator + z2 - spread) / twiceTotal;
    double upper = (2 * numerator + z2 + spread) / twiceTotal;
    return new ConfidenceInterval(Math.max(0, lower), Math.min(1, upper), level);
  }
}
