package org.fourthpurpose.indicator;

import java.util.List;
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
  private final IndicatorRepository repository;
  private final Geography geography;

  IndicatorPageController(
      IndicatorCatalogue catalogue,
      IndicatorValues values,
      IndicatorRepository repository,
      Geography geography) {
    this.catalogue = catalogue;
    this.values = values;
    this.repository = repository;
    this.geography = geography;
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
        IndicatorApiController.csv(table), id + "-icb-" + table.period() + ".csv");
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
