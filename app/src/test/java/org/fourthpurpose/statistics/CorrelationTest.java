package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Pearson's r, Fisher's interval, the least-squares line and standardised residuals against values
 * worked by hand (and matching R's cor.test, lm and rstandard).
 */
class CorrelationTest {

  @Test
  void givesPearsonsRWithFishersIntervalAndTheLeastSquaresLine() {
    // x mean 3.5, y mean 16/3; Sxx 17.5, Syy 58.333..., Sxy 26:
    // r = 26 / sqrt(17.5 * 58.333) = 0.806873; slope 26 / 17.5 = 1.485714; intercept 0.133333.
    Correlation c =
        Correlation.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {2, 4, 5, 4, 5, 12});
    assertThat(c.n()).isEqualTo(6);
    assertThat(c.r()).isCloseTo(0.8068725665703278, within(1e-12));
    // atanh(r) -/+ 1.959964 / sqrt(3), back through tanh
    assertThat(c.lower95()).isCloseTo(-0.013583639444496481, within(1e-9));
    assertThat(c.upper95()).isCloseTo(0.9780081561766754, within(1e-9));
    assertThat(c.slope()).isCloseTo(1.4857142857142858, within(1e-12));
    assertThat(c.intercept()).isCloseTo(0.13333333333333286, within(1e-12));
    assertThat(c.standardisedResiduals().get(5)).isCloseTo(1.8805155001908764, within(1e-9));
    assertThat(c.standardisedResiduals().get(4)).isCloseTo(-1.3413331128044612, within(1e-9));
    assertThat(c.strength()).isEqualTo("a strong positive");
  }

  @Test
  void namesThePointFarFromTheLineAsAnOutlier() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] y = {1, 2, 3, 4, 15, 6, 7, 8, 9, 10};
    Correlation c = Correlation.of(x, y);
    assertThat(c.r()).isCloseTo(0.6693419514856722, within(1e-12));
    assertThat(c.standardisedResiduals().get(4)).isCloseTo(2.8284, within(1e-4));
    assertThat(c.outlier(4)).isTrue();
    for (int i = 0; i < x.length; i++) {
      if (i != 4) {
        assertThat(c.outlier(i)).as("point " + i).isFalse();
      }
    }
  }

  @Test
  void aPerfectLineHasRIsOneAndNoOutliers() {
    Correlation c = Correlation.of(new double[] {1, 2, 3, 4}, new double[] {10, 8, 6, 4});
    assertThat(c.r()).isEqualTo(-1.0);
    assertThat(c.slope()).isEqualTo(-2.0);
    assertThat(c.lower95()).isEqualTo(-1.0);
    assertThat(c.strength()).isEqualTo("a strong negative");
    assertThat(c.standardisedResiduals()).containsOnly(0.0);
  }

  @Test
  void refusesTooFewPairsAndMeasuresThatDoNotVary() {
    assertThatThrownBy(() -> Correlation.of(new double[] {1, 2}, new double[] {1, 2}))
        .hasMessageContaining("at least 3 pairs");
    assertThatThrownBy(() -> Correlation.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
        .hasMessageContaining("does not vary");
    assertThatThrownBy(() -> Correlation.of(new double[] {1, 2, 3}, new double[] {1, 2}))
        .hasMessageContaining("3 x values for 2 y values");
    // With three pairs there is no interval (n - 3 = 0).
    assertThat(Correlation.of(new double[] {1, 2, 3}, new double[] {1, 3, 2}).lower95()).isNaN();
  }
}
