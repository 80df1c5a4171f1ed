package org.fourthpurpose.impact.measure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A measure of a workspace as stored: what it counts, which way is better, its target, the period
 * its limits are first worked out on, what it is linked to and where its values come from.
 *
 * @param improvement {@code increase}, {@code decrease} or {@code neutral}
 * @param baselineStart values before this date are left out of the chart, or null
 * @param baselineEnd the chart's first limits are fixed on the values up to this date (when there
 *     are at least 12), or null to use every value
 * @param linkKind the kind of target linked, or null
 * @param linkKey the target's key (numeric id in decimal, or an indicator's id), or null
 * @param valuesFrom a catalogue indicator whose values for the system are the measure's values, or
 *     null when values are entered or imported
 */
public record Measure(
    long id,
    String icbCode,
    String name,
    String definition,
    String unit,
    String improvement,
    Double target,
    LocalDate targetDate,
    LocalDate baselineStart,
    LocalDate baselineEnd,
    String linkKind,
    String linkKey,
    String valuesFrom,
    int version,
    Instant updatedAt) {

  /** Whether the values come from the catalogue rather than being entered or imported. */
  public boolean drawsFromIndicator() {
    return valuesFrom != null;
  }
}
