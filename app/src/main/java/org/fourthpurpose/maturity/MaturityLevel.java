package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;

/**
 * How far a system has come in one area of focus. The framework describes three levels; "not yet
 * emerging" is the rating for a system that does not yet meet the first of them.
 */
public enum MaturityLevel implements Coded {
  NOT_YET_EMERGING,
  EMERGING,
  ESTABLISHED,
  EXPANDING;

  /** The three levels the framework describes, in order. */
  public static final List<MaturityLevel> DESCRIBED = List.of(EMERGING, ESTABLISHED, EXPANDING);

  /** 0 for not yet emerging up to 3 for expanding. */
  public int rank() {
    return ordinal();
  }

  /** The level to work towards next; empty for expanding. */
  public Optional<MaturityLevel> next() {
    return this == EXPANDING ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  public boolean isDescribed() {
    return this != NOT_YET_EMERGING;
  }

  /** The level with this code (case-insensitive; underscores accepted for hyphens). */
  public static Optional<MaturityLevel> fromCode(String code) {
    return Coded.fromCode(MaturityLevel.class, code);
  }
}
