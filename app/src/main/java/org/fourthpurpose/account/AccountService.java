package org.fourthpurpose.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and finds accounts, grants workspace roles, and issues and checks personal access tokens.
 */
@Service
public class AccountService implements UserDetailsService {

  private static final String TOKEN_PREFIX = "fp_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final RowMapper<Account> ACCOUNT =
      (rs, n) ->
          new Account(
              rs.getLong("id"),
              rs.getString("email"),
              rs.getString("display_name"),
              rs.getBoolean("platform_admin"),
              rs.getBoolean("enabled"));

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final AuditLog audit;

  AccountService(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.clock = clock;
    this.audit = audit;
  }

  /** Creates an account; the e-mail address must be new and the password at least 12 characters. */
  @Transactional
  public Account createAccount(
      String email, String displayName, String rawPassword, boolean platformAdmin) {
    String normalised = normaliseEmail(email);
    if (displayName == null || displayName.isBlank()) {
      throw new InvalidInputException("displayName", "Enter a name");
    }
    checkPassword(rawPassword, normalised);
    try {
      jdbc.sql(
              "insert into account (email, display_name, password_hash, platform_admin, enabled, created_at)"
                  + " values (?, ?, ?, ?, true, ?)")
          .params(
              normalised, displayName.strip(), passwords.encode(rawPassword), platformAdmin, now())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("email", "An account with this email address already exists");
    }
    Account account = findByEmail(normalised).orElseThrow();
    audit.record(
        null,
        "account.created",
        AccountAuditActor.name(account),
        null,
        account.displayName() + (platformAdmin ? ", platform administrator" : ""));
    return account;
  }

  public Optional<Account> find(long id) {
    return jdbc.sql("select * from account where id = ?").params(id).query(ACCOUNT).list().stream()
        .findFirst();
  }

  public Optional<Account> findByEmail(String email) {
    if (email == null) {
      return Optional.empty();
    }
    return jdbc
        .sql("select * from account where email = ?")
        .params(email.strip().toLowerCase(Locale.ROOT))
        .query(ACCOUNT)
        .list()
        .stream()
        .findFirst();
  }

  public List<Account> accounts() {
    return jdbc.sql("select * from account order by display_name, email").query(ACCOUNT).list();
  }

  public boolean anyPlatformAdmin() {
    Integer count =
        jdbc.sql("select count(*) from account where platform_admin = true")
            .query(Integer.class)
            .single();
    return count != null && count > 0;
  }

  /**
   * Creates an account for a person who will sign in through the OIDC provider (for example on
   * accepting an invitation), so has no password. Its password hash is a bcrypt hash of a random
   * secret that is never stored or shown, so the sign-in form cannot sign in as it until a password
   * is set; a nullable column or a marker value would need every password check to know about it.
   */
  @Transactional
  public Account createAccountWithoutPassword(String email, String displayName) {
    String normalised = normaliseEmail(email);
    if (displayName == null || displayName.isBlank()) {
      throw new InvalidInputException("displayName", "Enter a name");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String unknowable = passwords.encode(Base64.getEncoder().encodeToString(secret));
    try {
      jdbc.sql(
              "insert into account (email, display_name, password_hash, platform_admin, enabled, created_at)"
                  + " values (?, ?, ?, false, true, ?)")
          .params(normalised, displayName.strip(), unknowable, now())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("email", "An account with this email address already exists");
    }
    Account account = findByEmail(normalised).orElseThrow();
    audit.record(
        null,
        "account.created",
        AccountAuditActor.name(account),
        null,
        account.displayName() + ", signs in through the OpenID Connect provider");
    return account;
  }

  /** Gives an account a role in a workspace, replacing any role it had there. */
  @Transactional
  public void grant(long accountId, String icbCode, WorkspaceRole role) {
    find(accountId).orElseThrow(() -> new InvalidInputException("account", "No such account"));
    Integer workspaces =
        jdbc.sql("select count(*) from workspace where icb_code = ?")
            .params(icbCode)
            .query(Integer.class)
            .single();
    if (workspaces == null || workspaces == 0) {
      throw new InvalidInputException("icbCode", "There is no ICS workspace with code " + icbCode);
    }
    Optional<WorkspaceRole> before = roleOf(accountId, icbCode);
    jdbc.sql("delete from workspace_member where account_id = ? and icb_code = ?")
        .params(accountId, icbCode)
        .update();
    jdbc.sql("insert into workspace_member (account_id, icb_code, role) values (?, ?, ?)")
        .params(accountId, icbCode, role.name())
        .update();
    if (before.isEmpty() || before.get() != role) {
      audit.record(
          icbCode,
          before.isEmpty() ? "role.granted" : "role.changed",
          memberName(accountId, icbCode),
          before.map(AccountService::roleName).orElse(null),
          roleName(role));
    }
  }

  @Transactional
  public void revoke(long accountId, String icbCode) {
    Optional<WorkspaceRole> before = roleOf(accountId, icbCode);
    jdbc.sql("delete from workspace_member where account_id = ? and icb_code = ?")
        .params(accountId, icbCode)
        .update();
    if (before.isPresent()) {
      audit.record(
          icbCode, "role.revoked", memberName(accountId, icbCode), roleName(before.get()), null);
    }
  }

  /** A role as pages name it: "ics admin", "editor", "viewer". */
  static String roleName(WorkspaceRole role) {
    return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private String memberName(long accountId, String icbCode) {
    return find(accountId).map(AccountAuditActor::name).orElse("account " + accountId)
        + " in "
        + icbCode;
  }

  public List<Membership> memberships(long accountId) {
    return jdbc.sql(
            "select m.icb_code, w.name, m.role from workspace_member m join workspace w on w.icb_code = m.icb_code"
                + " where m.account_id = ? order by w.name")
        .params(accountId)
        .query(
            (rs, n) ->
                new Membership(
                    rs.getString("icb_code"),
                    rs.getString("name"),
                    WorkspaceRole.valueOf(rs.getString("role"))))
        .list();
  }

  /** The account's role in a workspace, if it has one (platform administrators aside). */
  public Optional<WorkspaceRole> roleOf(long accountId, String icbCode) {
    return jdbc
        .sql("select role from workspace_member where account_id = ? and icb_code = ?")
        .params(accountId, icbCode)
        .query(String.class)
        .list()
        .stream()
        .findFirst()
        .map(WorkspaceRole::valueOf);
  }

  /** Issues a new personal access token; only its SHA-256 hash is stored. */
  @Transactional
  public IssuedToken createToken(long accountId, String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new InvalidInputException("name", "Enter a name for the token of up to 100 characters");
    }
    find(accountId).orElseThrow(() -> new InvalidInputException("account", "No such account"));
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            "insert into access_token (account_id, name, token_hash, token_prefix, created_at) values (?, ?, ?, ?, ?)")
        .params(accountId, name.strip(), sha256(token), token.substring(0, 11), now())
        .update();
    Long id =
        jdbc.sql("select id from access_token where token_hash = ?")
            .params(sha256(token))
            .query(Long.class)
            .single();
    audit.record(null, "token.created", tokenName(accountId, id, name.strip()), null, "active");
    return new IssuedToken(id, token);
  }

