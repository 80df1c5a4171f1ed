package org.fourthpurpose.question.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.question.Policy;
import org.fourthpurpose.question.PolicyCatalogue;
import org.fourthpurpose.web.ConflictException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policies and funding programmes, every version kept in {@code question_policy_version}. On
 * start the shipped file is read and checked, and any entry not yet stored becomes its version 1; a
 * platform administrator's edit adds the next version, audited with who and when.
 */
@Service
public class StoredPolicyCatalogue implements PolicyCatalogue, ApplicationRunner {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final WorkspaceAccess access;
  private final AuditLog audit;
  private final List<Policy> shipped;

  StoredPolicyCatalogue(JdbcClient jdbc, Clock clock, WorkspaceAccess access, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.access = access;
    this.audit = audit;
    this.shipped = PolicyFile.parse(PolicyFile.SHIPPED, read(PolicyFile.SHIPPED), today(clock));
  }

  /** The ids of the shipped file, which the question bank may link to. */
  public Set<String> shippedIds() {
    return shipped.stream().map(Policy::id).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  /** Stores version 1 of every shipped entry that has no version yet. */
  @Transactional
  public synchronized void seed() {
    Set<String> stored =
        Set.copyOf(
            jdbc.sql("select distinct policy_id from question_policy_version")
                .query(String.class)
                .list());
    Instant now = clock.instant();
    for (Policy p : shipped) {
      if (!stored.contains(p.id())) {
        insert(p, 1, null, now);
      }
    }
  }

  @Override
  public List<Policy> policies() {
    seedIfEmpty();
    return jdbc
        .sql(
            SELECT
                + " where v.version = (select max(w.version) from question_policy_version w"
                + " where w.policy_id = v.policy_id)")
        .query(StoredPolicyCatalogue::row)
        .list()
        .stream()
        .sorted(
            Comparator.comparing(Policy::kind)
                .reversed()
                .thenComparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  @Override
  public Optional<Policy> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return history(id).stream().findFirst();
  }

  @Override
  public List<Policy> history(String id) {
    if (id == null) {
      return List.of();
    }
    seedIfEmpty();
    return jdbc.sql(SELECT + " where v.policy_id = ? order by v.version desc")
        .param(id.strip())
        .query(StoredPolicyCatalogue::row)
        .list();
  }

  /**
   * Saves a new version of a policy, or version 1 of a new one (platform administrators only).
   *
   * @param basedOn the version the person edited (null for a new policy): when another version was
   *     saved meanwhile, nothing is saved and a conflict says so
   * @throws PolicyProblems when the draft has problems; nothing is saved
   */
  @Transactional
  public Policy save(PolicyDraft draft, Integer basedOn) {
    Account admin =
        access
            .currentAccount()
            .filter(Account::platformAdmin)
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "Only a platform administrator can edit policies and funding"
                            + " programmes"));
    List<PolicyDraft.Problem> problems = draft.problems(today(clock));
    if (!problems.isEmpty()) {
      throw new PolicyProblems(problems);
    }
    String id = draft.id().strip();
    Optional<Policy> current = find(id);
    if (basedOn == null && current.isPresent()) {
      throw new ConflictException(
          "policy-exists",
          "Policy exists",
          "id",
          id,
          "There is already a policy or programme with the id " + id + "; edit it instead.");
    }
    if (basedOn != null && current.isEmpty()) {
      throw new org.fourthpurpose.web.NotFoundException(
          "id", id, "There is no policy or programme with the id " + id);
    }
    if (current.isPresent() && current.get().version() != basedOn) {
      throw new ConflictException(
          "policy-changed",
          "Changed meanwhile",
          "version",
          String.valueOf(basedOn),
          "Version "
              + current.get().version()
              + " of "
              + current.get().name()
              + " was saved after the version "
              + basedOn
              + " you edited; reload it and make your change again.");
    }
    Policy next = policy(draft, current.map(p -> p.version() + 1).orElse(1), admin.email(), null);
    if (current.isPresent() && same(current.get(), next)) {
      throw new PolicyProblems(
          List.of(
              new PolicyDraft.Problem("name", "Nothing was changed; change at least one field")));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      insert(next, next.version(), admin.email(), now);
    } catch (DuplicateKeyException e) {
      throw new ConflictException(
          "policy-changed",
          "Changed meanwhile",
          "version",
          String.valueOf(basedOn),
          "Someone saved " + next.name() + " at the same moment; reload it and try again.");
    }
    audit.record(
        null,
        current.isEmpty() ? "policy.added" : "policy.edited",
        next.name() + " (" + id + ") version " + next.version(),
        current.map(StoredPolicyCatalogue::describe).orElse(null),
        describe(next));
    return find(id).orElseThrow();
  }

  private static boolean same(Policy a, Policy b) {
    return a.kind().equals(b.kind())
        && a.name().equals(b.name())
        && a.summary().equals(b.summary())
        && a.enables().equals(b.enables())
        && a.whoCanUse().equals(b.whoCanUse())
        && a.status().equals(b.status())
        && a.checked().equals(b.checked())
        && a.sourceUrl().equals(b.sourceUrl());
  }

  private static String describe(Policy p) {
    return p.kind() + ", " + p.status() + ", checked " + p.checked() + ": " + p.summary();
  }

  /** A checked draft as a version. */
  static Policy policy(PolicyDraft d, int version, String editedBy, Instant editedAt) {
    return new Policy(
        d.id().strip(),
        PolicyDraft.lower(d.kind()),
        d.name().strip(),
        d.summary().strip(),
        d.enables().strip(),
        d.whoCanUse().strip(),
        PolicyDraft.lower(d.status()),
        d.checkedDate(),
        d.sourceUrl().strip(),
        version,
        editedBy,
        editedAt);
  }

  private void seedIfEmpty() {
    Integer count =
        jdbc.sql("select count(*) from question_policy_version").query(Integer.class).single();
    if (count == 0) {
      seed();
    }
  }

  private void insert(Policy p, int version, String editedBy, Instant at) {
    jdbc.sql(
            "insert into question_policy_version (policy_id, version, kind, name, summary,"
                + " enables, who_can_use, status, checked_on, source_url, edited_by, edited_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            p.id(),
            version,
            p.kind(),
            p.name(),
            p.summary(),
            p.enables(),
            p.whoCanUse(),
            p.status(),
            p.checked(),
            p.sourceUrl(),
            editedBy,
            at.atOffset(ZoneOffset.UTC))
        .update();
  }

  private static final String SELECT =
      "select v.policy_id, v.version, v.kind, v.name, v.summary, v.enables, v.who_can_use,"
          + " v.status, v.checked_on, v.source_url, v.edited_by, v.edited_at"
          + " from question_policy_version v";

  private static Policy row(ResultSet rs, int n) throws SQLException {
    return new Policy(
        rs.getString("policy_id"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("summary"),
        rs.getString("enables"),
        rs.getString("who_can_use"),
        rs.getString("status"),
        rs.getObject("checked_on", LocalDate.class),
        rs.getString("source_url"),
        rs.getInt("version"),
        rs.getString("edited_by"),
        rs.getObject("edited_at", OffsetDateTime.class).toInstant());
  }

  static LocalDate today(Clock clock) {
    return LocalDate.now(clock);
  }

  static String read(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The shipped file " + resource + " cannot be read", e);
    }
  }
}
