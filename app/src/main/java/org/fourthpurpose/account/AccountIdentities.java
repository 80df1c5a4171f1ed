package org.fourthpurpose.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code account_identity} table: which provider identity signs in as which account. */
@Component
class AccountIdentities {

  private static final RowMapper<LinkedIdentity> IDENTITY =
      (rs, n) ->
          new LinkedIdentity(
              rs.getString("issuer"),
              rs.getString("subject"),
              rs.getString("email"),
              rs.getTimestamp("linked_at").toInstant(),
              rs.getTimestamp("last_used_at").toInstant());

  private final JdbcClient jdbc;
  private final Clock clock;

  AccountIdentities(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The account an identity is linked to. */
  Optional<Long> accountOf(String issuer, String subject) {
    return jdbc.sql("select account_id from account_identity where issuer = ? and subject = ?")
        .params(issuer, subject)
        .query(Long.class)
        .optional();
  }

  /** The identity an account has at a provider, if linked. */
  Optional<LinkedIdentity> atIssuer(long accountId, String issuer) {
    return jdbc.sql("select * from account_identity where account_id = ? and issuer = ?")
        .params(accountId, issuer)
        .query(IDENTITY)
        .optional();
  }

  List<LinkedIdentity> ofAccount(long accountId) {
    return jdbc.sql(
            "select * from account_identity where account_id = ? order by linked_at, issuer")
        .params(accountId)
        .query(IDENTITY)
        .list();
  }

  /** Links an identity to an account; fails with a duplicate key if either is linked already. */
  void link(long accountId, String issuer, String subject, String email) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into account_identity (issuer, subject, account_id, email, linked_at, last_used_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(issuer, subject, accountId, storable(email), now, now)
        .update();
  }

  /** Records a sign-in with a linked identity and the address the provider gave this time. */
  void signedIn(String issuer, String subject, String email) {
    jdbc.sql(
            "update account_identity set last_used_at = ?, email = coalesce(?, email)"
                + " where issuer = ? and subject = ?")
        .params(Timestamp.from(clock.instant()), storable(email), issuer, subject)
        .update();
  }

  /** Removes a link; returns false when the account had no such identity. */
  boolean unlink(long accountId, String issuer, String subject) {
    return jdbc.sql(
                "delete from account_identity where account_id = ? and issuer = ? and subject = ?")
            .params(accountId, issuer, subject)
            .update()
        == 1;
  }

  /** The address as kept for the account page: none rather than one longer than any address. */
  private static String storable(String email) {
    return email == null || email.length() > 254 ? null : email;
  }
}
