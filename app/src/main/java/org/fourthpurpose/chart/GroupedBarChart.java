package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a grouped horizontal bar chart on an ordinal scale: one group per item (an area),
 * one bar per series (a round) in each group, and each bar labelled in words, so colour never
 * carries meaning alone. Series are coloured by the classes {@code fp-series-1} to {@code
 * fp-series-5}, repeating. Drawn by {@code chart/grouped-bars :: groupedBars}.
 *
 * @param ticks the ordinal axis: one tick per level, its position across the chart
 * @param gridBottom where the gridlines end
 */
public record GroupedBarChart(
    int width, int height, List<Tick> ticks, int gridBottom, List<Group> groups) {

  static final int LABEL_WIDTH = 260;
  static final int PLOT_WIDTH = 360;
  static final int BAR_HEIGHT = 16;
  static final int GAP = 4;
  static final int SERIES_CLASSES = 5;
  static final int GROUP_LABEL_LENGTH = 40;

  /** One item's bars, in series order: null values draw no bar, only the label. */
  public record Item(String label, List<Double> values, List<String> barLabels) {}

  /** One laid-out group: its label and its bars. */
  public record Group(String label, int labelY, List<Bar> bars) {}

  /**
   * One laid-out bar.
   *
   * @param drawn false when there is no value (only the label is written)
   */
  public record Bar(
      int x,
      int y,
      int width,
      int height,
      String cssClass,
      boolean drawn,
      String label,
      int labelX) {

    /** The baseline of the bar's label. */
    public int labelY() {
      return y + 12;
    }
  }

  /**
   * Lays out {@code items} against the ordinal axis {@code levels}: a value of 0 is the first
   * level, {@code levels.size() - 1} the last.
   */
  public static GroupedBarChart of(List<String> levels, int seriesCount, List<Item> items) {
    int rowHeight = Math.max(1, seriesCount) * (BAR_HEIGHT + GAP) + 14;
    int height = 30 + items.size() * rowHeight + 24;
    int width = LABEL_WIDTH + PLOT_WIDTH + 170;
    int steps = Math.max(1, levels.size() - 1);
    List<Tick> ticks = new ArrayList<>();
    for (int t = 0; t < levels.size(); t++) {
      ticks.add(new Tick(LABEL_WIDTH + t * PLOT_WIDTH / steps, t, levels.get(t)));
    }
    List<Group> groups = new ArrayList<>();
    int y = 30;
    for (Item item : items) {
      List<Bar> bars = new ArrayList<>();
      for (int r = 0; r < item.values().size(); r++) {
        int barY = y + r * (BAR_HEIGHT + GAP);
        Double value = item.values().get(r);
        int barWidth = value == null ? 0 : (int) Math.round(value * PLOT_WIDTH / steps);
        bars.add(
            new Bar(
                LABEL_WIDTH,
                barY,
                barWidth,
                BAR_HEIGHT,
                "fp-series-" + (r % SERIES_CLASSES + 1),
                value != null && barWidth > 0,
                item.barLabels().get(r),
                LABEL_WIDTH + barWidth + 6));
      }
      groups.add(new Group(shorten(item.label(), GROUP_LABEL_LENGTH), y + 12, bars));
      y += rowHeight;
    }
    return new GroupedBarChart(width, height, ticks, height - 20, groups);
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
