package org.fourthpurpose.maturity;

import java.util.Optional;

/** How sure an assessor is of their rating. */
public enum Confidence implements Coded {
  LOW,
  MEDIUM,
  HIGH;

  public static Optional<Confidence> fromCode(String code) {
    return Coded.fromCode(Confidence.class, code);
  }
}
