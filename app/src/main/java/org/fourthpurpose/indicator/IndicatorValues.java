package org.fourthpurpose.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.statistics.ByarsInterval;
import org.fourthpurpose.statistics.ConfidenceInterval;
import org.fourthpurpose.statistics.ConfidenceLevel;
import org.fourthpurpose.statistics.EstimateAtPeriod;
import org.fourthpurpose.statistics.FingertipsComparison;
import org.fourthpurpose.statistics.ProportionAtPeriod;
import org.fourthpurpose.statistics.Quintile;
import org.fourthpurpose.statistics.Quintiles;
import org.fourthpurpose.statistics.RecentTrend;
import org.fourthpurpose.statistics.Significance;
import org.fourthpurpose.statistics.WilsonInterval;
import org.springframework.stereotype.Service;

/**
 * Reads an indicator's values for every area of a level and compares each with England: by
 * Fingertips' interval method where every area has a 95% interval, otherwise by quintile.
 */
@Service
public class IndicatorValues {

  /** The period name that means the most recent period with a value at the level. */
  public static final String LATEST = "latest";

  private static final String ENGLAND = "E92000001";

  private final IndicatorRepository repository;
  private final Geography geography;

  IndicatorValues(IndicatorRepository repository, Geography geography) {
    this.repository = repository;
    this.geography = geography;
  }

  /**
   * The table of one indicator at one level and period, or empty when the indicator has no value in
   * that period ({@code latest} is empty only when it has no value at the level at all).
   */
  public Optional<IndicatorTable> table(Indicator indicator, AreaLevel level, String period) {
    List<AreaValue> all = repository.values(indicator.id(), level);
    TreeMap<Period, String> periods = new TreeMap<>();
    all.stream()
        .filter(v -> v.value() != null)
        .forEach(v -> periods.put(v.period(), v.period().label()));
    if (periods.isEmpty()) {
      return Optional.empty();
    }
    String chosen = LATEST.equalsIgnoreCase(period) ? periods.lastEntry().getValue() : period;
    if (!periods.containsValue(chosen)) {
      return Optional.empty();
    }
    Map<String, AreaValue> byArea = new LinkedHashMap<>();
    all.stream()
        .filter(v -> v.period().label().equals(chosen))
        .forEach(v -> byArea.put(v.areaCode(), v));
    Double england =
        repository.values(indicator.id(), AreaLevel.ENGLAND, ENGLAND).stream()
            .filter(v -> v.period().label().equals(chosen))
            .map(AreaValue::value)
            .findFirst()
            .orElse(null);
    return Optional.of(
        new IndicatorTable(
            indicator,
            level,
            chosen,
            england,
            List.copyOf(periods.values()),
            compare(indicator, level, chosen, byArea, england)));
  }

  /**
   * The ICB table of a local indicator (one an ICS defined and imported values for) in one period:
   * every ICB, with the values given. An ICB's value is compared with England by Fingertips'
   * interval method only where England has a value in the period and the ICB's value has an
   * interval; otherwise it is not compared (never by quintile: a few systems' imported values are
   * no basis for fifths of 42).
   *
   * @param icbValues the ICB values of the period
   * @param england England's value in the period, or null when the workspace imported none
   * @param periods every period with an ICB value, oldest first
   */
  public IndicatorTable localTable(
      Indicator indicator,
      String period,
      List<String> periods,
      List<AreaValue> icbValues,
      Double england) {
    Map<String, AreaValue> byArea = new LinkedHashMap<>();
    icbValues.forEach(v -> byArea.put(v.areaCode(), v));
    var polarity = statisticsPolarity(indicator.polarity());
    List<AreaComparison> rows = new ArrayList<>();
    for (String[] area : areas(AreaLevel.ICB, byArea)) {
      AreaValue v = byArea.get(area[0]);
      double[] ci = v == null || v.value() == null ? null : intervals(indicator, v);
      String comparison = null;
      int band = 0;
      if (ci != null && england != null) {
        Significance s = significance(v.value(), ci, england, polarity);
        if (s != null) {
          comparison = s.name().toLowerCase(Locale.ROOT);
          band = band(s);
        }
      }
      rows.add(row(area, period, v, ci, comparison, false, band));
    }
    return new IndicatorTable(indicator, AreaLevel.ICB, period, england, periods, rows);
  }

