package org.fourthpurpose.impact.measure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.backup.BackupEntry;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The impact module's share of a workspace backup: measures with their values and rebases, and the
 * impact reports issued with what each said. A measure's link is kept as its kind and key: targets
 * of other features (anchor commitments, milestones, propositions) get new ids when those features
 * are restored, so a restored link may point at nothing, which the measure's page says.
 */
@Component
class ImpactBackup implements WorkspaceBackupPart {

  private final JdbcClient jdbc;

  ImpactBackup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "impact";
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    Map<Long, Long> measures = new HashMap<>();
    Map<Long, Long> reports = new HashMap<>();
    out.section(
        "measures",
        () ->
            jdbc.sql("select * from impact_measure where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = measures.size() + 1L;
                      measures.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("name", rs.getString("name"))
                          .text("definition", rs.getString("definition"))
                          .text("unit", rs.getString("unit"))
                          .text("improvement", rs.getString("improvement"))
                          .decimal("target", (Double) rs.getObject("target", Double.class))
                          .text("targetDate", text(rs.getObject("target_date", LocalDate.class)))
                          .text(
                              "baselineStart",
                              text(rs.getObject("baseline_start", LocalDate.class)))
                          .text("baselineEnd", text(rs.getObject("baseline_end", LocalDate.class)))
                          .text("linkKind", rs.getString("link_kind"))
                          .text("linkKey", rs.getString("link_key"))
                          .text("valuesFrom", rs.getString("values_from"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "values",
        () ->
            jdbc.sql(
                    "select v.measure_id, v.period, v.figure, v.label from impact_measure_value v join"
                        + " impact_measure m on m.id = v.measure_id where m.icb_code = ?"
                        + " order by v.measure_id, v.period")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("measure", measures.get(rs.getLong(1)))
                          .date("period", rs.getObject(2, LocalDate.class))
                          .decimal("value", rs.getDouble(3))
                          .text("label", rs.getString(4))
                          .end();
                    }));
    out.section(
        "rebases",
        () ->
            jdbc.sql(
                    "select r.* from impact_rebase r join impact_measure m on m.id = r.measure_id"
                        + " where m.icb_code = ? order by r.measure_id, r.rebase_on")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("measure", measures.get(rs.getLong("measure_id")))
                          .date("date", rs.getObject("rebase_on", LocalDate.class))
                          .text("reason", rs.getString("reason"))
                          .text("createdBy", rs.getString("created_by"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "reports",
        () ->
            jdbc.sql("select * from impact_report where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = reports.size() + 1L;
                      reports.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("title", rs.getString("title"))
                          .text("createdBy", rs.getString("created_by"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "reportMeasures",
        () ->
            jdbc.sql(
                    "select s.* from impact_report_measure s join impact_report r on r.id ="
                        + " s.report_id where r.icb_code = ? order by s.report_id, s.measure_id")
                .param(icbCode)
                .query(
                    rs -> {
                      Long measure = measures.get(rs.getLong("measure_id"));
                      out.entry()
                          .id("report", reports.get(rs.getLong("report_id")))
                          // A measure removed since keeps a negative id of its own, so the
                          // report still tells it apart.
                          .integer("measure", measure != null ? measure : -rs.getLong("measure_id"))
                          .text("name", rs.getString("name"))
                          .text(
                              "latestPeriod", text(rs.getObject("latest_period", LocalDate.class)))
                          .decimal(
                              "latestValue", (Double) rs.getObject("latest_value", Double.class))
                          .text("variation", rs.getString("variation"))
                          .text("assurance", rs.getString("assurance"))
                          .integer("rebases", (long) rs.getInt("rebases"))
                          .text("linkLabel", rs.getString("link_label"))
                          .text("linkStatus", rs.getString("link_status"))
                          .end();
                    }));
  }

  @Override
  public void clear(String icbCode) {
    jdbc.sql("delete from impact_measure where icb_code = ?").param(icbCode).update();
    jdbc.sql("delete from impact_report where icb_code = ?").param(icbCode).update();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Map<Long, Long> measures = new HashMap<>();
    Map<Long, Long> reports = new HashMap<>();
    in.section(
        "measures",
        entry -> {
          long backupId = entry.id("id");
          String name = entry.text("name", Measures.NAME_LIMIT);
          String improvement = entry.text("improvement");
          if (!Measures.IMPROVEMENTS.contains(improvement)) {
            throw entry.problem(
                "improvement", "'" + improvement + "' is not increase, decrease or neutral");
          }
          Double target = entry.decimal("target");
          if (target != null && !Double.isFinite(target)) {
            throw entry.problem("target", "a finite number is needed");
          }
          String linkKind = entry.optionalText("linkKind", 40);
          String linkKey = entry.optionalText("linkKey", 100);
          if ((linkKind == null) != (linkKey == null)) {
            throw entry.problem("linkKey", "a link needs both its kind and its key");
          }
          if (linkKind != null && !linkKind.equals("indicator")) {
            context.note(
                "Measures linked to propositions, anchor commitments or milestones keep the ids"
                    + " those had when backed up; check the links after restoring those too.");
          }
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          try {
            jdbc.sql(
                    "insert into impact_measure (icb_code, name, definition, unit, improvement,"
                        + " target, target_date, baseline_start, baseline_end, link_kind,"
                        + " link_key, values_from, version, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
                .params(
                    icbCode,
                    name,
                    entry.optionalText("definition", Measures.DEFINITION_LIMIT),
                    entry.text("unit", Measures.UNIT_LIMIT),
                    improvement,
                    target,
                    optionalDate(entry, "targetDate"),
                    optionalDate(entry, "baselineStart"),
                    optionalDate(entry, "baselineEnd"),
                    linkKind,
                    linkKey,
                    entry.optionalText("valuesFrom", 100),
                    Timestamp.from(entry.timestamp("createdAt").toInstant()),
                    Timestamp.from(entry.timestamp("updatedAt").toInstant()))
                .update(key, "id");
          } catch (DuplicateKeyException e) {
            throw entry.problem("name", "the measure " + name + " appears twice");
          }
          measures.put(backupId, key.getKey().longValue());
        });
    in.section(
        "values",
        entry -> {
          Long measure = measures.get(entry.id("measure"));
          if (measure == null) {
            throw entry.problem("measure", "no such measure in this backup");
          }
          Double value = entry.decimal("value");
          if (value == null || !Double.isFinite(value)) {
            throw entry.problem("value", "a finite number is needed");
          }
          LocalDate period = entry.date("period");
          String label = entry.optionalText("label", 30);
          try {
            jdbc.sql(
                    "insert into impact_measure_value (measure_id, period, figure, label) values"
                        + " (?, ?, ?, ?)")
                .params(
                    measure, Date.valueOf(period), value, label == null ? period.toString() : label)
                .update();
          } catch (DuplicateKeyException e) {
            throw entry.problem("period", "the same period appears twice for this measure");
          }
        });
    in.section(
        "rebases",
        entry -> {
          Long measure = measures.get(entry.id("measure"));
          if (measure == null) {
            throw entry.problem("measure", "no such measure in this backup");
          }
          try {
            jdbc.sql(
                    "insert into impact_rebase (measure_id, rebase_on, reason, created_by,"
                        + " created_at) values (?, ?, ?, ?, ?)")
                .params(
                    measure,
                    Date.valueOf(entry.date("date")),
                    entry.text("reason", Measures.REASON_LIMIT),
                    entry.text("createdBy", 320),
                    Timestamp.from(entry.timestamp("createdAt").toInstant()))
                .update();
          } catch (DuplicateKeyException e) {
            throw entry.problem("date", "the same rebase date appears twice for this measure");
          }
        });
    in.section(
        "reports",
        entry -> {
          long backupId = entry.id("id");
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "insert into impact_report (icb_code, title, created_by, created_at) values (?,"
                      + " ?, ?, ?)")
              .params(
                  icbCode,
                  entry.text("title", 200),
                  entry.text("createdBy", 320),
                  Timestamp.from(entry.timestamp("createdAt").toInstant()))
              .update(key, "id");
          reports.put(backupId, key.getKey().longValue());
        });
    in.section(
        "reportMeasures",
        entry -> {
          Long report = reports.get(entry.id("report"));
          if (report == null) {
            throw entry.problem("report", "no such report in this backup");
          }
          long ref = entry.id("measure");
          long measure = ref > 0 ? measures.getOrDefault(ref, -ref) : ref;
          Long rebases = entry.optionalInteger("rebases");
          try {
            jdbc.sql(
                    "insert into impact_report_measure (report_id, measure_id, name,"
                        + " latest_period, latest_value, variation, assurance, rebases,"
                        + " link_label, link_status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    report,
                    measure,
                    entry.text("name", Measures.NAME_LIMIT),
                    optionalDate(entry, "latestPeriod"),
                    entry.decimal("latestValue"),
                    entry.optionalText("variation", 40),
                    entry.optionalText("assurance", 40),
                    rebases == null ? 0 : rebases.intValue(),
                    entry.optionalText("linkLabel", 400),
                    entry.optionalText("linkStatus", 200))
                .update();
          } catch (DuplicateKeyException e) {
            throw entry.problem("measure", "the same measure appears twice in this report");
          }
        });
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static Date optionalDate(BackupEntry entry, String field) {
    String text = entry.optionalText(field);
    if (text == null) {
      return null;
    }
    try {
      return Date.valueOf(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw entry.problem(field, "'" + text + "' is not a date such as 2026-04-01");
    }
  }

  static List<String> sections() {
    return List.of("measures", "values", "rebases", "reports", "reportMeasures");
  }
}
