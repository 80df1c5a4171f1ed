package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * One area on a funnel plot.
 *
 * @param area the area's code or name, used to label it
 * @param numerator events (the numerator of a proportion, the events of a rate, the observed events
 *     of a ratio); not negative
 * @param denominator the denominator of a proportion, the population of a rate, the expected events
 *     of a ratio; greater than 0
 */
public record FunnelInput(String area, double numerator, double denominator) {

  public FunnelInput {
    Objects.requireNonNull(area, "area");
    Require.notNegative("numerator of " + area, numerator);
    Require.positive("denominator of " + area, denominator);
  }
}
