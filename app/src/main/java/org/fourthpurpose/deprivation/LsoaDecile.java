package org.fourthpurpose.deprivation;

/** One LSOA's overall IMD score, rank and decile in an edition. */
public record LsoaDecile(String lsoaCode, Double score, int rank, int decile) {}
