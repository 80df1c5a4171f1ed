package org.fourthpurpose.anchor.register;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.anchor.Pillar;
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
 * The anchor register in a workspace backup: whether it was seeded, its organisations with their
 * places, strategies, commitments with their themes, indicators and every status they took, and
 * progression levels. Money and shares are written as text, so they read back to the penny.
 * Identifiers, types, pillars, statuses and levels are checked on restore as the forms check them.
 *
 * <p>Format 2 adds the spend analyses ({@code anchor.spend}: the aggregates kept of each file,
 * never its rows) and the workspace's publication choices ({@code anchor.sharing}); a format 1
 * backup restores with neither, as it was made.
 */
@Component
class AnchorBackup implements WorkspaceBackupPart {

  private final JdbcClient jdbc;

  AnchorBackup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "anchors";
  }

  @Override
  public int formatVersion() {
    return 2;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    Map<Long, Long> organisations = new HashMap<>();
    Map<Long, Long> strategies = new HashMap<>();
    Map<Long, Long> commitments = new HashMap<>();
    out.section(
        "seeding",
        () ->
            jdbc.sql("select version, seeded_at from anchor_register_seeding where icb_code = ?")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .text("version", rs.getString("version"))
                          .timestamp("seededAt", rs.getObject("seeded_at", OffsetDateTime.class))
                          .end();
                    }));
    Map<Long, List<String>> places = new HashMap<>();
    jdbc.sql(
            "select p.organisation_id, p.lad_code from anchor_organisation_place p join"
                + " anchor_organisation o on o.id = p.organisation_id where o.icb_code = ?"
                + " order by p.lad_code")
        .param(icbCode)
        .query(
            rs -> {
              places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    out.section(
        "organisations",
        () ->
            jdbc.sql("select * from anchor_organisation where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = organisations.size() + 1L;
                      organisations.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("name", rs.getString("name"))
                          .text("type", rs.getString("type"))
                          .text("ods", rs.getString("ods_code"))
                          .text("gss", rs.getString("gss_code"))
                          .text("ukprn", rs.getString("ukprn"))
                          .text("charity", rs.getString("charity_number"))
                          .text("company", rs.getString("company_number"))
                          .integer("staff", (Long) optionalLong(rs.getObject("staff")))
                          .text(
                              "annualNonPaySpend", plain(rs.getBigDecimal("annual_non_pay_spend")))
                          .text("contactOwner", rs.getString("contact_owner"))
                          .text("activityShare", plain(rs.getBigDecimal("activity_share")))
                          .decimal("latitude", optionalDouble(rs.getObject("latitude")))
                          .decimal("longitude", optionalDouble(rs.getObject("longitude")))
                          .bool("seeded", rs.getBoolean("seeded"))
                          .texts("places", places.getOrDefault(rs.getLong("id"), List.of()))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "strategies",
        () ->
            jdbc.sql(
                    "select s.* from anchor_strategy s join anchor_organisation o on o.id ="
                        + " s.organisation_id where o.icb_code = ? order by s.id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = strategies.size() + 1L;
                      strategies.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .id("organisation", organisations.get(rs.getLong("organisation_id")))
                          .text("title", rs.getString("title"))
                          .text("url", rs.getString("url"))
                          .date("publishedOn", rs.getObject("published_on", LocalDate.class))
                          .text("status", rs.getString("status"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    Map<Long, List<String>> themes = codes(icbCode, "anchor_commitment_theme", "theme_code");
    Map<Long, List<String>> indicators =
        codes(icbCode, "anchor_commitment_indicator", "indicator_code");
    out.section(
        "commitments",
        () ->
            jdbc.sql(
                    "select c.* from anchor_commitment c join anchor_organisation o on o.id ="
                        + " c.organisation_id where o.icb_code = ? order by c.id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = commitments.size() + 1L;
                      commitments.put(rs.getLong("id"), id);
                      long strategy = rs.getLong("strategy_id");
                      Long strategyId = rs.wasNull() ? null : strategies.get(strategy);
                      out.entry()
                          .id("id", id)
                          .id("organisation", organisations.get(rs.getLong("organisation_id")))
                          .integer("strategy", strategyId)
                          .text("pillar", rs.getString("pillar"))
                          .text("promise", rs.getString("promise"))
                          .texts("themes", themes.getOrDefault(rs.getLong("id"), List.of()))
                          .texts("indicators", indicators.getOrDefault(rs.getLong("id"), List.of()))
                          .text("baseline", rs.getString("baseline"))
                          .text("target", rs.getString("target"))
                          .date("targetDate", rs.getObject("target_date", LocalDate.class))
                          .text("measure", rs.getString("measure"))
                          .text("metricCode", rs.getString("metric_code"))
                          .text("owner", rs.getString("owner"))
                          .text("evidence", rs.getString("evidence"))
                          .text("status", rs.getString("status"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "status-changes",
        () ->
            jdbc.sql(
                    "select s.commitment_id, s.status, s.changed_at from"
                        + " anchor_commitment_status_change s join anchor_commitment c on c.id ="
                        + " s.commitment_id join anchor_organisation o on o.id = c.organisation_id"
                        + " where o.icb_code = ? order by s.id")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("commitment", commitments.get(rs.getLong("commitment_id")))
                          .text("status", rs.getString("status"))
                          .timestamp("changedAt", rs.getObject("changed_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "progression",
        () ->
            jdbc.sql(
                    "select p.* from anchor_progression p join anchor_organisation o on o.id ="
                        + " p.organisation_id where o.icb_code = ? order by p.organisation_id,"
                        + " p.pillar")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("organisation", organisations.get(rs.getLong("organisation_id")))
                          .text("pillar", rs.getString("pillar"))
                          .integer("level", (long) rs.getInt("level"))
                          .text("note", rs.getString("note"))
                          .date("assessedOn", rs.getObject("assessed_on", LocalDate.class))
                          .end();
                    }));
    writeSpend(icbCode, out, organisations);
    out.section(
        "publication",
        () ->
            jdbc.sql("select * from anchor_publication where icb_code = ?")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .bool("register", rs.getBoolean("publishes_register"))
                          .bool("commitments", rs.getBoolean("publishes_commitments"))
                          .bool("system", rs.getBoolean("publishes_system"))
                          .text("updatedBy", rs.getString("updated_by"))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
  }

  private void writeSpend(String icbCode, BackupWriter out, Map<Long, Long> organisations) {
    Map<Long, Long> analyses = new HashMap<>();
    out.section(
        "spend-analyses",
        () ->
            jdbc.sql("select * from anchor_spend_analysis where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      Long organisation = organisations.get(rs.getLong("organisation_id"));
                      if (organisation == null) {
                        return; // its organisation left the register; nothing can show it
                      }
                      long id = analyses.size() + 1L;
                      analyses.put(rs.getLong("id"), id);
                      BackupWriter.Entry entry =
                          out.entry()
                              .id("id", id)
                              .id("organisation", organisation)
                              .text("organisationName", rs.getString("organisation_name"))
                              .integer("year", (long) rs.getInt("spend_year"))
                              .text("fileName", rs.getString("file_name"))
                              .integer("rowsRead", rs.getLong("rows_read"))
                              .integer("suppliers", (long) rs.getInt("suppliers"));
                      for (String[] column : SPEND_AMOUNTS) {
                        entry.text(column[1], plain(rs.getBigDecimal(column[0])));
                      }
                      entry
                          .integer("nearPlacedRows", rs.getLong("near_placed_rows"))
                          .integer("unplacedRows", rs.getLong("unplaced_rows"))
                          .bool("published", rs.getBoolean("published"))
                          .text("createdBy", rs.getString("created_by"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "spend-districts",
        () ->
            spendRows(
                icbCode,
                "anchor_spend_district",
                "lad_code",
                rs -> {
                  Long analysis = analyses.get(rs.getLong("analysis_id"));
                  if (analysis != null) {
                    out.entry()
                        .id("analysis", analysis)
                        .text("district", rs.getString("lad_code"))
                        .bool("inFootprint", rs.getBoolean("in_footprint"))
                        .text("amount", plain(rs.getBigDecimal("amount")))
                        .end();
                  }
                }));
    out.section(
        "spend-deciles",
        () ->
            spendRows(
                icbCode,
                "anchor_spend_decile",
                "decile",
                rs -> {
                  Long analysis = analyses.get(rs.getLong("analysis_id"));
                  if (analysis != null) {
                    out.entry()
                        .id("analysis", analysis)
                        .integer("decile", (long) rs.getInt("decile"))
                        .text("amount", plain(rs.getBigDecimal("amount")))
                        .end();
                  }
                }));
    out.section(
        "spend-suppliers",
        () ->
            spendRows(
                icbCode,
                "anchor_spend_supplier",
                "position",
                rs -> {
                  Long analysis = analyses.get(rs.getLong("analysis_id"));
                  if (analysis != null) {
                    out.entry()
                        .id("analysis", analysis)
                        .integer("position", (long) rs.getInt("position"))
                        .text("supplier", rs.getString("supplier"))
                        .text("amount", plain(rs.getBigDecimal("amount")))
                        .integer("rows", rs.getLong("row_count"))
                        .end();
                  }
                }));
    out.section(
        "spend-unplaced",
        () ->
            spendRows(
                icbCode,
                "anchor_spend_unplaced",
                "line",
                rs -> {
                  Long analysis = analyses.get(rs.getLong("analysis_id"));
                  if (analysis != null) {
                    out.entry()
                        .id("analysis", analysis)
                        .integer("line", rs.getLong("line"))
                        .text("supplier", rs.getString("supplier"))
                        .text("amount", plain(rs.getBigDecimal("amount")))
                        .text("reason", rs.getString("reason"))
                        .end();
                  }
                }));
  }

  /**
   * The money columns of {@code anchor_spend_analysis} and their backup fields; null only after
   * SME.
   */
  private static final String[][] SPEND_AMOUNTS = {
    {"total_amount", "total"},
    {"footprint_amount", "inFootprint"},
    {"most_deprived20_amount", "mostDeprived20"},
    {"lsoa_amount", "placedAtLsoa"},
    {"district_only_amount", "placedAtDistrictOnly"},
    {"unlocated_amount", "unlocated"},
    {"sme_amount", "sme"},
    {"sme_flagged_amount", "smeFlagged"},
    {"vcse_amount", "vcse"},
    {"vcse_flagged_amount", "vcseFlagged"}
  };

  private static final int REQUIRED_AMOUNTS = 6;

  private void spendRows(
      String icbCode,
      String table,
      String order,
      org.springframework.jdbc.core.RowCallbackHandler handler) {
    jdbc.sql(
            "select t.* from "
                + table
                + " t join anchor_spend_analysis a on a.id = t.analysis_id where a.icb_code = ?"
                + " order by t.analysis_id, t."
                + order)
        .param(icbCode)
        .query(handler);
  }

  @Override
  public void clear(String icbCode) {
    jdbc.sql("delete from anchor_organisation where icb_code = ?").param(icbCode).update();
    jdbc.sql("delete from anchor_register_seeding where icb_code = ?").param(icbCode).update();
    jdbc.sql("delete from anchor_spend_analysis where icb_code = ?").param(icbCode).update();
    jdbc.sql("delete from anchor_publication where icb_code = ?").param(icbCode).update();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Map<Long, Long> organisations = new HashMap<>();
    Map<Long, Long> strategies = new HashMap<>();
    Map<Long, Long> commitments = new HashMap<>();
    in.section(
        "seeding",
        entry -> {
          String version = entry.text("version", 40);
          OffsetDateTime at = entry.timestamp("seededAt");
          jdbc.sql(
                  "insert into anchor_register_seeding (icb_code, version, seeded_at) values (?,"
                      + " ?, ?)")
              .params(icbCode, version, Timestamp.from(at.toInstant()))
              .update();
        });
    in.section(
        "organisations",
        entry -> {
          long backupId = entry.id("id");
          String name = entry.text("name", CheckedOrganisation.NAME_LIMIT);
          String typeCode = entry.text("type");
          OrganisationType type =
              OrganisationType.find(typeCode)
                  .orElseThrow(
                      () ->
                          entry.problem(
                              "type", "'" + typeCode + "' is not a type of organisation"));
          Map<String, String> ids = new HashMap<>();
          for (Identifiers kind : Identifiers.values()) {
            String value = entry.optionalText(kind.key(), 20);
            if (value != null) {
              if (!kind.valid(value)) {
                throw entry.problem(kind.key(), "'" + value + "' is not valid: " + kind.rule());
              }
              ids.put(kind.key(), value);
            }
          }
          Long staff = entry.optionalInteger("staff");
          BigDecimal spend = decimal(entry, "annualNonPaySpend");
          String contact = entry.optionalText("contactOwner", CheckedOrganisation.CONTACT_LIMIT);
          BigDecimal share = decimal(entry, "activityShare");
          Double latitude = entry.decimal("latitude");
          Double longitude = entry.decimal("longitude");
          boolean seeded = entry.bool("seeded");
          List<String> places = entry.texts("places");
          OffsetDateTime created = entry.timestamp("createdAt");
          OffsetDateTime updated = entry.timestamp("updatedAt");
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          try {
            jdbc.sql(
                    "insert into anchor_organisation (icb_code, name, type, ods_code, gss_code,"
                        + " ukprn, charity_number, company_number, staff, annual_non_pay_spend,"
                        + " contact_owner, activity_share, latitude, longitude, seeded,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)")
                .params(
                    icbCode,
                    name,
                    type.code(),
                    ids.get("ods"),
                    ids.get("gss"),
                    ids.get("ukprn"),
                    ids.get("charity"),
                    ids.get("company"),
                    staff == null ? null : staff.intValue(),
                    spend,
                    contact,
                    share,
                    latitude,
                    longitude,
                    seeded,
                    Timestamp.from(created.toInstant()),
                    Timestamp.from(updated.toInstant()))
                .update(key, "id");
          } catch (DuplicateKeyException e) {
            throw entry.problem(null, "an identifier of " + name + " is used twice");
          }
          long id = key.getKey().longValue();
          organisations.put(backupId, id);
          for (String lad : new java.util.LinkedHashSet<>(places)) {
            if (lad == null || !lad.matches("E0[6-9][0-9]{6}")) {
              throw entry.problem("places", "'" + lad + "' is not a district code");
            }
            jdbc.sql(
                    "insert into anchor_organisation_place (organisation_id, lad_code) values (?,"
                        + " ?)")
                .params(id, lad)
                .update();
          }
        });
    in.section(
        "strategies",
        entry -> {
          long backupId = entry.id("id");
          Long organisation = organisations.get(entry.id("organisation"));
          if (organisation == null) {
            throw entry.problem("organisation", "no organisation has this id in the backup");
          }
          String title = entry.text("title", 300);
          String url = entry.optionalText("url", 2000);
          LocalDate published = optionalDate(entry, "publishedOn");
          String status = entry.text("status", 30);
          OffsetDateTime created = entry.timestamp("createdAt");
          OffsetDateTime updated = entry.timestamp("updatedAt");
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "insert into anchor_strategy (organisation_id, title, url, published_on, status,"
                      + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  organisation,
                  title,
                  url,
                  published == null ? null : java.sql.Date.valueOf(published),
                  status,
                  Timestamp.from(created.toInstant()),
                  Timestamp.from(updated.toInstant()))
              .update(key, "id");
          strategies.put(backupId, key.getKey().longValue());
        });
    in.section(
        "commitments",
        entry -> {
          long backupId = entry.id("id");
          Long organisation = organisations.get(entry.id("organisation"));
          if (organisation == null) {
            throw entry.problem("organisation", "no organisation has this id in the backup");
          }
          Long strategyBackupId = entry.optionalInteger("strategy");
          Long strategy = strategyBackupId == null ? null : strategies.get(strategyBackupId);
          if (strategyBackupId != null && strategy == null) {
            throw entry.problem("strategy", "no strategy has this id in the backup");
          }
          String pillar = code(entry, "pillar", Pillar.find(entry.text("pillar")).isPresent());
          String promise = entry.text("promise", 4000);
          List<String> themes = entry.texts("themes");
          List<String> indicators = entry.texts("indicators");
          String baseline = entry.optionalText("baseline", 500);
          String target = entry.optionalText("target", 500);
          LocalDate targetDate = optionalDate(entry, "targetDate");
          String measure = entry.optionalText("measure", 500);
          String metric = entry.optionalText("metricCode", 60);
          String owner = entry.optionalText("owner", 200);
          String evidence = entry.optionalText("evidence", 2000);
          String status =
              code(entry, "status", CommitmentStatus.find(entry.text("status")).isPresent());
          OffsetDateTime created = entry.timestamp("createdAt");
          OffsetDateTime updated = entry.timestamp("updatedAt");
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "insert into anchor_commitment (organisation_id, strategy_id, pillar, promise,"
                      + " baseline, target, target_date, measure, metric_code, owner, evidence,"
                      + " status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?)")
              .params(
                  organisation,
                  strategy,
                  pillar,
                  promise,
                  baseline,
                  target,
                  targetDate == null ? null : java.sql.Date.valueOf(targetDate),
                  measure,
                  metric,
                  owner,
                  evidence,
                  status,
                  Timestamp.from(created.toInstant()),
                  Timestamp.from(updated.toInstant()))
              .update(key, "id");
          long id = key.getKey().longValue();
          commitments.put(backupId, id);
          for (String theme : new java.util.LinkedHashSet<>(themes)) {
            jdbc.sql(
                    "insert into anchor_commitment_theme (commitment_id, theme_code) values (?, ?)")
                .params(id, theme)
                .update();
          }
          for (String indicator : new java.util.LinkedHashSet<>(indicators)) {
            jdbc.sql(
                    "insert into anchor_commitment_indicator (commitment_id, indicator_code)"
                        + " values (?, ?)")
                .params(id, indicator)
                .update();
          }
        });
    in.section(
        "status-changes",
        entry -> {
          Long commitment = commitments.get(entry.id("commitment"));
          if (commitment == null) {
            throw entry.problem("commitment", "no commitment has this id in the backup");
          }
          String status =
              code(entry, "status", CommitmentStatus.find(entry.text("status")).isPresent());
          OffsetDateTime at = entry.timestamp("changedAt");
          jdbc.sql(
                  "insert into anchor_commitment_status_change (commitment_id, status, changed_at)"
                      + " values (?, ?, ?)")
              .params(commitment, status, Timestamp.from(at.toInstant()))
              .update();
        });
    in.section(
        "progression",
        entry -> {
          Long organisation = organisations.get(entry.id("organisation"));
          if (organisation == null) {
            throw entry.problem("organisation", "no organisation has this id in the backup");
          }
          String pillar = code(entry, "pillar", Pillar.find(entry.text("pillar")).isPresent());
          int level = entry.integer("level", 1, 4);
          String note = entry.optionalText("note", 2000);
          LocalDate assessed = entry.date("assessedOn");
          try {
            jdbc.sql(
                    "insert into anchor_progression (organisation_id, pillar, level, note,"
                        + " assessed_on) values (?, ?, ?, ?, ?)")
                .params(organisation, pillar, level, note, java.sql.Date.valueOf(assessed))
                .update();
          } catch (DuplicateKeyException e) {
            throw entry.problem("pillar", "the organisation has this pillar twice");
          }
        });
    if (formatVersion >= 2) {
      restoreSpend(icbCode, in, organisations);
      in.section(
          "publication",
          entry -> {
            boolean publishesRegister = entry.bool("register");
            boolean publishesCommitments = entry.bool("commitments");
            boolean publishesSystem = entry.bool("system");
            String by = entry.optionalText("updatedBy", 254);
            OffsetDateTime at = entry.timestamp("updatedAt");
            try {
              jdbc.sql(
                      "insert into anchor_publication (icb_code, publishes_register,"
                          + " publishes_commitments, publishes_system, updated_by, updated_at)"
                          + " values (?, ?, ?, ?, ?, ?)")
                  .params(
                      icbCode,
                      publishesRegister,
                      publishesCommitments,
                      publishesSystem,
                      by,
                      Timestamp.from(at.toInstant()))
                  .update();
            } catch (DuplicateKeyException e) {
              throw entry.problem(null, "the workspace's publication is given twice");
            }
          });
    }
  }

  private void restoreSpend(String icbCode, BackupReader in, Map<Long, Long> organisations) {
    Map<Long, Long> analyses = new HashMap<>();
    in.section(
        "spend-analyses",
        entry -> {
          long backupId = entry.id("id");
          Long organisation = organisations.get(entry.id("organisation"));
          if (organisation == null) {
            throw entry.problem("organisation", "no organisation has this id in the backup");
          }
          String name = entry.text("organisationName", CheckedOrganisation.NAME_LIMIT);
          int year = entry.integer("year", 2000, 2100);
          String file = entry.text("fileName", 255);
          long rowsRead = count(entry, "rowsRead");
          int suppliers = (int) Math.min(count(entry, "suppliers"), Integer.MAX_VALUE);
          Object[] amounts = new Object[SPEND_AMOUNTS.length];
          for (int i = 0; i < SPEND_AMOUNTS.length; i++) {
            String field = SPEND_AMOUNTS[i][1];
            BigDecimal amount = money(entry, field);
            if (amount == null && i < REQUIRED_AMOUNTS) {
              throw entry.problem(field, "an amount in pounds is needed");
            }
            amounts[i] = amount;
          }
          long nearPlaced = count(entry, "nearPlacedRows");
          long unplaced = count(entry, "unplacedRows");
          boolean published = entry.bool("published");
          String by = entry.text("createdBy", 320);
          OffsetDateTime at = entry.timestamp("createdAt");
          GeneratedKeyHolder key = new GeneratedKeyHolder();
          try {
            jdbc.sql(
                    "insert into anchor_spend_analysis (icb_code, organisation_id,"
                        + " organisation_name, spend_year, file_name, rows_read, suppliers,"
                        + " total_amount, footprint_amount, most_deprived20_amount, lsoa_amount,"
                        + " district_only_amount, unlocated_amount, sme_amount,"
                        + " sme_flagged_amount, vcse_amount, vcse_flagged_amount,"
                        + " near_placed_rows, unplaced_rows, published, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?)")
                .params(
                    icbCode,
                    organisation,
                    name,
                    year,
                    file,
                    rowsRead,
                    suppliers,
                    amounts[0],
                    amounts[1],
                    amounts[2],
                    amounts[3],
                    amounts[4],
                    amounts[5],
                    amounts[6],
                    amounts[7],
                    amounts[8],
                    amounts[9],
                    nearPlaced,
                    unplaced,
                    published,
                    by,
                    Timestamp.from(at.toInstant()))
                .update(key, "id");
          } catch (DuplicateKeyException e) {
            throw entry.problem("year", "the organisation has two analyses of " + year);
          }
          analyses.put(backupId, key.getKey().longValue());
        });
    in.section(
        "spend-districts",
        entry -> {
          long analysis = analysis(entry, analyses);
          String lad = entry.text("district");
          if (!lad.matches("E0[6-9][0-9]{6}")) {
            throw entry.problem("district", "'" + lad + "' is not a district code");
          }
          boolean inFootprint = entry.bool("inFootprint");
          BigDecimal amount = requiredMoney(entry, "amount");
          insertOnce(
              entry,
              "district",
              "insert into anchor_spend_district (analysis_id, lad_code, in_footprint, amount)"
                  + " values (?, ?, ?, ?)",
              analysis,
              lad,
              inFootprint,
              amount);
        });
    in.section(
        "spend-deciles",
        entry -> {
          long analysis = analysis(entry, analyses);
          int decile = entry.integer("decile", 1, 10);
          BigDecimal amount = requiredMoney(entry, "amount");
          insertOnce(
              entry,
              "decile",
              "insert into anchor_spend_decile (analysis_id, decile, amount) values (?, ?, ?)",
              analysis,
              decile,
              amount);
        });
    in.section(
        "spend-suppliers",
        entry -> {
          long analysis = analysis(entry, analyses);
          int position = entry.integer("position", 1, Integer.MAX_VALUE);
          String supplier = entry.text("supplier", 200);
          BigDecimal amount = requiredMoney(entry, "amount");
          long rows = count(entry, "rows");
          insertOnce(
              entry,
              "position",
              "insert into anchor_spend_supplier (analysis_id, position, supplier, amount,"
                  + " row_count) values (?, ?, ?, ?, ?)",
              analysis,
              position,
              supplier,
              amount,
              rows);
        });
    in.section(
        "spend-unplaced",
        entry -> {
          long analysis = analysis(entry, analyses);
          long line = count(entry, "line");
          String supplier = entry.text("supplier", 200);
          BigDecimal amount = requiredMoney(entry, "amount");
          String reason = entry.text("reason", 500);
          insertOnce(
              entry,
              "line",
              "insert into anchor_spend_unplaced (analysis_id, line, supplier, amount, reason)"
                  + " values (?, ?, ?, ?, ?)",
              analysis,
              line,
              supplier,
              amount,
              reason);
        });
  }

  private void insertOnce(BackupEntry entry, String field, String sql, Object... params) {
    try {
      jdbc.sql(sql).params(params).update();
    } catch (DuplicateKeyException e) {
      throw entry.problem(field, "the analysis has this " + field + " twice");
    }
  }

  private static long analysis(BackupEntry entry, Map<Long, Long> analyses) {
    Long analysis = analyses.get(entry.id("analysis"));
    if (analysis == null) {
      throw entry.problem("analysis", "no spend analysis has this id in the backup");
    }
    return analysis;
  }

  private static long count(BackupEntry entry, String field) {
    Long value = entry.optionalInteger(field);
    if (value == null || value < 0) {
      throw entry.problem(field, "a count of zero or more is needed");
    }
    return value;
  }

  private static BigDecimal requiredMoney(BackupEntry entry, String field) {
    BigDecimal amount = money(entry, field);
    if (amount == null) {
      throw entry.problem(field, "an amount in pounds is needed");
    }
    return amount;
  }

  /** Pounds to the penny, as {@code numeric(20,2)} keeps them; negative amounts are credits. */
  private static BigDecimal money(BackupEntry entry, String field) {
    String text = entry.optionalText(field, 30);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      if (value.scale() > 2 || value.precision() - value.scale() > 18) {
        throw entry.problem(field, "'" + text + "' is not an amount in pounds and pence");
      }
      return value;
    } catch (NumberFormatException e) {
      throw entry.problem(field, "'" + text + "' is not a number");
    }
  }

  private static String code(BackupEntry entry, String field, boolean known) {
    String code = entry.text(field);
    if (!known) {
      throw entry.problem(field, "'" + code + "' is not a known " + field);
    }
    return code.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private Map<Long, List<String>> codes(String icbCode, String table, String column) {
    Map<Long, List<String>> codes = new HashMap<>();
    jdbc.sql(
            "select t.commitment_id, t."
                + column
                + " from "
                + table
                + " t join anchor_commitment c on c.id = t.commitment_id join anchor_organisation"
                + " o on o.id = c.organisation_id where o.icb_code = ? order by t."
                + column)
        .param(icbCode)
        .query(
            rs -> {
              codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return codes;
  }

  private static BigDecimal decimal(BackupEntry entry, String field) {
    String text = entry.optionalText(field, 30);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw entry.problem(field, "'" + text + "' is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw entry.problem(field, "'" + text + "' is not a number");
    }
  }

  private static LocalDate optionalDate(BackupEntry entry, String field) {
    String text = entry.optionalText(field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw entry.problem(field, "'" + text + "' is not a date such as 2026-04-01");
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Long optionalLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static Double optionalDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
