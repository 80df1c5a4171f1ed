package org.fourthpurpose.impact.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of issued impact reports and what each said about each measure. */
@Repository
class ReportStore {

  private final JdbcClient sql;

  ReportStore(JdbcClient sql) {
    this.sql = sql;
  }

  /** A report as issued. */
  record Issued(long id, String title, String createdBy, Instant createdAt) {}

  /** What an issued report said about one measure. */
  record Snapshot(
      long measureId,
      String name,
      LocalDate latestPeriod,
      Double latestValue,
      String variation,
      String assurance,
      int rebases,
      String linkLabel,
      String linkStatus) {}

  Optional<Issued> latest(String icbCode) {
    return sql.sql(
            "select id, title, created_by, created_at from impact_report where icb_code = ?"
                + " order by created_at desc, id desc limit 1")
        .param(icbCode)
        .query(
            (rs, n) ->
                new Issued(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant()))
        .optional();
  }

  List<Issued> issued(String icbCode) {
    return sql.sql(
            "select id, title, created_by, created_at from impact_report where icb_code = ?"
                + " order by created_at desc, id desc")
        .param(icbCode)
        .query(
            (rs, n) ->
                new Issued(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list();
  }

  List<Snapshot> snapshots(long reportId) {
    return sql.sql(
            "select measure_id, name, latest_period, latest_value, variation, assurance, rebases,"
                + " link_label, link_status from impact_report_measure where report_id = ?"
                + " order by measure_id")
        .param(reportId)
        .query(
            (rs, n) ->
                new Snapshot(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    (Double) rs.getObject(4, Double.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getInt(7),
                    rs.getString(8),
                    rs.getString(9)))
        .list();
  }

  long issue(String icbCode, String title, String by, Instant at, List<Snapshot> measures) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into impact_report (icb_code, title, created_by, created_at) values (?, ?, ?, ?)")
        .params(icbCode, title, by, Timestamp.from(at))
        .update(key, "id");
    long id = key.getKey().longValue();
    for (Snapshot s : measures) {
      sql.sql(
              "insert into impact_report_measure (report_id, measure_id, name, latest_period,"
                  + " latest_value, variation, assurance, rebases, link_label, link_status)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              s.measureId(),
              s.name(),
              s.latestPeriod() == null ? null : java.sql.Date.valueOf(s.latestPeriod()),
              s.latestValue(),
              s.variation(),
              s.assurance(),
              s.rebases(),
              s.linkLabel(),
              s.linkStatus())
          .update();
    }
    return id;
  }
}
