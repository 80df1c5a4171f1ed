package org.fourthpurpose.indicator;

import java.util.List;

/**
 * An indicator's values for every area of one level in one period, with England's value and the
 * periods that could be chosen instead.
 *
 * @param englandValue England's value in the same period, null when neither published nor rolled up
 * @param periods every period with a value at this level, oldest first
 */
public record IndicatorTable(
    Indicator indicator,
    AreaLevel level,
    String period,
    Double englandValue,
    List<String> periods,
    List<AreaComparison> rows) {

  public IndicatorTable {
    periods = List.copyOf(periods);
    rows = List.copyOf(rows);
  }

  /** The rows that have a value. */
  public List<AreaComparison> rowsWithValues() {
    return rows.stream().filter(r -> r.value() != null).toList();
  }
}
