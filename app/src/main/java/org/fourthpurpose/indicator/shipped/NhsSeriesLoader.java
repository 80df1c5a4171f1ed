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
  static final String RTT_REGION = "england_rtt_region.csv.gz";
  static final String RTT_NATIONAL = "england_rtt_overview.csv.gz";
  static final String NHS_REGIONS = "icb24_nhs_region.csv.gz";

  static final String WITHIN_18_WEEKS = "No. within 18 weeks";
  static final String OVER_18_WEEKS = "No. > 18 weeks";
  static final String OVER_52_WEEKS = "No. > 52 weeks";
  static final String TOTAL_WAITING = "Total waiting";
  private static final List<String> NATIONAL_TYPES =
      List.of(WITHIN_18_WEEKS, OVER_18_WEEKS, OVER_52_WEEKS, TOTAL_WAITING);
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

  /**
   * England's share of the RTT waiting list over 18 or 52 weeks, from NHS England's national
   * series. The ICB and NHS England region files are read, checked against each other (the load
   * stops if they disagree) and measured against the national series; their values are not
   * published because they do not add up to it (see {@link #withdrawal}).
   */
  void loadWaitingTimes(String column, ValueSink sink) {
    String nationalType =
        switch (column) {
          case "waits_over_18_weeks" -> OVER_18_WEEKS;
          case "waits_over_52_weeks" -> OVER_52_WEEKS;
          default ->
              throw new CatalogueException(
                  "RTT column " + column + " is not one the national series publishes");
        };
    Map<YearMonth, Map<String, Double>> national = nationalWaitingList();

    Map<String, String> nhsRegionOfIcb = new HashMap<>();
    files
        .apply(NHS_REGIONS)
        .readCsv(
            List.of("icb24_code", "nhser24_name"),
            42,
            row -> nhsRegionOfIcb.put(row.code("icb24_code"), row.text("nhser24_name")));
    TreeSet<String> unknown = new TreeSet<>();
    Map<YearMonth, Map<String, Double>> byRegionFromIcbs = new TreeMap<>();
    Map<YearMonth, Double> icbTotal = new TreeMap<>();
    files
        .apply(RTT)
        .readCsv(
            List.of("stp20_nhs_code", "date", "treatment", column),
            55_273,
            row -> {
              if (!row.text("treatment").equals("Total") || row.optionalText(column) == null) {
                return;
              }
              String icb = resolve(row.text("stp20_nhs_code"), unknown);
              YearMonth month = YearMonth.from(LocalDate.parse(row.text("date")));
              if (icb == null || !nhsRegionOfIcb.containsKey(icb)) {
                throw row.problem(
                    "stp20_nhs_code",
                    "is not an ICB of an NHS England region, so cannot be checked");
              }
              byRegionFromIcbs
                  .computeIfAbsent(month, k -> new TreeMap<>())
                  .merge(nhsRegionOfIcb.get(icb), row.decimal(column), Double::sum);
              icbTotal.merge(month, row.decimal(column), Double::sum);
            });
    Map<YearMonth, Map<String, Double>> regionFile = new TreeMap<>();
    files
        .apply(RTT_REGION)
        .readCsv(
            List.of("nhs_region20_name", "date", "treatment", column),
            11_676,
            row -> {
              if (row.text("treatment").equals("Total") && row.optionalText(column) != null) {
                regionFile
                    .computeIfAbsent(
                        YearMonth.from(LocalDate.parse(row.text("date"))), k -> new TreeMap<>())
                    .put(row.text("nhs_region20_name"), row.decimal(column));
              }
            });
    String measure = nationalType.replace("No. > ", "waits over ");
    byRegionFromIcbs.forEach(
        (month, regions) ->
            regions.forEach(
                (region, fromIcbs) ->
                    Reconciliation.require(
                        RTT_REGION,
                        column,
                        month,
                        measure + " in " + region,
                        fromIcbs,
                        "the region's ICBs in " + RTT,
                        regionFile.getOrDefault(month, Map.of()).getOrDefault(region, 0.0),
                        "the NHS England region file")));
    Map<YearMonth, Double> incomplete = new TreeMap<>();
    files
        .apply(RTT_FLOW)
        .readCsv(
            List.of("stp20_nhs_code", "date", "incomplete"),
            2_478,
            row -> {
              if (row.optionalText("incomplete") != null) {
                incomplete.merge(
                    YearMonth.from(LocalDate.parse(row.text("date"))),
                    row.decimal("incomplete"),
                    Double::sum);
              }
            });
    // Values only once every check has passed.
    national.forEach(
        (month, counts) ->
            sink.add(
                AreaValue.ofCounts(
                    AreaLevel.ENGLAND,
                    Areas.ENGLAND,
                    Period.month(month),
                    counts.get(nationalType),
                    counts.get(TOTAL_WAITING),
                    100)));
    sink.note(withdrawal(measure, national, nationalType, icbTotal, incomplete, regionFile));
    noteUnknown(unknown, sink);
  }

  /**
   * Why ICB and region values are not shown: the latest month both the ICB files and the national
   * series cover, with both sets of counts, and the earliest month of the region file, which shows
   * that the gap is not a fixed share.
   */
  static String withdrawal(
      String measure,
      Map<YearMonth, Map<String, Double>> national,
      String nationalType,
      Map<YearMonth, Double> icbCounts,
      Map<YearMonth, Double> icbIncomplete,
      Map<YearMonth, Map<String, Double>> regionFile) {
    YearMonth latest =
        icbCounts.keySet().stream()
            .filter(national::containsKey)
            .filter(icbIncomplete::containsKey)
            .max(YearMonth::compareTo)
            .orElseThrow();
    double icb = icbCounts.get(latest);
    double icbAll = icbIncomplete.get(latest);
    double nat = national.get(latest).get(nationalType);
    double natAll = national.get(latest).get(TOTAL_WAITING);
    YearMonth earliest =
        regionFile.keySet().stream()
            .filter(national::containsKey)
            .min(YearMonth::compareTo)
            .orElse(latest);
    double early =
        regionFile.get(earliest).values().stream().mapToDouble(Double::doubleValue).sum();
    double earlyNational = national.get(earliest).get(nationalType);
    return String.format(
        Locale.ROOT,
        "Only England is shown, from NHS England's national series. ICB and region values are"
            + " withdrawn because the shipped ICB and NHS England region files, which agree with"
            + " each other, do not add up to the national series: for %s they count %s pathways"
            + " on the waiting list and %s %s, where the national series counts %s and %s"
            + " (%.0f%% and %.0f%% more). The gap is not a fixed share (in %s the region file's"
            + " %s were %.1f times the national count), so it cannot be corrected, and a share"
            + " computed from these files would overstate long waits. ICB values will return"
            + " when ICB figures that add up to the national total are shipped.",
        Reconciliation.month(latest),
        Reconciliation.count(icbAll),
        Reconciliation.count(icb),
        measure,
        Reconciliation.count(natAll),
        Reconciliation.count(nat),
        (icbAll / natAll - 1) * 100,
        (icb / nat - 1) * 100,
        Reconciliation.month(earliest),
        measure,
        early / earlyNational);
  }

  /**
   * NHS England's national waiting list by month: within 18 weeks, over 18 and over 52 weeks and
   * the total. Stops the load if a month lacks a count or its bands do not add up to its total.
   */
  Map<YearMonth, Map<String, Double>> nationalWaitingList() {
    Map<YearMonth, Map<String, Double>> national = new TreeMap<>();
    files
        .apply(RTT_NATIONAL)
        .readCsv(
            List.of("month", "type_of_wait", "count"),
            808,
            row -> {
              String type = row.text("type_of_wait");
              if (!NATIONAL_TYPES.contains(type)) {
                throw row.problem("type_of_wait", "is not one of " + NATIONAL_TYPES);
              }
              YearMonth month = YearMonth.from(LocalDate.parse(row.text("month")));
              if (national
                      .computeIfAbsent(month, k -> new HashMap<>())
                      .put(type, row.decimal("count"))
                  != null) {
                throw row.problem("type_of_wait", "appears twice for " + month);
              }
            });
    national.forEach(
        (month, counts) -> {
          for (String type : NATIONAL_TYPES) {
            if (!counts.containsKey(type)) {
              throw new org.fourthpurpose.reference.ReferenceDataException(
                  RTT_NATIONAL,
                  0,
                  "type_of_wait",
                  Reconciliation.month(month) + " has no row for '" + type + "'");
            }
          }
          Reconciliation.require(
              RTT_NATIONAL,
              "count",
              month,
              "the national waiting list",
              counts.get(WITHIN_18_WEEKS) + counts.get(OVER_18_WEEKS),
              "pathways within and over 18 weeks",
              counts.get(TOTAL_WAITING),
              "its 'Total waiting' row");
          if (counts.get(OVER_52_WEEKS) > counts.get(OVER_18_WEEKS)) {
            throw new org.fourthpurpose.reference.ReferenceDataException(
                RTT_NATIONAL,
                0,
                "count",
                Reconciliation.month(month)
                    + ": more pathways over 52 weeks than over 18 weeks, which cannot be");
          }
        });
    return national;
  }

  void loadAccidentAndEmergency(ValueSink sink) {
    Map<YearMonth, Map<String, double[]>> counts = new TreeMap<>();
    Map<YearMonth, double[]> fileTotals = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(AE)
        .readCsv(
            List.of("icb22_code", "total_attendances", "attendances_over_4hours", "date"),
            1_680,
            row -> {
              if (row.optionalText("total_attendances") == null
                  || row.optionalText("attendances_over_4hours") == null) {
                return;
              }
              YearMonth month = YearMonth.parse(row.text("date"), MONTH_NAME);
              double over = row.decimal("attendances_over_4hours");
              double all = row.decimal("total_attendances");
              add(fileTotals, month, over, all);
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb != null) {
                double[] c = cell(counts, month, icb);
                c[0] += over;
                c[1] += all;
              }
            });
    reconcile(AE, fileTotals, counts, "attendances over 4 hours", "attendances");
    writeProportions(counts, sink);
    noteUnknown(unknown, sink);
  }

  void loadDischargesBeforeFivePm(ValueSink sink) {
    Map<YearMonth, Map<String, double[]>> counts = new TreeMap<>();
    Map<YearMonth, double[]> fileTotals = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(DISCHARGES)
        .readCsv(
            List.of("icb22_code", "date", "discharged_by_1700", "discharged_total"),
            51_727,
            row -> {
              if (row.optionalText("discharged_by_1700") == null
                  || row.optionalText("discharged_total") == null) {
                return;
              }
              YearMonth month = YearMonth.from(LocalDate.parse(row.text("date")));
              double early = row.decimal("discharged_by_1700");
              double all = row.decimal("discharged_total");
              add(fileTotals, month, early, all);
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb != null) {
                double[] c = cell(counts, month, icb);
                c[0] += early;
                c[1] += all;
              }
            });
    reconcile(DISCHARGES, fileTotals, counts, "discharges by 5pm", "discharges");
    writeProportions(counts, sink);
    noteUnknown(unknown, sink);
  }

  void loadCriteriaToReside(ValueSink sink) {
    // [sum of daily counts, days]
    Map<YearMonth, Map<String, double[]>> daily = new TreeMap<>();
    Map<YearMonth, double[]> fileTotals = new TreeMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    files
        .apply(CRITERIA_TO_RESIDE)
        .readCsv(
            List.of("icb22_code", "date", "do_not_meet_criteria_to_reside"),
            51_727,
            row -> {
              if (row.optionalText("do_not_meet_criteria_to_reside") == null) {
                return;
              }
              YearMonth month = YearMonth.from(LocalDate.parse(row.text("date")));
              double patients = row.decimal("do_not_meet_criteria_to_reside");
              add(fileTotals, month, patients);
              String icb = resolve(row.text("icb22_code"), unknown);
              if (icb != null) {
                double[] c = cell(daily, month, icb);
                c[0] += patients;
                c[1]++;
              }
            });
    reconcile(
        CRITERIA_TO_RESIDE,
        fileTotals,
        daily,
        "patients who no longer met the criteria to reside, summed over the days");
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

  private static void add(Map<YearMonth, double[]> totals, YearMonth month, double... counts) {
    double[] t = totals.computeIfAbsent(month, k -> new double[counts.length]);
    for (int i = 0; i < counts.length; i++) {
      t[i] += counts[i];
    }
  }

  /**
   * Stops the load unless, for every month, the ICBs the loader will write (whose sums become the
   * regions and England) hold every count in {@code file}: a row under a code that is not a 2024
   * ICB, or a row lost on the way, would otherwise leave England short.
   */
  private static void reconcile(
      String file,
      Map<YearMonth, double[]> fileTotals,
      Map<YearMonth, Map<String, double[]>> byIcb,
      String... measures) {
    fileTotals.forEach(
        (month, total) -> {
          double[] parts = new double[measures.length];
          byIcb
              .getOrDefault(month, Map.of())
              .values()
              .forEach(
                  c -> {
                    for (int i = 0; i < measures.length; i++) {
                      parts[i] += c[i];
                    }
                  });
          for (int i = 0; i < measures.length; i++) {
            Reconciliation.require(
                file,
                null,
                month,
                measures[i],
                parts[i],
                "the 2024 ICBs (and so England)",
                total[i],
                "the file's rows");
          }
        });
  }

  private static double[] cell(
      Map<YearMonth, Map<String, double[]>> counts, YearMonth m, String icb) {
    return counts.computeIfAbsent(m, k -> new TreeMap<>()).computeIfAbsent(icb, k -> new double[2]);
  }
}
