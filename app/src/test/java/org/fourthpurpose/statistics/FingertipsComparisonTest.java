package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_FIVE;
import static org.fourthpurpose.statistics.ConfidenceLevel.NINETY_NINE_POINT_EIGHT;
import static org.fourthpurpose.statistics.Polarity.HIGHER_IS_BETTER;
import static org.fourthpurpose.statistics.Polarity.LOWER_IS_BETTER;
import static org.fourthpurpose.statistics.Polarity.NO_JUDGEMENT;
import static org.fourthpurpose.statistics.Significance.BETTER;
import static org.fourthpurpose.statistics.Significance.HIGHER;
import static org.fourthpurpose.statistics.Significance.LOWER;
import static org.fourthpurpose.statistics.Significance.SIMILAR;
import static org.fourthpurpose.statistics.Significance.WORSE;

import org.junit.jupiter.api.Test;

class FingertipsComparisonTest {

  // value 70, 95% [66, 74], 99.8% [64, 76]
  private static final ConfidenceInterval CI95 = new ConfidenceInterval(66, 74, NINETY_FIVE);
  private static final ConfidenceInterval CI998 =
      new ConfidenceInterval(64, 76, NINETY_NINE_POINT_EIGHT);

  private static FingertipsComparison against(double benchmark, Polarity polarity) {
    return FingertipsComparison.compare(70, CI95, CI998, benchmark, polarity);
  }

  @Test
  void anIntervalWhollyAboveTheBenchmarkAtBothLevelsIsBetterAtNinetyNinePointEight() {
    FingertipsComparison comparison = against(60, HIGHER_IS_BETTER);

    assertThat(comparison).isEqualTo(new FingertipsComparison(BETTER, BETTER));
    assertThat(comparison.strongest()).isEqualTo(BETTER);
    assertThat(comparison.label()).isEqualTo("Better (99.8%)");
  }

  @Test
  void aBenchmarkInsideTheNinetyNinePointEightIntervalOnlyIsSignificantAtNinetyFiveOnly() {
    FingertipsComparison comparison = against(65, HIGHER_IS_BETTER);

    assertThat(comparison).isEqualTo(new FingertipsComparison(BETTER, SIMILAR));
    assertThat(comparison.label()).isEqualTo("Better (95%)");
  }

  @Test
  void lowerIsBetterTurnsAHigherAreaIntoAWorseOne() {
    assertThat(against(65, LOWER_IS_BETTER)).isEqualTo(new FingertipsComparison(WORSE, SIMILAR));
    assertThat(against(80, LOWER_IS_BETTER)).isEqualTo(new FingertipsComparison(BETTER, BETTER));
  }

  @Test
  void noJudgementSaysHigherOrLowerInstead() {
    assertThat(against(60, NO_JUDGEMENT)).isEqualTo(new FingertipsComparison(HIGHER, HIGHER));
    assertThat(against(75, NO_JUDGEMENT)).isEqualTo(new FingertipsComparison(LOWER, SIMILAR));
    assertThat(against(75, NO_JUDGEMENT).label()).isEqualTo("Lower (95%)");
  }

  @Test
  void aBenchmarkInsideTheNinetyFiveIntervalIsSimilarAtBothLevels() {
    FingertipsComparison comparison = against(71, HIGHER_IS_BETTER);

    assertThat(comparison).isEqualTo(new FingertipsComparison(SIMILAR, SIMILAR));
    assertThat(comparison.label()).isEqualTo("Similar");
  }

  @Test
  void aBenchmarkExactlyOnALimitCountsAsOverlappingSoSimilar() {
    assertThat(against(66, HIGHER_IS_BETTER)).isEqualTo(new FingertipsComparison(SIMILAR, SIMILAR));
    assertThat(against(76, HIGHER_IS_BETTER)).isEqualTo(new FingertipsComparison(WORSE, SIMILAR));
  }

  @Test
  void worksOnIntervalsComputedHereForARealRate() {
    // 65 events per 100 against England at 45 per 100: Byars 95% [50.2, 82.8], 99.8% [42.9, 94.0]
    ConfidenceInterval ci95 = ByarsInterval.forRate(65, 100, 100, NINETY_FIVE);
    ConfidenceInterval ci998 = ByarsInterval.forRate(65, 100, 100, NINETY_NINE_POINT_EIGHT);

    assertThat(FingertipsComparison.compare(65, ci95, ci998, 45, LOWER_IS_BETTER))
        .isEqualTo(new FingertipsComparison(WORSE, SIMILAR));
  }

  @Test
  void rejectsIntervalsAtTheWrongLevelOrNotNestedOrMissingTheValue() {
    assertThatThrownBy(() -> FingertipsComparison.compare(70, CI998, CI998, 60, HIGHER_IS_BETTER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval95 must be at 95%, was at 99.8%");
    ConfidenceInterval narrow998 = new ConfidenceInterval(67, 73, NINETY_NINE_POINT_EIGHT);
    assertThatThrownBy(
            () -> FingertipsComparison.compare(70, CI95, narrow998, 60, HIGHER_IS_BETTER))
        .hasMessage("the 99.8% interval [67.0, 73.0] must contain the 95% interval [66.0, 74.0]");
    assertThatThrownBy(() -> FingertipsComparison.compare(90, CI95, CI998, 60, HIGHER_IS_BETTER))
        .hasMessage("value 90.0 lies outside its 95% interval [66.0, 74.0]");
    assertThatThrownBy(
            () -> FingertipsComparison.compare(70, CI95, CI998, Double.NaN, HIGHER_IS_BETTER))
        .hasMessage("benchmark must be a number, was NaN");
  }
}
