package org.fourthpurpose.question.proposition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.question.Decision;
import org.fourthpurpose.question.PartnerRole;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.fourthpurpose.question.Propositions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A workspace's propositions and their decision logs, read from the {@code question_} tables. */
@Service
class StoredPropositions implements Propositions {

  private static final String COLUMNS =
      "p.id, p.icb_code, p.question_id, p.title, p.if_we, p.then_outcome, p.measured_by,"
          + " p.pilot_whom, p.pilot_from, p.pilot_to, p.pilot_cost, p.status, p.version,"
          + " p.created_at, p.updated_at";

  private final JdbcClient sql;

  StoredPropositions(JdbcClient sql) {
    this.sql = sql;
  }

  @Override
  public List<Proposition> propositions(String icbCode) {
    List<Row> rows =
        sql.sql(
                "select "
                    + COLUMNS
                    + " from question_proposition p where p.icb_code = ? order by p.id desc")
            .param(icbCode)
            .query(StoredPropositions::row)
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Proposition.Partner>> partners = new HashMap<>();
    sql.sql(
            "select x.proposition_id, x.organisation_id, x.role from question_proposition_partner x"
                + " join question_proposition p on p.id = x.proposition_id where p.icb_code = ?"
                + " order by x.proposition_id, x.organisation_id")
        .param(icbCode)
        .query(
            (rs, n) ->
                partners
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(partner(rs.getLong(2), rs.getString(3))))
        .list();
    Map<Long, List<String>> policies =
        codes(
            "select x.proposition_id, x.policy_id from question_proposition_policy x join"
                + " question_proposition p on p.id = x.proposition_id where p.icb_code = ?"
                + " order by x.proposition_id, x.policy_id",
            icbCode);
    Map<Long, List<String>> places =
        codes(
            "select x.proposition_id, x.area_code from question_proposition_place x join"
                + " question_proposition p on p.id = x.proposition_id where p.icb_code = ?"
                + " order by x.proposition_id, x.area_code",
            icbCode);
    return rows.stream()
        .map(
            r ->
                r.proposition(
                    partners.getOrDefault(r.id, List.of()),
                    policies.getOrDefault(r.id, List.of()),
                    places.getOrDefault(r.id, List.of())))
        .toList();
  }

  @Override
  public Optional<Proposition> proposition(String icbCode, long id) {
    Optional<Row> row =
        sql.sql(
                "select "
                    + COLUMNS
                    + " from question_proposition p where p.icb_code = ? and p.id = ?")
            .params(icbCode, id)
            .query(StoredPropositions::row)
            .optional();
    return row.map(
        r ->
            r.proposition(
                sql.sql(
                        "select organisation_id, role from question_proposition_partner where"
                            + " proposition_id = ? order by organisation_id")
                    .param(id)
                    .query((rs, n) -> partner(rs.getLong(1), rs.getString(2)))
                    .list(),
                sql.sql(
                        "select policy_id from question_proposition_policy where proposition_id"
                            + " = ? order by policy_id")
                    .param(id)
                    .query(String.class)
                    .list(),
                sql.sql(
                        "select area_code from question_proposition_place where proposition_id ="
                            + " ? order by area_code")
                    .param(id)
                    .query(String.class)
                    .list()));
  }

  @Override
  public List<Decision> decisions(String icbCode, long id) {
    return sql.sql(
            "select d.id, d.proposition_id, d.from_status, d.to_status, d.decision, d.reason,"
                + " d.decided_by, d.decided_at from question_proposition_decision d join"
                + " question_proposition p on p.id = d.proposition_id where p.icb_code = ? and"
                + " p.id = ? order by d.id")
        .params(icbCode, id)
        .query(
            (rs, n) ->
                new Decision(
                    rs.getLong("id"),
                    rs.getLong("proposition_id"),
                    rs.getString("from_status") == null
                        ? null
                        : PropositionStatus.find(rs.getString("from_status")).orElseThrow(),
                    PropositionStatus.find(rs.getString("to_status")).orElseThrow(),
                    rs.getString("decision"),
                    rs.getString("reason"),
                    rs.getString("decided_by"),
                    instant(rs.getTimestamp("decided_at"))))
        .list();
  }

  /** The latest decision of each of the workspace's propositions, by proposition id. */
  Map<Long, Decision> latestDecisions(String icbCode) {
    Map<Long, Decision> latest = new HashMap<>();
    sql.sql(
            "select d.id, d.proposition_id, d.from_status, d.to_status, d.decision, d.reason,"
                + " d.decided_by, d.decided_at from question_proposition_decision d join"
                + " question_proposition p on p.id = d.proposition_id where p.icb_code = ?"
                + " order by d.id")
        .param(icbCode)
        .query(
            (rs, n) ->
                latest.put(
                    rs.getLong("proposition_id"),
                    new Decision(
                        rs.getLong("id"),
                        rs.getLong("proposition_id"),
                        rs.getString("from_status") == null
                            ? null
                            : PropositionStatus.find(rs.getString("from_status")).orElseThrow(),
                        PropositionStatus.find(rs.getString("to_status")).orElseThrow(),
                        rs.getString("decision"),
                        rs.getString("reason"),
                        rs.getString("decided_by"),
                        instant(rs.getTimestamp("decided_at")))))
        .list();
    return latest;
  }

  private Map<Long, List<String>> codes(String query, String icbCode) {
    Map<Long, List<String>> codes = new HashMap<>();
    sql.sql(query)
        .param(icbCode)
        .query(
            (rs, n) ->
                codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    return codes;
  }

  private static Proposition.Partner partner(long organisationId, String role) {
    return new Proposition.Partner(organisationId, PartnerRole.find(role).orElseThrow());
  }

  /** A proposition's own columns, before its partners, policies and places are added. */
  private record Row(
      long id,
      String icbCode,
      long questionId,
      String title,
      String ifWe,
      String then,
      String measuredBy,
      String whom,
      LocalDate from,
      LocalDate to,
      java.math.BigDecimal cost,
      PropositionStatus status,
      int version,
      Instant createdAt,
      Instant updatedAt) {

    Proposition proposition(
        List<Proposition.Partner> partners, List<String> policies, List<String> places) {
      return new Proposition(
          id,
          icbCode,
          questionId,
          title,
          ifWe,
          then,
          measuredBy,
          partners,
          policies,
          new Proposition.Pilot(places, whom, from, to, cost),
          status,
          version,
          createdAt,
          updatedAt);
    }
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getLong("question_id"),
        rs.getString("title"),
        rs.getString("if_we"),
        rs.getString("then_outcome"),
        rs.getString("measured_by"),
        rs.getString("pilot_whom"),
        rs.getObject("pilot_from", LocalDate.class),
        rs.getObject("pilot_to", LocalDate.class),
        rs.getBigDecimal("pilot_cost"),
        PropositionStatus.find(rs.getString("status")).orElseThrow(),
        rs.getInt("version"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
