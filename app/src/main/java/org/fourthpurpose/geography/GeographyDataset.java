package org.fourthpurpose.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.reference.ReferenceDataException;
import org.fourthpurpose.reference.ReferenceDataset;
import org.fourthpurpose.reference.ReferenceFile;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the ONS geography lookups (LSOA 2021 → sub-ICB → ICB, LSOA 2021 → LAD, LAD → region, LSOA
 * 2011 → 2021), Census 2021 and mid-2020 LSOA populations, the Rural-Urban Classification 2021 of
 * districts and of LSOAs, and the ICB, sub-ICB and LAD boundaries.
 */
@Component
class GeographyDataset implements ReferenceDataset {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(GeographyDataset.class);

  static final String LSOA21_ICB = "lookup_lsoa21_sicbl24_icb24.csv.gz";
  static final String LSOA21_LAD = "lookup_lsoa21_ward24_ltla24.csv.gz";
  static final String LAD_REGION = "lookup_ltla24_region24.csv.gz";
  static final String LAD_RURAL_URBAN = "ruc21_ltla24.csv.gz";
  static final String LSOA21_POPULATION = "census21_ethnicity_lsoa21_england_wide.csv.gz";
  static final String LSOA11_ICB = "lookup_lsoa11_sicbl22_icb22_ltla22.csv.gz";
  static final String LSOA11_LSOA21 = "lookup_lsoa11_lsoa21_ltla22.csv.gz";
  static final String LSOA11_POPULATION = "population20_lsoa11_england_5yr_bands.csv.gz";
  static final String ICB_BOUNDARIES = "icb24_boundaries_from_lsoa21.geojson.gz";
  static final String SUB_ICB_BOUNDARIES = "sicbl24_boundaries_from_lsoa21.geojson.gz";
  static final String LAD_BOUNDARIES = "ltla24_boundaries.geojson.gz";
  static final String LSOA21_RURAL_URBAN = "ruc21_lsoa21.csv.gz";

  static final int LSOA21_COUNT = 33_755;
  static final int LSOA11_COUNT = 32_844;

  private static final int BATCH = 2_000;

  // Single statements go through JdbcClient; the bulk inserts of the shipped reference files
  // (tens of thousands of rows) stay JDBC batches, which JdbcClient has no API for, so the
  // same JdbcTemplate is kept as JdbcOperations for them alone.
  private final JdbcClient jdbc;
  private final JdbcOperations bulk;

