package org.fourthpurpose.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.IntervalChart;
import org.fourthpurpose.chart.MapProjection;

/**
 * Indicator values mapped into the chart kit: the dot-and-whisker chart of areas with their 95%
 * intervals, and maps shaded by how each area compares with England (or by quintile). The indicator
 * pages and the profile's theme pages draw them the same way.
 */
public final class IndicatorCharts {

  private IndicatorCharts() {}

  /**
   * A dot-and-whisker chart of some areas' values with a dashed reference line (England or another
   * comparator), the area {@code highlightCode} marked out.
   */
  public static IntervalChart intervalChart(
      List<AreaComparison> areas, Double reference, String highlightCode) {
    return IntervalChart.of(
        areas.stream()
            .map(
                r ->
                    new IntervalChart.Item(
                        r.areaCode(),
                        r.areaName(),
                        r.value(),
                        r.lower95(),
                        r.upper95(),
                        r.areaCode().equals(highlightCode)))
            .toList(),
        reference,
        ValueText::format);
  }

  /**
   * The projected areas that have a row, shaded by their band on {@code key} and named with their
   * value and comparison; when {@code linked}, each links to its system's page.
   */
  public static ChoroplethMap shade(
      MapProjection projection, Collection<AreaComparison> rows, ColourScale key, boolean linked) {
    Map<String, AreaComparison> byCode = new java.util.HashMap<>();
    rows.forEach(r -> byCode.put(r.areaCode(), r));
    return ChoroplethMap.of(
        projection,
        shape -> {
          AreaComparison r = byCode.get(shape.code());
          if (r == null) {
            return null;
          }
          return new ChoroplethMap.Area(
              r.areaCode(),
              r.areaName()
                  + ": "
                  + (r.value() == null ? "no value" : ValueText.format(r.value()))
                  + (r.comparison() == null ? "" : ", " + ValueText.comparisonText(r)),
              shape.path(),
              key.cssClass(r.band()),
              linked ? "/ics/" + r.odsCode() : null);
        });
  }

  /** The map's colour scale: quintiles where there are no intervals, else compared with England. */
  public static ColourScale key(Indicator indicator, IndicatorTable table) {
    return ColourScale.steps("fp-band-", keyLabels(indicator, table));
  }

  private static List<String> keyLabels(Indicator indicator, IndicatorTable table) {
    boolean quintiles = table.rows().stream().anyMatch(AreaComparison::comparedByQuintile);
    if (quintiles) {
      return List.of(
          "Quintile 1 (lowest values)",
          "Quintile 2",
          "Quintile 3",
          "Quintile 4",
          "Quintile 5 (highest values)");
    }
    if (indicator.polarity() == Polarity.NEITHER) {
      return List.of("", "Lower than England", "Similar to England", "Higher than England", "");
    }
    return List.of("Worse than England", "", "Similar to England", "", "Better than England");
  }
}
