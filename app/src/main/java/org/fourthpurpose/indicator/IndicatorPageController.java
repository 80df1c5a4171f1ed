package org.fourthpurpose.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.chart.ChoroplethMap;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.IntervalChart;
import org.fourthpurpose.chart.MapProjection;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.web.InvalidParameterException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public indicator pages: the catalogue by theme, and one indicator across the 42 ICBs. */
@Controller
public class IndicatorPageController {

  static final String CATALOGUE_VIEW = "indicator/catalogue";
  static final String INDICATOR_VIEW = "indicator/indicator";

  private final IndicatorCatalogue catalogue;
  private final IndicatorValues values;
  private final Geography geography;

  IndicatorPageController(
      IndicatorCatalogue catalogue, IndicatorValues values, Geography geography) {
    this.catalogue = catalogue;
    this.values = values;
    this.geography = geography;
  }

  /** A theme and its public indicators. */
  record ThemeIndicators(Theme theme, List<Indicator> indicators) {}

  /** A table row as shown: the value, its 95% interval and the comparison in words. */
  public record Row(AreaComparison area, String value, String interval, String comparison) {
    public static Row of(AreaComparison r) {
      return new Row(
          r,
          r.value() == null ? "No value" : format(r.value()),
          r.lower95() == null ? "" : format(r.lower95()) + " to " + format(r.upper95()),
          comparisonText(r));
    }
  }

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
    IndicatorTable table = table(indicator, period);
    ColourScale key = key(indicator, table);
    model.addAttribute("indicator", indicator);
    model.addAttribute(
        "theme", catalogue.theme(indicator.themeCode()).map(Theme::title).orElse(""));
    model.addAttribute("table", table);
    model.addAttribute("rows", table.rows().stream().map(Row::of).toList());
    model.addAttribute("england", table.englandValue() == null ? "" : format(table.englandValue()));
    model.addAttribute("chart", intervalChart(table.rowsWithValues(), table.englandValue(), null));
    model.addAttribute(
        "map",
        shade(MapProjection.of(geography.boundaries(AreaType.ICB), 400), table.rows(), key, true));
    model.addAttribute("byQuintile", table.rows().stream().anyMatch(r -> r.comparedByQuintile()));
    model.addAttribute("key", key);
    model.addAttribute("loadNotes", catalogue.loadNotes(id));
    return INDICATOR_VIEW;
  }

  @GetMapping("/indicators/{id}.csv")
  ResponseEntity<String> download(
      @PathVariable String id, @RequestParam(defaultValue = IndicatorValues.LATEST) String period) {
    IndicatorTable table = table(publicIndicator(id), period);
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
                new InvalidParameterException(
                    "period", "Choose a period this indicator has values for"));
  }

  /** The map key's labels for bands 1 to 5, in words. */
  /**
   * A dot-and-whisker chart of some areas' values with a dashed reference line (England or another
   * comparator), the area {@code highlightCode} marked out.
   */
  public static IntervalChart intervalChart(
      List<AreaComparison> areas, Double reference, String highlightCode) {
    return IntervalChart.of(
        areas.stream()
            .map(
                r ->
                    new IntervalChart.Item(
                        r.areaCode(),
                        r.areaName(),
                        r.value(),
                        r.lower95(),
                        r.upper95(),
                        r.areaCode().equals(highlightCode)))
            .toList(),
        reference,
        ValueText::format);
  }

  /**
   * The projected areas that have a row, shaded by their band on {@code key} and named with their
   * value and comparison; when {@code linked}, each links to its system's page.
   */
  public static ChoroplethMap shade(
      MapProjection projection, Collection<AreaComparison> rows, ColourScale key, boolean linked) {
    Map<String, AreaComparison> byCode = new java.util.HashMap<>();
    rows.forEach(r -> byCode.put(r.areaCode(), r));
    return ChoroplethMap.of(
        projection,
        shape -> {
          AreaComparison r = byCode.get(shape.code());
          if (r == null) {
            return null;
          }
          return new ChoroplethMap.Area(
              r.areaCode(),
              r.areaName()
                  + ": "
                  + (r.value() == null ? "no value" : format(r.value()))
                  + (r.comparison() == null ? "" : ", " + comparisonText(r)),
              shape.path(),
              key.cssClass(r.band()),
              linked ? "/ics/" + r.odsCode() : null);
        });
  }

  /** The map's colour scale: quintiles where there are no intervals, else compared with England. */
  public static ColourScale key(Indicator indicator, IndicatorTable table) {
    return ColourScale.steps("fp-band-", keyLabels(indicator, table));
  }

  private static List<String> keyLabels(Indicator indicator, IndicatorTable table) {
    boolean quintiles = table.rows().stream().anyMatch(AreaComparison::comparedByQuintile);
    if (quintiles) {
      return List.of(
          "Quintile 1 (lowest values)",
          "Quintile 2",
          "Quintile 3",
          "Quintile 4",
          "Quintile 5 (highest values)");
    }
    if (indicator.polarity() == Polarity.NEITHER) {
      return List.of("", "Lower than England", "Similar to England", "Higher than England", "");
    }
    return List.of("Worse than England", "", "Similar to England", "", "Better than England");
  }

  static String comparisonText(AreaComparison r) {
    return ValueText.comparisonText(r);
  }

  static String format(Double value) {
    return ValueText.format(value);
  }
}
