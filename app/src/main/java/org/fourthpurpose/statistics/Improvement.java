package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * Which way a measure improves, as NHSRplotthedots' {@code improvement_direction}: it decides
 * whether a special cause is an improvement or a concern, and how a target is read.
 */
public enum Improvement {
  /** Higher is better. */
  INCREASE(1),
  /** Lower is better. */
  DECREASE(-1),
  /** Neither direction is better: special causes are only high or low. */
  NEUTRAL(0);

  private final int sign;

  Improvement(int sign) {
    this.sign = sign;
  }

  /** +1 for increase, -1 for decrease, 0 for neutral. */
  public int sign() {
    return sign;
  }

  /** The lower-case name used by NHSRplotthedots and the API ({@code increase}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The direction named by its code, case-insensitive.
   *
   * @throws IllegalArgumentException if the text is not increase, decrease or neutral
   */
  public static Improvement fromCode(String code) {
    if (code != null) {
      for (Improvement improvement : values()) {
        if (improvement.code().equalsIgnoreCase(code.strip())) {
          return improvement;
        }
      }
    }
    throw new IllegalArgumentException(
        "improvement must be increase, decrease or neutral, was " + code);
  }
}
