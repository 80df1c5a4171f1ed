package org.fourthpurpose.deprivation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.fourthpurpose.geography.AreaType;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.Lsoa;
import org.fourthpurpose.geography.Lsoa2011;
import org.fourthpurpose.reference.ReferenceDataException;
import org.fourthpurpose.reference.ReferenceDataset;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the Indices of Deprivation 2025 (LSOA 2021) and 2019 (LSOA 2011) and stores their summaries
 * for every ICB, sub-ICB location and district, with the population in each national decile.
 *
 * <p>Weights: Census 2021 usual residents for 2025; ONS mid-2020 estimates for 2019 (the 2011 LSOAs
 * it was built on). The 2019 file carries scores only for the overall index, income and employment,
 * so the other domains have no average score in 2019.
 */
@Component
class DeprivationDataset implements ReferenceDataset {

  static final String IOD2025 = "imd2025_england_lsoa21.csv.gz";
  static final String IMD2019_RANKS = "imd2019_england_lsoa11.csv.gz";
  static final String IMD2019_SCORES = "imd2019_lsoa11_scores_mysociety.csv.gz";
  static final String ENGLAND = "E92000001";

  private static final Map<Domain, String> COLUMNS_2025 = columns("Housing_and_Services");
  private static final Map<Domain, String> COLUMNS_2019 = columns("Housing_and_Access");

  // Single statements go through JdbcClient; the bulk inserts of the shipped reference files
  // (tens of thousands of rows) stay JDBC batches, which JdbcClient has no API for, so the
  // same JdbcTemplate is kept as JdbcOperations for them alone.
  private final JdbcClient jdbc;
  private final JdbcOperations bulk;
  private final Geography geography;

