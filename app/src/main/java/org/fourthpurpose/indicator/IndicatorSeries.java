package org.fourthpurpose.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One indicator's values for the comparisons a profile makes: the latest ICB table (every ICB
 * compared with England) and each ICB's, region's and England's series, oldest first.
 */
public record IndicatorSeries(
    Indicator indicator,
    IndicatorTable latest,
    Map<String, List<AreaValue>> icbSeries,
    Map<String, List<AreaValue>> regionSeries,
    List<AreaValue> england) {

  public IndicatorSeries {
    icbSeries = Map.copyOf(icbSeries);
    regionSeries = Map.copyOf(regionSeries);
    england = List.copyOf(england);
  }

  /** The latest period's row for one ICB (every ICB has one, with or without a value). */
  public AreaComparison row(String icbCode) {
    return latest.rows().stream()
        .filter(r -> r.areaCode().equals(icbCode))
        .findFirst()
        .orElseThrow();
  }

  public List<AreaValue> series(String icbCode) {
    return icbSeries.getOrDefault(icbCode, List.of());
  }

  public Optional<AreaValue> icbValue(String icbCode, String period) {
    return at(series(icbCode), period);
  }

  public Optional<AreaValue> englandValue(String period) {
    return at(england, period);
  }

  public Optional<AreaValue> regionValue(String regionCode, String period) {
    return at(regionSeries.getOrDefault(regionCode, List.of()), period);
  }

  private static Optional<AreaValue> at(List<AreaValue> series, String period) {
    return series.stream().filter(v -> v.period().label().equals(period)).findFirst();
  }
}
