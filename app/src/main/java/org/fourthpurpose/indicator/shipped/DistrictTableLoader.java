package org.fourthpurpose.indicator.shipped;

import java.time.LocalDate;
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
 * Loads a table with one value per district (or a numerator and denominator per district) and rolls
 * it up to ICBs, regions and England.
 */
final class DistrictTableLoader {

  /** The period of a table whose source does not say which year it describes. */
  static final Period UNDATED = new Period("undated", LocalDate.of(2023, 1, 1));

  private final Areas areas;
  private final DistrictCodes codes;
  private final PopulationWeightedRollUp rollUp;

  DistrictTableLoader(Areas areas, DistrictCodes codes, double minimumCoverage) {
    this.areas = areas;
    this.codes = codes;
    this.rollUp = new PopulationWeightedRollUp(minimumCoverage);
  }

  void loadValues(
      ReferenceFile file,
      long rows,
      String codeColumn,
      String valueColumn,
      Period period,
      ValueSink sink) {
    Map<String, PopulationWeightedRollUp.DistrictEstimate> values = new HashMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    int[] missing = {0};
    file.readCsv(
        List.of(codeColumn, valueColumn),
        rows,
        row -> {
          String lad = district(row.text(codeColumn), unknown);
          if (lad == null) {
            return;
          }
          if (notAvailable(row.optionalText(valueColumn))) {
            missing[0]++;
            return;
          }
          values.put(
              lad,
              new PopulationWeightedRollUp.DistrictEstimate(row.decimal(valueColumn), null, null));
        });
    values.forEach(
        (lad, e) ->
            sink.add(AreaValue.published(AreaLevel.LAD, lad, period, e.value(), null, null)));
    sink.addAll(rollUp.rollUp(AreaLevel.ICB, period, areas.icbParts, values).values());
    sink.addAll(rollUp.rollUp(AreaLevel.REGION, period, areas.regionParts, values).values());
    sink.addAll(rollUp.rollUp(AreaLevel.ENGLAND, period, areas.englandParts, values).values());
    notes(sink, unknown, missing[0]);
  }

  /**
   * Sums a numerator and denominator over districts; a district split between ICBs is shared by the
   * population of its parts.
   */
  void loadRatio(
      ReferenceFile file,
      long rows,
      String codeColumn,
      String numeratorColumn,
      String denominatorColumn,
      Period period,
      ValueSink sink) {
    Map<String, double[]> byDistrict = new HashMap<>();
    TreeSet<String> unknown = new TreeSet<>();
    int[] missing = {0};
    file.readCsv(
        List.of(codeColumn, numeratorColumn, denominatorColumn),
        rows,
        row -> {
          String lad = district(row.text(codeColumn), unknown);
          if (lad == null) {
            return;
          }
          if (notAvailable(row.optionalText(numeratorColumn))
              || notAvailable(row.optionalText(denominatorColumn))) {
            missing[0]++;
            return;
          }
          byDistrict.put(
              lad, new double[] {row.decimal(numeratorColumn), row.decimal(denominatorColumn)});
        });
    byDistrict.forEach(
        (lad, c) -> sink.add(AreaValue.ofCounts(AreaLevel.LAD, lad, period, c[0], c[1], 1)));
    for (List<PopulationWeightedRollUp.Part> parts :
        List.of(areas.icbParts, areas.regionParts, areas.englandParts)) {
      AreaLevel level =
          parts == areas.icbParts
              ? AreaLevel.ICB
              : parts == areas.regionParts ? AreaLevel.REGION : AreaLevel.ENGLAND;
      Map<String, double[]> sums = new TreeMap<>();
      for (PopulationWeightedRollUp.Part part : parts) {
        double[] c = byDistrict.get(part.districtCode());
        double[] sum = sums.computeIfAbsent(part.areaCode(), k -> new double[3]);
        sum[2] += part.population();
        if (c == null) {
          continue;
        }
        double share = part.population() / areas.districtPopulation.get(part.districtCode());
        sum[0] += c[0] * share;
        sum[1] += c[1] * share;
      }
      sums.forEach(
          (area, s) -> {
            if (s[1] > 0) {
              sink.add(AreaValue.ofCounts(level, area, period, s[0], s[1], 1));
            }
          });
    }
    notes(sink, unknown, missing[0]);
  }

  /** Empty, or one of the markers statistical tables use for "not available" (":", "x", ".."). */
  static boolean notAvailable(String text) {
    return text == null || text.equals(":") || text.equalsIgnoreCase("x") || text.equals("..");
  }

  private String district(String code, TreeSet<String> unknown) {
    if (areas.isDistrict(code)) {
      return code;
    }
    if (codes.isRecoding(code)) {
      return codes.successorOf(code);
    }
    if (code.startsWith("E")) {
      unknown.add(code);
    }
    return null;
  }

  private static void notes(ValueSink sink, TreeSet<String> unknown, int missing) {
    if (missing > 0) {
      sink.note(missing + " districts have no value in the source.");
    }
    if (!unknown.isEmpty()) {
      sink.note("Rows for codes that are not 2024 districts were not used: " + unknown + ".");
    }
  }
}
