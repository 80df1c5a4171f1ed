package org.fourthpurpose.anchor.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each workspace has published of its anchor system ({@code anchor_publication}), each change
 * recorded in the audit log. A change of publication empties the cached public pages ({@link
 * PublicPagesChanged}); a change of commitments does too ({@code network.ConnectedSystems}). The
 * caller checks that the person may administer the workspace.
 */
@Service
public class Publications {

  private static final String COLUMNS =
      "icb_code, publishes_register, publishes_commitments, publishes_system, updated_by,"
          + " updated_at";

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, Publication> kept = new ConcurrentHashMap<>();

  Publications(
      JdbcClient sql,
      TransactionTemplate transaction,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** What the workspace has published; nothing when it never chose. */
  public Publication publication(String icbCode) {
    return kept.computeIfAbsent(
        icbCode,
        code ->
            sql.sql("select " + COLUMNS + " from anchor_publication where icb_code = ?")
                .param(code)
                .query((rs, n) -> map(rs))
                .optional()
                .orElse(Publication.none(code)));
  }

  /** The workspaces that have published their commitments. */
  public Set<String> publishingCommitments() {
    return sql
        .sql("select icb_code from anchor_publication where publishes_commitments")
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.toSet());
  }

  /** Sets what the workspace publishes; records the change when there is one. */
  public Publication publish(
      String icbCode, boolean register, boolean commitments, boolean system) {
    Publication before = publication(icbCode);
    String actor = audit.currentActor();
    Instant now = clock.instant();
    Publication after = new Publication(icbCode, register, commitments, system, actor, now);
    if (before.updatedAt() != null && same(before, after)) {
      return before;
    }
    transaction.executeWithoutResult(
        status -> {
          int updated =
              sql.sql(
                      "update anchor_publication set publishes_register = ?,"
                          + " publishes_commitments = ?, publishes_system = ?,"
                          + " updated_by = ?, updated_at = ? where icb_code = ?")
                  .params(register, commitments, system, actor, Timestamp.from(now), icbCode)
                  .update();
          if (updated == 0) {
            sql.sql("insert into anchor_publication (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
                .params(icbCode, register, commitments, system, actor, Timestamp.from(now))
                .update();
          }
          audit.record(
              icbCode,
              "anchor-publication.changed",
              "anchor system of " + icbCode,
              before.summary(),
              after.summary());
        });
    kept.remove(icbCode);
    events.publishEvent(new PublicPagesChanged("anchor publication of " + icbCode + " changed"));
    return publication(icbCode);
  }

  /**
   * Forgets what was kept once public pages change, e.g. after a workspace was restored from a
   * backup, which writes {@code anchor_publication} directly.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    kept.clear();
  }

  private static boolean same(Publication a, Publication b) {
    return a.register() == b.register()
        && a.commitments() == b.commitments()
        && a.system() == b.system();
  }

  /** The workspaces among {@code icbCodes} that have published their commitments, in order. */
  public List<String> publishingCommitments(List<String> icbCodes) {
    Set<String> publishing = publishingCommitments();
    return icbCodes.stream().filter(publishing::contains).toList();
  }

  private static Publication map(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp at = rs.getTimestamp("updated_at");
    return new Publication(
        rs.getString("icb_code"),
        rs.getBoolean("publishes_register"),
        rs.getBoolean("publishes_commitments"),
        rs.getBoolean("publishes_system"),
        rs.getString("updated_by"),
        at == null ? null : at.toInstant());
  }
}
