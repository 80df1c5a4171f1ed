package org.fourthpurpose.indicator.shipped;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.reference.ReferenceFile;

/**
 * Loads one indicator from an ONS Explore Local Statistics file: districts, regions and England as
 * published, and ICBs (and regions or England when not published) rolled up from districts.
 *
 * <p>Rows for districts that existed before April 2023 are moved to their 2024 successor only when
 * the successor is the same area under a new code and has no value of its own for that period; rows
 * of districts merged into a new council are not combined, and the load notes say so.
 *
 * <p>How districts are rolled up is the catalogue's {@code load.rollUp}: {@code
 * population-weighted} (the default; rates, shares, means and medians), {@code per-resident} (a
 * published total divided by Census 2021 residents, times {@code load.scale}, before the
 * population-weighted roll-up, which makes the area's value its summed total over its summed
 * residents), {@code ratio-of-sums} (a rate whose denominator count is published in the same file
 * as {@code load.denominator}) or {@code sum} (counts). {@code load.period = month} keeps bare
 * dates as months, for series published more than once a year.
 */
final class OnsLocalStatisticsLoader {

  static final List<String> COLUMNS =
      List.of("areacd", "geography", "indicator", "period", "observation", "lci_95", "uci_95");

  private final Areas areas;
  private final DistrictCodes codes;
  private final PopulationWeightedRollUp rollUp;
  private final PopulationWeightedRollUp mergeRollUp;
  private final CountRollUp counts;

  OnsLocalStatisticsLoader(Areas areas, DistrictCodes codes, double minimumCoverage) {
    this.areas = areas;
    this.codes = codes;
    this.rollUp = new PopulationWeightedRollUp(minimumCoverage);
    this.mergeRollUp = new PopulationWeightedRollUp(minimumCoverage);
    this.counts = new CountRollUp(minimumCoverage, areas.districtPopulation);
  }

  /** The district, region and England values of one indicator of a file, by period. */
  private record Series(
      Map<Period, Map<String, PopulationWeightedRollUp.DistrictEstimate>> districts,
      Map<Period, Map<String, AreaValue>> regions,
      Map<Period, AreaValue> england) {}

  /** Loads the indicator {@code load.indicator} of {@code file} as the catalogue's load says. */
  void load(ReferenceFile file, long expectedRows, Map<String, String> load, ValueSink sink) {
    String rule = load.getOrDefault("rollUp", "population-weighted");
    boolean monthly = "month".equals(load.get("period"));
    Series series =
        read(file, expectedRows, load.get("indicator"), monthly, rule.equals("sum"), sink);
    switch (rule) {
      case "population-weighted" -> writePopulationWeighted(series, sink);
      case "per-resident" -> {
        double scale = Double.parseDouble(load.getOrDefault("scale", "1"));
        writePopulationWeighted(perResident(series, scale), sink);
        sink.note(
            "District, region and England totals are divided by their Census 2021 residents"
                + " (usual residents of their 2021 LSOAs).");
      }
      case "ratio-of-sums" -> {
        String denominator = load.get("denominator");
        if (denominator == null) {
          throw new CatalogueException(
              "Indicator " + load.get("indicator") + ": rollUp ratio-of-sums needs denominator");
        }
        Series weights =
            read(file, expectedRows, denominator, monthly, true, ValueSink.discarding());
        writeRatioOfSums(series, weights, sink);
      }
      case "sum" -> writeSum(series, sink);
      default ->
          throw new CatalogueException(
              "Indicator " + load.get("indicator") + ": rollUp " + rule + " is not known");
    }
  }

