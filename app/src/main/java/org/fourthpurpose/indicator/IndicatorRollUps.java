package org.fourthpurpose.indicator;

import java.util.Optional;

/**
 * How each indicator's values for larger areas (ICBs, regions, England) were made from those of
 * smaller ones, in words: a population-weighted mean, a ratio of sums, a sum, or published as is.
 * Shown on the indicator page and given in the API and downloads as {@code rollUp}.
 */
public interface IndicatorRollUps {

  /** The roll-up rule of a shipped indicator, or empty for one an ICS added itself. */
  Optional<String> rollUp(String indicatorId);
}
