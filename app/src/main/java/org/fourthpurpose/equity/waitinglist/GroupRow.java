package org.fourthpurpose.equity.waitinglist;

/**
 * One group of a disclosure-controlled table, as stored and shown: counts rounded to the nearest 5,
 * figures of a group too small to show null and {@code suppressed} true. The first eight components
 * are the API's columns; the ratios follow.
 *
 * @param secondGroup the column group of a two-way table (ethnic group by deprivation fifth), else
 *     null
 * @param percentOver18Weeks the percentage (0 to 100) waiting more than 18 weeks
 * @param rateRatio the group's share over 18 weeks divided by the reference group's, with its 95%
 *     interval
 * @param standardisedRatio observed over expected numbers over 18 weeks given the system's
 *     specialty-specific shares (indirect standardisation), with its 95% interval
 */
record GroupRow(
    String group,
    String secondGroup,
    Long waiting,
    Double medianDays,
    Double p92Days,
    Long over18Weeks,
    Long over52Weeks,
    Double percentOver18Weeks,
    boolean suppressed,
    Double rateRatio,
    Double rateRatioLower,
    Double rateRatioUpper,
    Double standardisedRatio,
    Double standardisedLower,
    Double standardisedUpper) {}
