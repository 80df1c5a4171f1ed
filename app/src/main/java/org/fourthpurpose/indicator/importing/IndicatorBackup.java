package org.fourthpurpose.indicator.importing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.fourthpurpose.backup.BackupEntry;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IntervalMethod;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueType;
import org.fourthpurpose.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * A workspace's local data in a backup: its local indicators (with who defined and last changed
 * each, and whether it is published), its finished imports (accepted, rejected or failed, with who
 * started them, when, and the problems of rejected files) and every value its accepted imports
 * stored. Values are streamed in key order and restored in batches, so a workspace with millions of
 * values is backed up and restored in bounded memory.
 *
 * <p>A value's key is its import's key times 2^32 plus its position in the import ({@link
 * IndicatorImports#firstValueId}); the backup keeps the position, so the restored values keep their
 * order under their imports' new keys. Restoring is refused while an import into the workspace is
 * still running.
 */
@Component
class IndicatorBackup implements WorkspaceBackupPart {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,78}[a-z0-9]");
  private static final Set<String> STATUSES = Set.of("ACCEPTED", "REJECTED", "FAILED");
  private static final String INSERT_VALUE =
      "insert into imported_value (id, workspace_icb_code, indicator_id, area_code, period,"
          + " period_start, observation, numerator, denominator, lower_ci, upper_ci, import_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final IndicatorCatalogue catalogue;
  private final Geography geography;

  IndicatorBackup(DataSource dataSource, IndicatorCatalogue catalogue, Geography geography) {
    // A fetch size, so PostgreSQL streams a million values instead of reading them all at once.
    JdbcTemplate streaming = new JdbcTemplate(dataSource);
    streaming.setFetchSize(1_000);
    this.jdbc = JdbcClient.create(streaming);
    this.batches = new JdbcTemplate(dataSource);
    this.catalogue = catalogue;
    this.geography = geography;
  }

  @Override
  public String name() {
    return "indicators";
  }

  @Override
  public int formatVersion() {
    // 2: local indicators carry who defined and changed them, when, and whether published.
    return 2;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    out.section(
        "localIndicators",
        () ->
            jdbc.sql("select * from indicator where workspace_icb_code = ? order by position, id")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .text("id", rs.getString("id"))
                          .text("themeCode", rs.getString("theme_code"))
                          .text("title", rs.getString("title"))
                          .text("definition", rs.getString("definition"))
                          .text("source", rs.getString("source"))
                          .text("sourceUrl", rs.getString("source_url"))
                          .text("licence", rs.getString("licence"))
                          .text("attribution", rs.getString("attribution"))
                          .text("unit", rs.getString("unit"))
                          .text("valueType", rs.getString("value_type"))
                          .text("polarity", rs.getString("polarity"))
                          .text("ciMethod", rs.getString("ci_method"))
                          .text("geographyLevels", rs.getString("geography_levels"))
                          .text("timePeriods", rs.getString("time_periods"))
                          .text("methodNote", rs.getString("method_note"))
                          .integer("fingertipsId", (Long) longOrNull(rs, "fingertips_id"))
                          .text("origin", rs.getString("origin"))
                          .id("position", rs.getLong("position"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .text("createdBy", rs.getString("created_by"))
                          .text("updatedBy", rs.getString("updated_by"))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .bool("published", rs.getBoolean("published"))
                          .end();
                    }));
    Map<Long, Long> importIds = new HashMap<>();
    out.section(
        "imports",
        () ->
            jdbc.sql(
                    "select * from indicator_import where workspace_icb_code = ? and finished_at"
                        + " is not null order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = importIds.size() + 1L;
                      importIds.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("fileName", rs.getString("file_name"))
                          .text("format", rs.getString("format"))
                          .text("checksum", rs.getString("checksum"))
                          .text("status", rs.getString("status"))
                          .id("rowsRead", rs.getLong("rows_read"))
                          .id("rowsStored", rs.getLong("rows_stored"))
                          .id("errorCount", rs.getLong("error_count"))
                          .text("message", rs.getString("message"))
                          .text("startedBy", rs.getString("started_by"))
                          .timestamp("startedAt", rs.getObject("started_at", OffsetDateTime.class))
                          .timestamp(
                              "finishedAt", rs.getObject("finished_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "importProblems",
        () ->
            jdbc.sql(
                    "select e.* from indicator_import_error e join indicator_import i on i.id ="
                        + " e.import_id where i.workspace_icb_code = ? and i.finished_at is not"
                        + " null order by e.import_id, e.position")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("import", importIds.get(rs.getLong("import_id")))
                          .id("position", rs.getInt("position"))
                          .id("line", rs.getLong("line"))
                          .text("column", rs.getString("column_name"))
                          .text("message", rs.getString("message"))
                          .end();
                    }));
    out.section(
        "values",
        () ->
            jdbc.sql(
                    "select id, indicator_id, area_code, period, period_start, observation,"
                        + " numerator, denominator, lower_ci, upper_ci, import_id from"
                        + " imported_value where workspace_icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long importId = rs.getLong("import_id");
                      Long backupImport = importIds.get(importId);
                      if (backupImport == null) {
                        throw new IllegalStateException(
                            "value " + rs.getLong("id") + " belongs to no finished import");
                      }
                      out.entry()
                          .id("import", backupImport)
                          .id(
                              "position",
                              rs.getLong("id") - IndicatorImports.firstValueId(importId))
                          .text("indicatorId", rs.getString("indicator_id"))
                          .text("areaCode", rs.getString("area_code"))
                          .text("period", rs.getString("period"))
                          .date("periodStart", rs.getObject("period_start", LocalDate.class))
                          .decimal("value", doubleOrNull(rs, "observation"))
                          .decimal("numerator", doubleOrNull(rs, "numerator"))
                          .decimal("denominator", doubleOrNull(rs, "denominator"))
                          .decimal("lowerCi", doubleOrNull(rs, "lower_ci"))
                          .decimal("upperCi", doubleOrNull(rs, "upper_ci"))
                          .end();
                    }));
  }

  @Override
  public void clear(String icbCode) {
    // Imports into the workspace take turns through this row; holding it, none can store values.
    claim(icbCode);
    jdbc.sql(
            "select workspace_icb_code from imported_workspace where workspace_icb_code = ?"
                + " for update")
        .param(icbCode)
        .query(String.class)
        .list();
    long running =
        jdbc.sql(
                "select count(*) from indicator_import where workspace_icb_code = ? and"
                    + " finished_at is null")
            .param(icbCode)
            .query(Long.class)
            .single();
    if (running > 0) {
      throw new ConflictException(
          "import-running",
          "Import in progress",
          null,
          null,
          "An import into this workspace is still running: restore the backup once it has"
              + " finished");
    }
    jdbc.sql("delete from imported_value where workspace_icb_code = ?").param(icbCode).update();
    jdbc.sql(
            "delete from indicator_import_error where import_id in (select id from"
                + " indicator_import where workspace_icb_code = ?)")
        .param(icbCode)
        .update();
    jdbc.sql("delete from indicator_import where workspace_icb_code = ?").param(icbCode).update();
    jdbc.sql("delete from indicator where workspace_icb_code = ?").param(icbCode).update();
  }

  private void claim(String icbCode) {
    jdbc.sql(
            "insert into imported_workspace (workspace_icb_code) select ? where not exists"
                + " (select 1 from imported_workspace where workspace_icb_code = ?)")
        .params(icbCode, icbCode)
        .update();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Set<String> themes = new HashSet<>();
    catalogue.themes().forEach(t -> themes.add(t.code()));
    in.section("localIndicators", entry -> restoreIndicator(icbCode, entry, themes, formatVersion));
    Set<String> indicatorIds = catalogue.indicatorsFor(icbCode).keySet();
    Map<Long, Long> importIds = new HashMap<>();
    Set<Long> accepted = new HashSet<>();
    in.section("imports", entry -> restoreImport(icbCode, entry, importIds, accepted));
    Set<String> problemKeys = new HashSet<>();
    in.section(
        "importProblems",
        entry -> {
          long newImport = reference(entry, importIds);
          int position = entry.integer("position", 0, Integer.MAX_VALUE);
          if (!problemKeys.add(newImport + "/" + position)) {
            throw entry.problem("position", "the import has two problems at this position");
          }
          jdbc.sql(
                  "insert into indicator_import_error (import_id, position, line, column_name,"
                      + " message) values (?, ?, ?, ?, ?)")
              .params(
                  newImport,
                  position,
                  entry.id("line"),
                  new SqlParameterValue(Types.VARCHAR, entry.optionalText("column", 100)),
                  entry.text("message"))
              .update();
        });
    ImportAreas areas = new ImportAreas(geography);
    List<Object[]> batch = new ArrayList<>(IndicatorImports.BATCH);
    BackupEntry[] last = {null};
    in.section(
        "values",
        entry -> {
          long newImport = reference(entry, importIds);
          if (!accepted.contains(newImport)) {
            throw entry.problem("import", "values belong only to accepted imports");
          }
          long position = entry.id("position");
          if (position < 0 || position >= (1L << 32)) {
            throw entry.problem("position", "must be between 0 and 4294967295");
          }
          long id = IndicatorImports.firstValueId(newImport) + position;
          last[0] = entry;
          String indicator = entry.text("indicatorId");
          if (!indicatorIds.contains(indicator)) {
            throw entry.problem(
                "indicatorId", "'" + indicator + "' is not an indicator of this workspace");
          }
          String area = entry.text("areaCode");
          if (areas.find(area) == null || !areas.find(area).code().equals(area)) {
            throw entry.problem("areaCode", areas.unknown(area));
          }
          String period = entry.text("period", 20);
          if (period.isBlank()) {
            throw entry.problem("period", "a period is needed");
          }
          Double value = entry.decimal("value");
          batch.add(
              new Object[] {
                id,
                icbCode,
                indicator,
                area,
                period,
                Date.valueOf(entry.date("periodStart")),
                value,
                entry.decimal("numerator"),
                entry.decimal("denominator"),
                entry.decimal("lowerCi"),
                entry.decimal("upperCi"),
                newImport
              });
          if (batch.size() == IndicatorImports.BATCH) {
            insertValues(batch, entry);
          }
        });
    insertValues(batch, last[0]);
  }

  private void restoreIndicator(
      String icbCode, BackupEntry entry, Set<String> themes, int formatVersion) {
    String id = entry.text("id");
    if (!ID.matcher(id).matches()) {
      throw entry.problem(
          "id", "'" + id + "' is not 3 to 80 lower-case letters, digits and hyphens");
    }
    String owner =
        jdbc.sql(
                "select coalesce(workspace_icb_code, 'the national catalogue') from indicator where id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null);
    if (owner != null) {
      throw entry.problem(
          "id", "an indicator with the id '" + id + "' already exists here (in " + owner + ")");
    }
    String theme = entry.text("themeCode");
    if (!themes.contains(theme)) {
      throw entry.problem("themeCode", "'" + theme + "' is not one of the catalogue's themes");
    }
    String valueType = named(entry, "valueType", ValueType.class);
    String polarity = named(entry, "polarity", Polarity.class);
    String ciMethod = named(entry, "ciMethod", IntervalMethod.class);
    jdbc.sql(
            "insert into indicator (id, theme_code, title, definition, source, source_url,"
                + " licence, attribution, unit, value_type, polarity, ci_method,"
                + " geography_levels, time_periods, method_note, fingertips_id, origin,"
                + " workspace_icb_code, position, created_at, created_by, updated_by, updated_at,"
                + " published) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?)")
        .params(
            id,
            theme,
            entry.text("title", 300),
            entry.text("definition"),
            entry.text("source"),
            new SqlParameterValue(Types.VARCHAR, entry.optionalText("sourceUrl", 500)),
            entry.text("licence", 200),
            entry.text("attribution"),
            entry.text("unit", 100),
            valueType,
            polarity,
            ciMethod,
            entry.text("geographyLevels", 100),
            entry.text("timePeriods", 300),
            new SqlParameterValue(Types.VARCHAR, entry.optionalText("methodNote")),
            new SqlParameterValue(Types.INTEGER, fingertipsId(entry)),
            entry.text("origin", 20),
            icbCode,
            entry.integer("position", Integer.MIN_VALUE, Integer.MAX_VALUE),
            entry.timestamp("createdAt"),
            new SqlParameterValue(
                Types.VARCHAR, formatVersion >= 2 ? entry.optionalText("createdBy", 254) : null),
            new SqlParameterValue(
                Types.VARCHAR, formatVersion >= 2 ? entry.optionalText("updatedBy", 254) : null),
            new SqlParameterValue(
                Types.TIMESTAMP_WITH_TIMEZONE,
                formatVersion >= 2 ? entry.optionalTimestamp("updatedAt") : null),
            formatVersion >= 2 && entry.bool("published"))
        .update();
  }

  private static Integer fingertipsId(BackupEntry entry) {
    Long id = entry.optionalInteger("fingertipsId");
    if (id != null && (id < 0 || id > Integer.MAX_VALUE)) {
      throw entry.problem("fingertipsId", "is not a Fingertips indicator id");
    }
    return id == null ? null : id.intValue();
  }

  private void restoreImport(
      String icbCode, BackupEntry entry, Map<Long, Long> importIds, Set<Long> accepted) {
    long backupId = entry.id("id");
    if (importIds.containsKey(backupId)) {
      throw entry.problem("id", "the id " + backupId + " is used by another import");
    }
    String status = entry.text("status");
    if (!STATUSES.contains(status)) {
      throw entry.problem("status", "'" + status + "' is not ACCEPTED, REJECTED or FAILED");
    }
    String format = named(entry, "format", ImportFormat.class);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into indicator_import (workspace_icb_code, file_name, format, checksum,"
                + " status, rows_read, rows_stored, error_count, message, started_by,"
                + " started_at, finished_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            icbCode,
            entry.text("fileName", 300),
            format,
            entry.text("checksum", 64),
            status,
            entry.id("rowsRead"),
            entry.id("rowsStored"),
            entry.id("errorCount"),
            new SqlParameterValue(Types.VARCHAR, entry.optionalText("message")),
            new SqlParameterValue(Types.VARCHAR, entry.optionalText("startedBy", 254)),
            entry.timestamp("startedAt"),
            entry.timestamp("finishedAt"))
        .update(key, "id");
    long id = key.getKey().longValue();
    importIds.put(backupId, id);
    if (status.equals("ACCEPTED")) {
      accepted.add(id);
    }
  }

  private static long reference(BackupEntry entry, Map<Long, Long> importIds) {
    long backupId = entry.id("import");
    Long id = importIds.get(backupId);
    if (id == null) {
      throw entry.problem("import", "there is no import " + backupId + " in this backup");
    }
    return id;
  }

  private static <E extends Enum<E>> String named(BackupEntry entry, String field, Class<E> type) {
    String name = entry.text(field);
    try {
      return Enum.valueOf(type, name).name();
    } catch (IllegalArgumentException e) {
      throw entry.problem(field, "'" + name + "' is not a known value");
    }
  }

  /** Stores a batch of values; {@code last} is the batch's last entry, to name in a problem. */
  private void insertValues(List<Object[]> rows, BackupEntry last) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      insertBatch(rows);
    } catch (DuplicateKeyException e) {
      throw last.problem(
          "position",
          "two values of one import have the same position (in the "
              + rows.size()
              + " values up to this one)");
    }
    rows.clear();
  }

  private void insertBatch(List<Object[]> rows) {
    batches.batchUpdate(
        INSERT_VALUE,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            Object[] r = rows.get(i);
            ps.setLong(1, (Long) r[0]);
            ps.setString(2, (String) r[1]);
            ps.setString(3, (String) r[2]);
            ps.setString(4, (String) r[3]);
            ps.setString(5, (String) r[4]);
            ps.setDate(6, (Date) r[5]);
            for (int c = 6; c <= 10; c++) {
              if (r[c] == null) {
                ps.setNull(c + 1, Types.DOUBLE);
              } else {
                ps.setDouble(c + 1, (Double) r[c]);
              }
            }
            ps.setLong(12, (Long) r[11]);
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  private static Object longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
