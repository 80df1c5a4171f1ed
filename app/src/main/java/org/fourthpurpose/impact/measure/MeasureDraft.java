package org.fourthpurpose.impact.measure;

/**
 * A measure as a form or the API gives it, every field as text, before any check. Blank means
 * absent.
 *
 * @param target a number, e.g. {@code 62.5}
 * @param targetDate an ISO date ({@code 2027-03-31}) or day/month/year
 * @param link {@code kind:key}, e.g. {@code anchor-commitment:12} or {@code indicator:fuel-poverty}
 */
public record MeasureDraft(
    String name,
    String definition,
    String unit,
    String improvement,
    String target,
    String targetDate,
    String baselineStart,
    String baselineEnd,
    String link,
    String valuesFrom) {

  static MeasureDraft empty() {
    return new MeasureDraft("", "", "", "increase", "", "", "", "", "", "");
  }
}
