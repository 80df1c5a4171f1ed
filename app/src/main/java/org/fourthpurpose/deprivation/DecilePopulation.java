package org.fourthpurpose.deprivation;

/**
 * How many people (and LSOAs) of an area live in one national IMD decile (1 = most deprived 10%).
 */
public record DecilePopulation(int decile, long population, int lsoaCount) {}
