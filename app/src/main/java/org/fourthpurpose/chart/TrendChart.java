package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The layout of a trend chart: an area's value in each period, with its 95% interval where it has
 * one, and a comparator's value in the same periods as a dashed line; oldest on the left. At most
 * {@link #MAX_POINTS} recent periods are drawn. Drawn by {@code chart/trend :: trend}.
 *
 * @param points the area's values, oldest first
 * @param comparatorLine SVG polyline points of the comparator's values ("x,y x,y …"), empty when
 *     there are fewer than two
 * @param xLabels the period labels drawn under the axis (a thinned selection)
 * @param ticks the value axis, bottom to top
 */
public record TrendChart(
    int width,
    int height,
    int left,
    int top,
    int bottom,
    List<Point> points,
    List<ComparatorPoint> comparatorPoints,
    String comparatorLine,
    List<XLabel> xLabels,
    List<Tick> ticks) {

  static final int WIDTH = 600;
  static final int HEIGHT = 240;
  static final int LEFT = 56;
  static final int TOP = 10;
  static final int BOTTOM = 40;

  /** The most recent periods drawn; older ones are left to the table and downloads. */
  public static final int MAX_POINTS = 24;

  /** One period of the area's series. */
  public record Point(
      String period, double x, double y, double yUpper, double yLower, String label) {}

  /** The comparator's value in one period. */
  public record ComparatorPoint(String period, double x, double y, String label) {}

  /** A period label under the x axis. */
  public record XLabel(double x, String text) {}

  /**
   * One period's figures: the area's value with its interval (null limits without one) and the
   * comparator's value (null without one).
   */
  public record Period(
      String period, Double value, Double lower95, Double upper95, Double comparatorValue) {}

  /** The periods drawn out of {@code periods}: the last {@link #MAX_POINTS}. */
  public static <T> List<T> drawn(List<T> periods) {
    return periods.subList(Math.max(0, periods.size() - MAX_POINTS), periods.size());
  }

  /**
   * Lays out the last {@link #MAX_POINTS} periods, naming the comparator {@code comparatorLabel} in
   * its points' labels and writing numbers with {@code format}.
   */
  public static TrendChart of(
      List<Period> allPeriods, String comparatorLabel, DoubleFunction<String> format) {
    List<Period> periods = drawn(allPeriods);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Period p : periods) {
      for (Double v : new Double[] {p.value(), p.lower95(), p.upper95(), p.comparatorValue()}) {
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (periods.isEmpty() || min == Double.POSITIVE_INFINITY) {
      return frame(List.of(), List.of(), "", List.of(), List.of());
    }
    LinearScale y = LinearScale.nice(min, max, 4, HEIGHT - BOTTOM, TOP);
    BandScale x = new BandScale(periods.size(), LEFT, WIDTH - 10);
    List<Point> points = new ArrayList<>();
    List<ComparatorPoint> comparator = new ArrayList<>();
    List<XLabel> labels = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    // About six period labels fit under the axis; the latest period is always labelled.
    int every = Math.max(1, (int) Math.ceil(periods.size() / 6.0));
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      double px = x.centre(i);
      if (p.value() != null) {
        points.add(
            new Point(
                p.period(),
                px,
                y.at(p.value()),
                y.at(p.upper95() == null ? p.value() : p.upper95()),
                y.at(p.lower95() == null ? p.value() : p.lower95()),
                p.period()
                    + ": "
                    + IntervalChart.valueText(p.value(), p.lower95(), p.upper95(), format)));
      }
      if (p.comparatorValue() != null) {
        double cy = y.at(p.comparatorValue());
        comparator.add(
            new ComparatorPoint(
                p.period(),
                px,
                cy,
                comparatorLabel + ", " + p.period() + ": " + format.apply(p.comparatorValue())));
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(round(px)).append(',').append(round(cy));
      }
      if ((periods.size() - 1 - i) % every == 0) {
        labels.add(new XLabel(px, p.period()));
      }
    }
    return frame(
        points, comparator, comparator.size() < 2 ? "" : line.toString(), labels, y.ticks(format));
  }

  /** The chart in its fixed frame. */
  private static TrendChart frame(
      List<Point> points,
      List<ComparatorPoint> comparator,
      String comparatorLine,
      List<XLabel> xLabels,
      List<Tick> ticks) {
    return new TrendChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        HEIGHT - BOTTOM,
        points,
        comparator,
        comparatorLine,
        xLabels,
        ticks);
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }
}
