package org.fourthpurpose.system;

/**
 * Bands for shading places on a map by the share of their population in the most deprived 20%
 * (Core20).
 */
final class MapShading {

  private MapShading() {}

  static final double[] UPPER_BOUNDS = {0.05, 0.15, 0.30, 0.50, 1.01};
  static final String[] LABELS = {
    "under 5%", "5% to under 15%", "15% to under 30%", "30% to under 50%", "50% or more"
  };

  /** Band 1 (few people in the most deprived fifth) to 5 (half or more). */
  static int band(double core20Share) {
    for (int i = 0; i < UPPER_BOUNDS.length; i++) {
      if (core20Share < UPPER_BOUNDS[i]) {
        return i + 1;
      }
    }
    return UPPER_BOUNDS.length;
  }
}
