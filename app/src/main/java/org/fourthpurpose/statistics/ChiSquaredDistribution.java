package org.fourthpurpose.statistics;

/**
 * The chi-squared distribution with {@code k} degrees of freedom, through the regularised
 * incomplete gamma function: P(X &le; x) = P(k/2, x/2).
 *
 * <p>Used for the exact Poisson interval ({@code qchisq(alpha/2, 2x) / 2}) and for the critical
 * value of the trend test ({@code quantile(0.998, 1)} = 9.549535...). Zero degrees of freedom,
 * which R allows as a point mass at 0, is accepted by {@link #quantile} and returns 0.
 */
public final class ChiSquaredDistribution {

  private ChiSquaredDistribution() {}

  /** P(X &le; x). */
  public static double cumulativeProbability(double x, double degreesOfFreedom) {
    Require.positive("degrees of freedom", degreesOfFreedom);
    Require.notNegative("x", x);
    return GammaFunctions.regularizedP(degreesOfFreedom / 2, x / 2);
  }

  /** P(X &gt; x), accurate for small p-values. */
  public static double upperTailProbability(double x, double degreesOfFreedom) {
    Require.positive("degrees of freedom", degreesOfFreedom);
    Require.notNegative("x", x);
    return GammaFunctions.regularizedQ(degreesOfFreedom / 2, x / 2);
  }

  /** The x with P(X &le; x) = p, for 0 &lt; p &lt; 1; 0 when there are no degrees of freedom. */
  public static double quantile(double p, double degreesOfFreedom) {
    Require.probability("p", p);
    Require.notNegative("degrees of freedom", degreesOfFreedom);
    if (degreesOfFreedom == 0) {
      return 0;
    }
    double a = degreesOfFreedom / 2;
    return 2
        * (p > 0.5
            ? GammaFunctions.inverseRegularizedQ(a, 1 - p)
            : GammaFunctions.inverseRegularizedP(a, p));
  }
}
