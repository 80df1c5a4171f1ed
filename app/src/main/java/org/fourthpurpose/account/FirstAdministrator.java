package org.fourthpurpose.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * There is no default password. At first start the platform administrator is created from {@code
 * FP_ADMIN_EMAIL} and {@code FP_ADMIN_PASSWORD} when both are set; otherwise a one-time set-up link
 * is printed to the log.
 */
@Component
public class FirstAdministrator {

  static final String PURPOSE = "first-admin";
  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final AccountService accounts;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final String adminEmail;
  private final String adminPassword;
  private final String port;

  FirstAdministrator(
      AccountService accounts,
      JdbcClient jdbc,
      Clock clock,
      AuditLog audit,
      @Value("${fp.admin.email:}") String adminEmail,
      @Value("${fp.admin.password:}") String adminPassword,
      @Value("${local.server.port:${server.port:8080}}") String port) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
    this.adminEmail = adminEmail;
    this.adminPassword = adminPassword;
    this.port = port;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureAdministrator() {
    if (accounts.anyPlatformAdmin()) {
      return;
    }
    if (!adminEmail.isBlank() && !adminPassword.isBlank()) {
      Account admin = accounts.createAccount(adminEmail, "Administrator", adminPassword, true);
      audit.record(
          null,
          "administrator.set-up",
          AccountAuditActor.name(admin),
          null,
          "first platform administrator, from FP_ADMIN_EMAIL");
      log.info("Created the platform administrator {} from FP_ADMIN_EMAIL", adminEmail);
      return;
    }
    String token = issueSetupLink();
    log.warn(
        "\n\n  No administrator yet. Open this one-time link to create one:\n"
            + "  http://localhost:{}/setup?token={}\n",
        port,
        token);
  }

  /** Replaces any unused set-up link with a new one and returns its token. */
  @Transactional
  public String issueSetupLink() {
    jdbc.sql("delete from one_time_link where purpose = ? and used_at is null")
        .params(PURPOSE)
        .update();
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql("insert into one_time_link (token_hash, purpose, created_at) values (?, ?, ?)")
        .params(AccountService.sha256(token), PURPOSE, Timestamp.from(Instant.now(clock)))
        .update();
    audit.record(
        null, "setup-link.issued", "one-time link to create the first administrator", null, null);
    return token;
  }

  /** True when the token is an unused set-up link and no administrator exists yet. */
  public boolean isValidSetupLink(String token) {
    if (token == null || accounts.anyPlatformAdmin()) {
      return false;
    }
    Integer count =
        jdbc.sql(
                "select count(*) from one_time_link where token_hash = ? and purpose = ? and used_at is null")
            .params(AccountService.sha256(token), PURPOSE)
            .query(Integer.class)
            .single();
    return count != null && count == 1;
  }

  /** Uses the link to create the first administrator; the link cannot be used again. */
  @Transactional
  public Account createFromSetupLink(String token, String email, String name, String password) {
    if (!isValidSetupLink(token)) {
      throw new InvalidInputException("token", "This set-up link has been used or has expired");
    }
    // The link is marked used first, so the audit log's lock (taken as the account is recorded)
    // is the last lock this transaction takes; a refused account rolls the mark back.
    jdbc.sql("update one_time_link set used_at = ? where token_hash = ?")
        .params(Timestamp.from(Instant.now(clock)), AccountService.sha256(token))
        .update();
    Account account = accounts.createAccount(email, name, password, true);
    audit.recordAs(
        "one-time set-up link",
        null,
        "administrator.set-up",
        AccountAuditActor.name(account),
        null,
        "first platform administrator, by the one-time set-up link");
    return account;
  }
}
