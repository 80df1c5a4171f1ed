package org.fourthpurpose.indicator;

/** What kind of number an indicator's value is; it decides how values can be combined. */
public enum ValueType {
  PROPORTION,
  RATE,
  MEAN,
  SCORE,
  COUNT,
  RATIO
}
