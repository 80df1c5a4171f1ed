package org.fourthpurpose.system;

import org.fourthpurpose.chart.ColourScale;

/**
 * The colour scales of the system pages: places shaded by the share of their population in the most
 * deprived 20% (Core20), and neighbourhoods by their national IMD decile.
 */
final class DeprivationScales {

  private DeprivationScales() {}

  /** Band 1 (few people in the most deprived fifth) to 5 (half or more). */
  static final ColourScale CORE20 = ColourScale.core20();

  /** Decile 1 (most deprived, darkest) to 10. */
  static final ColourScale DECILES = ColourScale.deprivationDeciles();

  /** A decile as the tables name it: "1 (most deprived)", "2", … "10 (least deprived)". */
  static String decileLabel(int decile) {
    return decile == 1
        ? "1 (most deprived)"
        : decile == 10 ? "10 (least deprived)" : Integer.toString(decile);
  }
}