  /**
   * The recent trend over the last five periods: the test for trend in proportions where the counts
   * are known, otherwise weighted regression on the values' 95% intervals.
   */
  public static RecentTrend recentTrend(Indicator indicator, List<AreaValue> series) {
    List<AreaValue> values =
        series.stream()
            .filter(v -> v.value() != null)
            .sorted(java.util.Comparator.comparing(AreaValue::period))
            .toList();
    var polarity = statisticsPolarity(indicator.polarity());
    boolean counts =
        indicator.valueType() == ValueType.PROPORTION
            && !values.isEmpty()
            && values.stream().allMatch(v -> v.numerator() != null && v.denominator() != null);
    if (counts) {
      return RecentTrend.forProportions(
          values.stream()
              .map(v -> new ProportionAtPeriod(time(v.period()), v.numerator(), v.denominator()))
              .toList(),
          polarity);
    }
    return RecentTrend.forEstimates(
        values.stream()
            .map(
                v ->
                    new EstimateAtPeriod(
                        time(v.period()),
                        v.value(),
                        v.lowerCi() == null ? Double.NaN : v.lowerCi(),
                        v.upperCi() == null ? Double.NaN : v.upperCi()))
            .toList(),
        polarity);
  }

  /**
   * A period as a number of years, e.g. 2023.5 for July 2023, so months and years both space out.
   */
  private static double time(Period period) {
    return period.start().getYear() + (period.start().getDayOfYear() - 1) / 366.0;
  }

