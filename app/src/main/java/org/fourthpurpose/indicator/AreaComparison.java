package org.fourthpurpose.indicator;

/**
 * One area's value of an indicator for a period, with its 95% and 99.8% intervals and how it
 * compares with England, ready to show or download.
 *
 * @param comparison in words: better, similar or worse (higher, similar or lower when the indicator
 *     has no polarity) than England at 95%; or the area's quintile among the areas where there is
 *     no interval, numbered from the top: "quintile 1 (best)" … "quintile 5 (worst)" when the
 *     indicator has a better direction, else "quintile 1 (highest values)" … "quintile 5 (lowest
 *     values)"; null without a value
 * @param comparedByQuintile true when {@code comparison} is a quintile rather than a significance
 * @param band 1 to 5 for shading: the quintile number, or 1 worse, 2 lower, 3 similar, 4 higher, 5
 *     better (the steps of {@code ColourScale.comparison}); 0 when there is nothing to shade
 */
public record AreaComparison(
    String areaCode,
    String odsCode,
    String areaName,
    String period,
    Double value,
    Double lower95,
    Double upper95,
    Double lower998,
    Double upper998,
    Double numerator,
    Double denominator,
    String comparison,
    boolean comparedByQuintile,
    int band) {}
