package org.fourthpurpose.system;

import java.util.List;
import org.fourthpurpose.chart.ColourScale;

/**
 * The colour scales of the system pages: places shaded by the share of their population in the most
 * deprived 20% (Core20), and neighbourhoods by their national IMD decile.
 */
final class DeprivationScales {

  private DeprivationScales() {}

  /** Band 1 (few people in the most deprived fifth) to 5 (half or more). */
  static final ColourScale CORE20 =
      ColourScale.thresholds(
          "fp-band-",
          List.of(0.05, 0.15, 0.30, 0.50, 1.01),
          List.of(
              "under 5%",
              "5% to under 15%", "15% to under 30%", "30% to under 50%", "50% or more"));

  /** Decile 1 (most deprived, darkest) to 10. */
  static final ColourScale DECILES =
      ColourScale.steps(
          "fp-decile-",
          List.of("1 most deprived", "2", "3", "4", "5", "6", "7", "8", "9", "10 least deprived"));

  /** A decile as the tables name it: "1 (most deprived)", "2", … "10 (least deprived)". */
  static String decileLabel(int decile) {
    return decile == 1
        ? "1 (most deprived)"
        : decile == 10 ? "10 (least deprived)" : Integer.toString(decile);
  }
}
