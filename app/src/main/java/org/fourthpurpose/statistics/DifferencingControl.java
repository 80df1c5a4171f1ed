package org.fourthpurpose.statistics;

import java.util.Map;

/**
 * Decides whether a count distribution that mixes named and anonymous contributors can be shown
 * without revealing what an anonymous contributor gave, when the named contributors' own values are
 * published beside it (so anyone can subtract them).
 *
 * <p>What is left after subtraction is the anonymous contributors' distribution. It reveals a
 * contributor's value when there are fewer than a minimum number of them, or when they all gave the
 * same value (anyone who knows a system is among them then knows its value). So the combined
 * distribution may be shown only when the anonymous part has at least {@code minimum} contributors
 * spread over at least two values; otherwise only the named contributors may be counted.
 *
 * <pre>{@code
 * DifferencingControl.anonymousMayBeIncluded(Map.of("emerging", 3, "established", 2), 5); // true
 * DifferencingControl.anonymousMayBeIncluded(Map.of("emerging", 5), 5);                   // false
 * }</pre>
 */
public final class DifferencingControl {

  private DifferencingControl() {}

  /**
   * @param anonymous how many anonymous contributors gave each value (zero counts are ignored)
   * @param minimum the fewest anonymous contributors that may be counted, at least 2
   */
  public static boolean anonymousMayBeIncluded(Map<?, Integer> anonymous, int minimum) {
    if (minimum < 2) {
      throw new IllegalArgumentException("minimum must be at least 2, was " + minimum);
    }
    int total = 0;
    int values = 0;
    for (int count : anonymous.values()) {
      Require.notNegative("count", count);
      total += count;
      if (count > 0) {
        values++;
      }
    }
    return total >= minimum && values >= 2;
  }
}
