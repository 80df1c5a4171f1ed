package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Funnel plots worked by hand: positions, limits and over-dispersion for each statistic. */
class FunnelPlotTest {

  private static List<FunnelPosition> positions(FunnelPlot plot) {
    return plot.points().stream().map(FunnelPoint::position).toList();
  }

  @Test
  void proportionsArePlacedByWhetherTheirWilsonIntervalReachesTheTarget() {
    // Target 100 / 300 = 1/3. Wilson intervals at n = 100: 50 → 95% [0.4038, 0.5962], 99.8%
    // lower 0.3524 (above the target even at 99.8%); 20 → 95% upper 0.2888, 99.8% upper 0.3471
    // (below at 95% only); 30 → [0.2189, 0.3958] (within).
    FunnelPlot plot =
        FunnelPlot.of(
            FunnelStatistic.PROPORTION,
            List.of(
                new FunnelInput("A", 50, 100),
                new FunnelInput("B", 20, 100),
                new FunnelInput("C", 30, 100)),
            100,
            Overdispersion.NONE);

    assertThat(plot.target()).isCloseTo(100.0 / 3, within(1e-12));
    assertThat(positions(plot))
        .containsExactly(FunnelPosition.ABOVE_998, FunnelPosition.BELOW_95, FunnelPosition.WITHIN);
    assertThat(plot.points().get(0).value()).isEqualTo(50.0);
  }

  @Test
  void aProportionLimitIsTheValueWhoseWilsonIntervalJustReachesTheTarget() {
    FunnelPlot plot =
        FunnelPlot.of(
            FunnelStatistic.PROPORTION,
            List.of(new FunnelInput("A", 50, 100), new FunnelInput("B", 10, 100)),
            1,
            Overdispersion.NONE);
    // Target 60 / 200 = 0.3: at every denominator drawn, each limit is a Wilson bound of 0.3.
    for (FunnelLimit limit : plot.limits()) {
      double n = limit.denominator();
      assertThat(WilsonInterval.of(limit.upper95() * n, n, ConfidenceLevel.NINETY_FIVE).lower())
          .isCloseTo(0.3, within(1e-9));
      assertThat(WilsonInterval.of(limit.lower95() * n, n, ConfidenceLevel.NINETY_FIVE).upper())
          .isCloseTo(0.3, within(1e-9));
      assertThat(
              WilsonInterval.of(limit.upper998() * n, n, ConfidenceLevel.NINETY_NINE_POINT_EIGHT)
                  .lower())
          .isCloseTo(0.3, within(1e-9));
    }
    // Both denominators are 100: from floor(95) to its leading digit, 90, up to 105 rounded to two
    // digits, 105; the hundred steps grow by at least 1, so they run 90, 91, ... past 105.
    assertThat(plot.limits()).hasSize(100);
    assertThat(plot.limits().get(0).denominator()).isEqualTo(90.0);
    assertThat(plot.limits().get(1).denominator()).isEqualTo(91.0);
  }

  @Test
  void ratiosUseTheExactPoissonIntervalBelowTenEvents() {
    // No events: the exact 95% upper bound is -ln(0.025) = 3.689 and the 99.8% one -ln(0.001) =
    // 6.908. Over 4 expected: 0.922 < 1 at 95% only; over 7: 0.987 < 1 at 99.8%; over 3: within.
    // One event: the lower bounds are -ln(0.975) = 0.0253 and -ln(0.999) = 0.0010005, so with
    // 0.02 expected it is above at 95% and with 0.001 above at 99.8%.
    FunnelPlot plot =
        FunnelPlot.of(
            FunnelStatistic.RATIO,
            List.of(
                new FunnelInput("A", 0, 4),
                new FunnelInput("B", 0, 7),
                new FunnelInput("C", 0, 3),
                new FunnelInput("D", 1, 0.02),
                new FunnelInput("E", 1, 0.001)),
            100,
            Overdispersion.NONE);

    assertThat(plot.target()).isEqualTo(100.0);
    assertThat(positions(plot))
        .containsExactly(
            FunnelPosition.BELOW_95,
            FunnelPosition.BELOW_998,
            FunnelPosition.WITHIN,
            FunnelPosition.ABOVE_95,
            FunnelPosition.ABOVE_998);
  }

  @Test
  void ratiosUseByarsFromTenEvents() {
    // 25 observed: Byar's lower bounds 25 (1 - 1/225 - z/15)^3 = 16.174 (95%), 12.304 (99.8%).
    // With 12 expected both exceed 12: above the 99.8% limit; with 13, only the 95% one.
    FunnelPlot plot =
        FunnelPlot.of(
            FunnelStatistic.RATIO,
            List.of(new FunnelInput("A", 25, 12), new FunnelInput("B", 25, 13)),
            1,
            Overdispersion.NONE);

    assertThat(positions(plot)).containsExactly(FunnelPosition.ABOVE_998, FunnelPosition.ABOVE_95);
  }

  @Test
  void theExactLimitsAreTheCountsWhoseIntervalJustReachesTheExpectedCount() {
    // P(X >= 1 | E) = 1 - e^-E = 0.025 at E = -ln(0.975): one event is the upper 95% count there.
    assertThat(FunnelPlot.upperCount(-Math.log(0.975), ConfidenceLevel.NINETY_FIVE))
        .isCloseTo(1, within(1e-9));
    // P(X >= 2 | E) = 1 - e^-E (1 + E) = 0.975 at E = 5.5716434: one event is the lower count.
    assertThat(FunnelPlot.lowerCount(5.571643390938898, ConfidenceLevel.NINETY_FIVE))
        .isCloseTo(1, within(1e-7));
    // Below E = ln 40 = 3.689 even no events is within the 95% limits: no lower limit above 0.
    assertThat(FunnelPlot.lowerCount(3.6, ConfidenceLevel.NINETY_FIVE)).isZero();
  }

