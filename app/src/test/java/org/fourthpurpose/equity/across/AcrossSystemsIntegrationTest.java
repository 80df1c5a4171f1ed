package org.fourthpurpose.equity.across;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.deprivation.AreaSummary;
import org.fourthpurpose.deprivation.DeprivationSummaries;
import org.fourthpurpose.deprivation.Domain;
import org.fourthpurpose.deprivation.Edition;
import org.fourthpurpose.statistics.Correlation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public comparison across the 42 systems: a measure against itself lies on the line y = x with
 * r = 1; two deprivation measures give the correlation of their shipped values; the table, chart
 * and CSV carry every system; an unknown measure is not found.
 */
@ApplicationTest
class AcrossSystemsIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired DeprivationSummaries deprivation;

  @Test
  void aMeasureAgainstItselfHasRIsOneAndTheLineYEqualsX() throws Exception {
    String page = body("/england/compare?x=imd-average-score&y=imd-average-score", 200);
    assertThat(page)
        .contains("Across the 42 systems with both values, Pearson&#39;s correlation is 1.00")
        .contains("No system is far from the line")
        .contains("Least-squares line: IMD 2025 average score = 0.0")
        .contains("+ 1.0 × IMD 2025 average score");
    assertThat(count(page, "<circle class=\"fp-chart__point\"")).isEqualTo(42);
    assertThat(count(page, "<tr>")).isGreaterThanOrEqualTo(43);
  }

  @Test
  void twoDeprivationMeasuresGiveTheCorrelationOfTheirShippedValues() throws Exception {
    List<Double> extent = new ArrayList<>();
    List<Double> mostDeprived = new ArrayList<>();
    for (AreaSummary s : deprivation.summaries(Edition.IOD2025, "icb")) {
      if (s.domain() == Domain.IMD) {
        extent.add(s.measures().extent() * 100);
        mostDeprived.add(s.measures().proportionMostDeprived10() * 100);
      }
    }
    assertThat(extent).hasSize(42);
    Correlation expected =
        Correlation.of(
            extent.stream().mapToDouble(Double::doubleValue).toArray(),
            mostDeprived.stream().mapToDouble(Double::doubleValue).toArray());
    assertThat(expected.r()).isGreaterThan(0.9);
    String page = body("/england/compare?x=imd-extent&y=imd-most-deprived-10", 200);
    assertThat(page)
        .contains(
            String.format(
                Locale.UK,
                "Pearson&#39;s correlation is %.2f (95%% interval %.2f to %.2f): a strong positive",
                expected.r(),
                expected.lower95(),
                expected.upper95()));
    String csv = body("/england/compare.csv?x=imd-extent&y=imd-most-deprived-10", 200);
    assertThat(csv.lines().count()).isEqualTo(43);
    assertThat(csv).startsWith("icb_code,icb_name,");
    long outliers = 0;
    for (int i = 0; i < expected.n(); i++) {
      if (expected.outlier(i)) {
        outliers++;
      }
    }
    assertThat(csv.lines().filter(l -> l.endsWith(",true")).count()).isEqualTo(outliers);
  }

  @Test
  void theDefaultPageSetsAnIndicatorAgainstDeprivationAndAnUnknownMeasureIsNotFound()
      throws Exception {
    String page = body("/england/compare", 200);
    assertThat(page).contains("Compare the systems").contains("IMD 2025 average score");
    body("/england/compare?x=indicator:no-such-thing&y=imd-extent", 404);
  }

  private String body(String path, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(response.getStatus()).as(body).isEqualTo(status);
    return body;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
