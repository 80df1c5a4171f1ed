package org.fourthpurpose.maturity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.backup.BackupEntry;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's maturity assessments in a backup: the areas of focus it added, its rounds (each
 * with its framework version, the areas in scope, assessors, ratings, agreed levels and milestones)
 * and its benchmark sharing choice.
 *
 * <p>Framework areas are named by framework version and area code, the workspace's own areas by
 * their backup id, and people (who opened a round, agreed a level, an assessor's account) by e-mail
 * address, since keys differ between installations. An assessor's personal link is kept as the hash
 * it is stored as, so links sent before the backup keep working after a restore; a person with no
 * account here is restored without one (and listed), their ratings kept.
 */
@Component
class MaturityBackup implements WorkspaceBackupPart {

  private final JdbcClient jdbc;
  private final AccountService accounts;

  MaturityBackup(JdbcClient jdbc, AccountService accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "maturity";
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  // ---- writing

  /** What a backup calls the database's areas, accounts and rows while one is written. */
  private final class Names {
    final Map<Long, String> emails = new HashMap<>();
    final Map<Long, Long> localAreas = new HashMap<>();
    final Map<Long, String[]> areas = new HashMap<>();
    final Map<Long, Long> rounds = new HashMap<>();
    final Map<Long, Long> assessors = new HashMap<>();

    String email(ResultSet rs, String column) throws SQLException {
      long id = rs.getLong(column);
      if (rs.wasNull()) {
        return null;
      }
      return emails.computeIfAbsent(id, k -> accounts.find(k).map(Account::email).orElse(null));
    }

    /** The area's code and, for a framework area, its framework version (null for local ones). */
    String[] area(long rowId) {
      return areas.computeIfAbsent(
          rowId,
          id ->
              jdbc.sql(
                      "select a.code, f.version from maturity_area a left join maturity_framework"
                          + " f on f.id = a.framework_id where a.id = ?")
                  .param(id)
                  .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                  .single());
    }
  }

  private static BackupWriter.Entry area(BackupWriter.Entry entry, String[] area) {
    return entry.text("area", area[0]).text("areaFramework", area[1]);
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    Names names = new Names();
    out.section(
        "localAreas",
        () ->
            jdbc.sql("select * from maturity_area where icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = names.localAreas.size() + 1L;
                      names.localAreas.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("domain", rs.getString("domain_code"))
                          .text("code", rs.getString("code"))
                          .text("title", rs.getString("title"))
                          .text("summary", rs.getString("summary"))
                          .text("examples", rs.getString("examples"))
                          .text("policyLinks", rs.getString("policy_links"))
                          .id("position", rs.getInt("position"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .text("createdBy", names.email(rs, "created_by"))
                          .end();
                    }));
    out.section(
        "localAreaLevels",
        () ->
            jdbc.sql(
                    "select d.* from maturity_level_descriptor d join maturity_area a on a.id ="
                        + " d.area_id where a.icb_code = ? order by d.area_id, d.level")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .id("area", names.localAreas.get(rs.getLong("area_id")))
                          .text("level", rs.getString("level"))
                          .text("descriptor", rs.getString("descriptor"))
                          .end();
                    }));
    out.section(
        "rounds",
        () ->
            jdbc.sql(
                    "select r.*, f.version from maturity_round r join maturity_framework f on"
                        + " f.id = r.framework_id where r.icb_code = ? order by r.id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = names.rounds.size() + 1L;
                      names.rounds.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .text("name", rs.getString("name"))
                          .text("framework", rs.getString("version"))
                          .text("status", rs.getString("status"))
                          .timestamp("openedAt", rs.getObject("opened_at", OffsetDateTime.class))
                          .text("openedBy", names.email(rs, "opened_by"))
                          .timestamp("closedAt", rs.getObject("closed_at", OffsetDateTime.class))
                          .id("revision", rs.getLong("revision"))
                          .end();
                    }));
    out.section(
        "roundAreas",
        () ->
            jdbc.sql(
                    "select ra.round_id, ra.area_id from maturity_round_area ra join"
                        + " maturity_round r on r.id = ra.round_id where r.icb_code = ?"
                        + " order by ra.round_id, ra.area_id")
                .param(icbCode)
                .query(
                    rs -> {
                      area(
                              out.entry().id("round", names.rounds.get(rs.getLong("round_id"))),
                              names.area(rs.getLong("area_id")))
                          .end();
                    }));
    out.section(
        "assessors",
        () ->
            jdbc.sql(
                    "select s.* from maturity_assessor s join maturity_round r on r.id ="
                        + " s.round_id where r.icb_code = ? order by s.id")
                .param(icbCode)
                .query(
                    rs -> {
                      long id = names.assessors.size() + 1L;
                      names.assessors.put(rs.getLong("id"), id);
                      out.entry()
                          .id("id", id)
                          .id("round", names.rounds.get(rs.getLong("round_id")))
                          .text("account", names.email(rs, "account_id"))
                          .text("displayName", rs.getString("display_name"))
                          .text("organisation", rs.getString("organisation"))
                          .text("linkTokenHash", rs.getString("link_token_hash"))
                          .timestamp("invitedAt", rs.getObject("invited_at", OffsetDateTime.class))
                          .timestamp(
                              "submittedAt", rs.getObject("submitted_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "ratings",
        () ->
            jdbc.sql(
                    "select g.* from maturity_rating g join maturity_assessor s on s.id ="
                        + " g.assessor_id join maturity_round r on r.id = s.round_id where"
                        + " r.icb_code = ? order by g.assessor_id, g.area_id")
                .param(icbCode)
                .query(
                    rs -> {
                      BackupWriter.Entry entry =
                          out.entry()
                              .id("assessor", names.assessors.get(rs.getLong("assessor_id")));
                      area(entry, names.area(rs.getLong("area_id")))
                          .text("level", rs.getString("level"))
                          .text("fulfilment", rs.getString("fulfilment"))
                          .text("confidence", rs.getString("confidence"))
                          .text("evidence", rs.getString("evidence"))
                          .text("evidenceLinks", rs.getString("evidence_links"))
                          .id("version", rs.getInt("version"))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "agreements",
        () ->
            jdbc.sql(
                    "select g.* from maturity_agreement g join maturity_round r on r.id ="
                        + " g.round_id where r.icb_code = ? order by g.round_id, g.area_id")
                .param(icbCode)
                .query(
                    rs -> {
                      BackupWriter.Entry entry =
                          out.entry().id("round", names.rounds.get(rs.getLong("round_id")));
                      area(entry, names.area(rs.getLong("area_id")))
                          .text("level", rs.getString("level"))
                          .text("fulfilment", rs.getString("fulfilment"))
                          .text("rationale", rs.getString("rationale"))
                          .id("version", rs.getInt("version"))
                          .timestamp("agreedAt", rs.getObject("agreed_at", OffsetDateTime.class))
                          .text("agreedBy", names.email(rs, "agreed_by"))
                          .end();
                    }));
    out.section(
        "milestones",
        () ->
            jdbc.sql(
                    "select m.* from maturity_milestone m join maturity_round r on r.id ="
                        + " m.round_id where r.icb_code = ? order by m.id")
                .param(icbCode)
                .query(
                    rs -> {
                      BackupWriter.Entry entry =
                          out.entry().id("round", names.rounds.get(rs.getLong("round_id")));
                      area(entry, names.area(rs.getLong("area_id")))
                          .text("targetLevel", rs.getString("target_level"))
                          .text("action", rs.getString("action"))
                          .text("owner", rs.getString("owner"))
                          .text("partners", rs.getString("partners"))
                          .date("dueDate", rs.getObject("due_date", LocalDate.class))
                          .text("status", rs.getString("status"))
                          .id("version", rs.getInt("version"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .end();
                    }));
    out.section(
        "sharing",
        () ->
            jdbc.sql("select * from maturity_sharing where icb_code = ?")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .bool("shareLevels", rs.getBoolean("share_levels"))
                          .bool("publishName", rs.getBoolean("publish_name"))
                          .timestamp("updatedAt", rs.getObject("updated_at", OffsetDateTime.class))
                          .text("updatedBy", names.email(rs, "updated_by"))
                          .end();
                    }));
  }

  // ---- clearing

  @Override
  public void clear(String icbCode) {
    String rounds = "(select id from maturity_round where icb_code = ?)";
    jdbc.sql(
            "delete from maturity_rating where assessor_id in (select id from maturity_assessor"
                + " where round_id in "
                + rounds
                + ")")
        .param(icbCode)
        .update();
    for (String table :
        new String[] {
          "maturity_assessor", "maturity_agreement", "maturity_milestone", "maturity_round_area"
        }) {
      jdbc.sql("delete from " + table + " where round_id in " + rounds).param(icbCode).update();
    }
    jdbc.sql("delete from maturity_round where icb_code = ?").param(icbCode).update();
    jdbc.sql(
            "delete from maturity_level_descriptor where area_id in (select id from maturity_area"
                + " where icb_code = ? and framework_id is null)")
        .param(icbCode)
        .update();
    jdbc.sql("delete from maturity_area where icb_code = ? and framework_id is null")
        .param(icbCode)
        .update();
    jdbc.sql("delete from maturity_sharing where icb_code = ?").param(icbCode).update();
  }

  // ---- restoring

  /** The new keys of what a backup names, while one is restored. */
  private final class Keys {
    final String icbCode;
    final RestoreContext context;
    final Map<String, Optional<Long>> accountIds = new HashMap<>();
    final Map<Long, Long> localAreas = new HashMap<>();
    final Map<String, Long> localAreaCodes = new HashMap<>();
    final Map<String, Long> frameworkAreas = new HashMap<>();
    final Map<String, Long> frameworks = new HashMap<>();
    final Map<Long, Long> rounds = new HashMap<>();
    final Map<Long, String> roundFrameworks = new HashMap<>();
    final Map<Long, Set<Long>> roundAreas = new HashMap<>();
    final Map<Long, Long> assessors = new HashMap<>();
    final Map<Long, Long> roundOfAssessor = new HashMap<>();

    Keys(String icbCode, RestoreContext context) {
      this.icbCode = icbCode;
      this.context = context;
    }

    /** The account with this e-mail address here, or null (noted) when there is none. */
    Long account(BackupEntry entry, String field, String what) {
      String email = entry.optionalText(field, 254);
      if (email == null) {
        return null;
      }
      Optional<Long> id =
          accountIds.computeIfAbsent(email, e -> accounts.findByEmail(e).map(Account::id));
      if (id.isEmpty()) {
        context.note(
            what + ": " + email + " has no account on this installation, so none is named");
      }
      return id.orElse(null);
    }

    long round(BackupEntry entry) {
      long backupId = entry.id("round");
      Long id = rounds.get(backupId);
      if (id == null) {
        throw entry.problem("round", "there is no round " + backupId + " in this backup");
      }
      return id;
    }

    /** The area an entry of round {@code roundId} names, which must be in the round's scope. */
    long area(BackupEntry entry, long roundId, boolean inScope) {
      String code = entry.text("area", 120);
      String version = entry.optionalText("areaFramework", 40);
      Long id;
      if (version == null) {
        id = localAreaCodes.get(code);
        if (id == null) {
          throw entry.problem(
              "area", "the backup has no area of this system with code '" + code + "'");
        }
      } else {
        if (!version.equals(roundFrameworks.get(roundId))) {
          throw entry.problem(
              "areaFramework", "the round was opened with another version of the framework");
        }
        id =
            frameworkAreas.computeIfAbsent(
                version + "\n" + code,
                k ->
                    jdbc.sql(
                            "select a.id from maturity_area a join maturity_framework f on f.id ="
                                + " a.framework_id where f.version = ? and a.code = ?")
                        .params(version, code)
                        .query(Long.class)
                        .optional()
                        .orElse(null));
        if (id == null) {
          throw entry.problem(
              "area", "version " + version + " of the framework has no area '" + code + "' here");
        }
      }
      if (inScope && !roundAreas.getOrDefault(roundId, Set.of()).contains(id)) {
        throw entry.problem("area", "the area '" + code + "' is not in the round's scope");
      }
      return id;
    }
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Keys keys = new Keys(icbCode, context);
    in.section("localAreas", entry -> restoreLocalArea(keys, entry));
    Set<String> levelsSeen = new HashSet<>();
    in.section(
        "localAreaLevels",
        entry -> {
          long backupArea = entry.id("area");
          Long area = keys.localAreas.get(backupArea);
          if (area == null) {
            throw entry.problem("area", "there is no area " + backupArea + " in this backup");
          }
          String level = coded(entry, "level", MaturityLevel::fromCode, true);
          if (!levelsSeen.add(area + "/" + level)) {
            throw entry.problem("level", "the area describes this level twice");
          }
          jdbc.sql(
                  "insert into maturity_level_descriptor (area_id, level, descriptor) values (?,"
                      + " ?, ?)")
              .params(area, level, entry.text("descriptor", 4000))
              .update();
        });
    in.section("rounds", entry -> restoreRound(keys, entry));
    in.section(
        "roundAreas",
        entry -> {
          long round = keys.round(entry);
          long area = keys.area(entry, round, false);
          if (!keys.roundAreas.computeIfAbsent(round, k -> new HashSet<>()).add(area)) {
            throw entry.problem("area", "the area is in the round's scope twice");
          }
          jdbc.sql("insert into maturity_round_area (round_id, area_id) values (?, ?)")
              .params(round, area)
              .update();
        });
    in.section("assessors", entry -> restoreAssessor(keys, entry));
    in.section("ratings", entry -> restoreRating(keys, entry));
    in.section("agreements", entry -> restoreAgreement(keys, entry));
    in.section("milestones", entry -> restoreMilestone(keys, entry));
    in.section(
        "sharing",
        entry -> {
          if (entry.number() > 1) {
            throw entry.problem(null, "a workspace has one sharing choice");
          }
          jdbc.sql(
                  "insert into maturity_sharing (icb_code, share_levels, publish_name,"
                      + " updated_at, updated_by) values (?, ?, ?, ?, ?)")
              .params(
                  icbCode,
                  entry.bool("shareLevels"),
                  entry.bool("publishName"),
                  entry.timestamp("updatedAt"),
                  keys.account(entry, "updatedBy", "Sharing choice"))
              .update();
        });
  }

  private void restoreLocalArea(Keys keys, BackupEntry entry) {
    long backupId = entry.id("id");
    if (keys.localAreas.containsKey(backupId)) {
      throw entry.problem("id", "the id " + backupId + " is used by another area");
    }
    String code = entry.text("code", 120);
    if (keys.localAreaCodes.containsKey(code)) {
      throw entry.problem("code", "two areas of this system have the code '" + code + "'");
    }
    long id =
        Inserts.returningId(
            jdbc,
            "insert into maturity_area (framework_id, icb_code, domain_code, code, title, summary,"
                + " examples, policy_links, position, created_at, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            null,
            keys.icbCode,
            entry.text("domain", 80),
            code,
            entry.text("title", 200),
            entry.text("summary"),
            entry.text("examples"),
            entry.text("policyLinks"),
            entry.integer("position", Integer.MIN_VALUE, Integer.MAX_VALUE),
            entry.timestamp("createdAt"),
            keys.account(entry, "createdBy", "Area '" + code + "' was added by"));
    keys.localAreas.put(backupId, id);
    keys.localAreaCodes.put(code, id);
  }

  private void restoreRound(Keys keys, BackupEntry entry) {
    long backupId = entry.id("id");
    if (keys.rounds.containsKey(backupId)) {
      throw entry.problem("id", "the id " + backupId + " is used by another round");
    }
    String name = entry.text("name", 100);
    if (name.isBlank()) {
      throw entry.problem("name", "a round needs a name");
    }
    String version = entry.text("framework", 40);
    Long framework =
        keys.frameworks.computeIfAbsent(
            version,
            v ->
                jdbc.sql("select id from maturity_framework where version = ?")
                    .param(v)
                    .query(Long.class)
                    .optional()
                    .orElse(null));
    if (framework == null) {
      throw entry.problem(
          "framework",
          "this installation does not have version " + version + " of the maturity framework");
    }
    String status = entry.text("status");
    if (!status.equals("OPEN") && !status.equals("CLOSED")) {
      throw entry.problem("status", "'" + status + "' is not OPEN or CLOSED");
    }
    long id;
    try {
      id =
          Inserts.returningId(
              jdbc,
              "insert into maturity_round (icb_code, name, framework_id, status, opened_at,"
                  + " opened_by, closed_at, revision) values (?, ?, ?, ?, ?, ?, ?, ?)",
              keys.icbCode,
              name,
              framework,
              status,
              entry.timestamp("openedAt"),
              keys.account(entry, "openedBy", "Round '" + name + "' was opened by"),
              entry.optionalTimestamp("closedAt"),
              entry.id("revision"));
    } catch (DuplicateKeyException e) {
      throw entry.problem("name", "two rounds are called '" + name + "'");
    }
    keys.rounds.put(backupId, id);
    keys.roundFrameworks.put(id, version);
  }

  private void restoreAssessor(Keys keys, BackupEntry entry) {
    long backupId = entry.id("id");
    if (keys.assessors.containsKey(backupId)) {
      throw entry.problem("id", "the id " + backupId + " is used by another assessor");
    }
    long round = keys.round(entry);
    String name = entry.text("displayName", 200);
    String email = entry.optionalText("account", 254);
    Long account = keys.account(entry, "account", "Assessor " + name);
    if (email != null && account == null) {
      keys.context.skipped(
          "Assessor "
              + name
              + " ("
              + email
              + ") has no account here: their ratings are kept, but they cannot sign in to"
              + " rate");
    }
    String hash = entry.optionalText("linkTokenHash", 64);
    long id;
    try {
      id =
          Inserts.returningId(
              jdbc,
              "insert into maturity_assessor (round_id, account_id, display_name, organisation,"
                  + " link_token_hash, invited_at, submitted_at) values (?, ?, ?, ?, ?, ?, ?)",
              round,
              account,
              name,
              entry.text("organisation", 200),
              hash,
              entry.timestamp("invitedAt"),
              entry.optionalTimestamp("submittedAt"));
    } catch (DuplicateKeyException e) {
      throw entry.problem(
          hash != null ? "linkTokenHash" : "account",
          "another assessor (of this round, or of another workspace here) has the same account"
              + " or personal link");
    }
    keys.assessors.put(backupId, id);
    keys.roundOfAssessor.put(id, round);
  }

  private void restoreRating(Keys keys, BackupEntry entry) {
    long backupAssessor = entry.id("assessor");
    Long assessor = keys.assessors.get(backupAssessor);
    if (assessor == null) {
      throw entry.problem("assessor", "there is no assessor " + backupAssessor + " in this backup");
    }
    long area = keys.area(entry, keys.roundOfAssessor.get(assessor), true);
    try {
      jdbc.sql(
              "insert into maturity_rating (assessor_id, area_id, level, fulfilment, confidence,"
                  + " evidence, evidence_links, version, updated_at) values (?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?)")
          .params(
              assessor,
              area,
              coded(entry, "level", MaturityLevel::fromCode, true),
              coded(entry, "fulfilment", Fulfilment::fromCode, false),
              coded(entry, "confidence", Confidence::fromCode, false),
              entry.text("evidence"),
              entry.text("evidenceLinks"),
              entry.integer("version", 1, Integer.MAX_VALUE),
              entry.timestamp("updatedAt"))
          .update();
    } catch (DuplicateKeyException e) {
      throw entry.problem("area", "the assessor rated this area twice");
    }
  }

  private void restoreAgreement(Keys keys, BackupEntry entry) {
    long round = keys.round(entry);
    long area = keys.area(entry, round, true);
    try {
      jdbc.sql(
              "insert into maturity_agreement (round_id, area_id, level, fulfilment, rationale,"
                  + " version, agreed_at, agreed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              round,
              area,
              coded(entry, "level", MaturityLevel::fromCode, true),
              coded(entry, "fulfilment", Fulfilment::fromCode, false),
              entry.text("rationale"),
              entry.integer("version", 1, Integer.MAX_VALUE),
              entry.timestamp("agreedAt"),
              keys.account(entry, "agreedBy", "An agreed level was recorded by"))
          .update();
    } catch (DuplicateKeyException e) {
      throw entry.problem("area", "the round has two agreed levels for this area");
    }
  }

  private void restoreMilestone(Keys keys, BackupEntry entry) {
    long round = keys.round(entry);
    long area = keys.area(entry, round, true);
    Inserts.returningId(
        jdbc,
        "insert into maturity_milestone (round_id, area_id, target_level, action, owner,"
            + " partners, due_date, status, version, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        round,
        area,
        coded(entry, "targetLevel", MaturityLevel::fromCode, true),
        entry.text("action"),
        entry.text("owner", 200),
        entry.text("partners"),
        entry.date("dueDate"),
        coded(entry, "status", MilestoneStatus::fromCode, true),
        entry.integer("version", 1, Integer.MAX_VALUE),
        entry.timestamp("createdAt"),
        entry.timestamp("updatedAt"));
  }

  /** A coded value as stored (e.g. a level's code), checked against the codes the feature knows. */
  private static String coded(
      BackupEntry entry,
      String field,
      Function<String, Optional<? extends Coded>> parse,
      boolean required) {
    String code = required ? entry.text(field) : entry.optionalText(field);
    if (code == null) {
      return null;
    }
    Optional<? extends Coded> value = parse.apply(code);
    if (value.isEmpty() || !value.get().code().equals(code)) {
      throw entry.problem(field, "'" + code + "' is not one of the codes this field takes");
    }
    return code;
  }
}
