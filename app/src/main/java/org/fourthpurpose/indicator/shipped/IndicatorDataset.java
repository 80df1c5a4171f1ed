package org.fourthpurpose.indicator.shipped;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.IndicatorRepository;
import org.fourthpurpose.indicator.Period;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.reference.ReferenceDataset;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shipped indicators: loads the catalogue and every indicator's values from the shipped files,
 * Indicators an administrator added are kept.
 */
@Component
class IndicatorDataset implements ReferenceDataset {

  static final String LAD22_LAD23 = "lookup_ltla22_ltla23.csv.gz";
  static final String POPULATION_BY_AGE = "population20_lsoa11_england_5yr_bands.csv.gz";
  static final String LSOA11_LAD22 = "lookup_lsoa11_sicbl22_icb22_ltla22.csv.gz";

  /** ICBs get a rolled-up value only when districts with a value hold this share of residents. */
  static final double MINIMUM_COVERAGE = 0.9;

  /** Every file this dataset reads, with its number of data rows. */
  static final Map<String, Long> FILES = shippedFiles();

  private static Map<String, Long> shippedFiles() {
    Map<String, Long> files = new LinkedHashMap<>();
    files.put("adult-obesity-prevalence.csv.gz", 3510L);
    files.put("cancer-diagnosis-at-stage-1-and-2.csv.gz", 3360L);
    files.put("children-in-relative-poverty.csv.gz", 2064L);
    files.put("cigarette-smokers.csv.gz", 620L);
    files.put("claimant-count.csv.gz", 8625L);
    files.put("early-years.csv.gz", 4257L);
    files.put("employment-rate.csv.gz", 13800L);
    files.put("gcses-in-english-and-maths.csv.gz", 3387L);
    files.put("gigabit-capable-broadband.csv.gz", 345L);
    files.put("gross-disposable-household-income-per-head.csv.gz", 9342L);
    files.put("gross-median-weekly-pay.csv.gz", 5973L);
    files.put("healthy-life-expectancy.csv.gz", 4248L);
    files.put("housing-affordability-ratio.csv.gz", 7872L);
    files.put("modelled-unemployment.csv.gz", 6460L);
    files.put("persistent-absences-for-all-pupils.csv.gz", 2909L);
    files.put("personal-wellbeing-estimates.csv.gz", 16848L);
    files.put("preventable-cardiovascular-mortality-england.csv.gz", 7150L);
    files.put("qualifications-level-3-or-above.csv.gz", 689L);
    files.put("qualifications-none-gb.csv.gz", 690L);
    files.put("apprenticeships.csv.gz", 4168L);
    files.put("average-travel-time.csv.gz", 5565L);
    files.put("business-demography.csv.gz", 13880L);
    files.put("domestic-electricity-consumption.csv.gz", 4111L);
    files.put("domestic-gas-consumption.csv.gz", 4103L);
    files.put("environment-regulating.csv.gz", 19621L);
    files.put("food-outlets.csv.gz", 5520L);
    files.put("further-education-and-skills-learner-achievements.csv.gz", 2084L);
    files.put("further-education-and-skills-participation.csv.gz", 2084L);
    files.put("greenhouse-gas-emissions.csv.gz", 6593L);
    files.put("gross-value-added.csv.gz", 13062L);
    files.put("library-walk.csv.gz", 339L);
    files.put("net-additions-to-the-housing-stock.csv.gz", 8621L);
    files.put("network-coverage-4g.csv.gz", 345L);
    files.put("network-coverage-5g.csv.gz", 345L);
    files.put("persistent-absences-for-pupils-eligible-for-free-school-meals.csv.gz", 975L);
    files.put("persistent-absences-for-pupils-looked-after-by-local-authorities.csv.gz", 1148L);
    files.put("premises-below-30.csv.gz", 345L);
    files.put("public-electric-vehicle-chargers.csv.gz", 690L);
    files.put("pupils-at-expected-standards-by-end-of-primary-school.csv.gz", 1795L);
    files.put("railway-station-walk.csv.gz", 339L);
    files.put("sports-facilities.csv.gz", 361L);
    files.put("supermarkets.csv.gz", 364L);
    files.put(NhsSeriesLoader.HEALTH_INDEX, 294L);
    files.put("england_homelessness.csv.gz", 296L);
    files.put("england_crime_severity.csv.gz", 300L);
    files.put("england_underdoctored_areas.csv.gz", 296L);
    files.put(NhsSeriesLoader.RTT, 55_273L);
    files.put(NhsSeriesLoader.RTT_FLOW, 2_478L);
    files.put(NhsSeriesLoader.RTT_REGION, 11_676L);
    files.put(NhsSeriesLoader.RTT_NATIONAL, 808L);
    files.put(NhsSeriesLoader.NHS_REGIONS, 42L);
    files.put(NhsSeriesLoader.AE, 1_680L);
    files.put(NhsSeriesLoader.DISCHARGES, 51_727L);
    files.put(NhsSeriesLoader.CRITERIA_TO_RESIDE, 51_727L);
    files.put(LAD22_LAD23, 374L);
    files.put(DeprivationLoader.IOD2025, 33_755L);
    files.put(DeprivationLoader.IOD2019, 32_844L);
    files.put(DeprivationLoader.IOD2019_SCORES, 32_844L);
    files.put(POPULATION_BY_AGE, 32_844L);
    files.put(LSOA11_LAD22, 32_844L);
    return java.util.Collections.unmodifiableMap(files);
  }

