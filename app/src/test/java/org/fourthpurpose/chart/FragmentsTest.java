package org.fourthpurpose.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chart fragment names itself for assistive technology; the legend and table draw. */
class FragmentsTest {

  private static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";

  static Stream<Arguments> charts() {
    MapProjection projection = MapProjection.of(Map.of("E1", SQUARE), 100);
    return Stream.of(
        Arguments.of(
            "chart/interval :: interval(${c}, 'x', 'The title', 'The description')",
            IntervalChart.of(
                List.of(new IntervalChart.Item("A", "Ay", 1.0, 0.5, 1.5, true)),
                1.2,
                String::valueOf)),
        Arguments.of(
            "chart/trend :: trend(${c}, 'x', 'The title', 'The description')",
            TrendChart.of(
                List.of(
                    new TrendChart.Period("2023", 1.0, null, null, 2.0),
                    new TrendChart.Period("2024", 1.5, 1.0, 2.0, 2.5)),
                "England",
                String::valueOf)),
        Arguments.of(
            "chart/spine :: spine(${c}, 'x', 'The description')",
            SpineChart.of(new double[] {1, 2, 3, 4, 5}, 3.0, 4, false, "The title")),
        Arguments.of(
            "chart/bars :: bars(${c}, 'x', 'The title', 'The description')",
            BarChart.of(
                List.of(new BarChart.Item("1", "One", 0.2, 0.1, "fp-decile-1")),
                0.05,
                String::valueOf,
                "Most",
                "Least")),
        Arguments.of(
            "chart/grouped-bars :: groupedBars(${c}, 'x', 'The title', 'The description')",
            GroupedBarChart.of(
                List.of("Low", "High"),
                1,
                List.of(
                    new GroupedBarChart.Item("Area", Arrays.asList(1.0), List.of("R1: High"))))),
        Arguments.of(
            "chart/map :: map(${c}, 'x', 'The title', 'The description')",
            ChoroplethMap.of(
                projection,
                s -> new ChoroplethMap.Area(s.code(), "Area one", s.path(), "fp-band-1", null))),
        Arguments.of(
            "chart/network :: network(${c}, 'x', 'The title', 'The description')",
            NetworkChart.of(
                List.of(
                    new NetworkChart.Item("1", "One", "A", 1),
                    new NetworkChart.Item("2", "Two", "B", 2)),
                List.of(new NetworkChart.Connection("1", "2", 1, "One and Two")),
                List.of())),
        Arguments.of(
            "chart/grid :: grid(${c}, 'x', 'The title', 'The description')",
            SquareGrid.of(
                List.of(new SquareGrid.Item("E1", "Place", 1)),
                ColourScale.steps("fp-decile-", List.of("1")))));
  }

  @ParameterizedTest
  @MethodSource("charts")
  void everyChartIsAnImageNamedByItsTitleAndDescription(String fragment, Object chart) {
    String svg = FragmentRendering.render(fragment, Map.of("c", chart));

    assertThat(svg)
        .startsWith("<svg")
        .contains("role=\"img\"", "aria-labelledby=\"x-title x-desc\"", "viewBox=\"")
        .contains("<title id=\"x-title\">The title</title>")
        .contains("<desc id=\"x-desc\">The description</desc>")
        .doesNotContain("th:", "style=", "fill=\"#");
  }

  @Test
  void drawsTheTrendsComparatorAsADashedLineAndEachPeriodAsADot() {
    TrendChart chart =
        TrendChart.of(
            List.of(
                new TrendChart.Period("2023", 1.0, null, null, 2.0),
                new TrendChart.Period("2024", 1.5, 1.0, 2.0, 2.5)),
            "England",
            String::valueOf);

    String svg =
        FragmentRendering.render("chart/trend :: trend(${c}, 'x', 'T', 'D')", Map.of("c", chart));

    assertThat(svg).contains("<title>England, 2024: 2.5</title>");
    assertThat(svg).contains("<title>2024: 1.5 (95% interval 1.0 to 2.0)</title>");
    assertThat(svg.split("class=\"fp-chart__point\"", -1)).hasSize(3);
    assertThat(svg.split("class=\"fp-chart__interval\"", -1)).hasSize(2);
    assertThat(svg).contains("class=\"fp-chart__reference fp-chart__line\" points=\"");
  }

