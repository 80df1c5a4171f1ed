package org.fourthpurpose.maturity;

import java.util.Optional;

/** Where an action towards the next level stands. */
public enum MilestoneStatus implements Coded {
  NOT_STARTED("not-started", "Not started"),
  IN_PROGRESS("in-progress", "In progress"),
  DONE("done", "Done"),
  DROPPED("dropped", "Dropped");

  private final String code;
  private final String label;

  MilestoneStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  @Override
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this == NOT_STARTED || this == IN_PROGRESS;
  }

  public static Optional<MilestoneStatus> fromCode(String code) {
    return Coded.fromCode(MilestoneStatus.class, code);
  }
}
