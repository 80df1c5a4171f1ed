package org.fourthpurpose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.chart.BarChart;
import org.fourthpurpose.deprivation.DecilePopulation;
import org.junit.jupiter.api.Test;

class DecileChartTest {

  /** England with 10% of people in every decile. */
  private static final List<DecilePopulation> ENGLAND =
      deciles(10, 10, 10, 10, 10, 10, 10, 10, 10, 10);

  @Test
  void scalesBarsToTheLargestShareRoundedUpToFivePercent() {
    BarChart chart = DecileChart.of(deciles(20, 10, 10, 10, 10, 10, 10, 10, 5, 5), ENGLAND);

    assertThat(chart.axisMax()).isCloseTo(0.2, within(1e-9));
    assertThat(chart.bars().get(0).barWidth()).isCloseTo(BarChart.PLOT, within(1e-9));
    assertThat(chart.bars().get(8).barWidth()).isCloseTo(BarChart.PLOT / 4.0, within(1e-9));
    assertThat(chart.width()).isEqualTo(BarChart.LABEL + BarChart.PLOT + BarChart.VALUE);
    assertThat(chart.bars().get(9).label()).isEqualTo("10 (least deprived)");
  }

  @Test
  void putsTheValueAfterTheBarWhenEnglandsMarkerIsInsideItOrWellBeyondIt() {
    BarChart chart = DecileChart.of(deciles(20, 10, 10, 10, 10, 10, 10, 10, 9, 1), ENGLAND);

    BarChart.Bar longer = chart.bars().get(0); // 20% against England's 10%
    assertThat(longer.valueX()).isEqualTo(longer.barX() + longer.barWidth() + 6);
    BarChart.Bar muchShorter = chart.bars().get(9); // 1% against 10%: room for the label
    assertThat(muchShorter.valueX()).isEqualTo(muchShorter.barX() + muchShorter.barWidth() + 6);
  }

  @Test
  void movesTheValuePastEnglandsMarkerWhenTheMarkerWouldRunThroughIt() {
    BarChart chart = DecileChart.of(deciles(20, 10, 10, 10, 10, 10, 10, 10, 9, 1), ENGLAND);

    BarChart.Bar slightlyShorter = chart.bars().get(8); // 9% against 10%
    assertThat(slightlyShorter.markerX())
        .isGreaterThan(slightlyShorter.barX() + slightlyShorter.barWidth());
    assertThat(slightlyShorter.valueX()).isEqualTo(slightlyShorter.markerX() + 6);
  }

  /** Populations in percent, decile 1 first. */
  private static List<DecilePopulation> deciles(long... percent) {
    List<DecilePopulation> deciles = new ArrayList<>();
    for (int i = 0; i < percent.length; i++) {
      deciles.add(new DecilePopulation(i + 1, percent[i] * 1000, 1));
    }
    return deciles;
  }
}
