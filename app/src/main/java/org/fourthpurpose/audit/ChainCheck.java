package org.fourthpurpose.audit;

import java.util.Optional;

/**
 * Walks audit entries in sequence order and finds the first place the chain breaks, holding only
 * the entry before, so a chain of any length is checked in constant memory.
 *
 * <pre>{@code
 * ChainCheck check = new ChainCheck();
 * for (AuditEntry e : entries) { if (check.next(e).isPresent()) break; }
 * check.end(headSequence, headHash);
 * }</pre>
 */
final class ChainCheck {

  private long expected = 1;
  private String previousHash = AuditHash.GENESIS;
  private long checked;

  /** How many entries passed their checks so far. */
  long checked() {
    return checked;
  }

  /** Checks the next entry; the problem, if it breaks the chain. */
  Optional<AuditVerification.Break> next(AuditEntry entry) {
    long sequence = entry.sequence();
    if (sequence > expected) {
      return problem(
          expected,
          AuditVerification.Problem.MISSING,
          (sequence - expected == 1
                  ? "entry " + expected + " is missing"
                  : "entries " + expected + " to " + (sequence - 1) + " are missing")
              + ": the next entry is "
              + sequence);
    }
    if (sequence < expected) {
      return problem(
          sequence,
          AuditVerification.Problem.OUT_OF_ORDER,
          "entry " + sequence + " appears again after entry " + (expected - 1));
    }
    if (!previousHash.equals(entry.previousHash())) {
      return problem(
          sequence,
          AuditVerification.Problem.WRONG_PREVIOUS_HASH,
          sequence == 1
              ? "the first entry does not start from the chain's fixed first hash"
              : "it does not carry the hash of entry "
                  + (sequence - 1)
                  + ": an entry before it was changed, or one was removed or inserted");
    }
    if (!entry.expectedHash().equals(entry.entryHash())) {
      return problem(
          sequence,
          AuditVerification.Problem.ALTERED,
          "its contents no longer match its hash: it was changed after it was recorded");
    }
    expected = sequence + 1;
    previousHash = entry.entryHash();
    checked++;
    return Optional.empty();
  }

  /** Checks, once every entry up to the head passed, that the chain ends where its head says. */
  Optional<AuditVerification.Break> end(long headSequence, String headHash) {
    long last = expected - 1;
    if (last > headSequence) {
      return problem(
          headSequence + 1,
          AuditVerification.Problem.BEYOND_HEAD,
          "the chain's head says it ends at entry "
              + headSequence
              + ": entries after it were added outside the application");
    }
    if (last < headSequence) {
      return problem(
          expected,
          AuditVerification.Problem.MISSING,
          (headSequence == expected
                  ? "entry " + expected + " is missing"
                  : "entries " + expected + " to " + headSequence + " are missing")
              + ": the chain's head says it ends at entry "
              + headSequence);
    }
    if (!previousHash.equals(headHash)) {
      return problem(
          last,
          AuditVerification.Problem.HEAD_MISMATCH,
          "its hash is not the one the chain's head recorded for it");
    }
    return Optional.empty();
  }

  private static Optional<AuditVerification.Break> problem(
      long sequence, AuditVerification.Problem problem, String detail) {
    return Optional.of(new AuditVerification.Break(sequence, problem, detail));
  }
}
