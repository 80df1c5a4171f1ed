package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked XmR charts, one small monthly series per rule and option. The arithmetic of each
 * expected mean and limit is written next to it.
 */
class SpcTest {

  private static final Offset<Double> EXACT = within(1e-9);
  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  private static List<SpcInput> monthly(double... values) {
    List<SpcInput> series = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      series.add(new SpcInput(START.plusMonths(i), values[i]));
    }
    return series;
  }

  private static double[] alternating(double low, double high, int pairs, double... then) {
    double[] values = new double[pairs * 2 + then.length];
    for (int i = 0; i < pairs; i++) {
      values[2 * i] = low;
      values[2 * i + 1] = high;
    }
    System.arraycopy(then, 0, values, pairs * 2, then.length);
    return values;
  }

  private static List<SpcRule> rules(SpcResult result) {
    return result.points().stream().map(SpcPoint::rule).toList();
  }

  private static List<PointType> types(SpcResult result) {
    return result.points().stream().map(SpcPoint::pointType).toList();
  }

  @Test
  void screeningDropsTheBigMovingRangeSoTwoInThreeOutranksTheShift() {
    // 10, 11 five times, then 10 and 30: mean = 145 / 12; moving ranges ten 1s and one 20,
    // average 30 / 11; 20 >= 3.267 x 30 / 11 = 8.91 is screened out, leaving an average of 1.
    SpcResult result =
        Spc.xmr(monthly(alternating(10, 11, 5, 10, 30)), SpcOptions.of(Improvement.INCREASE));

    SpcPoint first = result.points().get(0);
    assertThat(first.mean()).isCloseTo(145.0 / 12, EXACT);
    assertThat(first.lpl()).isCloseTo(145.0 / 12 - 2.66, EXACT);
    assertThat(first.upl()).isCloseTo(145.0 / 12 + 2.66, EXACT);
    // Two sigma below is 145/12 - 5.32/3 = 10.31, so every 10 is beyond two sigma (but inside
    // the limit 9.42), and all eleven points before 30 are below the mean: the 10s take the
    // higher-ranked 2-in-3 rule, the 11s the shift, and 30 (above 14.74) is outside the limits.
    List<SpcRule> expectedRules = new ArrayList<>();
    List<PointType> expectedTypes = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      expectedRules.add(i % 2 == 0 ? SpcRule.TWO_IN_THREE : SpcRule.SHIFT);
      expectedTypes.add(PointType.SPECIAL_CAUSE_CONCERN);
    }
    expectedRules.add(SpcRule.OUTSIDE_LIMITS);
    expectedTypes.add(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(rules(result)).isEqualTo(expectedRules);
    assertThat(types(result)).isEqualTo(expectedTypes);
    assertThat(result.groups())
        .containsExactly(
            new SpcSummary(
                0,
                145.0 / 12,
                145.0 / 12 - 2.66,
                145.0 / 12 + 2.66,
                12,
                VariationType.SPECIAL_CAUSE_IMPROVEMENT,
                null));
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void withoutScreeningTheBigMovingRangeWidensTheLimitsAndOnlyTheShiftRemains() {
    SpcResult result =
        Spc.xmr(
            monthly(alternating(10, 11, 5, 10, 30)),
            SpcOptions.of(Improvement.INCREASE).withScreenOutliers(false));

    // Average moving range 30 / 11: limits 145/12 -/+ 2.66 x 30/11 = 4.8288 and 19.3379; two
    // sigma below is 7.2470, so no 10 is beyond it and the eleven low points are one shift.
    SpcPoint first = result.points().get(0);
    assertThat(first.lpl()).isCloseTo(145.0 / 12 - 2.66 * 30 / 11, EXACT);
    assertThat(first.upl()).isCloseTo(145.0 / 12 + 2.66 * 30 / 11, EXACT);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(11, SpcRule.SHIFT));
    expected.add(SpcRule.OUTSIDE_LIMITS);
    assertThat(rules(result)).isEqualTo(expected);
  }

  @Test
  void aNeutralMeasureHasHighAndLowSpecialCauses() {
    SpcResult result =
        Spc.xmr(monthly(alternating(10, 11, 5, 10, 30)), SpcOptions.of(Improvement.NEUTRAL));

    assertThat(types(result).subList(0, 11))
        .containsOnly(PointType.SPECIAL_CAUSE_NEUTRAL_LOW)
        .hasSize(11);
    assertThat(types(result).get(11)).isEqualTo(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH);
    assertThat(result.latestGroup().variationType())
        .isEqualTo(VariationType.SPECIAL_CAUSE_NEUTRAL_HIGH);
  }

  private static final double[] TREND = {
    10, 14, 10, 14, 10, 14, 10, 10.5, 11, 11.5, 12, 12.5, 13, 10
  };

  @Test
  void sevenRisingPointsAreATrendMarkedWhicheverWayTheMeasureImproves() {
    // Mean 162.5 / 14; moving ranges six 4s, six 0.5s and a 3: average 30 / 13, nothing screened
    // (cap 7.54); limits 5.4687 and 17.7456, two sigma 7.5148 and 15.6995: no point beyond.
    // The sides of the mean never run to seven, but 10, 10.5, ..., 13 rise seven times running.
    SpcResult up = Spc.xmr(monthly(TREND), SpcOptions.of(Improvement.INCREASE));
    SpcResult down = Spc.xmr(monthly(TREND), SpcOptions.of(Improvement.DECREASE));
    SpcResult neutral = Spc.xmr(monthly(TREND), SpcOptions.of(Improvement.NEUTRAL));

    assertThat(up.points().get(0).mean()).isCloseTo(162.5 / 14, EXACT);
    assertThat(up.points().get(0).lpl()).isCloseTo(162.5 / 14 - 2.66 * 30 / 13, EXACT);
    assertThat(up.points().get(0).upl()).isCloseTo(162.5 / 14 + 2.66 * 30 / 13, EXACT);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(6, (SpcRule) null));
    expected.addAll(Collections.nCopies(7, SpcRule.TREND));
    expected.add(null);
    assertThat(rules(up)).isEqualTo(expected);
    assertThat(types(up).subList(6, 13)).containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(types(down).subList(6, 13)).containsOnly(PointType.SPECIAL_CAUSE_CONCERN);
    assertThat(types(neutral).subList(6, 13)).containsOnly(PointType.SPECIAL_CAUSE_NEUTRAL_HIGH);
    assertThat(up.latestGroup().variationType()).isEqualTo(VariationType.COMMON_CAUSE);
    assertThat(SpcRule.TREND.describe(1, 7)).isEqualTo("7 Point Trend (Increasing)");
  }

  @Test
  void sixRisingPointsAreATrendOnlyWithTheSixPointOption() {
    // The same series cut after 12.5 and ended with 10: six rising points (10 ... 12.5). Mean
    // 149.5 / 13 = 11.5; average moving range 29 / 12; no point beyond two sigma.
    double[] six = {10, 14, 10, 14, 10, 14, 10, 10.5, 11, 11.5, 12, 12.5, 10};
    SpcResult seven = Spc.xmr(monthly(six), SpcOptions.of(Improvement.DECREASE));
    SpcResult sixRun =
        Spc.xmr(monthly(six), SpcOptions.of(Improvement.DECREASE).withSixPointRun(true));

    assertThat(seven.points().get(0).mean()).isCloseTo(11.5, EXACT);
    assertThat(seven.points().get(0).upl()).isCloseTo(11.5 + 2.66 * 29 / 12, EXACT);
    assertThat(types(seven)).containsOnly(PointType.COMMON_CAUSE);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(6, (SpcRule) null));
    expected.addAll(Collections.nCopies(6, SpcRule.TREND));
    expected.add(null);
    assertThat(rules(sixRun)).isEqualTo(expected);
    assertThat(types(sixRun).subList(6, 12)).containsOnly(PointType.SPECIAL_CAUSE_CONCERN);
    // Same limits either way: the option changes the rules, never the arithmetic.
    assertThat(sixRun.groups().get(0)).isEqualTo(seven.groups().get(0));
  }

  @Test
  void sixPointsAboveTheMeanAreAShiftOnlyWithTheSixPointOption() {
    // 8, 12 three times, 8, six 11s, 8: mean 142 / 14 = 10.142857; moving ranges six 4s, two 3s
    // and five 0s, average 30 / 13; limits 4.0044 and 16.2813, two sigma 6.0505 and 14.2352.
    double[] values = {8, 12, 8, 12, 8, 12, 8, 11, 11, 11, 11, 11, 11, 8};
    SpcResult seven = Spc.xmr(monthly(values), SpcOptions.of(Improvement.INCREASE));
    SpcResult six =
        Spc.xmr(monthly(values), SpcOptions.of(Improvement.INCREASE).withSixPointRun(true));

    assertThat(seven.points().get(0).mean()).isCloseTo(142.0 / 14, EXACT);
    assertThat(seven.points().get(0).lpl()).isCloseTo(142.0 / 14 - 2.66 * 30 / 13, EXACT);
    assertThat(types(seven)).containsOnly(PointType.COMMON_CAUSE);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(7, (SpcRule) null));
    expected.addAll(Collections.nCopies(6, SpcRule.SHIFT));
    expected.add(null);
    assertThat(rules(six)).isEqualTo(expected);
    assertThat(types(six).subList(7, 13)).containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(SpcRule.SHIFT.describe(1, 6)).isEqualTo("6 Points Above CL");
  }

  @Test
  void twoOfThreeBeyondTwoSigmaOnTheSameSideMarksOnlyThePointsBeyond() {
    // 10, 11 six times; 13.5, 11, 13.5; 10, 11, 10; 7.5, 10, 7.5; 11, 10, 11. Mean 252 / 24 =
    // 10.5. Moving ranges: fifteen 1s, six 2.5s, two 3.5s = 37 over 23 (cap 5.26, none out).
    // Two sigma = 10.5 -/+ (5.32 / 3)(37 / 23) = 7.6472 and 13.3528; limits 6.2209 and 14.7791.
    double[] values = alternating(10, 11, 6, 13.5, 11, 13.5, 10, 11, 10, 7.5, 10, 7.5, 11, 10, 11);
    SpcResult result = Spc.xmr(monthly(values), SpcOptions.of(Improvement.INCREASE));

    assertThat(result.points().get(0).mean()).isCloseTo(10.5, EXACT);
    assertThat(result.points().get(0).lpl()).isCloseTo(10.5 - 2.66 * 37 / 23, EXACT);
    assertThat(result.points().get(0).upl()).isCloseTo(10.5 + 2.66 * 37 / 23, EXACT);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(24, (SpcRule) null));
    for (int i : new int[] {12, 14, 18, 20}) {
      expected.set(i, SpcRule.TWO_IN_THREE);
    }
    assertThat(rules(result)).isEqualTo(expected);
    assertThat(result.points().get(12).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(result.points().get(14).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(result.points().get(18).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
    assertThat(result.points().get(20).pointType()).isEqualTo(PointType.SPECIAL_CAUSE_CONCERN);
    // The middle point of each window (11, 10) is not beyond two sigma and stays common cause.
    assertThat(result.points().get(13).pointType()).isEqualTo(PointType.COMMON_CAUSE);
  }

  @Test
  void twoPointsBeyondTwoSigmaOnOppositeSidesAreNotASpecialCause() {
    // As above but the high pair is split by a low point: 13.5, 7.5, 13.5 are beyond two sigma
    // on opposite sides, so no window has all three on one side (the package's fix of #143).
    double[] values = alternating(10, 11, 6, 13.5, 7.5, 13.5, 7.5, 10, 11, 10, 11, 10, 11, 10, 11);
    SpcResult result = Spc.xmr(monthly(values), SpcOptions.of(Improvement.INCREASE));

    assertThat(result.points().get(0).mean()).isCloseTo(252.0 / 24, EXACT);
    assertThat(rules(result)).containsOnlyNulls();
  }

  private static final double[] REBASED =
      alternating(10, 11, 6, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21);

  @Test
  void rebasingGivesEachGroupItsOwnMeanAndLimits() {
    LocalDate rebase = START.plusMonths(12);
    SpcResult result =
        Spc.xmr(monthly(REBASED), SpcOptions.of(Improvement.INCREASE).withRebase(List.of(rebase)));

    // Each group: mean of its own 10s and 11s (or 20s and 21s), moving ranges all 1 (the jump
    // from 11 to 20 belongs to neither group), limits mean -/+ 2.66.
    assertThat(result.groups())
        .containsExactly(
            new SpcSummary(0, 10.5, 7.84, 13.16, 12, VariationType.COMMON_CAUSE, null),
            new SpcSummary(1, 20.5, 17.84, 23.16, 12, VariationType.COMMON_CAUSE, null));
    assertThat(result.points().get(11).rebaseGroup()).isZero();
    assertThat(result.points().get(12).rebaseGroup()).isEqualTo(1);
    assertThat(result.points().get(12).lpl()).isCloseTo(17.84, EXACT);
    assertThat(types(result)).containsOnly(PointType.COMMON_CAUSE);
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void withoutRebasingTheStepIsOutsideTheLimitsOnBothSides() {
    // Mean 15.5; moving ranges twenty-two 1s and a 9: the 9 is screened (cap 3.267 x 31 / 23),
    // so the limits are 15.5 -/+ 2.66 and every point is outside them.
    SpcResult result = Spc.xmr(monthly(REBASED), SpcOptions.of(Improvement.INCREASE));

    assertThat(result.groups())
        .containsExactly(
            new SpcSummary(
                0, 15.5, 12.84, 18.16, 24, VariationType.SPECIAL_CAUSE_IMPROVEMENT, null));
    assertThat(types(result).subList(0, 12)).containsOnly(PointType.SPECIAL_CAUSE_CONCERN);
    assertThat(types(result).subList(12, 24)).containsOnly(PointType.SPECIAL_CAUSE_IMPROVEMENT);
    assertThat(rules(result)).containsOnly(SpcRule.OUTSIDE_LIMITS);
  }

  @Test
  void shortGroupsAndUnmatchedRebaseDatesAreWarnedAbout() {
    SpcResult result =
        Spc.xmr(
            monthly(REBASED),
            SpcOptions.of(Improvement.INCREASE)
                .withRebase(List.of(START.plusMonths(18), LocalDate.of(2030, 1, 15))));

    assertThat(result.groups()).extracting(SpcSummary::n).containsExactly(18, 6);
    assertThat(result.warnings())
        .containsExactly(
            "Rebase group 1 has 6 points, fewer than 12: its limits are trial limits that will"
                + " move as points are added.",
            "The rebase date 2030-01-15 matches no point, so nothing was rebased there.");
  }

  @Test
  void aRebaseOnTheFirstPointNumbersTheOnlyGroupOneAsThePackageDoes() {
    SpcResult result =
        Spc.xmr(monthly(REBASED), SpcOptions.of(Improvement.INCREASE).withRebase(List.of(START)));

    assertThat(result.groups()).extracting(SpcSummary::rebaseGroup).containsExactly(1);
  }

  private static final double[] FIXED = alternating(10, 11, 6, 14, 15, 14, 15);

  @Test
  void fixingAfterTwelvePointsKeepsTheBaselineLimits() {
    SpcResult result =
        Spc.xmr(monthly(FIXED), SpcOptions.of(Improvement.INCREASE).withFixAfter(12));

    // Mean and moving ranges of the first 12 only: 10.5 and 1, limits 7.84 and 13.16, so the
    // four new points (14, 15) are all above the upper limit.
    assertThat(result.groups())
        .containsExactly(
            new SpcSummary(
                0, 10.5, 7.84, 13.16, 16, VariationType.SPECIAL_CAUSE_IMPROVEMENT, null));
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(12, (SpcRule) null));
    expected.addAll(Collections.nCopies(4, SpcRule.OUTSIDE_LIMITS));
    assertThat(rules(result)).isEqualTo(expected);
  }

  @Test
  void unfixedLimitsTakeInTheNewPoints() {
    SpcResult result = Spc.xmr(monthly(FIXED), SpcOptions.of(Improvement.INCREASE));

    // Mean 184 / 16 = 11.5; moving ranges eleven 1s, a 3 and three 1s: 17 / 15 (cap 3.70 keeps
    // the 3). Limits 11.5 -/+ 2.66 x 17 / 15 = 8.4853 and 14.5147; two sigma above 13.5098.
    // The 15s are outside, the 14s 2-in-3, and the twelve baseline points all below the mean.
    assertThat(result.latestGroup().mean()).isCloseTo(11.5, EXACT);
    assertThat(result.latestGroup().upl()).isCloseTo(11.5 + 2.66 * 17 / 15, EXACT);
    List<SpcRule> expected = new ArrayList<>(Collections.nCopies(12, SpcRule.SHIFT));
    expected.addAll(
        List.of(
            SpcRule.TWO_IN_THREE,
            SpcRule.OUTSIDE_LIMITS,
            SpcRule.TWO_IN_THREE,
            SpcRule.OUTSIDE_LIMITS));
    assertThat(rules(result)).isEqualTo(expected);
    assertThat(types(result).subList(0, 12)).containsOnly(PointType.SPECIAL_CAUSE_CONCERN);
  }

  @Test
  void assuranceComparesTheTargetWithTheLatestGroupsLimits() {
    SpcOptions rebased =
        SpcOptions.of(Improvement.INCREASE).withRebase(List.of(START.plusMonths(12)));
    // Latest group limits 17.84 .. 23.16.
    assertThat(assurance(rebased.withTarget(25))).isEqualTo(AssuranceType.CONSISTENT_FAIL);
    assertThat(assurance(rebased.withTarget(15))).isEqualTo(AssuranceType.CONSISTENT_PASS);
    assertThat(assurance(rebased.withTarget(20))).isEqualTo(AssuranceType.INCONSISTENT);
    SpcOptions lower =
        new SpcOptions(
            Improvement.DECREASE,
            rebased.target(),
            rebased.rebase(),
            rebased.fixAfter(),
            true,
            false);
    assertThat(assurance(lower.withTarget(25))).isEqualTo(AssuranceType.CONSISTENT_PASS);
    assertThat(assurance(lower.withTarget(15))).isEqualTo(AssuranceType.CONSISTENT_FAIL);
    assertThat(assurance(lower.withTarget(23.16 - 1e-9))).isEqualTo(AssuranceType.INCONSISTENT);
    SpcOptions neutral =
        new SpcOptions(
            Improvement.NEUTRAL,
            rebased.target(),
            rebased.rebase(),
            rebased.fixAfter(),
            true,
            false);
    assertThat(assurance(neutral.withTarget(25))).isNull();
    assertThat(assurance(rebased)).isNull();

    SpcResult result = Spc.xmr(monthly(REBASED), rebased.withTarget(25));
    assertThat(result.groups().get(0).assuranceType()).isNull();
  }

  private static AssuranceType assurance(SpcOptions options) {
    return Spc.xmr(monthly(REBASED), options).latestGroup().assuranceType();
  }

  @Test
  void pointsAreReturnedInDateOrderWhateverTheInputOrder() {
    List<SpcInput> shuffled = new ArrayList<>(monthly(TREND));
    Collections.reverse(shuffled);
    SpcResult result = Spc.xmr(shuffled, SpcOptions.of(Improvement.INCREASE));

    assertThat(result.points()).extracting(SpcPoint::y).containsExactly(box(TREND));
    assertThat(result.points().get(0).x()).isEqualTo(START);
  }

  @Test
  void aFlatSeriesAndASinglePointHaveNoLimitsAsInThePackage() {
    // Every moving range is 0 and 0 < 3.267 x 0 is false, so screening leaves none: R's mean of
    // nothing is NaN. Nothing can then be outside or beyond two sigma.
    SpcResult flat = Spc.xmr(monthly(5, 5, 5, 5, 5, 5, 5, 5), SpcOptions.of(Improvement.INCREASE));
    assertThat(flat.latestGroup().lpl()).isNaN();
    assertThat(flat.latestGroup().mean()).isEqualTo(5.0);
    assertThat(types(flat)).containsOnly(PointType.COMMON_CAUSE);

    SpcResult one = Spc.xmr(monthly(7), SpcOptions.of(Improvement.INCREASE).withTarget(1));
    assertThat(one.latestGroup().upl()).isNaN();
    assertThat(one.latestGroup().assuranceType()).isEqualTo(AssuranceType.INCONSISTENT);
    assertThat(one.warnings()).hasSize(1);
  }

  @Test
  void refusesEmptySeriesRepeatedDatesNonFiniteValuesAndShortFixes() {
    SpcOptions options = SpcOptions.of(Improvement.INCREASE);
    assertThatThrownBy(() -> Spc.xmr(List.of(), options))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Spc.xmr(List.of(new SpcInput(START, 1), new SpcInput(START, 2)), options))
        .hasMessage("the date 2024-01-01 appears twice");
    assertThatThrownBy(() -> new SpcInput(START, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options.withFixAfter(11))
        .hasMessage("fixAfter must be at least 12, was 11");
    assertThat(Improvement.fromCode(" Decrease ")).isEqualTo(Improvement.DECREASE);
    assertThatThrownBy(() -> Improvement.fromCode("up"))
        .hasMessage("improvement must be increase, decrease or neutral, was up");
  }

  private static Double[] box(double[] values) {
    Double[] boxed = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
