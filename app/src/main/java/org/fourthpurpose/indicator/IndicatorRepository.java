package org.fourthpurpose.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the catalogue and shipped values in the indicator feature's own tables. */
@Repository
public class IndicatorRepository {

  private static final String COLUMNS =
      "id, theme_code, title, definition, source, source_url, licence, attribution, unit,"
          + " value_type, polarity, ci_method, geography_levels, time_periods, method_note,"
          + " fingertips_id, origin, workspace_icb_code";

  private final JdbcClient jdbc;

  IndicatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static void insert(
      JdbcClient jdbc, Indicator i, String origin, int position, Timestamp createdAt) {
    jdbc.sql(
            "insert into indicator ("
                + COLUMNS
                + ", position, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?)")
        .params(
            i.id(),
            i.themeCode(),
            i.title(),
            i.definition(),
            i.source(),
            i.sourceUrl(),
            i.licence(),
            i.attribution(),
            i.unit(),
            i.valueType().name(),
            i.polarity().name(),
            i.intervalMethod().name(),
            String.join(",", i.geographyLevels().stream().map(Enum::name).toList()),
            i.timePeriods(),
            i.methodNote(),
            i.fingertipsId(),
            origin,
            i.workspaceIcbCode(),
            position,
            createdAt)
        .update();
  }

  void insert(Indicator indicator, Timestamp createdAt) {
    // max() of no rows is one null row, which optional() reads as empty.
    Integer last =
        jdbc.sql("select max(position) from indicator")
            .query(Integer.class)
            .optional()
            .orElse(null);
    insert(jdbc, indicator, "ADDED", last == null ? 0 : last + 1, createdAt);
  }

  boolean exists(String id) {
    Integer count =
        jdbc.sql("select count(*) from indicator where id = ?")
            .params(id)
            .query(Integer.class)
            .single();
    return count != null && count > 0;
  }

  public List<Theme> themes() {
    return jdbc.sql(
            "select code, title, description, guiding_questions, position from indicator_theme"
                + " order by position")
        .query(
            (rs, n) ->
                new Theme(
                    rs.getString("code"),
                    rs.getString("title"),
                    rs.getString("description"),
                    List.of(rs.getString("guiding_questions").split("\n")),
                    rs.getInt("position")))
        .list();
  }

  /** Public indicators, plus those of one workspace when {@code workspaceIcbCode} is not null. */
  public List<Indicator> indicators(String workspaceIcbCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from indicator where workspace_icb_code is null or workspace_icb_code = ?"
                + " order by position")
        .params(workspaceIcbCode)
        .query((rs, n) -> map(rs))
        .list();
  }

  Optional<Indicator> indicator(String id) {
    return jdbc
        .sql("select " + COLUMNS + " from indicator where id = ?")
        .params(id)
        .query((rs, n) -> map(rs))
        .list()
        .stream()
        .findFirst();
  }

  public List<String> loadNotes(String indicatorId) {
    return jdbc.sql("select note from indicator_load_note where indicator_id = ? order by note")
        .params(indicatorId)
        .query(String.class)
        .list();
  }

  public List<AreaValue> values(String indicatorId, AreaLevel level) {
    return jdbc.sql(
            "select area_type, area_code, period, period_start, observation, lower_ci, upper_ci, numerator,"
                + " denominator, coverage, note from indicator_value where indicator_id = ? and"
                + " area_type = ? order by period_start, area_code")
        .params(indicatorId, level.name())
        .query((rs, n) -> value(rs))
        .list();
  }

  public List<AreaValue> values(String indicatorId, AreaLevel level, String areaCode) {
    return jdbc.sql(
            "select area_type, area_code, period, period_start, observation, lower_ci, upper_ci, numerator,"
                + " denominator, coverage, note from indicator_value where indicator_id = ? and"
                + " area_type = ? and area_code = ? order by period_start")
        .params(indicatorId, level.name(), areaCode)
        .query((rs, n) -> value(rs))
        .list();
  }

  private static AreaValue value(ResultSet rs) throws SQLException {
    return new AreaValue(
        AreaLevel.valueOf(rs.getString("area_type")),
        rs.getString("area_code"),
        new Period(rs.getString("period"), rs.getDate("period_start").toLocalDate()),
        rs.getObject("observation", Double.class),
        rs.getObject("lower_ci", Double.class),
        rs.getObject("upper_ci", Double.class),
        rs.getObject("numerator", Double.class),
        rs.getObject("denominator", Double.class),
        rs.getObject("coverage", Double.class) == null ? 1 : rs.getDouble("coverage"),
        rs.getString("note"));
  }

  /**
   * An indicator from a row of the {@code indicator} table (every column but the local ones): the
   * one mapping the catalogue and local indicators share.
   */
  public static Indicator map(ResultSet rs) throws SQLException {
    return new Indicator(
        rs.getString("id"),
        rs.getString("theme_code"),
        rs.getString("title"),
        rs.getString("definition"),
        rs.getString("source"),
        rs.getString("source_url"),
        rs.getString("licence"),
        rs.getString("attribution"),
        rs.getString("unit"),
        ValueType.valueOf(rs.getString("value_type")),
        Polarity.valueOf(rs.getString("polarity")),
        IntervalMethod.valueOf(rs.getString("ci_method")),
        Arrays.stream(rs.getString("geography_levels").split(","))
            .filter(s -> !s.isBlank())
            .map(AreaLevel::valueOf)
            .toList(),
        rs.getString("time_periods"),
        rs.getString("method_note"),
        rs.getObject("fingertips_id", Integer.class),
        "SHIPPED".equals(rs.getString("origin")),
        rs.getString("workspace_icb_code"));
  }
}
