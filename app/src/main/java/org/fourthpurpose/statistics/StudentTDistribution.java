package org.fourthpurpose.statistics;

/**
 * Student's t distribution with {@code df} degrees of freedom (any positive real).
 *
 * <p>The upper tail is {@code P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2}. The quantile is found by
 * Newton's method on the logarithm of that tail, kept inside a bracket, to about 1e-13 relative; 1
 * and 2 degrees of freedom use their closed forms. For example {@code quantile(0.975, 9)} is
 * 2.262157162798205 (R: {@code qt(0.975, 9)}).
 */
public final class StudentTDistribution {

  private StudentTDistribution() {}

  /** P(T &gt; t). */
  public static double upperTailProbability(double t, double degreesOfFreedom) {
    Require.positive("degrees of freedom", degreesOfFreedom);
    Require.finite("t", t);
    if (t < 0) {
      return 1 - upperTailProbability(-t, degreesOfFreedom);
    }
    double t2 = t * t;
    double x = degreesOfFreedom / (degreesOfFreedom + t2);
    double y = t2 / (degreesOfFreedom + t2);
    return 0.5 * BetaFunctions.regularizedBeta(x, y, degreesOfFreedom / 2, 0.5);
  }

  /** P(T &le; t). */
  public static double cumulativeProbability(double t, double degreesOfFreedom) {
    return 1 - upperTailProbability(t, degreesOfFreedom);
  }

  /** The t with P(T &le; t) = p, for 0 &lt; p &lt; 1. */
  public static double quantile(double p, double degreesOfFreedom) {
    Require.probability("p", p);
    Require.positive("degrees of freedom", degreesOfFreedom);
    if (p == 0.5) {
      return 0;
    }
    double tail = Math.min(p, 1 - p);
    double t = upperQuantile(tail, degreesOfFreedom);
    return p > 0.5 ? t : -t;
  }

  /** The t &gt; 0 with P(T &gt; t) = q, for 0 &lt; q &lt; 0.5. */
  private static double upperQuantile(double q, double df) {
    if (df == 1) {
      return 1 / Math.tan(Math.PI * q);
    }
    if (df == 2) {
      return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
    }
    double logDensityConstant =
        GammaFunctions.logGammaRatio(df / 2, 0.5) - 0.5 * Math.log(df * Math.PI);
    double logQ = Math.log(q);
    // Start from the normal quantile, which is never above the t quantile, and bracket from there.
    double t = -NormalDistribution.inverseCumulativeProbability(q);
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 300; i++) {
      double tail = upperTailProbability(t, df);
      if (tail == q) {
        return t;
      }
      if (tail > q) {
        low = t;
      } else {
        high = t;
      }
      double density = Math.exp(logDensityConstant - (df + 1) / 2 * Math.log1p(t * t / df));
      // Newton on g(t) = ln P(T > t) - ln q, whose slope is -density / tail.
      double next = t + (Math.log(tail) - logQ) * tail / density;
      if (Math.abs(next - t) <= 4 * Math.ulp(t)) {
        return next;
      }
      if (!(next > low && next < high)) {
        next = Double.isInfinite(high) ? 2 * t : 0.5 * (low + high);
      }
      if (high - low <= 4 * Math.ulp(t)) {
        return next;
      }
      t = next;
    }
    return t;
  }
}
