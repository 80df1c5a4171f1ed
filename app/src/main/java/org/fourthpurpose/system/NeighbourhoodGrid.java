package org.fourthpurpose.system;

import java.util.Comparator;
import java.util.List;
import org.fourthpurpose.chart.SquareGrid;

/**
 * Every LSOA of a system as one small square, grouped by place and ordered from most to least
 * deprived, shaded by its national IMD decile. It is not a map (LSOA boundaries are not shipped):
 * it shows at a glance how many of each place's neighbourhoods sit in each decile.
 */
final class NeighbourhoodGrid {

  private NeighbourhoodGrid() {}

  /** One LSOA to place: its code, the place it belongs to and its decile (1 = most deprived). */
  record Item(String code, String place, int rank, int decile) {}

  /** Places in name order, each place's neighbourhoods most deprived (lowest rank) first. */
  static SquareGrid of(List<Item> items) {
    return SquareGrid.of(
        items.stream()
            .sorted(Comparator.comparing(Item::place).thenComparingInt(Item::rank))
            .map(item -> new SquareGrid.Item(item.code(), item.place(), item.decile()))
            .toList(),
        DeprivationScales.DECILES);
  }
}
