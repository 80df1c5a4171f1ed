package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
import static org.fourthpurpose.statistics.OhidReferenceVectors.level;
import static org.fourthpurpose.statistics.OhidReferenceVectors.number;
import static org.fourthpurpose.statistics.OhidReferenceVectors.read;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every interval in PHEindicatormethods' test vectors for Byar's, Wilson, {@code phe_proportion}
 * and {@code phe_rate}, recomputed here.
 *
 * <p>The {@code _g} files hold the package's results for the same data grouped by {@code Area}:
 * each area appears twice in the ungrouped file (once per multiplier), so grouping sums those two
 * rows, doubling numerator and denominator (an NA in either makes the sum NA), and the grouped call
 * asks for the default single 95% level, with multiplier 1 for proportions and 100,000 for rates.
 */
class OhidReferenceVectorsTest {

  /** R's results are stored to 15 significant digits. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private static int compared;
  private static double largestAbsoluteError;
  private static double largestRelativeError;

  @AfterAll
  static void reportAgreement() {
    System.out.printf(
        "PHEindicatormethods vectors: %d limits compared, max abs error %.3g, max rel error %.3g%n",
        compared, largestAbsoluteError, largestRelativeError);
  }

  @Test
  void byarsAndWilsonLimitsMatchTheByarsWilsonVectors() throws IOException {
    List<Map<String, String>> rows = read("testdata_Byars_Wilson__testdata_B_W.csv");
    assertThat(rows).hasSize(13);
    for (Map<String, String> row : rows) {
      double x = number(row, "x");
      ConfidenceLevel level = level(row.get("confidence"));
      if (row.get("method").equals("Byars")) {
        double lower = number(row, "lowercl");
        if (Double.isNaN(lower)) {
          // The workbook leaves byars_lower(1, 99.8) blank: the formula goes below zero there.
          assertThat(ByarsInterval.approximateLower(x, level)).isNegative();
          assertThat(ByarsInterval.approximation(x, level).lower()).isZero();
        } else {
          assertClose(ByarsInterval.approximateLower(x, level), lower);
        }
        assertClose(ByarsInterval.approximateUpper(x, level), number(row, "uppercl"));
      } else {
        ConfidenceInterval interval = WilsonInterval.of(x, number(row, "n"), level);
        assertClose(interval.lower(), number(row, "lowercl"));
        assertClose(interval.upper(), number(row, "uppercl"));
      }
    }
  }

  @Test
  void proportionsAtBothLevelsMatchThePheProportionVectors() throws IOException {
    List<Map<String, String>> rows = read("testdata_Proportion__testdata_Prop.csv");
    assertThat(rows).hasSize(19);
    int computed = 0;
    for (Map<String, String> row : rows) {
      double numerator = number(row, "Numerator");
      double denominator = number(row, "Denominator");
      if (Double.isNaN(numerator) || Double.isNaN(denominator)) {
        assertThat(row.get("value")).as("R gives NA for a missing input").isEmpty();
        continue;
      }
      double multiplier = number(row, "multiplier");
      assertClose(numerator / denominator * multiplier, number(row, "value"));
      assertLimits(
          WilsonInterval.of(numerator, denominator, NINETY_FIVE).times(multiplier),
          row,
          "lower95_0cl",
          "upper95_0cl");
      assertLimits(
          WilsonInterval.of(numerator, denominator, NINETY_NINE_POINT_EIGHT).times(multiplier),
          row,
          "lower99_8cl",
          "upper99_8cl");
      computed++;
    }
    assertThat(computed).isEqualTo(16);
  }

  @Test
  void ratesAndTheirExactOrByarsMethodMatchThePheRateVectors() throws IOException {
    List<Map<String, String>> rows = read("testdata_Rate__testdata_Rate.csv");
    assertThat(rows).hasSize(20);
    int computed = 0;
    for (Map<String, String> row : rows) {
      double count = number(row, "Numerator");
      double denominator = number(row, "Denominator");
      if (Double.isNaN(count) || Double.isNaN(denominator)) {
        assertThat(row.get("value")).isEmpty();
        continue;
      }
      double multiplier = number(row, "multiplier");
      assertThat(ByarsInterval.methodFor(count).name()).isEqualToIgnoringCase(row.get("method"));
      assertClose(count / denominator * multiplier, number(row, "value"));
      assertLimits(
          ByarsInterval.forRate(count, denominator, multiplier, NINETY_FIVE),
          row,
          "lower95_0cl",
          "upper95_0cl");
      assertLimits(
          ByarsInterval.forRate(count, denominator, multiplier, NINETY_NINE_POINT_EIGHT),
          row,
          "lower99_8cl",
          "upper99_8cl");
      computed++;
    }
    assertThat(computed).isEqualTo(17);
  }

  @Test
  void groupedProportionsAreTheSumsPerAreaAtNinetyFivePercent() throws IOException {
    Map<String, double[]> sums = sumsByArea(read("testdata_Proportion__testdata_Prop.csv"));
    List<Map<String, String>> grouped = read("testdata_Proportion__testdata_Prop_g.csv");
    assertThat(grouped).hasSize(sums.size());
    for (Map<String, String> row : grouped) {
      double[] sum = sums.get(row.get("Area"));
      assertSameOrBothMissing(number(row, "Numerator"), sum[0]);
      assertSameOrBothMissing(number(row, "Denominator"), sum[1]);
      if (Double.isNaN(sum[0]) || Double.isNaN(sum[1])) {
        assertThat(row.get("lowercl")).isEmpty();
        continue;
      }
      assertThat(level(row.get("confidence"))).isEqualTo(NINETY_FIVE);
      assertClose(sum[0] / sum[1], number(row, "value"));
      assertLimits(WilsonInterval.of(sum[0], sum[1], NINETY_FIVE), row, "lowercl", "uppercl");
    }
  }

  @Test
  void groupedRatesAreTheSumsPerAreaPerHundredThousandAtNinetyFivePercent() throws IOException {
    Map<String, double[]> sums = sumsByArea(read("testdata_Rate__testdata_Rate.csv"));
    List<Map<String, String>> grouped = read("testdata_Rate__testdata_Rate_g.csv");
    assertThat(grouped).hasSize(sums.size());
    for (Map<String, String> row : grouped) {
      double[] sum = sums.get(row.get("Area"));
      assertSameOrBothMissing(number(row, "Numerator"), sum[0]);
      assertSameOrBothMissing(number(row, "Denominator"), sum[1]);
      if (Double.isNaN(sum[0]) || Double.isNaN(sum[1])) {
        assertThat(row.get("lowercl")).isEmpty();
        continue;
      }
      assertThat(number(row, "multiplier")).isEqualTo(100_000);
      assertThat(ByarsInterval.methodFor(sum[0]).name()).isEqualToIgnoringCase(row.get("method"));
      assertClose(sum[0] / sum[1] * 100_000, number(row, "value"));
      assertLimits(
          ByarsInterval.forRate(sum[0], sum[1], 100_000, NINETY_FIVE), row, "lowercl", "uppercl");
    }
  }

  private static Map<String, double[]> sumsByArea(List<Map<String, String>> rows) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      double[] sum = sums.computeIfAbsent(row.get("Area"), area -> new double[2]);
      sum[0] += number(row, "Numerator");
      sum[1] += number(row, "Denominator");
    }
    return sums;
  }

  private static void assertSameOrBothMissing(double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isNaN();
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  private static void assertLimits(
      ConfidenceInterval interval, Map<String, String> row, String lower, String upper) {
    assertClose(interval.lower(), number(row, lower));
    assertClose(interval.upper(), number(row, upper));
  }

  private static void assertClose(double actual, double expected) {
    double error = Math.abs(actual - expected);
    double relative = expected == 0 ? error : error / Math.abs(expected);
    compared++;
    largestAbsoluteError = Math.max(largestAbsoluteError, error);
    largestRelativeError = Math.max(largestRelativeError, relative);
    assertThat(relative)
        .as("computed %s against PHEindicatormethods' %s", actual, expected)
        .isLessThanOrEqualTo(RELATIVE_TOLERANCE);
  }
}
