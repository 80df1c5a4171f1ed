package org.fourthpurpose.statistics;

import java.util.Locale;

/** What a funnel plot compares, as PHEindicatormethods' {@code statistic}. */
public enum FunnelStatistic {
  /** Numerator out of a denominator (such as patients seen within 4 hours), times a multiplier. */
  PROPORTION,
  /** Events per population (a crude rate), times a multiplier such as 100,000. */
  RATE,
  /** Observed over expected events, an indirectly standardised ratio; the target is 1. */
  RATIO;

  /** The lower-case name, such as {@code proportion}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
