package org.fourthpurpose.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Pearson's correlation between two measures over the same areas, with its 95% interval by Fisher's
 * z transformation, the least-squares line of y on x, and each point's standardised residual so
 * that the areas far from the line can be named.
 *
 * <p>The interval is {@code tanh(atanh(r) ± 1.959964 / sqrt(n - 3))} (Fisher 1921); the residuals
 * are internally studentised, as R's {@code rstandard}: {@code e_i / (s * sqrt(1 - h_i))} with
 * {@code s} the residual standard error on {@code n - 2} degrees of freedom and {@code h_i = 1/n +
 * (x_i - mean x)^2 / Sxx} the point's leverage.
 *
 * <pre>{@code
 * Correlation c = Correlation.of(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 8});
 * c.r(); // 0.9827
 * }</pre>
 *
 * @param n the number of pairs
 * @param r Pearson's correlation coefficient
 * @param lower95 the lower end of its 95% interval (NaN with fewer than 4 pairs)
 * @param upper95 the upper end of its 95% interval (NaN with fewer than 4 pairs)
 * @param intercept the least-squares line's value at x = 0
 * @param slope the least-squares line's change in y per unit of x
 * @param standardisedResiduals for each pair in the order given
 */
public record Correlation(
    int n,
    double r,
    double lower95,
    double upper95,
    double intercept,
    double slope,
    List<Double> standardisedResiduals) {

  /** A point this far from the line, in standardised residuals, is an outlier. */
  public static final double OUTLIER = 2;

  public Correlation {
    standardisedResiduals = List.copyOf(standardisedResiduals);
  }

  /**
   * @throws IllegalArgumentException with fewer than 3 pairs, arrays of different lengths, a value
   *     that is not finite, or a measure that does not vary
   */
  public static Correlation of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
    }
    int n = x.length;
    if (n < 3) {
      throw new IllegalArgumentException("a correlation needs at least 3 pairs, not " + n);
    }
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("pair " + (i + 1) + " is not finite");
      }
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= n;
    meanY /= n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("a measure that does not vary has no correlation");
    }
    double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    double slope = sxy / sxx;
    double intercept = meanY - slope * meanX;
    double lower = Double.NaN;
    double upper = Double.NaN;
    if (n > 3) {
      double z = atanh(r);
      double half = NormalDistribution.inverseCumulativeProbability(0.975) / Math.sqrt(n - 3.0);
      lower = Math.tanh(z - half);
      upper = Math.tanh(z + half);
    }
    double sse = 0;
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      residuals[i] = y[i] - (intercept + slope * x[i]);
      sse += residuals[i] * residuals[i];
    }
    double s = Math.sqrt(sse / (n - 2));
    List<Double> standardised = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double leverage = 1.0 / n + (x[i] - meanX) * (x[i] - meanX) / sxx;
      double scale = s * Math.sqrt(1 - leverage);
      standardised.add(scale > 0 ? residuals[i] / scale : 0.0);
    }
    return new Correlation(n, r, lower, upper, intercept, slope, standardised);
  }

  /** Whether the pair at {@code index} lies more than {@link #OUTLIER} residuals from the line. */
  public boolean outlier(int index) {
    return Math.abs(standardisedResiduals.get(index)) > OUTLIER;
  }

  /** The strength of the correlation in words, by the size of r (Cohen's rough guide). */
  public String strength() {
    double a = Math.abs(r);
    String size = a < 0.1 ? "no" : a < 0.3 ? "a weak" : a < 0.5 ? "a moderate" : "a strong";
    if (a < 0.1) {
      return "no";
    }
    return size + (r > 0 ? " positive" : " negative");
  }

  private static double atanh(double r) {
    if (r >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (r <= -1) {
      return Double.NEGATIVE_INFINITY;
    }
    return 0.5 * Math.log((1 + r) / (1 - r));
  }
}
