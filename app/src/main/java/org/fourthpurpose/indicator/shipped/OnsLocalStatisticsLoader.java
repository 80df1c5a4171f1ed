package org.fourthpurpose.indicator.shipped;

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
 */
final class OnsLocalStatisticsLoader {

  static final List<String> COLUMNS =
      List.of("areacd", "geography", "indicator", "period", "observation", "lci_95", "uci_95");

  private final Areas areas;
  private final DistrictCodes codes;
  private final PopulationWeightedRollUp rollUp;
  private final PopulationWeightedRollUp mergeRollUp;

  OnsLocalStatisticsLoader(Areas areas, DistrictCodes codes, double minimumCoverage) {
    this.areas = areas;
    this.codes = codes;
    this.rollUp = new PopulationWeightedRollUp(minimumCoverage);
    this.mergeRollUp = new PopulationWeightedRollUp(minimumCoverage);
  }

  void load(ReferenceFile file, long expectedRows, String indicatorName, ValueSink sink) {
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
          Period period = Period.fromIsoInterval(row.text("period"));
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
    TreeSet<Period> periods = new TreeSet<>(districts.keySet());
    periods.addAll(regions.keySet());
    periods.addAll(england.keySet());
    for (Period period : periods) {
      Map<String, PopulationWeightedRollUp.DistrictEstimate> values =
          districts.getOrDefault(period, Map.of());
      values.forEach(
          (lad, e) ->
              sink.add(
                  AreaValue.published(
                      AreaLevel.LAD, lad, period, e.value(), e.lower(), e.upper())));
      sink.addAll(rollUp.rollUp(AreaLevel.ICB, period, areas.icbParts, values).values());
      // Published regions and England win over roll-ups of their districts.
      Map<String, AreaValue> regionValues =
          new TreeMap<>(rollUp.rollUp(AreaLevel.REGION, period, areas.regionParts, values));
      regionValues.putAll(regions.getOrDefault(period, Map.of()));
      sink.addAll(regionValues.values());
      AreaValue englandValue = england.get(period);
      if (englandValue == null) {
        englandValue =
            rollUp.rollUp(AreaLevel.ENGLAND, period, areas.englandParts, values).get(Areas.ENGLAND);
      }
      if (englandValue != null) {
        sink.add(englandValue);
      }
    }
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
  }
}
