package org.fourthpurpose.statistics;

import java.util.Map;
import java.util.Objects;

/**
 * An indirectly standardised ratio: a group's observed events divided by the events expected if
 * each of its strata had the standard population's rate, with a 95% confidence interval for the
 * observed count (Byar's approximation to the exact Poisson interval, as PHEindicatormethods'
 * {@code byars_lower} / {@code byars_upper}; the exact interval when nothing was observed) divided
 * by the expected.
 *
 * <p>For waiting lists the strata are treatment functions: {@code expected = Σ_f n_gf × O_f / N_f},
 * where {@code n_gf} is the group's pathways in function {@code f} and {@code O_f / N_f} the whole
 * list's share over 18 weeks in {@code f}. A ratio above 1 means the group waits over 18 weeks more
 * often than its mix of specialties explains.
 *
 * <pre>{@code
 * // 12 over 18 weeks; the group's 40 pathways in a function where 25% wait over 18 weeks → 10 expected
 * IndirectStandardisation.of(12, 10.0); // ratio 1.2, 95% CI 0.62 to 2.10
 * }</pre>
 *
 * @param observed events observed in the group
 * @param expected events expected from the standard's stratum rates
 * @param ratio {@code observed / expected}
 * @param lower lower 95% confidence limit of the ratio
 * @param upper upper 95% confidence limit of the ratio
 */
public record IndirectStandardisation(
    long observed, double expected, double ratio, double lower, double upper) {

  /** The ratio of {@code observed} to {@code expected} (above 0) with its 95% interval. */
  public static IndirectStandardisation of(long observed, double expected) {
    if (observed < 0 || !(expected > 0) || !Double.isFinite(expected)) {
      throw new IllegalArgumentException(
          "observed ≥ 0 and expected > 0, were " + observed + " and " + expected);
    }
    double z = RateRatio.Z95;
    double lowerCount =
        observed == 0
            ? 0
            : observed * Math.pow(1 - 1.0 / (9 * observed) - z / (3 * Math.sqrt(observed)), 3);
    double o1 = observed + 1.0;
    double upperCount = o1 * Math.pow(1 - 1.0 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
    if (observed == 0) {
      upperCount = -Math.log(0.025); // exact: P(X = 0 | μ) = 0.025
    }
    return new IndirectStandardisation(
        observed, expected, observed / expected, lowerCount / expected, upperCount / expected);
  }

  /**
   * The expected events of a group: {@code Σ_f groupCounts[f] × standardEvents[f] /
   * standardCounts[f]} over the strata the group has.
   *
   * @param groupCounts the group's members per stratum
   * @param standardEvents the standard population's events per stratum
   * @param standardCounts the standard population's members per stratum (every stratum of the group
   *     must be there, above 0)
   */
  public static <K> double expected(
      Map<K, Long> groupCounts, Map<K, Long> standardEvents, Map<K, Long> standardCounts) {
    double expected = 0;
    for (Map.Entry<K, Long> e : groupCounts.entrySet()) {
      Long n = standardCounts.get(e.getKey());
      if (n == null || n <= 0) {
        throw new IllegalArgumentException("no standard population in stratum " + e.getKey());
      }
      long events = Objects.requireNonNullElse(standardEvents.get(e.getKey()), 0L);
      expected += e.getValue() * ((double) events / n);
    }
    return expected;
  }
}
