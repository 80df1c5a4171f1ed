package org.fourthpurpose.audit;

/**
 * One audit entry as the service publishes it, the same in the API's JSON and the CSV export (its
 * components are the properties and the columns): {@code occurredAt} is written as the hash encodes
 * it (UTC, six decimals), and both hashes are there, so anyone can recompute each entry's hash
 * ({@link AuditHash}) and follow the chain.
 */
record PublishedEntry(
    long sequence,
    String occurredAt,
    String actor,
    String icbCode,
    String action,
    String subject,
    String before,
    String after,
    String previousHash,
    String entryHash) {

  static PublishedEntry of(AuditEntry e) {
    return new PublishedEntry(
        e.sequence(),
        AuditHash.time(e.occurredAt()),
        e.actor(),
        e.icbCode(),
        e.action(),
        e.subject(),
        e.before(),
        e.after(),
        e.previousHash(),
        e.entryHash());
  }
}
