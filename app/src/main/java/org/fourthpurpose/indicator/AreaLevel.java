package org.fourthpurpose.indicator;

import java.util.Locale;

/** The levels of geography an indicator value can describe. */
public enum AreaLevel {
  ENGLAND,
  REGION,
  ICB,
  SUB_ICB,
  LAD;

  /** Parses a level name case-insensitively; returns null when unknown. */
  public static AreaLevel parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