  // Single statements go through JdbcClient; the bulk inserts of the shipped reference files
  // (tens of thousands of rows) stay JDBC batches, which JdbcClient has no API for, so the
  // same JdbcTemplate is kept as JdbcOperations for them alone.
  private final JdbcClient jdbc;
  private final JdbcOperations bulk;
  private final Geography geography;
  private final Clock clock;
  private final CatalogueFile catalogue;

  IndicatorDataset(JdbcTemplate jdbcTemplate, Geography geography, Clock clock) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.bulk = jdbcTemplate;
    this.geography = geography;
    this.clock = clock;
    this.catalogue = CatalogueFile.fromClassPath();
  }

  @Override
  public String name() {
    return "indicators";
  }

  /** About 212,000 values: loaded once the application serves, so the first start stays quick. */
  @Override
  public boolean loadsInBackground() {
    return true;
  }

  /** The catalogue's version plus its checksum, so any edit to the catalogue reloads. */
  @Override
  public String version() {
    return catalogue.version() + "-" + catalogue.checksum().substring(0, 10);
  }

  @Override
  public List<String> files() {
    return List.copyOf(FILES.keySet());
  }

  @Override
  public List<String> dependsOn() {
    return List.of("geography");
  }

  @Override
  public long replace(ReferenceFiles files) {
    jdbc.sql(
            "delete from indicator_value where indicator_id in"
                + " (select id from indicator where origin = 'SHIPPED')")
        .update();
    jdbc.sql(
            "delete from indicator_load_note where indicator_id in"
                + " (select id from indicator where origin = 'SHIPPED')")
        .update();
    jdbc.sql("delete from indicator where origin = 'SHIPPED'").update();
    storeThemes();
    Timestamp now = Timestamp.from(Instant.now(clock));
    int position = 0;
    for (CatalogueFile.Entry entry : catalogue.indicators()) {
      IndicatorRepository.insert(jdbc, entry.indicator(), "SHIPPED", position++, now);
    }

    Areas areas = new Areas(geography);
    Map<String, String> lad22 = new HashMap<>();
    files
        .file(LAD22_LAD23)
        .readCsv(
            List.of("ltla22_code", "ltla23_code"),
            FILES.get(LAD22_LAD23),
            row -> lad22.put(row.code("ltla22_code"), row.code("ltla23_code")));
    DistrictCodes districtCodes =
        new DistrictCodes(lad22, areas.districtPopulation.keySet(), lad22Population(files));
    OnsLocalStatisticsLoader ons =
        new OnsLocalStatisticsLoader(areas, districtCodes, MINIMUM_COVERAGE);
    DistrictTableLoader tables = new DistrictTableLoader(areas, districtCodes, MINIMUM_COVERAGE);
    DeprivationLoader deprivation = new DeprivationLoader(areas, geography, files::file);
    NhsSeriesLoader nhs =
        new NhsSeriesLoader(areas, new IcbCodes(areas.icbs.values()), files::file);

    long rows = 0;
    for (CatalogueFile.Entry entry : catalogue.indicators()) {
      ValueSink sink = new ValueSink(jdbc, bulk, entry.indicator().id());
      Map<String, String> load = entry.load();
      switch (load.get("kind")) {
        case "ons-els" -> {
          String file = load.get("file");
          ons.load(files.file(file), expected(file), load, sink);
        }
        case "lad-table" ->
            tables.loadValues(
                files.file(load.get("file")),
                expected(load.get("file")),
                load.get("codeColumn"),
                load.get("valueColumn"),
                DistrictTableLoader.UNDATED,
                sink);
        case "lad-ratio" ->
            tables.loadRatio(
                files.file(load.get("file")),
                expected(load.get("file")),
                load.get("codeColumn"),
                load.get("numeratorColumn"),
                load.get("denominatorColumn"),
                Period.parse(load.get("period")),
                sink);
        case "iod-score" -> deprivation.loadScore2025(load.get("column"), sink);
        case "iod-decile" ->
            deprivation.loadMostDeprived(load.get("edition"), load.get("column"), sink);
        case "iod2019-score" -> deprivation.loadScore2019(load.get("column"), sink);
        case "health-index-ics" -> nhs.loadHealthIndex(load.get("column"), sink);
        case "rtt" -> nhs.loadWaitingTimes(load.get("column"), sink);
        case "ae" -> nhs.loadAccidentAndEmergency(sink);
        case "discharge" -> nhs.loadDischargesBeforeFivePm(sink);
        case "criteria-to-reside" -> nhs.loadCriteriaToReside(sink);
        default ->
            throw new CatalogueException(
                "Indicator "
                    + entry.indicator().id()
                    + ": load kind "
                    + load.get("kind")
                    + " is not known");
      }
      rows += sink.finish();
    }
    return rows;
  }

  /** Mid-2020 residents of each July 2022 district, from the 2011 LSOAs that made it up. */
  private Map<String, Long> lad22Population(ReferenceFiles files) {
    Map<String, String> lsoaLad22 = new HashMap<>();
    files
        .file(LSOA11_LAD22)
        .readCsv(
            List.of("lsoa11_code", "ltla22_code"),
            FILES.get(LSOA11_LAD22),
            row -> lsoaLad22.put(row.code("lsoa11_code"), row.code("ltla22_code")));
    Map<String, Long> population = new HashMap<>();
    files
        .file(POPULATION_BY_AGE)
        .readCsv(
            List.of("lsoa11_code", "total_population"),
            FILES.get(POPULATION_BY_AGE),
            row -> {
              String lad = lsoaLad22.get(row.code("lsoa11_code"));
              if (lad != null) {
                population.merge(lad, (long) row.integer("total_population"), Long::sum);
              }
            });
    return population;
  }

  private long expected(String file) {
    Long rows = FILES.get(file);
    if (rows == null) {
      throw new CatalogueException("The catalogue names " + file + ", which is not shipped");
    }
    return rows;
  }

  private void storeThemes() {
    for (Theme theme : catalogue.themes()) {
      String questions = String.join("\n", theme.guidingQuestions());
      int updated =
          jdbc.sql(
                  "update indicator_theme set title = ?, description = ?, guiding_questions = ?,"
                      + " position = ? where code = ?")
              .params(theme.title(), theme.description(), questions, theme.position(), theme.code())
              .update();
      if (updated == 0) {
        jdbc.sql(
                "insert into indicator_theme (code, title, description, guiding_questions, position)"
                    + " values (?, ?, ?, ?, ?)")
            .params(theme.code(), theme.title(), theme.description(), questions, theme.position())
            .update();
      }
    }
  }
}
