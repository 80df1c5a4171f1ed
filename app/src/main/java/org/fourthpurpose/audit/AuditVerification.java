package org.fourthpurpose.audit;

import java.time.Instant;

/**
 * What a walk along the audit chain found: intact, or the first entry where it breaks.
 *
 * @param entriesChecked how many entries were read before the walk ended
 * @param lastSequence the sequence of the chain's last entry, as its head records it
 * @param lastHash the hash of the chain's last entry, as its head records it: note it somewhere
 *     outside the application, and a later check that ends at another hash for the same entry shows
 *     that the log was rewritten
 * @param firstBroken the first problem, or null when the chain is intact
 * @param checkedAt when the check ran
 */
public record AuditVerification(
    long entriesChecked, long lastSequence, String lastHash, Break firstBroken, Instant checkedAt) {

  /** Whether every entry is as it was recorded. */
  public boolean intact() {
    return firstBroken == null;
  }

  /** The result in one sentence, as the check command prints it. */
  public String summary() {
    if (intact()) {
      return "The audit log is intact: "
          + entriesChecked
          + (entriesChecked == 1 ? " entry" : " entries")
          + " checked, the last is entry "
          + lastSequence
          + " with hash "
          + lastHash
          + ".";
    }
    return "The audit log is broken at entry "
        + firstBroken.sequence()
        + ": "
        + firstBroken.detail()
        + " ("
        + entriesChecked
        + (entriesChecked == 1 ? " entry" : " entries")
        + " checked before it).";
  }

  /** What is wrong, and where. */
  public enum Problem {
    /** An entry's fields no longer give its hash: it was changed. */
    ALTERED,
    /** Entries are missing: the sequence jumps, or the chain ends before its head says. */
    MISSING,
    /** An entry's sequence repeats or goes back. */
    OUT_OF_ORDER,
    /** An entry does not carry the hash of the entry before it. */
    WRONG_PREVIOUS_HASH,
    /** An entry lies beyond the chain's head: it was added outside the application. */
    BEYOND_HEAD,
    /** The last entry's hash is not the one the chain's head recorded. */
    HEAD_MISMATCH
  }

  /**
   * The first place the chain breaks.
   *
   * @param sequence the entry (or, for missing entries, the first missing sequence)
   * @param problem the kind of break
   * @param detail what was found, in words
   */
  public record Break(long sequence, Problem problem, String detail) {}
}
