package org.fourthpurpose.impact;

import java.time.LocalDate;

/**
 * One measure as other modules and the summary table read it: what it is, what it is linked to, and
 * where its statistical process control chart stands now.
 *
 * <p>{@code latestVariation} is one of {@code common-cause}, {@code special-cause-improvement},
 * {@code special-cause-concern}, {@code special-cause-neutral-high}, {@code
 * special-cause-neutral-low}, or null when the measure has too few values for a chart. {@code
 * latestAssurance} is one of {@code consistent-pass}, {@code consistent-fail}, {@code
 * inconsistent}, or null when there is no target or too few values. {@code reading} is always one
 * plain sentence, and says so when there are too few values.
 *
 * @param improvement {@code increase}, {@code decrease} or {@code neutral}
 * @param linkKind the kind of target linked, or null
 * @param linkId the numeric id of the target linked, or null (also null for indicators)
 * @param linkCode the text id of a linked catalogue indicator, or null
 * @param latestValue the latest value, or null when there is none
 * @param latestPeriod the period of the latest value (its date, ISO), or null
 * @param points how many values the measure has
 */
public record MeasureSummary(
    long id,
    String name,
    String unit,
    String improvement,
    Double target,
    LocalDate targetDate,
    String linkKind,
    Long linkId,
    String latestVariation,
    String latestAssurance,
    String reading,
    String linkCode,
    Double latestValue,
    LocalDate latestPeriod,
    int points) {}