  /**
   * Reads one indicator's rows. Districts merged in 2023 are combined as a population-weighted
   * average of their former districts, or, when {@code additive} (counts), as their sum when every
   * former district has a value.
   */
  private Series read(
      ReferenceFile file,
      long expectedRows,
      String indicatorName,
      boolean monthly,
      boolean additive,
      ValueSink sink) {
    Map<Period, Map<String, PopulationWeightedRollUp.DistrictEstimate>> districts = new TreeMap<>();
    Map<Period, Map<String, List<String>>> predecessors = new TreeMap<>();
    Map<Period, Map<String, PopulationWeightedRollUp.DistrictEstimate>> predecessorValues =
        new TreeMap<>();
    Map<Period, Map<String, AreaValue>> regions = new TreeMap<>();
    Map<Period, AreaValue> england = new TreeMap<>();
    TreeSet<String> unmapped = new TreeSet<>();
    int[] suppressed = {0};
    file.readCsv(
        COLUMNS,
        expectedRows,
        row -> {
          if (!indicatorName.equals(row.text("indicator"))) {
            return;
          }
          String code = row.text("areacd");
          String observation = row.optionalText("observation");
          if (observation == null) {
            suppressed[0]++;
            return;
          }
          double value = row.decimal("observation");
          Double lower = row.optionalText("lci_95") == null ? null : row.decimal("lci_95");
          Double upper = row.optionalText("uci_95") == null ? null : row.decimal("uci_95");
          String periodText = row.text("period");
          Period period =
              monthly && periodText.indexOf('/') < 0
                  ? Period.month(YearMonth.from(LocalDate.parse(periodText.strip())))
                  : Period.fromIsoInterval(periodText);
          if (code.equals(Areas.ENGLAND)) {
            england.put(
                period, AreaValue.published(AreaLevel.ENGLAND, code, period, value, lower, upper));
          } else if (code.startsWith("E12")) {
            regions
                .computeIfAbsent(period, k -> new TreeMap<>())
                .put(
                    code, AreaValue.published(AreaLevel.REGION, code, period, value, lower, upper));
          } else if (code.matches("E0[6789]\\d{6}")) {
            var estimate = new PopulationWeightedRollUp.DistrictEstimate(value, lower, upper);
            if (areas.isDistrict(code)) {
              districts.computeIfAbsent(period, k -> new HashMap<>()).put(code, estimate);
            } else if (codes.successorOf(code) != null) {
              predecessors
                  .computeIfAbsent(period, k -> new HashMap<>())
                  .computeIfAbsent(codes.successorOf(code), k -> new ArrayList<>())
                  .add(code);
              predecessorValues.computeIfAbsent(period, k -> new HashMap<>()).put(code, estimate);
            } else {
              unmapped.add(code + " (" + row.text("areanm") + ")");
            }
          }
        });
    TreeSet<String> superseded = new TreeSet<>();
    TreeSet<String> merged = new TreeSet<>();
    TreeSet<String> recoded = new TreeSet<>();
    TreeSet<String> combinedPeriods = new TreeSet<>();
    TreeSet<String> summedPeriods = new TreeSet<>();
    predecessors.forEach(
        (period, bySuccessor) ->
            bySuccessor.forEach(
                (successor, olds) -> {
                  var current = districts.computeIfAbsent(period, k -> new HashMap<>());
                  if (current.containsKey(successor)) {
                    superseded.add(period.label());
                  } else if (olds.size() == 1 && codes.isRecoding(olds.get(0))) {
                    current.put(successor, predecessorValues.get(period).get(olds.get(0)));
                    recoded.add(olds.get(0) + " as " + successor);
                  } else if (additive && codes.predecessorCount(successor) > 1) {
                    Map<String, PopulationWeightedRollUp.DistrictEstimate> old =
                        predecessorValues.get(period);
                    List<String> formers = codes.predecessorsOf(successor);
                    if (formers.stream().allMatch(old::containsKey)) {
                      double total =
                          formers.stream().mapToDouble(code -> old.get(code).value()).sum();
                      current.put(
                          successor,
                          new PopulationWeightedRollUp.DistrictEstimate(total, null, null));
                      summedPeriods.add(period.label());
                    } else {
                      merged.add(successor + " " + period.label());
                    }
                  } else if (codes.predecessorCount(successor) > 1) {
                    // Districts merged into a new council: combine those with a value, weighted
                    // by their mid-2020 residents, when they hold enough of its people.
                    List<PopulationWeightedRollUp.Part> parts = new ArrayList<>();
                    for (String old : codes.predecessorsOf(successor)) {
                      parts.add(
                          new PopulationWeightedRollUp.Part(
                              successor, old, codes.populationOf(old)));
                    }
                    AreaValue combined =
                        mergeRollUp
                            .rollUp(AreaLevel.LAD, period, parts, predecessorValues.get(period))
                            .get(successor);
                    if (combined != null) {
                      current.put(
                          successor,
                          new PopulationWeightedRollUp.DistrictEstimate(
                              combined.value(), combined.lowerCi(), combined.upperCi()));
                      combinedPeriods.add(period.label());
                    } else {
                      merged.add(successor + " " + period.label());
                    }
                  } else {
                    merged.add(successor + " " + period.label());
                  }
                }));
    if (suppressed[0] > 0) {
      sink.note(suppressed[0] + " rows have no value in the source (suppressed or not available).");
    }
    if (!recoded.isEmpty()) {
      sink.note("District codes used under their 2024 code: " + String.join(", ", recoded) + ".");
    }
    if (!combinedPeriods.isEmpty()) {
      sink.note(
          "Cumberland, Westmorland and Furness, North Yorkshire and Somerset (new councils in"
              + " 2023) take the average of their former districts, weighted by mid-2020"
              + " residents, for periods "
              + String.join(", ", combinedPeriods)
              + ".");
    }
    if (!summedPeriods.isEmpty()) {
      sink.note(
          "Cumberland, Westmorland and Furness, North Yorkshire and Somerset (new councils in"
              + " 2023) take the sum of their former districts' counts for periods "
              + String.join(", ", summedPeriods)
              + ".");
    }
    if (!superseded.isEmpty()) {
      sink.note(
          "Rows for districts abolished in 2023 were ignored where the new council has its own"
              + " value (periods "
              + String.join(", ", superseded)
              + ").");
    }
    if (!merged.isEmpty()) {
      sink.note(
          "Some former districts of a council created in 2023 have no value, so the new council"
              + " has none for: "
              + String.join(", ", merged)
              + ".");
    }
    if (!unmapped.isEmpty()) {
      sink.note(
          "Rows for districts that no longer exist and are not in the 2022 to 2023 lookup were"
              + " not used: "
              + String.join(", ", unmapped)
              + ".");
    }
    return new Series(districts, regions, england);
  }