  private List<AreaComparison> compare(
      Indicator indicator,
      AreaLevel level,
      String period,
      Map<String, AreaValue> byArea,
      Double england) {
    List<String[]> areas = areas(level, byArea);
    List<double[]> intervals = new ArrayList<>();
    boolean everyValueHasAnInterval = england != null;
    Map<String, Double> values = new LinkedHashMap<>();
    for (String[] area : areas) {
      AreaValue v = byArea.get(area[0]);
      double[] interval = v == null || v.value() == null ? null : intervals(indicator, v);
      intervals.add(interval);
      if (v != null && v.value() != null) {
        values.put(area[0], v.value());
        everyValueHasAnInterval &= interval != null;
      }
    }
    var polarity = statisticsPolarity(indicator.polarity());
    Map<String, Quintile> quintiles =
        everyValueHasAnInterval ? Map.of() : Quintiles.assign(values, polarity);
    List<AreaComparison> rows = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      String[] area = areas.get(i);
      AreaValue v = byArea.get(area[0]);
      double[] ci = intervals.get(i);
      String comparison = null;
      int band = 0;
      if (v != null && v.value() != null) {
        if (everyValueHasAnInterval) {
          Significance s = significance(v.value(), ci, england, polarity);
          if (s != null) {
            comparison = s.name().toLowerCase(Locale.ROOT);
            band = band(s);
          }
        } else if (quintiles.containsKey(area[0])) {
          Quintile q = quintiles.get(area[0]);
          comparison = q.description().toLowerCase(Locale.ROOT);
          band = q.number();
        }
      }
      rows.add(row(area, period, v, ci, comparison, !everyValueHasAnInterval, band));
    }
    return rows;
  }

  /** Code, ODS code (ICBs only) and name of every area of the level, ICBs always all 42. */
  private List<String[]> areas(AreaLevel level, Map<String, AreaValue> byArea) {
    List<String[]> areas = new ArrayList<>();
    switch (level) {
      case ICB -> {
        for (IntegratedCareBoard icb : geography.icbs()) {
          areas.add(new String[] {icb.code(), icb.odsCode(), icb.shortName()});
        }
      }
      case REGION ->
          geography.regions().forEach(r -> areas.add(new String[] {r.code(), null, r.name()}));
      default ->
          byArea.keySet().stream()
              .sorted()
              .forEach(
                  code ->
                      areas.add(
                          new String[] {
                            code, null, geography.lad(code).map(l -> l.name()).orElse(code)
                          }));
    }
    return areas;
  }

  /** One area's row: its value with the interval limits {@code ci} (95% then 99.8%, or null). */
  private static AreaComparison row(
      String[] area,
      String period,
      AreaValue v,
      double[] ci,
      String comparison,
      boolean comparedByQuintile,
      int band) {
    return new AreaComparison(
        area[0],
        area[1],
        area[2],
        period,
        v == null ? null : v.value(),
        ci == null ? null : ci[0],
        ci == null ? null : ci[1],
        ci == null ? null : ci[2],
        ci == null ? null : ci[3],
        v == null ? null : v.numerator(),
        v == null ? null : v.denominator(),
        comparison,
        comparedByQuintile,
        band);
  }

  /**
   * The 95% and 99.8% limits: from the counts by the indicator's method where it has one, otherwise
   * the 99.8% interval is widened from the stored 95% one (each side by z99.8 / z95, as if normal).
   */
  public static double[] intervals(Indicator indicator, AreaValue v) {
    Double n = v.numerator();
    Double d = v.denominator();
    boolean counts = n != null && d != null && n > 0 && d > 0;
    if (counts && indicator.intervalMethod() == IntervalMethod.WILSON && n <= d) {
      double scale = v.value() / (n / d);
      ConfidenceInterval ci95 = WilsonInterval.of(n, d, ConfidenceLevel.NINETY_FIVE).times(scale);
      ConfidenceInterval ci998 =
          WilsonInterval.of(n, d, ConfidenceLevel.NINETY_NINE_POINT_EIGHT).times(scale);
      return new double[] {ci95.lower(), ci95.upper(), ci998.lower(), ci998.upper()};
    }
    if (counts
        && (indicator.intervalMethod() == IntervalMethod.BYARS
            || indicator.intervalMethod() == IntervalMethod.EXACT_POISSON)) {
      double scale = v.value() / (n / d);
      ConfidenceInterval ci95 = ByarsInterval.forRate(n, d, scale, ConfidenceLevel.NINETY_FIVE);
      ConfidenceInterval ci998 =
          ByarsInterval.forRate(n, d, scale, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
      return new double[] {ci95.lower(), ci95.upper(), ci998.lower(), ci998.upper()};
    }
    if (v.lowerCi() == null || v.upperCi() == null) {
      return null;
    }
    double widen = ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z() / ConfidenceLevel.NINETY_FIVE.z();
    double lower = Math.min(v.lowerCi(), v.value());
    double upper = Math.max(v.upperCi(), v.value());
    return new double[] {
      v.lowerCi(),
      v.upperCi(),
      v.value() - (v.value() - lower) * widen,
      v.value() + (upper - v.value()) * widen
    };
  }

  private static Significance significance(
      double value, double[] ci, double england, org.fourthpurpose.statistics.Polarity polarity) {
    try {
      return FingertipsComparison.compare(
              value,
              new ConfidenceInterval(ci[0], ci[1], ConfidenceLevel.NINETY_FIVE),
              new ConfidenceInterval(ci[2], ci[3], ConfidenceLevel.NINETY_NINE_POINT_EIGHT),
              england,
              polarity)
          .significance95();
    } catch (IllegalArgumentException inconsistent) {
      // A published interval that does not contain its value cannot be compared honestly.
      return null;
    }
  }

  private static int band(Significance s) {
    return switch (s) {
      case WORSE -> 1;
      case LOWER -> 2;
      case SIMILAR -> 3;
      case HIGHER -> 4;
      case BETTER -> 5;
    };
  }

  public static org.fourthpurpose.statistics.Polarity statisticsPolarity(Polarity polarity) {
    return switch (polarity) {
      case HIGHER_IS_BETTER -> org.fourthpurpose.statistics.Polarity.HIGHER_IS_BETTER;
      case LOWER_IS_BETTER -> org.fourthpurpose.statistics.Polarity.LOWER_IS_BETTER;
      case NEITHER -> org.fourthpurpose.statistics.Polarity.NO_JUDGEMENT;
    };
  }
}
