package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The layout of a funnel plot: each area's value against its denominator, the target as a dashed
 * line, and the 95% and 99.8% control limits as funnels (the 99.8% lines solid, the 95% dashed). An
 * area's marker says where it sits in shape as well as colour: a circle within the 95% limits, a
 * triangle pointing up above them or down below them, small between the 95% and 99.8% limits and
 * large beyond 99.8%. Drawn by {@code chart/funnel :: funnel}; the page gives a legend and a table.
 *
 * @param points the areas, largest denominator last
 * @param targetY the target line's height
 * @param lower998 the lower 99.8% limit as SVG polyline points ("x,y x,y …"); likewise the others
 * @param xTicks the denominator axis, left to right
 * @param yTicks the value axis, bottom to top
 */
public record FunnelChart(
    int width,
    int height,
    int left,
    int top,
    List<Point> points,
    double targetY,
    String lower998,
    String lower95,
    String upper95,
    String upper998,
    List<Tick> xTicks,
    List<Tick> yTicks) {

  static final int WIDTH = 600;
  static final int HEIGHT = 320;
  static final int LEFT = 64;
  static final int TOP = 10;
  static final int BOTTOM = 40;

  /** Where an area sits against the limits, which decides its marker's shape and size. */
  public enum Position {
    ABOVE_998,
    ABOVE_95,
    WITHIN,
    BELOW_95,
    BELOW_998;

    /** circle, up or down. */
    public String shape() {
      return switch (this) {
        case ABOVE_998, ABOVE_95 -> "up";
        case WITHIN -> "circle";
        case BELOW_95, BELOW_998 -> "down";
      };
    }

    /** Whether the area is beyond the 99.8% limits (a large marker). */
    public boolean beyond998() {
      return this == ABOVE_998 || this == BELOW_998;
    }
  }

  /**
   * One area to draw.
   *
   * @param cssClass the colour class of its position, from the page's colour scale
   * @param label the area in words for its tooltip, such as "Area: 12.3 (denominator 4,000)"
   */
  public record Item(
      String name,
      double denominator,
      double value,
      Position position,
      String cssClass,
      String label) {}

  /** A limit at one denominator (NaN where a limit is not drawn). */
  public record Limit(
      double denominator, double lower998, double lower95, double upper95, double upper998) {}

  /** One marker: its centre, shape path (a circle when empty) and size. */
  public record Point(
      String name,
      double x,
      double y,
      Position position,
      String cssClass,
      String label,
      String path,
      double radius) {

    /** Whether the marker is a circle (within the limits) rather than a triangle. */
    public boolean circle() {
      return path.isEmpty();
    }
  }

  /** The value axis ticks, as the shared axis fragment reads them. */
  public List<Tick> ticks() {
    return yTicks;
  }

  /** The bottom of the plot, where the axes meet. */
  public int bottom() {
    return HEIGHT - BOTTOM;
  }

  /** Where the denominator axis is labelled. */
  public int xLabelY() {
    return HEIGHT - BOTTOM + 18;
  }

  /** Where the denominator axis title sits. */
  public int xTitleY() {
    return HEIGHT - 4;
  }

  /** The middle of the plot, for centring the axis title. */
  public int centreX() {
    return (left + width) / 2;
  }

  /** The plot's clipping rectangle, "x y width height", so limits leave the plot cleanly. */
  public int plotWidth() {
    return width - left;
  }

  public int plotHeight() {
    return bottom() - top;
  }

  /**
   * Lays out the areas and limits: the value axis covers the areas and the target with a margin
   * (the limits, which widen without bound at small denominators, are clipped to it); the
   * denominator axis runs from 0 to the last limit.
   */
  public static FunnelChart of(
      List<Item> items,
      List<Limit> limits,
      double target,
      DoubleFunction<String> valueFormat,
      DoubleFunction<String> denominatorFormat) {
    double minY = target;
    double maxY = target;
    double maxX = 0;
    for (Item item : items) {
      minY = Math.min(minY, item.value());
      maxY = Math.max(maxY, item.value());
      maxX = Math.max(maxX, item.denominator());
    }
    for (Limit limit : limits) {
      maxX = Math.max(maxX, limit.denominator());
    }
    double margin = (maxY - minY) * 0.15;
    if (margin == 0) {
      margin = Math.max(Math.abs(target) * 0.1, 1);
    }
    double lowest = minY - margin;
    // Never below 0 for values that cannot be negative.
    if (minY >= 0) {
      lowest = Math.max(0, lowest);
    }
    LinearScale y = LinearScale.nice(lowest, maxY + margin, 5, HEIGHT - BOTTOM, TOP);
    LinearScale x = LinearScale.nice(0, maxX, 5, LEFT, WIDTH);
    List<Item> ordered = new ArrayList<>(items);
    ordered.sort(java.util.Comparator.comparingDouble(Item::denominator));
    List<Point> points = new ArrayList<>();
    for (Item item : ordered) {
      double px = x.at(item.denominator());
      double py = y.at(item.value());
      double r = item.position().beyond998() ? 7 : item.position() == Position.WITHIN ? 4 : 5.5;
      String path =
          switch (item.position().shape()) {
            case "up" -> triangle(px, py, r, -1);
            case "down" -> triangle(px, py, r, 1);
            default -> "";
          };
      points.add(
          new Point(item.name(), px, py, item.position(), item.cssClass(), item.label(), path, r));
    }
    return new FunnelChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        points,
        y.at(target),
        line(limits, x, y, Limit::lower998),
        line(limits, x, y, Limit::lower95),
        line(limits, x, y, Limit::upper95),
        line(limits, x, y, Limit::upper998),
        x.ticks(denominatorFormat),
        y.ticks(valueFormat));
  }

  /** A triangle centred on (x, y) pointing up (direction -1) or down (+1). */
  private static String triangle(double x, double y, double r, int direction) {
    double tip = y + direction * r;
    double base = y - direction * r * 0.7;
    return "M"
        + number(x)
        + " "
        + number(tip)
        + " L"
        + number(x + r)
        + " "
        + number(base)
        + " L"
        + number(x - r)
        + " "
        + number(base)
        + " Z";
  }

  private static String line(
      List<Limit> limits,
      LinearScale x,
      LinearScale y,
      java.util.function.ToDoubleFunction<Limit> value) {
    StringBuilder points = new StringBuilder();
    for (Limit limit : limits) {
      double v = value.applyAsDouble(limit);
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        continue;
      }
      // Far outside the plot the line is clipped anyway; keep the numbers small.
      double py = Math.max(-1000, Math.min(HEIGHT + 1000, y.at(v)));
      if (!points.isEmpty()) {
        points.append(' ');
      }
      points.append(number(x.at(limit.denominator()))).append(',').append(number(py));
    }
    return points.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
