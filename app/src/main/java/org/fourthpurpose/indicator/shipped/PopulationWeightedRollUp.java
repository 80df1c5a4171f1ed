package org.fourthpurpose.indicator.shipped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;

/**
 * Combines values published for parts of an area (districts, or parts of districts) into one value
 * for the area, as an average weighted by the population of each part.
 *
 * <p>A district split between integrated care boards contributes to each ICB the population of the
 * LSOAs that lie in it, so its value counts in proportion to that part. Where every part has a 95%
 * confidence interval, the parts' standard errors ({@code (upper - lower) / 3.92}) are combined
 * with the same weights as if the estimates were independent; otherwise no interval is given. An
 * area gets no value when parts holding less than {@code minimumCoverage} of its population have
 * one.
 */
final class PopulationWeightedRollUp {

  private static final double Z95 = 1.959963984540054;

  /** A part of an area: which district it is part of, and how many people live in it. */
  record Part(String areaCode, String districtCode, double population) {}

  /** A district's published value, with its interval when published. */
  record DistrictEstimate(double value, Double lower, Double upper) {}

  private final double minimumCoverage;

  PopulationWeightedRollUp(double minimumCoverage) {
    this.minimumCoverage = minimumCoverage;
  }

  /**
   * Rolls district values up to areas. {@code parts} lists every part of every area, so that
   * coverage counts the parts with no value too.
   */
  Map<String, AreaValue> rollUp(
      AreaLevel level, Period period, List<Part> parts, Map<String, DistrictEstimate> districts) {
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Boolean> allIntervals = new HashMap<>();
    for (Part part : parts) {
      // [population, population with a value, weighted value sum, weighted variance sum]
      double[] sum = sums.computeIfAbsent(part.areaCode(), k -> new double[4]);
      sum[0] += part.population();
      DistrictEstimate estimate = districts.get(part.districtCode());
      if (estimate == null || part.population() <= 0) {
        continue;
      }
      sum[1] += part.population();
      sum[2] += part.population() * estimate.value();
      if (estimate.lower() != null && estimate.upper() != null) {
        double se = (estimate.upper() - estimate.lower()) / (2 * Z95);
        sum[3] += part.population() * part.population() * se * se;
        allIntervals.putIfAbsent(part.areaCode(), true);
      } else {
        allIntervals.put(part.areaCode(), false);
      }
    }
    Map<String, AreaValue> result = new TreeMap<>();
    sums.forEach(
        (area, sum) -> {
          if (sum[1] <= 0 || sum[0] <= 0) {
            return;
          }
          double coverage = sum[1] / sum[0];
          if (coverage < minimumCoverage) {
            return;
          }
          double value = sum[2] / sum[1];
          Double lower = null;
          Double upper = null;
          if (Boolean.TRUE.equals(allIntervals.get(area))) {
            double se = Math.sqrt(sum[3]) / sum[1];
            lower = value - Z95 * se;
            upper = value + Z95 * se;
          }
          result.put(
              area,
              new AreaValue(
                  level,
                  area,
                  period,
                  value,
                  lower,
                  upper,
                  null,
                  null,
                  coverage,
                  coverage < 0.9995
                      ? String.format(
                          java.util.Locale.ROOT,
                          "Parts with a value hold %.1f%% of residents",
                          coverage * 100)
                      : null));
        });
    return result;
  }
}
