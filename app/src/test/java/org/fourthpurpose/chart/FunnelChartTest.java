package org.fourthpurpose.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The funnel plot's layout, worked out by hand. */
class FunnelChartTest {

  private static String format(double v) {
    return String.format(java.util.Locale.ROOT, "%.0f", v);
  }

  @Test
  void laysOutMarkersByPositionAndTheLimitsAsLines() {
    FunnelChart chart =
        FunnelChart.of(
            List.of(
                new FunnelChart.Item(
                    "Bee", 200, 40, FunnelChart.Position.ABOVE_998, "fp-compare-5", "Bee: 40"),
                new FunnelChart.Item(
                    "Ay", 100, 20, FunnelChart.Position.WITHIN, "fp-compare-3", "Ay: 20")),
            List.of(
                new FunnelChart.Limit(100, 10, 15, 45, 50),
                new FunnelChart.Limit(200, Double.NaN, 20, 40, 45)),
            30,
            FunnelChartTest::format,
            FunnelChartTest::format);

    // Values 20 to 40 with 15% margins (17 to 43) widen to 10 .. 50 in steps of 10, drawn from
    // 280 (bottom) to 10; denominators 0 .. 200 in steps of 50, drawn from 64 to 600.
    assertThat(chart.ticks()).extracting(Tick::label).containsExactly("10", "20", "30", "40", "50");
    assertThat(chart.xTicks())
        .extracting(Tick::label)
        .containsExactly("0", "50", "100", "150", "200");
    assertThat(chart.targetY()).isCloseTo(145, within(1e-9));
    FunnelChart.Point ay = chart.points().get(0);
    assertThat(ay.name()).isEqualTo("Ay");
    assertThat(ay.x()).isCloseTo(332, within(1e-9));
    assertThat(ay.y()).isCloseTo(212.5, within(1e-9));
    assertThat(ay.circle()).isTrue();
    assertThat(ay.radius()).isEqualTo(4);
    FunnelChart.Point bee = chart.points().get(1);
    // A large triangle pointing up: tip 7 above the centre (600, 77.5), base 4.9 below it.
    assertThat(bee.path()).isEqualTo("M600.0 70.5 L607.0 82.4 L593.0 82.4 Z");
    assertThat(bee.cssClass()).isEqualTo("fp-compare-5");
    // The missing 99.8% lower limit at 200 is left out of its line.
    assertThat(chart.lower998()).isEqualTo("332.0,280.0");
    assertThat(chart.upper95()).isEqualTo("332.0,43.8 600.0,77.5");
    assertThat(chart.plotHeight()).isEqualTo(270);
  }

  @Test
  void shapesSayTheDirectionAndSizeSaysHowFar() {
    assertThat(FunnelChart.Position.ABOVE_95.shape()).isEqualTo("up");
    assertThat(FunnelChart.Position.BELOW_998.shape()).isEqualTo("down");
    assertThat(FunnelChart.Position.WITHIN.shape()).isEqualTo("circle");
    assertThat(FunnelChart.Position.BELOW_998.beyond998()).isTrue();
    assertThat(FunnelChart.Position.BELOW_95.beyond998()).isFalse();
  }
}
