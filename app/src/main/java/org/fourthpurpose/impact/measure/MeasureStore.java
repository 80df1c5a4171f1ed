package org.fourthpurpose.impact.measure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of measures, their values and rebases. Every read and write names the workspace, so a
 * measure of another workspace is never found or changed. The caller runs writes in a transaction.
 */
@Repository
class MeasureStore {

  private static final String COLUMNS =
      "id, icb_code, name, definition, unit, improvement, target, target_date, baseline_start,"
          + " baseline_end, link_kind, link_key, values_from, version, updated_at";

  private final JdbcClient sql;

  MeasureStore(JdbcClient sql) {
    this.sql = sql;
  }

  List<Measure> measures(String icbCode) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from impact_measure where icb_code = ? order by lower(name), id")
        .param(icbCode)
        .query(MeasureStore::measure)
        .list();
  }

  Optional<Measure> measure(String icbCode, long id) {
    return sql.sql("select " + COLUMNS + " from impact_measure where icb_code = ? and id = ?")
        .params(icbCode, id)
        .query(MeasureStore::measure)
        .optional();
  }

  List<Measure> linkedTo(String icbCode, String kind, String key) {
    return sql.sql(
            "select "
                + COLUMNS
                + " from impact_measure where icb_code = ? and link_kind = ? and link_key = ?"
                + " order by lower(name), id")
        .params(icbCode, kind, key)
        .query(MeasureStore::measure)
        .list();
  }

  boolean nameTaken(String icbCode, String name, long exceptId) {
    return sql.sql(
                "select count(*) from impact_measure where icb_code = ? and lower(name) = ?"
                    + " and id <> ?")
            .params(icbCode, name.toLowerCase(java.util.Locale.ROOT), exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(String icbCode, CheckedMeasure m, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into impact_measure (icb_code, name, definition, unit, improvement, target,"
                + " target_date, baseline_start, baseline_end, link_kind, link_key, values_from,"
                + " version, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .params(
            icbCode,
            m.name(),
            m.definition(),
            m.unit(),
            m.improvement(),
            m.target(),
            date(m.targetDate()),
            date(m.baselineStart()),
            date(m.baselineEnd()),
            m.linkKind(),
            m.linkKey(),
            m.valuesFrom(),
            Timestamp.from(now),
            Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  void update(String icbCode, long id, CheckedMeasure m, Instant now) {
    sql.sql(
            "update impact_measure set name = ?, definition = ?, unit = ?, improvement = ?,"
                + " target = ?, target_date = ?, baseline_start = ?, baseline_end = ?,"
                + " link_kind = ?, link_key = ?, values_from = ?, version = version + 1,"
                + " updated_at = ? where icb_code = ? and id = ?")
        .params(
            m.name(),
            m.definition(),
            m.unit(),
            m.improvement(),
            m.target(),
            date(m.targetDate()),
            date(m.baselineStart()),
            date(m.baselineEnd()),
            m.linkKind(),
            m.linkKey(),
            m.valuesFrom(),
            Timestamp.from(now),
            icbCode,
            id)
        .update();
  }

  /** Marks a measure changed (its values or rebases), so caches and versions move on. */
  void touch(long id, Instant now) {
    sql.sql("update impact_measure set version = version + 1, updated_at = ? where id = ?")
        .params(Timestamp.from(now), id)
        .update();
  }

  void delete(String icbCode, long id) {
    sql.sql("delete from impact_measure where icb_code = ? and id = ?")
        .params(icbCode, id)
        .update();
  }

  // Values

  List<MeasureValue> values(long measureId) {
    return valuesOf(List.of(measureId)).getOrDefault(measureId, List.of());
  }

  /** The values of several measures at once, oldest first, by measure id. */
  Map<Long, List<MeasureValue>> valuesOf(Collection<Long> measureIds) {
    Map<Long, List<MeasureValue>> byMeasure = new LinkedHashMap<>();
    if (measureIds.isEmpty()) {
      return byMeasure;
    }
    sql.sql(
            "select measure_id, period, figure, label from impact_measure_value where measure_id in (:ids)"
                + " order by measure_id, period")
        .param("ids", measureIds)
        .query(
            rs -> {
              byMeasure
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new MeasureValue(
                          rs.getObject(2, LocalDate.class), rs.getDouble(3), rs.getString(4)));
            });
    return byMeasure;
  }

  /** Stores values, each replacing any value the measure has for its period. */
  void putValues(long measureId, List<MeasureValue> values) {
    for (MeasureValue v : values) {
      sql.sql("delete from impact_measure_value where measure_id = ? and period = ?")
          .params(measureId, date(v.period()))
          .update();
    }
    for (MeasureValue v : values) {
      sql.sql(
              "insert into impact_measure_value (measure_id, period, figure, label)"
                  + " values (?, ?, ?, ?)")
          .params(measureId, date(v.period()), v.value(), v.label())
          .update();
    }
  }

  boolean deleteValue(long measureId, LocalDate period) {
    return sql.sql("delete from impact_measure_value where measure_id = ? and period = ?")
            .params(measureId, date(period))
            .update()
        > 0;
  }

  void deleteValues(long measureId) {
    sql.sql("delete from impact_measure_value where measure_id = ?").param(measureId).update();
  }

  // Rebases

  List<Rebase> rebases(long measureId) {
    return rebasesOf(List.of(measureId)).getOrDefault(measureId, List.of());
  }

  Map<Long, List<Rebase>> rebasesOf(Collection<Long> measureIds) {
    Map<Long, List<Rebase>> byMeasure = new LinkedHashMap<>();
    if (measureIds.isEmpty()) {
      return byMeasure;
    }
    sql.sql(
            "select measure_id, id, rebase_on, reason, created_by, created_at from impact_rebase"
                + " where measure_id in (:ids) order by measure_id, rebase_on")
        .param("ids", measureIds)
        .query(
            rs -> {
              byMeasure
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Rebase(
                          rs.getLong(2),
                          rs.getObject(3, LocalDate.class),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getObject(6, OffsetDateTime.class).toInstant()));
            });
    return byMeasure;
  }

  long addRebase(long measureId, LocalDate on, String reason, String by, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into impact_rebase (measure_id, rebase_on, reason, created_by, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(measureId, date(on), reason, by, Timestamp.from(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  boolean deleteRebase(long measureId, long rebaseId) {
    return sql.sql("delete from impact_rebase where measure_id = ? and id = ?")
            .params(measureId, rebaseId)
            .update()
        > 0;
  }

  private static Measure measure(ResultSet rs, int n) throws SQLException {
    return new Measure(
        rs.getLong("id"),
        rs.getString("icb_code"),
        rs.getString("name"),
        rs.getString("definition"),
        rs.getString("unit"),
        rs.getString("improvement"),
        (Double) rs.getObject("target", Double.class),
        rs.getObject("target_date", LocalDate.class),
        rs.getObject("baseline_start", LocalDate.class),
        rs.getObject("baseline_end", LocalDate.class),
        rs.getString("link_kind"),
        rs.getString("link_key"),
        rs.getString("values_from"),
        rs.getInt("version"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
