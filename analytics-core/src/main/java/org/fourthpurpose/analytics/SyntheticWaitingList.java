package org.fourthpurpose.analytics;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a <b>synthetic</b> record-level waiting-list extract: made-up pathways for demonstration,
 * tests and benchmarks, never real patients. Seeded, so the same settings write the same file.
 *
 * <p>Realistic shape: neighbourhoods are real LSOAs of the chosen ICB drawn in proportion to their
 * residents; treatment functions follow an elective specialty mix; waits are drawn with longer
 * waits injected for the more deprived neighbourhoods, some ethnic groups, people whose first
 * language is not English and people with a learning disability, so the analyses have gaps to find.
 *
 * <p>Everything says it is synthetic: every {@code pathway_id} starts {@code SYNTHETIC-}, the file
 * name should contain {@code synthetic} (the CLI refuses another), and a sidecar {@code
 * <file>.README.txt} says what the file is, with the settings that made it. CSV only, with the
 * canonical headers ({@link ExtractColumn#headers()}), written streaming (any number of rows).
 *
 * <p>As a command: {@code java -cp analytics-core.jar
 * org.fourthpurpose.analytics.SyntheticWaitingList --icb QYG --rows 1000000 --seed 42 --out
 * /tmp/synthetic-qyg.csv [--census-date 2026-03-31] [--reference app/src/main/resources/reference |
 * --lookup neighbourhoods.csv]}.
 */
public final class SyntheticWaitingList {

  private SyntheticWaitingList() {}

  /**
   * Writes {@code rows} synthetic pathways of one ICB, and the sidecar README.
   *
   * @param lookup the neighbourhoods to draw from
   * @param icbCode the ICB's ONS code ({@code E54…}) as in the lookup
   * @param rows how many pathways, at least 1
   * @param seed the random seed
   * @param censusDate the census date: every clock start is on or before it
   * @param out the CSV file to write (replaced)
   */
  public static void write(
      NeighbourhoodLookup lookup,
      String icbCode,
      long rows,
      long seed,
      LocalDate censusDate,
      Path out)
      throws IOException {
    throw new UnsupportedOperationException("being implemented on branch equitycore");
  }

  /** The command described above. */
  public static void main(String[] args) throws IOException {
    throw new UnsupportedOperationException("being implemented on branch equitycore");
  }
}
