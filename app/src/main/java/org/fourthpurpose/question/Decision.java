package org.fourthpurpose.question;

import java.time.Instant;

/**
 * One entry of a proposition's decision log: a move from one status to another (from none, when it
 * was proposed), who decided, when, what and why.
 */
public record Decision(
    long id,
    long propositionId,
    PropositionStatus from,
    PropositionStatus to,
    String decision,
    String reason,
    String decidedBy,
    Instant decidedAt) {}
