package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class IndicatorPagesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired IndicatorValues values;
  @Autowired SimilarAreaComparisons similar;

  private String page(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void listsEveryThemeWithItsQuestionsAndIndicatorsWithTheirLicence() throws Exception {
    String html = page("/indicators");
    assertThat(html).contains("<h1>Indicators</h1>");
    for (Theme theme : catalogue.themes()) {
      assertThat(html).contains("id=\"theme-" + theme.code() + "\"");
      assertThat(html)
          .contains(
              org.springframework.web.util.HtmlUtils.htmlEscape(theme.guidingQuestions().get(0)));
    }
    assertThat(html)
        .contains("href=\"/indicators/employment-rate\"")
        .contains("Open Government Licence v3.0");
  }

  @Test
  void showsAllFortyTwoSystemsWithValueIntervalAndComparisonInWords() throws Exception {
    String html = page("/indicators/employment-rate");
    IndicatorTable table =
        values
            .table(catalogue.indicator("employment-rate").orElseThrow(), AreaLevel.ICB, "latest")
            .orElseThrow();
    AreaComparison cheshire =
        table.rows().stream()
            .filter(r -> r.areaCode().equals("E54000008"))
            .findFirst()
            .orElseThrow();
    String row = between(html, "<a href=\"/ics/QYG\">Cheshire and Merseyside</a></th>", "</tr>");
    assertThat(row)
        .contains(IndicatorPageController.format(cheshire.value()))
        .contains(
            IndicatorPageController.format(cheshire.lower95())
                + " to "
                + IndicatorPageController.format(cheshire.upper95()))
        .containsPattern("(Better than|Similar to|Worse than) England");
    assertThat(count(html, "<a href=\"/ics/Q")).isEqualTo(42 * 2); // table and map
    assertThat(count(html, "class=\"fp-chart__point\"")).isEqualTo(42);
    assertThat(html).contains("class=\"fp-chart__reference\"");
    assertThat(html).contains("Better than England").contains("fp-key__swatch fp-compare-5");
    assertThat(html).doesNotContain("style=\"");
  }

  @Test
  void bothKindsOfIndicatorPageShareOneHeaderEachWithItsOwnFactsBeforeTheSourceAndLicence()
      throws Exception {
    assertThat(page("/indicators/employment-rate"))
        .containsSubsequence(
            "<a class=\"nhsuk-breadcrumb__link\" href=\"/indicators\">Indicators</a>",
            "<span class=\"nhsuk-caption-l\">Employment and good work</span>",
            "<h1>",
            "Period shown",
            "Unit",
            "Time periods",
            "Source",
            "Licence",
            "</dl>",
            "Show this period",
            "<h2 id=\"chart\">");
    assertThat(page("/indicators/rtt-over-18-weeks"))
        .containsSubsequence(
            "<a class=\"nhsuk-breadcrumb__link\" href=\"/indicators\">Indicators</a>",
            "<h1>Waiting over 18 weeks for planned hospital care</h1>",
            "This indicator is shown for England only.",
            "<dl class=\"nhsuk-summary-list\">",
            "Latest period",
            "Time periods",
            "Source",
            "Licence",
            "</dl>",
            "<h2 id=\"trend\">")
        .doesNotContain("Show this period");
  }

  @Test
  void shadesByQuintileWhereThereAreNoIntervals() throws Exception {
    String html = page("/indicators/iod2025-imd-score");
    // IMD score: lower is better, so quintile 1 holds the lowest scores and is the best
    assertThat(html).contains("Quintile among the 42").contains("Quintile 1 (best)");
    assertThat(html).contains("fp-key__swatch fp-quintile-judged-1");
    // each value's quintile in words, beside a square of its key colour
    assertThat(
            count(
                html,
                "<span class=\"fp-swatch fp-quintile-judged-5\"></span>"
                    + "<span>Quintile 5 (worst)</span></td>"))
        .isEqualTo(8);
    assertThat(
            count(
                html,
                "<span class=\"fp-swatch fp-quintile-judged-1\"></span>"
                    + "<span>Quintile 1 (best)</span></td>"))
        .isEqualTo(9);
  }

  @Test
  void downloadsTheFortyTwoRowsAsCsv() throws Exception {
    String csv =
        mvc.perform(get("/indicators/employment-rate.csv"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv.strip().split("\r?\n")).hasSize(43);
    assertThat(csv).startsWith("areaCode,areaName,period,value");
  }

  @Test
  void answersAnUnknownIndicatorWithNotFound() throws Exception {
    mvc.perform(get("/indicators/no-such-indicator")).andExpect(status().isNotFound());
  }

  @Test
  void linksToTheIndicatorsFromTheHeader() throws Exception {
    assertThat(page("/")).contains("href=\"/indicators\">Indicators</a>");
  }

  private static String between(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    return html.substring(from, html.indexOf(end, from));
  }

  private static int count(String html, String text) {
    Matcher m = Pattern.compile(Pattern.quote(text)).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void saysHowSystemsAreRolledUpAndOffersADistrictComparisonWithSimilarAreas() throws Exception {
    String html = page("/indicators/greenhouse-gas-emissions");
    assertThat(html)
        .contains("From districts to systems")
        .contains("Population-weighted mean")
        .contains("action=\"/indicators/greenhouse-gas-emissions/similar-areas\"")
        .contains("<option value=\"E08000016\">Barnsley</option>");
    // Indicators published for ICBs only offer no district comparison.
    assertThat(page("/indicators/rtt-over-18-weeks")).doesNotContain("similar-areas");
  }

  @Test
  void showsADistrictBesideItsSimilarAreasWithItsPlaceAndTheirMedianInATable() throws Exception {
    SimilarAreaComparison c =
        similar
            .compare(
                catalogue.indicator("greenhouse-gas-emissions").orElseThrow(), "E08000016", "2023")
            .orElseThrow();
    String html =
        page("/indicators/greenhouse-gas-emissions/similar-areas?district=E08000016&period=2023");
    assertThat(html)
        .contains("<h1>Barnsley compared with similar areas</h1>")
        .contains("id=\"similar-table\"")
        .contains("(chosen district)")
        .contains("Number " + c.rank() + " of " + c.ranked() + ", counting from the highest value")
        .contains(IndicatorPageController.format(c.median()))
        .contains("nearest neighbours");
    for (AreaComparison r : c.similar()) {
      assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(r.areaName()));
    }
    mvc.perform(get("/indicators/greenhouse-gas-emissions/similar-areas?district=W06000001"))
        .andExpect(status().isBadRequest());
  }
}
