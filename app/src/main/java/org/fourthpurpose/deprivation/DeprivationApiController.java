package org.fourthpurpose.deprivation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.LsoaBoundaries;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deprivation summaries and LSOA deciles, as JSON or CSV. Column and field names are a published
 * contract.
 */
@Tag(
    name = "Deprivation",
    description = "English Indices of Deprivation summaries, deciles and LSOAs")
@RestController
@RequestMapping("/api/v1")
class DeprivationApiController {

  /** The summaries download's columns: {@link SummaryJson}'s components, in order. */
  static final List<String> SUMMARY_COLUMNS = CsvText.columns(SummaryJson.class);

  private final DeprivationSummaries summaries;
  private final Geography geography;
  private final LsoaBoundaries boundaries;

  DeprivationApiController(
      DeprivationSummaries summaries, Geography geography, LsoaBoundaries boundaries) {
    this.summaries = summaries;
    this.geography = geography;
    this.boundaries = boundaries;
  }

  /** One area and domain, as in {@code GET /api/v1/deprivation/summaries}. */
  record SummaryJson(
      String areaCode,
      String domain,
      Double averageScore,
      double averageRank,
      double proportionMostDeprived10,
      double extent,
      double localConcentration,
      Integer rankOfAverageScore,
      int rankOfAverageRank,
      int rankOfProportionMostDeprived10,
      int rankOfExtent,
      int rankOfLocalConcentration) {

    static SummaryJson of(AreaSummary s) {
      SummaryMeasures m = s.measures();
      return new SummaryJson(
          s.areaCode(),
          s.domain().apiName(),
          m.averageScore(),
          m.averageRank(),
          m.proportionMostDeprived10(),
          m.extent(),
          m.localConcentration(),
          s.rankOfAverageScore(),
          s.rankOfAverageRank(),
          s.rankOfProportionMostDeprived10(),
          s.rankOfExtent(),
          s.rankOfLocalConcentration());
    }
  }

  record LsoaJson(
      String code,
      String name,
      String subIcbCode,
      String ladCode,
      int population,
      Double imdScore,
      Integer imdRank,
      Integer imdDecile) {}

