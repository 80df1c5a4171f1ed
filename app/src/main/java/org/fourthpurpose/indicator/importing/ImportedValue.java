package org.fourthpurpose.indicator.importing;

/**
 * One value a workspace imported and still in force: the latest accepted import's value for its
 * indicator, area and period.
 *
 * @param areaName the area's name, or null for a code no longer in the reference geography
 * @param importId the import it came from
 */
public record ImportedValue(
    String areaCode,
    String areaName,
    String period,
    double value,
    Double numerator,
    Double denominator,
    Double lowerCi,
    Double upperCi,
    long importId) {}
