package org.fourthpurpose.indicator.shipped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;

/**
 * Builds area values from neighbourhood (LSOA) values: a population-weighted average, or the share
 * of residents living in neighbourhoods that meet a condition. Areas are made of whole LSOAs, so
 * ICBs whose districts are split between ICBs come out exactly.
 */
final class NeighbourhoodAggregation {

  /** An LSOA with the areas it lies in and its population. */
  record Neighbourhood(
      String code, String icbCode, String ladCode, String regionCode, int population) {}

  private final List<Neighbourhood> neighbourhoods;

  NeighbourhoodAggregation(List<Neighbourhood> neighbourhoods) {
    this.neighbourhoods = List.copyOf(neighbourhoods);
  }

  /** Population-weighted average of {@code value} (NaN = no value) for every area. */
  List<AreaValue> weightedAverage(Period period, ToDoubleFunction<String> value) {
    Map<String, double[]> sums = new TreeMap<>();
    for (Neighbourhood n : neighbourhoods) {
      double v = value.applyAsDouble(n.code());
      if (Double.isNaN(v)) {
        continue;
      }
      for (String key : keys(n)) {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += n.population() * v;
        sum[1] += n.population();
      }
    }
    List<AreaValue> values = new ArrayList<>();
    sums.forEach(
        (key, sum) -> {
          if (sum[1] > 0) {
            values.add(value(key, period, sum[0] / sum[1], null, null));
          }
        });
    return values;
  }

  /**
   * Percentage of residents living in neighbourhoods where {@code test} is 1 (0 = not, NaN = no
   * value), with the resident counts as numerator and denominator.
   */
  List<AreaValue> shareOfResidents(Period period, ToDoubleFunction<String> test) {
    Map<String, double[]> sums = new TreeMap<>();
    for (Neighbourhood n : neighbourhoods) {
      double t = test.applyAsDouble(n.code());
      if (Double.isNaN(t)) {
        continue;
      }
      for (String key : keys(n)) {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += n.population() * t;
        sum[1] += n.population();
      }
    }
    List<AreaValue> values = new ArrayList<>();
    sums.forEach(
        (key, sum) -> {
          if (sum[1] > 0) {
            values.add(value(key, period, sum[0] / sum[1] * 100, sum[0], sum[1]));
          }
        });
    return values;
  }

  private static String[] keys(Neighbourhood n) {
    return new String[] {
      "ICB|" + n.icbCode(),
      "LAD|" + n.ladCode(),
      "REGION|" + n.regionCode(),
      "ENGLAND|" + Areas.ENGLAND
    };
  }

  private static AreaValue value(
      String key, Period period, double value, Double numerator, Double denominator) {
    int bar = key.indexOf('|');
    return new AreaValue(
        AreaLevel.valueOf(key.substring(0, bar)),
        key.substring(bar + 1),
        period,
        value,
        null,
        null,
        numerator,
        denominator,
        1,
        null);
  }
}
