package org.fourthpurpose.question.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a workspace's plan as a snapshot ({@code question_plan_publication}): the plan as it
 * stands when an ICS administrator publishes it, shown on the public page and in the public API
 * until it is published again or withdrawn. A snapshot rather than the live plan, because the
 * public version should be the one the partnership signed off, not every edit as it is made, and
 * because the live plan draws on parts (maturity ratings, audit results) that only members see.
 * Each change is recorded in the audit log.
 */
@Service
public class PlanPublications {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, PlanPublication> kept = new ConcurrentHashMap<>();

  PlanPublications(
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

  /** The workspace's publication: not published when it never chose. */
  public PlanPublication publication(String icbCode) {
    return kept.computeIfAbsent(
        icbCode,
        code ->
            sql.sql(
                    "select icb_code, published, snapshot, published_by, published_at from"
                        + " question_plan_publication where icb_code = ?")
                .param(code)
                .query(
                    (rs, n) -> {
                      boolean published = rs.getBoolean("published");
                      String snapshot = rs.getString("snapshot");
                      Timestamp at = rs.getTimestamp("published_at");
                      return new PlanPublication(
                          code,
                          published && snapshot != null,
                          published && snapshot != null
                              ? JSON.readValue(snapshot, Plan.class)
                              : null,
                          rs.getString("published_by"),
                          at == null ? null : at.toInstant());
                    })
                .optional()
                .orElse(PlanPublication.none(code)));
  }

  /** Publishes this plan (the workspace's plan as it stands now) in place of any earlier one. */
  public PlanPublication publish(String icbCode, Plan plan) {
    String snapshot = JSON.writeValueAsString(plan);
    String actor = audit.currentActor();
    Instant now = clock.instant();
    boolean before = publication(icbCode).published();
    transaction.executeWithoutResult(
        status -> {
          store(icbCode, true, snapshot, actor, now);
          audit.record(
              icbCode,
              "plan.published",
              "fourth-purpose plan of " + icbCode,
              before ? "published" : "not published",
              "published snapshot of " + plan.generatedAt());
        });
    changed(icbCode);
    return publication(icbCode);
  }

  /** Takes the plan off the public page and API; the snapshot is dropped. */
  public PlanPublication withdraw(String icbCode) {
    PlanPublication before = publication(icbCode);
    if (!before.published()) {
      return before;
    }
    String actor = audit.currentActor();
    Instant now = clock.instant();
    transaction.executeWithoutResult(
        status -> {
          store(icbCode, false, null, actor, now);
          audit.record(
              icbCode,
              "plan.withdrawn",
              "fourth-purpose plan of " + icbCode,
              "published",
              "not published");
        });
    changed(icbCode);
    return publication(icbCode);
  }

  private void store(
      String icbCode, boolean published, String snapshot, String actor, Instant now) {
    Timestamp at = Timestamp.from(now);
    int updated =
        sql.sql(
                "update question_plan_publication set published = ?, snapshot = ?,"
                    + " published_by = ?, published_at = ?, updated_at = ? where icb_code = ?")
            .params(
                published, snapshot, published ? actor : null, published ? at : null, at, icbCode)
            .update();
    if (updated == 0) {
      sql.sql(
              "insert into question_plan_publication (icb_code, published, snapshot,"
                  + " published_by, published_at, updated_at) values (?, ?, ?, ?, ?, ?)")
          .params(icbCode, published, snapshot, published ? actor : null, published ? at : null, at)
          .update();
    }
  }

  private void changed(String icbCode) {
    kept.remove(icbCode);
    events.publishEvent(new PublicPagesChanged("plan publication of " + icbCode + " changed"));
  }

  /** Forgets what was kept when public pages change (a workspace restored from a backup, say). */
  @TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    kept.clear();
  }
}
