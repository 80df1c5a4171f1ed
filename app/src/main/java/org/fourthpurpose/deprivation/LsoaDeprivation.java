package org.fourthpurpose.deprivation;

/**
 * One small area's position in one domain: its score (null where the edition's score is not
 * shipped), its national rank (1 = most deprived) and decile (1 = most deprived 10%), and the
 * population used to weight it.
 */
public record LsoaDeprivation(
    String lsoaCode, Double score, int rank, int decile, long population) {}
