package org.fourthpurpose.deprivation;

/**
 * The five summary measures of deprivation for one larger area in one domain.
 *
 * @param averageScore population-weighted mean of LSOA scores (null when scores are not available)
 * @param averageRank population-weighted mean of reversed LSOA ranks (higher = more deprived)
 * @param proportionMostDeprived10 share of the area's LSOAs in the most deprived 10% nationally
 *     (0–1)
 * @param extent share of the population in the most deprived 30%, weighted as the technical report
 *     describes (0–1)
 * @param localConcentration population-weighted mean reversed rank of the most deprived LSOAs
 *     holding exactly 10% of the area's population (higher = more deprived)
 */
public record SummaryMeasures(
    Double averageScore,
    double averageRank,
    double proportionMostDeprived10,
    double extent,
    double localConcentration) {}