  GeographyDataset(JdbcTemplate jdbcTemplate) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.bulk = jdbcTemplate;
  }

  @Override
  public String name() {
    return "geography";
  }

  @Override
  public String version() {
    return "2024.2";
  }

  @Override
  public List<String> files() {
    return List.of(
        LSOA21_ICB,
        LSOA21_LAD,
        LAD_REGION,
        LAD_RURAL_URBAN,
        LSOA21_POPULATION,
        LSOA11_ICB,
        LSOA11_LSOA21,
        LSOA11_POPULATION,
        ICB_BOUNDARIES,
        SUB_ICB_BOUNDARIES,
        LAD_BOUNDARIES,
        LSOA21_RURAL_URBAN);
  }

  @Override
  public long replace(ReferenceFiles files) {
    for (String table :
        List.of(
            "boundary", "lsoa11_lsoa21", "lsoa11", "lsoa21", "lad", "sub_icb", "icb", "region")) {
      jdbc.sql("delete from " + table).update();
    }
    long started = System.nanoTime();
    long rows = 0;

    // LAD → region, and region names.
    Map<String, String> regionNames = new TreeMap<>();
    Map<String, String> ladRegion = new HashMap<>();
    Map<String, String> ladNames = new HashMap<>();
    files
        .file(LAD_REGION)
        .readCsv(
            List.of("ltla24_code", "ltla24_name", "region24_code", "region24_name"),
            296,
            row -> {
              String lad = row.code("ltla24_code");
              ladRegion.put(lad, row.code("region24_code"));
              ladNames.put(lad, row.text("ltla24_name"));
              regionNames.put(row.code("region24_code"), row.text("region24_name"));
            });
    Map<String, String> ruralUrban = new HashMap<>();
    files
        .file(LAD_RURAL_URBAN)
        .readCsv(
            List.of("ltla24_code", "classification"),
            318,
            row -> ruralUrban.put(row.code("ltla24_code"), row.text("classification")));

    Map<String, String> lsoaLad = new HashMap<>();
    ReferenceFile ladLookup = files.file(LSOA21_LAD);
    ladLookup.readCsv(
        List.of("lsoa21_code", "ltla24_code"),
        35_672,
        row -> {
          String lsoa = row.code("lsoa21_code");
          if (lsoa.startsWith("E")) {
            String lad = row.code("ltla24_code");
            if (!ladRegion.containsKey(lad)) {
              throw row.problem("ltla24_code", lad + " is not in " + LAD_REGION);
            }
            lsoaLad.put(lsoa, lad);
          }
        });

    // LSOA 2021 → Rural-Urban Classification 2021 (the file covers England and Wales).
    Map<String, String> lsoaRuralUrban = new HashMap<>();
    files
        .file(LSOA21_RURAL_URBAN)
        .readCsv(
            List.of("lsoa21_code", "ruc21_code"),
            35_672,
            row -> {
              String lsoa = row.code("lsoa21_code");
              if (lsoa.startsWith("E")) {
                String code = row.text("ruc21_code");
                if (RuralUrban.ofCode(code).isEmpty()) {
                  throw row.problem(
                      "ruc21_code",
                      "'"
                          + code
                          + "' is not a 2021 rural-urban class (UN1, UF1, RLN1, RLF1, RSN1,"
                          + " RSF1)");
                }
                lsoaRuralUrban.put(lsoa, code);
              }
            });

    Map<String, Integer> population21 = new HashMap<>();
    files
        .file(LSOA21_POPULATION)
        .readCsv(
            List.of("lsoa21_code", "total_residents"),
            LSOA21_COUNT,
            row -> population21.put(row.code("lsoa21_code"), row.integer("total_residents")));

    // LSOA 2021 → sub-ICB → ICB.
    Map<String, String[]> icbs = new TreeMap<>();
    Map<String, String[]> subIcbs = new TreeMap<>();
    List<Object[]> lsoaRows = new ArrayList<>(LSOA21_COUNT);
    Map<String, Map<String, Long>> icbRegionPopulation = new HashMap<>();
    Map<String, String> lsoaIcb = new HashMap<>();
    files
        .file(LSOA21_ICB)
        .readCsv(
            List.of(
                "lsoa21_code",
                "lsoa21_name",
                "sicbl24_code",
                "sicbl24_code_nhs",
                "sicbl24_name",
                "icb24_code",
                "icb24_code_nhs",
                "icb24_name"),
            LSOA21_COUNT,
            row -> {
              String lsoa = row.code("lsoa21_code");
              String icb = row.code("icb24_code");
              String subIcb = row.code("sicbl24_code");
              String lad = lsoaLad.get(lsoa);
              if (lad == null) {
                throw row.problem("lsoa21_code", lsoa + " has no local authority in " + LSOA21_LAD);
              }
              Integer population = population21.get(lsoa);
              if (population == null) {
                throw row.problem(
                    "lsoa21_code", lsoa + " has no population in " + LSOA21_POPULATION);
              }
              icbs.putIfAbsent(
                  icb, new String[] {row.text("icb24_code_nhs"), row.text("icb24_name")});
              subIcbs.putIfAbsent(
                  subIcb,
                  new String[] {row.text("sicbl24_code_nhs"), row.text("sicbl24_name"), icb});
              icbRegionPopulation
                  .computeIfAbsent(icb, k -> new HashMap<>())
                  .merge(ladRegion.get(lad), (long) population, Long::sum);
              String ruralUrbanClass = lsoaRuralUrban.get(lsoa);
              if (ruralUrbanClass == null) {
                throw row.problem(
                    "lsoa21_code", lsoa + " has no rural-urban class in " + LSOA21_RURAL_URBAN);
              }
              lsoaIcb.put(lsoa, icb);
              lsoaRows.add(
                  new Object[] {
                    lsoa, row.text("lsoa21_name"), subIcb, icb, lad, population, ruralUrbanClass
                  });
            });
    if (icbs.size() != 42) {
      throw new ReferenceDataException(
          LSOA21_ICB, 0, "icb24_code", "names " + icbs.size() + " ICBs, not 42");
    }

    log.debug("geography: files read after {} ms", (System.nanoTime() - started) / 1_000_000);
    for (Map.Entry<String, String> region : regionNames.entrySet()) {
      jdbc.sql("insert into region (code, name) values (?, ?)")
          .params(region.getKey(), region.getValue())
          .update();
      rows++;
    }
    for (Map.Entry<String, String[]> icb : icbs.entrySet()) {
      String region =
          icbRegionPopulation.get(icb.getKey()).entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .orElseThrow()
              .getKey();
      jdbc.sql("insert into icb (code, ods_code, name, region_code) values (?, ?, ?, ?)")
          .params(icb.getKey(), icb.getValue()[0], icb.getValue()[1], region)
          .update();
      rows++;
    }
    for (Map.Entry<String, String[]> subIcb : subIcbs.entrySet()) {
      String[] v = subIcb.getValue();
      jdbc.sql("insert into sub_icb (code, ods_code, name, icb_code) values (?, ?, ?, ?)")
          .params(subIcb.getKey(), v[0], v[1], v[2])
          .update();
      rows++;
    }
    List<Object[]> ladRows = new ArrayList<>();
    for (Map.Entry<String, String> lad : new TreeMap<>(ladRegion).entrySet()) {
      ladRows.add(
          new Object[] {
            lad.getKey(), ladNames.get(lad.getKey()), lad.getValue(), ruralUrban.get(lad.getKey())
          });
    }
    rows +=
        batch(
            "insert into lad (code, name, region_code, rural_urban) values (?, ?, ?, ?)", ladRows);
    rows +=
        batch(
            "insert into lsoa21 (code, name, sub_icb_code, icb_code, lad_code, population,"
                + " ruc21_code) values (?, ?, ?, ?, ?, ?, ?)",
            lsoaRows);

    log.debug("geography: LSOA 2021 stored after {} ms", (System.nanoTime() - started) / 1_000_000);
    rows += loadLsoa2011(files, lsoaIcb, lsoaLad, ladRegion.keySet());
    log.debug("geography: LSOA 2011 stored after {} ms", (System.nanoTime() - started) / 1_000_000);
    rows += loadBoundaries(files.file(ICB_BOUNDARIES), "icb", "icb24_code", icbs.keySet());
    rows +=
        loadBoundaries(files.file(SUB_ICB_BOUNDARIES), "subicb", "sicbl24_code", subIcbs.keySet());
    rows += loadBoundaries(files.file(LAD_BOUNDARIES), "lad", "ltla24_code", ladRegion.keySet());
    return rows;
  }

  private long loadLsoa2011(
      ReferenceFiles files,
      Map<String, String> lsoa21Icb,
      Map<String, String> lsoa21Lad,
      java.util.Set<String> lads) {
    // Each 2011 LSOA takes the ICB and LAD that hold most of the 2021 LSOAs it became.
    Map<String, Map<String, Integer>> icbVotes = new HashMap<>();
    Map<String, Map<String, Integer>> ladVotes = new HashMap<>();
    List<Object[]> links = new ArrayList<>();
    files
        .file(LSOA11_LSOA21)
        .readCsv(
            List.of("lsoa11_code", "lsoa21_code", "change_code"),
            35_795,
            row -> {
              String lsoa11 = row.code("lsoa11_code");
              String lsoa21 = row.code("lsoa21_code");
              if (!lsoa11.startsWith("E")) {
                return;
              }
              String change = row.text("change_code");
              if (!List.of("U", "S", "M", "X").contains(change)) {
                throw row.problem("change_code", "'" + change + "' is not one of U, S, M, X");
              }
              String icb = lsoa21Icb.get(lsoa21);
              if (icb == null) {
                throw row.problem("lsoa21_code", lsoa21 + " is not a 2021 LSOA in England");
              }
              icbVotes.computeIfAbsent(lsoa11, k -> new HashMap<>()).merge(icb, 1, Integer::sum);
              ladVotes
                  .computeIfAbsent(lsoa11, k -> new HashMap<>())
                  .merge(lsoa21Lad.get(lsoa21), 1, Integer::sum);
              links.add(new Object[] {lsoa11, lsoa21, change});
            });
    Map<String, Integer> population = new HashMap<>();
    files
        .file(LSOA11_POPULATION)
        .readCsv(
            List.of("lsoa11_code", "total_population"),
            LSOA11_COUNT,
            row -> population.put(row.code("lsoa11_code"), row.integer("total_population")));
    Map<String, Object[]> lsoa11Rows = new LinkedHashMap<>();
    files
        .file(LSOA11_ICB)
        .readCsv(
            List.of("lsoa11_code", "lsoa11_name", "icb22_code"),
            LSOA11_COUNT,
            row -> {
              String code = row.code("lsoa11_code");
              Map<String, Integer> votes = icbVotes.get(code);
              if (votes == null) {
                throw row.problem("lsoa11_code", code + " is not in " + LSOA11_LSOA21);
              }
              Integer people = population.get(code);
              if (people == null) {
                throw row.problem(
                    "lsoa11_code", code + " has no population in " + LSOA11_POPULATION);
              }
              String lad = majority(ladVotes.get(code));
              if (!lads.contains(lad)) {
                throw row.problem("lsoa11_code", code + " falls in unknown district " + lad);
              }
              lsoa11Rows.put(
                  code,
                  new Object[] {
                    code,
                    row.text("lsoa11_name"),
                    row.code("icb22_code"),
                    majority(votes),
                    lad,
                    people
                  });
            });
    long rows =
        batch(
            "insert into lsoa11 (code, name, icb22_code, icb_code, lad_code, population)"
                + " values (?, ?, ?, ?, ?, ?)",
            new ArrayList<>(lsoa11Rows.values()));
    rows +=
        batch(
            "insert into lsoa11_lsoa21 (lsoa11_code, lsoa21_code, change_code) values (?, ?, ?)",
            links);
    return rows;
  }

  private static String majority(Map<String, Integer> votes) {
    return votes.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow()
        .getKey();
  }

  private long loadBoundaries(
      ReferenceFile file, String areaType, String codeProperty, java.util.Set<String> expected) {
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(file.readText());
    } catch (tools.jackson.core.JacksonException e) {
      throw new ReferenceDataException(
          file.name(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null,
          "is not valid GeoJSON (" + e.getOriginalMessage() + ")",
          e);
    }
    JsonNode features = root.path("features");
    if (!features.isArray()) {
      throw new ReferenceDataException(
          file.name(), 0, "features", "is not a GeoJSON FeatureCollection");
    }
    List<Object[]> rows = new ArrayList<>();
    int index = 0;
    for (JsonNode feature : features) {
      index++;
      String code = feature.path("properties").path(codeProperty).asString("");
      JsonNode geometry = feature.path("geometry");
      if (code.isEmpty() || !geometry.isObject()) {
        throw new ReferenceDataException(
            file.name(),
            0,
            codeProperty,
            "feature " + index + " has no " + codeProperty + " or geometry");
      }
      if (expected.contains(code)) {
        rows.add(new Object[] {areaType, code, geometry.toString()});
      }
    }
    if (rows.size() != expected.size()) {
      throw new ReferenceDataException(
          file.name(),
          0,
          codeProperty,
          "has boundaries for " + rows.size() + " of " + expected.size() + " areas");
    }
    return batch("insert into boundary (area_type, code, geojson) values (?, ?, ?)", rows);
  }

  private long batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      bulk.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
    return rows.size();
  }
}
