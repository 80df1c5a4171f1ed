package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.indicator.IntervalChart;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.ValueText;

/**
 * The layout of a trend chart: an ICS's value in each period, with its 95% interval where it has
 * one, and a comparator's value in the same periods as a dashed line; oldest on the left. At most
 * {@link #MAX_POINTS} recent periods are drawn.
 *
 * @param points the ICS's values, oldest first
 * @param comparatorLine SVG polyline points of the comparator's values ("x,y x,y …"), empty when
 *     there are fewer than two
 * @param xLabels the period labels drawn under the axis (a thinned selection)
 * @param ticks the value axis, bottom to top
 */
public record TrendChart(
    int width,
    int height,
    int left,
    int bottom,
    List<Point> points,
    List<ComparatorPoint> comparatorPoints,
    String comparatorLine,
    List<XLabel> xLabels,
    List<IntervalChart.Tick> ticks) {

  static final int WIDTH = 600;
  static final int HEIGHT = 240;
  static final int LEFT = 56;
  static final int TOP = 10;
  static final int BOTTOM = 40;
  static final int MAX_POINTS = 24;

  /** One period of the ICS's series. */
  public record Point(
      String period, double x, double y, double yUpper, double yLower, String label) {}

  /** The comparator's value in one period. */
  public record ComparatorPoint(String period, double x, double y, String label) {}

  /** A period label under the x axis. */
  public record XLabel(double x, String text) {}

  /**
   * One period's figures: the ICS's value with its interval (null limits without one) and the
   * comparator's value (null without one).
   */
  record Period(
      String period, Double value, Double lower95, Double upper95, Double comparatorValue) {}

  static TrendChart of(List<Period> allPeriods, String comparatorLabel) {
    List<Period> periods =
        allPeriods.subList(Math.max(0, allPeriods.size() - MAX_POINTS), allPeriods.size());
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
      return new TrendChart(
          WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, List.of(), List.of(), "", List.of(), List.of());
    }
    double step = IntervalChart.niceStep((max - min) / 4);
    double lowest = Math.floor(min / step) * step;
    double highest = Math.ceil(max / step) * step;
    if (highest == lowest) {
      highest = lowest + step;
    }
    double lo = lowest;
    double span = highest - lowest;
    java.util.function.DoubleUnaryOperator y =
        v -> TOP + (HEIGHT - TOP - BOTTOM) * (lo + span - v) / span;
    double slot = (double) (WIDTH - LEFT - 10) / periods.size();
    List<Point> points = new ArrayList<>();
    List<ComparatorPoint> comparator = new ArrayList<>();
    List<XLabel> labels = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int every = Math.max(1, (int) Math.ceil(periods.size() / 6.0));
    for (int i = 0; i < periods.size(); i++) {
      Period p = periods.get(i);
      double x = LEFT + slot * (i + 0.5);
      if (p.value() != null) {
        points.add(
            new Point(
                p.period(),
                x,
                y.applyAsDouble(p.value()),
                y.applyAsDouble(p.upper95() == null ? p.value() : p.upper95()),
                y.applyAsDouble(p.lower95() == null ? p.value() : p.lower95()),
                p.period()
                    + ": "
                    + ValueText.format(p.value())
                    + (p.lower95() == null
                        ? ""
                        : " (95% interval "
                            + ValueText.format(p.lower95())
                            + " to "
                            + ValueText.format(p.upper95())
                            + ")")));
      }
      if (p.comparatorValue() != null) {
        double cy = y.applyAsDouble(p.comparatorValue());
        comparator.add(
            new ComparatorPoint(
                p.period(),
                x,
                cy,
                comparatorLabel
                    + ", "
                    + p.period()
                    + ": "
                    + ValueText.format(p.comparatorValue())));
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(round(x)).append(',').append(round(cy));
      }
      if ((periods.size() - 1 - i) % every == 0) {
        labels.add(new XLabel(x, p.period()));
      }
    }
    List<IntervalChart.Tick> ticks = new ArrayList<>();
    for (double v = lowest; v <= highest + step / 2; v += step) {
      ticks.add(new IntervalChart.Tick(y.applyAsDouble(v), v, ValueText.format(v)));
    }
    return new TrendChart(
        WIDTH,
        HEIGHT,
        LEFT,
        HEIGHT - BOTTOM,
        points,
        comparator,
        comparator.size() < 2 ? "" : line.toString(),
        labels,
        ticks);
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }
}
