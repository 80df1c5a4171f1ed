package org.fourthpurpose.profile;

import java.util.List;

/**
 * The value an ICS is compared with for one indicator and period, and how it was made.
 *
 * @param value null when no comparator value exists for that period
 * @param members the ICBs whose values were combined (empty for a published England or region
 *     value)
 */
public record BenchmarkValue(
    Benchmark benchmark, String label, Double value, List<String> members, String method) {}
