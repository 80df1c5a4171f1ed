package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The layout of a statistical process control (XmR) chart as Making Data Count draws it: the values
 * joined by a line, each rebase group's mean (solid) and process limits (dashed), a target line,
 * and special-cause points marked by a shape as well as a colour (improvement a square, concern a
 * triangle, neutral high or low a diamond, common cause a small circle); a rebase is a dotted
 * vertical break. At most {@link #MAX_POINTS} recent values are drawn. Drawn by {@code chart/spc ::
 * spc}; the icons by {@code chart/spc-icons}.
 *
 * @param line SVG polyline points of the values ("x,y x,y …"), one per rebase group
 * @param target the target line, or null without a target
 * @param breaks the rebase breaks between groups
 */
public record SpcChart(
    int width,
    int height,
    int left,
    int top,
    int bottom,
    List<Point> points,
    List<String> line,
    List<Segment> means,
    List<Segment> limits,
    Segment target,
    List<Segment> breaks,
    List<TrendChart.XLabel> xLabels,
    List<Tick> ticks) {

  static final int WIDTH = 640;
  static final int HEIGHT = 260;
  static final int LEFT = 64;
  static final int TOP = 12;
  static final int BOTTOM = 40;

  /** The most recent values drawn; older ones are left to the table and downloads. */
  public static final int MAX_POINTS = 120;

  /** What a point is, which sets its shape and colour. */
  public enum Kind {
    COMMON("common cause"),
    IMPROVEMENT("special cause improvement"),
    CONCERN("special cause concern"),
    HIGH("special cause, high"),
    LOW("special cause, low");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }

    /** The CSS modifier, e.g. {@code improvement}. */
    public String css() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The point's classes, e.g. {@code fp-spc__point fp-spc__point--improvement}: written here, as
     * two double underscores in one template expression would be read as Thymeleaf preprocessing.
     */
    public String classes() {
      return "fp-spc__point fp-spc__point--" + css();
    }
  }

  /**
   * One value to draw with its group's mean and limits (NaN limits when the group has none).
   *
   * @param label the period as written under the axis and in the point's title
   * @param note what the point is, in words, added to its title (e.g. the rule that marked it)
   */
  public record Input(
      String label,
      double value,
      double mean,
      double lpl,
      double upl,
      int group,
      Kind kind,
      String note) {}

  /** A drawn point: position, kind and its title. */
  public record Point(double x, double y, Kind kind, String title) {

    /** The triangle of a concern or the diamond of a neutral special cause, as SVG points. */
    public String polygon() {
      return switch (kind) {
        case CONCERN ->
            r(x) + "," + r(y - 6) + " " + r(x + 6) + "," + r(y + 5) + " " + r(x - 6) + ","
                + r(y + 5);
        case HIGH, LOW ->
            r(x) + "," + r(y - 6) + " " + r(x + 6) + "," + r(y) + " " + r(x) + "," + r(y + 6) + " "
                + r(x - 6) + "," + r(y);
        default -> "";
      };
    }
  }

  /** A straight line, with a label drawn at its right end (empty for none). */
  public record Segment(double x1, double y1, double x2, double y2, String label) {}

  /**
   * Lays out the last {@link #MAX_POINTS} values (oldest first) with an optional target, writing
   * numbers with {@code format}.
   */
  public static SpcChart of(List<Input> all, Double target, DoubleFunction<String> format) {
    List<Input> inputs = all.subList(Math.max(0, all.size() - MAX_POINTS), all.size());
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Input p : inputs) {
      for (double v : new double[] {p.value(), p.mean(), p.lpl(), p.upl()}) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (target != null && Double.isFinite(target) && !inputs.isEmpty()) {
      min = Math.min(min, target);
      max = Math.max(max, target);
    }
    if (inputs.isEmpty()) {
      return new SpcChart(
          WIDTH,
          HEIGHT,
          LEFT,
          TOP,
          HEIGHT - BOTTOM,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          null,
          List.of(),
          List.of(),
          List.of());
    }
    if (min == max) {
      min -= 1;
      max += 1;
    }
    LinearScale y = LinearScale.nice(min, max, 5, HEIGHT - BOTTOM, TOP);
    BandScale x = new BandScale(inputs.size(), LEFT, WIDTH - 12);
    List<Point> points = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Segment> means = new ArrayList<>();
    List<Segment> limits = new ArrayList<>();
    List<Segment> breaks = new ArrayList<>();
    List<TrendChart.XLabel> labels = new ArrayList<>();
    int every = Math.max(1, (int) Math.ceil(inputs.size() / 6.0));
    int start = 0;
    for (int i = 0; i <= inputs.size(); i++) {
      boolean groupEnds =
          i == inputs.size() || (i > start && inputs.get(i).group() != inputs.get(start).group());
      if (groupEnds) {
        Input first = inputs.get(start);
        double x1 = x.centre(start) - x.bandwidth() / 2;
        double x2 = x.centre(i - 1) + x.bandwidth() / 2;
        boolean last = i == inputs.size();
        means.add(new Segment(x1, y.at(first.mean()), x2, y.at(first.mean()), last ? "Mean" : ""));
        if (Double.isFinite(first.upl())) {
          limits.add(
              new Segment(x1, y.at(first.upl()), x2, y.at(first.upl()), last ? "Upper limit" : ""));
        }
        if (Double.isFinite(first.lpl())) {
          limits.add(
              new Segment(x1, y.at(first.lpl()), x2, y.at(first.lpl()), last ? "Lower limit" : ""));
        }
        StringBuilder line = new StringBuilder();
        for (int j = start; j < i; j++) {
          if (line.length() > 0) {
            line.append(' ');
          }
          line.append(r(x.centre(j))).append(',').append(r(y.at(inputs.get(j).value())));
        }
        lines.add(line.toString());
        if (!last) {
          breaks.add(new Segment(x2, TOP, x2, HEIGHT - BOTTOM, "Rebased"));
        }
        start = i;
      }
      if (i == inputs.size()) {
        break;
      }
      Input p = inputs.get(i);
      points.add(
          new Point(
              x.centre(i),
              y.at(p.value()),
              p.kind(),
              p.label()
                  + ": "
                  + format.apply(p.value())
                  + " ("
                  + p.kind().words()
                  + (p.note() == null || p.note().isBlank() ? "" : ": " + p.note())
                  + ")"));
      if ((inputs.size() - 1 - i) % every == 0) {
        labels.add(new TrendChart.XLabel(x.centre(i), p.label()));
      }
    }
    Segment targetLine =
        target == null || !Double.isFinite(target)
            ? null
            : new Segment(LEFT, y.at(target), WIDTH - 12, y.at(target), "Target");
    return new SpcChart(
        WIDTH,
        HEIGHT,
        LEFT,
        TOP,
        HEIGHT - BOTTOM,
        points,
        lines,
        means,
        limits,
        targetLine,
        breaks,
        labels,
        y.ticks(format));
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  private static String r(double v) {
    return String.valueOf(Math.round(v * 10) / 10.0);
  }
}
