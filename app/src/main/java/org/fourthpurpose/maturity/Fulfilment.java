package org.fourthpurpose.maturity;

import java.util.Locale;
import java.util.Optional;

/** How fully a system meets the descriptor of the level it is rated at. */
public enum Fulfilment {
  PARTLY("partly", "Partly met"),
  FULLY("fully", "Fully met");

  private final String code;
  private final String label;

  Fulfilment(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Fulfilment> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toLowerCase(Locale.ROOT);
    for (Fulfilment f : values()) {
      if (f.code.equals(normalised)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
