package org.fourthpurpose.question.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of the relationship audit's tables ({@code question_audit_…}). */
@Component
class PartnerAuditStore {

  private static final String AUDIT_COLUMNS =
      "id, icb_code, title, status, created_by, created_at, opened_at, closed_at";
  private static final String QUESTION_COLUMNS =
      "id, position, kind, text, hint, options, low_label, high_label, appetite, template_code";

  private final JdbcClient sql;

  PartnerAuditStore(JdbcClient sql) {
    this.sql = sql;
  }

  long insertAudit(String icbCode, String title, String createdBy, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into question_audit (icb_code, title, status, created_by, created_at)"
                + " values (?, ?, 'draft', ?, ?)")
        .params(icbCode, title, createdBy, Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  long insertQuestion(
      long auditId,
      int position,
      QuestionKind kind,
      String text,
      String hint,
      List<String> options,
      String low,
      String high,
      boolean appetite,
      String templateCode) {
    KeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into question_audit_question (audit_id, position, kind, text, hint, options,"
                + " low_label, high_label, appetite, template_code)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            auditId,
            position,
            kind.code(),
            text,
            hint,
            options.isEmpty() ? null : String.join("\n", options),
            low,
            high,
            appetite,
            templateCode)
        .update(key, "id");
    return key.getKey().longValue();
  }

  void updateQuestion(
      long questionId, String text, String hint, List<String> options, String low, String high) {
    sql.sql(
            "update question_audit_question set text = ?, hint = ?, options = ?, low_label = ?,"
                + " high_label = ? where id = ?")
        .params(
            text,
            hint,
            options.isEmpty() ? null : String.join("\n", options),
            low,
            high,
            questionId)
        .update();
  }

  void deleteQuestion(long auditId, long questionId) {
    sql.sql("delete from question_audit_question where audit_id = ? and id = ?")
        .params(auditId, questionId)
        .update();
    renumber(auditId);
  }

  void moveQuestion(long auditId, long questionId, int delta) {
    List<AuditQuestion> qs = questions(auditId);
    int at = -1;
    for (int i = 0; i < qs.size(); i++) {
      if (qs.get(i).id() == questionId) {
        at = i;
      }
    }
    int to = at + delta;
    if (at < 0 || to < 0 || to >= qs.size()) {
      return;
    }
    List<AuditQuestion> moved = new ArrayList<>(qs);
    moved.add(to, moved.remove(at));
    for (int i = 0; i < moved.size(); i++) {
      sql.sql("update question_audit_question set position = ? where id = ?")
          .params(i + 1, moved.get(i).id())
          .update();
    }
  }

  private void renumber(long auditId) {
    List<AuditQuestion> qs = questions(auditId);
    for (int i = 0; i < qs.size(); i++) {
      if (qs.get(i).position() != i + 1) {
        sql.sql("update question_audit_question set position = ? where id = ?")
            .params(i + 1, qs.get(i).id())
            .update();
      }
    }
  }

  void updateTitle(long auditId, String title) {
    sql.sql("update question_audit set title = ? where id = ?").params(title, auditId).update();
  }

  /** Opens a draft; true when this call opened it. */
  boolean open(long auditId, Instant now) {
    return sql.sql(
                "update question_audit set status = 'open', opened_at = ? where id = ? and"
                    + " status = 'draft'")
            .params(Timestamp.from(now), auditId)
            .update()
        == 1;
  }

  boolean close(long auditId, Instant now) {
    return sql.sql(
                "update question_audit set status = 'closed', closed_at = ? where id = ? and"
                    + " status = 'open'")
            .params(Timestamp.from(now), auditId)
            .update()
        == 1;
  }

  Optional<RelationshipAudit> audit(String icbCode, long id) {
    return sql.sql("select " + AUDIT_COLUMNS + " from question_audit where id = ? and icb_code = ?")
        .params(id, icbCode)
        .query(PartnerAuditStore::audit)
        .optional();
  }

  Optional<RelationshipAudit> audit(long id) {
    return sql.sql("select " + AUDIT_COLUMNS + " from question_audit where id = ?")
        .params(id)
        .query(PartnerAuditStore::audit)
        .optional();
  }

  /** The workspace's audits, newest first. */
  List<RelationshipAudit> audits(String icbCode) {
    return sql.sql(
            "select "
                + AUDIT_COLUMNS
                + " from question_audit where icb_code = ? order by created_at desc, id desc")
        .params(icbCode)
        .query(PartnerAuditStore::audit)
        .list();
  }

  List<AuditQuestion> questions(long auditId) {
    return sql.sql(
            "select "
                + QUESTION_COLUMNS
                + " from question_audit_question where audit_id = ? order by position, id")
        .params(auditId)
        .query(PartnerAuditStore::question)
        .list();
  }

  void insertLinks(long auditId, String sector, List<String> hashes, Instant now) {
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    for (String hash : hashes) {
      rows.add(new Object[] {auditId, hash, sector, at});
    }
    // One statement per link keeps this portable; at most 500 per request.
    for (Object[] row : rows) {
      sql.sql(
              "insert into question_audit_link (audit_id, token_hash, sector, created_at)"
                  + " values (?, ?, ?, ?)")
          .params(Arrays.asList(row))
          .update();
    }
  }

  /** A link by the hash of its secret. */
  Optional<StoredLink> link(String hash) {
    return sql.sql(
            "select l.id, l.audit_id, l.sector, (select count(*) from question_audit_link_use u"
                + " where u.link_id = l.id) as used from question_audit_link l"
                + " where l.token_hash = ?")
        .params(hash)
        .query(
            (rs, n) ->
                new StoredLink(
                    rs.getLong("id"),
                    rs.getLong("audit_id"),
                    rs.getString("sector"),
                    rs.getInt("used") > 0))
        .optional();
  }

  /** A personal link as stored: never its secret. */
  record StoredLink(long id, long auditId, String sector, boolean used) {}

  /** Marks the link used; throws DuplicateKeyException when it already was. */
  void useLink(long linkId) {
    sql.sql("insert into question_audit_link_use (link_id) values (?)").params(linkId).update();
  }

  long insertResponse(long auditId, String sector, LocalDate day) {
    KeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into question_audit_response (audit_id, sector, submitted_on)"
                + " values (?, ?, ?)")
        .params(auditId, sector, java.sql.Date.valueOf(day))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void insertAnswer(long responseId, long questionId, Object value) {
    Integer scale = value instanceof Integer i ? i : null;
    String choice = null;
    String text = null;
    if (value instanceof ChoiceAnswer c) {
      choice = c.option();
    } else if (value instanceof String s) {
      text = s;
    }
    sql.sql(
            "insert into question_audit_answer (response_id, question_id, scale_value,"
                + " choice_value, text_value) values (?, ?, ?, ?, ?)")
        .params(responseId, questionId, scale, choice, text)
        .update();
  }

  /** A choice answer, told apart from a text answer when stored. */
  record ChoiceAnswer(String option) {}

  /** Links made per sector, in no order. */
  Map<String, Integer> linksBySector(long auditId) {
    Map<String, Integer> links = new LinkedHashMap<>();
    sql.sql(
            "select sector, count(*) as n from question_audit_link where audit_id = ?"
                + " group by sector")
        .params(auditId)
        .query(
            (ResultSet rs) -> {
              links.put(rs.getString("sector"), rs.getInt("n"));
            });
    return links;
  }

  int responseCount(long auditId) {
    return sql.sql("select count(*) from question_audit_response where audit_id = ?")
        .params(auditId)
        .query(Integer.class)
        .single();
  }

  /** Every response of the audit with its answers. */
  List<AuditResponse> responses(long auditId) {
    Map<Long, String> sectors = new LinkedHashMap<>();
    sql.sql("select id, sector from question_audit_response where audit_id = ? order by id")
        .params(auditId)
        .query(
            (ResultSet rs) -> {
              sectors.put(rs.getLong("id"), rs.getString("sector"));
            });
    Map<Long, Map<Long, Object>> answers = new HashMap<>();
    sql.sql(
            "select a.response_id, a.question_id, a.scale_value, a.choice_value, a.text_value"
                + " from question_audit_answer a join question_audit_response r"
                + " on r.id = a.response_id where r.audit_id = ?")
        .params(auditId)
        .query(
            (ResultSet rs) -> {
              int scale = rs.getInt("scale_value");
              Object value =
                  rs.wasNull()
                      ? (rs.getString("choice_value") != null
                          ? rs.getString("choice_value")
                          : rs.getString("text_value"))
                      : Integer.valueOf(scale);
              answers
                  .computeIfAbsent(rs.getLong("response_id"), k -> new HashMap<>())
                  .put(rs.getLong("question_id"), value);
            });
    List<AuditResponse> out = new ArrayList<>(sectors.size());
    sectors.forEach(
        (id, sector) -> out.add(new AuditResponse(sector, answers.getOrDefault(id, Map.of()))));
    return out;
  }

  private static RelationshipAudit audit(ResultSet rs, int n) throws SQLException {
    return new RelationshipAudit(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getString("title"),
        AuditStatus.fromCode(rs.getString("status")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("opened_at")),
        instant(rs.getTimestamp("closed_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static AuditQuestion question(ResultSet rs, int n) throws SQLException {
    String options = rs.getString("options");
    return new AuditQuestion(
        rs.getLong("id"),
        rs.getInt("position"),
        QuestionKind.find(rs.getString("kind")).orElseThrow(),
        rs.getString("text"),
        rs.getString("hint"),
        options == null ? List.of() : List.of(options.split("\n")),
        rs.getString("low_label"),
        rs.getString("high_label"),
        rs.getBoolean("appetite"),
        rs.getString("template_code"));
  }
}
