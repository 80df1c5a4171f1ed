package org.fourthpurpose.geography;

/**
 * A 2021 Lower layer Super Output Area with the places it falls in and its Census 2021 population.
 */
public record Lsoa(
    String code, String name, String subIcbCode, String icbCode, String ladCode, int population) {}
