package org.fourthpurpose.statistics;

/**
 * One time period of a series of values that have 95% confidence intervals but no binomial
 * numerator and denominator to test, such as rates, ratios and means. NaN marks a missing value or
 * limit.
 *
 * @param period the time period as a number, e.g. the year 2019
 * @param value the indicator value, NaN when missing
 * @param lower95 the lower 95% confidence limit, NaN when missing
 * @param upper95 the upper 95% confidence limit, NaN when missing
 */
public record EstimateAtPeriod(double period, double value, double lower95, double upper95) {

  public EstimateAtPeriod {
    Require.finite("period", period);
    if (lower95 > value || value > upper95 || lower95 > upper95) {
      throw new IllegalArgumentException(
          "value "
              + value
              + " must lie within its 95% interval ["
              + lower95
              + ", "
              + upper95
              + "]");
    }
  }

  boolean isMissing() {
    return Double.isNaN(value) || Double.isNaN(lower95) || Double.isNaN(upper95);
  }
}
