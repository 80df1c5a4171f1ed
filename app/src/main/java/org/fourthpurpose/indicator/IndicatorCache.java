package org.fourthpurpose.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Each public indicator's ICB, region and England values, read once and kept until the shipped data
 * is reloaded, so that profiles and comparisons are worked out in memory. Shipped values change
 * only when reference data loads; an ICS's own imports are kept elsewhere.
 */
@Service
public class IndicatorCache {

  private final IndicatorRepository repository;
  private final IndicatorValues values;
  private final Map<String, Optional<IndicatorSeries>> icb = new ConcurrentHashMap<>();
  private final Map<String, Optional<IndicatorTable>> lad = new ConcurrentHashMap<>();

  IndicatorCache(IndicatorRepository repository, IndicatorValues values) {
    this.repository = repository;
    this.values = values;
  }

  @EventListener
  public void onReferenceDataLoaded(ReferenceDataLoaded event) {
    icb.clear();
    lad.clear();
  }

  /** Public indicators with ICB values, in catalogue order. */
  public List<Indicator> icbIndicators() {
    return repository.indicators(null).stream()
        .filter(Indicator::isPublic)
        .filter(i -> i.geographyLevels().contains(AreaLevel.ICB))
        .toList();
  }

  public List<Theme> themes() {
    return repository.themes();
  }

  /** An indicator's ICB values, or empty when it has none. */
  public Optional<IndicatorSeries> data(Indicator indicator) {
    return icb.computeIfAbsent(indicator.id(), id -> load(indicator));
  }

  /** An indicator's latest district table, or empty when it has no district values. */
  public Optional<IndicatorTable> latestDistricts(Indicator indicator) {
    if (!indicator.geographyLevels().contains(AreaLevel.LAD)) {
      return Optional.empty();
    }
    return lad.computeIfAbsent(
        indicator.id(), id -> values.table(indicator, AreaLevel.LAD, IndicatorValues.LATEST));
  }

  private Optional<IndicatorSeries> load(Indicator indicator) {
    Optional<IndicatorTable> latest =
        values.table(indicator, AreaLevel.ICB, IndicatorValues.LATEST);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<AreaValue>> icbSeries =
        repository.values(indicator.id(), AreaLevel.ICB).stream()
            .filter(v -> v.value() != null)
            .collect(Collectors.groupingBy(AreaValue::areaCode));
    Map<String, List<AreaValue>> regionSeries =
        indicator.geographyLevels().contains(AreaLevel.REGION)
            ? repository.values(indicator.id(), AreaLevel.REGION).stream()
                .filter(v -> v.value() != null)
                .collect(Collectors.groupingBy(AreaValue::areaCode))
            : Map.of();
    List<AreaValue> england =
        repository.values(indicator.id(), AreaLevel.ENGLAND, "E92000001").stream()
            .filter(v -> v.value() != null)
            .toList();
    return Optional.of(
        new IndicatorSeries(indicator, latest.get(), icbSeries, regionSeries, england));
  }
}
