package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistics checked against R: {@code prop.trend.test} for proportions, {@code lm(value ~ time,
 * weights = 1/se^2)} for estimates. The series is the example in PHEindicatormethods' {@code
 * assign_trend_markers} documentation.
 */
class RecentTrendTest {

  private static final double[] COUNTS = {1367, 1332, 1199, 1023, 994};
  private static final double[] DENOMINATORS = {44701, 44064, 42811, 41527, 40299};

  private static List<ProportionAtPeriod> falling(double firstYear) {
    List<ProportionAtPeriod> series = new ArrayList<>();
    for (int i = 0; i < COUNTS.length; i++) {
      series.add(new ProportionAtPeriod(firstYear + i, COUNTS[i], DENOMINATORS[i]));
    }
    return series;
  }

  @Test
  void aFallingProportionIsDecreasingWithRsChiSquaredForTrend() {
    RecentTrend trend = RecentTrend.forProportions(falling(1), Polarity.LOWER_IS_BETTER);

    assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
    assertThat(trend.chiSquared()).isCloseTo(47.896676707589123, within(1e-9));
    assertThat(trend.pValue()).isCloseTo(4.4928251628660387e-12, within(1e-20));
    assertThat(trend.judgement()).isEqualTo(RecentTrend.Judgement.GETTING_BETTER);
    assertThat(trend.label()).isEqualTo("Decreasing and getting better");
    assertThat(trend.reason()).isEmpty();
  }

  @Test
  void yearsAsPeriodsGiveTheSameStatisticAsScoresOneToFive() {
    RecentTrend trend = RecentTrend.forProportions(falling(2019), Polarity.HIGHER_IS_BETTER);

    assertThat(trend.chiSquared()).isCloseTo(47.896676707588341, within(1e-9));
    assertThat(trend.label()).isEqualTo("Decreasing and getting worse");
  }

  @Test
  void onlyTheLastFivePeriodsCountWhateverOrderTheyArriveIn() {
    List<ProportionAtPeriod> series = new ArrayList<>(falling(2019));
    series.add(new ProportionAtPeriod(2010, 0, 50_000)); // old and would dominate if used
    java.util.Collections.reverse(series);

    assertThat(RecentTrend.forProportions(series, Polarity.NO_JUDGEMENT).chiSquared())
        .isCloseTo(47.896676707588341, within(1e-9));
    assertThat(RecentTrend.forProportions(series, Polarity.NO_JUDGEMENT).label())
        .isEqualTo("Decreasing");
  }

  @Test
  void aFlatSeriesHasNoSignificantChange() {
    double[] events = {50, 52, 49, 51, 55};
    List<ProportionAtPeriod> series = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      series.add(new ProportionAtPeriod(i + 1, events[i], 1000));
    }

    RecentTrend trend = RecentTrend.forProportions(series, Polarity.HIGHER_IS_BETTER);

    assertThat(trend.direction()).isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
    assertThat(trend.chiSquared()).isCloseTo(0.1661264480688707, within(1e-12));
    assertThat(trend.judgement()).isEqualTo(RecentTrend.Judgement.NOT_JUDGED);
  }

  @Test
  void significanceNeedsAChiSquaredAboveTheNinetyNinePointEightPercentPoint() {
    assertThat(RecentTrend.CRITICAL_VALUE).isCloseTo(9.5495357060832422, within(1e-12));
  }

  @Test
  void fewerThanFivePointsCannotBeCalculated() {
    RecentTrend trend =
        RecentTrend.forProportions(falling(1).subList(0, 4), Polarity.HIGHER_IS_BETTER);

    assertThat(trend.direction()).isEqualTo(TrendDirection.CANNOT_BE_CALCULATED);
    assertThat(trend.reason()).isEqualTo("needs at least 5 points, has 4");
    assertThat(trend.chiSquared()).isNaN();
    assertThat(trend.label()).isEqualTo("Cannot be calculated");
  }

  @Test
  void aRepeatedPeriodOrAMissingNumeratorCannotBeCalculated() {
    List<ProportionAtPeriod> repeated = new ArrayList<>(falling(1));
    repeated.set(4, new ProportionAtPeriod(4, 994, 40299));
    List<ProportionAtPeriod> missing = new ArrayList<>(falling(1));
    missing.set(2, new ProportionAtPeriod(3, Double.NaN, 42811));

    assertThat(RecentTrend.forProportions(repeated, Polarity.NO_JUDGEMENT).reason())
        .isEqualTo("period 4.0 appears more than once");
    assertThat(RecentTrend.forProportions(missing, Polarity.NO_JUDGEMENT).reason())
        .isEqualTo("the numerator or denominator is missing for period 3.0");
  }

  @Test
  void noEventsInAnyPeriodLeaveTheTestUndefined() {
    List<ProportionAtPeriod> none = new ArrayList<>();
    for (int year = 1; year <= 5; year++) {
      none.add(new ProportionAtPeriod(year, 0, 100));
    }

    RecentTrend trend = RecentTrend.forProportions(none, Polarity.LOWER_IS_BETTER);

    assertThat(trend.direction()).isEqualTo(TrendDirection.CANNOT_BE_CALCULATED);
    assertThat(trend.reason()).isEqualTo("the test is undefined when every period has no events");
  }

  @Test
  void ratesWithIntervalsAreTestedByWeightedRegressionAsInR() {
    double[] values = {30.6, 30.2, 28, 24.6, 24.67};
    double[] lower = {28.98, 28.63, 26.44, 23.15, 23.16};
    double[] upper = {32.25, 31.9, 29.64, 26.19, 26.25};
    List<EstimateAtPeriod> series = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      series.add(new EstimateAtPeriod(i + 1, values[i], lower[i], upper[i]));
    }

    RecentTrend trend = RecentTrend.forEstimates(series, Polarity.LOWER_IS_BETTER);

    assertThat(trend.chiSquared()).isCloseTo(46.76359716054948, within(1e-9));
    assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
    assertThat(trend.label()).isEqualTo("Decreasing and getting better");
  }

  @Test
  void anEstimateWithoutAnIntervalCannotBeCalculated() {
    List<EstimateAtPeriod> series = new ArrayList<>();
    for (int year = 1; year <= 5; year++) {
      series.add(new EstimateAtPeriod(year, 10, year == 5 ? Double.NaN : 9, 11));
    }

    RecentTrend trend = RecentTrend.forEstimates(series, Polarity.LOWER_IS_BETTER);

    assertThat(trend.direction()).isEqualTo(TrendDirection.CANNOT_BE_CALCULATED);
    assertThat(trend.reason())
        .isEqualTo("the value or a confidence limit is missing for period 5.0");
  }
}
