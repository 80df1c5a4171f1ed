package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The layout of a horizontal bar chart of shares, one bar per category with a marker across it for
 * a reference share (such as England's) and the value written after it. Drawn by {@code chart/bars
 * :: bars}.
 *
 * <p>The layout is narrow (about 300 units) so that its text stays readable when the SVG is scaled
 * down to a phone's width: the category keys sit in a slim column, with a note for each end (such
 * as "most deprived" and "least deprived") written once above and below the bars.
 *
 * @param axisMax the share at the end of the plot: the largest share or marker rounded up
 */
public record BarChart(
    List<Bar> bars, double axisMax, int width, int height, String startNote, String endNote) {

  /** Room above the first bar for the start note. */
  public static final int TOP = 22;

  public static final int ROW = 26;
  public static final int LABEL = 26;
  public static final int PLOT = 220;

  /** Room after the longest bar for its value label, such as "19.8%". */
  public static final int VALUE = 52;

  /** Room below the last bar for the end note. */
  public static final int BOTTOM = 26;

  private static final int GAP = 6;
  private static final int VALUE_LABEL_WIDTH = 44;

  /**
   * One category to draw.
   *
   * @param key the short label beside the bar, such as "1"
   * @param label the full label, for the bar's tooltip and tables, such as "1 (most deprived)"
   * @param cssClass the class that colours the bar
   */
  public record Item(String key, String label, double value, double marker, String cssClass) {}

  /** One laid-out bar, its top at {@code y}. */
  public record Bar(
      String key,
      String label,
      double value,
      double marker,
      String valueLabel,
      String cssClass,
      int y,
      double barWidth,
      double markerX) {

    /** Where the bar starts, after the key. */
    public int barX() {
      return LABEL;
    }

    /**
     * Where the value label goes: just after the bar, or just after the marker when the marker
     * would otherwise run through the label.
     */
    public double valueX() {
      double barEnd = LABEL + barWidth;
      boolean markerInTheWay = markerX >= barEnd - 2 && markerX <= barEnd + GAP + VALUE_LABEL_WIDTH;
      return (markerInTheWay ? markerX : barEnd) + GAP;
    }
  }

  /**
   * Lays out the items, scaling to the largest value or marker rounded up to a whole number of
   * {@code roundTo}, writing values with {@code format}.
   */
  public static BarChart of(
      List<Item> items,
      double roundTo,
      DoubleFunction<String> format,
      String startNote,
      String endNote) {
    double max = 0;
    for (Item item : items) {
      max = Math.max(max, Math.max(item.value(), item.marker()));
    }
    // The small allowance keeps 0.2 / 0.05 from rounding up to a fifth step.
    double axis = Math.max(roundTo, Math.ceil(max / roundTo - 1e-9) * roundTo);
    LinearScale x = LinearScale.of(0, axis, LABEL, LABEL + PLOT);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      bars.add(
          new Bar(
              item.key(),
              item.label(),
              item.value(),
              item.marker(),
              format.apply(item.value()),
              item.cssClass(),
              TOP + i * ROW,
              PLOT * item.value() / axis,
              x.at(item.marker())));
    }
    return new BarChart(
        bars, axis, LABEL + PLOT + VALUE, TOP + items.size() * ROW + BOTTOM, startNote, endNote);
  }
}
