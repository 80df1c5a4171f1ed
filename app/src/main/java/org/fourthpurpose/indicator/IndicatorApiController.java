package org.fourthpurpose.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public indicator catalogue and each indicator's values by area, as JSON or CSV, with no
 * account. Field and column names are a published contract.
 */
@Tag(name = "Indicators", description = "The public indicator catalogue and values by area")
@NeedsReferenceData("indicators")
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorApiController {

  /** The values download's columns: {@link ValueJson}'s components, in order. */
  static final List<String> VALUE_COLUMNS = CsvText.columns(ValueJson.class);

  private final IndicatorCatalogue catalogue;
  private final IndicatorValues values;
  private final IndicatorRollUps rollUps;
  private final IndicatorRepository repository;
  private final SimilarAreaComparisons similarAreas;

  IndicatorApiController(
      IndicatorCatalogue catalogue,
      IndicatorValues values,
      IndicatorRollUps rollUps,
      IndicatorRepository repository,
      SimilarAreaComparisons similarAreas) {
    this.catalogue = catalogue;
    this.values = values;
    this.rollUps = rollUps;
    this.repository = repository;
    this.similarAreas = similarAreas;
  }

  record SimilarAreaJson(String areaCode, String areaName, Double value, Integer similarityOrder) {}

  record SimilarAreasJson(
      String indicatorId,
      String period,
      String polarity,
      String areaCode,
      String areaName,
      Double value,
      Integer rank,
      int ranked,
      Double similarAreasMedian,
      Integer betterThan,
      Integer worseThan,
      Double englandValue,
      int similarAreasOutsideEngland,
      String method,
      String methodUrl,
      List<SimilarAreaJson> similarAreas) {}

  @Operation(
      summary = "A district's value compared with its ONS similar areas",
      description =
          "code is a 2024 local authority district code. similarAreas are the English districts"
              + " in ONS's list of the 20 most similar areas (overall model), most similar first,"
              + " with their values in the same period (null where there is none). rank is the"
              + " district's place among itself and the similar areas with a value, 1 being the"
              + " highest value, out of ranked; similarAreasMedian leaves the district out."
              + " betterThan and worseThan count similar areas, and are null for indicators with"
              + " no better or worse direction. method says how ONS chose the areas.")
  @GetMapping(value = "/{id}/districts/{code}/similar", produces = "application/json")
  SimilarAreasJson similar(
      @Parameter(example = "greenhouse-gas-emissions") @PathVariable String id,
      @Parameter(example = "E08000016") @PathVariable String code,
      @RequestParam(defaultValue = IndicatorValues.LATEST) String period) {
    Indicator indicator = publicIndicator(id);
    if (!indicator.geographyLevels().contains(AreaLevel.LAD)) {
      throw InvalidInputException.parameter("id", "'" + id + "' has no district values");
    }
    if (values.table(indicator, AreaLevel.LAD, period).isEmpty()) {
      throw InvalidInputException.parameter(
          "period",
          "'"
              + id
              + "' has no district values for period '"
              + period
              + "'; use latest or a"
              + " period it lists");
    }
    SimilarAreaComparison c =
        similarAreas
            .compare(indicator, code, period)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "'"
                            + code
                            + "' is not a 2024 local authority district in England with ONS"
                            + " similar areas"));
    List<SimilarAreaJson> others = new java.util.ArrayList<>();
    int order = 1;
    for (AreaComparison r : c.similar()) {
      others.add(new SimilarAreaJson(r.areaCode(), r.areaName(), r.value(), order++));
    }
    Double england =
        values
            .table(indicator, AreaLevel.LAD, c.period())
            .map(IndicatorTable::englandValue)
            .orElse(null);
    return new SimilarAreasJson(
        id,
        c.period(),
        indicator.polarity().name().toLowerCase(java.util.Locale.ROOT),
        c.district().areaCode(),
        c.district().areaName(),
        c.district().value(),
        c.rank(),
        c.ranked(),
        c.median(),
        c.betterThan(),
        c.worseThan(),
        england,
        c.outsideEngland(),
        SimilarAreas.METHOD,
        SimilarAreas.METHOD_URL,
        others);
  }

  private Indicator publicIndicator(String id) {
    return catalogue
        .indicator(id)
        .filter(Indicator::isPublic)
        .orElseThrow(() -> new NotFoundException("No public indicator has the id '" + id + "'"));
  }

  record IndicatorJson(
      String id,
      String title,
      String definition,
      String unit,
      String valueType,
      String polarity,
      String intervalMethod,
      String timePeriods,
      List<String> areaTypes,
      String source,
      String sourceUrl,
      String licence,
      String attribution,
      String methodNote,
      String rollUp) {

    static IndicatorJson of(Indicator i, String rollUp) {
      return new IndicatorJson(
          i.id(),
          i.title(),
          i.definition(),
          i.unit(),
          i.valueType().name().toLowerCase(java.util.Locale.ROOT),
          i.polarity().name().toLowerCase(java.util.Locale.ROOT),
          i.intervalMethod().name().toLowerCase(java.util.Locale.ROOT),
          i.timePeriods(),
          i.geographyLevels().stream()
              .map(l -> l.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
              .toList(),
          i.source(),
          i.sourceUrl(),
          i.licence(),
          i.attribution(),
          i.methodNote(),
          rollUp);
    }
  }

  record ThemeJson(
      String code,
      String title,
      String description,
      List<String> guidingQuestions,
      List<IndicatorJson> indicators) {}

  record CatalogueJson(List<ThemeJson> themes) {}

  record ValueJson(
      String areaCode,
      String areaName,
      String period,
      Double value,
      Double lower95,
      Double upper95,
      Double lower998,
      Double upper998,
      Double numerator,
      Double denominator,
      String comparisonWithEngland,
      Double englandValue,
      Double coverage,
      String rollUp) {

    static ValueJson of(AreaComparison r, Double england, Double coverage, String rollUp) {
      return new ValueJson(
          r.areaCode(),
          r.areaName(),
          r.period(),
          r.value(),
          r.lower95(),
          r.upper95(),
          r.lower998(),
          r.upper998(),
          r.numerator(),
          r.denominator(),
          r.comparison(),
          england,
          r.value() == null ? null : coverage,
          rollUp);
    }
  }

  record ValuesJson(
      String indicatorId,
      String areaType,
      String period,
      Double englandValue,
      String rollUp,
      List<String> periods,
      List<ValueJson> values) {}

  @Operation(
      summary =
          "The public indicator catalogue, by theme, with each indicator's definition, source and"
              + " licence")
  @GetMapping(produces = "application/json")
  CatalogueJson catalogue() {
    List<Indicator> indicators = catalogue.publicIndicators();
    return new CatalogueJson(
        catalogue.themes().stream()
            .map(
                t ->
                    new ThemeJson(
                        t.code(),
                        t.title(),
                        t.description(),
                        t.guidingQuestions(),
                        indicators.stream()
                            .filter(i -> i.themeCode().equals(t.code()))
                            .map(i -> IndicatorJson.of(i, rollUps.rollUp(i.id()).orElse(null)))
                            .toList()))
            .toList());
  }

  @Operation(
      summary =
          "One indicator's value for every area of a type in one period, compared with England",
      description =
          "areaType is icb, region or lad; period is latest or one of the periods listed. One row"
              + " per area; all 42 ICBs for areaType icb, with empty values where there is none."
              + " comparisonWithEngland is better, similar or worse (higher, similar or lower where"
              + " the indicator has no polarity) at 95% by Fingertips' method, when every area has"
              + " an interval; otherwise the area's quintile among the areas, numbered from the"
              + " top: \"quintile 1 (best)\" … \"quintile 5 (worst)\" where the indicator has a"
              + " better direction, else \"quintile 1 (highest values)\" … \"quintile 5 (lowest"
              + " values)\". Where"
              + " the counts are known, intervals are Wilson (proportions) or Byars (rates);"
              + " otherwise the 99.8% limits widen the published 95% ones as for a normal estimate."
              + " The CSV columns are the fields of values[], in the same order.")
  @GetMapping(value = "/{id}/values", produces = "application/json")
  ValuesJson values(
      @Parameter(example = "employment-rate") @PathVariable String id,
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = IndicatorValues.LATEST) String period) {
    IndicatorTable table = table(id, areaType, period);
    String rollUp = rollUps.rollUp(id).orElse(null);
    Map<String, Double> coverage = coverage(repository, table);
    return new ValuesJson(
        table.indicator().id(),
        areaType.toLowerCase(java.util.Locale.ROOT),
        table.period(),
        table.englandValue(),
        rollUp,
        table.periods(),
        table.rows().stream()
            .map(r -> ValueJson.of(r, table.englandValue(), coverage.get(r.areaCode()), rollUp))
            .toList());
  }

  @GetMapping(
      value = {"/{id}/values", "/{id}/values.csv"},
      produces = "text/csv")
  ResponseEntity<String> valuesCsv(
      @PathVariable String id,
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = IndicatorValues.LATEST) String period) {
    IndicatorTable table = table(id, areaType, period);
    return Downloads.csv(
        csv(table, coverage(repository, table), rollUps.rollUp(id).orElse(null)),
        id + "-" + areaType + "-" + table.period() + ".csv");
  }

  /**
   * The table as CSV, with each row's coverage (the share of the area's residents living in parts
   * with a value) and the indicator's roll-up rule.
   */
  static CsvText csv(IndicatorTable table, Map<String, Double> coverage, String rollUp) {
    CsvText csv = new CsvText().row(VALUE_COLUMNS);
    table
        .rows()
        .forEach(
            r ->
                csv.record(
                    ValueJson.of(r, table.englandValue(), coverage.get(r.areaCode()), rollUp)));
    return csv;
  }

  /** Each area's coverage in the table's period: 1 where published or complete. */
  static Map<String, Double> coverage(IndicatorRepository repository, IndicatorTable table) {
    Map<String, Double> coverage = new java.util.HashMap<>();
    for (AreaValue v : repository.values(table.indicator().id(), table.level())) {
      if (v.period().label().equals(table.period())) {
        coverage.put(v.areaCode(), v.coverage());
      }
    }
    return coverage;
  }

  private IndicatorTable table(String id, String areaType, String period) {
    Indicator indicator =
        catalogue
            .indicator(id)
            .filter(Indicator::isPublic)
            .orElseThrow(
                () -> new NotFoundException("No public indicator has the id '" + id + "'"));
    AreaLevel level = AreaLevel.parse(areaType);
    if (level == null || level == AreaLevel.ENGLAND || level == AreaLevel.SUB_ICB) {
      throw InvalidInputException.parameter("areaType", "areaType must be icb, region or lad");
    }
    if (!indicator.geographyLevels().contains(level)) {
      throw InvalidInputException.parameter(
          "areaType", "'" + id + "' has no values for areaType " + areaType);
    }
    return values
        .table(indicator, level, period)
        .orElseThrow(
            () ->
                InvalidInputException.parameter(
                    "period",
                    "'"
                        + id
                        + "' has no "
                        + areaType
                        + " values for period '"
                        + period
                        + "'; use latest or a period it lists"));
  }
}
