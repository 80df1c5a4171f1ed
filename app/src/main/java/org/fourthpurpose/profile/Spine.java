package org.fourthpurpose.profile;

import java.util.List;
import java.util.Objects;
import org.fourthpurpose.chart.SpineChart;
import org.fourthpurpose.indicator.Polarity;

/**
 * Where a system sits among the 42 on one indicator, as a spine chart: the systems' values, England
 * as the reference line and the system as the dot. When an indicator has a polarity, worse is on
 * the left; otherwise lower is.
 */
final class Spine {

  private Spine() {}

  /**
   * Lays out one indicator's spine, or returns null when the system or too few others have a value.
   */
  static SpineChart of(List<Double> values, Double england, Double area, Polarity polarity) {
    double[] known = values.stream().filter(Objects::nonNull).mapToDouble(d -> d).toArray();
    if (area == null || known.length < 5) {
      return null;
    }
    int rank = 0;
    for (double v : known) {
      if (v < area) {
        rank++;
      }
    }
    boolean lowerIsBetter = polarity == Polarity.LOWER_IS_BETTER;
    String description =
        "Of "
            + known.length
            + " systems with a value, "
            + rank
            + " have a lower value than this one"
            + (polarity == Polarity.NEITHER
                ? ""
                : (lowerIsBetter ? "; lower is better" : "; higher is better"));
    return SpineChart.of(known, england, area, lowerIsBetter, description);
  }
}