  @Test
  void ratesArePlacedByTheirCountIntervalAgainstTheOverallRate() {
    // Target 60 / 30,000 = 0.002 (200 per 100,000). 30 events: Byar's 95% lower 20.24 / 10,000
    // = 0.0020237 > 0.002, 99.8% lower 0.00158: above at 95%. 10 events: 95% upper 0.001839 <
    // 0.002, 99.8% upper 0.00242: below at 95%. 20 events: within.
    FunnelPlot plot =
        FunnelPlot.of(
            FunnelStatistic.RATE,
            List.of(
                new FunnelInput("A", 30, 10_000),
                new FunnelInput("B", 10, 10_000),
                new FunnelInput("C", 20, 10_000)),
            100_000,
            Overdispersion.NONE);

    assertThat(plot.target()).isCloseTo(200, within(1e-9));
    assertThat(positions(plot))
        .containsExactly(FunnelPosition.ABOVE_95, FunnelPosition.BELOW_95, FunnelPosition.WITHIN);
    // Every limit drawn brackets the target, the 99.8% ones outside the 95% ones.
    for (FunnelLimit limit : plot.limits()) {
      assertThat(limit.lower998()).isLessThanOrEqualTo(limit.lower95());
      assertThat(limit.lower95()).isLessThan(200);
      assertThat(limit.upper95()).isGreaterThan(200).isLessThan(limit.upper998());
    }
  }

  private static final List<FunnelInput> DISPERSED =
      List.of(
          new FunnelInput("A", 100, 100),
          new FunnelInput("B", 120, 100),
          new FunnelInput("C", 80, 100),
          new FunnelInput("D", 140, 100),
          new FunnelInput("E", 60, 100));

  @Test
  void overdispersionIsEstimatedFromWinsorisedZScores() {
    // Ratios with 100 expected each: z = (O/E - 1) / sqrt(1/100) = 0, 2, -2, 4, -4. R's 10th and
    // 90th percentiles of the five are -3.2 and 3.2, so the z-scores become 0, 2, -2, 3.2, -3.2:
    // phi = (0 + 4 + 4 + 10.24 + 10.24) / 5 = 5.696. tau^2 = (5 x 5.696 - 4) / (500 - 50,000 /
    // 500) = 24.48 / 400 = 0.0612.
    FunnelPlot plot = FunnelPlot.of(FunnelStatistic.RATIO, DISPERSED, 1, Overdispersion.NONE);

    assertThat(plot.phi()).isCloseTo(5.696, within(1e-12));
    assertThat(plot.tau2()).isCloseTo(0.0612, within(1e-12));
    // Unadjusted, by Byar's bounds: 120 has a 95% lower bound of 99.49 (within); 80 a 95% upper
    // bound of 99.57 (below, 95%); 140 a 99.8% lower bound of 106.25 and 60 a 99.8% upper bound
    // of 88.03 (both beyond 99.8%).
    assertThat(positions(plot))
        .containsExactly(
            FunnelPosition.WITHIN,
            FunnelPosition.WITHIN,
            FunnelPosition.BELOW_95,
            FunnelPosition.ABOVE_998,
            FunnelPosition.BELOW_998);
  }

  @Test
  void multiplicativeAdjustmentWidensTheLimitsBySquareRootPhi() {
    FunnelPlot plot =
        FunnelPlot.of(FunnelStatistic.RATIO, DISPERSED, 1, Overdispersion.MULTIPLICATIVE);

    // At E = 100: 1 -/+ 1.959964 x sqrt(5.696 / 100) = 1 -/+ 0.467771: 1.4 and 0.6 are within.
    FunnelLimit at100 =
        plot.limits().stream().filter(l -> l.denominator() == 100).findFirst().orElseThrow();
    double z95 = ConfidenceLevel.NINETY_FIVE.z();
    assertThat(at100.upper95()).isCloseTo(1 + z95 * Math.sqrt(0.05696), within(1e-12));
    assertThat(at100.lower95()).isCloseTo(1 - z95 * Math.sqrt(0.05696), within(1e-12));
    assertThat(positions(plot)).containsOnly(FunnelPosition.WITHIN);
  }

  @Test
  void additiveAdjustmentAddsTheBetweenAreaVariance() {
    FunnelPlot plot = FunnelPlot.of(FunnelStatistic.RATIO, DISPERSED, 1, Overdispersion.ADDITIVE);

    // At E = 100: 1 -/+ z sqrt(0.01 + 0.0612): 95% half-width 0.522984, 99.8% 0.824579.
    FunnelLimit at100 =
        plot.limits().stream().filter(l -> l.denominator() == 100).findFirst().orElseThrow();
    double z998 = ConfidenceLevel.NINETY_NINE_POINT_EIGHT.z();
    assertThat(at100.upper998()).isCloseTo(1 + z998 * Math.sqrt(0.0712), within(1e-12));
    assertThat(at100.upper95()).isCloseTo(1.5229836, within(1e-6));
    assertThat(positions(plot)).containsOnly(FunnelPosition.WITHIN);
  }

  @Test
  void refusesNoAreasAndAProportionAboveOne() {
    assertThatThrownBy(() -> FunnelPlot.of(FunnelStatistic.RATE, List.of(), 1, Overdispersion.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                FunnelPlot.of(
                    FunnelStatistic.PROPORTION,
                    List.of(new FunnelInput("A", 5, 4)),
                    100,
                    Overdispersion.NONE))
        .hasMessageContaining("greater than its denominator");
    assertThatThrownBy(() -> new FunnelInput("A", 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
