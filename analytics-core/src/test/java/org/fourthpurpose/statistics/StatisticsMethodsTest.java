package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small statistics of the equity analyses, against values worked out by hand. */
class StatisticsMethodsTest {

  @Test
  void continuousQuantileInterpolatesBetweenClosestRanksAsRType7() {
    double[] values = {10, 20, 30, 40};
    assertThat(ContinuousQuantile.of(values, 0.5)).isEqualTo(25.0);
    // h = 3 × 0.92 = 2.76 → 30 + 0.76 × 10 (R: quantile(c(10, 20, 30, 40), 0.92) = 37.6)
    assertThat(ContinuousQuantile.of(values, 0.92)).isCloseTo(37.6, within(1e-12));
    assertThat(ContinuousQuantile.of(values, 1.0)).isEqualTo(40.0);
    assertThat(ContinuousQuantile.of(new double[] {7}, 0.92)).isEqualTo(7.0);
  }

  @Test
  void rateRatioByTheLogMethod() {
    // 30/100 vs 15/100: RR 2; SE = √(1/30 − 1/100 + 1/15 − 1/100) = √0.08 = 0.282843;
    // limits 2 × exp(∓1.959964 × 0.282843) = 1.148878 and 3.481658.
    RateRatio ratio = RateRatio.of(30, 100, 15, 100).orElseThrow();
    assertThat(ratio.ratio()).isCloseTo(2.0, within(1e-12));
    assertThat(ratio.lower()).isCloseTo(1.148878, within(1e-6));
    assertThat(ratio.upper()).isCloseTo(3.481658, within(1e-6));
    assertThat(RateRatio.of(0, 100, 15, 100)).isEmpty();
    assertThat(RateRatio.of(5, 100, 0, 100)).isEmpty();
  }

  @Test
  void indirectStandardisationWithByarsInterval() {
    // O = 12, E = 10. Byar: 12 × (1 − 1/108 − z/(3√12))³ = 6.193510;
    // 13 × (1 − 1/117 + z/(3√13))³ = 20.962858.
    IndirectStandardisation ratio = IndirectStandardisation.of(12, 10.0);
    assertThat(ratio.ratio()).isCloseTo(1.2, within(1e-12));
    assertThat(ratio.lower()).isCloseTo(0.6193510, within(1e-6));
    assertThat(ratio.upper()).isCloseTo(2.0962858, within(1e-6));
    // Nothing observed: exact Poisson upper limit −ln(0.025) = 3.688879.
    IndirectStandardisation none = IndirectStandardisation.of(0, 2.0);
    assertThat(none.lower()).isZero();
    assertThat(none.upper()).isCloseTo(3.688879 / 2, within(1e-6));
  }

  @Test
  void expectedEventsComeFromTheStandardsRatePerStratum() {
    // The group has 40 pathways in 110 (where 25% of all wait over 18 weeks) and 10 in 130 (50%).
    double expected =
        IndirectStandardisation.expected(
            Map.of("110", 40L, "130", 10L),
            Map.of("110", 100L, "130", 50L),
            Map.of("110", 400L, "130", 100L));
    assertThat(expected).isCloseTo(40 * 0.25 + 10 * 0.5, within(1e-12));
    assertThatThrownBy(
            () ->
                IndirectStandardisation.expected(
                    Map.of("999", 1L), Map.of("110", 1L), Map.of("110", 2L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slopeIndexOfAPerfectGradientWithEqualPopulations() {
    // Five quintiles of 100 each, values 10 … 50 most deprived first: midpoints b = 0.1 … 0.9;
    // slope 50 (cov 20 / var 0.4), intercept 30 − 50 × 0.5 = 5, RII (5 + 50) / 5 = 11.
    SlopeIndexOfInequality sii =
        SlopeIndexOfInequality.estimate(
            List.of(
                new SlopeIndexOfInequality.Quantile(100, 10),
                new SlopeIndexOfInequality.Quantile(100, 20),
                new SlopeIndexOfInequality.Quantile(100, 30),
                new SlopeIndexOfInequality.Quantile(100, 40),
                new SlopeIndexOfInequality.Quantile(100, 50)));
    assertThat(sii.sii()).isCloseTo(50, within(1e-9));
    assertThat(sii.intercept()).isCloseTo(5, within(1e-9));
    assertThat(sii.rii()).isCloseTo(11, within(1e-9));
  }

  @Test
  void slopeIndexWeightsQuantilesByPopulationAsWeightedLeastSquares() {
    // Populations 100, 100, 200, 100, 500 → a = .1 .1 .2 .1 .5, b = .05 .15 .3 .45 .75;
    // values .5 .4 .3 .3 .1. Weighted means: b̄ = .5, v̄ = .23; Σa(b−b̄)(v−v̄) = −.0375,
    // Σa(b−b̄)² = .072 → slope −.520833, intercept .23 + .520833 × .5 = .490417
    // (R: coef(lm(v ~ b, weights = a)) gives 0.4904166667 and −0.5208333333).
    SlopeIndexOfInequality sii =
        SlopeIndexOfInequality.estimate(
            List.of(
                new SlopeIndexOfInequality.Quantile(100, 0.5),
                new SlopeIndexOfInequality.Quantile(100, 0.4),
                new SlopeIndexOfInequality.Quantile(200, 0.3),
                new SlopeIndexOfInequality.Quantile(100, 0.3),
                new SlopeIndexOfInequality.Quantile(500, 0.1)));
    assertThat(sii.sii()).isCloseTo(-0.5208333333, within(1e-9));
    assertThat(sii.intercept()).isCloseTo(0.4904166667, within(1e-9));
    assertThat(sii.rii()).isCloseTo((sii.intercept() + sii.sii()) / sii.intercept(), within(1e-12));
  }

  @Test
  void slopeIndexNeedsFiveToAHundredQuantilesWithPeople() {
    assertThatThrownBy(
            () ->
                SlopeIndexOfInequality.estimate(List.of(new SlopeIndexOfInequality.Quantile(1, 1))))
        .hasMessageContaining("between 5 and 100");
  }
}
