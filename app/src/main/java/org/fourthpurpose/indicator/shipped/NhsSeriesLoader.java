package org.fourthpurpose.indicator.shipped;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.reference.ReferenceFile;

/**
 * Loads monthly NHS England series published by ICB (waiting times, A&E, discharges) as proportions
 * or rates, adding up ICBs to regions and England.
 */
final class NhsSeriesLoader {

  static final String RTT = "england_rtt_stp.csv.gz";
  static final String RTT_FLOW = "england_rtt_flow_stp.csv.gz";
  static final String AE = "england_icb_accidents_emergency.csv.gz";
  static final String DISCHARGES = "england_icb_discharged_patients.csv.gz";
  static final String CRITERIA_TO_RESIDE = "england_icb_criteria_to_reside.csv.gz";
  static final String HEALTH_INDEX = "england_health_index_ics.csv.gz";

  private static final DateTimeFormatter MONTH_NAME =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private final Areas areas;
  private final IcbCodes icbCodes;
  private final Function<String, ReferenceFile> files;

  NhsSeriesLoader(Areas areas, IcbCodes icbCodes, Function<String, ReferenceFile> files) {
    this.areas = areas;
    this.icbCodes = icbCodes;
    this.files = files;
  }

  void loadWaitingTimes(String column, ValueSink sink) {
    Map<YearMonth, Map<String, double[]>> counts = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(RTT)
        .readCsv(
            List.of("stp20_nhs_code", "date", "treatment", column),
            55_273,
            row -> {
              if (!row.text("treatment").equals("Total")) {
                return;
              }
              String icb = resolve(row.text("stp20_nhs_code"), unknown);
              if (icb != null && row.optionalText(column) != null) {
                cell(counts, YearMonth.from(LocalDate.parse(row.text("date"))), icb)[0] +=
                    row.decimal(column);
              }
            });
    Map<YearMonth, Map<String, Double>> incomplete = new TreeMap<>();
    files
        .apply(RTT_FLOW)
        .readCsv(
            List.of("stp20_nhs_code", "date", "incomplete"),
            2_478,
            row -> {
              String icb = resolve(row.text("stp20_nhs_code"), unknown);
              if (icb != null && row.optionalText("incomplete") != null) {
                incomplete
                    .computeIfAbsent(
                        YearMonth.from(LocalDate.parse(row.text("date"))), k -> new HashMap<>())
                    .merge(icb, row.decimal("incomplete"), Double::sum);
              }
            });
    counts.forEach(
        (month, byIcb) ->
            byIcb.forEach(
                (icb, c) -> {
                  Double total = incomplete.getOrDefault(month, Map.of()).get(icb);
                  c[1] = total == null ? Double.NaN : total;
                }));
    writeProportions(counts, sink);
    noteUnknown(unknown, sink);
  }

