package org.fourthpurpose.anchor.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;

/** Spend analyses as the API gives them: the workspace's whole view, and the published one. */
final class SpendJson {

  private SpendJson() {}

  /** Spend in one district; {@code share} is of the analysis's total. */
  record SpendByLadJson(
      String ladCode, String name, boolean inFootprint, BigDecimal amount, double share) {}

  /** Spend placed in an LSOA of one IMD 2025 decile (1 = most deprived 10% in England). */
  record SpendByDecileJson(int decile, BigDecimal amount) {}

  record SupplierSpendJson(String supplier, BigDecimal amount, long rows) {}

  record UnplacedLineJson(long line, String supplier, BigDecimal amount, String reason) {}

  /**
   * An analysis in the workspace (editors and viewers): every aggregate, the largest suppliers and
   * the lines that could not be placed.
   */
  record SpendAnalysisJson(
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
      List<SpendByLadJson> byLad,
      List<SpendByDecileJson> byDecile,
      BigDecimal smeAmount,
      BigDecimal smeFlaggedAmount,
      BigDecimal vcseAmount,
      BigDecimal vcseFlaggedAmount,
      long rowsPlacedByNearness,
      long unplacedRows,
      List<UnplacedLineJson> unplaced,
      List<SupplierSpendJson> topSuppliers,
      boolean published,
      String createdBy,
      Instant createdAt) {

    static SpendAnalysisJson of(SpendAnalysis a) {
      SpendSummary s = a.summary();
      return new SpendAnalysisJson(
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
                      new UnplacedLineJson(
                          u.line(), u.supplier(), SpendSummary.pounds(u.pence()), u.reason()))
              .toList(),
          s.topSuppliers().stream()
              .map(
                  t ->
                      new SupplierSpendJson(t.supplier(), SpendSummary.pounds(t.pence()), t.rows()))
              .toList(),
          a.published(),
          a.createdBy(),
          a.createdAt());
    }
  }

  /** A published analysis: its aggregates only, never suppliers, lines or the file. */
  record PublishedSpendAnalysisJson(
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
      List<SpendByLadJson> byLad,
      List<SpendByDecileJson> byDecile,
      BigDecimal smeAmount,
      BigDecimal smeFlaggedAmount,
      BigDecimal vcseAmount,
      BigDecimal vcseFlaggedAmount) {

    static PublishedSpendAnalysisJson of(SpendAnalysis a) {
      SpendSummary s = a.summary();
      return new PublishedSpendAnalysisJson(
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

  static List<SpendByLadJson> lads(SpendSummary s) {
    return s.byDistrict().stream()
        .map(
            (DistrictSpend d) ->
                new SpendByLadJson(
                    d.ladCode(),
                    d.name(),
                    d.inFootprint(),
                    SpendSummary.pounds(d.pence()),
                    SpendSummary.share(d.pence(), s.totalPence())))
        .toList();
  }

  static List<SpendByDecileJson> deciles(SpendSummary s) {
    List<SpendByDecileJson> deciles = new java.util.ArrayList<>();
    for (int d = 0; d < s.byDecile().size(); d++) {
      deciles.add(new SpendByDecileJson(d + 1, SpendSummary.pounds(s.byDecile().get(d))));
    }
    return deciles;
  }

  /** One problem in a refused file; line 0 means the file as a whole. */
  record SpendFileErrorJson(long line, String column, String message) {}
}
