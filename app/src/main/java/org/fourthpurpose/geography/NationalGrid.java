package org.fourthpurpose.geography;

/**
 * The British National Grid's transverse Mercator projection (Airy 1830 ellipsoid, true origin 49°N
 * 2°W, scale 0.9996012717, false origin 400 km west and 100 km north), as the Ordnance Survey's "A
 * guide to coordinate systems in Great Britain" (annex C) sets it out.
 *
 * <p>Boundaries arrive in WGS84 and are projected without the datum shift to OSGB36, so eastings
 * and northings are off the official grid by up to about 120 m. That is well under a pixel on a map
 * of a whole system, and it keeps the shapes' proportions true (unlike plain longitude and
 * latitude), which is what the maps need.
 */
final class NationalGrid {

  private static final double A = 6_377_563.396;
  private static final double B = 6_356_256.909;
  private static final double F0 = 0.9996012717;
  private static final double LAT0 = Math.toRadians(49);
  private static final double LON0 = Math.toRadians(-2);
  private static final double E0 = 400_000;
  private static final double N0 = -100_000;
  private static final double E2 = 1 - (B * B) / (A * A);
  private static final double N = (A - B) / (A + B);

  private NationalGrid() {}

  /** Easting and northing in metres of a point given in degrees of longitude and latitude. */
  static double[] project(double longitude, double latitude) {
    double phi = Math.toRadians(latitude);
    double lambda = Math.toRadians(longitude);
    double sin = Math.sin(phi);
    double cos = Math.cos(phi);
    double tan = Math.tan(phi);
    double tan2 = tan * tan;
    double nu = A * F0 / Math.sqrt(1 - E2 * sin * sin);
    double rho = A * F0 * (1 - E2) / Math.pow(1 - E2 * sin * sin, 1.5);
    double eta2 = nu / rho - 1;
    double n2 = N * N;
    double n3 = n2 * N;
    double dPhi = phi - LAT0;
    double sPhi = phi + LAT0;
    double m =
        B
            * F0
            * ((1 + N + 1.25 * n2 + 1.25 * n3) * dPhi
                - (3 * N + 3 * n2 + 21.0 / 8 * n3) * Math.sin(dPhi) * Math.cos(sPhi)
                + (15.0 / 8 * n2 + 15.0 / 8 * n3) * Math.sin(2 * dPhi) * Math.cos(2 * sPhi)
                - 35.0 / 24 * n3 * Math.sin(3 * dPhi) * Math.cos(3 * sPhi));
    double cos3 = cos * cos * cos;
    double cos5 = cos3 * cos * cos;
    double i = m + N0;
    double ii = nu / 2 * sin * cos;
    double iii = nu / 24 * sin * cos3 * (5 - tan2 + 9 * eta2);
    double iiiA = nu / 720 * sin * cos5 * (61 - 58 * tan2 + tan2 * tan2);
    double iv = nu * cos;
    double v = nu / 6 * cos3 * (nu / rho - tan2);
    double vi = nu / 120 * cos5 * (5 - 18 * tan2 + tan2 * tan2 + 14 * eta2 - 58 * tan2 * eta2);
    double dl = lambda - LON0;
    double dl2 = dl * dl;
    double northing = i + ii * dl2 + iii * dl2 * dl2 + iiiA * dl2 * dl2 * dl2;
    double easting = E0 + iv * dl + v * dl2 * dl + vi * dl2 * dl2 * dl;
    return new double[] {easting, northing};
  }
}
