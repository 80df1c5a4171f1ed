package org.fourthpurpose.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.WorkspaceChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes and sign-in events in the audit log: who, when, in which workspace, what, and a
 * short summary of before and after. Entries are appended, never changed: each carries the hash of
 * the one before ({@link AuditHash}), and appends take turns on the chain's head row, so the chain
 * never forks.
 *
 * <p>An entry joins the caller's transaction, so a change that rolls back leaves no entry and an
 * entry that cannot be written rolls the change back. Record <em>last</em> in a transaction: the
 * head row stays locked until the transaction ends, and nothing should wait on it meanwhile.
 *
 * <pre>{@code
 * audit.record("E54000008", "role.granted", "ada@example.org (account 12)", null, "editor");
 * }</pre>
 *
 * <p>Each entry with a workspace publishes {@link WorkspaceChanged}, which tells the pages that
 * keep what they worked out for a workspace to forget it.
 *
 * <p>Texts are kept short and safe: line breaks and other control characters become spaces, text a
 * spreadsheet would run as a formula is defused as the CSV export would defuse it (so the export
 * shows every field exactly as hashed), and anything longer than its limit is cut with an ellipsis.
 * Never pass passwords, tokens or personal-link secrets.
 */
@Service
public class AuditLog {

  /** The actor of work no person asked for (start-up, background jobs with no one behind them). */
  public static final String SYSTEM = "system";

  static final int ACTOR_LIMIT = 320;
  static final int SUBJECT_LIMIT = 1000;
  static final int SUMMARY_LIMIT = 2000;
  static final int ICB_CODE_LIMIT = 12;

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectProvider<AuditActor> actors;
  private final ApplicationEventPublisher events;

  AuditLog(
      JdbcClient jdbc,
      Clock clock,
      ObjectProvider<AuditActor> actors,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.actors = actors;
    this.events = events;
  }

  /**
   * Records a change made by the person of the current request ({@value #SYSTEM} when there is
   * none).
   *
   * @param icbCode the workspace changed, or null for a platform-wide change
   * @param action a dotted code, e.g. {@code role.granted}, {@code group.published}
   * @param subject what was changed, in words (e.g. {@code "ada@example.org in E54000008"})
   * @param before a short summary of what it was, or null
   * @param after a short summary of what it is now, or null
   */
  @Transactional
  public void record(String icbCode, String action, String subject, String before, String after) {
    append(currentActor(), icbCode, action, subject, before, after);
  }

  /**
   * Records an event whose actor is given: the email address a sign-in was tried with, or the
   * person who started work that ends on another thread.
   */
  @Transactional
  public void recordAs(
      String actor, String icbCode, String action, String subject, String before, String after) {
    append(actor, icbCode, action, subject, before, after);
  }

  /**
   * The person of the current request as the log names them, or {@value #SYSTEM}; for work that
   * will be recorded later on another thread.
   */
  public String currentActor() {
    AuditActor actor = actors.getIfAvailable();
    return actor == null ? SYSTEM : actor.currentActor().orElse(SYSTEM);
  }

  private void append(
      String actor, String icbCode, String action, String subject, String before, String after) {
    if (action == null || action.length() > 60 || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("Not an audit action: " + action);
    }
    if (icbCode != null && (icbCode.isBlank() || icbCode.length() > ICB_CODE_LIMIT)) {
      throw new IllegalArgumentException("Not a workspace code: " + icbCode);
    }
    String who = text(actor, ACTOR_LIMIT);
    String what = text(subject, SUBJECT_LIMIT);
    Head head =
        jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1 for update")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    // Read after the lock, so times follow the sequence.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry =
        AuditEntry.chained(
            head.sequence() + 1,
            now,
            who == null ? SYSTEM : who,
            icbCode,
            action,
            what == null ? "-" : what,
            text(before, SUMMARY_LIMIT),
            text(after, SUMMARY_LIMIT),
            head.hash());
    jdbc.sql(
            "insert into audit_entry (sequence_number, occurred_at, actor, icb_code, action,"
                + " subject, before_summary, after_summary, previous_hash, entry_hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            entry.sequence(),
            entry.occurredAt().atOffset(ZoneOffset.UTC),
            entry.actor(),
            entry.icbCode(),
            entry.action(),
            entry.subject(),
            entry.before(),
            entry.after(),
            entry.previousHash(),
            entry.entryHash())
        .update();
    jdbc.sql("update audit_chain_head set last_sequence = ?, last_hash = ? where id = 1")
        .params(entry.sequence(), entry.entryHash())
        .update();
    if (icbCode != null) {
      // Every audited change to a workspace: what is kept of its pages is forgotten once it
      // commits.
      events.publishEvent(new WorkspaceChanged(icbCode));
    }
  }

  private record Head(long sequence, String hash) {}

  /**
   * A text as the log keeps it: control characters as spaces, unpaired surrogates as U+FFFD (so the
   * text is the same after a trip through the database and UTF-8), no surrounding spaces, defused
   * as a CSV download would be, and at most {@code limit} characters; null when blank.
   */
  static String text(String text, int limit) {
    if (text == null) {
      return null;
    }
    // Enough of a long text to tell that it is too long.
    int keep = Math.min(text.length(), limit + 2);
    StringBuilder clean = new StringBuilder(keep + 1);
    for (int i = 0; i < keep; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        clean.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        clean.append('\uFFFD');
      } else if (Character.isISOControl(c)) {
        clean.append(' ');
      } else {
        clean.append(c);
      }
    }
    String stripped = clean.toString().strip();
    if (stripped.isEmpty()) {
      return null;
    }
    String defused = CsvText.defuse(stripped);
    boolean cut = keep < text.length();
    if (!cut && defused.length() <= limit) {
      return defused;
    }
    int end = Math.min(limit - 1, defused.length());
    if (end > 0 && Character.isHighSurrogate(defused.charAt(end - 1))) {
      end--;
    }
    return defused.substring(0, end) + "…";
  }
}
