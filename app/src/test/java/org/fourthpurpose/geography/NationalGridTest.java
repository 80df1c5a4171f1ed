package org.fourthpurpose.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NationalGridTest {

  private static double degrees(double d, double m, double s) {
    return d + m / 60 + s / 3600;
  }

  @Test
  void projectsTheOrdnanceSurveyWorkedExampleToTheMillimetre() {
    // "A guide to coordinate systems in Great Britain", annex C.1: 52°39'27.2531"N 1°43'4.5177"E
    // is E 651409.903, N 313177.270 (on the OSGB36 datum, which the formulae take as given).
    double[] grid = NationalGrid.project(degrees(1, 43, 4.5177), degrees(52, 39, 27.2531));

    assertThat(grid[0]).isCloseTo(651_409.903, within(0.001));
    assertThat(grid[1]).isCloseTo(313_177.270, within(0.001));
  }

  @Test
  void putsTheTrueOriginAtItsFalseEastingAndNorthing() {
    double[] origin = NationalGrid.project(-2, 49);

    assertThat(origin[0]).isCloseTo(400_000, within(1e-6));
    assertThat(origin[1]).isCloseTo(-100_000, within(1e-6));
  }

  @Test
  void keepsDistancesTrueToWithinTheGridsScaleFactor() {
    // One minute of latitude at 53°N is 1,854.6 m of the Airy meridian; on the central meridian the
    // grid's scale factor is 0.9996012717.
    double[] south = NationalGrid.project(-2, 53);
    double[] north = NationalGrid.project(-2, 53 + 1.0 / 60);

    assertThat(north[0] - south[0]).isCloseTo(0, within(1e-6));
    assertThat(north[1] - south[1]).isCloseTo(1_854.61 * 0.9996012717, within(0.05));
  }
}