  private void writePopulationWeighted(Series series, ValueSink sink) {
    for (Period period : periods(series)) {
      Map<String, PopulationWeightedRollUp.DistrictEstimate> values =
          series.districts().getOrDefault(period, Map.of());
      values.forEach(
          (lad, e) ->
              sink.add(
                  AreaValue.published(
                      AreaLevel.LAD, lad, period, e.value(), e.lower(), e.upper())));
      sink.addAll(rollUp.rollUp(AreaLevel.ICB, period, areas.icbParts, values).values());
      // Published regions and England win over roll-ups of their districts.
      Map<String, AreaValue> regionValues =
          new TreeMap<>(rollUp.rollUp(AreaLevel.REGION, period, areas.regionParts, values));
      regionValues.putAll(series.regions().getOrDefault(period, Map.of()));
      sink.addAll(regionValues.values());
      AreaValue englandValue = series.england().get(period);
      if (englandValue == null) {
        englandValue =
            rollUp.rollUp(AreaLevel.ENGLAND, period, areas.englandParts, values).get(Areas.ENGLAND);
      }
      if (englandValue != null) {
        sink.add(englandValue);
      }
    }
  }

  /** Divides every total by the Census 2021 residents of its area, times {@code scale}. */
  private Series perResident(Series totals, double scale) {
    Map<String, Long> regionPopulation = new HashMap<>();
    long englandPopulation = 0;
    for (PopulationWeightedRollUp.Part part : areas.regionParts) {
      regionPopulation.merge(part.areaCode(), (long) part.population(), Long::sum);
      englandPopulation += (long) part.population();
    }
    Map<Period, Map<String, PopulationWeightedRollUp.DistrictEstimate>> districts = new TreeMap<>();
    totals
        .districts()
        .forEach(
            (period, values) -> {
              Map<String, PopulationWeightedRollUp.DistrictEstimate> converted = new HashMap<>();
              values.forEach(
                  (lad, e) -> {
                    Long people = areas.districtPopulation.get(lad);
                    if (people != null && people > 0) {
                      converted.put(
                          lad,
                          new PopulationWeightedRollUp.DistrictEstimate(
                              e.value() * scale / people, null, null));
                    }
                  });
              districts.put(period, converted);
            });
    Map<Period, Map<String, AreaValue>> regions = new TreeMap<>();
    totals
        .regions()
        .forEach(
            (period, values) -> {
              Map<String, AreaValue> converted = new TreeMap<>();
              values.forEach(
                  (code, v) -> {
                    Long people = regionPopulation.get(code);
                    if (people != null && people > 0) {
                      converted.put(code, scaled(v, scale / people));
                    }
                  });
              regions.put(period, converted);
            });
    Map<Period, AreaValue> england = new TreeMap<>();
    double perPerson = scale / englandPopulation;
    totals.england().forEach((period, v) -> england.put(period, scaled(v, perPerson)));
    return new Series(districts, regions, england);
  }

