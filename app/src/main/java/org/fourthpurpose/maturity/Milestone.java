package org.fourthpurpose.maturity;

import java.time.LocalDate;
import java.util.List;

/** An action that moves one area towards the next level. */
public record Milestone(
    long id,
    long roundId,
    String areaId,
    MaturityLevel targetLevel,
    String action,
    String owner,
    List<String> partners,
    LocalDate dueDate,
    MilestoneStatus status,
    int version) {

  /** Still to do and past its due date. */
  public boolean overdueOn(LocalDate today) {
    return status.isOpen() && dueDate.isBefore(today);
  }
}
