package org.fourthpurpose.deprivation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks areas so that 1 is the most deprived (the highest value); equal values share the best rank.
 */
final class AreaRanking {

  private AreaRanking() {}

  /** Ranks of {@code values} from highest (rank 1) to lowest; a null value gets a null rank. */
  static Integer[] rankDescending(Double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparing(
            (Integer i) -> values[i], Comparator.nullsLast(Comparator.<Double>reverseOrder())));
    Integer[] ranks = new Integer[values.length];
    for (int position = 0; position < order.length; position++) {
      int i = order[position];
      if (values[i] == null) {
        continue;
      }
      if (position > 0
          && values[order[position - 1]] != null
          && values[order[position - 1]].equals(values[i])) {
        ranks[i] = ranks[order[position - 1]];
      } else {
        ranks[i] = position + 1;
      }
    }
    return ranks;
  }
}
