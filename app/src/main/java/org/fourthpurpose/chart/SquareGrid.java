package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a grid of small squares, one per item, in labelled groups: a "waffle" chart that
 * shows at a glance how many items of each group sit in each step of a colour scale. Items keep the
 * order given within their group, {@link #COLUMNS} to a row. Drawn by {@code chart/grid :: grid}.
 *
 * @param steps how many steps the colour scale has; each group counts its items per step
 */
public record SquareGrid(List<Group> groups, int width, int height, int cell, int steps) {

  public static final int CELL = 9;
  static final int GAP = 1;
  public static final int COLUMNS = 50;
  static final int LABEL_HEIGHT = 22;

  /** One item to place: its group and its step on the colour scale (1 to {@code steps}). */
  public record Item(String code, String group, int step) {}

  /** A placed square, its top left corner at (x, y), coloured by {@code cssClass}. */
  public record Cell(String code, int step, int x, int y, String cssClass) {}

  /**
   * A group: its label's baseline, its squares and how many of them are in each step ({@code
   * stepCounts[n]} for step n; index 0 is unused).
   */
  public record Group(String name, int labelY, List<Cell> cells, int[] stepCounts) {}

  /** Lays out the items in groups, in the order the groups first appear. */
  public static SquareGrid of(List<Item> items, ColourScale scale) {
    Map<String, List<Item>> byGroup = new LinkedHashMap<>();
    items.forEach(item -> byGroup.computeIfAbsent(item.group(), k -> new ArrayList<>()).add(item));
    int steps = scale.labels().size();
    List<Group> groups = new ArrayList<>();
    int y = 0;
    for (Map.Entry<String, List<Item>> group : byGroup.entrySet()) {
      int labelY = y + 15;
      y += LABEL_HEIGHT;
      List<Cell> cells = new ArrayList<>();
      int[] counts = new int[steps + 1];
      List<Item> members = group.getValue();
      for (int i = 0; i < members.size(); i++) {
        Item item = members.get(i);
        cells.add(
            new Cell(
                item.code(),
                item.step(),
                (i % COLUMNS) * (CELL + GAP),
                y + (i / COLUMNS) * (CELL + GAP),
                scale.cssClass(item.step())));
        counts[item.step()]++;
      }
      y += ((members.size() + COLUMNS - 1) / COLUMNS) * (CELL + GAP) + 8;
      groups.add(new Group(group.getKey(), labelY, cells, counts));
    }
    return new SquareGrid(groups, COLUMNS * (CELL + GAP), y, CELL, steps);
  }
}
