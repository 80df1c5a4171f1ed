package org.fourthpurpose.maturity;

import java.time.OffsetDateTime;

/** One assessment of an ICS against one version of the framework, e.g. "2026/27". */
public record AssessmentRound(
    long id,
    String icbCode,
    String name,
    long frameworkId,
    boolean open,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt) {

  public String status() {
    return open ? "open" : "closed";
  }
}
