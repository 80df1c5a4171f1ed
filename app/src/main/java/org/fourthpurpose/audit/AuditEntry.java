package org.fourthpurpose.audit;

import java.time.Instant;

/**
 * One entry of the audit log, as stored.
 *
 * @param sequence its place in the chain, from 1, without gaps
 * @param occurredAt when, to the microsecond
 * @param actor who: a person (e.g. {@code "ada@example.org (account 12)"}), the email address a
 *     sign-in was tried with, or {@value AuditLog#SYSTEM}
 * @param icbCode the workspace (an ICS's ONS code), or null for a platform-wide change
 * @param action what kind of change, a dotted code such as {@code role.granted}
 * @param subject what was changed, in words
 * @param before a short summary of the state before, or null
 * @param after a short summary of the state after, or null
 * @param previousHash the entry hash of the entry before ({@link AuditHash#GENESIS} for the first)
 * @param entryHash {@link AuditHash#of} this entry's fields
 */
public record AuditEntry(
    long sequence,
    Instant occurredAt,
    String actor,
    String icbCode,
    String action,
    String subject,
    String before,
    String after,
    String previousHash,
    String entryHash) {

  /** An entry that follows {@code previousHash}, with its own hash worked out. */
  static AuditEntry chained(
      long sequence,
      Instant occurredAt,
      String actor,
      String icbCode,
      String action,
      String subject,
      String before,
      String after,
      String previousHash) {
    String hash =
        AuditHash.of(
            sequence, occurredAt, actor, icbCode, action, subject, before, after, previousHash);
    return new AuditEntry(
        sequence, occurredAt, actor, icbCode, action, subject, before, after, previousHash, hash);
  }

  /** The hash this entry's fields should have; differs from {@link #entryHash} once altered. */
  String expectedHash() {
    return AuditHash.of(
        sequence, occurredAt, actor, icbCode, action, subject, before, after, previousHash);
  }
}
