package org.fourthpurpose.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a role in an ICS workspace, and the workspace's members. An ICS administrator
 * invites a person by email; the person opens a one-time link, which expires, and either sets their
 * own password or, when they already have an account, signs in and accepts. Only the link's hash is
 * stored. Nobody types a password for someone else.
 */
@Service
public class Invitations {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final RowMapper<PendingInvitation> PENDING =
      (rs, n) ->
          new PendingInvitation(
              rs.getLong("id"),
              rs.getString("icb_code"),
              rs.getString("email"),
              WorkspaceRole.valueOf(rs.getString("role")),
              rs.getString("invited_by_name"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getTimestamp("expires_at").toInstant());

  private final JdbcClient jdbc;
  private final AccountService accounts;
  private final WorkspaceAccess access;
  private final Clock clock;
  private final Duration validFor;
  private final AuditLog audit;

  Invitations(
      JdbcClient jdbc,
      AccountService accounts,
      WorkspaceAccess access,
      Clock clock,
      @Value("${fp.invitations.valid-for:P7D}") Duration validFor,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.access = access;
    this.clock = clock;
    this.validFor = validFor;
    this.audit = audit;
  }

  /** How long a new invitation's link works. */
  public Duration validFor() {
    return validFor;
  }

  /**
   * Invites a person to a role in a workspace, withdrawing any earlier invitation of the same
   * address there. Returns the invitation and the link's secret, which is never stored.
   */
  @Transactional
  public IssuedInvitation invite(String icbCode, String email, WorkspaceRole role) {
    access.requireAdminister(icbCode);
    String address = AccountService.normaliseEmail(email);
    if (role == null) {
      throw new InvalidInputException("role", "Choose a role");
    }
    Instant now = Instant.now(clock);
    jdbc.sql(
            "update account_invitation set withdrawn_at = ? where icb_code = ? and email = ?"
                + " and accepted_at is null and withdrawn_at is null")
        .params(Timestamp.from(now), icbCode, address)
        .update();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    jdbc.sql(
            "insert into account_invitation (icb_code, email, role, token_hash, invited_by,"
                + " created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            icbCode,
            address,
            role.name(),
            AccountService.sha256(token),
            access.currentAccount().map(Account::id).orElse(null),
            Timestamp.from(now),
            Timestamp.from(now.plus(validFor)))
        .update();
    PendingInvitation invitation =
        pendingWhere("i.token_hash = ?", AccountService.sha256(token)).get(0);
    // Never the link: only who was invited, to what, and until when.
    audit.record(
        icbCode,
        "invitation.sent",
        address,
        null,
        role.label() + ", link works until " + invitation.expiresAt());
    return new IssuedInvitation(invitation, token);
  }

  /** Invitations to the workspace that are neither accepted, withdrawn nor expired. */
  public List<PendingInvitation> pending(String icbCode) {
    access.requireAdminister(icbCode);
    return pendingWhere("i.icb_code = ?", icbCode);
  }

  private List<PendingInvitation> pendingWhere(String condition, Object value) {
    return jdbc.sql(
            "select i.*, a.display_name as invited_by_name from account_invitation i"
                + " left join account a on a.id = i.invited_by where "
                + condition
                + " and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > ?"
                + " order by i.created_at desc, i.id desc")
        .params(value, Timestamp.from(Instant.now(clock)))
        .query(PENDING)
        .list();
  }

  /** Withdraws a pending invitation, so its link stops working. */
  @Transactional
  public PendingInvitation withdraw(String icbCode, long invitationId) {
    access.requireAdminister(icbCode);
    PendingInvitation invitation =
        pendingWhere("i.id = ?", invitationId).stream()
            .filter(i -> i.icbCode().equals(icbCode))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "invitation",
                        Long.toString(invitationId),
                        "There is no pending invitation " + invitationId + " in this workspace"));
    jdbc.sql("update account_invitation set withdrawn_at = ? where id = ?")
        .params(Timestamp.from(Instant.now(clock)), invitationId)
        .update();
    audit.record(
        icbCode,
        "invitation.withdrawn",
        invitation.email(),
        invitation.role().label(),
        "withdrawn");
    return invitation;
  }

  /** What a link leads to, whatever its state; an unknown or malformed link finds nothing. */
  public Optional<InvitationLink> open(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = Instant.now(clock);
    return jdbc
        .sql(
            "select i.*, w.name as workspace_name from account_invitation i"
                + " join workspace w on w.icb_code = i.icb_code where i.token_hash = ?")
        .params(AccountService.sha256(token))
        .query(
            (rs, n) -> {
              InvitationLink.State state;
              if (rs.getTimestamp("accepted_at") != null) {
                state = InvitationLink.State.ACCEPTED;
              } else if (rs.getTimestamp("withdrawn_at") != null) {
                state = InvitationLink.State.WITHDRAWN;
              } else if (!rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
                state = InvitationLink.State.EXPIRED;
              } else {
                state = InvitationLink.State.OPEN;
              }
              return new InvitationLink(
                  rs.getLong("id"),
                  rs.getString("icb_code"),
                  rs.getString("workspace_name"),
                  rs.getString("email"),
                  WorkspaceRole.valueOf(rs.getString("role")),
                  rs.getTimestamp("expires_at").toInstant(),
                  state,
                  false);
            })
        .list()
        .stream()
        .findFirst()
        .map(link -> link.withExistingAccount(accounts.findByEmail(link.email()).isPresent()));
  }

  /**
   * Accepts an open invitation by creating the invited person's account with the password they
   * chose; the email address is the invitation's. All or nothing.
   */
  @Transactional
  public Account acceptWithNewAccount(String token, String displayName, String password) {
    InvitationLink link = requireOpen(token);
    if (link.existingAccount()) {
      throw new ConflictException(
          "account-exists",
          "Account exists",
          "email",
          link.email(),
          "An account with this email address already exists: sign in to accept the invitation");
    }
    Account account = accounts.createAccount(link.email(), displayName, password, false);
    complete(link, account);
    return account;
  }

  /**
   * Accepts an open invitation by creating the invited person's account without a password, for a
   * person who will sign in through the installation's OpenID Connect provider: the provider must
   * then vouch for the invited email address. All or nothing.
   */
  @Transactional
  public Account acceptWithProvider(String token, String displayName) {
    InvitationLink link = requireOpen(token);
    if (link.existingAccount()) {
      throw new ConflictException(
          "account-exists",
          "Account exists",
          "email",
          link.email(),
          "An account with this email address already exists: sign in to accept the invitation");
    }
    Account account = accounts.createAccountWithoutPassword(link.email(), displayName);
    complete(link, account);
    return account;
  }

  /** Accepts an open invitation as the signed-in account, which must have the invited address. */
  @Transactional
  public InvitationLink acceptAs(String token, Account account) {
    InvitationLink link = requireOpen(token);
    if (!link.email().equals(account.email())) {
      throw new ConflictException(
          "invitation-for-someone-else",
          "Invitation for someone else",
          "email",
          account.email(),
          "This invitation is for "
              + link.email()
              + ", but you are signed in as "
              + account.email()
              + ". Sign out and sign in with the invited address, or ask for a new invitation.");
    }
    complete(link, account);
    return link;
  }

  private void complete(InvitationLink link, Account account) {
    int marked =
        jdbc.sql(
                "update account_invitation set accepted_at = ?, accepted_by = ? where id = ?"
                    + " and accepted_at is null and withdrawn_at is null")
            .params(Timestamp.from(Instant.now(clock)), account.id(), link.id())
            .update();
    if (marked != 1) {
      // Someone used or withdrew the link at the same moment.
      throw new ConflictException(
          "invitation-used", "Invitation used", "token", null, "This invitation has been used");
    }
    accounts.grant(account.id(), link.icbCode(), link.role());
    audit.record(
        link.icbCode(),
        "invitation.accepted",
        link.email(),
        "invited as " + link.role().label(),
        "joined as " + AccountAuditActor.name(account));
  }

  private InvitationLink requireOpen(String token) {
    InvitationLink link =
        open(token)
            .orElseThrow(
                () -> new NotFoundException("token", null, "This invitation link is not valid"));
    if (link.state() != InvitationLink.State.OPEN) {
      throw new ConflictException(
          "invitation-" + link.state().name().toLowerCase(java.util.Locale.ROOT),
          "Invitation " + link.state().name().toLowerCase(java.util.Locale.ROOT),
          "token",
          null,
          link.state().explanation());
    }
    return link;
  }

  /** The people with a role in the workspace, administrators first. */
  public List<Member> members(String icbCode) {
    access.requireAdminister(icbCode);
    return jdbc.sql(
            "select a.id, a.display_name, a.email, a.enabled, m.role from workspace_member m"
                + " join account a on a.id = m.account_id where m.icb_code = ?"
                + " order by case m.role when 'ICS_ADMIN' then 0 when 'EDITOR' then 1 else 2 end,"
                + " a.display_name, a.email")
        .params(icbCode)
        .query(
            (rs, n) ->
                new Member(
                    rs.getLong("id"),
                    rs.getString("display_name"),
                    rs.getString("email"),
                    WorkspaceRole.valueOf(rs.getString("role")),
                    rs.getBoolean("enabled")))
        .list();
  }

  /**
   * Changes a member's role, or removes them from the workspace when role is null. A workspace
   * always keeps at least one ICS administrator, so nobody can lock its members out by mistake.
   */
  @Transactional
  public Member changeRole(String icbCode, long accountId, WorkspaceRole role) {
    access.requireAdminister(icbCode);
    Member member =
        members(icbCode).stream()
            .filter(m -> m.accountId() == accountId)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "member",
                        Long.toString(accountId),
                        "Account " + accountId + " has no role in this workspace"));
    if (member.role() == WorkspaceRole.ICS_ADMIN && role != WorkspaceRole.ICS_ADMIN) {
      long administrators =
          members(icbCode).stream().filter(m -> m.role() == WorkspaceRole.ICS_ADMIN).count();
      if (administrators <= 1) {
        throw new ConflictException(
            "last-administrator",
            "Last administrator",
            "role",
            role == null ? "" : role.name(),
            member.displayName()
                + " is this workspace's only ICS administrator. Make someone else an ICS"
                + " administrator first.");
      }
    }
    if (role == null) {
      accounts.revoke(accountId, icbCode);
    } else {
      accounts.grant(accountId, icbCode, role);
    }
    return member;
  }

  /** A pending invitation, as its workspace's administrators see it. */
  public record PendingInvitation(
      long id,
      String icbCode,
      String email,
      WorkspaceRole role,
      String invitedBy,
      Instant createdAt,
      Instant expiresAt) {}

  /** A new invitation and the secret of its link, shown or sent once. */
  public record IssuedInvitation(PendingInvitation invitation, String token) {}

  /** A person with a role in a workspace. */
  public record Member(
      long accountId, String displayName, String email, WorkspaceRole role, boolean enabled) {}
}
