package org.fourthpurpose.anchor.spend;

import java.util.Map;
import java.util.Set;
import org.fourthpurpose.geography.LsoaPlacement;

/**
 * What a spend analysis needs to know about England's places for one workspace: every 2021 LSOA
 * with its district, ICB and IMD 2025 decile; every district; the districts of the footprint; and
 * how to place a latitude and longitude or a postcode.
 *
 * @param icbCode the system whose footprint counts (ONS code)
 * @param lsoas every LSOA in England by code (shared by every workspace)
 * @param districts every local authority district in England, code to name
 * @param footprintDistricts the districts with a part in the system (its places)
 * @param postcodes the ONS postcode directory, or null when the deployment has none
 */
record SpendPlaces(
    String icbCode,
    Map<String, LsoaFacts> lsoas,
    Map<String, String> districts,
    Set<String> footprintDistricts,
    PointLocator locator,
    PostcodeDirectory postcodes) {

  /**
   * An LSOA as a spend analysis reads it.
   *
   * @param imdDecile the national decile of the overall Index of Multiple Deprivation 2025 (1 =
   *     most deprived 10%), or 0 when unknown
   */
  record LsoaFacts(String ladCode, String icbCode, int imdDecile) {

    /** In England's most deprived 20% of neighbourhoods (deciles 1 and 2). */
    boolean mostDeprived20() {
      return imdDecile == 1 || imdDecile == 2;
    }
  }

  /** Whether an LSOA is in the system's footprint. */
  boolean inFootprint(LsoaFacts lsoa) {
    return icbCode.equals(lsoa.icbCode());
  }

  /** Places a latitude and longitude in its LSOA. */
  interface PointLocator {
    LsoaPlacement place(double latitude, double longitude);
  }
}
