package org.fourthpurpose.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingSpreadTest {

  static Rating rating(MaturityLevel level, Fulfilment fulfilment) {
    return new Rating(1, "a", level, fulfilment, null, "", List.of(), 1, null);
  }

  @Test
  void partlyMetSitsHalfAStepBelowFullyMet() {
    assertThat(RatingSpread.score(MaturityLevel.NOT_YET_EMERGING, null)).isEqualTo(0.0);
    assertThat(RatingSpread.score(MaturityLevel.EMERGING, Fulfilment.PARTLY)).isEqualTo(0.5);
    assertThat(RatingSpread.score(MaturityLevel.ESTABLISHED, Fulfilment.FULLY)).isEqualTo(2.0);
    assertThat(RatingSpread.score(MaturityLevel.EXPANDING, Fulfilment.PARTLY)).isEqualTo(2.5);
  }

  @Test
  void countsEachLevelAndMeasuresTheRangeBetweenLowestAndHighest() {
    RatingSpread spread =
        RatingSpread.of(
            List.of(
                rating(MaturityLevel.EMERGING, Fulfilment.FULLY),
                rating(MaturityLevel.ESTABLISHED, Fulfilment.PARTLY),
                rating(MaturityLevel.EXPANDING, Fulfilment.FULLY)));
    assertThat(spread.count()).isEqualTo(3);
    assertThat(spread.countAt(MaturityLevel.ESTABLISHED)).isEqualTo(1);
    assertThat(spread.countAt(MaturityLevel.NOT_YET_EMERGING)).isZero();
    assertThat(spread.lowest()).isEqualTo(1.0);
    assertThat(spread.highest()).isEqualTo(3.0);
    assertThat(spread.range()).isEqualTo(2.0);
    assertThat(spread.mean()).isEqualTo(5.5 / 3);
    assertThat(spread.disagreement()).isTrue();
  }

  @Test
  void halfALevelApartIsNotCalledADisagreementAndOneRatingHasNoRange() {
    assertThat(
            RatingSpread.of(
                    List.of(
                        rating(MaturityLevel.EMERGING, Fulfilment.FULLY),
                        rating(MaturityLevel.ESTABLISHED, Fulfilment.PARTLY)))
                .disagreement())
        .isFalse();
    assertThat(RatingSpread.of(List.of(rating(MaturityLevel.EXPANDING, Fulfilment.FULLY))).range())
        .isZero();
    assertThat(RatingSpread.of(List.of()).count()).isZero();
  }
}
