package org.fourthpurpose.deprivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checks the stored ICB and district summaries against values recomputed here from the shipped
 * files by a separate, deliberately plain route (own CSV reading, own joins and loops), and against
 * hand-checked figures.
 */
@ApplicationTest
class NationalBaselineIntegrationTest {

  @Autowired DeprivationSummaries summaries;
  @Autowired Geography geography;

  /** One LSOA row of the IoD 2025 file, joined by hand to its ICB, LAD and population. */
  record Row(
      String lsoa, String icb, String lad, long population, double score, int rank, int decile) {}

  private static List<String[]> read(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    NationalBaselineIntegrationTest.class
                        .getClassLoader()
                        .getResourceAsStream("reference/" + resource)),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        rows.add(split(line));
      }
    }
    return rows;
  }

  /** Splits one line of quoted CSV (no line breaks inside fields in these files). */
  private static String[] split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  private static int column(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static List<Row> imd2025Rows() throws IOException {
    Map<String, String> icbOf = new HashMap<>();
    List<String[]> icbLookup = read("lookup_lsoa21_sicbl24_icb24.csv.gz");
    for (String[] r : icbLookup.subList(1, icbLookup.size())) {
      icbOf.put(r[1], r[6]);
    }
    Map<String, String> ladOf = new HashMap<>();
    List<String[]> ladLookup = read("lookup_lsoa21_ward24_ltla24.csv.gz");
    for (String[] r : ladLookup.subList(1, ladLookup.size())) {
      ladOf.put(r[1], r[5]);
    }
    Map<String, Long> populationOf = new HashMap<>();
    List<String[]> census = read("census21_ethnicity_lsoa21_england_wide.csv.gz");
    for (String[] r : census.subList(1, census.size())) {
      populationOf.put(r[0], Long.parseLong(r[1]));
    }
    List<String[]> imd = read("imd2025_england_lsoa21.csv.gz");
    String[] h = imd.get(0);
    int score = column(h, "IMD_score");
    int rank = column(h, "IMD_rank");
    int decile = column(h, "IMD_decile");
    List<Row> rows = new ArrayList<>();
    for (String[] r : imd.subList(1, imd.size())) {
      rows.add(
          new Row(
              r[0],
              icbOf.get(r[0]),
              ladOf.get(r[0]),
              populationOf.get(r[0]),
              Double.parseDouble(r[score]),
              Integer.parseInt(r[rank]),
              Integer.parseInt(r[decile])));
    }
    return rows;
  }

  private static double[] recompute(List<Row> area) {
    double people = 0;
    double score = 0;
    double reversedRank = 0;
    double extent = 0;
    int inDecileOne = 0;
    for (Row r : area) {
      people += r.population();
      score += r.score() * r.population();
      reversedRank += (33_756 - r.rank()) * r.population();
      int percentile = (int) ((r.rank() - 1) * 100L / 33_755) + 1;
      double weight =
          percentile <= 10 ? 1 : percentile <= 30 ? 0.95 - (percentile - 11) * 0.9 / 19 : 0;
      extent += weight * r.population();
      inDecileOne += r.decile() == 1 ? 1 : 0;
    }
    List<Row> sorted = new ArrayList<>(area);
    sorted.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
    double needed = people / 10;
    double concentration = 0;
    for (Row r : sorted) {
      double take = Math.min(r.population(), needed);
      concentration += take * (33_756 - r.rank());
      needed -= take;
      if (needed <= 0) {
        break;
      }
    }
    return new double[] {
      score / people,
      reversedRank / people,
      (double) inDecileOne / area.size(),
      extent / people,
      concentration / (people / 10)
    };
  }

  private void assertMatches(String areaType, String code, List<Row> area) {
    double[] expected = recompute(area);
    AreaSummary imd =
        summaries.summariesOf(Edition.IOD2025, areaType, code).stream()
            .filter(s -> s.domain() == Domain.IMD)
            .findFirst()
            .orElseThrow();
    assertThat(imd.measures().averageScore()).isCloseTo(expected[0], within(1e-9));
    assertThat(imd.measures().averageRank()).isCloseTo(expected[1], within(1e-7));
    assertThat(imd.measures().proportionMostDeprived10()).isCloseTo(expected[2], within(1e-12));
    assertThat(imd.measures().extent()).isCloseTo(expected[3], within(1e-12));
    assertThat(imd.measures().localConcentration()).isCloseTo(expected[4], within(1e-7));
  }

  @ParameterizedTest
  @ValueSource(strings = {"E54000008", "E54000050", "E54000064", "E54000027"})
  void icbSummariesMatchAnIndependentRecomputationFromTheShippedFiles(String icb)
      throws IOException {
    List<Row> rows = imd2025Rows().stream().filter(r -> r.icb().equals(icb)).toList();
    assertThat(rows).isNotEmpty();
    assertMatches("icb", icb, rows);
  }

  @ParameterizedTest
  // North Yorkshire and Buckinghamshire are split between ICBs; district summaries use all their
  // LSOAs.
  @ValueSource(strings = {"E06000065", "E06000060", "E08000003"})
  void districtSummariesMatchAnIndependentRecomputationIncludingSplitDistricts(String lad)
      throws IOException {
    List<Row> rows = imd2025Rows().stream().filter(r -> lad.equals(r.lad())).toList();
    assertThat(rows).isNotEmpty();
    assertMatches("lad", lad, rows);
  }

  @Test
  void everyIcbHasASummaryInEachOfTheEightDomainsWithRanksOneToFortyTwo() {
    List<AreaSummary> all = summaries.summaries(Edition.IOD2025, "icb");
    assertThat(all).hasSize(42 * 8);
    for (Domain domain : Domain.values()) {
      List<Integer> ranks =
          all.stream()
              .filter(s -> s.domain() == domain)
              .map(AreaSummary::rankOfAverageScore)
              .sorted()
              .toList();
      assertThat(ranks.get(0)).isEqualTo(1);
      assertThat(ranks.get(ranks.size() - 1)).isLessThanOrEqualTo(42);
    }
    assertThat(
            summaries.summaries(Edition.IOD2025, "lad").stream()
                .map(AreaSummary::areaCode)
                .distinct())
        .hasSize(296);
    assertThat(
            summaries.summaries(Edition.IOD2025, "subicb").stream()
                .map(AreaSummary::areaCode)
                .distinct())
        .hasSize(106);
  }

  @Test
  void theMostDeprivedFifthHoldsAboutAFifthOfEnglandAndIcbDecilesAddUpToTheirPopulation() {
    List<DecilePopulation> england = summaries.englandDecilePopulation(Edition.IOD2025);
    assertThat(england.stream().mapToLong(DecilePopulation::population).sum())
        .isEqualTo(56_490_108L);
    assertThat(england.stream().mapToInt(DecilePopulation::lsoaCount).sum()).isEqualTo(33_755);
    assertThat(DeprivationSummaries.core20Share(england)).isBetween(0.19, 0.21);
    long cheshire =
        summaries.decilePopulation(Edition.IOD2025, "icb", "E54000008").stream()
            .mapToLong(DecilePopulation::population)
            .sum();
    assertThat(cheshire).isEqualTo(2_518_617L);
  }

  @Test
  void imd2019IsSummarisedOnItsOwn2011LsoasWithScoresOnlyWhereTheyAreShipped() {
    List<AreaSummary> icbs = summaries.summaries(Edition.IMD2019, "icb");
    assertThat(icbs).hasSize(42 * 8);
    assertThat(
            icbs.stream()
                .filter(s -> s.domain() == Domain.IMD)
                .allMatch(s -> s.measures().averageScore() != null))
        .isTrue();
    assertThat(
            icbs.stream()
                .filter(s -> s.domain() == Domain.HEALTH)
                .allMatch(s -> s.measures().averageScore() == null))
        .isTrue();
    long people =
        summaries.decilePopulation(Edition.IMD2019, "england", "E92000001").stream()
            .mapToLong(DecilePopulation::population)
            .sum();
    assertThat(people).isEqualTo(56_550_138L); // ONS mid-2020 England total
  }

  @Test
  void blackpoolIsAmongTheMostDeprivedDistrictsByAverageScore() {
    AreaSummary blackpool =
        summaries.summariesOf(Edition.IOD2025, "lad", "E06000009").stream()
            .filter(s -> s.domain() == Domain.IMD)
            .findFirst()
            .orElseThrow();
    assertThat(blackpool.rankOfAverageScore()).isLessThanOrEqualTo(3);
  }
}
