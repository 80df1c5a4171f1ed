package org.fourthpurpose.peergroup;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fourthpurpose.backup.BackupEntry;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's saved groups of systems in a backup, with their members and whether each is
 * published. Restored groups get new ids, so a published group's page moves to a new address.
 */
@Component
class PeerGroupBackup implements WorkspaceBackupPart {

  private final JdbcClient jdbc;
  private final Geography geography;
  private final IndicatorCatalogue indicators;

  PeerGroupBackup(JdbcClient jdbc, Geography geography, IndicatorCatalogue indicators) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.indicators = indicators;
  }

  @Override
  public String name() {
    return "peer-groups";
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    long[] next = {0};
    out.section(
        "groups",
        () ->
            jdbc.sql(
                    "select id, name, kind, theme_code, description, published, created_at from"
                        + " peer_group where workspace_icb_code = ? order by id")
                .param(icbCode)
                .query(
                    rs -> {
                      List<String> members =
                          jdbc.sql(
                                  "select icb_code from peer_group_member where group_id = ?"
                                      + " order by icb_code")
                              .param(rs.getLong("id"))
                              .query(String.class)
                              .list();
                      out.entry()
                          .id("id", ++next[0])
                          .text("name", rs.getString("name"))
                          .text("kind", rs.getString("kind"))
                          .text("themeCode", rs.getString("theme_code"))
                          .text("description", rs.getString("description"))
                          .bool("published", rs.getBoolean("published"))
                          .timestamp("createdAt", rs.getObject("created_at", OffsetDateTime.class))
                          .texts("members", members)
                          .end();
                    }));
  }

  @Override
  public void clear(String icbCode) {
    jdbc.sql(
            "delete from peer_group_member where group_id in (select id from peer_group where"
                + " workspace_icb_code = ?)")
        .param(icbCode)
        .update();
    jdbc.sql("delete from peer_group where workspace_icb_code = ?").param(icbCode).update();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    Set<Long> ids = new java.util.HashSet<>();
    in.section(
        "groups",
        entry -> {
          long id = entry.id("id");
          if (!ids.add(id)) {
            throw entry.problem("id", "the id " + id + " is used by another group");
          }
          String name = entry.text("name", 200);
          if (name.isBlank()) {
            throw entry.problem("name", "a group needs a name");
          }
          PeerGroup.Kind kind = kind(entry);
          String theme = entry.optionalText("themeCode", 40);
          if (kind == PeerGroup.Kind.THEMATIC
              && (theme == null
                  || indicators.themes().stream().noneMatch(t -> t.code().equals(theme)))) {
            throw entry.problem(
                "themeCode", "a thematic group needs one of the catalogue's themes");
          }
          String description = entry.optionalText("description", 2000);
          boolean published = entry.bool("published");
          OffsetDateTime createdAt = entry.timestamp("createdAt");
          Set<String> members = new LinkedHashSet<>();
          for (String member : entry.texts("members")) {
            if (geography.icb(member).filter(i -> i.code().equals(member)).isEmpty()) {
              throw entry.problem("members", "'" + member + "' is not the ONS code of an ICB");
            }
            if (!members.add(member)) {
              throw entry.problem("members", "'" + member + "' is in the group twice");
            }
          }
          if (members.size() < 2) {
            throw entry.problem("members", "a group needs at least two ICBs");
          }
          org.springframework.jdbc.support.GeneratedKeyHolder key =
              new org.springframework.jdbc.support.GeneratedKeyHolder();
          jdbc.sql(
                  "insert into peer_group (workspace_icb_code, name, kind, theme_code,"
                      + " description, published, created_at) values (?, ?, ?, ?, ?, ?, ?)")
              .params(
                  icbCode,
                  name,
                  kind.name(),
                  new SqlParameterValue(
                      Types.VARCHAR, kind == PeerGroup.Kind.THEMATIC ? theme : null),
                  new SqlParameterValue(Types.VARCHAR, description),
                  published,
                  createdAt)
              .update(key, "id");
          long newId = key.getKey().longValue();
          List<String> sorted = new ArrayList<>(members);
          for (String member : sorted) {
            jdbc.sql("insert into peer_group_member (group_id, icb_code) values (?, ?)")
                .params(newId, member)
                .update();
          }
          if (published) {
            context.note(
                "The published group '"
                    + name
                    + "' is now at /groups/"
                    + newId
                    + " (it had a different address)");
          }
        });
  }

  private static PeerGroup.Kind kind(BackupEntry entry) {
    String kind = entry.text("kind");
    try {
      return PeerGroup.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw entry.problem("kind", "'" + kind + "' is not GEOGRAPHIC or THEMATIC");
    }
  }
}
