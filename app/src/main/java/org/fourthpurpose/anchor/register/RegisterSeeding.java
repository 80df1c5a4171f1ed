package org.fourthpurpose.anchor.register;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.LadIcbPart;
import org.fourthpurpose.geography.LocalAuthorityDistrict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a workspace's anchor register from the shipped data, once: the ICB itself, every open NHS
 * trust that draws at least {@link #SERVING_SHARE} of its patients from the system (with that share
 * and its headquarters point), the council of every district that lies wholly or partly in the
 * footprint, and the county council of every two-tier district among them. A register is seeded the
 * first time it is read; the stored seeding row makes it happen once, so an organisation changed or
 * removed by hand is never overwritten or put back.
 */
@Component
class RegisterSeeding {

  /**
   * The smallest share of a trust's patients coming from a system for the trust to count as serving
   * it: one in twenty. Specialist trusts that take a few patients from every system stay out.
   */
  static final double SERVING_SHARE = 0.05;

  static final String VERSION = "1";

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final Geography geography;
  private final Organisations organisations;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegisterSeeding(
      JdbcClient sql,
      TransactionTemplate transaction,
      Geography geography,
      @Lazy Organisations organisations,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.geography = geography;
    this.organisations = organisations;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** A seeded organisation before it is stored, with its point where it has one. */
  record Seed(CheckedOrganisation organisation, Double latitude, Double longitude) {}

  /** Seeds the register unless it was seeded before; safe to call from concurrent requests. */
  void seedOnce(String icbCode) {
    if (seeded(icbCode)) {
      return;
    }
    List<Seed> seeds = seeds(icbCode);
    try {
      transaction.executeWithoutResult(
          status -> {
            sql.sql(
                    "insert into anchor_register_seeding (icb_code, version, seeded_at)"
                        + " values (?, ?, ?)")
                .params(icbCode, VERSION, Timestamp.from(clock.instant()))
                .update();
            for (Seed seed : seeds) {
              organisations.insert(
                  icbCode, seed.organisation(), true, seed.latitude(), seed.longitude());
            }
            audit.record(
                icbCode,
                "anchor-register.seeded",
                "anchor register of " + icbCode,
                null,
                seeds.size() + " organisations from the shipped data");
            events.publishEvent(new CommitmentsChanged(icbCode));
          });
    } catch (DuplicateKeyException e) {
      // Another request seeded the register first: what it stored stands.
    }
  }

  boolean seeded(String icbCode) {
    return sql.sql("select count(*) from anchor_register_seeding where icb_code = ?")
            .param(icbCode)
            .query(Long.class)
            .single()
        > 0;
  }

  /** What seeding would store for the system, in the order it is stored. */
  List<Seed> seeds(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    List<LadIcbPart> parts = geography.ladPartsOf(icb.code());
    List<String> footprint = parts.stream().map(LadIcbPart::ladCode).sorted().toList();
    List<Seed> seeds = new ArrayList<>();
    seeds.add(
        seed(
            icb.name(),
            OrganisationType.ICB,
            Map.of(AnchorOrganisation.ODS, icb.odsCode(), AnchorOrganisation.GSS, icb.code()),
            footprint,
            null,
            null,
            null));
    sql.sql(
            "select t.code, t.name, t.latitude, t.longitude, s.share from anchor_nhs_trust_icb s"
                + " join anchor_nhs_trust t on t.code = s.trust_code"
                + " where s.icb_code = ? and s.share >= ? and t.open = true"
                + " order by s.share desc, t.code")
        .params(icb.code(), SERVING_SHARE)
        .query(
            rs -> {
              seeds.add(
                  seed(
                      rs.getString("name"),
                      OrganisationType.NHS_TRUST,
                      Map.of(AnchorOrganisation.ODS, rs.getString("code")),
                      List.of(),
                      rs.getBigDecimal("share").setScale(4, RoundingMode.HALF_UP),
                      rs.getDouble("latitude"),
                      rs.getDouble("longitude")));
            });
    Map<String, String> countyNames = new TreeMap<>();
    Map<String, List<String>> countyDistricts = new TreeMap<>();
    for (String lad : footprint) {
      sql.sql("select county_code, county_name from anchor_county_district where lad_code = ?")
          .param(lad)
          .query(
              rs -> {
                countyNames.put(rs.getString(1), rs.getString(2));
                countyDistricts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(lad);
              });
    }
    countyNames.forEach(
        (code, name) ->
            seeds.add(
                seed(
                    name,
                    OrganisationType.LOCAL_AUTHORITY,
                    Map.of(AnchorOrganisation.GSS, code),
                    countyDistricts.get(code),
                    null,
                    null,
                    null)));
    Map<String, String> districtCouncils = new LinkedHashMap<>();
    for (String lad : footprint) {
      districtCouncils.put(
          lad, councilName(geography.lad(lad).map(LocalAuthorityDistrict::name).orElse(lad)));
    }
    districtCouncils.forEach(
        (lad, name) ->
            seeds.add(
                seed(
                    name,
                    OrganisationType.LOCAL_AUTHORITY,
                    Map.of(AnchorOrganisation.GSS, lad),
                    List.of(lad),
                    null,
                    null,
                    null)));
    return seeds;
  }

  private static Seed seed(
      String name,
      OrganisationType type,
      Map<String, String> identifiers,
      List<String> places,
      BigDecimal share,
      Double latitude,
      Double longitude) {
    return new Seed(
        new CheckedOrganisation(
            name, type, Identifiers.present(identifiers), null, null, places, null, share),
        latitude,
        longitude);
  }

  /**
   * The council of a district, named from the district: "Bristol, City of" → "Bristol City
   * Council", "Herefordshire, County of" → "Herefordshire Council", "Wirral" → "Wirral Council".
   */
  static String councilName(String district) {
    if (district.endsWith(", City of")) {
      return district.substring(0, district.length() - ", City of".length()) + " City Council";
    }
    if (district.endsWith(", County of")) {
      return district.substring(0, district.length() - ", County of".length()) + " Council";
    }
    return district + " Council";
  }
}
