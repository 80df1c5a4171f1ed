package org.fourthpurpose.indicator;

/**
 * A value of an indicator for one area and period, with its 95% confidence interval and parts where
 * known.
 *
 * @param coverage for roll-ups, the share of the area's population whose parts had a value (1 when
 *     published directly)
 */
public record AreaValue(
    AreaLevel level,
    String areaCode,
    Period period,
    Double value,
    Double lowerCi,
    Double upperCi,
    Double numerator,
    Double denominator,
    double coverage,
    String note) {

  public static AreaValue published(
      AreaLevel level, String code, Period period, double value, Double lower, Double upper) {
    return new AreaValue(level, code, period, value, lower, upper, null, null, 1, null);
  }

  public static AreaValue ofCounts(
      AreaLevel level,
      String code,
      Period period,
      double numerator,
      double denominator,
      double scale) {
    return new AreaValue(
        level,
        code,
        period,
        numerator / denominator * scale,
        null,
        null,
        numerator,
        denominator,
        1,
        null);
  }
}
