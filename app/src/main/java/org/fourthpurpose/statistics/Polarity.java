package org.fourthpurpose.statistics;

/** Which direction of an indicator is good, as Fingertips records for every indicator. */
public enum Polarity {
  /** A higher value is better, e.g. healthy life expectancy or employment rate. */
  HIGHER_IS_BETTER,
  /** A lower value is better, e.g. emergency admissions or fuel poverty. */
  LOWER_IS_BETTER,
  /** Neither direction is better, e.g. population aged 65 and over; compare without judging. */
  NO_JUDGEMENT
}
