package org.fourthpurpose.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.fourthpurpose.analytics.ExtractColumn;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the DuckDB engine promises beyond the shared contract: files, limits, odd input. */
class DuckDbAnalyticsTest {

  private static final LocalDate CENSUS = LocalDate.of(2025, 3, 31);

  @TempDir Path dir;

  private final NeighbourhoodLookup lookup =
      NeighbourhoodLookup.of(
          List.of(
              new NeighbourhoodLookup.Neighbourhood(
                  "E01000001", 1, 1, 1, "E54000001", "E38000001", "E06000001", 1500)),
          java.util.Map.of());

  private Path csv(String name, String... rows) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(
        file,
        String.join(",", ExtractColumn.headers()) + "\n" + String.join("\n", rows) + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  private List<String> leftovers(Path work) throws Exception {
    try (Stream<Path> files = Files.list(work)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("tmp")).toList();
    }
  }

  @Test
  void leavesNoDatabaseOrLookupFileBehindWhetherItAggregatesOrRefuses() throws Exception {
    Path work = dir.resolve("work");
    DuckDbAnalytics engine = new DuckDbAnalytics(work, "128MB", 1);
    Path good = csv("good.csv", "P1,E01000001,40,1,A,Y,N,N,110,2025-01-01,");
    assertThat(engine.aggregate(ExtractSource.csv(good), CENSUS, lookup).total().waiting())
        .isEqualTo(1);
    assertThat(leftovers(work)).isEmpty();
    Path bad = csv("bad.csv", "P1,E09999999,40,1,A,Y,N,N,110,2025-01-01,");
    assertThat(
            catchThrowableOfType(
                ExtractRefused.class,
                () -> engine.aggregate(ExtractSource.csv(bad), CENSUS, lookup)))
        .isNotNull();
    assertThat(leftovers(work)).isEmpty();
    // The extract itself is the caller's: the engine only reads it.
    assertThat(good).exists();
  }

  @Test
  void deletesTheFilesACrashLeftBehindWhenItStarts() throws Exception {
    Path work = Files.createDirectories(dir.resolve("crashed"));
    Files.writeString(work.resolve("analysis-1234.duckdb"), "x");
    Files.writeString(work.resolve("analysis-1234.duckdb.wal"), "x");
    Files.writeString(work.resolve("lookup-1234.csv"), "x");
    Files.writeString(work.resolve("keep.txt"), "not ours");
    new DuckDbAnalytics(work, "256MB", 2);
    assertThat(leftovers(work)).containsExactly("keep.txt");
  }

  @Test
  void refusesARowWithMoreFieldsThanTheHeaderNamingItsLine() throws Exception {
    Path file =
        csv(
            "extra.csv",
            "P1,E01000001,40,1,A,Y,N,N,110,2025-01-01,",
            "P2,E01000001,40,1,A,Y,N,N,110,2025-01-01,,surplus");
    ExtractRefused refused =
        catchThrowableOfType(
            ExtractRefused.class,
            () ->
                new DuckDbAnalytics(dir.resolve("w"), "256MB", 2)
                    .aggregate(ExtractSource.csv(file), CENSUS, lookup));
    assertThat(refused).isNotNull();
    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.problems().get(0).line()).isEqualTo(3);
    assertThat(refused.problems().get(0).message()).startsWith("The file could not be read as CSV");
  }

  @Test
  void readsAGzippedCsvAndAShortRowAsEmptyValues() throws Exception {
    Path file = dir.resolve("extract.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(
          (String.join(",", ExtractColumn.headers())
                  + "\nP1,E01000001,40,1,A,Y,N,N,110,2025-01-01,\n"
                  + "P2,E01000001,,,,,,,110,2024-11-01\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    var aggregates =
        new DuckDbAnalytics(dir.resolve("w"), "256MB", 2)
            .aggregate(ExtractSource.csv(file), CENSUS, lookup);
    // Waits 89 and 150 days: median 119.5; one over 18 weeks.
    assertThat(aggregates.total().waiting()).isEqualTo(2);
    assertThat(aggregates.total().medianDays()).isEqualTo(119.5);
    assertThat(aggregates.total().over18Weeks()).isEqualTo(1);
  }

  @Test
  void acceptsOnlyAMemoryLimitDuckDbUnderstandsAndAtLeastOneThread() {
    assertThatThrownBy(() -> new DuckDbAnalytics(dir, "256MB; DROP TABLE x", 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DuckDbAnalytics(dir, "256MB", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new DuckDbAnalytics(dir, "1GB", 2).memoryLimit()).isEqualTo("1GB");
  }

  @Test
  void namesItselfWithDuckDbsVersion() {
    assertThat(new DuckDbAnalytics(dir, "256MB", 2).engineName()).startsWith("DuckDB 2.");
  }
}
