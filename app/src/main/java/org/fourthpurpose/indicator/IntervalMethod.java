package org.fourthpurpose.indicator;

/**
 * How an indicator's 95% confidence interval is obtained: published by the source, computed from
 * numerator and denominator by a named method, or not given (complete counts, indices).
 */
public enum IntervalMethod {
  PUBLISHED,
  WILSON,
  BYARS,
  EXACT_POISSON,
  STUDENT_T,
  NONE
}
