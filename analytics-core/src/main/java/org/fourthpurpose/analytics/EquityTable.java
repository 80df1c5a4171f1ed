package org.fourthpurpose.analytics;

import java.util.List;

/**
 * One published table of an equity analysis, after disclosure control.
 *
 * @param breakdown the breakdown
 * @param rows one row per group in {@link Breakdown#groupOrder()} (every fixed group, even when
 *     nobody is in it; for {@code sub-icb}, {@code district} and {@code treatment-function}, the
 *     groups found); for a two-way table one row per row group × column group, rows outer, with
 *     {@link EquityRow#column()} set, every combination of the fixed groups present
 * @param referenceGroup the group rate ratios compare with ({@link EquityAnalyses} says which),
 *     {@code null} for two-way tables
 */
public record EquityTable(Breakdown breakdown, List<EquityRow> rows, String referenceGroup) {

  public EquityTable {
    rows = List.copyOf(rows);
  }
}
