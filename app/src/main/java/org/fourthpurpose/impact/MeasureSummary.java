package org.fourthpurpose.impact;

import java.time.LocalDate;

/**
 * One measure as other modules and the summary table read it: what it is, what it is linked to, and
 * where its statistical process control chart stands now.
 *
 * <p>{@code latestVariation} is the Making Data Count variation of the latest point, with the codes
 * of the SPC API: {@code common_cause}, {@code special_cause_improvement}, {@code
 * special_cause_concern}, {@code special_cause_neutral_high}, {@code special_cause_neutral_low}; or
 * null when the measure has fewer values than a chart needs (12 in its latest rebase group). {@code
 * latestAssurance} is {@code consistent_pass}, {@code consistent_fail} or {@code inconsistent}; or
 * null when there is no target, the measure is neutral or has too few values. {@code reading} is
 * always one plain sentence, and says so when there are too few values.
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
