package org.fourthpurpose.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layouts of the kit's charts, with numbers worked out by hand. */
class ChartsTest {

  private static String format(double v) {
    return String.format("%.1f", v);
  }

  @Test
  void laysOutAnIntervalChartLowestFirstWithTheReferenceLine() {
    IntervalChart chart =
        IntervalChart.of(
            List.of(
                new IntervalChart.Item("B", "Bee", 30.0, 25.0, 35.0, false),
                new IntervalChart.Item("A", "Ay", 10.0, null, null, true),
                new IntervalChart.Item("C", "Sea", null, null, null, false)),
            20.0,
            ChartsTest::format);

    // Values 10 to 35 in steps of 10: 10 at the bottom (260), 40 at the top (10).
    assertThat(chart.ticks())
        .extracting(Tick::label)
        .containsExactly("10.0", "20.0", "30.0", "40.0");
    assertThat(chart.points()).extracting(IntervalChart.Point::name).containsExactly("Ay", "Bee");
    IntervalChart.Point ay = chart.points().get(0);
    assertThat(ay.x()).isEqualTo(56 + 544 / 4.0);
    assertThat(ay.y()).isCloseTo(260, within(1e-9));
    assertThat(ay.yUpper()).isEqualTo(ay.yLower());
    assertThat(ay.highlighted()).isTrue();
    assertThat(ay.label()).isEqualTo("Ay: 10.0");
    IntervalChart.Point bee = chart.points().get(1);
    assertThat(bee.label()).isEqualTo("Bee: 30.0 (95% interval 25.0 to 35.0)");
    assertThat(bee.yUpper()).isLessThan(bee.y());
    assertThat(chart.referenceY()).isCloseTo(260 - 250 / 3.0, within(1e-9));
    assertThat(chart.bottom()).isEqualTo(260);

    assertThat(IntervalChart.of(List.of(), null, ChartsTest::format).referenceY()).isEqualTo(-1);
  }

