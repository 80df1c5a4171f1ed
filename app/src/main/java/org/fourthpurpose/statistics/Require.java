package org.fourthpurpose.statistics;

/** Argument checks shared by the statistics, so every method words its failures the same way. */
final class Require {

  private Require() {}

  static double finite(String name, double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(name + " must be a number, was NaN");
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
    return value;
  }

  static double notNegative(String name, double value) {
    finite(name, value);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  static double positive(String name, double value) {
    finite(name, value);
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be greater than 0, was " + value);
    }
    return value;
  }

  static double probability(String name, double value) {
    finite(name, value);
    if (value <= 0 || value >= 1) {
      throw new IllegalArgumentException(name + " must be strictly between 0 and 1, was " + value);
    }
    return value;
  }
}
