package org.fourthpurpose.indicator;

/** Whether a higher value is better, worse, or neither, for the people of the area. */
public enum Polarity {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  NEITHER
}
