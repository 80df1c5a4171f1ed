package org.fourthpurpose.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Compares a district's value with those of its ONS similar areas. */
@Service
public class SimilarAreaComparisons {

  private final IndicatorValues values;
  private final SimilarAreas similarAreas;

  SimilarAreaComparisons(IndicatorValues values, SimilarAreas similarAreas) {
    this.values = values;
    this.similarAreas = similarAreas;
  }

  /**
   * The comparison for one district, or empty when the indicator has no district values in the
   * period, the district is not among them, or ONS lists no similar areas for it.
   */
  public Optional<SimilarAreaComparison> compare(
      Indicator indicator, String districtCode, String period) {
    if (!indicator.geographyLevels().contains(AreaLevel.LAD)) {
      return Optional.empty();
    }
    Optional<SimilarAreas.SimilarAreaList> list = similarAreas.similarTo(districtCode);
    Optional<IndicatorTable> table = values.table(indicator, AreaLevel.LAD, period);
    if (list.isEmpty() || table.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AreaComparison> rows =
        table.get().rows().stream()
            .collect(Collectors.toMap(AreaComparison::areaCode, Function.identity(), (a, b) -> a));
    AreaComparison district = rows.get(districtCode);
    if (district == null) {
      return Optional.empty();
    }
    List<AreaComparison> similar = new ArrayList<>();
    for (String code : list.get().similar()) {
      AreaComparison row = rows.get(code);
      if (row != null) {
        similar.add(row);
      }
    }
    double[] others =
        similar.stream()
            .map(AreaComparison::value)
            .filter(v -> v != null)
            .mapToDouble(Double::doubleValue)
            .toArray();
    Double median = median(others);
    Integer rank = null;
    Integer better = null;
    Integer worse = null;
    int ranked = others.length;
    if (district.value() != null) {
      double v = district.value();
      ranked++;
      int higher = (int) Arrays.stream(others).filter(o -> o > v).count();
      int lower = (int) Arrays.stream(others).filter(o -> o < v).count();
      rank = higher + 1;
      if (indicator.polarity() == Polarity.HIGHER_IS_BETTER) {
        better = lower;
        worse = higher;
      } else if (indicator.polarity() == Polarity.LOWER_IS_BETTER) {
        better = higher;
        worse = lower;
      }
    }
    return Optional.of(
        new SimilarAreaComparison(
            indicator,
            table.get().period(),
            district,
            similar,
            rank,
            ranked,
            median,
            better,
            worse,
            list.get().outsideEngland()));
  }

  /** The median, the mean of the middle two for an even count; null for none. */
  static Double median(double[] values) {
    if (values.length == 0) {
      return null;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
