package org.fourthpurpose.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every LSOA of a system as one small square, grouped by place and ordered from most to least
 * deprived, shaded by its national IMD decile. It is not a map (LSOA boundaries are not shipped):
 * it shows at a glance how many of each place's neighbourhoods sit in each decile.
 */
record NeighbourhoodGrid(List<Group> groups, int width, int height) {

  static final int CELL = 9;
  static final int GAP = 1;
  static final int COLUMNS = 50;
  static final int LABEL_HEIGHT = 22;

  record Cell(String code, int decile, int x, int y) {}

  record Group(String name, int labelY, List<Cell> cells, int[] decileCounts) {}

  /** One LSOA to place: its code, the place it belongs to and its decile (1 = most deprived). */
  record Item(String code, String place, int rank, int decile) {}

  /**
   * The squares as SVG elements, built once per system: a page with a thousand or more squares
   * would otherwise evaluate several template expressions per square on every request.
   */
  String svgBody() {
    StringBuilder svg =
        new StringBuilder(
            groups.size() * 64 + groups.stream().mapToInt(g -> g.cells().size()).sum() * 64);
    for (Group group : groups) {
      svg.append("<text x=\"0\" y=\"")
          .append(group.labelY())
          .append("\" class=\"fp-chart__label\">")
          .append(org.springframework.web.util.HtmlUtils.htmlEscape(group.name()))
          .append("</text>");
      for (Cell cell : group.cells()) {
        svg.append("<rect x=\"")
            .append(cell.x())
            .append("\" y=\"")
            .append(cell.y())
            .append("\" width=\"")
            .append(CELL)
            .append("\" height=\"")
            .append(CELL)
            .append("\" class=\"fp-decile-")
            .append(cell.decile())
            .append("\"></rect>");
      }
    }
    return svg.toString();
  }

  static NeighbourhoodGrid of(List<Item> items) {
    Map<String, List<Item>> byPlace = new LinkedHashMap<>();
    items.stream()
        .sorted(Comparator.comparing(Item::place).thenComparingInt(Item::rank))
        .forEach(item -> byPlace.computeIfAbsent(item.place(), k -> new ArrayList<>()).add(item));
    List<Group> groups = new ArrayList<>();
    int y = 0;
    for (Map.Entry<String, List<Item>> place : byPlace.entrySet()) {
      int labelY = y + 15;
      y += LABEL_HEIGHT;
      List<Cell> cells = new ArrayList<>();
      int[] counts = new int[11];
      List<Item> lsoas = place.getValue();
      for (int i = 0; i < lsoas.size(); i++) {
        Item item = lsoas.get(i);
        cells.add(
            new Cell(
                item.code(),
                item.decile(),
                (i % COLUMNS) * (CELL + GAP),
                y + (i / COLUMNS) * (CELL + GAP)));
        counts[item.decile()]++;
      }
      y += ((lsoas.size() + COLUMNS - 1) / COLUMNS) * (CELL + GAP) + 8;
      groups.add(new Group(place.getKey(), labelY, cells, counts));
    }
    return new NeighbourhoodGrid(groups, COLUMNS * (CELL + GAP), y);
  }
}
