package org.fourthpurpose.anchor.spend;

import java.time.Instant;

/**
 * A stored spend analysis: whose spend, which year, from which file, what it added up to, and
 * whether its aggregates are published.
 *
 * @param summary the aggregates; in a list of analyses its lists (districts, deciles, suppliers,
 *     unplaced lines) are empty
 */
record SpendAnalysis(
    long id,
    String icbCode,
    long organisationId,
    String organisationName,
    int year,
    String fileName,
    SpendSummary summary,
    boolean published,
    String createdBy,
    Instant createdAt) {}
