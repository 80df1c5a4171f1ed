package org.fourthpurpose.maturity;

import java.time.OffsetDateTime;

/**
 * Someone invited to rate every area in one round: an account holder, or a partner reached by a
 * personal link (accountId null).
 */
public record Assessor(
    long id,
    long roundId,
    Long accountId,
    String displayName,
    String organisation,
    OffsetDateTime invitedAt,
    OffsetDateTime submittedAt) {

  public boolean submitted() {
    return submittedAt != null;
  }

  public boolean personalLink() {
    return accountId == null;
  }
}
