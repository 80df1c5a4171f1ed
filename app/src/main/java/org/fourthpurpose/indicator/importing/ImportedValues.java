package org.fourthpurpose.indicator.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicator values a workspace imported that are in force: for each indicator, area and period,
 * the value of the latest accepted import that had it (an import deletes the values it replaces, so
 * these are simply the values stored).
 *
 * <pre>{@code
 * importedValues.indicators("E54000051");                     // what was imported, in sum
 * importedValues.values("E54000051", "employment-rate", 1000); // the first 1,000 values
 * }</pre>
 */
@Service
public class ImportedValues {

  /**
   * The workspace's values. A value's id is its import's id times 2^32 plus its position ({@link
   * IndicatorImports#firstValueId}), so joining on that range reads only the workspace's imports.
   */
  private static final String OF_WORKSPACE =
      " from indicator_import i join imported_value v on v.id >= i.id * 4294967296"
          + " and v.id < (i.id + 1) * 4294967296"
          + " where i.workspace_icb_code = ? and i.status = 'ACCEPTED'";

  private final JdbcClient sql;
  private final IndicatorCatalogue catalogue;
  private final Geography geography;

  ImportedValues(JdbcClient sql, IndicatorCatalogue catalogue, Geography geography) {
    this.sql = sql;
    this.catalogue = catalogue;
    this.geography = geography;
  }

