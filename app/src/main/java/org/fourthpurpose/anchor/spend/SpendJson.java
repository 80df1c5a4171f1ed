package org.fourthpurpose.anchor.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;

/** Spend analyses as the API gives them: the workspace's whole view, and the published one. */
final class SpendJson {

  private SpendJson() {}

  /** Spend in one district; {@code share} is of the analysis's total. */
  record LadJson(
      String ladCode, String name, boolean inFootprint, BigDecimal amount, double share) {}

  /** Spend placed in an LSOA of one IMD 2025 decile (1 = most deprived 10% in England). */
  record DecileJson(int decile, BigDecimal amount) {}

  record SupplierJson(String supplier, BigDecimal amount, long rows) {}

  record UnplacedJson(long line, String supplier, BigDecimal amount, String reason) {}

  /**
   * An analysis in the workspace (editors and viewers): every aggregate, the largest suppliers and
   * the lines that could not be placed.
   */
  record AnalysisJson(
      long id,
      long organisationId,
      String organisationName,
      int year,
      String fileName,
      long rows,
      int suppliers,
      BigDecimal totalAmount,
      BigDecimal amountInFootprint,
      double shareInFootprint,
      BigDecimal amountInMostDeprived20,
      double shareOfPlacedInMostDeprived20,
      BigDecimal amountPlacedInLsoa,
      BigDecimal amountPlacedInDistrictOnly,
      BigDecimal unlocatedAmount,
      List<LadJson> byLad,
      List<DecileJson> byDecile,
      BigDecimal smeAmount,
      BigDecimal smeFlaggedAmount,
      BigDecimal vcseAmount,
      BigDecimal vcseFlaggedAmount,
      long rowsPlacedByNearness,
      long unplacedRows,
      List<UnplacedJson> unplaced,
      List<SupplierJson> topSuppliers,
      boolean published,
      String createdBy,
      Instant createdAt) {

    static AnalysisJson of(SpendAnalysis a) {
      SpendSummary s = a.summary();
      return new AnalysisJson(
          a.id(),
          a.organisationId(),
          a.organisationName(),
          a.year(),
          a.fileName(),
          s.rows(),
          s.suppliers(),
          SpendSummary.pounds(s.totalPence()),
          SpendSummary.pounds(s.footprintPence()),
          SpendSummary.share(s.footprintPence(), s.totalPence()),
          SpendSummary.pounds(s.mostDeprived20Pence()),
          SpendSummary.share(s.mostDeprived20Pence(), s.lsoaPence()),
          SpendSummary.pounds(s.lsoaPence()),
          SpendSummary.pounds(s.districtOnlyPence()),
          SpendSummary.pounds(s.unlocatedPence()),
          lads(s),
          deciles(s),
          SpendSummary.pounds(s.smePence()),
          SpendSummary.pounds(s.smeFlaggedPence()),
          SpendSummary.pounds(s.vcsePence()),
          SpendSummary.pounds(s.vcseFlaggedPence()),
          s.nearPlacedRows(),
          s.unplacedRows(),
          s.unplaced().stream()
              .map(
                  u ->
                      new UnplacedJson(
                          u.line(), u.supplier(), SpendSummary.pounds(u.pence()), u.reason()))
              .toList(),
          s.topSuppliers().stream()
              .map(t -> new SupplierJson(t.supplier(), SpendSummary.pounds(t.pence()), t.rows()))
              .toList(),
          a.published(),
          a.createdBy(),
          a.createdAt());
    }
  }

  /** A published analysis: its aggregates only, never suppliers, lines or the file. */
  record PublishedJson(
      long id,
      long organisationId,
      String organisationName,
      int year,
      long rows,
      BigDecimal totalAmount,
      BigDecimal amountInFootprint,
      double shareInFootprint,
      BigDecimal amountInMostDeprived20,
      double shareOfPlacedInMostDeprived20,
      BigDecimal amountPlacedInLsoa,
      BigDecimal amountPlacedInDistrictOnly,
      BigDecimal unlocatedAmount,
      List<LadJson> byLad,
      List<DecileJson> byDecile,
      BigDecimal smeAmount,
      BigDecimal smeFlaggedAmount,
      BigDecimal vcseAmount,
      BigDecimal vcseFlaggedAmount) {

    static PublishedJson of(SpendAnalysis a) {
      SpendSummary s = a.summary();
      return new PublishedJson(
          a.id(),
          a.organisationId(),
          a.organisationName(),
          a.year(),
          s.rows(),
          SpendSummary.pounds(s.totalPence()),
          SpendSummary.pounds(s.footprintPence()),
          SpendSummary.share(s.footprintPence(), s.totalPence()),
          SpendSummary.pounds(s.mostDeprived20Pence()),
          SpendSummary.share(s.mostDeprived20Pence(), s.lsoaPence()),
          SpendSummary.pounds(s.lsoaPence()),
          SpendSummary.pounds(s.districtOnlyPence()),
          SpendSummary.pounds(s.unlocatedPence()),
          lads(s),
          deciles(s),
          SpendSummary.pounds(s.smePence()),
          SpendSummary.pounds(s.smeFlaggedPence()),
          SpendSummary.pounds(s.vcsePence()),
          SpendSummary.pounds(s.vcseFlaggedPence()));
    }
  }

  static List<LadJson> lads(SpendSummary s) {
    return s.byDistrict().stream()
        .map(
            (DistrictSpend d) ->
                new LadJson(
                    d.ladCode(),
                    d.name(),
                    d.inFootprint(),
                    SpendSummary.pounds(d.pence()),
                    SpendSummary.share(d.pence(), s.totalPence())))
        .toList();
  }

  static List<DecileJson> deciles(SpendSummary s) {
    List<DecileJson> deciles = new java.util.ArrayList<>();
    for (int d = 0; d < s.byDecile().size(); d++) {
      deciles.add(new DecileJson(d + 1, SpendSummary.pounds(s.byDecile().get(d))));
    }
    return deciles;
  }

  /** One problem in a refused file; line 0 means the file as a whole. */
  record ErrorJson(long line, String column, String message) {}
}
