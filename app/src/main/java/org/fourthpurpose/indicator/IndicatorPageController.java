package org.fourthpurpose.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public indicator pages: the catalogue by theme, and one indicator across the 42 ICBs. */
@NeedsReferenceData("indicators")
@Controller
class IndicatorPageController {

  static final String CATALOGUE_VIEW = "indicator/catalogue";
  static final String INDICATOR_VIEW = "indicator/indicator";
  static final String ENGLAND_VIEW = "indicator/indicator-england";

  private final IndicatorCatalogue catalogue;
  private final IndicatorValues values;
  private final Geography geography;
  static final String SIMILAR_AREAS_VIEW = "indicator/similar-areas";

  private final IndicatorRollUps rollUps;
  private final IndicatorRepository repository;
  private final SimilarAreaComparisons similarAreas;

  IndicatorPageController(
      IndicatorCatalogue catalogue,
      IndicatorValues values,
      Geography geography,
      IndicatorRollUps rollUps,
      IndicatorRepository repository,
      SimilarAreaComparisons similarAreas) {
    this.catalogue = catalogue;
    this.values = values;
    this.geography = geography;
    this.rollUps = rollUps;
    this.repository = repository;
    this.similarAreas = similarAreas;
  }

  /**
   * A district beside its ONS similar areas: value, place among them and their median, with a chart
   * and table. Reached from the indicator page's district form, so it works without JavaScript.
   */
  @GetMapping("/indicators/{id}/similar-areas")
  String similarAreas(
      @PathVariable String id,
      @RequestParam String district,
      @RequestParam(defaultValue = IndicatorValues.LATEST) String period,
      Model model) {
    Indicator indicator = publicIndicator(id);
    if (values.table(indicator, AreaLevel.LAD, period).isEmpty()) {
      throw InvalidInputException.parameter(
          "period", "Choose a period this indicator has district values for");
    }
    SimilarAreaComparison c =
        similarAreas
            .compare(indicator, district, period)
            .orElseThrow(
                () ->
                    InvalidInputException.parameter(
                        "district", "Choose a district in England from the list"));
    model.addAttribute("indicator", indicator);
    model.addAttribute("c", c);
    model.addAttribute(
        "theme", catalogue.theme(indicator.themeCode()).map(Theme::title).orElse(""));
    model.addAttribute("value", ValueText.format(c.district().value()));
    model.addAttribute("median", c.median() == null ? "" : ValueText.format(c.median()));
    model.addAttribute(
        "rows", c.group().stream().map(r -> new SimilarRow(r, r == c.district())).toList());
    model.addAttribute(
        "chart",
        IndicatorCharts.intervalChart(
            c.group().stream().filter(r -> r.value() != null).toList(),
            c.median(),
            c.district().areaCode()));
    model.addAttribute("method", SimilarAreas.METHOD);
    model.addAttribute("methodUrl", SimilarAreas.METHOD_URL);
    return SIMILAR_AREAS_VIEW;
  }

  /** A row of the similar-areas table: the area, its value in words, and whether it is chosen. */
  record SimilarRow(AreaComparison area, boolean chosen) {
    public String value() {
      return area.value() == null ? "No value" : ValueText.format(area.value());
    }
  }

  /** One period of an indicator published for England only, with its counts. */
  record EnglandRow(String period, String value, String numerator, String denominator) {}

  /** A theme and its public indicators. */
  record ThemeIndicators(Theme theme, List<Indicator> indicators) {}

  @GetMapping("/indicators")
  String catalogue(Model model) {
    List<Indicator> indicators = catalogue.publicIndicators();
    model.addAttribute(
        "themes",
        catalogue.themes().stream()
            .map(
                t ->
                    new ThemeIndicators(
                        t,
                        indicators.stream().filter(i -> i.themeCode().equals(t.code())).toList()))
            .toList());
    return CATALOGUE_VIEW;
  }

