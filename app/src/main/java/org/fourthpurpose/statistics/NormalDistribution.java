package org.fourthpurpose.statistics;

/**
 * The standard normal distribution: its cumulative probability and its inverse, the z quantile that
 * every two-sided confidence interval here starts from.
 *
 * <p>The inverse starts from Acklam's rational approximation (relative error below 1.2e-9) and
 * takes Halley steps against {@code Phi(-|x|) = Q(1/2, x^2/2) / 2}, which brings it to within a few
 * units in the last place, as R's {@code qnorm}. For example {@code
 * inverseCumulativeProbability(0.975)} is 1.959963984540054.
 */
public final class NormalDistribution {

  private static final double[] A = {
    -3.969683028665376e+01,
    2.209460984245205e+02,
    -2.759285104469687e+02,
    1.383577518672690e+02,
    -3.066479806614716e+01,
    2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e+00,
    -2.549732539343734e+00,
    4.374664141464968e+00,
    2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double LOW_BREAK = 0.02425;
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private NormalDistribution() {}

  /** P(Z &le; z) for a standard normal Z. */
  public static double cumulativeProbability(double z) {
    Require.finite("z", z);
    return z < 0 ? lowerTail(-z) : 1 - lowerTail(z);
  }

  /** The z with P(Z &le; z) = p, for 0 &lt; p &lt; 1. */
  public static double inverseCumulativeProbability(double p) {
    Require.probability("p", p);
    if (p == 0.5) {
      return 0;
    }
    // Work in the lower half, where p itself carries full precision, and reflect.
    boolean upper = p > 0.5;
    double tail = upper ? 1 - p : p;
    double x = acklam(tail);
    for (int i = 0; i < 3; i++) {
      double density = Math.exp(-0.5 * x * x) / SQRT_TWO_PI;
      if (density == 0) {
        break;
      }
      double u = residual(x, tail) / density;
      double next = x - u / (1 + 0.5 * x * u);
      if (next == x) {
        break;
      }
      x = next;
    }
    return upper ? -x : x;
  }

  /**
   * Phi(x) - tail for x &le; 0. Near the centre both are close to 1/2, so the difference is taken
   * as P(1/2, x^2/2) / 2 against tail - 1/2 (exact there) rather than by subtraction.
   */
  private static double residual(double x, double tail) {
    if (tail > 0.25) {
      return -0.5 * GammaFunctions.regularizedP(0.5, 0.5 * x * x) - (tail - 0.5);
    }
    return lowerTail(-x) - tail;
  }

  /** P(Z &le; -t) for t &ge; 0, i.e. the upper tail beyond t. */
  private static double lowerTail(double t) {
    if (t == 0) {
      return 0.5;
    }
    return 0.5 * GammaFunctions.regularizedQ(0.5, 0.5 * t * t);
  }

  /** Acklam's approximation for p &le; 0.5 (a negative z). */
  private static double acklam(double p) {
    if (p < LOW_BREAK) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
        * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
}
