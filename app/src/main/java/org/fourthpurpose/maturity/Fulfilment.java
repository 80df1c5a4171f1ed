package org.fourthpurpose.maturity;

import java.util.Optional;

/** How fully a system meets the descriptor of the level it is rated at. */
public enum Fulfilment implements Coded {
  PARTLY,
  FULLY;

  @Override
  public String label() {
    return this == PARTLY ? "Partly met" : "Fully met";
  }

  public static Optional<Fulfilment> fromCode(String code) {
    return Coded.fromCode(Fulfilment.class, code);
  }
}
