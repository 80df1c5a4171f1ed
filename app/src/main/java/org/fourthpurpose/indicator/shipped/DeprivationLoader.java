package org.fourthpurpose.indicator.shipped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.Lsoa2011;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.reference.ReferenceFile;

/**
 * Loads the English Indices of Deprivation 2025 (LSOA 2021) and 2019 (LSOA 2011) as indicators:
 * average domain scores and the share of residents in England's most deprived 10% of
 * neighbourhoods, computed from the published LSOA files.
 */
final class DeprivationLoader {

  static final String IOD2025 = "imd2025_england_lsoa21.csv.gz";
  static final String IOD2019 = "imd2019_england_lsoa11.csv.gz";
  static final String IOD2019_SCORES = "imd2019_lsoa11_scores_mysociety.csv.gz";

  private final NeighbourhoodAggregation lsoa2021;
  private final NeighbourhoodAggregation lsoa2011;
  private final Map<String, Map<String, Double>> cache = new HashMap<>();
  private final java.util.function.Function<String, ReferenceFile> files;

  DeprivationLoader(
      Areas areas, Geography geography, java.util.function.Function<String, ReferenceFile> files) {
    this.files = files;
    List<NeighbourhoodAggregation.Neighbourhood> n21 = new ArrayList<>();
    for (Lsoa l : areas.lsoas) {
      n21.add(
          new NeighbourhoodAggregation.Neighbourhood(
              l.code(),
              l.icbCode(),
              l.ladCode(),
              areas.districtRegion.get(l.ladCode()),
              l.population()));
    }
    lsoa2021 = new NeighbourhoodAggregation(n21);
    List<NeighbourhoodAggregation.Neighbourhood> n11 = new ArrayList<>();
    for (Lsoa2011 l : geography.lsoas2011()) {
      n11.add(
          new NeighbourhoodAggregation.Neighbourhood(
              l.code(),
              l.icbCode(),
              l.ladCode(),
              areas.districtRegion.get(l.ladCode()),
              l.population()));
    }
    lsoa2011 = new NeighbourhoodAggregation(n11);
  }

  void loadScore2025(String column, ValueSink sink) {
    Map<String, Double> scores = column(IOD2025, "lsoa21_code", column, 33_755);
    sink.addAll(lsoa2021.weightedAverage(Period.year(2025), code -> orNaN(scores.get(code))));
  }

  void loadMostDeprived(String edition, String column, ValueSink sink) {
    boolean latest = edition.equals("2025");
    Map<String, Double> deciles =
        latest
            ? column(IOD2025, "lsoa21_code", column, 33_755)
            : column(IOD2019, "lsoa11_code", column, 32_844);
    NeighbourhoodAggregation aggregation = latest ? lsoa2021 : lsoa2011;
    sink.addAll(
        aggregation.shareOfResidents(
            Period.year(Integer.parseInt(edition)),
            code -> {
              Double decile = deciles.get(code);
              return decile == null ? Double.NaN : decile == 1 ? 1 : 0;
            }));
  }

  void loadScore2019(String column, ValueSink sink) {
    Map<String, Double> scores = column(IOD2019_SCORES, "lsoa", column, 32_844);
    sink.addAll(lsoa2011.weightedAverage(Period.year(2019), code -> orNaN(scores.get(code))));
  }

  private Map<String, Double> column(String file, String codeColumn, String column, long rows) {
    return cache.computeIfAbsent(
        file + "#" + column,
        k -> {
          Map<String, Double> values = new HashMap<>();
          files
              .apply(file)
              .readCsv(
                  List.of(codeColumn, column),
                  rows,
                  row -> {
                    if (row.optionalText(column) != null) {
                      values.put(row.code(codeColumn), row.decimal(column));
                    }
                  });
          return values;
        });
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
