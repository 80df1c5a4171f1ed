package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * Where an area sits on a funnel plot: inside the 95% limits, between the 95% and 99.8% limits, or
 * beyond the 99.8% limits, above or below the target (PHEindicatormethods' "High (0.001)", "High
 * (0.025)", "Not significant", "Low (0.025)" and "Low (0.001)").
 */
public enum FunnelPosition {
  ABOVE_998("Above the 99.8% limit"),
  ABOVE_95("Above the 95% limit"),
  WITHIN("Within the 95% limits"),
  BELOW_95("Below the 95% limit"),
  BELOW_998("Below the 99.8% limit");

  private final String label;

  FunnelPosition(String label) {
    this.label = label;
  }

  /** Words for a table, such as "Above the 95% limit" (beyond 95% but within 99.8%). */
  public String label() {
    return label;
  }

  /** The lower-case name, such as {@code above_998}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Above or below the target beyond the 95% limit. */
  public boolean outside95() {
    return this != WITHIN;
  }
}
