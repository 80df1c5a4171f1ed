package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.statistics.FunnelInput;
import org.fourthpurpose.statistics.FunnelPlot;
import org.fourthpurpose.statistics.FunnelPosition;
import org.fourthpurpose.statistics.FunnelStatistic;
import org.fourthpurpose.statistics.Overdispersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The funnel plot section of the indicator pages, on the shipped data: a proportion with counts and
 * denominators for the systems gets a chart, a key and a row per system giving the position the
 * statistics compute; an indicator without counts says a funnel plot needs them.
 */
@ApplicationTest
class IndicatorFunnelIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired IndicatorValues values;

  private String page(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The first shipped proportion whose systems carry whole counts and denominators. */
  private Optional<IndicatorTable> proportionWithCounts() {
    for (Indicator indicator : catalogue.publicIndicators()) {
      if (indicator.valueType() != ValueType.PROPORTION
          || !indicator.geographyLevels().contains(AreaLevel.ICB)) {
        continue;
      }
      Optional<IndicatorTable> table = values.table(indicator, AreaLevel.ICB, "latest");
      if (table.isPresent()
          && IndicatorFunnels.of(indicator, table.get(), Overdispersion.NONE).available()) {
        return table;
      }
    }
    return Optional.empty();
  }

  @Test
  void aProportionWithCountsShowsEverySystemsPositionOnTheFunnel() throws Exception {
    IndicatorTable table = proportionWithCounts().orElseThrow();
    Indicator indicator = table.indicator();
    String html = page("/indicators/" + indicator.id() + "?funnel=additive");

    List<AreaComparison> counted =
        table.rows().stream()
            .filter(r -> r.value() != null && r.numerator() != null && r.denominator() != null)
            .toList();
    List<FunnelInput> inputs = new ArrayList<>();
    for (AreaComparison r : counted) {
      inputs.add(new FunnelInput(r.areaCode(), r.numerator(), r.denominator()));
    }
    FunnelPlot expected =
        FunnelPlot.of(FunnelStatistic.PROPORTION, inputs, 100, Overdispersion.ADDITIVE);

    assertThat(html).contains("<h2 id=\"funnel\">Funnel plot</h2>");
    assertThat(html).contains("id=\"funnel-chart-title\"").contains("id=\"funnel-key\"");
    assertThat(html)
        .contains(
            "id=\"funnel-additive\" name=\"funnel\" type=\"radio\" value=\"additive\" checked=\"checked\"");
    String tableHtml =
        between(html, "<table class=\"nhsuk-table fp-reflow\" id=\"funnel-table\">", "</table>");
    for (int i = 0; i < counted.size(); i++) {
      AreaComparison r = counted.get(i);
      FunnelPosition position = expected.points().get(i).position();
      String row = between(tableHtml, "data-area=\"" + r.areaCode() + "\"", "</tr>");
      assertThat(row).contains(HtmlUtils.htmlEscape(r.areaName()));
      assertThat(row).as(r.areaName()).contains(position.label());
    }
    long outside = expected.points().stream().filter(p -> p.position().outside95()).count();
    assertThat(html).contains(outside + " of the " + counted.size() + " systems with counts");
    // One marker per system in the chart, each named in its tooltip.
    String svg = between(html, "id=\"funnel-chart-title\"", "</svg>");
    assertThat(svg.split("<title>", -1).length - 1).isEqualTo(counted.size());
  }

  @Test
  void anIndicatorWithoutCountsSaysAFunnelPlotNeedsThem() throws Exception {
    String html = page("/indicators/median-weekly-pay");

    assertThat(html).contains("<h2 id=\"funnel\">Funnel plot</h2>");
    assertThat(between(html, "id=\"funnel-unavailable\">", "</p>"))
        .startsWith("A funnel plot needs a proportion or a rate of events");
    assertThat(html).doesNotContain("id=\"funnel-table\"");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("found " + start).isGreaterThanOrEqualTo(0);
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("found " + end + " after " + start).isGreaterThan(from);
    return text.substring(from + start.length(), to);
  }
}