  @Test
  void makesAMapOfLinksAGroupAndWrapsEachLinkedAreaInALink() {
    ChoroplethMap map =
        ChoroplethMap.of(
            MapProjection.of(Map.of("E1", SQUARE), 100),
            s -> new ChoroplethMap.Area(s.code(), "Area & one", s.path(), "fp-band-4", "/ics/QYG"));

    String svg =
        FragmentRendering.render("chart/map :: map(${m}, 'm', 'Map', 'Shaded')", Map.of("m", map));

    assertThat(svg).contains("role=\"group\"");
    assertThat(svg)
        .contains("<a href=\"/ics/QYG\"><title>Area &amp; one</title><path d=\"M")
        .contains("class=\"fp-band-4\"></path></a>");
  }

  @Test
  void wrapsAChartInAFigureLabelledByItsCaption() {
    SpineChart spine = SpineChart.of(new double[] {1, 2, 3, 4, 5}, null, 2, false, "Two of five");

    String html =
        FragmentRendering.render(
            "chart/figure :: figure('f', ~{chart/spine :: spine(${c}, 'x', 'Read it so')}, 'A caption')",
            Map.of("c", spine));

    assertThat(html)
        .startsWith("<figure class=\"fp-chart\" aria-labelledby=\"f-caption\">")
        .contains("<title id=\"x-title\">Two of five</title>")
        .contains("<figcaption class=\"nhsuk-body-s\" id=\"f-caption\">A caption</figcaption>");
  }

  @Test
  void drawsANetworksLinksUnderItsNodesEachWithATooltip() {
    NetworkChart chart =
        NetworkChart.of(
            List.of(
                new NetworkChart.Item("1", "One & Co", "Trust", 1),
                new NetworkChart.Item("2", "Two", "Council", 2)),
            List.of(new NetworkChart.Connection("1", "2", 1, "One & Co and Two share housing")),
            List.of("Trust", "Council"));

    String svg =
        FragmentRendering.render(
            "chart/network :: network(${c}, 'n', 'T', 'D')", Map.of("c", chart));

    assertThat(svg)
        .contains(
            "class=\"fp-chart__link fp-chart__link--1\"><title>One &amp; Co and Two share housing</title></path>")
        .contains(
            "class=\"fp-series-1 fp-chart__node\"><title>1: One &amp; Co (Trust)</title></circle>")
        .contains(">Council</text>");
    assertThat(svg.indexOf("<path")).isLessThan(svg.indexOf("<circle"));
  }

  @Test
  void drawsALegendItemForEachNamedStep() {
    ColourScale scale = ColourScale.steps("fp-band-", List.of("Worse", "", "Similar"));

    String html =
        FragmentRendering.render("chart/legend :: legend(${s}, 'Map key')", Map.of("s", scale));

    assertThat(html).startsWith("<ul class=\"fp-key\" aria-label=\"Map key\">");
    assertThat(html.split("class=\"fp-key__item\"", -1)).hasSize(3);
    assertThat(html)
        .contains("<span class=\"fp-key__swatch fp-band-1\"></span>")
        .contains("<span class=\"fp-key__label\">Similar</span>")
        .doesNotContain("fp-band-2");
  }

  @Test
  void drawsTheTableAlternativeWithACaptionHeadingsAndRowHeaders() {
    DataTable table =
        new DataTable(
            "Share by system",
            List.of("System", "Share"),
            List.of(false, true),
            List.of(List.of("Cheshire & Merseyside", "18.2%"), List.of("Kent", "9.0%")));

    String html =
        FragmentRendering.render("chart/table :: table(${t}, 'shares')", Map.of("t", table));

    assertThat(html)
        .contains("<div class=\"fp-table-container\">")
        .contains("<table class=\"nhsuk-table fp-reflow\" id=\"shares\">")
        .contains("id=\"shares-caption\">Share by system</caption>")
        .contains("<th scope=\"col\">System</th>")
        .contains("<th scope=\"col\" class=\"fp-table-numeric\">Share</th>")
        .contains("<th scope=\"row\">Cheshire &amp; Merseyside</th>")
        .contains("<td class=\"fp-table-numeric\" data-label=\"Share\">9.0%</td>");
  }
}
