package org.fourthpurpose.statistics;

import java.util.List;

/**
 * The slope index of inequality (SII) and relative index of inequality (RII) of a proportion across
 * ordered deprivation quantiles, as PHEindicatormethods' {@code phe_sii} computes their point
 * estimates (value type proportion, multiplier 1).
 *
 * <p>Quantiles are given most deprived first. Each quantile {@code i} has a population {@code n_i}
 * (for a proportion, its denominator) and a value {@code v_i}. With {@code a_i = n_i / Σn} and
 * {@code b_i} the midpoint of quantile {@code i}'s share of the cumulative population ({@code b_1 =
 * a_1 / 2}, {@code b_i = a_1 + … + a_(i−1) + a_i / 2}), the model {@code √a_i × v_i = β0 × √a_i +
 * β1 × b_i × √a_i} is fitted by least squares without an intercept (the same as weighted least
 * squares of {@code v} on {@code b} with weights {@code a}). Then:
 *
 * <ul>
 *   <li>{@code sii = β1}: the modelled value at the least deprived end (b = 1) minus that at the
 *       most deprived end (b = 0), in the value's units. Negative when the most deprived fare
 *       higher (e.g. more of them wait over 18 weeks).
 *   <li>{@code rii = (β0 + β1) / β0}: the modelled value at the least deprived end divided by that
 *       at the most deprived end.
 * </ul>
 *
 * <p>{@code phe_sii} needs 5 to 100 quantiles, each with a population above 0; so does this.
 * Confidence intervals ({@code phe_sii} simulates them) are not computed.
 *
 * @param sii the slope index, in the value's units
 * @param rii the relative index (NaN when the modelled value at the most deprived end is 0)
 * @param intercept β0, the modelled value at the most deprived end
 * @param quantiles how many quantiles the estimate used
 */
public record SlopeIndexOfInequality(double sii, double rii, double intercept, int quantiles) {

  /**
   * One quantile's population and value.
   *
   * @param population the quantile's population (for a proportion, its denominator), above 0
   * @param value the quantile's value (for a proportion, between 0 and 1 or in percent)
   */
  public record Quantile(double population, double value) {}

  /**
   * The SII and RII of these quantiles, most deprived first.
   *
   * @throws IllegalArgumentException for fewer than 5 or more than 100 quantiles, or a population
   *     that is not above 0
   */
  public static SlopeIndexOfInequality estimate(List<Quantile> mostDeprivedFirst) {
    int k = mostDeprivedFirst.size();
    if (k < 5 || k > 100) {
      throw new IllegalArgumentException("Number of quantiles must be between 5 and 100, was " + k);
    }
    double total = 0;
    for (Quantile q : mostDeprivedFirst) {
      if (!(q.population() > 0) || !Double.isFinite(q.value())) {
        throw new IllegalArgumentException("every quantile needs a population above 0 and a value");
      }
      total += q.population();
    }
    // Normal equations of y = β0·s + β1·(b·s), s = √a, y = s·v: sums of a, a·b, a·b², a·v, a·b·v.
    double saa = 0;
    double sab = 0;
    double sbb = 0;
    double sav = 0;
    double sbv = 0;
    double cumulative = 0;
    for (Quantile q : mostDeprivedFirst) {
      double a = q.population() / total;
      double b = cumulative + a / 2;
      cumulative += a;
      saa += a;
      sab += a * b;
      sbb += a * b * b;
      sav += a * q.value();
      sbv += a * b * q.value();
    }
    double determinant = saa * sbb - sab * sab;
    double beta0 = (sbb * sav - sab * sbv) / determinant;
    double beta1 = (saa * sbv - sab * sav) / determinant;
    double rii = beta0 == 0 ? Double.NaN : (beta0 + beta1) / beta0;
    return new SlopeIndexOfInequality(beta1, rii, beta0, k);
  }
}
