package org.fourthpurpose.maturity;

import java.util.Locale;
import java.util.Optional;

/** How sure an assessor is of their rating. */
public enum Confidence {
  LOW("low", "Low"),
  MEDIUM("medium", "Medium"),
  HIGH("high", "High");

  private final String code;
  private final String label;

  Confidence(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Confidence> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toLowerCase(Locale.ROOT);
    for (Confidence c : values()) {
      if (c.code.equals(normalised)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