  DeprivationDataset(JdbcTemplate jdbcTemplate, Geography geography) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.bulk = jdbcTemplate;
    this.geography = geography;
  }

  private static Map<Domain, String> columns(String housing) {
    Map<Domain, String> columns = new EnumMap<>(Domain.class);
    columns.put(Domain.IMD, "IMD");
    columns.put(Domain.INCOME, "Income");
    columns.put(Domain.EMPLOYMENT, "Employment");
    columns.put(Domain.EDUCATION, "Education");
    columns.put(Domain.HEALTH, "Health");
    columns.put(Domain.CRIME, "Crime");
    columns.put(Domain.HOUSING, housing);
    columns.put(Domain.ENVIRONMENT, "Environment");
    return columns;
  }

  @Override
  public String name() {
    return "deprivation";
  }

  @Override
  public String version() {
    return "2025.1";
  }

  @Override
  public List<String> files() {
    return List.of(IOD2025, IMD2019_RANKS, IMD2019_SCORES);
  }

  @Override
  public List<String> dependsOn() {
    return List.of("geography");
  }

  @Override
  public long replace(ReferenceFiles files) {
    jdbc.sql("delete from deprivation_decile_population").update();
    jdbc.sql("delete from deprivation_summary").update();
    jdbc.sql("delete from lsoa_deprivation").update();
    long rows = 0;

    List<Lsoa> lsoas21 = geography.lsoasFromDatabase();
    Map<String, Lsoa> lsoa21ByCode = new HashMap<>();
    lsoas21.forEach(l -> lsoa21ByCode.put(l.code(), l));
    Map<Domain, List<Object[]>> rows2025 = read2025(files, lsoa21ByCode);
    rows += store(Edition.IOD2025, rows2025);
    Map<String, Long> population21 = new HashMap<>();
    lsoas21.forEach(l -> population21.put(l.code(), (long) l.population()));
    Map<AreaType, Function<String, String>> areas21 = new LinkedHashMap<>();
    areas21.put(AreaType.ICB, code -> lsoa21ByCode.get(code).icbCode());
    areas21.put(AreaType.SUB_ICB, code -> lsoa21ByCode.get(code).subIcbCode());
    areas21.put(AreaType.LAD, code -> lsoa21ByCode.get(code).ladCode());
    rows += summarise(Edition.IOD2025, rows2025, population21, areas21);

    List<Lsoa2011> lsoas11 = geography.lsoas2011();
    Map<String, Lsoa2011> lsoa11ByCode = new HashMap<>();
    lsoas11.forEach(l -> lsoa11ByCode.put(l.code(), l));
    Map<Domain, List<Object[]>> rows2019 = read2019(files, lsoa11ByCode);
    rows += store(Edition.IMD2019, rows2019);
    Map<String, Long> population11 = new HashMap<>();
    lsoas11.forEach(l -> population11.put(l.code(), (long) l.population()));
    Map<AreaType, Function<String, String>> areas11 = new LinkedHashMap<>();
    areas11.put(AreaType.ICB, code -> lsoa11ByCode.get(code).icbCode());
    areas11.put(AreaType.LAD, code -> lsoa11ByCode.get(code).ladCode());
    rows += summarise(Edition.IMD2019, rows2019, population11, areas11);
    return rows;
  }

  /** Rows of (lsoa, score or null, rank, decile) per domain. */
  private Map<Domain, List<Object[]>> read2025(ReferenceFiles files, Map<String, Lsoa> known) {
    Map<Domain, List<Object[]>> byDomain = new EnumMap<>(Domain.class);
    List<String> required = new ArrayList<>(List.of("lsoa21_code"));
    COLUMNS_2025
        .values()
        .forEach(c -> required.addAll(List.of(c + "_score", c + "_rank", c + "_decile")));
    files
        .file(IOD2025)
        .readCsv(
            required,
            Edition.IOD2025.lsoaCount(),
            row -> {
              String code = row.code("lsoa21_code");
              if (!known.containsKey(code)) {
                throw row.problem(
                    "lsoa21_code", code + " is not a 2021 LSOA in the geography lookup");
              }
              COLUMNS_2025.forEach(
                  (domain, column) ->
                      byDomain
                          .computeIfAbsent(domain, d -> new ArrayList<>())
                          .add(
                              new Object[] {
                                code,
                                row.decimal(column + "_score"),
                                rank(row, column + "_rank", Edition.IOD2025),
                                decile(row, column + "_decile")
                              }));
            });
    return byDomain;
  }

  private Map<Domain, List<Object[]>> read2019(ReferenceFiles files, Map<String, Lsoa2011> known) {
    Map<String, double[]> scores = new HashMap<>();
    files
        .file(IMD2019_SCORES)
        .readCsv(
            List.of("lsoa", "overall_local_score", "income_score", "employment_score"),
            Edition.IMD2019.lsoaCount(),
            row ->
                // mySociety publishes income and employment as percentages; the Indices use rates
                // (0–1).
                scores.put(
                    row.code("lsoa"),
                    new double[] {
                      row.decimal("overall_local_score"),
                      row.decimal("income_score") / 100.0,
                      row.decimal("employment_score") / 100.0
                    }));
    Map<Domain, List<Object[]>> byDomain = new EnumMap<>(Domain.class);
    List<String> required = new ArrayList<>(List.of("lsoa11_code"));
    COLUMNS_2019.values().forEach(c -> required.addAll(List.of(c + "_rank", c + "_decile")));
    files
        .file(IMD2019_RANKS)
        .readCsv(
            required,
            Edition.IMD2019.lsoaCount(),
            row -> {
              String code = row.code("lsoa11_code");
              if (!known.containsKey(code)) {
                throw row.problem(
                    "lsoa11_code", code + " is not a 2011 LSOA in the geography lookup");
              }
              double[] score = scores.get(code);
              if (score == null) {
                throw row.problem("lsoa11_code", code + " has no scores in " + IMD2019_SCORES);
              }
              COLUMNS_2019.forEach(
                  (domain, column) -> {
                    Double value =
                        switch (domain) {
                          case IMD -> score[0];
                          case INCOME -> score[1];
                          case EMPLOYMENT -> score[2];
                          default -> null;
                        };
                    byDomain
                        .computeIfAbsent(domain, d -> new ArrayList<>())
                        .add(
                            new Object[] {
                              code,
                              value,
                              rank(row, column + "_rank", Edition.IMD2019),
                              decile(row, column + "_decile")
                            });
                  });
            });
    return byDomain;
  }

  private static int rank(
      org.fourthpurpose.reference.ReferenceFile.Row row, String column, Edition edition) {
    int rank = row.integer(column);
    if (rank < 1 || rank > edition.lsoaCount()) {
      throw row.problem(column, "rank " + rank + " is outside 1–" + edition.lsoaCount());
    }
    return rank;
  }

  private static int decile(org.fourthpurpose.reference.ReferenceFile.Row row, String column) {
    int decile = row.integer(column);
    if (decile < 1 || decile > 10) {
      throw row.problem(column, "decile " + decile + " is outside 1–10");
    }
    return decile;
  }

  /** Stores one row per LSOA with every domain's score, rank and decile side by side. */
  private long store(Edition edition, Map<Domain, List<Object[]>> byDomain) {
    List<Domain> domains = List.of(Domain.values());
    int lsoas = byDomain.get(Domain.IMD).size();
    StringBuilder columns = new StringBuilder("edition, lsoa_code");
    StringBuilder marks = new StringBuilder("?, ?");
    for (Domain domain : domains) {
      columns
          .append(", ")
          .append(domain.apiName())
          .append("_score, ")
          .append(domain.apiName())
          .append("_rank, ")
          .append(domain.apiName())
          .append("_decile");
      marks.append(", ?, ?, ?");
    }
    String sql = "insert into lsoa_deprivation (" + columns + ") values (" + marks + ")";
    List<Object[]> batch = new ArrayList<>(5_000);
    for (int i = 0; i < lsoas; i++) {
      Object[] row = new Object[2 + 3 * domains.size()];
      row[0] = edition.apiName();
      row[1] = byDomain.get(Domain.IMD).get(i)[0];
      for (int d = 0; d < domains.size(); d++) {
        Object[] value = byDomain.get(domains.get(d)).get(i);
        row[2 + 3 * d] = value[1];
        row[3 + 3 * d] = value[2];
        row[4 + 3 * d] = value[3];
      }
      batch.add(row);
      if (batch.size() == 5_000 || i == lsoas - 1) {
        bulk.batchUpdate(sql, batch);
        batch.clear();
      }
    }
    return lsoas;
  }

  private long summarise(
      Edition edition,
      Map<Domain, List<Object[]>> byDomain,
      Map<String, Long> population,
      Map<AreaType, Function<String, String>> areaTypes) {
    List<AreaGroups> groups = new ArrayList<>();
    for (Map.Entry<AreaType, Function<String, String>> areaType : areaTypes.entrySet()) {
      for (Map.Entry<Domain, List<Object[]>> domain : byDomain.entrySet()) {
        Map<String, List<LsoaDeprivation>> byArea = new TreeMap<>();
        for (Object[] r : domain.getValue()) {
          String lsoa = (String) r[0];
          byArea
              .computeIfAbsent(areaType.getValue().apply(lsoa), k -> new ArrayList<>())
              .add(
                  new LsoaDeprivation(
                      lsoa, (Double) r[1], (Integer) r[2], (Integer) r[3], population.get(lsoa)));
        }
        groups.add(new AreaGroups(areaType.getKey(), domain.getKey(), byArea));
      }
    }
    // The measures are pure arithmetic over each area's neighbourhoods (the local concentration
    // sorts them): worked out on every core at once, they take a share of the first start's time
    // off, and the rows are still written in one order from this thread.
    Map<AreaGroups, List<SummaryMeasures>> measures = new java.util.IdentityHashMap<>();
    groups.parallelStream()
        .map(g -> Map.entry(g, measuresOf(edition, g.byArea())))
        .toList()
        .forEach(e -> measures.put(e.getKey(), e.getValue()));
    long rows = 0;
    for (AreaGroups g : groups) {
      rows += storeSummaries(edition, g.areaType(), g.domain(), g.byArea(), measures.get(g));
      if (g.domain() == Domain.IMD) {
        rows += storeDeciles(edition, g.areaType().apiName(), g.byArea());
        rows += storeDeciles(edition, "england", Map.of(ENGLAND, all(g.byArea())));
      }
    }
    if (rows == 0) {
      throw new ReferenceDataException(edition.apiName(), 0, null, "produced no summaries");
    }
    return rows;
  }

  /** One area type's neighbourhoods, by area code, on one domain. */
  private record AreaGroups(
      AreaType areaType, Domain domain, Map<String, List<LsoaDeprivation>> byArea) {}

  private static List<SummaryMeasures> measuresOf(
      Edition edition, Map<String, List<LsoaDeprivation>> byArea) {
    return byArea.values().parallelStream()
        .map(lsoas -> DeprivationSummaryMethod.summarise(lsoas, edition.lsoaCount()))
        .toList();
  }

  private static List<LsoaDeprivation> all(Map<String, List<LsoaDeprivation>> byArea) {
    List<LsoaDeprivation> all = new ArrayList<>();
    byArea.values().forEach(all::addAll);
    return all;
  }

  private long storeSummaries(
      Edition edition,
      AreaType areaType,
      Domain domain,
      Map<String, List<LsoaDeprivation>> byArea,
      List<SummaryMeasures> measures) {
    List<String> codes = new ArrayList<>(byArea.keySet());
    Integer[] byScore = AreaRanking.rankDescending(column(measures, SummaryMeasures::averageScore));
    Integer[] byRank = AreaRanking.rankDescending(column(measures, SummaryMeasures::averageRank));
    Integer[] byProportion =
        AreaRanking.rankDescending(column(measures, SummaryMeasures::proportionMostDeprived10));
    Integer[] byExtent = AreaRanking.rankDescending(column(measures, SummaryMeasures::extent));
    Integer[] byConcentration =
        AreaRanking.rankDescending(column(measures, SummaryMeasures::localConcentration));
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      SummaryMeasures m = measures.get(i);
      batch.add(
          new Object[] {
            edition.apiName(),
            areaType.apiName(),
            codes.get(i),
            domain.apiName(),
            m.averageScore(),
            m.averageRank(),
            m.proportionMostDeprived10(),
            m.extent(),
            m.localConcentration(),
            byScore[i],
            byRank[i],
            byProportion[i],
            byExtent[i],
            byConcentration[i]
          });
    }
    bulk.batchUpdate(
        "insert into deprivation_summary (edition, area_type, area_code, domain, average_score, average_rank,"
            + " proportion_most_deprived10, extent, local_concentration, rank_of_average_score,"
            + " rank_of_average_rank, rank_of_proportion_most_deprived10, rank_of_extent,"
            + " rank_of_local_concentration) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        batch);
    return batch.size();
  }

  private static Double[] column(
      List<SummaryMeasures> measures, Function<SummaryMeasures, Double> measure) {
    return measures.stream().map(measure).toArray(Double[]::new);
  }

  private long storeDeciles(
      Edition edition, String areaType, Map<String, List<LsoaDeprivation>> byArea) {
    List<Object[]> batch = new ArrayList<>();
    byArea.forEach(
        (code, lsoas) -> {
          long[] people = new long[11];
          int[] count = new int[11];
          for (LsoaDeprivation lsoa : lsoas) {
            people[lsoa.decile()] += lsoa.population();
            count[lsoa.decile()]++;
          }
          for (int decile = 1; decile <= 10; decile++) {
            batch.add(
                new Object[] {
                  edition.apiName(), areaType, code, decile, people[decile], count[decile]
                });
          }
        });
    // England is written once per edition, however many area types are summarised.
    if (areaType.equals("england")) {
      Integer existing =
          jdbc.sql(
                  "select count(*) from deprivation_decile_population where edition = ? and area_type = ?")
              .params(edition.apiName(), areaType)
              .query(Integer.class)
              .single();
      if (existing != null && existing > 0) {
        return 0;
      }
    }
    bulk.batchUpdate(
        "insert into deprivation_decile_population (edition, area_type, area_code, decile, population,"
            + " lsoa_count) values (?, ?, ?, ?, ?, ?)",
        batch);
    return batch.size();
  }
}
