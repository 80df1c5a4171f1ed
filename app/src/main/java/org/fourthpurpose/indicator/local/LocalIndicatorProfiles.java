package org.fourthpurpose.indicator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.IndicatorValues;
import org.fourthpurpose.indicator.LocalIndicatorValues;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.importing.ImportedValues;
import org.springframework.stereotype.Service;

/**
 * Builds the series of a workspace's local indicators for its profile from the values it imported:
 * the latest period with an ICB value is the profile's period; England's and each region's values,
 * where imported, are the comparators, as for a national indicator. Read afresh on each request:
 * public pages are kept by the page cache, which a change to a published local indicator or an
 * import clears.
 */
@Service
class LocalIndicatorProfiles implements LocalIndicatorValues {

  private static final String ENGLAND = "E92000001";

  private final LocalIndicators definitions;
  private final ImportedValues values;
  private final IndicatorValues tables;
  private final WorkspaceAccess access;

  LocalIndicatorProfiles(
      LocalIndicators definitions,
      ImportedValues values,
      IndicatorValues tables,
      WorkspaceAccess access) {
    this.definitions = definitions;
    this.values = values;
    this.tables = tables;
    this.access = access;
  }

  @Override
  public boolean seesUnpublished(String icbCode) {
    return access.canView(icbCode);
  }

  @Override
  public List<IndicatorSeries> visibleSeries(String icbCode) {
    List<IndicatorSeries> series = new ArrayList<>();
    for (LocalIndicator local : definitions.definitions(icbCode, seesUnpublished(icbCode))) {
      Indicator indicator = local.indicator();
      if (!indicator.geographyLevels().contains(AreaLevel.ICB)) {
        continue;
      }
      List<AreaValue> all = values.areaValues(icbCode, indicator.id());
      List<AreaValue> icbValues = all.stream().filter(v -> v.level() == AreaLevel.ICB).toList();
      if (icbValues.isEmpty()) {
        continue;
      }
      TreeMap<Period, String> periods = new TreeMap<>();
      icbValues.forEach(v -> periods.put(v.period(), v.period().label()));
      String latest = periods.lastEntry().getValue();
      List<AreaValue> england = all.stream().filter(v -> v.level() == AreaLevel.ENGLAND).toList();
      Double englandLatest =
          england.stream()
              .filter(v -> v.areaCode().equals(ENGLAND) && v.period().label().equals(latest))
              .map(AreaValue::value)
              .findFirst()
              .orElse(null);
      Map<String, List<AreaValue>> icbSeries =
          icbValues.stream().collect(Collectors.groupingBy(AreaValue::areaCode));
      Map<String, List<AreaValue>> regionSeries =
          all.stream()
              .filter(v -> v.level() == AreaLevel.REGION)
              .collect(Collectors.groupingBy(AreaValue::areaCode));
      series.add(
          new IndicatorSeries(
              indicator,
              tables.localTable(
                  indicator,
                  latest,
                  List.copyOf(periods.values()),
                  icbValues.stream().filter(v -> v.period().label().equals(latest)).toList(),
                  englandLatest),
              icbSeries,
              regionSeries,
              england));
    }
    return series;
  }
}
