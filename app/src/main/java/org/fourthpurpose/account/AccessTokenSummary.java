package org.fourthpurpose.account;

import java.time.Instant;

/** A personal access token as listed to its owner: never the token itself. */
public record AccessTokenSummary(
    long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

  public boolean active() {
    return revokedAt == null;
  }
}
