package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The layout of a scatter chart: a point per item at (x, y), optionally with a vertical 95%
 * interval, a straight line (a fitted least-squares line, or a slope index of inequality drawn over
 * decile points), both axes with ticks and their labels, and the names of chosen points (outliers)
 * written beside them. Every point can be reached with the Tab key and is named by its title. Drawn
 * by {@code chart/scatter :: scatter}.
 *
 * @param points one per item with both values
 * @param line the line across the plot, or null without one
 * @param xTicks the horizontal axis, left to right
 * @param yTicks the vertical axis, bottom to top
 */
public record ScatterChart(
    int width,
    int height,
    int left,
    int top,
    int plotBottom,
    List<Point> points,
    Line line,
    List<Tick> xTicks,
    List<Tick> yTicks,
    String xLabel,
    String yLabel) {

  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  static final int LEFT = 64;
  static final int TOP = 12;
  static final int RIGHT = 16;
  static final int BOTTOM = 56;

  /**
   * One item to draw.
   *
   * @param named whether its name is written beside its point (an outlier), not only in its title
   * @param yLower the lower end of its 95% interval, or null without one
   */
  public record Item(
      String name,
      double x,
      double y,
      Double yLower,
      Double yUpper,
      boolean named,
      boolean highlighted) {

    public static Item of(String name, double x, double y, boolean named) {
      return new Item(name, x, y, null, null, named, false);
    }
  }

  /** A point at (x, y), its interval from yUpper to yLower (equal without one). */
  public record Point(
      String name,
      double x,
      double y,
      double yUpper,
      double yLower,
      String label,
      boolean named,
      boolean highlighted,
      String anchor) {}

  /** The line from (x1, y1) to (x2, y2) in chart units, and what it is in words. */
  public record Line(double x1, double y1, double x2, double y2, String label) {}

  /** The bottom of the plot, where the horizontal axis is. */
  public int bottom() {
    return plotBottom;
  }

  /** Where the horizontal axis's label is written. */
  public int xLabelY() {
    return height - 8;
  }

  /** Where the horizontal axis's tick labels are written. */
  public int xTickLabelY() {
    return plotBottom + 18;
  }

  /** The middle of the plot, for the axis labels. */
  public double middleX() {
    return (left + width - RIGHT) / 2.0;
  }

  public double middleY() {
    return (top + plotBottom) / 2.0;
  }

  public int right() {
    return width - RIGHT;
  }

  /**
   * Lays out the items, with the line {@code y = intercept + slope * x} across the items' x range
   * when both are given.
   *
   * @param xFormat writes the horizontal axis's numbers
   * @param yFormat writes the vertical axis's numbers
   */
  public static ScatterChart of(
      List<Item> items,
      Double intercept,
      Double slope,
      String lineLabel,
      String xLabel,
      String yLabel,
      DoubleFunction<String> xFormat,
      DoubleFunction<String> yFormat) {
    if (items.isEmpty()) {
      return new ScatterChart(
          WIDTH,
          HEIGHT,
          LEFT,
          TOP,
          HEIGHT - BOTTOM,
          List.of(),
          null,
          List.of(),
          List.of(),
          xLabel,
          yLabel);
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Item i : items) {
      xMin = Math.min(xMin, i.x());
      xMax = Math.max(xMax, i.x());
      yMin = Math.min(yMin, i.yLower() == null ? i.y() : i.yLower());
      yMax = Math.max(yMax, i.yUpper() == null ? i.y() : i.yUpper());
    }
    boolean drawLine = intercept != null && slope != null && Double.isFinite(intercept + slope);
    double lineX1 = xMin;
    double lineX2 = xMax;
    if (drawLine) {
      double y1 = intercept + slope * lineX1;
      double y2 = intercept + slope * lineX2;
      yMin = Math.min(yMin, Math.min(y1, y2));
      yMax = Math.max(yMax, Math.max(y1, y2));
    }
    LinearScale x = LinearScale.nice(xMin, xMax, 5, LEFT, WIDTH - RIGHT);
    LinearScale y = LinearScale.nice(yMin, yMax, 5, HEIGHT - BOTTOM, TOP);
    List<Point> points = new ArrayList<>();
    for (Item i : items) {
      double px = x.at(i.x());
      points.add(
          new Point(
              i.name(),
              px,
              y.at(i.y()),
              y.at(i.yUpper() == null ? i.y() : i.yUpper()),
              y.at(i.yLower() == null ? i.y() : i.yLower()),
              i.name()
                  + ": "
                  + xLabel
                  + " "
                  + xFormat.apply(i.x())
                  + ", "
                  + yLabel
                  + " "
                  + yFormat.apply(i.y())
                  + (i.yLower() == null
                      ? ""
                      : " (95% interval "
                          + yFormat.apply(i.yLower())
                          + " to "
                          + yFormat.apply(i.yUpper())
                          + ")"),
              i.named(),
              i.highlighted(),
              // A name near the right edge is written to the left of its point.
              px > LEFT + (WIDTH - RIGHT - LEFT) * 0.7 ? "end" : "start"));
    }
    Line line =
        drawLine
            ? new Line(
                x.at(lineX1),
                y.at(intercept + slope * lineX1),
                x.at(lineX2),
                y.at(intercept + slope * lineX2),
                lineLabel)
            : null;
    return new ScatterChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        HEIGHT - BOTTOM,
        points,
        line,
        x.ticks(xFormat),
        y.ticks(yFormat),
        xLabel,
        yLabel);
  }
}
