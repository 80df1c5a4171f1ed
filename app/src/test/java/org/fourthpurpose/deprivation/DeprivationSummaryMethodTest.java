package org.fourthpurpose.deprivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeprivationSummaryMethodTest {

  // A national set of N = 100 LSOAs keeps percentiles equal to ranks, so the sums below are easy to
  // check by hand.
  private static final int N = 100;

  private static LsoaDeprivation lsoa(String code, double score, int rank, long population) {
    int decile = (rank - 1) * 10 / N + 1;
    return new LsoaDeprivation(code, score, rank, decile, population);
  }

  @Test
  void summarisesASmallAreaExactlyAsWorkedOutByHand() {
    List<LsoaDeprivation> area =
        List.of(
            lsoa("A", 50.0, 5, 100), // decile 1, percentile 5: extent weight 1
            lsoa("B", 30.0, 11, 200), // percentile 11: weight 0.95
            lsoa("C", 20.0, 30, 300), // percentile 30: weight 0.05
            lsoa("D", 5.0, 80, 400)); // weight 0
    SummaryMeasures m = DeprivationSummaryMethod.summarise(area, N);

    // (50×100 + 30×200 + 20×300 + 5×400) / 1000 = 19,000 / 1000
    assertThat(m.averageScore()).isCloseTo(19.0, within(1e-12));
    // reversed ranks 96, 90, 71, 21: (9,600 + 18,000 + 21,300 + 8,400) / 1000
    assertThat(m.averageRank()).isCloseTo(57.3, within(1e-12));
    // one LSOA of four in decile 1
    assertThat(m.proportionMostDeprived10()).isEqualTo(0.25);
    // (100×1 + 200×0.95 + 300×0.05) / 1000
    assertThat(m.extent()).isCloseTo(0.305, within(1e-12));
    // 10% of 1000 = 100 people: exactly LSOA A, reversed rank 96
    assertThat(m.localConcentration()).isCloseTo(96.0, within(1e-12));
  }

  @Test
  void localConcentrationTakesThePartOfAnLsoaNeededToReachTenPercent() {
    List<LsoaDeprivation> area =
        List.of(lsoa("A", 1, 1, 50), lsoa("B", 1, 2, 100), lsoa("C", 1, 50, 850));
    // 100 people needed: all 50 of A (reversed rank 100) and 50 of B (reversed rank 99)
    SummaryMeasures m = DeprivationSummaryMethod.summarise(area, N);
    assertThat(m.localConcentration()).isCloseTo((50 * 100 + 50 * 99) / 100.0, within(1e-12));
  }

  @Test
  void extentWeightsFallFromNinetyFivePercentToFivePercentOverPercentilesElevenToThirty() {
    assertThat(DeprivationSummaryMethod.extentWeight(10)).isEqualTo(1.0);
    assertThat(DeprivationSummaryMethod.extentWeight(11)).isCloseTo(0.95, within(1e-12));
    assertThat(DeprivationSummaryMethod.extentWeight(20))
        .isCloseTo(0.95 - 9 * 0.9 / 19, within(1e-12));
    assertThat(DeprivationSummaryMethod.extentWeight(30)).isCloseTo(0.05, within(1e-12));
    assertThat(DeprivationSummaryMethod.extentWeight(31)).isEqualTo(0.0);
  }

  @Test
  void percentilesFollowTheRankAmongAllLsoasInEngland() {
    assertThat(DeprivationSummaryMethod.percentile(1, 33_755)).isEqualTo(1);
    assertThat(DeprivationSummaryMethod.percentile(338, 33_755))
        .isEqualTo(1); // 100×337/33,755 = 0.998
    assertThat(DeprivationSummaryMethod.percentile(339, 33_755)).isEqualTo(2);
    assertThat(DeprivationSummaryMethod.percentile(33_755, 33_755)).isEqualTo(100);
  }

  @Test
  void averageScoreIsMissingWhenAnyLsoaHasNoScore() {
    List<LsoaDeprivation> area =
        List.of(new LsoaDeprivation("A", null, 3, 1, 10), new LsoaDeprivation("B", 2.0, 60, 6, 10));
    SummaryMeasures m = DeprivationSummaryMethod.summarise(area, N);
    assertThat(m.averageScore()).isNull();
    assertThat(m.averageRank()).isCloseTo((98 + 41) / 2.0, within(1e-12));
  }

  @Test
  void rejectsRanksOutsideTheNationalRangeAndEmptyAreas() {
    assertThatThrownBy(() -> DeprivationSummaryMethod.summarise(List.of(lsoa("A", 1, 101, 5)), N))
        .hasMessageContaining("A has rank 101 outside 1–100");
    assertThatThrownBy(() -> DeprivationSummaryMethod.summarise(List.of(), N))
        .hasMessageContaining("at least one LSOA");
  }

  @Test
  void areasWithEqualValuesShareTheBestRank() {
    Integer[] ranks = AreaRanking.rankDescending(new Double[] {3.0, 5.0, 3.0, null, 1.0});
    assertThat(ranks).containsExactly(2, 1, 2, null, 4);
  }
}
