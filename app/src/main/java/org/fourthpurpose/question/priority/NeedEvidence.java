package org.fourthpurpose.question.priority;

import java.util.List;

/**
 * The evidence of need behind one question: each linked indicator as the Step 1 profile shows it,
 * with the points it adds, and their mean on the 0 to 1 scale (null when no linked indicator
 * counts).
 */
public record NeedEvidence(List<Indicator> indicators, Double value, String comparatorLabel) {

  /**
   * One linked indicator.
   *
   * @param points 0 to 1: half for significantly worse than England, a quarter for significantly
   *     worse than the comparator, and a quarter times how far down the systems it ranks ((rank -
   *     1) / (ranked - 1)); null when it does not count, with the reason in {@code note}
   */
  public record Indicator(
      String id,
      String title,
      String value,
      String england,
      String comparison,
      String comparatorComparison,
      boolean worseThanEngland,
      boolean worseThanComparator,
      Integer rank,
      int ranked,
      Double points,
      String note) {}

  /** How many linked indicators count towards need. */
  public long counted() {
    return indicators.stream().filter(i -> i.points() != null).count();
  }
}
