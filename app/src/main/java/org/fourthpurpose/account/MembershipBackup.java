package org.fourthpurpose.account;

import java.util.Locale;
import org.fourthpurpose.backup.BackupReader;
import org.fourthpurpose.backup.BackupWriter;
import org.fourthpurpose.backup.RestoreContext;
import org.fourthpurpose.backup.WorkspaceBackupPart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's members in a backup: each account by its e-mail address (account ids differ
 * between installations) with its role. On restore, a member whose account does not exist on this
 * installation is left out and listed, not refused; accounts themselves (passwords, tokens) are the
 * installation's, never in a workspace's backup. A workspace always keeps an ICS administrator: if
 * the backup leaves it none, the ICS administrator who restores it keeps the role (and is told).
 */
@Component
class MembershipBackup implements WorkspaceBackupPart {

  private final JdbcClient jdbc;
  private final WorkspaceAccess access;

  MembershipBackup(JdbcClient jdbc, WorkspaceAccess access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  @Override
  public String name() {
    return "memberships";
  }

  @Override
  public int formatVersion() {
    return 1;
  }

  @Override
  public void write(String icbCode, BackupWriter out) {
    out.section(
        "members",
        () ->
            jdbc.sql(
                    "select a.email, m.role from workspace_member m join account a on a.id ="
                        + " m.account_id where m.icb_code = ? order by a.email")
                .param(icbCode)
                .query(
                    rs -> {
                      out.entry()
                          .text("email", rs.getString("email"))
                          .text("role", rs.getString("role"))
                          .end();
                    }));
  }

  @Override
  public void clear(String icbCode) {
    jdbc.sql("delete from workspace_member where icb_code = ?").param(icbCode).update();
  }

  @Override
  public void restore(String icbCode, BackupReader in, int formatVersion, RestoreContext context) {
    in.section(
        "members",
        entry -> {
          String email = entry.text("email", 254).strip().toLowerCase(Locale.ROOT);
          String roleName = entry.text("role");
          WorkspaceRole role;
          try {
            role = WorkspaceRole.valueOf(roleName);
          } catch (IllegalArgumentException e) {
            throw entry.problem("role", "'" + roleName + "' is not ICS_ADMIN, EDITOR or VIEWER");
          }
          Long accountId =
              jdbc.sql("select id from account where email = ?")
                  .param(email)
                  .query(Long.class)
                  .optional()
                  .orElse(null);
          if (accountId == null) {
            context.skipped(
                "The member "
                    + email
                    + " ("
                    + role.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ") has no account on this installation");
            return;
          }
          int existing =
              jdbc.sql(
                      "select count(*) from workspace_member where account_id = ? and icb_code = ?")
                  .params(accountId, icbCode)
                  .query(Integer.class)
                  .single();
          if (existing > 0) {
            throw entry.problem("email", email + " is a member twice");
          }
          jdbc.sql("insert into workspace_member (account_id, icb_code, role) values (?, ?, ?)")
              .params(accountId, icbCode, role.name())
              .update();
        });
    keepAnAdministrator(icbCode, context);
  }

  private void keepAnAdministrator(String icbCode, RestoreContext context) {
    int administrators =
        jdbc.sql("select count(*) from workspace_member where icb_code = ? and role = ?")
            .params(icbCode, WorkspaceRole.ICS_ADMIN.name())
            .query(Integer.class)
            .single();
    if (administrators > 0) {
      return;
    }
    Account restoring = access.currentAccount().orElse(null);
    if (restoring == null || restoring.platformAdmin()) {
      context.note(
          "The workspace has no ICS administrator now: a platform administrator can give someone"
              + " the role");
      return;
    }
    jdbc.sql("delete from workspace_member where account_id = ? and icb_code = ?")
        .params(restoring.id(), icbCode)
        .update();
    jdbc.sql("insert into workspace_member (account_id, icb_code, role) values (?, ?, ?)")
        .params(restoring.id(), icbCode, WorkspaceRole.ICS_ADMIN.name())
        .update();
    context.note(
        "The backup leaves the workspace no ICS administrator here, so you ("
            + restoring.email()
            + ") kept the role");
  }
}
