package org.fourthpurpose.anchor;

import java.time.Instant;

/** A commitment taking a status (its first one included), for change over time. */
public record StatusChange(long commitmentId, CommitmentStatus status, Instant changedAt) {}
