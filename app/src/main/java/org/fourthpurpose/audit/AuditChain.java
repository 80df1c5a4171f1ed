package org.fourthpurpose.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the audit chain: walks every entry in sequence order, a page at a time, and reports the
 * first one that was changed, removed or inserted ({@link ChainCheck}).
 *
 * <p>The walk reads the chain's head first and stops at the entry it names, so entries appended
 * while it runs are left for the next check instead of being taken for tampering; entries beyond
 * the head are looked for in one statement at the end.
 */
@Service
public class AuditChain {

  static final int PAGE = 1_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditChain(JdbcClient jdbc, Optional<Clock> clock) {
    this.jdbc = jdbc;
    // The check command runs without the application's beans; the system clock serves it.
    this.clock = clock.orElseGet(Clock::systemUTC);
  }

  /** Walks the whole chain. */
  public AuditVerification verify() {
    Head head =
        jdbc.sql("select last_sequence, last_hash from audit_chain_head where id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    ChainCheck check = new ChainCheck();
    long after = 0;
    while (true) {
      List<AuditEntry> page =
          jdbc.sql(
                  "select * from audit_entry where sequence_number > ? and sequence_number <= ?"
                      + " order by sequence_number, id fetch first "
                      + PAGE
                      + " rows only")
              .params(after, head.sequence())
              .query(AuditChain::entry)
              .list();
      for (AuditEntry entry : page) {
        Optional<AuditVerification.Break> broken = check.next(entry);
        if (broken.isPresent()) {
          return result(check, head, broken.get());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      after = page.get(page.size() - 1).sequence();
    }
    Optional<AuditVerification.Break> end = check.end(head.sequence(), head.hash());
    if (end.isPresent()) {
      return result(check, head, end.get());
    }
    // In one statement, so that an append committing meanwhile (entry and head together) is seen
    // whole or not at all.
    Long beyond =
        jdbc
            .sql(
                "select min(sequence_number) from audit_entry"
                    + " where sequence_number > (select last_sequence from audit_chain_head"
                    + " where id = 1)")
            .query(Long.class)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (beyond != null) {
      return result(
          check,
          head,
          new AuditVerification.Break(
              beyond,
              AuditVerification.Problem.BEYOND_HEAD,
              "it lies after the chain's last entry: it was added outside the application"));
    }
    return result(check, head, null);
  }

  private AuditVerification result(ChainCheck check, Head head, AuditVerification.Break broken) {
    return new AuditVerification(
        check.checked(), head.sequence(), head.hash(), broken, Instant.now(clock));
  }

  private record Head(long sequence, String hash) {}

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("sequence_number"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("icb_code"),
        rs.getString("action"),
        rs.getString("subject"),
        rs.getString("before_summary"),
        rs.getString("after_summary"),
        rs.getString("previous_hash"),
        rs.getString("entry_hash"));
  }
}
