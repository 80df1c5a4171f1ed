package org.fourthpurpose.anchor.spend;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.spend.SpendPlaces.LsoaFacts;
import org.fourthpurpose.anchor.spend.SpendSummary.DistrictSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.SupplierSpend;
import org.fourthpurpose.anchor.spend.SpendSummary.UnplacedLine;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.deprivation.LsoaDecile;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.LadIcbPart;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.LsoaLocator;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.NotFoundException;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spend analyses of a workspace: an uploaded file is read and added up first (outside any
 * transaction, holding no rows), then its aggregates are stored in one transaction, replacing an
 * earlier analysis of the same organisation and year; a refused file stores nothing. Each upload,
 * replacement, publication and deletion is recorded in the audit log.
 */
@Service
class SpendAnalyses {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Geography geography;
  private final DeprivationSummaries deprivation;
  private final LsoaLocator locator;
  private final AnchorRegister register;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PostcodeDirectory postcodes;
  private volatile Map<String, LsoaFacts> lsoas;

  SpendAnalyses(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Geography geography,
      DeprivationSummaries deprivation,
      LsoaLocator locator,
      AnchorRegister register,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      Optional<PostcodeDirectory> postcodes) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.geography = geography;
    this.deprivation = deprivation;
    this.locator = locator;
    this.register = register;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.postcodes = postcodes.orElse(null);
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    lsoas = null;
  }

  /** The organisation of the workspace, or 404. */
  AnchorOrganisation organisation(String icbCode, long organisationId) {
    return register
        .organisation(icbCode, organisationId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "organisation",
                    Long.toString(organisationId),
                    "This workspace's anchor register has no organisation " + organisationId));
  }

  /** England's places and the footprint of one system, as an analysis reads them. */
  SpendPlaces places(String icbCode) {
    Map<String, LsoaFacts> facts = lsoas;
    if (facts == null) {
      List<Lsoa> all = geography.lsoas();
      Map<String, LsoaDecile> imd =
          deprivation.domainOf(Edition.IOD2025, Domain.IMD, all.stream().map(Lsoa::code).toList());
      Map<String, LsoaFacts> built = new HashMap<>(all.size() * 2);
      for (Lsoa lsoa : all) {
        LsoaDecile decile = imd.get(lsoa.code());
        built.put(
            lsoa.code(),
            new LsoaFacts(lsoa.ladCode(), lsoa.icbCode(), decile == null ? 0 : decile.decile()));
      }
      facts = Map.copyOf(built);
      lsoas = facts;
    }
    Map<String, String> districts = new HashMap<>();
    for (LocalAuthorityDistrict lad : geography.lads()) {
      districts.put(lad.code(), lad.name());
    }
    TreeSet<String> footprint = new TreeSet<>();
    for (LadIcbPart part : geography.ladPartsOf(icbCode)) {
      footprint.add(part.ladCode());
    }
    return new SpendPlaces(icbCode, facts, districts, footprint, locator::place, postcodes);
  }

  /**
   * Reads, checks and adds up a file, then stores its aggregates (replacing the organisation's
   * analysis of the same year).
   *
   * @throws SpendFileRefused with every problem, storing nothing
   */
  SpendAnalysis analyse(
      String icbCode, long organisationId, int year, String fileName, SpendRows rows) {
    AnchorOrganisation organisation = organisation(icbCode, organisationId);
    SpendSummary summary;
    try (rows) {
      summary = new SpendAggregation(places(icbCode), fileName).read(rows);
    }
    String actor = audit.currentActor();
    Instant now = clock.instant();
    long id =
        transactions.execute(
            status -> {
              Optional<Long> earlier =
                  jdbc.sql(
                          "select id from anchor_spend_analysis where icb_code = ? and"
                              + " organisation_id = ? and spend_year = ?")
                      .params(icbCode, organisationId, year)
                      .query(Long.class)
                      .optional();
              earlier.ifPresent(
                  e ->
                      jdbc.sql("delete from anchor_spend_analysis where id = ?").param(e).update());
              long stored = store(icbCode, organisation, year, fileName, summary, actor, now);
              audit.record(
                  icbCode,
                  earlier.isPresent() ? "anchor-spend.replaced" : "anchor-spend.analysed",
                  "spend analysis " + stored + " of " + organisation.name() + " for " + year,
                  earlier.map(e -> "analysis " + e).orElse(null),
                  fileName
                      + ": "
                      + summary.rows()
                      + " rows, total "
                      + SpendSummary.pounds(summary.totalPence())
                      + ", in footprint "
                      + SpendSummary.pounds(summary.footprintPence()));
              return stored;
            });
    return find(icbCode, id).orElseThrow();
  }

  private long store(
      String icbCode,
      AnchorOrganisation organisation,
      int year,
      String fileName,
      SpendSummary s,
      String actor,
      Instant now) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "insert into anchor_spend_analysis (icb_code, organisation_id, organisation_name,"
                + " spend_year, file_name, rows_read, suppliers, total_amount, footprint_amount,"
                + " most_deprived20_amount, lsoa_amount, district_only_amount, unlocated_amount,"
                + " sme_amount, sme_flagged_amount, vcse_amount, vcse_flagged_amount,"
                + " near_placed_rows, unplaced_rows, published, created_by, created_at) values (?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)")
        .params(
            icbCode,
            organisation.id(),
            clip(organisation.name(), 200),
            year,
            clip(fileName, 255),
            s.rows(),
            s.suppliers(),
            SpendSummary.pounds(s.totalPence()),
            SpendSummary.pounds(s.footprintPence()),
            SpendSummary.pounds(s.mostDeprived20Pence()),
            SpendSummary.pounds(s.lsoaPence()),
            SpendSummary.pounds(s.districtOnlyPence()),
            SpendSummary.pounds(s.unlocatedPence()),
            SpendSummary.pounds(s.smePence()),
            SpendSummary.pounds(s.smeFlaggedPence()),
            SpendSummary.pounds(s.vcsePence()),
            SpendSummary.pounds(s.vcseFlaggedPence()),
            s.nearPlacedRows(),
            s.unplacedRows(),
            actor,
            Timestamp.from(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (DistrictSpend d : s.byDistrict()) {
      jdbc.sql(
              "insert into anchor_spend_district (analysis_id, lad_code, in_footprint, amount)"
                  + " values (?, ?, ?, ?)")
          .params(id, d.ladCode(), d.inFootprint(), SpendSummary.pounds(d.pence()))
          .update();
    }
    for (int decile = 1; decile <= 10; decile++) {
      jdbc.sql("insert into anchor_spend_decile (analysis_id, decile, amount) values (?, ?, ?)")
          .params(id, decile, SpendSummary.pounds(s.byDecile().get(decile - 1)))
          .update();
    }
    int position = 0;
    for (SupplierSpend supplier : s.topSuppliers()) {
      jdbc.sql(
              "insert into anchor_spend_supplier (analysis_id, position, supplier, amount,"
                  + " row_count) values (?, ?, ?, ?, ?)")
          .params(
              id,
              ++position,
              supplier.supplier(),
              SpendSummary.pounds(supplier.pence()),
              supplier.rows())
          .update();
    }
    for (UnplacedLine line : s.unplaced()) {
      jdbc.sql(
              "insert into anchor_spend_unplaced (analysis_id, line, supplier, amount, reason)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              id,
              line.line(),
              line.supplier(),
              SpendSummary.pounds(line.pence()),
              clip(line.reason(), 500))
          .update();
    }
    return id;
  }

  private static String clip(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  /** The workspace's analyses, by organisation name then year (newest first). */
  List<SpendAnalysis> list(String icbCode) {
    return jdbc.sql(
            "select * from anchor_spend_analysis where icb_code = ? order by organisation_name,"
                + " organisation_id, spend_year desc")
        .param(icbCode)
        .query((rs, n) -> analysis(rs, List.of(), List.of(), List.of(), List.of()))
        .list();
  }

  /** The workspace's published analyses, the same way. */
  List<SpendAnalysis> published(String icbCode) {
    return list(icbCode).stream().filter(SpendAnalysis::published).toList();
  }

  /** One analysis of the workspace with every aggregate, suppliers and unplaced lines. */
  Optional<SpendAnalysis> find(String icbCode, long id) {
    Optional<SpendAnalysis> top =
        jdbc.sql("select * from anchor_spend_analysis where icb_code = ? and id = ?")
            .params(icbCode, id)
            .query((rs, n) -> analysis(rs, List.of(), List.of(), List.of(), List.of()))
            .optional();
    if (top.isEmpty()) {
      return top;
    }
    Map<String, String> names = new HashMap<>();
    geography.lads().forEach(l -> names.put(l.code(), l.name()));
    List<DistrictSpend> districts =
        jdbc.sql(
                "select lad_code, in_footprint, amount from anchor_spend_district where"
                    + " analysis_id = ? order by in_footprint desc, amount desc, lad_code")
            .param(id)
            .query(
                (rs, n) ->
                    new DistrictSpend(
                        rs.getString("lad_code"),
                        names.getOrDefault(rs.getString("lad_code"), rs.getString("lad_code")),
                        rs.getBoolean("in_footprint"),
                        pence(rs.getBigDecimal("amount"))))
            .list();
    List<Long> deciles =
        jdbc.sql("select amount from anchor_spend_decile where analysis_id = ? order by decile")
            .param(id)
            .query((rs, n) -> pence(rs.getBigDecimal("amount")))
            .list();
    List<SupplierSpend> suppliers =
        jdbc.sql(
                "select supplier, amount, row_count from anchor_spend_supplier where"
                    + " analysis_id = ? order by position")
            .param(id)
            .query(
                (rs, n) ->
                    new SupplierSpend(
                        rs.getString("supplier"),
                        pence(rs.getBigDecimal("amount")),
                        rs.getLong("row_count")))
            .list();
    List<UnplacedLine> unplaced =
        jdbc.sql(
                "select line, supplier, amount, reason from anchor_spend_unplaced where"
                    + " analysis_id = ? order by line")
            .param(id)
            .query(
                (rs, n) ->
                    new UnplacedLine(
                        rs.getLong("line"),
                        rs.getString("supplier"),
                        pence(rs.getBigDecimal("amount")),
                        rs.getString("reason")))
            .list();
    SpendAnalysis a = top.get();
    SpendSummary s = a.summary();
    return Optional.of(
        new SpendAnalysis(
            a.id(),
            a.icbCode(),
            a.organisationId(),
            a.organisationName(),
            a.year(),
            a.fileName(),
            new SpendSummary(
                s.rows(),
                s.totalPence(),
                s.footprintPence(),
                s.mostDeprived20Pence(),
                s.lsoaPence(),
                s.districtOnlyPence(),
                s.unlocatedPence(),
                districts,
                deciles,
                suppliers,
                s.suppliers(),
                s.smePence(),
                s.smeFlaggedPence(),
                s.vcsePence(),
                s.vcseFlaggedPence(),
                s.nearPlacedRows(),
                unplaced,
                s.unplacedRows()),
            a.published(),
            a.createdBy(),
            a.createdAt()));
  }

  /** The same organisation's analyses of every year, oldest first (for change across years). */
  List<SpendAnalysis> years(String icbCode, long organisationId) {
    return jdbc.sql(
            "select * from anchor_spend_analysis where icb_code = ? and organisation_id = ?"
                + " order by spend_year")
        .params(icbCode, organisationId)
        .query((rs, n) -> analysis(rs, List.of(), List.of(), List.of(), List.of()))
        .list();
  }

  /** Publishes or withdraws an analysis's aggregates; false if the workspace has no such one. */
  boolean publish(String icbCode, long id, boolean published) {
    Optional<SpendAnalysis> analysis = find(icbCode, id);
    if (analysis.isEmpty()) {
      return false;
    }
    if (analysis.get().published() == published) {
      return true;
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("update anchor_spend_analysis set published = ? where id = ?")
              .params(published, id)
              .update();
          audit.record(
              icbCode,
              published ? "anchor-spend.published" : "anchor-spend.withdrawn",
              describe(analysis.get()),
              published ? "workspace only" : "published",
              published ? "published" : "workspace only");
        });
    events.publishEvent(new PublicPagesChanged(describe(analysis.get()) + " published"));
    return true;
  }

  /** Deletes an analysis; false if the workspace has no such one. */
  boolean delete(String icbCode, long id) {
    Optional<SpendAnalysis> analysis = find(icbCode, id);
    if (analysis.isEmpty()) {
      return false;
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("delete from anchor_spend_analysis where id = ?").param(id).update();
          audit.record(
              icbCode,
              "anchor-spend.deleted",
              describe(analysis.get()),
              analysis.get().fileName(),
              null);
        });
    if (analysis.get().published()) {
      events.publishEvent(new PublicPagesChanged(describe(analysis.get()) + " deleted"));
    }
    return true;
  }

  private static String describe(SpendAnalysis a) {
    return "spend analysis " + a.id() + " of " + a.organisationName() + " for " + a.year();
  }

  private static long pence(BigDecimal pounds) {
    return pounds.movePointRight(2).longValueExact();
  }

  private static Long penceOrNull(BigDecimal pounds) {
    return pounds == null ? null : pence(pounds);
  }

  private static SpendAnalysis analysis(
      ResultSet rs,
      List<DistrictSpend> districts,
      List<Long> deciles,
      List<SupplierSpend> suppliers,
      List<UnplacedLine> unplaced)
      throws SQLException {
    return new SpendAnalysis(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getLong("organisation_id"),
        rs.getString("organisation_name"),
        rs.getInt("spend_year"),
        rs.getString("file_name"),
        new SpendSummary(
            rs.getLong("rows_read"),
            pence(rs.getBigDecimal("total_amount")),
            pence(rs.getBigDecimal("footprint_amount")),
            pence(rs.getBigDecimal("most_deprived20_amount")),
            pence(rs.getBigDecimal("lsoa_amount")),
            pence(rs.getBigDecimal("district_only_amount")),
            pence(rs.getBigDecimal("unlocated_amount")),
            districts,
            deciles,
            suppliers,
            rs.getInt("suppliers"),
            penceOrNull(rs.getBigDecimal("sme_amount")),
            penceOrNull(rs.getBigDecimal("sme_flagged_amount")),
            penceOrNull(rs.getBigDecimal("vcse_amount")),
            penceOrNull(rs.getBigDecimal("vcse_flagged_amount")),
            rs.getLong("near_placed_rows"),
            unplaced,
            rs.getLong("unplaced_rows")),
        rs.getBoolean("published"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
