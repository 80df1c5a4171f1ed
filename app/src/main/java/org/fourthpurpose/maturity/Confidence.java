package org.fourthpurpose.maturity;

import java.util.Optional;

/** How sure an assessor is of their rating. */
public enum Confidence implements Coded {
  LOW("low", "Low"),
  MEDIUM("medium", "Medium"),
  HIGH("high", "High");

  private final String code;
  private final String label;

  Confidence(String code, String label) {
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

  public static Optional<Confidence> fromCode(String code) {
    return Coded.fromCode(Confidence.class, code);
  }
}
