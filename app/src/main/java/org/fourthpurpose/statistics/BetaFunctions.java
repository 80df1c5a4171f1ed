package org.fourthpurpose.statistics;

/**
 * The regularised incomplete beta function I_x(a, b), by the continued fraction of Numerical
 * Recipes (modified Lentz), taking both {@code x} and {@code y = 1 - x} so that callers who know
 * {@code y} more precisely than {@code 1 - x} (the t distribution near 0) lose nothing.
 */
final class BetaFunctions {

  private static final double EPSILON = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 100_000;

  private BetaFunctions() {}

  /** I_x(a, b) where y = 1 - x is supplied by the caller. */
  static double regularizedBeta(double x, double y, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (y <= 0) {
      return 1;
    }
    // ln Γ(a+b) - ln Γ(a) - ln Γ(b), with the large shape taken through the ratio
    double logBetaReciprocal =
        a >= b
            ? GammaFunctions.logGammaRatio(a, b) - GammaFunctions.logGamma(b)
            : GammaFunctions.logGammaRatio(b, a) - GammaFunctions.logGamma(a);
    double logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
    double logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
    double logFront = logBetaReciprocal + a * logX + b * logY;
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(logFront) * continuedFraction(a, b, x) / a;
    }
    return 1 - Math.exp(logFront) * continuedFraction(b, a, y) / b;
  }

  private static double continuedFraction(double a, double b, double x) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m < MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta fraction did not converge for a=" + a);
  }
}
