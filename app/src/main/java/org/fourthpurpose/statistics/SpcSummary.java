package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * One rebase group of an XmR chart as NHSRplotthedots' {@code summary()} reports it.
 *
 * @param rebaseGroup 0 for the points before the first rebase date, then 1, 2, …
 * @param mean the group's mean
 * @param lpl the group's lower process limit (NaN for a single point)
 * @param upl the group's upper process limit (NaN for a single point)
 * @param n the number of points in the group
 * @param variationType the point type of the group's latest point
 * @param assuranceType against the target, for the latest group only; null for earlier groups, with
 *     no target, or for a neutral measure
 */
public record SpcSummary(
    int rebaseGroup,
    double mean,
    double lpl,
    double upl,
    int n,
    VariationType variationType,
    AssuranceType assuranceType) {

  public SpcSummary {
    Objects.requireNonNull(variationType, "variationType");
  }
}
