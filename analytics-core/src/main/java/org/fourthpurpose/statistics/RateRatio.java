package org.fourthpurpose.statistics;

import java.util.Optional;

/**
 * The ratio of two proportions (a relative risk) with its confidence interval by the log method:
 * {@code RR = (a / n1) ÷ (b / n0)}, {@code SE(ln RR) = √(1/a − 1/n1 + 1/b − 1/n0)}, limits {@code
 * exp(ln RR ± z × SE)} (Altman et al., <i>Statistics with Confidence</i>, 2nd ed., ch. 7).
 *
 * <pre>{@code
 * RateRatio.of(30, 100, 15, 100); // ratio 2.0, 95% CI 1.14 to 3.49
 * }</pre>
 *
 * @param ratio the ratio of the group's proportion to the reference's
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 */
public record RateRatio(double ratio, double lower, double upper) {

  /** z for a two-sided 95% interval, the normal distribution's 0.975 quantile. */
  public static final double Z95 = 1.959963984540054;

  /**
   * The ratio of {@code events / total} to {@code referenceEvents / referenceTotal} with its 95%
   * confidence interval; empty when either group has no events (the log method needs at least one
   * in each).
   */
  public static Optional<RateRatio> of(
      long events, long total, long referenceEvents, long referenceTotal) {
    if (events < 0 || referenceEvents < 0 || events > total || referenceEvents > referenceTotal) {
      throw new IllegalArgumentException("0 ≤ events ≤ total for both groups");
    }
    if (events == 0 || referenceEvents == 0) {
      return Optional.empty();
    }
    double ratio = ((double) events / total) / ((double) referenceEvents / referenceTotal);
    double se =
        Math.sqrt(1.0 / events - 1.0 / total + 1.0 / referenceEvents - 1.0 / referenceTotal);
    double z = Z95;
    return Optional.of(
        new RateRatio(
            ratio, Math.exp(Math.log(ratio) - z * se), Math.exp(Math.log(ratio) + z * se)));
  }
}
