package org.fourthpurpose.anchor.commitment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.Progression;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.StatusChange;
import org.fourthpurpose.anchor.register.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The anchor register as the rest of the product reads it, from the anchor tables. */
@Service
class StoredRegister implements AnchorRegister {

  static final String COMMITMENT_COLUMNS =
      "c.id, c.organisation_id, c.strategy_id, c.pillar, c.promise, c.baseline, c.target,"
          + " c.target_date, c.measure, c.metric_code, c.owner, c.evidence, c.status";

  private final JdbcClient sql;
  private final Organisations organisations;

  StoredRegister(JdbcClient sql, Organisations organisations) {
    this.sql = sql;
    this.organisations = organisations;
  }

  @Override
  public List<AnchorOrganisation> organisations(String icbCode) {
    return organisations.list(icbCode);
  }

  @Override
  public Optional<AnchorOrganisation> organisation(String icbCode, long id) {
    return organisations.find(icbCode, id);
  }

  @Override
  public List<AnchorStrategy> strategies(String icbCode) {
    return sql.sql(
            "select s.id, s.organisation_id, s.title, s.url, s.published_on, s.status from"
                + " anchor_strategy s join anchor_organisation o on o.id = s.organisation_id"
                + " where o.icb_code = ? order by lower(o.name), s.organisation_id, s.id")
        .param(icbCode)
        .query(
            (rs, n) ->
                new AnchorStrategy(
                    rs.getLong("id"),
                    rs.getLong("organisation_id"),
                    rs.getString("title"),
                    rs.getString("url"),
                    date(rs.getDate("published_on")),
                    rs.getString("status")))
        .list();
  }

  @Override
  public List<AnchorCommitment> commitments(String icbCode) {
    Map<Long, List<String>> themes =
        codes(
            "select t.commitment_id, t.theme_code from anchor_commitment_theme t join"
                + " anchor_commitment c on c.id = t.commitment_id join anchor_organisation o on"
                + " o.id = c.organisation_id where o.icb_code = ? order by t.commitment_id,"
                + " t.theme_code",
            icbCode);
    Map<Long, List<String>> indicators =
        codes(
            "select i.commitment_id, i.indicator_code from anchor_commitment_indicator i join"
                + " anchor_commitment c on c.id = i.commitment_id join anchor_organisation o on"
                + " o.id = c.organisation_id where o.icb_code = ? order by i.commitment_id,"
                + " i.indicator_code",
            icbCode);
    return sql.sql(
            "select "
                + COMMITMENT_COLUMNS
                + " from anchor_commitment c join anchor_organisation o on o.id ="
                + " c.organisation_id where o.icb_code = ? order by lower(o.name),"
                + " c.organisation_id, c.id")
        .param(icbCode)
        .query(
            (rs, n) -> {
              long id = rs.getLong("id");
              long strategy = rs.getLong("strategy_id");
              Long strategyId = rs.wasNull() ? null : strategy;
              return new AnchorCommitment(
                  id,
                  rs.getLong("organisation_id"),
                  strategyId,
                  Pillar.fromCode(rs.getString("pillar")),
                  rs.getString("promise"),
                  themes.getOrDefault(id, List.of()),
                  indicators.getOrDefault(id, List.of()),
                  rs.getString("baseline"),
                  rs.getString("target"),
                  date(rs.getDate("target_date")),
                  rs.getString("measure"),
                  rs.getString("metric_code"),
                  rs.getString("owner"),
                  rs.getString("evidence"),
                  CommitmentStatus.fromCode(rs.getString("status")));
            })
        .list();
  }

  @Override
  public List<Progression> progressions(String icbCode) {
    return sql
        .sql(
            "select p.organisation_id, p.pillar, p.level, p.note, p.assessed_on from"
                + " anchor_progression p join anchor_organisation o on o.id = p.organisation_id"
                + " where o.icb_code = ? order by lower(o.name), p.organisation_id, p.pillar")
        .param(icbCode)
        .query(
            (rs, n) ->
                new Progression(
                    rs.getLong("organisation_id"),
                    Pillar.fromCode(rs.getString("pillar")),
                    ProgressionLevel.of(rs.getInt("level")).orElseThrow(),
                    rs.getString("note"),
                    date(rs.getDate("assessed_on"))))
        .list()
        .stream()
        .sorted(
            java.util.Comparator.comparing(Progression::organisationId)
                .thenComparing(Progression::pillar))
        .toList();
  }

  @Override
  public List<StatusChange> statusChanges(String icbCode) {
    return sql.sql(
            "select s.commitment_id, s.status, s.changed_at from anchor_commitment_status_change"
                + " s join anchor_commitment c on c.id = s.commitment_id join anchor_organisation"
                + " o on o.id = c.organisation_id where o.icb_code = ? order by s.changed_at,"
                + " s.id")
        .param(icbCode)
        .query(
            (rs, n) ->
                new StatusChange(
                    rs.getLong("commitment_id"),
                    CommitmentStatus.fromCode(rs.getString("status")),
                    rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  private Map<Long, List<String>> codes(String query, String icbCode) {
    Map<Long, List<String>> codes = new HashMap<>();
    sql.sql(query)
        .param(icbCode)
        .query(
            rs -> {
              codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return codes;
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
