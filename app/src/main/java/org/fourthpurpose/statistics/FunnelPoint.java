package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * One area on a funnel plot with its value and position.
 *
 * @param area the area's code or name
 * @param numerator its events (observed events for a ratio)
 * @param denominator its denominator (population for a rate, expected events for a ratio)
 * @param value numerator / denominator × multiplier
 * @param position where it sits against the 95% and 99.8% limits
 */
public record FunnelPoint(
    String area, double numerator, double denominator, double value, FunnelPosition position) {

  public FunnelPoint {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(position, "position");
  }
}
