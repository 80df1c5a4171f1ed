package org.fourthpurpose.anchor.spend;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a spend analysis found: only aggregates, the largest suppliers and the lines that could not
 * be placed; never the file's rows. Amounts are in pence (whole numbers, so sums are exact).
 *
 * @param rows the rows read (not counting the header or empty rows)
 * @param totalPence every row's amount
 * @param footprintPence spend placed in the system's footprint: an LSOA of the system, or a
 *     district with a part in it
 * @param mostDeprived20Pence spend placed in an LSOA in England's most deprived 20% (IMD 2025
 *     deciles 1 and 2), wherever in England
 * @param lsoaPence spend placed in an LSOA (given, or from a position or postcode): what the
 *     deprivation figures are a share of
 * @param districtOnlyPence spend placed only in a district (a {@code lad_code})
 * @param unlocatedPence spend with no location, or a position or postcode that could not be placed
 * @param byDistrict the footprint's districts (even with no spend) and every other district with
 *     spend
 * @param byDecile spend placed in an LSOA by its IMD 2025 decile, deciles 1 to 10
 * @param topSuppliers the largest suppliers by amount, at most {@link
 *     SpendAggregation#TOP_SUPPLIERS}
 * @param suppliers the number of different suppliers
 * @param smePence spend flagged as with a small or medium-sized enterprise, or null without an
 *     {@code sme} column
 * @param smeFlaggedPence spend with an {@code sme} flag given (yes or no), or null
 * @param nearPlacedRows rows whose position was placed in the nearest LSOA, just outside every
 *     generalised boundary
 * @param unplaced the first {@link SpendAggregation#MAXIMUM_UNPLACED_LISTED} rows that could not be
 *     placed
 * @param unplacedRows every row that could not be placed
 */
record SpendSummary(
    long rows,
    long totalPence,
    long footprintPence,
    long mostDeprived20Pence,
    long lsoaPence,
    long districtOnlyPence,
    long unlocatedPence,
    List<DistrictSpend> byDistrict,
    List<Long> byDecile,
    List<SupplierSpend> topSuppliers,
    int suppliers,
    Long smePence,
    Long smeFlaggedPence,
    Long vcsePence,
    Long vcseFlaggedPence,
    long nearPlacedRows,
    List<UnplacedLine> unplaced,
    long unplacedRows) {

  SpendSummary {
    byDistrict = List.copyOf(byDistrict);
    byDecile = List.copyOf(byDecile);
    topSuppliers = List.copyOf(topSuppliers);
    unplaced = List.copyOf(unplaced);
  }

  /** Spend placed in one district. */
  record DistrictSpend(String ladCode, String name, boolean inFootprint, long pence) {}

  /** One supplier's spend, under the first spelling of its name in the file. */
  record SupplierSpend(String supplier, long pence, long rows) {}

  /** A row whose spend could not be placed, and why. */
  record UnplacedLine(long line, String supplier, long pence, String reason) {}

  /** Pence as pounds with two decimal places. */
  static BigDecimal pounds(long pence) {
    return BigDecimal.valueOf(pence, 2);
  }

  static BigDecimal pounds(Long pence) {
    return pence == null ? null : BigDecimal.valueOf(pence, 2);
  }

  /** A part of a whole as a share from 0 to 1 (0 of nothing is 0). */
  static double share(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
