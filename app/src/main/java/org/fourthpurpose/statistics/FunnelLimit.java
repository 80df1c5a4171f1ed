package org.fourthpurpose.statistics;

/**
 * The control limits of a funnel plot at one denominator, for drawing the funnel.
 *
 * @param denominator the denominator (population for a rate, expected events for a ratio)
 * @param lower998 the lower 99.8% limit
 * @param lower95 the lower 95% limit
 * @param upper95 the upper 95% limit
 * @param upper998 the upper 99.8% limit
 */
public record FunnelLimit(
    double denominator, double lower998, double lower95, double upper95, double upper998) {}
