package org.fourthpurpose.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the catalogue and shipped values in the indicator feature's own tables. */
@Repository
public class IndicatorRepository {

  private static final String COLUMNS =
      "id, theme_code, title, definition, source, source_url, licence, attribution, unit,"
          + " value_type, polarity, ci_method, geography_levels, time_periods, method_note,"
          + " fingertips_id, origin, workspace_icb_code";

  private final JdbcTemplate jdbc;

  IndicatorRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static void insert(
      JdbcTemplate jdbc, Indicator i, String origin, int position, Timestamp createdAt) {
    jdbc.update(
        "insert into indicator ("
            + COLUMNS
            + ", position, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)",
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
        createdAt);
  }

  void insert(Indicator indicator, Timestamp createdAt) {
    Integer last = jdbc.queryForObject("select max(position) from indicator", Integer.class);
    insert(jdbc, indicator, "ADDED", last == null ? 0 : last + 1, createdAt);
  }

  boolean exists(String id) {
    Integer count =
        jdbc.queryForObject("select count(*) from indicator where id = ?", Integer.class, id);
    return count != null && count > 0;
  }

  public List<Theme> themes() {
    return jdbc.query(
        "select code, title, description, guiding_questions, position from indicator_theme"
            + " order by position",
        (rs, n) ->
            new Theme(
                rs.getString("code"),
                rs.getString("title"),
                rs.getString("description"),
                List.of(rs.getString("guiding_questions").split("\n")),
                rs.getInt("position")));
  }

  /** Public indicators, plus those of one workspace when {@code workspaceIcbCode} is not null. */
  public List<Indicator> indicators(String workspaceIcbCode) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from indicator where workspace_icb_code is null or workspace_icb_code = ?"
            + " order by position",
        (rs, n) -> map(rs),
        workspaceIcbCode);
  }

  Optional<Indicator> indicator(String id) {
    return jdbc
        .query("select " + COLUMNS + " from indicator where id = ?", (rs, n) -> map(rs), id)
        .stream()
        .findFirst();
  }

  public List<String> loadNotes(String indicatorId) {
    return jdbc.queryForList(
        "select note from indicator_load_note where indicator_id = ? order by note",
        String.class,
        indicatorId);
  }

  public List<AreaValue> values(String indicatorId, AreaLevel level) {
    return jdbc.query(
        "select area_type, area_code, period, period_start, observation, lower_ci, upper_ci, numerator,"
            + " denominator, coverage, note from indicator_value where indicator_id = ? and"
            + " area_type = ? order by period_start, area_code",
        (rs, n) -> value(rs),
        indicatorId,
        level.name());
  }

  public List<AreaValue> values(String indicatorId, AreaLevel level, String areaCode) {
    return jdbc.query(
        "select area_type, area_code, period, period_start, observation, lower_ci, upper_ci, numerator,"
            + " denominator, coverage, note from indicator_value where indicator_id = ? and"
            + " area_type = ? and area_code = ? order by period_start",
        (rs, n) -> value(rs),
        indicatorId,
        level.name(),
        areaCode);
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

  private static Indicator map(ResultSet rs) throws SQLException {
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