  @Test
  void laysOutASpineWithTheQuartilesAsABox() {
    SpineChart spine = SpineChart.of(new double[] {50, 10, 30, 20, 40}, null, 20, false, "text");

    assertThat(spine.min()).isZero();
    assertThat(spine.max()).isEqualTo(SpineChart.WIDTH);
    assertThat(spine.lowerQuartile()).isEqualTo(50);
    assertThat(spine.upperQuartile()).isEqualTo(150);
    assertThat(spine.marker()).isEqualTo(50);
    assertThat(spine.reference()).isEqualTo(-1);
    assertThat(SpineChart.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
  }

  @Test
  void scalesBarsToTheLargestValueOrMarkerRoundedUp() {
    BarChart chart =
        BarChart.of(
            List.of(
                new BarChart.Item("1", "One", 0.12, 0.10, "fp-decile-1"),
                new BarChart.Item("2", "Two", 0.03, 0.14, "fp-decile-2")),
            0.05,
            v -> Math.round(v * 100) + "%",
            "Top",
            "Bottom");

    assertThat(chart.axisMax()).isCloseTo(0.15, within(1e-12));
    assertThat(chart.bars().get(0).barWidth()).isCloseTo(BarChart.PLOT * 0.8, within(1e-9));
    assertThat(chart.bars().get(1).markerX())
        .isCloseTo(BarChart.LABEL + BarChart.PLOT * 14 / 15.0, within(1e-9));
    assertThat(chart.bars().get(1).y()).isEqualTo(BarChart.TOP + BarChart.ROW);
    assertThat(chart.bars().get(0).valueLabel()).isEqualTo("12%");
    assertThat(chart.height()).isEqualTo(BarChart.TOP + 2 * BarChart.ROW + BarChart.BOTTOM);
  }

  @Test
  void laysOutGroupedBarsAgainstTheLevels() {
    GroupedBarChart chart =
        GroupedBarChart.of(
            List.of("None", "Some", "Most", "All"),
            2,
            List.of(
                new GroupedBarChart.Item(
                    "A very long area title that needs to be shortened to fit",
                    java.util.Arrays.asList(1.5, null),
                    List.of("2025: Some", "2026: not agreed"))));

    assertThat(chart.ticks())
        .extracting(Tick::position)
        .containsExactly(260.0, 380.0, 500.0, 620.0);
    GroupedBarChart.Group group = chart.groups().get(0);
    assertThat(group.label()).hasSize(40).endsWith("…");
    assertThat(group.bars().get(0).width()).isEqualTo(180);
    assertThat(group.bars().get(0).cssClass()).isEqualTo("fp-series-1");
    assertThat(group.bars().get(1).drawn()).isFalse();
    assertThat(group.bars().get(1).cssClass()).isEqualTo("fp-series-2");
    assertThat(group.bars().get(1).labelX()).isEqualTo(266);
  }

  @Test
  void fitsAProjectedMapToItsWidthAndShadesOnlyTheAreasGiven() {
    MapProjection projection =
        MapProjection.of(
            Map.of(
                "E1", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}"),
            108);

    assertThat(projection.viewBox()).isEqualTo("0 0 108 108");
    assertThat(projection.shapes().get(0).path())
        .isEqualTo("M4.0 104.0L104.0 104.0L104.0 4.0L4.0 4.0L4.0 104.0Z");
    ChoroplethMap map =
        ChoroplethMap.of(
            projection, s -> new ChoroplethMap.Area(s.code(), "One", s.path(), "fp-band-2", null));
    assertThat(map.areas()).extracting(ChoroplethMap.Area::cssClass).containsExactly("fp-band-2");
    assertThat(map.linked()).isFalse();
    assertThat(ChoroplethMap.of(projection, s -> null).areas()).isEmpty();
  }

  @Test
  void groupsSquaresInTheOrderGivenAndCountsEachStep() {
    List<SquareGrid.Item> items = new ArrayList<>();
    items.add(new SquareGrid.Item("x", "Second", 2));
    items.add(new SquareGrid.Item("y", "First", 1));
    items.add(new SquareGrid.Item("z", "Second", 2));
    SquareGrid grid = SquareGrid.of(items, ColourScale.steps("fp-decile-", List.of("1", "2", "3")));

    assertThat(grid.groups()).extracting(SquareGrid.Group::name).containsExactly("Second", "First");
    assertThat(grid.groups().get(0).stepCounts()).containsExactly(0, 0, 2, 0);
    assertThat(grid.groups().get(0).cells().get(1).cssClass()).isEqualTo("fp-decile-2");
    assertThat(grid.height()).isEqualTo(2 * (22 + 10 + 8));
  }

  @Test
  void placesANetworksNodesAroundTheCircleGroupByGroupAndBowsItsLinksInwards() {
    // Two groups: 3 nodes and 2 gaps of 1.5 steps make 6 steps of 60 degrees, from the top.
    NetworkChart chart =
        NetworkChart.of(
            List.of(
                new NetworkChart.Item("1", "Zed", "A", 0),
                new NetworkChart.Item("2", "Alpha", "A", 4),
                new NetworkChart.Item("3", "Beta", "B", 1)),
            List.of(
                new NetworkChart.Connection("1", "2", 1, "Zed and Alpha"),
                new NetworkChart.Connection("2", "3", 3, "Alpha and Beta"),
                new NetworkChart.Connection("1", "9", 1, "to no node"),
                new NetworkChart.Connection("3", "3", 2, "to itself")),
            List.of("B", "A"));

    assertThat(chart.nodes()).extracting(NetworkChart.Node::key).containsExactly("3", "2", "1");
    NetworkChart.Node beta = chart.nodes().get(0);
    assertThat(List.of(beta.x(), beta.y(), beta.radius(), beta.keyY()))
        .containsExactly(360.0, 90.0, 7.0, 79.0);
    assertThat(beta.anchor()).isEqualTo("middle");
    assertThat(beta.cssClass()).isEqualTo("fp-series-1");
    NetworkChart.Node alpha = chart.nodes().get(1);
    // 2.5 steps on: 60 degrees below the horizontal, on the right.
    assertThat(List.of(alpha.x(), alpha.y(), alpha.radius())).containsExactly(455.0, 444.5, 10.0);
    assertThat(alpha.anchor()).isEqualTo("start");
    assertThat(alpha.cssClass()).isEqualTo("fp-series-2");
    NetworkChart.Node zed = chart.nodes().get(2);
    assertThat(List.of(zed.x(), zed.y(), zed.radius())).containsExactly(265.0, 444.5, 4.0);
    assertThat(zed.anchor()).isEqualTo("end");

    assertThat(chart.groups())
        .extracting(g -> g.label() + " " + g.size() + " " + g.x() + "," + g.y())
        .containsExactly("B 1 360.0,54.0", "A 2 360.0,514.0");
    assertThat(chart.links())
        .extracting(NetworkChart.Link::path, NetworkChart.Link::strength)
        .containsExactly(
            tuple("M265 444.5 Q360 362.3 455 444.5", 1),
            tuple("M455 444.5 Q383.8 273.6 360 90", 2));
    assertThat(chart.links().get(1).cssClass()).isEqualTo("fp-chart__link fp-chart__link--2");
  }

  @Test
  void drawsTheSameNetworkWhateverTheOrderOfItsItems() {
    List<NetworkChart.Item> items =
        List.of(
            new NetworkChart.Item("1", "One", "A", 1),
            new NetworkChart.Item("2", "Two", "B", 2),
            new NetworkChart.Item("3", "Three", "A", 3));
    List<NetworkChart.Item> reversed = new ArrayList<>(items);
    java.util.Collections.reverse(reversed);
    List<NetworkChart.Connection> links = List.of(new NetworkChart.Connection("1", "2", 1, "x"));

    assertThat(NetworkChart.of(reversed, links, List.of("A", "B")))
        .isEqualTo(NetworkChart.of(items, links, List.of("A", "B")));
    assertThat(NetworkChart.of(List.of(), List.of(), List.of()).nodes()).isEmpty();
  }
}
