package org.fourthpurpose.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layout of a dot-and-whisker chart of every area's value with its 95% interval, lowest value
 * first, and a dashed line at England's value: the positions a template draws as SVG.
 *
 * @param points one per area with a value, lowest value on the left
 * @param englandY the England line's height, or -1 when England has no value
 * @param ticks the value axis, bottom to top
 */
public record IntervalChart(
    int width, int height, int left, List<Point> points, double englandY, List<Tick> ticks) {

  static final int WIDTH = 600;
  static final int HEIGHT = 280;
  static final int LEFT = 56;
  static final int TOP = 10;
  static final int BOTTOM = 20;

  /** One area: its dot at (x, y) and its interval from yUpper to yLower (equal without one). */
  public record Point(
      String name,
      double x,
      double y,
      double yUpper,
      double yLower,
      String label,
      boolean highlighted) {}

  /** A value on the axis at height y. */
  public record Tick(double y, double value, String label) {}

  /** Lays out the rows of a table that have a value. */
  public static IntervalChart of(IndicatorTable table) {
    return of(table.rowsWithValues(), table.englandValue(), null);
  }

  /**
   * Lays out some areas' values with a dashed reference line (England or another comparator), the
   * area {@code highlightCode} marked out.
   */
  public static IntervalChart of(
      List<AreaComparison> areas, Double reference, String highlightCode) {
    List<AreaComparison> rows =
        new ArrayList<>(areas.stream().filter(r -> r.value() != null).toList());
    rows.sort(Comparator.comparingDouble(AreaComparison::value));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (AreaComparison r : rows) {
      min = Math.min(min, r.lower95() == null ? r.value() : r.lower95());
      max = Math.max(max, r.upper95() == null ? r.value() : r.upper95());
    }
    if (reference != null) {
      min = Math.min(min, reference);
      max = Math.max(max, reference);
    }
    if (rows.isEmpty()) {
      return new IntervalChart(WIDTH, HEIGHT, LEFT, List.of(), -1, List.of());
    }
    double step = niceStep((max - min) / 4);
    double lowest = Math.floor(min / step) * step;
    double highest = Math.ceil(max / step) * step;
    if (highest == lowest) {
      highest = lowest + step;
    }
    Scale y = new Scale(lowest, highest);
    double slot = (double) (WIDTH - LEFT) / rows.size();
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      AreaComparison r = rows.get(i);
      points.add(
          new Point(
              r.areaName(),
              LEFT + slot * (i + 0.5),
              y.at(r.value()),
              y.at(r.upper95() == null ? r.value() : r.upper95()),
              y.at(r.lower95() == null ? r.value() : r.lower95()),
              r.areaName()
                  + ": "
                  + IndicatorPageController.format(r.value())
                  + (r.lower95() == null
                      ? ""
                      : " (95% interval "
                          + IndicatorPageController.format(r.lower95())
                          + " to "
                          + IndicatorPageController.format(r.upper95())
                          + ")"),
              r.areaCode().equals(highlightCode)));
    }
    List<Tick> ticks = new ArrayList<>();
    for (double v = lowest; v <= highest + step / 2; v += step) {
      ticks.add(new Tick(y.at(v), v, IndicatorPageController.format(v)));
    }
    return new IntervalChart(
        WIDTH, HEIGHT, LEFT, points, reference == null ? -1 : y.at(reference), ticks);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  public static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= rough) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private record Scale(double lowest, double highest) {
    double at(double value) {
      return TOP + (HEIGHT - TOP - BOTTOM) * (highest - value) / (highest - lowest);
    }
  }
}
