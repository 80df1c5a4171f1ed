package org.fourthpurpose;

import java.util.List;

/**
 * Field names the public API promises, written out once for the tests that hold the code to them.
 * They are literal on purpose: analysts' scripts depend on them, so a change in the code must fail
 * a test rather than change the contract quietly.
 */
public final class ApiContract {

  private ApiContract() {}

  /** Each object of {@code GET /api/v1/deprivation/summaries}, and its CSV's columns. */
  public static final List<String> SUMMARY_FIELDS =
      List.of(
          "areaCode",
          "domain",
          "averageScore",
          "averageRank",
          "proportionMostDeprived10",
          "extent",
          "localConcentration",
          "rankOfAverageScore",
          "rankOfAverageRank",
          "rankOfProportionMostDeprived10",
          "rankOfExtent",
          "rankOfLocalConcentration");
}
