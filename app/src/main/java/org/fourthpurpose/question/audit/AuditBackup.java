package org.fourthpurpose.question.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.backup.BackupEntry;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The workspace's relationship audits in a backup: audits, questions, links (the SHA-256 of each
 * secret, so links sent before keep working after a restore; never the secrets), which links were
 * used, responses and answers. Responses stay unlinked from links, as in the database.
 */
@Component
class AuditBackup implements WorkspaceBackupPart {

  private final JdbcClient sql;
  private final PartnerAudits audits;

  AuditBackup(JdbcClient sql, PartnerAudits audits) {
    this.sql = sql;
    this.audits = audits;
  }

  @Override
  public String name() {
    return "relationship-audits";
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    Map<Long, Long> auditIds = new HashMap<>();
    Map<Long, Long> questionIds = new HashMap<>();
    Map<Long, Long> responseIds = new HashMap<>();
    out.section(
        "audits",
        () ->
            sql.sql(
                    "select id, title, status, created_by, created_at, opened_at, closed_at"
                        + " from question_audit where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    (ResultSet rs) -> {
                      long id = auditIds.size() + 1;
                      auditIds.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("title", rs.getString("title"))
                          .text("status", rs.getString("status"))
                          .text("createdBy", rs.getString("created_by"))
                          .timestamp("createdAt", at(rs, "created_at"))
                          .timestamp("openedAt", at(rs, "opened_at"))
                          .timestamp("closedAt", at(rs, "closed_at"))
                          .end();
                    }));
    out.section(
        "questions",
        () ->
            sql.sql(
                    "select q.id, q.audit_id, q.position, q.kind, q.text, q.hint, q.options,"
                        + " q.low_label, q.high_label, q.appetite, q.template_code"
                        + " from question_audit_question q join question_audit a on a.id ="
                        + " q.audit_id where a.icb_code = ? order by q.audit_id, q.position, q.id")
                .param(icbCode)
                .query(
                    (ResultSet rs) -> {
                      long id = questionIds.size() + 1;
                      questionIds.put(rs.getLong("id"), id);
                      String options = rs.getString("options");
                      out.entry()
                          .id("id", id)
                          .id("audit", auditIds.get(rs.getLong("audit_id")))
                          .id("position", rs.getInt("position"))
                          .text("kind", rs.getString("kind"))
                          .text("text", rs.getString("text"))
                          .text("hint", rs.getString("hint"))
                          .texts(
                              "options", options == null ? List.of() : List.of(options.split("\n")))
                          .text("lowLabel", rs.getString("low_label"))
                          .text("highLabel", rs.getString("high_label"))
                          .bool("appetite", rs.getBoolean("appetite"))
                          .text("templateCode", rs.getString("template_code"))
                          .end();
                    }));
    out.section(
        "links",
        () ->
            sql.sql(
                    "select l.audit_id, l.token_hash, l.sector, l.created_at, (select count(*) from"
                        + " question_audit_link_use u where u.link_id = l.id) as used"
                        + " from question_audit_link l join question_audit a on a.id = l.audit_id"
                        + " where a.icb_code = ? order by l.audit_id, l.id")
                .param(icbCode)
                .query(
                    (ResultSet rs) ->
                        out.entry()
                            .id("audit", auditIds.get(rs.getLong("audit_id")))
                            .text("tokenHash", rs.getString("token_hash"))
                            .text("sector", rs.getString("sector"))
                            .timestamp("createdAt", at(rs, "created_at"))
                            .bool("used", rs.getInt("used") > 0)
                            .end()));
    out.section(
        "responses",
        () ->
            sql.sql(
                    "select r.id, r.audit_id, r.sector, r.submitted_on from question_audit_response r"
                        + " join question_audit a on a.id = r.audit_id where a.icb_code = ?"
                        + " order by r.id")
                .param(icbCode)
                .query(
                    (ResultSet rs) -> {
                      long id = responseIds.size() + 1;
                      responseIds.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .id("audit", auditIds.get(rs.getLong("audit_id")))
                          .text("sector", rs.getString("sector"))
                          .date("submittedOn", rs.getDate("submitted_on").toLocalDate())
                          .end();
                    }));
    out.section(
        "answers",
        () ->
            sql.sql(
                    "select x.response_id, x.question_id, x.scale_value, x.choice_value,"
                        + " x.text_value from question_audit_answer x join question_audit_response"
                        + " r on r.id = x.response_id join question_audit a on a.id = r.audit_id"
                        + " where a.icb_code = ? order by x.response_id, x.question_id")
                .param(icbCode)
                .query(
                    (ResultSet rs) -> {
                      int scale = rs.getInt("scale_value");
                      Long scaleValue = rs.wasNull() ? null : (long) scale;
                      out.entry()
                          .id("response", responseIds.get(rs.getLong("response_id")))
                          .id("question", questionIds.get(rs.getLong("question_id")))
                          .integer("scale", scaleValue)
                          .text("choice", rs.getString("choice_value"))
                          .text("text", rs.getString("text_value"))
                          .end();
                    }));
  }

  private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  @Override
  public void clear(String icbCode) {
    // Answers, responses, links and questions go with their audit (on delete cascade).
    sql.sql("delete from question_audit where icb_code = ?").param(icbCode).update();
    audits.forgetResults();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Map<Long, Long> auditIds = new HashMap<>();
    Map<Long, Long> questionIds = new HashMap<>();
    Map<Long, QuestionKind> kinds = new HashMap<>();
    Map<Long, Long> questionAudit = new HashMap<>();
    Map<Long, Long> responseIds = new HashMap<>();
    Map<Long, Long> responseAudit = new HashMap<>();
    in.section(
        "audits",
        e -> {
          String status = e.text("status", 10);
          if (!List.of("draft", "open", "closed").contains(status)) {
            throw e.problem("status", "'" + status + "' is not draft, open or closed");
          }
          KeyHolder key = new GeneratedKeyHolder();
          sql.sql(
                  "insert into question_audit (icb_code, title, status, created_by, created_at,"
                      + " opened_at, closed_at) values (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  icbCode,
                  e.text("title", 200),
                  status,
                  e.optionalText("createdBy", 254),
                  e.timestamp("createdAt"),
                  e.optionalTimestamp("openedAt"),
                  e.optionalTimestamp("closedAt"))
              .update(key, "id");
          auditIds.put(e.id("id"), key.getKey().longValue());
        });
    in.section(
        "questions",
        e -> {
          long audit = known(auditIds, e, "audit");
          String kindCode = e.text("kind", 10);
          QuestionKind kind =
              QuestionKind.find(kindCode)
                  .orElseThrow(
                      () -> e.problem("kind", "'" + kindCode + "' is not scale, choice or text"));
          List<String> options = e.texts("options");
          if (kind == QuestionKind.CHOICE
              && (options.size() < 2 || options.size() > QuestionDraft.MAX_OPTIONS)) {
            throw e.problem("options", "a choice question needs 2 to 12 options");
          }
          KeyHolder key = new GeneratedKeyHolder();
          sql.sql(
                  "insert into question_audit_question (audit_id, position, kind, text, hint,"
                      + " options, low_label, high_label, appetite, template_code)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  audit,
                  e.integer("position", 1, PartnerAudits.MAX_QUESTIONS * 10),
                  kind.code(),
                  e.text("text", 500),
                  e.optionalText("hint", 500),
                  options.isEmpty() ? null : String.join("\n", options),
                  e.optionalText("lowLabel", 60),
                  e.optionalText("highLabel", 60),
                  e.bool("appetite"),
                  e.optionalText("templateCode", 40))
              .update(key, "id");
          long id = key.getKey().longValue();
          questionIds.put(e.id("id"), id);
          kinds.put(id, kind);
          questionAudit.put(id, audit);
        });
    in.section(
        "links",
        e -> {
          long audit = known(auditIds, e, "audit");
          String hash = e.text("tokenHash", 64);
          if (!hash.matches("[0-9a-f]{64}")) {
            throw e.problem("tokenHash", "not a SHA-256 in hexadecimal");
          }
          String sector = sector(e);
          int taken =
              sql.sql("select count(*) from question_audit_link where token_hash = ?")
                  .param(hash)
                  .query(Integer.class)
                  .single();
          if (taken > 0) {
            context.skipped("A survey link already used by another workspace here was left out");
            return;
          }
          KeyHolder key = new GeneratedKeyHolder();
          sql.sql(
                  "insert into question_audit_link (audit_id, token_hash, sector, created_at)"
                      + " values (?, ?, ?, ?)")
              .params(audit, hash, sector, e.timestamp("createdAt"))
              .update(key, "id");
          if (e.bool("used")) {
            sql.sql("insert into question_audit_link_use (link_id) values (?)")
                .param(key.getKey().longValue())
                .update();
          }
        });
    in.section(
        "responses",
        e -> {
          long audit = known(auditIds, e, "audit");
          LocalDate day = e.date("submittedOn");
          KeyHolder key = new GeneratedKeyHolder();
          sql.sql(
                  "insert into question_audit_response (audit_id, sector, submitted_on)"
                      + " values (?, ?, ?)")
              .params(audit, sector(e), java.sql.Date.valueOf(day))
              .update(key, "id");
          long id = key.getKey().longValue();
          responseIds.put(e.id("id"), id);
          responseAudit.put(id, audit);
        });
    in.section(
        "answers",
        e -> {
          long response = known(responseIds, e, "response");
          long question = known(questionIds, e, "question");
          if (!questionAudit.get(question).equals(responseAudit.get(response))) {
            throw e.problem("question", "the question belongs to another audit than the response");
          }
          Long scale = e.optionalInteger("scale");
          String choice = e.optionalText("choice", 200);
          String text = e.optionalText("text", AuditQuestion.MAX_TEXT_ANSWER);
          switch (kinds.get(question)) {
            case SCALE -> {
              if (scale == null || scale < 1 || scale > 5 || choice != null || text != null) {
                throw e.problem("scale", "a scale answer is a whole number from 1 to 5");
              }
            }
            case CHOICE -> {
              if (choice == null || scale != null || text != null) {
                throw e.problem("choice", "a choice answer is one option");
              }
            }
            case TEXT -> {
              if (text == null || scale != null || choice != null) {
                throw e.problem("text", "a text answer is text");
              }
            }
          }
          sql.sql(
                  "insert into question_audit_answer (response_id, question_id, scale_value,"
                      + " choice_value, text_value) values (?, ?, ?, ?, ?)")
              .params(response, question, scale == null ? null : scale.intValue(), choice, text)
              .update();
        });
    audits.forgetResults();
  }

  private static long known(Map<Long, Long> ids, BackupEntry e, String field) {
    Long id = ids.get(e.id(field));
    if (id == null) {
      throw e.problem(field, "refers to no " + field + " earlier in the backup");
    }
    return id;
  }

  private static String sector(BackupEntry e) {
    String sector = e.text("sector", 30);
    if (OrganisationType.find(sector).isEmpty()) {
      throw e.problem("sector", "'" + sector + "' is not a partner sector");
    }
    return sector;
  }
}
