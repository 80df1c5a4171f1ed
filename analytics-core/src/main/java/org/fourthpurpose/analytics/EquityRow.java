package org.fourthpurpose.analytics;

/**
 * One row of a published equity table, after disclosure control: what the API returns for a group
 * (the first eight components are the API's columns, in order; the rest follow them).
 *
 * <p>Disclosure control ({@link org.fourthpurpose.statistics.DisclosureControl}): a withheld value
 * is {@code null} (shown as {@code *}) and {@code suppressed} is then {@code true}. Counts are
 * rounded to the nearest 5 (counts of 1–7 withheld); a group with nobody in it has {@code waiting}
 * 0, {@code over18Weeks} 0 and {@code over52Weeks} 0 and no wait statistics ({@code null}, not
 * suppressed). Medians, percentiles, percentages and ratios are {@code null} for groups of fewer
 * than 8.
 *
 * @param group the group label ({@link Breakdown}); for a two-way table, the row's group
 * @param waiting pathways waiting, rounded to the nearest 5
 * @param medianDays median wait in days (continuous quantile, R type 7), rounded to 1 decimal place
 * @param p92Days 92nd percentile wait in days, as the median, rounded to 1 decimal place
 * @param over18Weeks pathways waiting more than 126 days, rounded to the nearest 5
 * @param over52Weeks pathways waiting more than 364 days, rounded to the nearest 5
 * @param percentOver18Weeks {@code 100 × over18Weeks / waiting} from the published (rounded)
 *     counts, so the table reconciles, rounded to 1 decimal place; {@code null} when either count
 *     is withheld or {@code waiting} is 0
 * @param suppressed whether any value of this row is withheld by disclosure control
 * @param column for a two-way table, the column's group (e.g. the ICS fifth {@code "1"}); {@code
 *     null} for a one-way breakdown
 * @param percentOver52Weeks as {@code percentOver18Weeks}, for over 52 weeks
 * @param rateRatio how many times as likely a pathway in this group is to have waited over 18 weeks
 *     as one in the table's reference group ({@link EquityTable#referenceGroup()}), from the
 *     unrounded counts, rounded to 2 decimal places; {@code 1.0} for the reference group itself;
 *     {@code null} for two-way tables, when a count is withheld, or the reference group has nobody
 *     over 18 weeks
 * @param rateRatioLower lower 95% confidence limit of {@code rateRatio} (log method, {@link
 *     org.fourthpurpose.statistics.RateRatio}), 2 decimal places
 * @param rateRatioUpper upper 95% confidence limit, 2 decimal places
 * @param standardisedRatio observed ÷ expected pathways over 18 weeks, the expected number being
 *     what the whole list's share over 18 weeks in each treatment function predicts for this
 *     group's mix of functions ({@link org.fourthpurpose.statistics.IndirectStandardisation}), 2
 *     decimal places; {@code null} for two-way tables, the treatment-function breakdown, or when a
 *     count is withheld
 * @param standardisedLower lower 95% limit (Byar's approximation to the exact Poisson interval of
 *     the observed count, divided by the expected), 2 decimal places
 * @param standardisedUpper upper 95% limit, 2 decimal places
 */
public record EquityRow(
    String group,
    Long waiting,
    Double medianDays,
    Double p92Days,
    Long over18Weeks,
    Long over52Weeks,
    Double percentOver18Weeks,
    boolean suppressed,
    String column,
    Double percentOver52Weeks,
    Double rateRatio,
    Double rateRatioLower,
    Double rateRatioUpper,
    Double standardisedRatio,
    Double standardisedLower,
    Double standardisedUpper) {}
