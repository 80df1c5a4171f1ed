package org.fourthpurpose.question.proposition;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.question.Decision;
import org.fourthpurpose.question.Proposition;
import org.fourthpurpose.question.PropositionStatus;
import org.fourthpurpose.question.PropositionsChanged;
import org.fourthpurpose.web.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, changes, moves on and removes a workspace's propositions. Each change is checked first
 * (nothing is stored when anything is wrong), recorded in the audit log and announced as {@link
 * PropositionsChanged} in its transaction; each status a proposition takes, from its first, is an
 * entry of its decision log. The caller checks the person's role.
 */
@Service
class PropositionChanges {

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final StoredPropositions stored;
  private final PropositionChecks checks;
  private final AuditLog audit;
  private final WorkspaceAccess access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PropositionChanges(
      JdbcClient sql,
      TransactionTemplate transaction,
      StoredPropositions stored,
      PropositionChecks checks,
      AuditLog audit,
      WorkspaceAccess access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.stored = stored;
    this.checks = checks;
    this.audit = audit;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Adds a proposition as an idea, with the first entry of its decision log.
   *
   * @throws PropositionProblems naming every field at fault; nothing is stored
   */
  Proposition add(String icbCode, PropositionDraft draft) {
    PropositionChecks.Checked c = checks.check(icbCode, draft);
    String who = decider();
    long id =
        transaction.execute(
            status -> {
              Timestamp now = now();
              GeneratedKeyHolder key = new GeneratedKeyHolder();
              sql.sql(
                      "insert into question_proposition (icb_code, question_id, title, if_we,"
                          + " then_outcome, measured_by, pilot_whom, pilot_from, pilot_to,"
                          + " pilot_cost, status, version, created_by, created_at, updated_at)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                  .params(
                      icbCode,
                      c.questionId(),
                      c.title(),
                      c.ifWe(),
                      c.then(),
                      c.measuredBy(),
                      c.pilot().whom(),
                      date(c.pilot().from()),
                      date(c.pilot().to()),
                      c.pilot().cost(),
                      PropositionStatus.IDEA.code(),
                      who,
                      now,
                      now)
                  .update(key, "id");
              long added = key.getKey().longValue();
              links(added, c);
              decision(
                  added,
                  null,
                  PropositionStatus.IDEA,
                  "Proposed",
                  "Proposed as a testable proposition for question " + c.questionId(),
                  who,
                  now);
              audit.record(
                  icbCode, "proposition.added", subject(added, c.title()), null, c.summary());
              events.publishEvent(new PropositionsChanged(icbCode));
              return added;
            });
    return stored.proposition(icbCode, id).orElseThrow();
  }

  /**
   * Changes a proposition's content (not its status).
   *
   * @param version the version the person changed; another's newer change is a conflict
   * @throws PropositionProblems naming every field at fault; nothing is stored
   * @throws ConflictException when someone changed the proposition since
   */
  Proposition update(String icbCode, Proposition before, int version, PropositionDraft draft) {
    PropositionChecks.Checked c = checks.check(icbCode, draft);
    String was = summary(before);
    transaction.executeWithoutResult(
        status -> {
          int updated =
              sql.sql(
                      "update question_proposition set question_id = ?, title = ?, if_we = ?,"
                          + " then_outcome = ?, measured_by = ?, pilot_whom = ?, pilot_from = ?,"
                          + " pilot_to = ?, pilot_cost = ?, version = version + 1, updated_at = ?"
                          + " where id = ? and icb_code = ? and version = ?")
                  .params(
                      c.questionId(),
                      c.title(),
                      c.ifWe(),
                      c.then(),
                      c.measuredBy(),
                      c.pilot().whom(),
                      date(c.pilot().from()),
                      date(c.pilot().to()),
                      c.pilot().cost(),
                      now(),
                      before.id(),
                      icbCode,
                      version)
                  .update();
          if (updated == 0) {
            throw changedSince(before.id());
          }
          for (String table :
              new String[] {
                "question_proposition_partner",
                "question_proposition_policy",
                "question_proposition_place"
              }) {
            sql.sql("delete from " + table + " where proposition_id = ?")
                .param(before.id())
                .update();
          }
          links(before.id(), c);
          audit.record(
              icbCode, "proposition.changed", subject(before.id(), c.title()), was, c.summary());
          events.publishEvent(new PropositionsChanged(icbCode));
        });
    return stored.proposition(icbCode, before.id()).orElseThrow();
  }

  /**
   * Moves a proposition to another status, with its entry in the decision log.
   *
   * @param seen the status the person saw when deciding (null: the current one)
   * @throws PropositionProblems for a move the workflow refuses; nothing is stored
   * @throws ConflictException when the status changed since the person saw it
   */
  Decision move(
      String icbCode, Proposition p, String seen, String to, String decision, String reason) {
    if (seen != null && !seen.isBlank() && !seen.strip().equalsIgnoreCase(p.status().code())) {
      throw new ConflictException(
          "status-changed",
          "Status changed",
          "from",
          seen,
          "The proposition is now "
              + p.status().label().toLowerCase()
              + ", not "
              + PropositionChecks.shorten(seen.strip())
              + ": someone moved it on since; read its decision log and try again");
    }
    PropositionChecks.Move m = checks.checkMove(p, to, decision, reason);
    String who = decider();
    long id =
        transaction.execute(
            status -> {
              Timestamp now = now();
              int updated =
                  sql.sql(
                          "update question_proposition set status = ?, version = version + 1,"
                              + " updated_at = ? where id = ? and icb_code = ? and status = ?")
                      .params(m.to().code(), now, p.id(), icbCode, m.from().code())
                      .update();
              if (updated == 0) {
                throw changedSince(p.id());
              }
              long entry = decision(p.id(), m.from(), m.to(), m.decision(), m.reason(), who, now);
              audit.record(
                  icbCode,
                  "proposition.moved",
                  subject(p.id(), p.title()),
                  m.from().code(),
                  m.to().code() + "; " + m.decision() + "; because " + m.reason());
              events.publishEvent(new PropositionsChanged(icbCode));
              return entry;
            });
    return stored.decisions(icbCode, p.id()).stream()
        .filter(d -> d.id() == id)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Removes a proposition that is still an idea; one that has moved on is stopped instead, so that
   * its decision log stays.
   */
  void remove(String icbCode, Proposition p) {
    if (p.status() != PropositionStatus.IDEA) {
      throw new ConflictException(
          "proposition-moved-on",
          "Proposition moved on",
          "status",
          p.status().code(),
          "Only an idea can be removed; a proposition that is "
              + p.status().label().toLowerCase()
              + " is stopped instead, so that its decision log stays");
    }
    String was = summary(p);
    transaction.executeWithoutResult(
        status -> {
          sql.sql("delete from question_proposition where id = ? and icb_code = ?")
              .params(p.id(), icbCode)
              .update();
          audit.record(icbCode, "proposition.removed", subject(p.id(), p.title()), was, null);
          events.publishEvent(new PropositionsChanged(icbCode));
        });
  }

  private void links(long id, PropositionChecks.Checked c) {
    for (Proposition.Partner partner : c.partners()) {
      sql.sql(
              "insert into question_proposition_partner (proposition_id, organisation_id, role)"
                  + " values (?, ?, ?)")
          .params(id, partner.organisationId(), partner.role().code())
          .update();
    }
    for (String policy : c.policies()) {
      sql.sql("insert into question_proposition_policy (proposition_id, policy_id) values (?, ?)")
          .params(id, policy)
          .update();
    }
    for (String place : c.pilot().places()) {
      sql.sql("insert into question_proposition_place (proposition_id, area_code) values (?, ?)")
          .params(id, place)
          .update();
    }
  }

  private long decision(
      long propositionId,
      PropositionStatus from,
      PropositionStatus to,
      String decision,
      String reason,
      String who,
      Timestamp at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into question_proposition_decision (proposition_id, from_status, to_status,"
                + " decision, reason, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            propositionId, from == null ? null : from.code(), to.code(), decision, reason, who, at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The person deciding as the log names them: their name, or the audit log's actor. */
  private String decider() {
    String name =
        access.currentAccount().map(Account::displayName).filter(n -> !n.isBlank()).orElse(null);
    String actor = audit.currentActor();
    String who = name == null ? actor : name;
    return who.length() > 254 ? who.substring(0, 254) : who;
  }

  private static ConflictException changedSince(long id) {
    return new ConflictException(
        "proposition-changed",
        "Proposition changed",
        "version",
        null,
        "Someone changed proposition "
            + id
            + " since you opened it: reload it, make your change again and save");
  }

  private static String summary(Proposition p) {
    return new PropositionChecks.Checked(
            p.questionId(),
            p.title(),
            p.ifWe(),
            p.then(),
            p.measuredBy(),
            p.partners(),
            p.policyIds(),
            p.pilot())
        .summary();
  }

  private static String subject(long id, String title) {
    return "proposition " + id + " " + title;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
