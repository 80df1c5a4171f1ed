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

  /**
   * The colour scale of a table's bands ({@link AreaComparison#band()}): quintiles where there are
   * no intervals, else compared with England; judged (better/worse) only where the indicator has a
   * better direction.
   */
  public static ColourScale key(Indicator indicator, IndicatorTable table) {
    return key(indicator, table.rows().stream().anyMatch(AreaComparison::comparedByQuintile));
  }

  /** The colour scale of bands compared by quintile or, when {@code byQuintile} is false, by CI. */
  public static ColourScale key(Indicator indicator, boolean byQuintile) {
    boolean judged = indicator.polarity() != Polarity.NEITHER;
    return byQuintile ? ColourScale.quintiles(judged) : ColourScale.comparison("England", judged);
  }
}
