package org.fourthpurpose.equity.across;

import java.util.Map;

/**
 * A measure each system may have a value of, for one axis of the comparison.
 *
 * @param id the measure as the page's address names it ({@code imd-average-score}, {@code
 *     indicator:<id>}, {@code maturity:<area>})
 * @param label the measure in words, with its period or edition
 * @param unit what its numbers are, for the axis ("score", "%")
 * @param values each system's value by ICB code
 * @param source where the figures come from
 */
public record Measure(
    String id, String label, String unit, Map<String, Double> values, String source) {}
