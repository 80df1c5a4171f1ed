package org.fourthpurpose.question.audit;

import java.time.Instant;

/** A workspace's relationship audit, without its questions. */
public record RelationshipAudit(
    long id,
    String icbCode,
    String title,
    AuditStatus status,
    String createdBy,
    Instant createdAt,
    Instant openedAt,
    Instant closedAt) {

  public boolean editable() {
    return status == AuditStatus.DRAFT;
  }

  public boolean takesResponses() {
    return status == AuditStatus.OPEN;
  }
}