  public List<AccessTokenSummary> tokens(long accountId) {
    return jdbc.sql(
            "select id, name, token_prefix, created_at, last_used_at, revoked_at from access_token"
                + " where account_id = ? order by created_at desc, id desc")
        .params(accountId)
        .query(
            (rs, n) ->
                new AccessTokenSummary(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("token_prefix"),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("last_used_at")),
                    instant(rs.getTimestamp("revoked_at"))))
        .list();
  }

  /** Revokes one of the account's own tokens; returns false when it has no such active token. */
  @Transactional
  public boolean revokeToken(long accountId, long tokenId) {
    boolean revoked =
        jdbc.sql(
                    "update access_token set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(now(), tokenId, accountId)
                .update()
            == 1;
    if (revoked) {
      String name =
          jdbc.sql("select name from access_token where id = ?")
              .params(tokenId)
              .query(String.class)
              .single();
      audit.record(null, "token.revoked", tokenName(accountId, tokenId, name), "active", "revoked");
    }
    return revoked;
  }

  /** A token as the audit log names it: never the token itself. */
  private String tokenName(long accountId, long tokenId, String name) {
    return "token "
        + tokenId
        + " '"
        + name
        + "' of "
        + find(accountId).map(AccountAuditActor::name).orElse("account " + accountId);
  }

  /** The enabled account a valid, unrevoked token belongs to. */
  public Optional<Account> authenticateToken(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    String hash = sha256(token);
    List<Account> owners =
        jdbc.sql(
                "select a.* from access_token t join account a on a.id = t.account_id"
                    + " where t.token_hash = ? and t.revoked_at is null and a.enabled = true")
            .params(hash)
            .query(ACCOUNT)
            .list();
    if (owners.isEmpty()) {
      return Optional.empty();
    }
    // To the minute: a script calling many times a second should not write on every call.
    Timestamp now = now();
    jdbc.sql(
            "update access_token set last_used_at = ? where token_hash = ?"
                + " and (last_used_at is null or last_used_at < ?)")
        .params(now, hash, Timestamp.from(now.toInstant().minusSeconds(60)))
        .update();
    return Optional.of(owners.get(0));
  }

  /** The security principal of an account (also used by tests to sign a user in). */
  public UserDetails userDetails(long accountId) {
    Account account =
        find(accountId).orElseThrow(() -> new UsernameNotFoundException("No account " + accountId));
    return new SignedInUser(account, passwordHash(accountId));
  }

  @Override
  public UserDetails loadUserByUsername(String email) {
    Account account =
        findByEmail(email)
            .orElseThrow(() -> new UsernameNotFoundException("Unknown email address"));
    return new SignedInUser(account, passwordHash(account.id()));
  }

  private String passwordHash(long accountId) {
    return jdbc.sql("select password_hash from account where id = ?")
        .params(accountId)
        .query(String.class)
        .single();
  }

  static String normaliseEmail(String email) {
    if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException(
          "email", "Enter an email address in the correct format, like name@example.org");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  static void checkPassword(String rawPassword, String email) {
    PasswordPolicy.check(rawPassword, email);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
