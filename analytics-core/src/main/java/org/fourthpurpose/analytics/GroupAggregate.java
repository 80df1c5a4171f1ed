package org.fourthpurpose.analytics;

import java.util.Objects;

/**
 * The waits of one group of a breakdown (or one cell of a two-way table), before disclosure
 * control.
 *
 * @param breakdown the breakdown
 * @param group the group label ({@link Breakdown} lists them); for a two-way table, the row's
 * @param column for a two-way table, the column's group label; empty for a one-way breakdown
 * @param waits the group's waits ({@code waiting} ≥ 1: engines emit no empty groups)
 */
public record GroupAggregate(
    Breakdown breakdown, String group, String column, WaitStatistics waits) {

  public GroupAggregate {
    Objects.requireNonNull(breakdown, "breakdown");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(waits, "waits");
    if (breakdown.isTwoWay() == column.isEmpty()) {
      throw new IllegalArgumentException(
          "a two-way table's cells have a column, a one-way breakdown's groups have none: "
              + breakdown.slug());
    }
  }

  /** A group of a one-way breakdown. */
  public static GroupAggregate of(
      Breakdown breakdown,
      String group,
      long waiting,
      double medianDays,
      double p92Days,
      long over18Weeks,
      long over52Weeks) {
    return new GroupAggregate(
        breakdown,
        group,
        "",
        new WaitStatistics(waiting, medianDays, p92Days, over18Weeks, over52Weeks));
  }
}
