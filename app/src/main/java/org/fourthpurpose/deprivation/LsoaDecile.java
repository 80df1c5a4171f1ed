package org.fourthpurpose.deprivation;

/**
 * One LSOA's score, national rank (1 = most deprived) and decile (1 = most deprived 10%) in the
 * overall index or one domain of an edition.
 */
public record LsoaDecile(String lsoaCode, Double score, int rank, int decile) {}