  @Operation(
      summary =
          "Deprivation summary measures for every area of a type, one object per area and domain",
      description =
          "areaType is icb, subicb or lad; edition iod2025 or imd2019; domain one of imd, income,"
              + " employment, education, health, crime, housing, environment (all when absent)."
              + " The CSV has the same fields as columns, in the same order.")
  @GetMapping(value = "/deprivation/summaries", produces = "application/json")
  List<SummaryJson> summaries(
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = "iod2025") String edition,
      @RequestParam(required = false) String domain) {
    return select(areaType, edition, domain);
  }

  @GetMapping(
      value = "/deprivation/summaries",
      produces = {"text/csv"})
  ResponseEntity<String> summariesCsv(
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = "iod2025") String edition,
      @RequestParam(required = false) String domain) {
    CsvText csv = new CsvText().row(SUMMARY_COLUMNS);
    select(areaType, edition, domain).forEach(csv::record);
    return Downloads.csv(csv, "deprivation-summaries-" + areaType + "-" + edition + ".csv");
  }

  @GetMapping(value = "/deprivation/summaries.csv")
  ResponseEntity<String> summariesCsvFile(
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = "iod2025") String edition,
      @RequestParam(required = false) String domain) {
    return summariesCsv(areaType, edition, domain);
  }

  /** An area's population by national IMD decile and its Core20 share. */
  record DecilesJson(String areaCode, double core20Share, List<DecilePopulation> deciles) {}

  @Operation(
      summary =
          "Each area's population by national IMD decile (1 = most deprived) and its Core20 share",
      description = "One object per area; the CSV has one row per area and decile.")
  @GetMapping(value = "/deprivation/deciles", produces = "application/json")
  List<DecilesJson> deciles(
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = "iod2025") String edition) {
    Edition chosen = editionOf(edition);
    AreaType type = areaTypeOf(areaType, chosen);
    List<DecilesJson> result = new ArrayList<>();
    for (String code :
        summaries.summaries(chosen, type.apiName()).stream()
            .map(AreaSummary::areaCode)
            .distinct()
            .toList()) {
      List<DecilePopulation> deciles = summaries.decilePopulation(chosen, type.apiName(), code);
      result.add(new DecilesJson(code, DeprivationSummaries.core20Share(deciles), deciles));
    }
    return result;
  }

  @GetMapping(value = "/deprivation/deciles", produces = "text/csv")
  ResponseEntity<String> decilesCsv(
      @RequestParam(defaultValue = "icb") String areaType,
      @RequestParam(defaultValue = "iod2025") String edition) {
    CsvText csv = new CsvText().row("areaCode", "decile", "population", "lsoaCount");
    for (DecilesJson area : deciles(areaType, edition)) {
      area.deciles()
          .forEach(d -> csv.row(area.areaCode(), d.decile(), d.population(), d.lsoaCount()));
    }
    return Downloads.csv(csv, "deprivation-deciles-" + areaType + "-" + edition + ".csv");
  }

  @Operation(summary = "The ICB's 2021 LSOAs with population and IMD 2025 score, rank and decile")
  @GetMapping(value = "/icbs/{code}/lsoas", produces = "application/json")
  List<LsoaJson> lsoas(@PathVariable String code) {
    return lsoasOf(code);
  }

  /** A GeoJSON FeatureCollection (RFC 7946). */
  record FeatureCollection(String type, List<Feature> features) {}

  /** One LSOA: its geometry as published and the properties of the JSON list. */
  record Feature(
      String type,
      String id,
      @com.fasterxml.jackson.annotation.JsonRawValue String geometry,
      LsoaJson properties) {}

  @Operation(
      summary = "The ICB's 2021 LSOAs as a GeoJSON FeatureCollection, with the JSON list's fields",
      description =
          "Ask with Accept: application/geo+json. One Feature per LSOA of the ICB, its id the LSOA"
              + " code and its properties the fields of the JSON list (code, name, subIcbCode,"
              + " ladCode, population, imdScore, imdRank, imdDecile). Geometries are the ONS LSOA"
              + " (December 2021) boundaries, super generalised (BSC), as published: WGS84"
              + " longitude and latitude (RFC 7946), 6 decimal places, not simplified further by"
              + " this service. Source: Office for National Statistics licensed under the Open"
              + " Government Licence v.3.0. Contains OS data © Crown copyright and database right"
              + " 2021. Answers 503 with Retry-After while the boundaries are still loading after"
              + " start-up.")
  @GetMapping(value = "/icbs/{code}/lsoas", produces = "application/geo+json")
  ResponseEntity<FeatureCollection> lsoasGeoJson(@PathVariable String code) {
    List<LsoaJson> lsoas = lsoasOf(code);
    IntegratedCareBoard icb = geography.icb(code).orElseThrow();
    if (boundaries.status() != LsoaBoundaries.Status.LOADED) {
      ErrorResponseException loading =
          new ErrorResponseException(
              HttpStatus.SERVICE_UNAVAILABLE,
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  boundaries.status() == LsoaBoundaries.Status.FAILED
                      ? "The LSOA boundaries could not be loaded; the JSON and CSV lists work"
                      : "The LSOA boundaries are still loading after start-up; try again in a"
                          + " minute"),
              null);
      loading.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
      throw loading;
    }
    Map<String, String> geometries = boundaries.geometriesOfIcb(icb.code());
    List<Feature> features = new ArrayList<>(lsoas.size());
    for (LsoaJson lsoa : lsoas) {
      String geometry = geometries.get(lsoa.code());
      features.add(new Feature("Feature", lsoa.code(), geometry == null ? "null" : geometry, lsoa));
    }
    return ResponseEntity.ok()
        .contentType(GEO_JSON)
        .body(new FeatureCollection("FeatureCollection", features));
  }

  static final org.springframework.http.MediaType GEO_JSON =
      org.springframework.http.MediaType.parseMediaType("application/geo+json");

  @GetMapping(
      value = {"/icbs/{code}/lsoas", "/icbs/{code}/lsoas.csv"},
      produces = "text/csv")
  ResponseEntity<String> lsoasCsv(@PathVariable String code) {
    CsvText csv =
        new CsvText()
            .row(
                "code",
                "name",
                "subIcbCode",
                "ladCode",
                "population",
                "imdScore",
                "imdRank",
                "imdDecile");
    lsoasOf(code)
        .forEach(
            l ->
                csv.row(
                    l.code(),
                    l.name(),
                    l.subIcbCode(),
                    l.ladCode(),
                    l.population(),
                    l.imdScore(),
                    l.imdRank(),
                    l.imdDecile()));
    return Downloads.csv(csv, "lsoas-" + code + ".csv");
  }

  private List<LsoaJson> lsoasOf(String code) {
    IntegratedCareBoard icb =
        geography
            .icb(code)
            .orElseThrow(() -> new NotFoundException("There is no ICB with code " + code));
    List<Lsoa> lsoas = geography.lsoasOf(icb.code());
    Map<String, LsoaDecile> imd =
        summaries.imdOf(Edition.IOD2025, lsoas.stream().map(Lsoa::code).toList());
    List<LsoaJson> result = new ArrayList<>(lsoas.size());
    for (Lsoa l : lsoas) {
      LsoaDecile d = imd.get(l.code());
      result.add(
          new LsoaJson(
              l.code(),
              l.name(),
              l.subIcbCode(),
              l.ladCode(),
              l.population(),
              d == null ? null : d.score(),
              d == null ? null : d.rank(),
              d == null ? null : d.decile()));
    }
    return result;
  }

  private static Edition editionOf(String editionName) {
    Edition edition = Edition.fromApiName(editionName);
    if (edition == null) {
      throw InvalidInputException.parameter(
          "edition", "edition must be one of iod2025, imd2019 (got '" + editionName + "')");
    }
    return edition;
  }

  private static AreaType areaTypeOf(String areaTypeName, Edition edition) {
    AreaType areaType = AreaType.fromApiName(areaTypeName);
    if (areaType == null || areaType == AreaType.REGION) {
      throw InvalidInputException.parameter(
          "areaType", "areaType must be one of icb, subicb, lad (got '" + areaTypeName + "')");
    }
    if (edition == Edition.IMD2019 && areaType == AreaType.SUB_ICB) {
      throw InvalidInputException.parameter(
          "areaType",
          "IMD 2019 is summarised for icb and lad only (its 2011 LSOAs predate sub-ICB locations)");
    }
    return areaType;
  }

  private List<SummaryJson> select(String areaTypeName, String editionName, String domainName) {
    Edition edition = editionOf(editionName);
    AreaType areaType = areaTypeOf(areaTypeName, edition);
    Domain domain = null;
    if (domainName != null && !domainName.isBlank()) {
      domain = Domain.fromApiName(domainName);
      if (domain == null) {
        throw InvalidInputException.parameter(
            "domain",
            "domain must be one of imd, income, employment, education, health, crime, housing, environment"
                + " (got '"
                + domainName
                + "')");
      }
    }
    Domain only = domain;
    return summaries.summaries(edition, areaType.apiName()).stream()
        .filter(s -> only == null || s.domain() == only)
        .map(SummaryJson::of)
        .toList();
  }
}
