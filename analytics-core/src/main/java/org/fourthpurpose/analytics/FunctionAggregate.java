package org.fourthpurpose.analytics;

import java.util.Objects;

/**
 * How many of a group waited, and waited over 18 weeks, in one treatment function: the input of
 * indirect standardisation by treatment function.
 *
 * @param breakdown a one-way breakdown other than {@link Breakdown#TREATMENT_FUNCTION}
 * @param group the group label
 * @param treatmentFunction the treatment function code (as {@link
 *     PathwayGroups#treatmentFunction(String)} writes it)
 * @param waiting how many pathways of the group in that function, at least 1
 * @param over18Weeks how many of them waited more than 126 days
 */
public record FunctionAggregate(
    Breakdown breakdown, String group, String treatmentFunction, long waiting, long over18Weeks) {

  public FunctionAggregate {
    Objects.requireNonNull(breakdown, "breakdown");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(treatmentFunction, "treatmentFunction");
    if (breakdown.isTwoWay() || breakdown == Breakdown.TREATMENT_FUNCTION) {
      throw new IllegalArgumentException("no function aggregates for " + breakdown.slug());
    }
    if (waiting < 1 || over18Weeks < 0 || over18Weeks > waiting) {
      throw new IllegalArgumentException(
          "0 ≤ over 18 weeks ≤ waiting, 1 ≤ waiting; was " + over18Weeks + ", " + waiting);
    }
  }
}
