package org.fourthpurpose.maturity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for rounds, assessors, ratings and agreements. No access rules here: callers check them. */
@Repository
class RoundStore {

  private final JdbcClient jdbc;
  private final FrameworkCatalogue catalogue;

  RoundStore(JdbcClient jdbc, FrameworkCatalogue catalogue) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
  }

  private static final String ROUND_COLUMNS =
      "id, icb_code, name, framework_id, status, opened_at, closed_at";

  private static AssessmentRound round(ResultSet rs, int n) throws SQLException {
    return new AssessmentRound(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getString("name"),
        rs.getLong("framework_id"),
        "OPEN".equals(rs.getString("status")),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  List<AssessmentRound> rounds(String icbCode) {
    return jdbc.sql(
            "select "
                + ROUND_COLUMNS
                + " from maturity_round where icb_code = ? order by opened_at, id")
        .param(icbCode)
        .query(RoundStore::round)
        .list();
  }

  /** A round only if it belongs to this workspace, so ids from another ICS find nothing. */
  Optional<AssessmentRound> round(String icbCode, long roundId) {
    return jdbc.sql(
            "select " + ROUND_COLUMNS + " from maturity_round where icb_code = ? and id = ?")
        .params(icbCode, roundId)
        .query(RoundStore::round)
        .optional();
  }

  Optional<AssessmentRound> round(long roundId) {
    return jdbc.sql("select " + ROUND_COLUMNS + " from maturity_round where id = ?")
        .param(roundId)
        .query(RoundStore::round)
        .optional();
  }

  boolean roundNameTaken(String icbCode, String name) {
    return jdbc.sql(
                "select count(*) from maturity_round where icb_code = ? and lower(name) = lower(?)")
            .params(icbCode, name)
            .query(Integer.class)
            .single()
        > 0;
  }

  long insertRound(
      String icbCode,
      String name,
      long frameworkId,
      List<Long> areaRowIds,
      OffsetDateTime now,
      Long by) {
    long id =
        Inserts.returningId(
            jdbc,
            "insert into maturity_round (icb_code, name, framework_id, status, opened_at, opened_by)"
                + " values (?, ?, ?, 'OPEN', ?, ?)",
            icbCode,
            name,
            frameworkId,
            now,
            by);
    for (Long areaId : areaRowIds) {
      jdbc.sql("insert into maturity_round_area (round_id, area_id) values (?, ?)")
          .params(id, areaId)
          .update();
    }
    return id;
  }

  /** Marks that something in the round changed; call in the same transaction as the change. */
  void touch(long roundId) {
    jdbc.sql("update maturity_round set revision = revision + 1 where id = ?")
        .param(roundId)
        .update();
  }

  long revision(long roundId) {
    return jdbc.sql("select revision from maturity_round where id = ?")
        .param(roundId)
        .query(Long.class)
        .single();
  }

  void close(long roundId, OffsetDateTime now) {
    touch(roundId);
    jdbc.sql("update maturity_round set status = 'CLOSED', closed_at = ? where id = ?")
        .params(now, roundId)
        .update();
  }

  /** The round's framework version and the areas it opened with, in framework order. */
  RoundScope scope(AssessmentRound round) {
    Framework framework = catalogue.version(round.frameworkId());
    List<Long> areaIds =
        jdbc.sql("select area_id from maturity_round_area where round_id = ?")
            .param(round.id())
            .query(Long.class)
            .list();
    List<FrameworkDomain> domains = new ArrayList<>();
    List<FocusArea> added =
        catalogue.areasByRowId(
            areaIds.stream()
                .filter(id -> framework.areas().noneMatch(a -> a.rowId() == id))
                .toList());
    for (FrameworkDomain domain : framework.domains()) {
      List<FocusArea> areas = new ArrayList<>();
      domain.areas().stream().filter(a -> areaIds.contains(a.rowId())).forEach(areas::add);
      added.stream().filter(a -> a.domainId().equals(domain.id())).forEach(areas::add);
      if (!areas.isEmpty()) {
        domains.add(new FrameworkDomain(domain.id(), domain.title(), List.copyOf(areas)));
      }
    }
    List<FocusArea> homeless =
        added.stream().filter(a -> framework.domain(a.domainId()).isEmpty()).toList();
    if (!homeless.isEmpty()) {
      domains.add(new FrameworkDomain("added-by-this-system", "Added by this system", homeless));
    }
    return new RoundScope(round, framework, List.copyOf(domains));
  }

  // Assessors

  private static final String ASSESSOR_COLUMNS =
      "id, round_id, account_id, display_name, organisation, invited_at, submitted_at";

  private static Assessor assessor(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("account_id");
    // Read wasNull straight after the column it is about: a personal-link assessor has no account.
    Long accountId = rs.wasNull() ? null : id;
    return new Assessor(
        rs.getLong("id"),
        rs.getLong("round_id"),
        accountId,
        rs.getString("display_name"),
        rs.getString("organisation"),
        rs.getObject("invited_at", OffsetDateTime.class),
        rs.getObject("submitted_at", OffsetDateTime.class));
  }

  List<Assessor> assessors(long roundId) {
    return jdbc.sql(
            "select " + ASSESSOR_COLUMNS + " from maturity_assessor where round_id = ? order by id")
        .param(roundId)
        .query(RoundStore::assessor)
        .list();
  }

  Optional<Assessor> assessorForAccount(long roundId, long accountId) {
    return jdbc.sql(
            "select "
                + ASSESSOR_COLUMNS
                + " from maturity_assessor where round_id = ? and account_id = ?")
        .params(roundId, accountId)
        .query(RoundStore::assessor)
        .optional();
  }

  Optional<Assessor> assessorForLink(String tokenHash) {
    return jdbc.sql(
            "select " + ASSESSOR_COLUMNS + " from maturity_assessor where link_token_hash = ?")
        .param(tokenHash)
        .query(RoundStore::assessor)
        .optional();
  }

  Optional<Assessor> assessor(long roundId, long assessorId) {
    return jdbc.sql(
            "select " + ASSESSOR_COLUMNS + " from maturity_assessor where round_id = ? and id = ?")
        .params(roundId, assessorId)
        .query(RoundStore::assessor)
        .optional();
  }

  long insertAssessor(
      long roundId,
      Long accountId,
      String name,
      String organisation,
      String tokenHash,
      OffsetDateTime now) {
    return Inserts.returningId(
        jdbc,
        "insert into maturity_assessor (round_id, account_id, display_name, organisation,"
            + " link_token_hash, invited_at) values (?, ?, ?, ?, ?, ?)",
        roundId,
        accountId,
        name,
        organisation,
        tokenHash,
        now);
  }

  /** Marks submitted unless already; false when someone else got there first. */
  boolean markSubmitted(long assessorId, OffsetDateTime now) {
    return jdbc.sql(
                "update maturity_assessor set submitted_at = ? where id = ? and submitted_at is null")
            .params(now, assessorId)
            .update()
        == 1;
  }

  // Ratings

  private static final String RATING_SELECT =
      "select r.assessor_id, a.code, r.level, r.fulfilment, r.confidence, r.evidence,"
          + " r.evidence_links, r.version, r.updated_at from maturity_rating r"
          + " join maturity_area a on a.id = r.area_id ";

  private static Rating rating(ResultSet rs, int n) throws SQLException {
    return new Rating(
        rs.getLong("assessor_id"),
        rs.getString("code"),
        MaturityLevel.fromCode(rs.getString("level")).orElseThrow(),
        Fulfilment.fromCode(rs.getString("fulfilment")).orElse(null),
        Confidence.fromCode(rs.getString("confidence")).orElse(null),
        rs.getString("evidence"),
        lines(rs.getString("evidence_links")),
        rs.getInt("version"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  static List<String> lines(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
  }

  /** One assessor's ratings keyed by area id. */
  Map<String, Rating> ratingsOf(long assessorId) {
    Map<String, Rating> byArea = new LinkedHashMap<>();
    jdbc.sql(RATING_SELECT + "where r.assessor_id = ?")
        .param(assessorId)
        .query(RoundStore::rating)
        .list()
        .forEach(r -> byArea.put(r.areaId(), r));
    return byArea;
  }

  /** Every rating in a round. */
  List<Rating> ratingsInRound(long roundId) {
    return jdbc.sql(
            RATING_SELECT
                + "join maturity_assessor s on s.id = r.assessor_id where s.round_id = ?"
                + " order by r.assessor_id, a.id")
        .param(roundId)
        .query(RoundStore::rating)
        .list();
  }

  Optional<Integer> ratingVersion(long assessorId, long areaRowId) {
    return jdbc.sql("select version from maturity_rating where assessor_id = ? and area_id = ?")
        .params(assessorId, areaRowId)
        .query(Integer.class)
        .optional();
  }

  void insertRating(long assessorId, long areaRowId, CheckedRating r, OffsetDateTime now) {
    jdbc.sql(
            "insert into maturity_rating (assessor_id, area_id, level, fulfilment, confidence,"
                + " evidence, evidence_links, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?)")
        .params(
            assessorId,
            areaRowId,
            r.level().code(),
            r.fulfilment() == null ? null : r.fulfilment().code(),
            r.confidence() == null ? null : r.confidence().code(),
            r.evidence(),
            String.join("\n", r.evidenceLinks()),
            now)
        .update();
  }

  /** Updates only if the stored version is still the one the assessor saw. */
  boolean updateRating(
      long assessorId, long areaRowId, CheckedRating r, int expectedVersion, OffsetDateTime now) {
    return jdbc.sql(
                "update maturity_rating set level = ?, fulfilment = ?, confidence = ?, evidence = ?,"
                    + " evidence_links = ?, version = version + 1, updated_at = ?"
                    + " where assessor_id = ? and area_id = ? and version = ?")
            .params(
                r.level().code(),
                r.fulfilment() == null ? null : r.fulfilment().code(),
                r.confidence() == null ? null : r.confidence().code(),
                r.evidence(),
                String.join("\n", r.evidenceLinks()),
                now,
                assessorId,
                areaRowId,
                expectedVersion)
            .update()
        == 1;
  }

  // Agreements

  Map<String, Agreement> agreements(long roundId) {
    Map<String, Agreement> byArea = new LinkedHashMap<>();
    jdbc.sql(
            "select a.code, g.level, g.fulfilment, g.rationale, g.version, g.agreed_at"
                + " from maturity_agreement g join maturity_area a on a.id = g.area_id"
                + " where g.round_id = ? order by a.id")
        .param(roundId)
        .query(
            (rs, n) ->
                new Agreement(
                    rs.getString("code"),
                    MaturityLevel.fromCode(rs.getString("level")).orElseThrow(),
                    Fulfilment.fromCode(rs.getString("fulfilment")).orElse(null),
                    rs.getString("rationale"),
                    rs.getInt("version"),
                    rs.getObject("agreed_at", OffsetDateTime.class)))
        .list()
        .forEach(a -> byArea.put(a.areaId(), a));
    return byArea;
  }

  Optional<Integer> agreementVersion(long roundId, long areaRowId) {
    return jdbc.sql("select version from maturity_agreement where round_id = ? and area_id = ?")
        .params(roundId, areaRowId)
        .query(Integer.class)
        .optional();
  }

  void insertAgreement(
      long roundId,
      long areaRowId,
      MaturityLevel level,
      Fulfilment fulfilment,
      String rationale,
      OffsetDateTime now,
      Long by) {
    jdbc.sql(
            "insert into maturity_agreement (round_id, area_id, level, fulfilment, rationale,"
                + " version, agreed_at, agreed_by) values (?, ?, ?, ?, ?, 1, ?, ?)")
        .params(
            roundId,
            areaRowId,
            level.code(),
            fulfilment == null ? null : fulfilment.code(),
            rationale,
            now,
            by)
        .update();
  }

  boolean updateAgreement(
      long roundId,
      long areaRowId,
      MaturityLevel level,
      Fulfilment fulfilment,
      String rationale,
      int expectedVersion,
      OffsetDateTime now,
      Long by) {
    return jdbc.sql(
                "update maturity_agreement set level = ?, fulfilment = ?, rationale = ?,"
                    + " version = version + 1, agreed_at = ?, agreed_by = ?"
                    + " where round_id = ? and area_id = ? and version = ?")
            .params(
                level.code(),
                fulfilment == null ? null : fulfilment.code(),
                rationale,
                now,
                by,
                roundId,
                areaRowId,
                expectedVersion)
            .update()
        == 1;
  }
}
