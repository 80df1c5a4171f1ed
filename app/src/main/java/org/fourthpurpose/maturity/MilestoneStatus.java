package org.fourthpurpose.maturity;

import java.util.Optional;

/** Where an action towards the next level stands. */
public enum MilestoneStatus implements Coded {
  NOT_STARTED,
  IN_PROGRESS,
  DONE,
  DROPPED;

  public boolean isOpen() {
    return this == NOT_STARTED || this == IN_PROGRESS;
  }

  public static Optional<MilestoneStatus> fromCode(String code) {
    return Coded.fromCode(MilestoneStatus.class, code);
  }
}
