package org.fourthpurpose.analytics;

import java.util.Map;

/**
 * The equity analyses of a waiting list, defined once for every engine: from an engine's {@link
 * EngineAggregates} to the published {@link EquityResult}.
 *
 * <p>In order:
 *
 * <ol>
 *   <li>Every table gets its rows ({@link EquityTable#rows()}): fixed groups all listed, empty ones
 *       with zero counts.
 *   <li>Disclosure control ({@link org.fourthpurpose.statistics.DisclosureControl}) on the counts
 *       {@code waiting}, {@code over18Weeks} and {@code over52Weeks}, each as one linked set of
 *       cells: the total, every one-way breakdown's groups (each breakdown's groups add up to the
 *       total) and the two-way tables' cells (adding up to their rows' and columns' one-way
 *       groups). Counts of 1–7 are withheld; in a group of 1–7 its over-18 and over-52-week counts
 *       are withheld too; then secondary suppression withholds more cells until no withheld cell
 *       can be worked out from the published ones by addition or subtraction; the rest are rounded
 *       to the nearest 5.
 *   <li>Wait statistics and percentages only for groups of 8 or more ({@link EquityRow}).
 *   <li>Rate ratios of waiting over 18 weeks against each one-way table's reference group, with 95%
 *       intervals ({@link org.fourthpurpose.statistics.RateRatio}). Reference groups: the least
 *       deprived ({@code "5"} for {@code imd-quintile} and {@code ics-fifth}, {@code "10"} for
 *       {@code imd-decile}); {@code White}; first language English {@code Yes}; learning disability
 *       and mental health {@code No}; age {@code 18-39}; sex {@code Female}; for {@code sub-icb},
 *       {@code district} and {@code treatment-function}, the group with the most pathways (ties:
 *       the first in order).
 *   <li>Indirect standardisation by treatment function ({@link
 *       org.fourthpurpose.statistics.IndirectStandardisation}) for every group of every one-way
 *       breakdown but {@code treatment-function}, the whole list being the standard.
 *   <li>The slope and relative index of inequality of the percentage over 18 weeks across national
 *       IMD deciles ({@link org.fourthpurpose.statistics.SlopeIndexOfInequality}).
 *   <li>Findings: sentences from the published values only.
 * </ol>
 */
public final class EquityAnalyses {

  private EquityAnalyses() {}

  /** The reference group of each one-way breakdown with a fixed one. */
  public static final Map<Breakdown, String> REFERENCE_GROUPS =
      Map.of(
          Breakdown.IMD_QUINTILE, "5",
          Breakdown.IMD_DECILE, "10",
          Breakdown.ICS_FIFTH, "5",
          Breakdown.ETHNICITY, "White",
          Breakdown.LANGUAGE, "Yes",
          Breakdown.LEARNING_DISABILITY, "No",
          Breakdown.MENTAL_HEALTH, "No",
          Breakdown.AGE_BAND, "18-39",
          Breakdown.SEX, "Female");

  /**
   * The published analysis of an engine's aggregates: every value disclosure-controlled.
   *
   * @param aggregates what an engine returned for one extract
   * @return the tables, the deprivation gradient and the findings, ready to store and publish
   */
  public static EquityResult finish(EngineAggregates aggregates) {
    throw new UnsupportedOperationException("being implemented on branch equitycore");
  }
}
