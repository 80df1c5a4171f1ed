package org.fourthpurpose.equity.across;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.deprivation.AreaSummary;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IndicatorTable;
import org.fourthpurpose.indicator.IndicatorValues;
import org.fourthpurpose.maturity.Benchmark;
import org.fourthpurpose.maturity.BenchmarkService;
import org.fourthpurpose.maturity.MaturityLevel;
import org.springframework.stereotype.Service;

/**
 * The measures that can be set against each other across the 42 systems, each read through its
 * owning module's API: the IMD 2025 summary measures of each ICB, every public catalogue indicator
 * at ICB level in its latest period, and the agreed maturity level of each area of focus for the
 * systems that chose to publish theirs (as 1 emerging, 2 established, 3 expanding).
 */
@Service
public class AcrossSystems {

  static final String DEFAULT_X = "imd-average-score";

  private final DeprivationSummaries deprivation;
  private final IndicatorCatalogue catalogue;
  private final IndicatorValues values;
  private final BenchmarkService maturity;
  private final Geography geography;

  AcrossSystems(
      DeprivationSummaries deprivation,
      IndicatorCatalogue catalogue,
      IndicatorValues values,
      BenchmarkService maturity,
      Geography geography) {
    this.deprivation = deprivation;
    this.catalogue = catalogue;
    this.values = values;
    this.maturity = maturity;
    this.geography = geography;
  }

  /** A measure that can be chosen, by group. */
  public record Choice(String group, String id, String label) {}

  List<Choice> choices() {
    List<Choice> choices = new ArrayList<>();
    choices.add(
        new Choice("Deprivation (IMD 2025)", "imd-average-score", "IMD 2025 average score"));
    choices.add(
        new Choice(
            "Deprivation (IMD 2025)",
            "imd-most-deprived-10",
            "IMD 2025: share of neighbourhoods in England's most deprived 10%"));
    choices.add(
        new Choice(
            "Deprivation (IMD 2025)",
            "imd-extent",
            "IMD 2025: extent (share of people in the most deprived 30%)"));
    for (Indicator i : catalogue.publicIndicators()) {
      if (i.geographyLevels().contains(AreaLevel.ICB)) {
        choices.add(new Choice("Indicators", "indicator:" + i.id(), i.title()));
      }
    }
    Benchmark benchmark = maturity.benchmark();
    if (!benchmark.suppressed()) {
      for (Benchmark.BenchmarkArea area : benchmark.areas()) {
        choices.add(
            new Choice(
                "Agreed maturity levels (systems that publish them)",
                "maturity:" + area.areaId(),
                "Maturity: " + area.title()));
      }
    }
    return choices;
  }

  /** The measure with this id, or empty when there is none (or it has no values). */
  Optional<Measure> measure(String id) {
    if (id == null) {
      return Optional.empty();
    }
    if (id.startsWith("imd-")) {
      return deprivationMeasure(id);
    }
    if (id.startsWith("indicator:")) {
      return catalogue
          .indicator(id.substring("indicator:".length()))
          .filter(Indicator::isPublic)
          .flatMap(this::indicatorMeasure);
    }
    if (id.startsWith("maturity:")) {
      return maturityMeasure(id.substring("maturity:".length()));
    }
    return Optional.empty();
  }

  private Optional<Measure> deprivationMeasure(String id) {
    Map<String, Double> byIcb = new LinkedHashMap<>();
    String label;
    String unit;
    switch (id) {
      case "imd-average-score" -> {
        label = "IMD 2025 average score";
        unit = "score";
      }
      case "imd-most-deprived-10" -> {
        label = "Neighbourhoods in England's most deprived 10% (IMD 2025)";
        unit = "%";
      }
      case "imd-extent" -> {
        label = "Extent of deprivation (IMD 2025)";
        unit = "%";
      }
      default -> {
        return Optional.empty();
      }
    }
    for (AreaSummary s : deprivation.summaries(Edition.IOD2025, "icb")) {
      if (s.domain() != Domain.IMD) {
        continue;
      }
      Double value =
          switch (id) {
            case "imd-average-score" -> s.measures().averageScore();
            case "imd-most-deprived-10" -> s.measures().proportionMostDeprived10() * 100;
            default -> s.measures().extent() * 100;
          };
      if (value != null) {
        byIcb.put(s.areaCode(), value);
      }
    }
    return byIcb.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Measure(
                id,
                label,
                unit,
                byIcb,
                "English Indices of Deprivation 2025 (MHCLG), summarised for ICBs"));
  }

  private Optional<Measure> indicatorMeasure(Indicator indicator) {
    Optional<IndicatorTable> table = values.table(indicator, AreaLevel.ICB, IndicatorValues.LATEST);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> byIcb = new LinkedHashMap<>();
    for (AreaComparison r : table.get().rowsWithValues()) {
      byIcb.put(r.areaCode(), r.value());
    }
    return Optional.of(
        new Measure(
            "indicator:" + indicator.id(),
            indicator.title() + " (" + table.get().period() + ")",
            indicator.unit(),
            byIcb,
            indicator.source()));
  }

  private Optional<Measure> maturityMeasure(String areaId) {
    Benchmark benchmark = maturity.benchmark();
    if (benchmark.suppressed()) {
      return Optional.empty();
    }
    Optional<Benchmark.BenchmarkArea> area =
        benchmark.areas().stream().filter(a -> a.areaId().equals(areaId)).findFirst();
    if (area.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> codeByName = new HashMap<>();
    for (IntegratedCareBoard icb : geography.icbs()) {
      codeByName.put(icb.name(), icb.code());
      codeByName.put(icb.shortName(), icb.code());
    }
    Map<String, Double> byIcb = new LinkedHashMap<>();
    for (Benchmark.PublishedSystem system : benchmark.published()) {
      MaturityLevel level = system.levels().get(areaId);
      String code = codeByName.get(system.name());
      if (level != null && level.isDescribed() && code != null) {
        byIcb.put(code, (double) level.rank());
      }
    }
    return byIcb.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Measure(
                "maturity:" + areaId,
                "Agreed maturity: " + area.get().title() + " (1 emerging, 3 expanding)",
                "level",
                byIcb,
                "Agreed levels the systems chose to publish (Cathy Elliott's maturity framework)"));
  }

  /** Every system with both values, by name. */
  public record Pair(String code, String name, double x, double y) {}

  List<Pair> pairs(Measure x, Measure y) {
    List<Pair> pairs = new ArrayList<>();
    for (IntegratedCareBoard icb : geography.icbs()) {
      Double a = x.values().get(icb.code());
      Double b = y.values().get(icb.code());
      if (a != null && b != null && Double.isFinite(a) && Double.isFinite(b)) {
        pairs.add(new Pair(icb.code(), icb.shortName(), a, b));
      }
    }
    pairs.sort(Comparator.comparing(Pair::name));
    return pairs;
  }
}
