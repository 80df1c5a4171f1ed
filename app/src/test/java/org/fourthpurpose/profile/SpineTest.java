package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.fourthpurpose.chart.SpineChart;
import org.fourthpurpose.indicator.Polarity;
import org.junit.jupiter.api.Test;

class SpineTest {

  private static final List<Double> VALUES = Arrays.asList(10.0, 20.0, 30.0, 40.0, 50.0, null);

  @Test
  void putsHigherValuesRightWhenHigherIsBetter() {
    SpineChart spine = Spine.of(VALUES, 30.0, 40.0, Polarity.HIGHER_IS_BETTER);
    assertThat(spine.min()).isEqualTo(0);
    assertThat(spine.max()).isEqualTo(SpineChart.WIDTH);
    assertThat(spine.reference()).isCloseTo(100, within(1e-9));
    assertThat(spine.marker()).isCloseTo(150, within(1e-9));
    assertThat(spine.lowerQuartile()).isCloseTo(50, within(1e-9));
    assertThat(spine.upperQuartile()).isCloseTo(150, within(1e-9));
    assertThat(spine.description())
        .isEqualTo(
            "Of 5 systems with a value, 3 have a lower value than this one; higher is better");
  }

  @Test
  void putsBetterOnTheRightWhenLowerIsBetter() {
    SpineChart spine = Spine.of(VALUES, 30.0, 10.0, Polarity.LOWER_IS_BETTER);
    assertThat(spine.marker()).isCloseTo(SpineChart.WIDTH, within(1e-9));
  }

  @Test
  void drawsNothingWithoutTheSystemsValueOrFiveValues() {
    assertThat(Spine.of(VALUES, 30.0, null, Polarity.NEITHER)).isNull();
    assertThat(Spine.of(List.of(1.0, 2.0), 1.5, 1.0, Polarity.NEITHER)).isNull();
  }
}