  @GetMapping("/indicators/{id}")
  String indicator(
      @PathVariable String id,
      @RequestParam(defaultValue = IndicatorValues.LATEST) String period,
      @RequestParam(name = "funnel", required = false) String funnel,
      Model model) {
    Indicator indicator = publicIndicator(id);
    if (!indicator.geographyLevels().contains(AreaLevel.ICB)) {
      return englandOnly(indicator, model);
    }
    IndicatorTable table = table(indicator, period);
    ColourScale key = IndicatorCharts.key(indicator, table);
    model.addAttribute("indicator", indicator);
    model.addAttribute(
        "theme", catalogue.theme(indicator.themeCode()).map(Theme::title).orElse(""));
    model.addAttribute("table", table);
    model.addAttribute("rows", table.rows().stream().map(IndicatorPages.Row::of).toList());
    model.addAttribute("england", table.englandValue() == null ? "" : format(table.englandValue()));
    model.addAttribute(
        "chart", IndicatorCharts.intervalChart(table.rowsWithValues(), table.englandValue(), null));
    model.addAttribute(
        "map",
        IndicatorCharts.shade(
            MapProjection.of(geography.boundaries(AreaType.ICB), 400), table.rows(), key, true));
    model.addAttribute("byQuintile", table.rows().stream().anyMatch(r -> r.comparedByQuintile()));
    model.addAttribute("key", key);
    model.addAttribute("loadNotes", catalogue.loadNotes(id));
    model.addAttribute("rollUp", rollUps.rollUp(id).orElse(null));
    Map<String, String> partial = new HashMap<>();
    IndicatorApiController.coverage(repository, table)
        .forEach(
            (code, share) -> {
              if (share < 0.9995) {
                partial.put(code, String.format(Locale.ROOT, "%.1f%%", share * 100));
              }
            });
    model.addAttribute("partialCoverage", partial);
    model.addAttribute(
        "funnel", IndicatorFunnels.of(indicator, table, IndicatorFunnels.adjustment(funnel)));
    model.addAttribute(
        "districts",
        indicator.geographyLevels().contains(AreaLevel.LAD)
            ? values
                .table(indicator, AreaLevel.LAD, table.period())
                .map(
                    t ->
                        t.rowsWithValues().stream()
                            .sorted(java.util.Comparator.comparing(AreaComparison::areaName))
                            .toList())
                .orElse(List.of())
            : List.of());
    return INDICATOR_VIEW;
  }

  /**
   * An indicator with values for England only (waiting times, whose ICB files do not add up to the
   * national series): England's series as a chart and a table, with the reason on the page.
   */
  private String englandOnly(Indicator indicator, Model model) {
    List<AreaValue> series = repository.values(indicator.id(), AreaLevel.ENGLAND);
    model.addAttribute("indicator", indicator);
    model.addAttribute(
        "theme", catalogue.theme(indicator.themeCode()).map(Theme::title).orElse(""));
    model.addAttribute("latest", series.isEmpty() ? null : series.get(series.size() - 1));
    model.addAttribute(
        "latestValue", series.isEmpty() ? "" : format(series.get(series.size() - 1).value()));
    model.addAttribute(
        "trend",
        org.fourthpurpose.chart.TrendChart.of(
            series.stream()
                .map(
                    v ->
                        new org.fourthpurpose.chart.TrendChart.Period(
                            v.period().label(), v.value(), v.lowerCi(), v.upperCi(), null))
                .toList(),
            "",
            ValueText::format));
    List<AreaValue> recent =
        new java.util.ArrayList<>(org.fourthpurpose.chart.TrendChart.drawn(series));
    java.util.Collections.reverse(recent);
    model.addAttribute(
        "rows",
        recent.stream()
            .map(
                v ->
                    new EnglandRow(
                        v.period().label(),
                        format(v.value()),
                        count(v.numerator()),
                        count(v.denominator())))
            .toList());
    model.addAttribute("periods", series.size());
    model.addAttribute("loadNotes", catalogue.loadNotes(indicator.id()));
    return ENGLAND_VIEW;
  }

  private static String count(Double value) {
    return value == null
        ? ""
        : java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK).format(Math.round(value));
  }

  @GetMapping("/indicators/{id}.csv")
  ResponseEntity<String> download(
      @PathVariable String id, @RequestParam(defaultValue = IndicatorValues.LATEST) String period) {
    Indicator found = publicIndicator(id);
    if (!found.geographyLevels().contains(AreaLevel.ICB)) {
      org.fourthpurpose.csv.CsvText csv =
          new org.fourthpurpose.csv.CsvText()
              .row(
                  "indicatorId",
                  "areaType",
                  "areaCode",
                  "period",
                  "value",
                  "numerator",
                  "denominator");
      for (AreaValue v : repository.values(id, AreaLevel.ENGLAND)) {
        csv.row(
            id,
            "england",
            v.areaCode(),
            v.period().label(),
            v.value(),
            v.numerator(),
            v.denominator());
      }
      return org.fourthpurpose.web.Downloads.csv(csv, id + "-england.csv");
    }
    IndicatorTable table = table(found, period);
    return org.fourthpurpose.web.Downloads.csv(
        IndicatorApiController.csv(
            table,
            IndicatorApiController.coverage(repository, table),
            rollUps.rollUp(id).orElse(null)),
        id + "-icb-" + table.period() + ".csv");
  }

  private Indicator publicIndicator(String id) {
    return catalogue
        .indicator(id)
        .filter(Indicator::isPublic)
        .orElseThrow(() -> new NotFoundException("There is no public indicator '" + id + "'"));
  }

  private IndicatorTable table(Indicator indicator, String period) {
    return values
        .table(indicator, AreaLevel.ICB, period)
        .orElseThrow(
            () ->
                InvalidInputException.parameter(
                    "period", "Choose a period this indicator has values for"));
  }

  static String comparisonText(AreaComparison r) {
    return ValueText.comparisonText(r);
  }

  static String format(Double value) {
    return ValueText.format(value);
  }
}
