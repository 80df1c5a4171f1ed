package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Spc} against NHSRplotthedots' own output for cases A (A&amp;E 4-hour performance of six
 * trusts, improvement increase, target 0.95) and H (20 standard normal draws, defaults), read from
 * the shared reference vectors when they are on this machine. The vectors are not part of the
 * repository; without them the test is skipped and says so.
 */
class SpcReferenceTest {

  private static final Path VECTORS = Path.of("/work/shared/data/reference_tests/NHSRplotthedots");

  @Test
  void caseAPerformanceOfSixTrustsMatchesThePackageToNinePlaces() throws IOException {
    List<Map<String, String>> input = rows("input_ae_attendances_type1_6trusts.csv");
    List<Map<String, String>> expected = rows("expected_points_A_perf_increase_target95.csv");
    Map<String, List<SpcInput>> byTrust = new LinkedHashMap<>();
    for (Map<String, String> row : input) {
      byTrust
          .computeIfAbsent(row.get("org_code"), k -> new ArrayList<>())
          .add(
              new SpcInput(
                  LocalDate.parse(row.get("period")), Double.parseDouble(row.get("performance"))));
    }
    SpcOptions options = SpcOptions.of(Improvement.INCREASE).withTarget(0.95);
    List<SpcPoint> computed = new ArrayList<>();
    List<String> facets = new ArrayList<>();
    Map<String, AssuranceType> assuranceOf = new LinkedHashMap<>();
    for (Map.Entry<String, List<SpcInput>> trust : byTrust.entrySet()) {
      SpcResult result = Spc.xmr(trust.getValue(), options);
      computed.addAll(result.points());
      result.points().forEach(p -> facets.add(trust.getKey()));
      assuranceOf.put(trust.getKey(), result.latestGroup().assuranceType());
      assertThat(result.latestGroup().variationType().code())
          .isEqualTo(result.points().get(result.points().size() - 1).pointType().code());
    }
    assertMatches(expected, computed, facets, Improvement.INCREASE);
    assertThat(byTrust).hasSize(6);
    // The package's summary reads the assurance off each trust's latest point and limits.
    Map<String, AssuranceType> expectedAssurance = new LinkedHashMap<>();
    for (Map<String, String> row : expected) {
      double upl = Double.parseDouble(row.get("upl"));
      double lpl = Double.parseDouble(row.get("lpl"));
      double target = Double.parseDouble(row.get("target"));
      expectedAssurance.put(
          row.get("f"),
          target > upl
              ? AssuranceType.CONSISTENT_FAIL
              : target < lpl ? AssuranceType.CONSISTENT_PASS : AssuranceType.INCONSISTENT);
    }
    assertThat(assuranceOf).isEqualTo(expectedAssurance);
  }

  @Test
  void caseHTwentyNormalDrawsMatchesThePackageToNinePlaces() throws IOException {
    List<Map<String, String>> input = rows("input_rnorm20_seed123.csv");
    List<Map<String, String>> expected = rows("expected_points_H_rnorm20_default.csv");
    List<SpcInput> series = new ArrayList<>();
    for (Map<String, String> row : input) {
      series.add(new SpcInput(LocalDate.parse(row.get("x")), Double.parseDouble(row.get("y"))));
    }
    SpcResult result = Spc.xmr(series, SpcOptions.of(Improvement.INCREASE));
    List<String> facets = result.points().stream().map(p -> "no facet").toList();

    assertMatches(expected, result.points(), facets, Improvement.INCREASE);
    assertThat(result.groups()).hasSize(1);
    assertThat(result.groups().get(0).n()).isEqualTo(20);
    assertThat(result.groups().get(0).assuranceType()).isNull();
    assertThat(result.warnings()).isEmpty();
  }

  private static void assertMatches(
      List<Map<String, String>> expected,
      List<SpcPoint> computed,
      List<String> facets,
      Improvement improvement) {
    assertThat(computed).hasSize(expected.size());
    int specialCauses = 0;
    for (int i = 0; i < expected.size(); i++) {
      Map<String, String> want = expected.get(i);
      SpcPoint got = computed.get(i);
      String where = want.get("f") + " " + want.get("x");
      assertThat(facets.get(i)).as(where).isEqualTo(want.get("f"));
      assertThat(got.x()).as(where).isEqualTo(LocalDate.parse(want.get("x")));
      assertThat(got.y()).as(where).isCloseTo(Double.parseDouble(want.get("y")), within(1e-12));
      assertThat(got.mean())
          .as(where + " mean")
          .isCloseTo(Double.parseDouble(want.get("mean_col")), within(1e-9));
      assertThat(got.lpl())
          .as(where + " lpl")
          .isCloseTo(Double.parseDouble(want.get("lpl")), within(1e-9));
      assertThat(got.upl())
          .as(where + " upl")
          .isCloseTo(Double.parseDouble(want.get("upl")), within(1e-9));
      assertThat(got.rebaseGroup()).as(where).isEqualTo(Integer.parseInt(want.get("rebase_group")));
      assertThat(got.pointType().code()).as(where + " type").isEqualTo(want.get("point_type"));
      String type = want.get("special_cause_type");
      if (type.equals("Common Cause")) {
        assertThat(got.rule()).as(where).isNull();
      } else {
        specialCauses++;
        assertThat(got.rule().describe(direction(got.pointType(), improvement), 7))
            .as(where + " rule")
            .isEqualTo(type);
      }
    }
    if (expected.size() > 100) {
      // Case A has special causes of several kinds; a match on common causes alone proves little.
      assertThat(specialCauses).isGreaterThan(50);
    }
  }

  private static int direction(PointType type, Improvement improvement) {
    return switch (type) {
      case SPECIAL_CAUSE_NEUTRAL_HIGH -> 1;
      case SPECIAL_CAUSE_NEUTRAL_LOW -> -1;
      case SPECIAL_CAUSE_IMPROVEMENT -> improvement.sign();
      case SPECIAL_CAUSE_CONCERN -> -improvement.sign();
      case COMMON_CAUSE -> 0;
    };
  }

  /** Rows of a small CSV written by R (quoted strings, no commas inside fields). */
  private static List<Map<String, String>> rows(String file) throws IOException {
    Path path = VECTORS.resolve(file);
    assumeTrue(
        Files.isReadable(path),
        "NHSRplotthedots reference vectors not found at " + path + "; skipping the comparison");
    List<String> lines = Files.readAllLines(path);
    String[] header = unquote(lines.get(0).split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = unquote(line.split(",", -1));
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], cells[c]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static String[] unquote(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].replace("\"", "");
    }
    return cells;
  }
}
