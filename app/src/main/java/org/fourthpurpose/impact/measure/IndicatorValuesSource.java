package org.fourthpurpose.impact.measure;

import java.util.List;
import java.util.Optional;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.LocalIndicatorValues;
import org.springframework.stereotype.Component;

/**
 * A catalogue indicator's values for one system, as a measure's values: each period's value for the
 * ICB, dated at the period's first day, oldest first. Public indicators come from the shipped
 * values, local ones from the workspace's imports; nothing is copied, so a measure follows the
 * catalogue as it is reloaded.
 */
@Component
class IndicatorValuesSource {

  private final IndicatorCatalogue catalogue;
  private final IndicatorCache cache;
  private final LocalIndicatorValues local;

  IndicatorValuesSource(
      IndicatorCatalogue catalogue, IndicatorCache cache, LocalIndicatorValues local) {
    this.catalogue = catalogue;
    this.cache = cache;
    this.local = local;
  }

  /** The indicator, when the workspace may draw from it (public, or its own local one). */
  Optional<Indicator> indicator(String icbCode, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(catalogue.indicatorsFor(icbCode).get(id))
        .filter(i -> i.isPublic() || icbCode.equals(i.workspaceIcbCode()));
  }

  List<MeasureValue> values(String icbCode, String id) {
    Optional<Indicator> indicator = indicator(icbCode, id);
    if (indicator.isEmpty()) {
      return List.of();
    }
    Optional<IndicatorSeries> series =
        indicator.get().isPublic()
            ? cache.data(indicator.get())
            : local.visibleSeries(icbCode).stream()
                .filter(s -> s.indicator().id().equals(id))
                .findFirst();
    // Pooled periods (2021-2023) start on the same day as a single one (2021): a chart has one
    // point per date, so the single period is kept.
    java.util.TreeMap<java.time.LocalDate, MeasureValue> byDate = new java.util.TreeMap<>();
    series.map(s -> s.series(icbCode)).orElse(List.of()).stream()
        .filter(v -> v.value() != null)
        .map(IndicatorValuesSource::value)
        .forEach(
            v ->
                byDate.merge(
                    v.period(), v, (a, b) -> a.label().length() <= b.label().length() ? a : b));
    return List.copyOf(byDate.values());
  }

  private static MeasureValue value(AreaValue v) {
    return new MeasureValue(v.period().start(), v.value(), v.period().label());
  }
}
