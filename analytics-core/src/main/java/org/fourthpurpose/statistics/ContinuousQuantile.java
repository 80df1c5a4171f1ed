package org.fourthpurpose.statistics;

/**
 * The continuous quantile of a sample: linear interpolation between the closest ranks, Hyndman and
 * Fan's type 7 (R's default {@code quantile(type = 7)}, DuckDB's {@code quantile_cont}, Spark's
 * {@code percentile}).
 *
 * <p>For sorted values {@code x[0] ≤ … ≤ x[n−1]} and probability {@code p}: {@code h = (n − 1) ×
 * p}, {@code lo = floor(h)}, and the quantile is {@code x[lo] + (h − lo) × (x[lo + 1] − x[lo])}
 * ({@code x[lo]} when {@code lo = n − 1}).
 *
 * <pre>{@code
 * ContinuousQuantile.of(new double[] {10, 20, 30, 40}, 0.5);  // 25.0
 * ContinuousQuantile.of(new double[] {10, 20, 30, 40}, 0.92); // 37.6
 * }</pre>
 */
public final class ContinuousQuantile {

  private ContinuousQuantile() {}

  /**
   * @param sorted the sample in ascending order, not empty (not copied or checked for order)
   * @param p the probability, 0 to 1
   */
  public static double of(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("a quantile needs at least one value");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
