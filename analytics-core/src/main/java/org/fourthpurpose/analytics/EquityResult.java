package org.fourthpurpose.analytics;

import java.time.LocalDate;
import java.util.List;
import org.fourthpurpose.statistics.SlopeIndexOfInequality;

/**
 * An equity analysis of one waiting list at a census date, ready to store and publish: every value
 * in it has been through disclosure control.
 *
 * @param censusDate the census date
 * @param total the whole list as one row (group {@code "All"}), after disclosure control
 * @param tables one table per {@link Breakdown}, in enum order
 * @param deprivationGradient the slope and relative index of inequality of the percentage waiting
 *     over 18 weeks across national IMD deciles ({@link SlopeIndexOfInequality}), in percent:
 *     each decile with 8 or more pathways is a point {@code (b, 100 × over18Weeks / waiting)} from
 *     its unrounded counts, {@code b} the midpoint of its share of those deciles' pathways (0 = most
 *     deprived end, 1 = least deprived end); the fitted line is {@code y = intercept + sii × b}
 *     ({@code intercept} in percent, {@code sii} in percentage points, both rounded to 2 decimal
 *     places; {@code rii} to 3). {@code null} when fewer than 5 deciles have 8 or more pathways
 * @param findings plain-English sentences about the largest gaps, built only from published values
 */
public record EquityResult(
    LocalDate censusDate,
    EquityRow total,
    List<EquityTable> tables,
    SlopeIndexOfInequality deprivationGradient,
    List<String> findings) {

  public EquityResult {
    tables = List.copyOf(tables);
    findings = List.copyOf(findings);
  }

  /** The table of one breakdown. */
  public EquityTable table(Breakdown breakdown) {
    return tables.stream()
        .filter(t -> t.breakdown() == breakdown)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + breakdown.slug()));
  }
}
