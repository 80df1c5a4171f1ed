package org.fourthpurpose.analytics;

import java.time.LocalDate;

/**
 * The port for record-level analytics: an engine that reads a waiting-list extract, validates every
 * row and returns only aggregates ({@link EngineAggregates}); raw rows never leave the engine.
 *
 * <p>Two engines implement it: DuckDB, embedded in the web application ({@code
 * org.fourthpurpose.analytics.duckdb}), and Apache Spark, for national data ({@code spark-job}).
 * Both pass {@code RecordLevelAnalyticsContract} (this module's test-jar), which proves they return
 * the same aggregates to 1e-9 on the same files. Everything after the aggregation (percentages,
 * rate ratios, standardisation, slope index, findings, disclosure control) is done once, in {@link
 * EquityAnalyses#finish}.
 *
 * <h2>What an engine must do</h2>
 *
 * <ol>
 *   <li>Read {@link ExtractSource#file()} in its {@link ExtractFormat}, taking each canonical
 *       column ({@link ExtractColumn}) from the header that {@link
 *       ExtractSource#header(ExtractColumn)} names. CSV: UTF-8 (a byte-order mark is ignored),
 *       comma-separated, RFC 4180 quoting, first line the header; every value read as text, trimmed
 *       of surrounding spaces, an empty value the same as a missing one; a row with fewer fields
 *       than the header has empty values for the rest, one with more refuses the whole file.
 *       Parquet: columns of any type, converted to text as written (an integer 42 reads as {@code
 *       "42"}, a date 2025-01-31 as {@code "2025-01-31"}); a null is an empty value.
 *   <li>Validate every row against the rules of {@link ExtractColumn} and refuse the whole file
 *       when any row fails ({@link ExtractRefused}, all-or-nothing): problems sorted by line then
 *       by column order of {@link ExtractColumn}, at most {@link ExtractRefused#MAX_PROBLEMS} kept,
 *       the total counted. Lines: the header is line 1, data row n is line n + 1 (for CSV, blank
 *       lines are skipped and not counted, and a newline inside a quoted value refuses the file;
 *       for Parquet, the first row is line 2, as if it were CSV). {@link ExtractValidation} is the
 *       reference for every per-value rule and names the rule a bad value broke; {@link
 *       ExtractRule#message} words it.
 *   <li>Work out each pathway's wait in whole days, {@code censusDate − clock_start}, and aggregate
 *       every {@link Breakdown} as {@link EngineAggregates} documents, grouping values as {@link
 *       PathwayGroups} does and neighbourhoods through the lookup ({@link
 *       NeighbourhoodLookup#find}). {@link WaitHistogram} turns per-day counts into {@link
 *       WaitStatistics} exactly, so engines need not hold one value per pathway.
 * </ol>
 *
 * <p>Implementations are thread-safe or say how they are not; {@link #aggregate} may take minutes
 * on tens of millions of rows and should honour thread interruption where the engine can.
 */
public interface RecordLevelAnalytics {

  /**
   * Reads, validates and aggregates one extract.
   *
   * @param source the file, its format and the mapping of canonical columns to its headers
   * @param censusDate the date the waiting list was taken: waits are counted up to it, and a clock
   *     start after it is a problem
   * @param lookup the neighbourhoods (LSOA 2021, with 2011 codes mapped) and their deprivation
   * @return the aggregates of every breakdown, sorted as {@link EngineAggregates} documents
   * @throws ExtractRefused when the file is missing a required column or any row breaks a rule
   */
  EngineAggregates aggregate(ExtractSource source, LocalDate censusDate, NeighbourhoodLookup lookup)
      throws ExtractRefused;

  /** A short name for pages and logs: {@code "DuckDB 1.4.1"}, {@code "Apache Spark 4.2.0"}. */
  String engineName();
}
