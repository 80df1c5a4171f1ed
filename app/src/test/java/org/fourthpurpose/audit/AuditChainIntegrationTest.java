package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.audit.AuditVerification.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on the build's database (H2, and PostgreSQL when switched on): appends from many
 * threads never fork it, and the check names the entry that was changed, removed or inserted,
 * through the service and the command. The chain is shared with every other test, so each tampering
 * is undone in a finally block, and results are asserted about the entries tampered with.
 */
@ApplicationTest
class AuditChainIntegrationTest {

  @Autowired AuditLog audit;
  @Autowired AuditChain chain;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  /** Records an entry of this test and returns its sequence. */
  private long recordOne(String subject) {
    audit.recordAs("tester", "E54000008", "test.recorded", subject, "before", "after");
    return jdbc.queryForObject(
        "select sequence_number from audit_entry where subject = ?", Long.class, subject);
  }

  private static String subject() {
    return "chain test " + UUID.randomUUID();
  }

  /** Runs the check command in this JVM (same configuration, same database). */
  private static String[] check() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        AuditCheckCommand.run(
            new String[] {"--audit-check"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(code),
      out.toString(StandardCharsets.UTF_8).strip(),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void appendsFromManyThreadsAtOnceMakeOneUnbrokenChain() throws Exception {
    int threads = 8;
    int each = 25;
    String run = UUID.randomUUID().toString();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < each; i++) {
                        String subject = run + " " + thread + "/" + i;
                        if (i % 2 == 0) {
                          audit.recordAs(
                              "thread " + thread, null, "test.concurrent", subject, null, null);
                        } else {
                          // Inside a caller's transaction, as the features record.
                          transaction.executeWithoutResult(
                              status ->
                                  audit.recordAs(
                                      "thread " + thread,
                                      null,
                                      "test.concurrent",
                                      subject,
                                      null,
                                      null));
                        }
                      }
                      return null;
                    }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> sequences =
        jdbc.queryForList(
            "select sequence_number from audit_entry where subject like ? order by sequence_number",
            Long.class,
            run + " %");
    assertThat(sequences).hasSize(threads * each).doesNotHaveDuplicates();
    AuditVerification result = chain.verify();
    assertThat(result.firstBroken()).isNull();
    assertThat(result.intact()).isTrue();
    assertThat(result.lastSequence()).isGreaterThanOrEqualTo(sequences.get(sequences.size() - 1));
    assertThat(result.entriesChecked()).isEqualTo(result.lastSequence());
    // Each entry carries the hash of the one just before it in the sequence.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_entry e join audit_entry p"
                    + " on p.sequence_number = e.sequence_number - 1"
                    + " where e.subject like ? and e.previous_hash <> p.entry_hash",
                Long.class,
                run + " %"))
        .isZero();
  }

  @Test
  void theCheckNamesAnEntryChangedInTheDatabaseAndIsIntactOnceItIsRestored() {
    long sequence = recordOne(subject());
    assertThat(chain.verify().intact()).isTrue();
    try {
      jdbc.update(
          "update audit_entry set after_summary = 'ics admin' where sequence_number = ?", sequence);

      AuditVerification result = chain.verify();
      assertThat(result.intact()).isFalse();
      assertThat(result.firstBroken().sequence()).isEqualTo(sequence);
      assertThat(result.firstBroken().problem()).isEqualTo(Problem.ALTERED);
      assertThat(result.entriesChecked()).isEqualTo(sequence - 1);

      String[] command = check();
      assertThat(command[0]).isEqualTo("1");
      assertThat(command[1])
          .isEqualTo(
              "The audit log is broken at entry "
                  + sequence
                  + ": its contents no longer match its hash: it was changed after it was"
                  + " recorded ("
                  + (sequence - 1)
                  + " entries checked before it).");
    } finally {
      jdbc.update(
          "update audit_entry set after_summary = 'after' where sequence_number = ?", sequence);
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theCheckNamesADeletedEntry() {
    long sequence = recordOne(subject());
    recordOne(subject());
    Map<String, Object> row =
        jdbc.queryForMap("select * from audit_entry where sequence_number = ?", sequence);
    // Read as the type written, so the restored time is the same to the microsecond.
    java.time.OffsetDateTime at =
        jdbc.queryForObject(
            "select occurred_at from audit_entry where sequence_number = ?",
            java.time.OffsetDateTime.class,
            sequence);
    try {
      jdbc.update("delete from audit_entry where sequence_number = ?", sequence);

      AuditVerification result = chain.verify();
      assertThat(result.firstBroken())
          .isEqualTo(
              new AuditVerification.Break(
                  sequence,
                  Problem.MISSING,
                  "entry " + sequence + " is missing: the next entry is " + (sequence + 1)));
      assertThat(check()[0]).isEqualTo("1");
    } finally {
      jdbc.update(
          "insert into audit_entry (id, sequence_number, occurred_at, actor, icb_code, action,"
              + " subject, before_summary, after_summary, previous_hash, entry_hash)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.get("id"),
          row.get("sequence_number"),
          at,
          row.get("actor"),
          row.get("icb_code"),
          row.get("action"),
          row.get("subject"),
          row.get("before_summary"),
          row.get("after_summary"),
          row.get("previous_hash"),
          row.get("entry_hash"));
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theCheckNamesAnEntryInsertedOutsideTheApplication() {
    recordOne(subject());
    long head =
        jdbc.queryForObject("select last_sequence from audit_chain_head where id = 1", Long.class);
    String lastHash =
        jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
    // Well formed and linked to the last entry, but the chain's head does not know it. It is far
    // beyond the head, so that appends by other work meanwhile do not collide with it.
    long forged = head + 1_000_000;
    java.time.Instant at =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    String hash =
        AuditHash.of(
            forged, at, "forger", null, "role.granted", "forged", null, "ics admin", lastHash);
    try {
      jdbc.update(
          "insert into audit_entry (sequence_number, occurred_at, actor, icb_code, action, subject,"
              + " before_summary, after_summary, previous_hash, entry_hash)"
              + " values (?, ?, 'forger', null, 'role.granted', 'forged', null, 'ics admin', ?, ?)",
          forged,
          at.atOffset(java.time.ZoneOffset.UTC),
          lastHash,
          hash);

      AuditVerification result = chain.verify();
      assertThat(result.firstBroken().sequence()).isEqualTo(forged);
      assertThat(result.firstBroken().problem()).isEqualTo(Problem.BEYOND_HEAD);
      assertThat(check()[0]).isEqualTo("1");
    } finally {
      jdbc.update("delete from audit_entry where sequence_number = ?", forged);
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theCheckCommandSaysTheLogIsIntactAndExitsWithZero() {
    long sequence = recordOne(subject());
    String[] command = check();
    assertThat(command[0]).isEqualTo("0");
    assertThat(command[1])
        .startsWith("The audit log is intact: ")
        .matches(
            "The audit log is intact: \\d+ entries checked, the last is entry \\d+ with hash [0-9a-f]{64}\\.");
    long last = Long.parseLong(command[1].replaceAll(".*the last is entry (\\d+) .*", "$1"));
    assertThat(last).isGreaterThanOrEqualTo(sequence);
  }

  @Test
  void recordsWhatItIsGivenWithTheTimeAndActorAndRefusesAnActionThatIsNotACode() {
    String subject = subject();
    audit.record(null, "test.recorded", subject, null, "x".repeat(3000));
    Map<String, Object> row =
        jdbc.queryForMap("select * from audit_entry where subject = ?", subject);
    // No one is signed in on a test's thread.
    assertThat(row.get("actor")).isEqualTo("system");
    assertThat(row.get("icb_code")).isNull();
    assertThat((String) row.get("after_summary")).hasSize(2000).endsWith("x…");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> audit.record(null, "Not a code", "s", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