  void loadAccidentAndEmergency(ValueSink sink) {
    Map<YearMonth, Map<String, double[]>> counts = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(AE)
        .readCsv(
            List.of("icb22_code", "total_attendances", "attendances_over_4hours", "date"),
            1_680,
            row -> {
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb == null
                  || row.optionalText("total_attendances") == null
                  || row.optionalText("attendances_over_4hours") == null) {
                return;
              }
              YearMonth month = YearMonth.parse(row.text("date"), MONTH_NAME);
              double[] c = cell(counts, month, icb);
              c[0] += row.decimal("attendances_over_4hours");
              c[1] += row.decimal("total_attendances");
            });
    writeProportions(counts, sink);
    noteUnknown(unknown, sink);
  }

  void loadDischargesBeforeFivePm(ValueSink sink) {
    Map<YearMonth, Map<String, double[]>> counts = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(DISCHARGES)
        .readCsv(
            List.of("icb22_code", "date", "discharged_by_1700", "discharged_total"),
            51_727,
            row -> {
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb == null
                  || row.optionalText("discharged_by_1700") == null
                  || row.optionalText("discharged_total") == null) {
                return;
              }
              double[] c = cell(counts, YearMonth.from(LocalDate.parse(row.text("date"))), icb);
              c[0] += row.decimal("discharged_by_1700");
              c[1] += row.decimal("discharged_total");
            });
    writeProportions(counts, sink);
    noteUnknown(unknown, sink);
  }

  void loadCriteriaToReside(ValueSink sink) {
    // [sum of daily counts, days]
    Map<YearMonth, Map<String, double[]>> daily = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(CRITERIA_TO_RESIDE)
        .readCsv(
            List.of("icb22_code", "date", "do_not_meet_criteria_to_reside"),
            51_727,
            row -> {
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb == null || row.optionalText("do_not_meet_criteria_to_reside") == null) {
                return;
              }
              double[] c = cell(daily, YearMonth.from(LocalDate.parse(row.text("date"))), icb);
              c[0] += row.decimal("do_not_meet_criteria_to_reside");
              c[1]++;
            });
    daily.forEach(
        (month, byIcb) -> {
          Map<String, double[]> rates = new TreeMap<>();
          byIcb.forEach(
              (icb, c) -> rates.put(icb, new double[] {c[0] / c[1], areas.icbPopulation.get(icb)}));
          writeAggregates(Period.month(month), rates, 100_000, sink);
        });
    noteUnknown(unknown, sink);
  }

  void loadHealthIndex(String column, ValueSink sink) {
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(HEALTH_INDEX)
        .readCsv(
            List.of("icb22_code", "year", column),
            294,
            row -> {
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb != null && row.optionalText(column) != null) {
                Period year = Period.year(row.integer("year"));
                AreaValue value =
                    AreaValue.published(AreaLevel.ICB, icb, year, row.decimal(column), null, null);
                String original = row.text("icb22_code");
                sink.add(
                    IcbCodes.CODES_2022.containsKey(original)
                        ? withNote(value, "Published for the 2022 ICB " + original)
                        : value);
              }
            });
    noteUnknown(unknown, sink);
  }

  private static AreaValue withNote(AreaValue v, String note) {
    return new AreaValue(
        v.level(),
        v.areaCode(),
        v.period(),
        v.value(),
        v.lowerCi(),
        v.upperCi(),
        v.numerator(),
        v.denominator(),
        v.coverage(),
        note);
  }

  private void writeProportions(Map<YearMonth, Map<String, double[]>> counts, ValueSink sink) {
    counts.forEach(
        (month, byIcb) -> {
          Map<String, double[]> complete = new TreeMap<>();
          byIcb.forEach(
              (icb, c) -> {
                if (Double.isFinite(c[1]) && c[1] > 0) {
                  complete.put(icb, c);
                }
              });
          writeAggregates(Period.month(month), complete, 100, sink);
        });
  }

  /** Writes ICBs, then regions and England as sums of numerators over sums of denominators. */
  private void writeAggregates(
      Period period, Map<String, double[]> byIcb, double scale, ValueSink sink) {
    Map<String, double[]> regions = new TreeMap<>();
    double[] england = new double[3];
    byIcb.forEach(
        (icb, c) -> {
          AreaValue value =
              AreaValue.ofCounts(AreaLevel.ICB, icb, period, round(c[0]), round(c[1]), scale);
          sink.add(value);
          double[] region = regions.computeIfAbsent(areas.regionOfIcb(icb), k -> new double[3]);
          region[0] += c[0];
          region[1] += c[1];
          region[2] += areas.icbPopulation.get(icb);
          england[0] += c[0];
          england[1] += c[1];
          england[2] += areas.icbPopulation.get(icb);
        });
    Map<String, Long> regionPopulation = new HashMap<>();
    areas
        .icbs
        .values()
        .forEach(
            icb ->
                regionPopulation.merge(
                    icb.regionCode(), areas.icbPopulation.get(icb.code()), Long::sum));
    long englandPopulation = areas.icbPopulation.values().stream().mapToLong(Long::longValue).sum();
    regions.forEach(
        (region, c) ->
            sink.add(
                covered(
                    AreaValue.ofCounts(
                        AreaLevel.REGION, region, period, round(c[0]), round(c[1]), scale),
                    c[2] / regionPopulation.get(region))));
    if (england[1] > 0) {
      sink.add(
          covered(
              AreaValue.ofCounts(
                  AreaLevel.ENGLAND,
                  Areas.ENGLAND,
                  period,
                  round(england[0]),
                  round(england[1]),
                  scale),
              england[2] / englandPopulation));
    }
  }

  private static double round(double count) {
    return Math.round(count * 1000) / 1000.0;
  }

  private static AreaValue covered(AreaValue v, double coverage) {
    return new AreaValue(
        v.level(),
        v.areaCode(),
        v.period(),
        v.value(),
        null,
        null,
        v.numerator(),
        v.denominator(),
        coverage,
        coverage < 0.9995
            ? String.format(
                Locale.ROOT, "ICBs with a value hold %.1f%% of residents", coverage * 100)
            : null);
  }

  private String resolve(String code, TreeSet<String> unknown) {
    String icb = icbCodes.resolve(code);
    if (icb == null) {
      unknown.add(code);
    }
    return icb;
  }

  private static void noteUnknown(TreeSet<String> unknown, ValueSink sink) {
    if (!unknown.isEmpty()) {
      sink.note("Rows for codes that are not 2024 ICBs were not used: " + unknown + ".");
    }
  }

  private static double[] cell(
      Map<YearMonth, Map<String, double[]>> counts, YearMonth m, String icb) {
    return counts.computeIfAbsent(m, k -> new TreeMap<>()).computeIfAbsent(icb, k -> new double[2]);
  }
}
