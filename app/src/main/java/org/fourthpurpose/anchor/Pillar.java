package org.fourthpurpose.anchor;

import java.util.Arrays;
import java.util.Optional;

/**
 * One of the five ways an anchor institution acts on its place, after the Health Foundation's
 * anchor domains (workforce, procurement, estates, environment, partner in place).
 */
public enum Pillar {
  EMPLOYMENT("employment", "Employment and good work"),
  PROCUREMENT("procurement", "Procurement and local spend"),
  ESTATES("estates", "Estates and land"),
  ENVIRONMENT("environment", "Environment and net zero"),
  PARTNER_IN_PLACE("partner-in-place", "Partner in place and civic role");

  private final String code;
  private final String label;

  Pillar(String code, String label) {
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
   * The pillar with this code (case and surrounding spaces ignored).
   *
   * @throws IllegalArgumentException when no pillar has this code
   */
  public static Pillar fromCode(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("Not a pillar: " + code));
  }

  public static Optional<Pillar> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst();
  }
}
