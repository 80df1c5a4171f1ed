package org.fourthpurpose.maturity;

import java.util.Optional;

/** How fully a system meets the descriptor of the level it is rated at. */
public enum Fulfilment implements Coded {
  PARTLY("partly", "Partly met"),
  FULLY("fully", "Fully met");

  private final String code;
  private final String label;

  Fulfilment(String code, String label) {
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

  public static Optional<Fulfilment> fromCode(String code) {
    return Coded.fromCode(Fulfilment.class, code);
  }
}
