package org.fourthpurpose.geography;

/**
 * The part of a local authority district that lies in one ICB. Thirteen districts are split between
 * ICBs; their values are shared out by the Census 2021 population of the LSOAs in each part.
 */
public record LadIcbPart(
    String ladCode, String icbCode, long population, int lsoaCount, long ladPopulation) {

  /** The share of the district's population in this ICB, 0–1. */
  public double populationShare() {
    return ladPopulation == 0 ? 0 : (double) population / ladPopulation;
  }
}