  private static AreaValue scaled(AreaValue v, double factor) {
    return AreaValue.published(v.level(), v.areaCode(), v.period(), v.value() * factor, null, null);
  }

  private void writeRatioOfSums(Series rates, Series denominators, ValueSink sink) {
    for (Period period : periods(rates)) {
      Map<String, Double> values = plain(rates.districts().getOrDefault(period, Map.of()));
      Map<String, Double> weights = plain(denominators.districts().getOrDefault(period, Map.of()));
      values.forEach(
          (lad, v) -> sink.add(AreaValue.published(AreaLevel.LAD, lad, period, v, null, null)));
      sink.addAll(
          counts.ratioOfSums(AreaLevel.ICB, period, areas.icbParts, values, weights).values());
      Map<String, AreaValue> regionValues =
          new TreeMap<>(
              counts.ratioOfSums(AreaLevel.REGION, period, areas.regionParts, values, weights));
      regionValues.putAll(rates.regions().getOrDefault(period, Map.of()));
      sink.addAll(regionValues.values());
      AreaValue englandValue = rates.england().get(period);
      if (englandValue == null) {
        englandValue =
            counts
                .ratioOfSums(AreaLevel.ENGLAND, period, areas.englandParts, values, weights)
                .get(Areas.ENGLAND);
      }
      if (englandValue != null) {
        sink.add(englandValue);
      }
    }
  }

  private void writeSum(Series series, ValueSink sink) {
    for (Period period : periods(series)) {
      Map<String, Double> values = plain(series.districts().getOrDefault(period, Map.of()));
      values.forEach(
          (lad, v) -> sink.add(AreaValue.published(AreaLevel.LAD, lad, period, v, null, null)));
      sink.addAll(counts.sum(AreaLevel.ICB, period, areas.icbParts, values).values());
      Map<String, AreaValue> regionValues =
          new TreeMap<>(counts.sum(AreaLevel.REGION, period, areas.regionParts, values));
      regionValues.putAll(series.regions().getOrDefault(period, Map.of()));
      sink.addAll(regionValues.values());
      AreaValue englandValue = series.england().get(period);
      if (englandValue == null) {
        englandValue =
            counts.sum(AreaLevel.ENGLAND, period, areas.englandParts, values).get(Areas.ENGLAND);
      }
      if (englandValue != null) {
        sink.add(englandValue);
      }
    }
  }

  private static TreeSet<Period> periods(Series series) {
    TreeSet<Period> periods = new TreeSet<>(series.districts().keySet());
    periods.addAll(series.regions().keySet());
    periods.addAll(series.england().keySet());
    return periods;
  }

  private static Map<String, Double> plain(
      Map<String, PopulationWeightedRollUp.DistrictEstimate> estimates) {
    Map<String, Double> values = new HashMap<>();
    estimates.forEach((lad, e) -> values.put(lad, e.value()));
    return values;
  }
}