  /** The indicators the workspace has values of, in catalogue order. */
  public List<ImportedIndicator> indicators(String workspaceIcbCode) {
    Map<String, Sum> sums = new HashMap<>();
    sql.sql(
            "select v.indicator_id, v.period, min(v.period_start) as period_start, count(*) as n,"
                + " max(v.import_id) as last_import"
                + OF_WORKSPACE
                + " group by v.indicator_id, v.period")
        .param(workspaceIcbCode)
        .query(
            (ResultSet rs) -> {
              sums.computeIfAbsent(rs.getString("indicator_id"), k -> new Sum())
                  .add(
                      rs.getString("period"),
                      rs.getDate("period_start").toLocalDate(),
                      rs.getLong("n"),
                      rs.getLong("last_import"));
            });
    if (sums.isEmpty()) {
      return List.of();
    }
    Map<Long, LastImport> imports = new HashMap<>();
    sql.sql(
            "select id, file_name, finished_at from indicator_import where workspace_icb_code = ?"
                + " and status = 'ACCEPTED'")
        .param(workspaceIcbCode)
        .query(
            (ResultSet rs) -> {
              Timestamp finished = rs.getTimestamp("finished_at");
              imports.put(
                  rs.getLong("id"),
                  new LastImport(
                      rs.getString("file_name"), finished == null ? null : finished.toInstant()));
            });
    Map<String, Indicator> known = catalogue.indicatorsFor(workspaceIcbCode);
    Map<String, Integer> position = new HashMap<>();
    known.keySet().forEach(id -> position.put(id, position.size()));
    List<ImportedIndicator> result = new ArrayList<>();
    sums.entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<String, Sum> e) ->
                        position.getOrDefault(e.getKey(), Integer.MAX_VALUE))
                .thenComparing(Map.Entry::getKey))
        .forEach(
            e -> {
              Sum sum = e.getValue();
              Indicator indicator = known.get(e.getKey());
              LastImport last = imports.get(sum.lastImport);
              result.add(
                  new ImportedIndicator(
                      e.getKey(),
                      indicator == null ? e.getKey() : indicator.title(),
                      sum.values,
                      sum.periods,
                      sum.firstPeriod,
                      sum.lastPeriod,
                      sum.lastImport,
                      last == null ? null : last.fileName(),
                      last == null ? null : last.finishedAt()));
            });
    return result;
  }

  /** One indicator of the workspace in sum, if it has any values. */
  public Optional<ImportedIndicator> indicator(String workspaceIcbCode, String indicatorId) {
    return indicators(workspaceIcbCode).stream()
        .filter(i -> i.indicatorId().equals(indicatorId))
        .findFirst();
  }

  /** Every value of an indicator in the workspace, by area code and then period. */
  public List<ImportedValue> values(String workspaceIcbCode, String indicatorId) {
    return values(workspaceIcbCode, indicatorId, Integer.MAX_VALUE);
  }

  /** The first {@code limit} values of an indicator in the workspace, by area code then period. */
  public List<ImportedValue> values(String workspaceIcbCode, String indicatorId, int limit) {
    ImportAreas areas = new ImportAreas(geography);
    return sql.sql(
            "select v.area_code, v.period, v.observation, v.numerator, v.denominator, v.lower_ci,"
                + " v.upper_ci, v.import_id"
                + OF_WORKSPACE
                + " and v.indicator_id = ? order by v.area_code, v.period_start, v.period"
                + (limit == Integer.MAX_VALUE
                    ? ""
                    : " fetch first " + Math.max(1, limit) + " rows only"))
        .params(workspaceIcbCode, indicatorId)
        .query(
            (rs, n) -> {
              String code = rs.getString("area_code");
              ImportAreas.Area area = areas.find(code);
              return new ImportedValue(
                  code,
                  area == null ? null : area.name(),
                  rs.getString("period"),
                  rs.getDouble("observation"),
                  nullable(rs, "numerator"),
                  nullable(rs, "denominator"),
                  nullable(rs, "lower_ci"),
                  nullable(rs, "upper_ci"),
                  rs.getLong("import_id"));
            })
        .list();
  }

  /**
   * Every value of an indicator in the workspace with its area's level, for the profile: codes no
   * longer in the reference geography are left out.
   */
  public List<AreaValue> areaValues(String workspaceIcbCode, String indicatorId) {
    ImportAreas areas = new ImportAreas(geography);
    List<AreaValue> result = new ArrayList<>();
    sql.sql(
            "select v.area_code, v.period, v.period_start, v.observation, v.numerator,"
                + " v.denominator, v.lower_ci, v.upper_ci"
                + OF_WORKSPACE
                + " and v.indicator_id = ? order by v.period_start, v.area_code")
        .params(workspaceIcbCode, indicatorId)
        .query(
            (ResultSet rs) -> {
              ImportAreas.Area area = areas.find(rs.getString("area_code"));
              if (area != null) {
                result.add(
                    new AreaValue(
                        area.level(),
                        area.code(),
                        new Period(
                            rs.getString("period"), rs.getDate("period_start").toLocalDate()),
                        rs.getDouble("observation"),
                        nullable(rs, "lower_ci"),
                        nullable(rs, "upper_ci"),
                        nullable(rs, "numerator"),
                        nullable(rs, "denominator"),
                        1,
                        null));
              }
            });
    return result;
  }

  /** How many values of each indicator the workspace has, by indicator id. */
  public Map<String, Long> counts(String workspaceIcbCode) {
    Map<String, Long> counts = new HashMap<>();
    sql.sql("select v.indicator_id, count(*) as n" + OF_WORKSPACE + " group by v.indicator_id")
        .param(workspaceIcbCode)
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("indicator_id"), rs.getLong("n"));
            });
    return counts;
  }

  /** The levels of geography the workspace has values of an indicator for. */
  public Set<AreaLevel> levels(String workspaceIcbCode, String indicatorId) {
    ImportAreas areas = new ImportAreas(geography);
    Set<AreaLevel> levels = EnumSet.noneOf(AreaLevel.class);
    sql.sql("select distinct v.area_code" + OF_WORKSPACE + " and v.indicator_id = ?")
        .params(workspaceIcbCode, indicatorId)
        .query(String.class)
        .list()
        .forEach(
            code -> {
              ImportAreas.Area area = areas.find(code);
              if (area != null) {
                levels.add(area.level());
              }
            });
    return levels;
  }

  /**
   * Deletes every value of an indicator in the workspace and returns how many, in the caller's
   * transaction. It waits for an import into the workspace that is storing values to finish, as
   * imports take turns on the workspace's row.
   */
  public long delete(String workspaceIcbCode, String indicatorId) {
    sql.sql(
            "insert into imported_workspace (workspace_icb_code) select ? where not exists"
                + " (select 1 from imported_workspace where workspace_icb_code = ?)")
        .params(workspaceIcbCode, workspaceIcbCode)
        .update();
    sql.sql(
            "select workspace_icb_code from imported_workspace where workspace_icb_code = ?"
                + " for update")
        .param(workspaceIcbCode)
        .query(String.class)
        .list();
    return sql.sql("delete from imported_value where workspace_icb_code = ? and indicator_id = ?")
        .params(workspaceIcbCode, indicatorId)
        .update();
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private record LastImport(String fileName, Instant finishedAt) {}

  /** Adds up one indicator's values period by period. */
  private static final class Sum {
    long values;
    long periods;
    String firstPeriod;
    LocalDate firstStart;
    String lastPeriod;
    LocalDate lastStart;
    long lastImport;

    void add(String period, LocalDate start, long count, long importId) {
      values += count;
      periods++;
      if (firstStart == null || start.isBefore(firstStart)) {
        firstStart = start;
        firstPeriod = period;
      }
      if (lastStart == null || start.isAfter(lastStart)) {
        lastStart = start;
        lastPeriod = period;
      }
      lastImport = Math.max(lastImport, importId);
    }
  }
}
