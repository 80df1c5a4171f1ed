package org.fourthpurpose.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.fourthpurpose.indicator.Polarity;

/**
 * A spine chart row laid out 0 to {@link #WIDTH} across: the range of the 42 systems' values, the
 * middle half of them, England and this system. When an indicator has a polarity, worse is on the
 * left; otherwise lower is.
 *
 * @param description the chart in words, for its accessible name
 */
public record Spine(
    double min,
    double lowerQuartile,
    double upperQuartile,
    double max,
    double england,
    double area,
    String description) {

  public static final int WIDTH = 200;

  /**
   * Lays out one indicator's spine, or returns null when the system or too few others have a value.
   */
  static Spine of(List<Double> values, Double england, Double area, Polarity polarity) {
    double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(d -> d).toArray();
    if (area == null || sorted.length < 5) {
      return null;
    }
    Arrays.sort(sorted);
    double lowest = sorted[0];
    double highest = sorted[sorted.length - 1];
    if (england != null) {
      lowest = Math.min(lowest, england);
      highest = Math.max(highest, england);
    }
    double span = highest - lowest;
    boolean flip = polarity == Polarity.LOWER_IS_BETTER;
    double lo = lowest;
    java.util.function.DoubleUnaryOperator x =
        v -> {
          double share = span == 0 ? 0.5 : (v - lo) / span;
          return (flip ? 1 - share : share) * WIDTH;
        };
    double q1 = quantile(sorted, 0.25);
    double q3 = quantile(sorted, 0.75);
    double a = x.applyAsDouble(q1);
    double b = x.applyAsDouble(q3);
    double min = x.applyAsDouble(sorted[0]);
    double max = x.applyAsDouble(sorted[sorted.length - 1]);
    int rank = 0;
    for (double v : sorted) {
      if (v < area) {
        rank++;
      }
    }
    String description =
        "Of "
            + sorted.length
            + " systems with a value, "
            + rank
            + " have a lower value than this one"
            + (polarity == Polarity.NEITHER
                ? ""
                : (flip ? "; lower is better" : "; higher is better"));
    return new Spine(
        Math.min(min, max),
        Math.min(a, b),
        Math.max(a, b),
        Math.max(min, max),
        england == null ? -1 : x.applyAsDouble(england),
        x.applyAsDouble(area),
        description);
  }

  /** The quantile by linear interpolation between order statistics (R's type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int i = (int) Math.floor(h);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (h - i) * (sorted[j] - sorted[i]);
  }
}
