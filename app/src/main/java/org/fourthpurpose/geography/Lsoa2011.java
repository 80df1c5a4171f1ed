package org.fourthpurpose.geography;

/**
 * A 2011 Lower layer Super Output Area, the geography of the Indices of Deprivation 2019, with its
 * 2024 ICB and LAD (through the ONS 2011→2021 lookup) and its mid-2020 population.
 */
public record Lsoa2011(String code, String name, String icbCode, String ladCode, int population) {}
