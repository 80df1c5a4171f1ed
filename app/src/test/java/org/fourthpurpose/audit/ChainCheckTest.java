package org.fourthpurpose.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.audit.AuditVerification.Break;
import org.fourthpurpose.audit.AuditVerification.Problem;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

  static final Instant START = Instant.parse("2026-05-01T09:00:00Z");

  /** A well-formed chain of n entries. */
  static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    String previous = AuditHash.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEntry entry =
          AuditEntry.chained(
              i,
              START.plusSeconds(i),
              "person" + i + "@example.org",
              i % 2 == 0 ? "E54000008" : null,
              "role.granted",
              "subject " + i,
              null,
              "editor",
              previous);
      entries.add(entry);
      previous = entry.entryHash();
    }
    return entries;
  }

  /** The first break found walking the entries, then the end against the head given. */
  static Optional<Break> walk(List<AuditEntry> entries, long headSequence, String headHash) {
    ChainCheck check = new ChainCheck();
    for (AuditEntry entry : entries) {
      Optional<Break> broken = check.next(entry);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return check.end(headSequence, headHash);
  }

  static Optional<Break> walk(List<AuditEntry> entries) {
    List<AuditEntry> untouched = chain(5);
    return walk(entries, 5, untouched.get(4).entryHash());
  }

  static AuditEntry withAfter(AuditEntry e, String after) {
    return new AuditEntry(
        e.sequence(),
        e.occurredAt(),
        e.actor(),
        e.icbCode(),
        e.action(),
        e.subject(),
        e.before(),
        after,
        e.previousHash(),
        e.entryHash());
  }

  static AuditEntry renumbered(AuditEntry e, long sequence) {
    return new AuditEntry(
        sequence,
        e.occurredAt(),
        e.actor(),
        e.icbCode(),
        e.action(),
        e.subject(),
        e.before(),
        e.after(),
        e.previousHash(),
        e.entryHash());
  }

  @Test
  void anUntouchedChainIsIntactAndEveryEntryIsCounted() {
    List<AuditEntry> entries = chain(5);
    ChainCheck check = new ChainCheck();
    entries.forEach(e -> assertThat(check.next(e)).isEmpty());
    assertThat(check.end(5, entries.get(4).entryHash())).isEmpty();
    assertThat(check.checked()).isEqualTo(5);
    assertThat(walk(List.of(), 0, AuditHash.GENESIS)).isEmpty();
  }

  @Test
  void namesAnEntryWhoseFieldWasChanged() {
    List<AuditEntry> entries = chain(5);
    entries.set(2, withAfter(entries.get(2), "ics admin"));
    assertThat(walk(entries))
        .contains(
            new Break(
                3,
                Problem.ALTERED,
                "its contents no longer match its hash: it was changed after it was recorded"));
  }

  @Test
  void namesTheFirstEntryWhenItWasChanged() {
    List<AuditEntry> entries = chain(5);
    entries.set(0, withAfter(entries.get(0), null));
    assertThat(walk(entries))
        .get()
        .extracting(Break::sequence, Break::problem)
        .containsExactly(1L, Problem.ALTERED);
  }

  @Test
  void namesAFirstEntryThatDoesNotStartFromTheFixedFirstHash() {
    AuditEntry forged =
        AuditEntry.chained(1, START, "x", null, "role.granted", "s", null, null, "f".repeat(64));
    assertThat(walk(List.of(forged), 1, forged.entryHash()))
        .contains(
            new Break(
                1,
                Problem.WRONG_PREVIOUS_HASH,
                "the first entry does not start from the chain's fixed first hash"));
  }

  @Test
  void aChangedEntryWhoseHashWasWorkedOutAgainBreaksTheLinkToTheNext() {
    List<AuditEntry> entries = chain(5);
    AuditEntry old = entries.get(1);
    entries.set(
        1,
        AuditEntry.chained(
            2,
            old.occurredAt(),
            old.actor(),
            old.icbCode(),
            old.action(),
            old.subject(),
            old.before(),
            "ics admin",
            old.previousHash()));
    assertThat(walk(entries))
        .contains(
            new Break(
                3,
                Problem.WRONG_PREVIOUS_HASH,
                "it does not carry the hash of entry 2: an entry before it was changed, or one was"
                    + " removed or inserted"));
  }

  @Test
  void namesTheSequenceOfADeletedEntry() {
    List<AuditEntry> entries = chain(5);
    entries.remove(2);
    assertThat(walk(entries))
        .contains(new Break(3, Problem.MISSING, "entry 3 is missing: the next entry is 4"));
    List<AuditEntry> two = chain(5);
    two.subList(1, 3).clear();
    assertThat(walk(two))
        .contains(new Break(2, Problem.MISSING, "entries 2 to 3 are missing: the next entry is 4"));
  }

  @Test
  void namesTheMissingEntriesWhenTheLastOnesWereDeleted() {
    List<AuditEntry> entries = chain(5);
    entries.subList(3, 5).clear();
    assertThat(walk(entries))
        .contains(
            new Break(
                4,
                Problem.MISSING,
                "entries 4 to 5 are missing: the chain's head says it ends at entry 5"));
  }

  @Test
  void findsAnEntryInsertedWithTheOthersRenumbered() {
    List<AuditEntry> entries = chain(5);
    // A forger inserts a well-formed entry after entry 2 and moves the later ones up by one.
    AuditEntry forged =
        AuditEntry.chained(
            3,
            START,
            "forger",
            null,
            "role.granted",
            "x",
            null,
            "ics admin",
            entries.get(1).entryHash());
    List<AuditEntry> tampered = new ArrayList<>(entries.subList(0, 2));
    tampered.add(forged);
    for (AuditEntry e : entries.subList(2, 5)) {
      tampered.add(renumbered(e, e.sequence() + 1));
    }
    assertThat(walk(tampered, 6, tampered.get(5).entryHash()))
        .get()
        .extracting(Break::sequence, Break::problem)
        .containsExactly(4L, Problem.WRONG_PREVIOUS_HASH);
  }

  @Test
  void findsAnEntryInsertedWithASequenceAlreadyTaken() {
    List<AuditEntry> entries = chain(5);
    AuditEntry forged =
        AuditEntry.chained(
            2, START, "forger", null, "role.granted", "x", null, null, entries.get(0).entryHash());
    entries.add(2, forged);
    assertThat(walk(entries))
        .contains(new Break(2, Problem.OUT_OF_ORDER, "entry 2 appears again after entry 2"));
  }

  @Test
  void findsAWellFormedEntryAppendedAfterTheHead() {
    List<AuditEntry> entries = chain(6);
    assertThat(walk(entries, 5, entries.get(4).entryHash()))
        .get()
        .extracting(Break::sequence, Break::problem)
        .containsExactly(6L, Problem.BEYOND_HEAD);
  }

  @Test
  void findsALastEntryTheHeadDoesNotKnow() {
    List<AuditEntry> entries = chain(5);
    assertThat(walk(entries, 5, "e".repeat(64)))
        .contains(
            new Break(
                5,
                Problem.HEAD_MISMATCH,
                "its hash is not the one the chain's head recorded for it"));
  }

  @Test
  void findsEntriesWhoseOrderWasSwapped() {
    List<AuditEntry> entries = chain(5);
    // Two entries trade places: each takes the other's sequence.
    AuditEntry third = entries.get(2);
    AuditEntry fourth = entries.get(3);
    entries.set(2, renumbered(fourth, 3));
    entries.set(3, renumbered(third, 4));
    assertThat(walk(entries))
        .get()
        .extracting(Break::sequence, Break::problem)
        .containsExactly(3L, Problem.WRONG_PREVIOUS_HASH);
    // Read in the wrong order, the first out of place is reported missing.
    List<AuditEntry> shuffled = chain(5);
    shuffled.add(2, shuffled.remove(3));
    assertThat(walk(shuffled))
        .contains(new Break(3, Problem.MISSING, "entry 3 is missing: the next entry is 4"));
  }

  @Test
  void summarisesTheResultInASentence() {
    AuditVerification intact = new AuditVerification(5, 5, "ab", null, START);
    assertThat(intact.intact()).isTrue();
    assertThat(intact.summary())
        .isEqualTo("The audit log is intact: 5 entries checked, the last is entry 5 with hash ab.");
    AuditVerification broken =
        new AuditVerification(
            2, 5, "ab", new Break(3, Problem.MISSING, "entry 3 is missing"), START);
    assertThat(broken.intact()).isFalse();
    assertThat(broken.summary())
        .isEqualTo(
            "The audit log is broken at entry 3: entry 3 is missing (2 entries checked before it).");
  }
}
