package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.fourthpurpose.statistics.ContinuousQuantile;
import org.junit.jupiter.api.Test;

/**
 * The engines' wait histogram gives the same quantiles as R's type 7 over the raw values. It lives
 * beside the port, not in statistics' tests, so that statistics never depends on analytics.
 */
class WaitHistogramTest {

  @Test
  void aWaitHistogramGivesExactlyTheQuantilesOfItsValues() {
    Random random = new Random(92L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      double[] values = new double[n];
      WaitHistogram histogram = new WaitHistogram();
      for (int i = 0; i < n; i++) {
        int days = random.nextInt(random.nextBoolean() ? 20 : 800);
        values[i] = days;
        histogram.add(days, 1);
      }
      Arrays.sort(values);
      assertThat(histogram.quantile(0.5)).isEqualTo(ContinuousQuantile.of(values, 0.5));
      assertThat(histogram.quantile(0.92)).isEqualTo(ContinuousQuantile.of(values, 0.92));
      long over18 = Arrays.stream(values).filter(v -> v > 126).count();
      assertThat(histogram.statistics().over18Weeks()).isEqualTo(over18);
    }
  }
}
