package org.fourthpurpose.indicator.importing;

import java.time.Instant;

/**
 * An indicator a workspace has imported values of, in sum.
 *
 * @param title the indicator's title in the catalogue, or its id when it is no longer there
 * @param values how many values are in force
 * @param periods how many different periods they cover
 * @param firstPeriod the earliest period, by when it starts
 * @param lastPeriod the latest period, by when it starts
 * @param lastImportId the latest import that gave any of the values
 */
public record ImportedIndicator(
    String indicatorId,
    String title,
    long values,
    long periods,
    String firstPeriod,
    String lastPeriod,
    long lastImportId,
    String lastImportFileName,
    Instant lastImportedAt) {}
