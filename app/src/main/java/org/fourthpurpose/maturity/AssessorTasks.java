package org.fourthpurpose.maturity;

import java.util.List;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountTasks;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts the open rounds a person was invited to rate on their account page, so an assessor who is
 * not a member of the workspace still finds their ratings after signing in.
 */
@Component
class AssessorTasks implements AccountTasks {

  private final JdbcClient jdbc;
  private final Geography geography;

  AssessorTasks(JdbcClient jdbc, Geography geography) {
    this.jdbc = jdbc;
    this.geography = geography;
  }

  @Override
  public List<AccountTask> tasksFor(Account account) {
    return jdbc.sql(
            "select r.id, r.icb_code, r.name, s.submitted_at from maturity_assessor s"
                + " join maturity_round r on r.id = s.round_id"
                + " where s.account_id = ? and r.status = 'OPEN'"
                + " order by case when s.submitted_at is null then 0 else 1 end, r.opened_at desc,"
                + " r.id desc")
        .params(account.id())
        .query(
            (rs, n) ->
                new AccountTask(
                    "Rate maturity round " + rs.getString("name"),
                    "You are an assessor in "
                        + geography
                            .icb(rs.getString("icb_code"))
                            .map(IntegratedCareBoard::shortName)
                            .orElse(rs.getString("icb_code"))
                        + "'s maturity assessment.",
                    "/workspaces/"
                        + rs.getString("icb_code")
                        + "/maturity/rounds/"
                        + rs.getLong("id")
                        + "/my-ratings",
                    rs.getTimestamp("submitted_at") == null ? "To do" : "Submitted"))
        .list();
  }
}
