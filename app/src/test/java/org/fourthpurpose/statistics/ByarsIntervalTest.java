package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

import org.junit.jupiter.api.Test;

/** Expected values from R: {@code qchisq} for the exact interval, {@code byars_*} otherwise. */
class ByarsIntervalTest {

  @Test
  void sixtyFiveEventsUseByarsApproximation() {
    ConfidenceInterval interval = ByarsInterval.forCount(65, NINETY_FIVE);

    assertThat(ByarsInterval.methodFor(65)).isEqualTo(ByarsInterval.Method.BYARS);
    assertThat(interval.lower()).isCloseTo(50.1631877104595, within(1e-12));
    assertThat(interval.upper()).isCloseTo(82.8491385459398, within(1e-12));
  }

  @Test
  void nineEventsUseTheExactPoissonIntervalAndTenUseByars() {
    ConfidenceInterval nine = ByarsInterval.forCount(9, NINETY_NINE_POINT_EIGHT);

    assertThat(ByarsInterval.methodFor(9)).isEqualTo(ByarsInterval.Method.EXACT);
    assertThat(ByarsInterval.methodFor(10)).isEqualTo(ByarsInterval.Method.BYARS);
    assertThat(nine.lower()).isCloseTo(2.4524244043637746, within(1e-13));
    assertThat(nine.upper()).isCloseTo(22.65737330906293, within(1e-13));
    assertThat(ByarsInterval.forCount(10, NINETY_NINE_POINT_EIGHT).lower())
        .isCloseTo(2.91631837469569, within(1e-13));
  }

  @Test
  void zeroEventsHaveALowerLimitOfZeroAndAnUpperLimitOfMinusLogHalfAlpha() {
    ConfidenceInterval at95 = ByarsInterval.forCount(0, NINETY_FIVE);
    ConfidenceInterval at998 = ByarsInterval.forCount(0, NINETY_NINE_POINT_EIGHT);

    assertThat(at95.lower()).isZero();
    assertThat(at95.upper()).isCloseTo(3.6888794541139354, within(1e-13));
    assertThat(at998.lower()).isZero();
    assertThat(at998.upper()).isCloseTo(6.9077552789821359, within(1e-13));
  }

  @Test
  void oneAndTwoEventsMatchRsChiSquaredQuantiles() {
    ConfidenceInterval one = ExactPoissonInterval.of(1, NINETY_FIVE);
    ConfidenceInterval two = ExactPoissonInterval.of(2, NINETY_FIVE);

    assertThat(one.lower()).isCloseTo(0.0253178079842899, within(1e-15));
    assertThat(one.upper()).isCloseTo(5.5716433909389, within(1e-12));
    assertThat(two.lower()).isCloseTo(0.24220927854396487, within(1e-15));
    assertThat(two.upper()).isCloseTo(7.2246876677239582, within(1e-14));
  }

  @Test
  void aRateIsTheCountIntervalPerDenominatorTimesTheMultiplier() {
    ConfidenceInterval rate = ByarsInterval.forRate(222, 3215, 100_000, NINETY_FIVE);

    assertThat(rate.lower()).isCloseTo(6026.57487765267, within(1e-8));
    assertThat(rate.upper()).isCloseTo(7875.72937087185, within(1e-8));
  }

  @Test
  void aRateMayHaveMoreEventsThanItsDenominator() {
    ConfidenceInterval rate = ByarsInterval.forRate(250, 220, 100_000, NINETY_FIVE);

    assertThat(rate.lower()).isCloseTo(99984.9473853288, within(1e-7));
    assertThat(rate.upper()).isCloseTo(128631.144874558, within(1e-7));
  }

  @Test
  void byarsApproximationBelowOneEventAtNinetyNinePointEightGoesNegativeAndIsFlooredAtZero() {
    assertThat(ByarsInterval.approximateLower(1, NINETY_NINE_POINT_EIGHT))
        .isCloseTo(-0.002814481523183207, within(1e-15));
    assertThat(ByarsInterval.approximation(1, NINETY_NINE_POINT_EIGHT).lower()).isZero();
    assertThat(ByarsInterval.approximateUpper(1, NINETY_NINE_POINT_EIGHT))
        .isCloseTo(9.36218021790836, within(1e-12));
  }

  @Test
  void rejectsNegativeCountsAndNonPositiveDenominatorsNamingTheInput() {
    assertThatThrownBy(() -> ByarsInterval.forCount(-4, NINETY_FIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative, was -4.0");
    assertThatThrownBy(() -> ByarsInterval.forRate(5, 0, 100_000, NINETY_FIVE))
        .hasMessage("denominator must be greater than 0, was 0.0");
    assertThatThrownBy(() -> ByarsInterval.forRate(5, 100, -1, NINETY_FIVE))
        .hasMessage("multiplier must be greater than 0, was -1.0");
  }
}
