package org.fourthpurpose.maturity;

import java.util.Locale;
import java.util.Optional;

/** Where an action towards the next level stands. */
public enum MilestoneStatus {
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
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (MilestoneStatus s : values()) {
      if (s.code.equals(normalised)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
