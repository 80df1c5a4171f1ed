package org.fourthpurpose.deprivation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The summary measures of the English Indices of Deprivation for areas made of LSOAs, following the
 * Indices' technical report (2019, appendix on higher-level summaries). Pure functions: no I/O.
 *
 * <ul>
 *   <li><b>Average score</b>: the population-weighted mean of LSOA scores.
 *   <li><b>Average rank</b>: LSOA ranks are reversed (the most deprived LSOA gets N, the number
 *       ranked nationally) and averaged with population weights, so a higher value means more
 *       deprived.
 *   <li><b>Proportion of LSOAs in the most deprived 10%</b>: by count of LSOAs, using the published
 *       decile.
 *   <li><b>Extent</b>: each LSOA's national percentile is {@code floor(100 × (rank − 1) / N) + 1};
 *       people in percentiles 1–10 count in full, percentile 11 at 0.95, falling by 0.9/19 a
 *       percentile to 0.05 at percentile 30, and 0 beyond; the weighted population is divided by
 *       the area's population.
 *   <li><b>Local concentration</b>: LSOAs are taken most deprived first until they hold exactly 10%
 *       of the area's population (the last one only in part); the measure is the
 *       population-weighted mean of their reversed ranks.
 * </ul>
 */
public final class DeprivationSummaryMethod {

  private DeprivationSummaryMethod() {}

  /**
   * Summarises one area's LSOAs in one domain.
   *
   * @param lsoas the area's LSOAs (at least one, total population above zero)
   * @param nationalCount N, the number of LSOAs ranked nationally
   */
  public static SummaryMeasures summarise(List<LsoaDeprivation> lsoas, int nationalCount) {
    if (lsoas.isEmpty()) {
      throw new IllegalArgumentException("An area needs at least one LSOA");
    }
    if (nationalCount < 1) {
      throw new IllegalArgumentException("The national count of LSOAs must be positive");
    }
    double population = 0;
    double weightedScore = 0;
    double weightedReversedRank = 0;
    double extentPopulation = 0;
    int mostDeprived = 0;
    boolean allScores = true;
    for (LsoaDeprivation lsoa : lsoas) {
      if (lsoa.rank() < 1 || lsoa.rank() > nationalCount) {
        throw new IllegalArgumentException(
            lsoa.lsoaCode() + " has rank " + lsoa.rank() + " outside 1–" + nationalCount);
      }
      if (lsoa.population() < 0) {
        throw new IllegalArgumentException(lsoa.lsoaCode() + " has a negative population");
      }
      population += lsoa.population();
      if (lsoa.score() == null) {
        allScores = false;
      } else {
        weightedScore += lsoa.score() * lsoa.population();
      }
      weightedReversedRank += reversed(lsoa.rank(), nationalCount) * lsoa.population();
      extentPopulation += extentWeight(percentile(lsoa.rank(), nationalCount)) * lsoa.population();
      if (lsoa.decile() == 1) {
        mostDeprived++;
      }
    }
    if (population <= 0) {
      throw new IllegalArgumentException("An area's population must be above zero");
    }
    return new SummaryMeasures(
        allScores ? weightedScore / population : null,
        weightedReversedRank / population,
        (double) mostDeprived / lsoas.size(),
        extentPopulation / population,
        localConcentration(lsoas, population, nationalCount));
  }

  /** The reversed rank: the most deprived LSOA (rank 1) gets N. */
  static int reversed(int rank, int nationalCount) {
    return nationalCount + 1 - rank;
  }

  /** The national percentile of a rank, 1 (most deprived 1%) to 100. */
  static int percentile(int rank, int nationalCount) {
    return (int) Math.floor(100.0 * (rank - 1) / nationalCount) + 1;
  }

  /** The weight of a percentile in the extent measure. */
  static double extentWeight(int percentile) {
    if (percentile <= 10) {
      return 1.0;
    }
    if (percentile <= 30) {
      return 0.95 - (0.9 / 19) * (percentile - 11);
    }
    return 0.0;
  }

  private static double localConcentration(
      List<LsoaDeprivation> lsoas, double population, int nationalCount) {
    List<LsoaDeprivation> mostDeprivedFirst = new ArrayList<>(lsoas);
    mostDeprivedFirst.sort(Comparator.comparingInt(LsoaDeprivation::rank));
    double target = population * 0.10;
    double taken = 0;
    double weighted = 0;
    for (LsoaDeprivation lsoa : mostDeprivedFirst) {
      if (lsoa.population() == 0) {
        continue;
      }
      double share = Math.min(lsoa.population(), target - taken);
      weighted += share * reversed(lsoa.rank(), nationalCount);
      taken += share;
      if (taken >= target) {
        break;
      }
    }
    return weighted / taken;
  }
}
