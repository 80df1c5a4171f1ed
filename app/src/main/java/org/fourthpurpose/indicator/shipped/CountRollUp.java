package org.fourthpurpose.indicator.shipped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;

/**
 * Rolls up district values that are counts, or rates whose denominator count is published too, by
 * adding counts rather than averaging rates.
 *
 * <p>{@link #sum} adds district counts (a district split between areas gives each area the share of
 * its count that matches the share of its residents living there) and gives an area a value only
 * when every part of it has one: a partial sum would look like a small area, not a gap. {@link
 * #ratioOfSums} turns each district's rate back into its numerator with the published denominator
 * ({@code rate x denominator}) and divides the summed numerators by the summed denominators, which
 * is the same as averaging the rates weighted by their denominators; it gives a value when parts
 * with both hold at least {@code minimumCoverage} of the area's residents.
 */
final class CountRollUp {

  private final double minimumCoverage;
  private final Map<String, Long> districtPopulation;

  CountRollUp(double minimumCoverage, Map<String, Long> districtPopulation) {
    this.minimumCoverage = minimumCoverage;
    this.districtPopulation = districtPopulation;
  }

  /** Sums district counts over each area's parts; no value unless every part has a count. */
  Map<String, AreaValue> sum(
      AreaLevel level,
      Period period,
      List<PopulationWeightedRollUp.Part> parts,
      Map<String, Double> counts) {
    Map<String, double[]> sums = new TreeMap<>();
    for (PopulationWeightedRollUp.Part part : parts) {
      // [population, population with a value, count]
      double[] sum = sums.computeIfAbsent(part.areaCode(), k -> new double[3]);
      sum[0] += part.population();
      Double count = counts.get(part.districtCode());
      Long whole = districtPopulation.get(part.districtCode());
      if (count == null || whole == null || whole <= 0 || part.population() <= 0) {
        continue;
      }
      sum[1] += part.population();
      sum[2] += count * part.population() / whole;
    }
    Map<String, AreaValue> result = new TreeMap<>();
    sums.forEach(
        (area, sum) -> {
          if (sum[0] > 0 && sum[1] >= sum[0]) {
            result.put(
                area, new AreaValue(level, area, period, sum[2], null, null, null, null, 1, null));
          }
        });
    return result;
  }

  /**
   * Divides each area's summed numerators ({@code rate x denominator} per district part) by its
   * summed denominators; the value keeps the rate's scale.
   */
  Map<String, AreaValue> ratioOfSums(
      AreaLevel level,
      Period period,
      List<PopulationWeightedRollUp.Part> parts,
      Map<String, Double> rates,
      Map<String, Double> denominators) {
    Map<String, double[]> sums = new TreeMap<>();
    for (PopulationWeightedRollUp.Part part : parts) {
      // [population, population with a value, numerator (rate x denominator), denominator]
      double[] sum = sums.computeIfAbsent(part.areaCode(), k -> new double[4]);
      sum[0] += part.population();
      Double rate = rates.get(part.districtCode());
      Double denominator = denominators.get(part.districtCode());
      Long whole = districtPopulation.get(part.districtCode());
      if (rate == null
          || denominator == null
          || whole == null
          || whole <= 0
          || part.population() <= 0) {
        continue;
      }
      double share = part.population() / whole;
      sum[1] += part.population();
      sum[2] += rate * denominator * share;
      sum[3] += denominator * share;
    }
    Map<String, AreaValue> result = new TreeMap<>();
    sums.forEach(
        (area, sum) -> {
          if (sum[0] <= 0 || sum[3] <= 0) {
            return;
          }
          double coverage = sum[1] / sum[0];
          if (coverage < minimumCoverage) {
            return;
          }
          result.put(
              area,
              new AreaValue(
                  level,
                  area,
                  period,
                  sum[2] / sum[3],
                  null,
                  null,
                  null,
                  null,
                  coverage,
                  coverage < 0.9995
                      ? String.format(
                          Locale.ROOT,
                          "Parts with a value hold %.1f%% of residents",
                          coverage * 100)
                      : null));
        });
    return result;
  }
}
