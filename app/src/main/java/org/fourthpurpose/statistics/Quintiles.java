package org.fourthpurpose.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns areas to quintiles of their values, Fingertips' comparison for indicators without
 * confidence intervals, grouping them by the OHID method of PHEindicatormethods' {@code
 * phe_quantile} with {@code nquantiles = 5} and {@code invert = FALSE}.
 *
 * <p>The rule, for the N areas that have a value:
 *
 * <ol>
 *   <li>rank the values in ascending order, 1 = lowest; tied values all take the lowest rank of
 *       their group (R's {@code ties.method = "min"}), so ties always share a quintile, the lower
 *       one when they straddle a boundary;
 *   <li>group = {@code 6 - ceil((N + 1 - rank) * 5 / N)}, 1 = lowest values. When N is a multiple
 *       of 5 this puts N/5 areas in each quintile; otherwise quintile sizes differ by at most one,
 *       the larger ones spread through the range: for N = 7 the sizes are 2, 1, 2, 1, 1 and for N =
 *       42 (the ICSs) 9, 8, 9, 8, 8. The ceiling is taken in exact integer arithmetic; R computes
 *       {@code (N + 1 - rank) / (N / 5)} in floating point, which gives the same quintiles for
 *       every N from 5 to 2000 (checked against R). Ties can make sizes uneven;
 *   <li>areas without a value (null or NaN) get no quintile and do not count towards N; with fewer
 *       than 5 values no area gets a quintile, as R returns NA.
 * </ol>
 *
 * <p>The groups are PHEindicatormethods' (ties and uneven sizes as above); the numbering then runs
 * from the top, as ranks do (see {@link Quintile}): the group of lowest values is quintile 5, or
 * quintile 1 (best) when lower is better.
 */
public final class Quintiles {

  private Quintiles() {}

  /**
   * The quintile of each area that has a value, in the iteration order of the input.
   *
   * @param valuesByArea each area's value, null or NaN where it has none
   * @return quintiles for the areas with values, empty when fewer than five have one
   * @throws IllegalArgumentException if a value is infinite
   */
  public static <K> Map<K, Quintile> assign(Map<K, Double> valuesByArea, Polarity polarity) {
    Objects.requireNonNull(valuesByArea, "valuesByArea");
    Objects.requireNonNull(polarity, "polarity");
    List<Double> present = new ArrayList<>();
    for (Map.Entry<K, Double> entry : valuesByArea.entrySet()) {
      Double value = entry.getValue();
      if (value != null && !value.isNaN()) {
        if (value.isInfinite()) {
          throw new IllegalArgumentException(
              "value for " + entry.getKey() + " must be finite, was " + value);
        }
        present.add(value);
      }
    }
    int n = present.size();
    Map<K, Quintile> quintiles = new LinkedHashMap<>();
    if (n < 5) {
      return quintiles;
    }
    Collections.sort(present);
    for (Map.Entry<K, Double> entry : valuesByArea.entrySet()) {
      Double value = entry.getValue();
      if (value != null && !value.isNaN()) {
        int group = number(minimumRank(present, value), n);
        quintiles.put(
            entry.getKey(),
            new Quintile(polarity == Polarity.LOWER_IS_BETTER ? group : 6 - group, polarity));
      }
    }
    return quintiles;
  }

  /** The group (1 = lowest values to 5) for a 1-based ascending rank among n values. */
  static int number(int rank, int n) {
    long numerator = (long) (n + 1 - rank) * 5;
    long ceiling = (numerator + n - 1) / n;
    return (int) Math.max(1, 6 - ceiling);
  }

  /** 1 + the number of values strictly below {@code value} in the sorted list. */
  private static int minimumRank(List<Double> sorted, double value) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted.get(middle) < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low + 1;
  }
}
