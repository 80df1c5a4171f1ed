package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  /**
   * The same file as Parquet, for engines that read it (override: write {@code csv}'s rows, all
   * columns as text, to a Parquet file and return it); empty skips the Parquet tests.
   */
  protected Optional<Path> asParquet(Path csv) {
    return Optional.empty();
  }

  private EngineAggregates small() throws ExtractRefused {
    return engine().aggregate(ExtractSource.csv(file("small.csv")), CENSUS, contractLookup());
  }

  private static WaitStatistics waits(EngineAggregates aggregates, Breakdown b, String group) {
    return waits(aggregates, b, group, "");
  }

  private static WaitStatistics waits(
      EngineAggregates aggregates, Breakdown b, String group, String column) {
    return aggregates.groups(b).stream()
        .filter(g -> g.group().equals(group) && g.column().equals(column))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no group " + group + " " + column + " in " + b))
        .waits();
  }

  private static void assertWaits(
      WaitStatistics actual, long waiting, double median, double p92, long over18, long over52) {
    assertThat(actual.waiting()).as("waiting").isEqualTo(waiting);
    assertThat(actual.medianDays()).as("median").isCloseTo(median, within(TOLERANCE));
    assertThat(actual.p92Days()).as("92nd percentile").isCloseTo(p92, within(TOLERANCE));
    assertThat(actual.over18Weeks()).as("over 18 weeks").isEqualTo(over18);
    assertThat(actual.over52Weeks()).as("over 52 weeks").isEqualTo(over52);
  }

  @Test
  void namesItself() {
    assertThat(engine().engineName()).isNotBlank();
  }

  // Waits in small.csv, sorted: 0, 10, 50, 126, 127, 130, 200, 364, 365, 400 days.
  @Test
  void totalWaitsMatchTheHandWorkedValues() throws ExtractRefused {
    EngineAggregates aggregates = small();
    assertThat(aggregates.censusDate()).isEqualTo(CENSUS);
    // median: h = 9 × 0.5 = 4.5 → 127 + 0.5 × 3; p92: h = 8.28 → 365 + 0.28 × 35.
    assertWaits(aggregates.total(), 10, 128.5, 374.8, 6, 2);
  }

  @Test
  void deprivationQuintilesIncludeA2011CodeMappedTo2021() throws ExtractRefused {
    EngineAggregates aggregates = small();
    // Quintile 1 (E01000001): 10, 130, 364 → median 130; p92 h = 1.84 → 130 + 0.84 × 234.
    assertWaits(waits(aggregates, Breakdown.IMD_QUINTILE, "1"), 3, 130, 326.56, 2, 0);
    assertWaits(waits(aggregates, Breakdown.IMD_QUINTILE, "2"), 2, 225, 372, 1, 1);
    // Quintile 3: E01000003 (127) and " e01099991 ", a 2011 code mapped to it (0).
    assertWaits(waits(aggregates, Breakdown.IMD_QUINTILE, "3"), 2, 63.5, 116.84, 1, 0);
    // 126 days is not over 18 weeks (more than 126 days).
    assertWaits(waits(aggregates, Breakdown.IMD_QUINTILE, "4"), 1, 126, 126, 0, 0);
    assertWaits(waits(aggregates, Breakdown.IMD_QUINTILE, "5"), 2, 282.5, 351.8, 2, 1);
    assertThat(aggregates.groups(Breakdown.IMD_DECILE))
        .extracting(GroupAggregate::group)
        .containsExactly("1", "4", "6", "8", "10");
    assertThat(aggregates.groups(Breakdown.ICS_FIFTH))
        .extracting(GroupAggregate::group)
        .containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void ethnicGroupsFollowTheNhsCategoryLetters() throws ExtractRefused {
    EngineAggregates aggregates = small();
    assertThat(aggregates.groups(Breakdown.ETHNICITY))
        .extracting(GroupAggregate::group)
        .containsExactly("White", "Mixed", "Asian", "Black", "Other", "Not stated");
    // White: A (10) and lower-case c (50).
    assertWaits(waits(aggregates, Breakdown.ETHNICITY, "White"), 2, 30, 46.8, 0, 0);
    // Black: M (400) and P (364).
    assertWaits(waits(aggregates, Breakdown.ETHNICITY, "Black"), 2, 382, 397.12, 2, 1);
    // Not stated: empty (0), Z (127) and 99 (126).
    assertWaits(waits(aggregates, Breakdown.ETHNICITY, "Not stated"), 3, 126, 126.84, 1, 0);
  }

  @Test
  void flagsAgeBandsSexAndPlacesGroupAsDocumented() throws ExtractRefused {
    EngineAggregates aggregates = small();
    assertThat(waits(aggregates, Breakdown.LANGUAGE, "No").waiting()).isEqualTo(3);
    // Lower-case y counts as Y.
    assertThat(waits(aggregates, Breakdown.LANGUAGE, "Yes").waiting()).isEqualTo(6);
    assertThat(waits(aggregates, Breakdown.LANGUAGE, "Not recorded").waiting()).isEqualTo(1);
    assertWaits(waits(aggregates, Breakdown.LEARNING_DISABILITY, "Yes"), 2, 90, 123.6, 1, 0);
    assertThat(waits(aggregates, Breakdown.LEARNING_DISABILITY, "Not recorded").waiting())
        .isEqualTo(2);
    assertThat(waits(aggregates, Breakdown.MENTAL_HEALTH, "Yes").waiting()).isEqualTo(2);
    assertThat(aggregates.groups(Breakdown.AGE_BAND))
        .extracting(g -> g.group() + "=" + g.waits().waiting())
        .containsExactly("0-17=2", "18-39=2", "40-59=1", "60-74=2", "75+=2", "Not known=1");
    assertThat(aggregates.groups(Breakdown.SEX))
        .extracting(g -> g.group() + "=" + g.waits().waiting())
        .containsExactly("Male=3", "Female=3", "Indeterminate=1", "Not known=3");
    assertThat(aggregates.groups(Breakdown.SUB_ICB))
        .extracting(g -> g.group() + "=" + g.waits().waiting())
        .containsExactly("E38000001=5", "E38000002=5");
    assertThat(aggregates.groups(Breakdown.DISTRICT))
        .extracting(g -> g.group() + "=" + g.waits().waiting())
        .containsExactly("E06000001=5", "E06000002=5");
    assertThat(aggregates.groups(Breakdown.TREATMENT_FUNCTION))
        .extracting(g -> g.group() + "=" + g.waits().waiting())
        .containsExactly("110=5", "120=2", "130=2", "X02=1");
  }

  @Test
  void twoWayTablesHoldEveryNonEmptyCell() throws ExtractRefused {
    EngineAggregates aggregates = small();
    assertThat(aggregates.groups(Breakdown.ETHNICITY_BY_ICS_FIFTH))
        .extracting(g -> g.group() + "|" + g.column() + "=" + g.waits().waiting())
        .containsExactly(
            "White|1=1",
            "White|2=1",
            "Mixed|5=1",
            "Asian|1=1",
            "Black|1=1",
            "Black|2=1",
            "Other|5=1",
            "Not stated|3=2",
            "Not stated|4=1");
    assertWaits(
        waits(aggregates, Breakdown.ETHNICITY_BY_ICS_FIFTH, "Not stated", "3"),
        2,
        63.5,
        116.84,
        1,
        0);
    assertThat(aggregates.groups(Breakdown.LEARNING_DISABILITY_BY_AGE_BAND))
        .extracting(g -> g.group() + "|" + g.column() + "=" + g.waits().waiting())
        .containsExactly(
            "Yes|60-74=2",
            "No|0-17=2",
            "No|18-39=2",
            "No|40-59=1",
            "No|75+=1",
            "Not recorded|75+=1",
            "Not recorded|Not known=1");
  }

  @Test
  void treatmentFunctionCountsFeedStandardisation() throws ExtractRefused {
    EngineAggregates aggregates = small();
    assertThat(aggregates.functions(Breakdown.IMD_QUINTILE))
        .extracting(
            f ->
                f.group() + "|" + f.treatmentFunction() + "=" + f.waiting() + "/" + f.over18Weeks())
        .containsExactly(
            "1|110=3/2",
            "2|120=1/1",
            "2|130=1/0",
            "3|110=1/0",
            "3|130=1/1",
            "4|X02=1/0",
            "5|110=1/1",
            "5|120=1/1");
    assertThat(aggregates.functions(Breakdown.TREATMENT_FUNCTION)).isEmpty();
    // Every one-way breakdown but treatment function has its function counts, adding up to 10.
    for (Breakdown b : Breakdown.oneWay()) {
      if (b != Breakdown.TREATMENT_FUNCTION) {
        assertThat(aggregates.functions(b).stream().mapToLong(FunctionAggregate::waiting).sum())
            .as(b.slug())
            .isEqualTo(10);
      }
    }
  }

  @Test
  void mappedHeadersGiveTheSameAggregates() throws ExtractRefused {
    Map<String, String> mapping = new HashMap<>();
    mapping.put("pathway_id", "Pathway ID");
    mapping.put("lsoa_code", "Area");
    mapping.put("age", "Age (years)");
    mapping.put("sex", "Sex");
    mapping.put("ethnicity", "Ethnic category");
    mapping.put("first_language_english", "English first");
    mapping.put("learning_disability", "LD");
    mapping.put("mental_health", "SMI");
    mapping.put("treatment_function", "TFC");
    mapping.put("clock_start", "Clock start");
    EngineAggregates mapped =
        engine()
            .aggregate(
                new ExtractSource(file("mapped.csv"), ExtractFormat.CSV, mapping),
                CENSUS,
                contractLookup());
    assertThat(mapped.differencesFrom(small(), TOLERANCE)).isEmpty();
  }

  @Test
  void parquetGivesTheSameAggregatesAsCsv() throws ExtractRefused {
    Optional<Path> parquet = asParquet(file("small.csv"));
    assumeTrue(parquet.isPresent(), "the engine reads no Parquet");
    EngineAggregates fromParquet =
        engine().aggregate(ExtractSource.parquet(parquet.get()), CENSUS, contractLookup());
    assertThat(fromParquet.differencesFrom(small(), TOLERANCE)).isEmpty();
  }

  @Test
  void refusesEveryInvalidRowWithItsLineAndColumn() {
    ExtractRefused refused =
        catchThrowableOfType(
            ExtractRefused.class,
            () ->
                engine()
                    .aggregate(ExtractSource.csv(file("invalid.csv")), CENSUS, contractLookup()));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems())
        .extracting(p -> p.line() + " " + p.column() + ": " + p.message())
        .containsExactly(
            "3 pathway_id: A value is required",
            "4 pathway_id: 'B01' appears on an earlier line: each pathway must appear once",
            "5 lsoa_code: 'E01999999' is not a 2021 or 2011 LSOA code in the lookup",
            "6 age: '121' is not a whole number of years from 0 to 120",
            "7 age: '4a' is not a whole number of years from 0 to 120",
            "8 sex: '5' is not a sex code: 1 or M (male), 2 or F (female), 9 (indeterminate),"
                + " 0 or X (not known), or empty",
            "9 ethnicity: 'I' is not an NHS ethnic category code (A to H, J to N, P, R, S, Z, 99"
                + " or empty)",
            "10 first_language_english: 'Yes' is not Y, N or empty",
            "11 mental_health: 'U' is not Y, N or empty",
            "12 treatment_function: '1100' is not a treatment function code (three digits, or"
                + " X01 to X06)",
            "13 clock_start: '31/03/2025' is not a date written YYYY-MM-DD",
            "14 clock_start: '2025-02-30' is not a date written YYYY-MM-DD",
            "15 clock_start: '2025-04-01' is after the census date 2025-03-31",
            "16 lsoa_code: A value is required",
            "16 treatment_function: A value is required",
            "17 pathway_id: '" + "X".repeat(40) + "…' is longer than 64 characters");
    assertThat(refused.totalProblems()).isEqualTo(16);
  }

  @Test
  void refusesAFileWithoutARequiredColumnNamingEachOne() {
    ExtractRefused refused =
        catchThrowableOfType(
            ExtractRefused.class,
            () ->
                engine()
                    .aggregate(
                        ExtractSource.csv(file("missing-columns.csv")), CENSUS, contractLookup()));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems())
        .extracting(p -> p.line() + " " + p.column())
        .containsExactly("0 ethnicity", "0 clock_start");
  }

  @Test
  void refusesAFileWithNoPathways() {
    ExtractRefused refused =
        catchThrowableOfType(
            ExtractRefused.class,
            () ->
                engine()
                    .aggregate(
                        ExtractSource.csv(file("header-only.csv")), CENSUS, contractLookup()));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems())
        .extracting(ExtractProblem::message)
        .containsExactly(ExtractRule.NO_PATHWAYS.message("", CENSUS));
  }

  @Test
  void capsTheProblemsKeptButCountsThemAll() throws IOException {
    Path many = workDir.resolve("many-bad.csv");
    StringBuilder csv = new StringBuilder(String.join(",", ExtractColumn.headers())).append('\n');
    for (int i = 0; i < 150; i++) {
      csv.append("M").append(i).append(",E01000001,200,1,A,Y,N,N,110,2025-03-01,\n");
    }
    Files.writeString(many, csv);
    ExtractRefused refused =
        catchThrowableOfType(
            ExtractRefused.class,
            () -> engine().aggregate(ExtractSource.csv(many), CENSUS, contractLookup()));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems()).hasSize(ExtractRefused.MAX_PROBLEMS);
    assertThat(refused.problems().get(0).line()).isEqualTo(2);
    assertThat(refused.problems().get(99).line()).isEqualTo(101);
    assertThat(refused.totalProblems()).isEqualTo(150);
  }

  @Test
  void aSyntheticExtractAgreesWithThePlainJavaReference() throws Exception {
    Path synthetic = workDir.resolve("synthetic-contract.csv");
    SyntheticWaitingList.write(contractLookup(), "E54000001", 20_000, 7L, CENSUS, synthetic);
    EngineAggregates expected =
        new ReferenceAnalytics().aggregate(ExtractSource.csv(synthetic), CENSUS, contractLookup());
    EngineAggregates actual =
        engine().aggregate(ExtractSource.csv(synthetic), CENSUS, contractLookup());
    assertThat(actual.differencesFrom(expected, TOLERANCE)).isEmpty();
    assertThat(EquityAnalyses.finish(actual)).isEqualTo(EquityAnalyses.finish(expected));
  }
}
