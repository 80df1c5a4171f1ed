package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;

import org.junit.jupiter.api.Test;

/** Expected values from R: {@code wilson_lower} and {@code wilson_upper} of PHEindicatormethods. */
class WilsonIntervalTest {

  @Test
  void sixtyFiveOfOneHundredAtNinetyFivePercentIsFiftyFiveToSeventyFourPercent() {
    ConfidenceInterval interval = WilsonInterval.of(65, 100, NINETY_FIVE);

    assertThat(interval.lower()).isCloseTo(0.55254443296888, within(1e-14));
    assertThat(interval.upper()).isCloseTo(0.736357517569025, within(1e-14));
    assertThat(interval.level()).isEqualTo(NINETY_FIVE);
  }

  @Test
  void noEventsGiveALowerLimitOfExactlyZeroAndAWideUpperLimit() {
    ConfidenceInterval interval = WilsonInterval.of(0, 1, NINETY_FIVE);

    assertThat(interval.lower()).isZero();
    assertThat(interval.upper()).isCloseTo(0.79345068562276255, within(1e-15));
  }

  @Test
  void numeratorEqualToDenominatorGivesAnUpperLimitOfExactlyOne() {
    ConfidenceInterval one = WilsonInterval.of(1, 1, NINETY_FIVE);
    ConfidenceInterval two = WilsonInterval.of(2, 2, NINETY_NINE_POINT_EIGHT);

    assertThat(one.lower()).isCloseTo(0.2065493143772375, within(1e-15));
    assertThat(one.upper()).isEqualTo(1);
    assertThat(two.lower()).isCloseTo(0.17316713423783631, within(1e-15));
    assertThat(two.upper()).isEqualTo(1);
  }

  @Test
  void tinyDenominatorsGiveSymmetricWideIntervals() {
    ConfidenceInterval half = WilsonInterval.of(1, 2, NINETY_FIVE);
    ConfidenceInterval none = WilsonInterval.of(0, 2, NINETY_NINE_POINT_EIGHT);

    assertThat(half.lower()).isCloseTo(0.094531205734230739, within(1e-15));
    assertThat(half.upper()).isCloseTo(0.90546879426576921, within(1e-15));
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(0.82683286576216375, within(1e-15));
  }

  @Test
  void aFractionalNumeratorIsAllowedAsInTheRPackage() {
    ConfidenceInterval interval = WilsonInterval.of(0.445, 1, NINETY_FIVE);

    assertThat(interval.lower()).isCloseTo(0.0438174477205882, within(1e-14));
    assertThat(interval.upper()).isCloseTo(0.933462127697916, within(1e-14));
  }

  @Test
  void rejectsANumeratorAboveTheDenominator() {
    assertThatThrownBy(() -> WilsonInterval.of(101, 100, NINETY_FIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numerator 101.0 must not be greater than denominator 100.0 for a proportion");
  }

  @Test
  void rejectsNegativeMissingAndZeroInputsNamingTheInput() {
    assertThatThrownBy(() -> WilsonInterval.of(-1, 100, NINETY_FIVE))
        .hasMessage("numerator must not be negative, was -1.0");
    assertThatThrownBy(() -> WilsonInterval.of(Double.NaN, 100, NINETY_FIVE))
        .hasMessage("numerator must be a number, was NaN");
    assertThatThrownBy(() -> WilsonInterval.of(0, 0, NINETY_FIVE))
        .hasMessage("denominator must be greater than 0, was 0.0");
  }
}
