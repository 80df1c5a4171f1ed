package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The distributions against R 4.2 ({@code qnorm}, {@code pnorm}, {@code qchisq}, {@code qt}, {@code
 * pt}, {@code lgamma}, {@code pgamma}), printed to 17 significant digits.
 */
class DistributionsTest {

  private static void assertRelativelyClose(double actual, double expected, double tolerance) {
    assertThat(Math.abs(actual - expected))
        .as("%s against R's %s", actual, expected)
        .isLessThanOrEqualTo(tolerance * Math.abs(expected));
  }

  @ParameterizedTest(name = "qnorm({0}) = {1}")
  @CsvSource({
    "0.975, 1.9599639845400536",
    "0.999, 3.0902323061678132",
    "0.500000001, 2.5066282037387119e-09",
    "1e-10, -6.3613409024040557",
    "1e-300, -37.047096299361201",
    "0.02425, -1.9729610513118845",
    "0.3, -0.52440051270804067"
  })
  void normalQuantilesMatchRToTheLastFewDigits(double p, double expected) {
    assertRelativelyClose(NormalDistribution.inverseCumulativeProbability(p), expected, 1e-14);
  }

  @ParameterizedTest(name = "pnorm({0}) = {1}")
  @CsvSource({
    "1.96, 0.97500210485177963",
    "-5, 2.8665157187919391e-07",
    "-20, 2.7536241186062337e-89",
    "0.1, 0.53982783727702899",
    "0, 0.5"
  })
  void normalProbabilitiesMatchRIncludingTheFarTail(double z, double expected) {
    assertRelativelyClose(NormalDistribution.cumulativeProbability(z), expected, 1e-13);
  }

  @ParameterizedTest(name = "qchisq({0}, {1}) = {2}")
  @CsvSource({
    "0.998, 1, 9.5495357060832422",
    "0.025, 2, 0.050635615968579753",
    "0.975, 4, 11.143286781877798",
    "0.001, 18, 4.9048488087275492",
    "0.999, 20, 45.314746618125859",
    "0.5, 1, 0.45493642311957283",
    "1e-10, 3, 5.2093976214344798e-07",
    "0.975, 2000, 2125.8423024497756",
    "0.025, 0.89, 0.00038240211440097904"
  })
  void chiSquaredQuantilesMatchR(double p, double df, double expected) {
    assertRelativelyClose(ChiSquaredDistribution.quantile(p, df), expected, 1e-13);
  }

  @Test
  void chiSquaredWithNoDegreesOfFreedomIsAPointMassAtZeroAsInR() {
    assertThat(ChiSquaredDistribution.quantile(0.025, 0)).isZero();
  }

  @Test
  void chiSquaredUpperTailIsExactInTheFarTail() {
    // pgamma(50, 10, lower.tail = FALSE) = pchisq(100, 20, lower.tail = FALSE)
    assertRelativelyClose(
        ChiSquaredDistribution.upperTailProbability(100, 20), 1.259608459166091e-12, 1e-13);
    assertRelativelyClose(
        ChiSquaredDistribution.cumulativeProbability(6, 5), 0.69378108158672158, 1e-14);
  }

  @ParameterizedTest(name = "qt({0}, {1}) = {2}")
  @CsvSource({
    "0.975, 9, 2.2621571627982049",
    "0.999, 1, 318.30883898555015",
    "0.975, 2, 4.3026527297494619",
    "0.999, 3, 10.214531852407383",
    "0.999, 4, 7.1731822197823076",
    "0.6, 30, 0.25560536495191277",
    "0.975, 2.5, 3.5746548420036919",
    "0.001, 7, -4.785289628638334"
  })
  void studentTQuantilesMatchR(double p, double df, double expected) {
    assertRelativelyClose(StudentTDistribution.quantile(p, df), expected, 1e-13);
  }

  @Test
  void studentTWithAMillionDegreesOfFreedomIsStillWithinOneInTenBillionOfR() {
    assertRelativelyClose(StudentTDistribution.quantile(0.975, 1e6), 1.9599663568141066, 1e-11);
  }

  @Test
  void studentTProbabilitiesMatchR() {
    assertRelativelyClose(
        StudentTDistribution.upperTailProbability(2.1, 5), 0.04487662494229934, 1e-14);
    assertRelativelyClose(
        StudentTDistribution.upperTailProbability(0.001, 3), 0.49963244748473046, 1e-14);
    assertThat(StudentTDistribution.cumulativeProbability(-2.1, 5))
        .isCloseTo(0.04487662494229934, within(1e-15));
  }

  @ParameterizedTest(name = "lgamma({0}) = {1}")
  @CsvSource({
    "0.5, 0.57236494292470008",
    "10, 12.801827480081469",
    "100, 359.1342053695754",
    "1e-5, 11.512919692895826",
    "3.7, 1.4280723266653881"
  })
  void logGammaMatchesR(double x, double expected) {
    assertRelativelyClose(GammaFunctions.logGamma(x), expected, 1e-14);
  }

  @Test
  void logGammaRatioForLargeShapesAgreesWithTheDirectDifferenceWhereThatIsStillAccurate() {
    double direct = GammaFunctions.logGamma(25.5) - GammaFunctions.logGamma(25);
    assertThat(GammaFunctions.logGammaRatio(25, 0.5)).isCloseTo(direct, within(1e-13));
  }

  @Test
  void incompleteGammaFunctionsMatchRAndInvertToTheirArguments() {
    assertRelativelyClose(GammaFunctions.regularizedP(2.5, 3), 0.69378108158672158, 1e-14);
    assertRelativelyClose(GammaFunctions.regularizedP(0.5, 0.01), 0.1124629160182849, 1e-14);
    assertThat(GammaFunctions.inverseRegularizedP(2.5, 0.69378108158672158))
        .isCloseTo(3, within(1e-13));
    assertThat(GammaFunctions.inverseRegularizedQ(10, 1.259608459166091e-12))
        .isCloseTo(50, within(1e-11));
  }

  @Test
  void rejectsProbabilitiesOutsideZeroToOneWithTheValueInTheMessage() {
    assertThatThrownBy(() -> NormalDistribution.inverseCumulativeProbability(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be strictly between 0 and 1, was 1.0");
    assertThatThrownBy(() -> StudentTDistribution.quantile(0.975, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("degrees of freedom must be greater than 0, was 0.0");
    assertThatThrownBy(() -> ChiSquaredDistribution.quantile(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be a number, was NaN");
  }
}
