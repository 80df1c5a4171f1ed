package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceLevelTest {

  @Test
  void fingertipsLevelsHaveTheNormalQuantilesOfR() {
    assertThat(ConfidenceLevel.NINETY_FIVE.z()).isCloseTo(1.9599639845400536, within(1e-14));
    assertThat(ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z())
        .isCloseTo(3.0902323061678132, within(1e-14));
    assertThat(ConfidenceLevel.ofPercent(99.8)).isEqualTo(ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
  }

  @Test
  void anyLevelBetweenZeroAndOneHundredIsAllowed() {
    assertThat(ConfidenceLevel.ofPercent(90).z()).isCloseTo(1.6448536269514715, within(1e-14));
    assertThat(ConfidenceLevel.ofPercent(90).alpha()).isCloseTo(0.1, within(1e-16));
  }

  @Test
  void rejectsLevelsWrittenAsFractionsOrOutOfRange() {
    assertThatThrownBy(() -> ConfidenceLevel.ofPercent(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence level must be a percentage strictly between 0 and 100, was 100.0");
    assertThatThrownBy(() -> ConfidenceLevel.ofPercent(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntervalRejectsLimitsTheWrongWayRound() {
    assertThatThrownBy(() -> new ConfidenceInterval(2, 1, ConfidenceLevel.NINETY_FIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower limit 2.0 must not be above upper limit 1.0");
  }
}
