package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The layout of a dot-and-whisker ("caterpillar") chart: every area's value with its 95% interval,
 * lowest value on the left, and a dashed line at a reference value such as England's. Every dot is
 * named under the axis (slanted, or upright in a small font when there are many), so the chart
 * reads without its tooltips. Drawn by {@code chart/interval :: interval}.
 *
 * @param height the whole chart's height, the names under the plot included
 * @param points one per area with a value, lowest value on the left
 * @param referenceY the reference line's height, or -1 without a reference value
 * @param ticks the value axis, bottom to top
 * @param labelAngle the names' rotation in degrees: -40, or -90 when there are many dots
 */
public record IntervalChart(
    int width,
    int height,
    int left,
    int top,
    List<Point> points,
    double referenceY,
    List<Tick> ticks,
    int labelAngle) {

  static final int WIDTH = 600;
  static final int HEIGHT = 280;
  static final int LEFT = 56;
  static final int TOP = 10;
  static final int BOTTOM = 20;

  /** Up to this many dots, names are slanted at -40°; more are upright in a small font. */
  static final int SLANTED_LABELS = 12;

  /** Average width of a character of the names, in chart units (14px Arial, or 11px upright). */
  private static final double CHAR_WIDTH = 7.2;

  private static final double SMALL_CHAR_WIDTH = 5.8;

  /** One area to draw: its value with its interval (null limits without one). */
  public record Item(
      String code,
      String name,
      Double value,
      Double lower95,
      Double upper95,
      boolean highlighted) {}

  /** One area: its dot at (x, y) and its interval from yUpper to yLower (equal without one). */
  public record Point(
      String name,
      double x,
      double y,
      double yUpper,
      double yLower,
      String label,
      boolean highlighted) {}

  /** The bottom of the plot, where the value axis starts. */
  public int bottom() {
    return HEIGHT - BOTTOM;
  }

  /** Where the names start, just under the plot. */
  public int labelY() {
    return HEIGHT - BOTTOM + 14;
  }

  /** Whether the names are upright, in a small font (many dots). */
  public boolean smallLabels() {
    return labelAngle == -90;
  }

  /** Whether any dot has an interval drawn, for captions that describe only what is drawn. */
  public boolean hasIntervals() {
    return points.stream().anyMatch(p -> p.yUpper() != p.yLower());
  }

  /** Whether the reference line is drawn. */
  public boolean hasReference() {
    return referenceY >= 0;
  }

  /**
   * Lays out the items that have a value, with a reference line at {@code reference} (none when
   * null), writing numbers with {@code format}.
   */
  public static IntervalChart of(
      List<Item> items, Double reference, DoubleFunction<String> format) {
    List<Item> rows = new ArrayList<>(items.stream().filter(r -> r.value() != null).toList());
    rows.sort(Comparator.comparingDouble(Item::value));
    if (rows.isEmpty()) {
      return new IntervalChart(WIDTH, HEIGHT, LEFT, TOP, List.of(), -1, List.of(), -40);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Item r : rows) {
      min = Math.min(min, r.lower95() == null ? r.value() : r.lower95());
      max = Math.max(max, r.upper95() == null ? r.value() : r.upper95());
    }
    if (reference != null) {
      min = Math.min(min, reference);
      max = Math.max(max, reference);
    }
    LinearScale y = LinearScale.nice(min, max, 4, HEIGHT - BOTTOM, TOP);
    boolean slanted = rows.size() <= SLANTED_LABELS;
    int left = slanted ? leftFor(rows.get(0).name().length(), rows.size()) : LEFT;
    BandScale x = new BandScale(rows.size(), left, WIDTH);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Item r = rows.get(i);
      points.add(
          new Point(
              r.name(),
              x.centre(i),
              y.at(r.value()),
              y.at(r.upper95() == null ? r.value() : r.upper95()),
              y.at(r.lower95() == null ? r.value() : r.lower95()),
              r.name() + ": " + valueText(r.value(), r.lower95(), r.upper95(), format),
              r.highlighted()));
    }
    int longest = rows.stream().mapToInt(r -> r.name().length()).max().orElse(0);
    // The names hang below the plot: their vertical extent is their length times sin(angle).
    double extent =
        slanted
            ? longest * CHAR_WIDTH * Math.sin(Math.toRadians(40)) + 14
            : longest * SMALL_CHAR_WIDTH;
    return new IntervalChart(
        WIDTH,
        HEIGHT + (int) Math.ceil(extent) + 4,
        left,
        TOP,
        points,
        reference == null ? -1 : y.at(reference),
        y.ticks(format),
        slanted ? -40 : -90);
  }

  /**
   * The plot's left edge: far enough right that the first dot's slanted name, which runs down to
   * the left, stays inside the chart.
   */
  static int leftFor(int firstNameLength, int dots) {
    double reach = firstNameLength * CHAR_WIDTH * Math.cos(Math.toRadians(40)) + 4;
    // the first dot sits half a band in: left + (WIDTH - left) / (2 * dots)
    double needed = (reach - WIDTH / (2.0 * dots)) / (1 - 1 / (2.0 * dots));
    return Math.max(LEFT, (int) Math.ceil(needed));
  }

  /** A value with its interval in words: "16.0 (95% interval 15.0 to 17.0)". */
  static String valueText(
      double value, Double lower95, Double upper95, DoubleFunction<String> format) {
    return format.apply(value)
        + (lower95 == null
            ? ""
            : " (95% interval " + format.apply(lower95) + " to " + format.apply(upper95) + ")");
  }
}
