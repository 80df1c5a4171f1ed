package org.fourthpurpose.deprivation;

/**
 * An area's summary measures in one domain with each measure's rank among areas of its kind (1 =
 * most deprived).
 */
public record AreaSummary(
    String areaCode,
    Domain domain,
    SummaryMeasures measures,
    Integer rankOfAverageScore,
    int rankOfAverageRank,
    int rankOfProportionMostDeprived10,
    int rankOfExtent,
    int rankOfLocalConcentration) {}
