package org.fourthpurpose.chart;

import java.util.Arrays;

/**
 * A spine chart laid out 0 to {@link #WIDTH} across: the range of a set of values as a line, their
 * middle half (lower to upper quartile) as a box, a reference value (such as England's) as a
 * vertical line and one value (the area the row is about) as a dot. Drawn by {@code chart/spine ::
 * spine}, small enough to sit in a table row, whose figures are its table alternative.
 *
 * @param reference the reference line's position, or -1 without a reference value
 * @param marker the dot's position
 * @param description the chart in words, for its accessible name
 */
public record SpineChart(
    double min,
    double lowerQuartile,
    double upperQuartile,
    double max,
    double reference,
    double marker,
    String description) {

  public static final int WIDTH = 200;

  /** The view box: the width with room for the dot at either end. */
  public String viewBox() {
    return "-6 0 " + (WIDTH + 12) + " 20";
  }

  /**
   * Lays out {@code values} (at least one) with the reference and the marked value; {@code
   * reversed} puts the lowest values on the right (so that "better" is on the right when lower is
   * better).
   */
  public static SpineChart of(
      double[] values, Double reference, double marker, boolean reversed, String description) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double lowest = sorted[0];
    double highest = sorted[sorted.length - 1];
    if (reference != null) {
      lowest = Math.min(lowest, reference);
      highest = Math.max(highest, reference);
    }
    LinearScale x =
        reversed
            ? LinearScale.of(lowest, highest, WIDTH, 0)
            : LinearScale.of(lowest, highest, 0, WIDTH);
    double a = x.at(quantile(sorted, 0.25));
    double b = x.at(quantile(sorted, 0.75));
    double min = x.at(sorted[0]);
    double max = x.at(sorted[sorted.length - 1]);
    return new SpineChart(
        Math.min(min, max),
        Math.min(a, b),
        Math.max(a, b),
        Math.max(min, max),
        reference == null ? -1 : x.at(reference),
        x.at(marker),
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
