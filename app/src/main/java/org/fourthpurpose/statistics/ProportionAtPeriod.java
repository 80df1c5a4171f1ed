package org.fourthpurpose.statistics;

/**
 * One time period of a proportion's series: events out of a population, e.g. 1,367 of 44,701 in
 * 2019. A missing numerator or denominator is NaN, and makes a trend that needs it impossible.
 *
 * @param period the time period as a number, e.g. the year 2019; periods should be evenly spaced
 * @param numerator events, NaN when missing
 * @param denominator population, NaN when missing
 */
public record ProportionAtPeriod(double period, double numerator, double denominator) {

  public ProportionAtPeriod {
    Require.finite("period", period);
    if (!Double.isNaN(numerator)) {
      Require.notNegative("numerator", numerator);
    }
    if (!Double.isNaN(denominator)) {
      Require.positive("denominator", denominator);
    }
    if (numerator > denominator) {
      throw new IllegalArgumentException(
          "numerator " + numerator + " must not be greater than denominator " + denominator);
    }
  }

  boolean isMissing() {
    return Double.isNaN(numerator) || Double.isNaN(denominator);
  }
}
