package org.fourthpurpose.chart;

import static org.assertj.core.api.Assertions.assertThat;
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
}
