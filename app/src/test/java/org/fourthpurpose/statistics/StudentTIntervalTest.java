package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

import org.junit.jupiter.api.Test;

/** Expected values from R: {@code mean -/+ abs(qt(p, n - 1)) * sd / sqrt(n)}, as phe_mean. */
class StudentTIntervalTest {

  @Test
  void meanTenSdTwoOfTenObservationsAtBothLevels() {
    ConfidenceInterval at95 = StudentTInterval.of(10, 2, 10, NINETY_FIVE);
    ConfidenceInterval at998 = StudentTInterval.of(10, 2, 10, NINETY_NINE_POINT_EIGHT);

    assertThat(at95.lower()).isCloseTo(8.5692861880586708, within(1e-13));
    assertThat(at95.upper()).isCloseTo(11.430713811941329, within(1e-13));
    assertThat(at998.lower()).isCloseTo(7.2824614885328387, within(1e-13));
    assertThat(at998.upper()).isCloseTo(12.717538511467161, within(1e-13));
  }

  @Test
  void thePhemeanExampleOfThirtyFortyFiftySixtyGivesTwentyFourToSixtyFive() {
    double sd = 12.909944487358056; // sd(c(30, 40, 50, 60))
    ConfidenceInterval interval = StudentTInterval.of(45, sd, 4, NINETY_FIVE);

    assertThat(interval.lower()).isCloseTo(24.457397432394792, within(1e-12));
    assertThat(interval.upper()).isCloseTo(65.542602567605201, within(1e-12));
  }

  @Test
  void twoObservationsAreEnoughButGiveAVeryWideInterval() {
    ConfidenceInterval interval = StudentTInterval.of(5, 1, 2, NINETY_FIVE);

    assertThat(interval.lower()).isCloseTo(-3.9846435320937523, within(1e-13));
    assertThat(interval.upper()).isCloseTo(13.984643532093752, within(1e-13));
  }

  @Test
  void noSpreadGivesAnIntervalOfJustTheMean() {
    ConfidenceInterval interval = StudentTInterval.of(-3.5, 0, 3, NINETY_FIVE);

    assertThat(interval.lower()).isEqualTo(-3.5);
    assertThat(interval.upper()).isEqualTo(-3.5);
  }

  @Test
  void oneObservationCannotGiveAnIntervalBecauseThereAreNoDegreesOfFreedom() {
    assertThatThrownBy(() -> StudentTInterval.of(5, 1, 1, NINETY_FIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "n must be at least 2 for a confidence interval for a mean (with n = 1 there are no"
                + " degrees of freedom to estimate the spread from)");
  }

  @Test
  void rejectsANegativeOrMissingStandardDeviation() {
    assertThatThrownBy(() -> StudentTInterval.of(5, -1, 10, NINETY_FIVE))
        .hasMessage("sd must not be negative, was -1.0");
    assertThatThrownBy(() -> StudentTInterval.of(Double.NaN, 1, 10, NINETY_FIVE))
        .hasMessage("mean must be a number, was NaN");
  }
}
