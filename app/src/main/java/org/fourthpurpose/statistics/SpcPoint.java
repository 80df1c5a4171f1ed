package org.fourthpurpose.statistics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One point of an XmR chart with its group's mean and process limits and how it is coloured.
 *
 * @param x the point's date
 * @param y the point's value
 * @param mean the mean of its rebase group (of the first n points when the limits are fixed)
 * @param lpl the lower process limit, mean − 2.66 × average moving range; NaN when the group has no
 *     moving range (a single point)
 * @param upl the upper process limit, mean + 2.66 × average moving range; NaN likewise
 * @param rebaseGroup 0 for the points before the first rebase date, then 1, 2, …
 * @param pointType common cause or the kind of special cause
 * @param rule the rule that marked the point, first in precedence; null for common cause
 */
public record SpcPoint(
    LocalDate x,
    double y,
    double mean,
    double lpl,
    double upl,
    int rebaseGroup,
    PointType pointType,
    SpcRule rule) {

  public SpcPoint {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(pointType, "pointType");
    if ((rule == null) == pointType.isSpecialCause()) {
      throw new IllegalArgumentException("a special cause needs its rule, a common cause none");
    }
  }
}
