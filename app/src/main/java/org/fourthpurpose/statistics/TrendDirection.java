package org.fourthpurpose.statistics;

/** The direction of a recent trend, as the Fingertips trend marker shows it. */
public enum TrendDirection {
  /** Significantly increasing at 99.8% over the last five points. */
  INCREASING,
  /** Significantly decreasing at 99.8% over the last five points. */
  DECREASING,
  /** The test ran and found no trend significant at 99.8%. */
  NO_SIGNIFICANT_CHANGE,
  /** The series does not meet the conditions for the test; the reason says which. */
  CANNOT_BE_CALCULATED
}
