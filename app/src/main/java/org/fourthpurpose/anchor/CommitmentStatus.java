package org.fourthpurpose.anchor;

import java.util.Arrays;
import java.util.Optional;

/** Where an anchor commitment stands. */
public enum CommitmentStatus {
  PLANNED("planned", "Planned"),
  UNDER_WAY("under-way", "Under way"),
  ACHIEVED("achieved", "Achieved"),
  LAPSED("lapsed", "Lapsed");

  private final String code;
  private final String label;

  CommitmentStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /**
   * The status with this code (case and surrounding spaces ignored).
   *
   * @throws IllegalArgumentException when no status has this code
   */
  public static CommitmentStatus fromCode(String code) {
    return find(code)
        .orElseThrow(() -> new IllegalArgumentException("Not a commitment status: " + code));
  }

  public static Optional<CommitmentStatus> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst();
  }
}
