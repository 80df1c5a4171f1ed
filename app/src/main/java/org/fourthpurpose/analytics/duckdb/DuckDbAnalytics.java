package org.fourthpurpose.analytics.duckdb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.analytics.Breakdown;
import org.fourthpurpose.analytics.EngineAggregates;
import org.fourthpurpose.analytics.ExtractColumn;
import org.fourthpurpose.analytics.ExtractFormat;
import org.fourthpurpose.analytics.ExtractProblem;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractRule;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.ExtractValidation;
import org.fourthpurpose.analytics.FunctionAggregate;
import org.fourthpurpose.analytics.GroupAggregate;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.analytics.WaitHistogram;

/**
 * The embedded engine: DuckDB reads the extract straight from its file (CSV through {@code
 * read_csv}, every value as text; Parquet through {@code read_parquet}), validates every row in
 * SQL, and aggregates; only the aggregates come back to Java.
 *
 * <p>Each analysis gets its own DuckDB database file in the work directory ({@code
 * analysis-<uuid>.duckdb}, with its lookup {@code lookup-<uuid>.csv}), deleted when it ends, and
 * leftovers of a crash are deleted when the engine starts. DuckDB's memory is outside the Java
 * heap: it is capped by {@code SET memory_limit} (the application's default 256MB next to a 512MB
 * heap), uses {@code threads} worker threads, and spills to {@code <work directory>/tmp}. One
 * analysis runs at a time per engine; further calls wait their turn, so memory stays bounded. A new
 * {@link Statement} is used for each query.
 *
 * <p>How: one pass ({@code CREATE TABLE pathways AS …}) numbers the rows ({@code row_number()},
 * header = line 1), trims and checks every value and joins the neighbourhood lookup, keeping per
 * row the group labels, the wait in days and a bit mask of the columns that broke a rule. If any
 * bit is set, or a {@code pathway_id} repeats, the problem lines (at most 100 of each kind) are
 * read again from the file and {@link ExtractValidation} names each rule; otherwise two {@code
 * GROUPING SETS} queries count pathways per group and wait (turned into exact quantiles by {@link
 * WaitHistogram}) and per group and treatment function.
 */
public final class DuckDbAnalytics implements RecordLevelAnalytics {

  private static final Pattern CSV_ERROR_LINE = Pattern.compile("Line: (\\d+)");

  private final Path workDirectory;
  private final String memoryLimit;
  private final int threads;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);
  private volatile String version;

  /**
   * @param workDirectory where the per-analysis database files and spill files go (created)
   * @param memoryLimit DuckDB's memory limit, e.g. {@code 256MB}
   * @param threads DuckDB's worker threads, at least 1
   */
  public DuckDbAnalytics(Path workDirectory, String memoryLimit, int threads) {
    if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|KiB|MiB|GiB)")) {
      throw new IllegalArgumentException(
          "memory limit must be like 256MB or 1GB, was '" + memoryLimit + "'");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.workDirectory = workDirectory.toAbsolutePath().normalize();
    this.memoryLimit = memoryLimit;
    this.threads = threads;
    try {
      Files.createDirectories(this.workDirectory.resolve("tmp"));
      deleteLeftovers();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + this.workDirectory, e);
    }
  }

  private void deleteLeftovers() throws IOException {
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(workDirectory, "{analysis-*.duckdb*,lookup-*.csv}")) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Override
  public String engineName() {
    if (version == null) {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT version()")) {
        rs.next();
        version = "DuckDB " + rs.getString(1).replaceFirst("^v", "");
      } catch (SQLException e) {
        return "DuckDB";
      }
    }
    return version;
  }

  /** The memory limit DuckDB is given, e.g. {@code 256MB}. */
  public String memoryLimit() {
    return memoryLimit;
  }

  @Override
  public EngineAggregates aggregate(
      ExtractSource source, LocalDate censusDate, NeighbourhoodLookup lookup)
      throws ExtractRefused {
    oneAtATime.lock();
    String id = UUID.randomUUID().toString();
    Path database = workDirectory.resolve("analysis-" + id + ".duckdb");
    Path lookupFile = workDirectory.resolve("lookup-" + id + ".csv");
    try {
      long started = System.nanoTime();
      lookup.writeCsv(lookupFile);
      trace("(the lookup written as CSV)", started);
      started = System.nanoTime();
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database)) {
        trace("(connected)", started);
        execute(connection, "SET memory_limit = " + literal(memoryLimit));
        execute(connection, "SET threads = " + threads);
        execute(connection, "SET temp_directory = " + literal(workDirectory.resolve("tmp")));
        // Rows in any order: the fast path needs no line numbers (see Run.aggregate).
        execute(connection, "SET preserve_insertion_order = false");
        return new Run(connection, source, censusDate, lookup, lookupFile).aggregate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed: " + e.getMessage(), e);
    } finally {
      for (Path file :
          List.of(database, database.resolveSibling(database.getFileName() + ".wal"), lookupFile)) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // Deleted at the next start.
        }
      }
      oneAtATime.unlock();
    }
  }

  private static final System.Logger LOG = System.getLogger(DuckDbAnalytics.class.getName());

  private static void execute(Connection connection, String sql) throws SQLException {
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
    trace(sql, started);
  }

  /** Handles one row of a result. */
  @FunctionalInterface
  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  /** Runs a query on a new statement, handing each row to {@code row}. */
  private static void query(Connection connection, String sql, Row row) throws SQLException {
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
    trace(sql, started);
  }

  private static void trace(String sql, long started) {
    if (TRACE) {
      System.err.printf(
          "%6.2fs %s%n",
          (System.nanoTime() - started) / 1e9,
          FULL || sql.length() <= 100 ? sql : sql.substring(0, 100));
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        () -> "DuckDB " + (System.nanoTime() - started) / 1_000_000 + " ms: " + sql);
  }

  private static final boolean TRACE = Boolean.getBoolean("fp.analytics.duckdb.trace");
  private static final boolean FULL = Boolean.getBoolean("fp.analytics.duckdb.trace.full");

  static String literal(Object value) {
    return "'" + value.toString().replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** One analysis on one connection. */
  private static final class Run {
    private final Connection connection;
    private final ExtractSource source;
    private final LocalDate censusDate;
    private final NeighbourhoodLookup lookup;
    private final Path lookupFile;

    /** The SQL expression of each present column's raw text, in the numbered source. */
    private final Map<ExtractColumn, String> raw = new EnumMap<>(ExtractColumn.class);

    /** The numbered source: a subquery with {@code line} and the file's columns. */
    private String numbered;

    Run(
        Connection connection,
        ExtractSource source,
        LocalDate censusDate,
        NeighbourhoodLookup lookup,
        Path lookupFile) {
      this.connection = connection;
      this.source = source;
      this.censusDate = censusDate;
      this.lookup = lookup;
      this.lookupFile = lookupFile;
    }

    EngineAggregates aggregate() throws SQLException, ExtractRefused, IOException {
      List<String> header = header();
      List<ExtractProblem> missing = new ArrayList<>();
      for (ExtractColumn column : ExtractColumn.values()) {
        int index = header.indexOf(source.header(column));
        if (index >= 0) {
          raw.put(
              column,
              source.format() == ExtractFormat.CSV ? "c" + index : identifier(header.get(index)));
        } else if (column.required()) {
          missing.add(ExtractRule.MISSING_COLUMN.problem(0, source.header(column), "", censusDate));
        }
      }
      if (!missing.isEmpty()) {
        throw new ExtractRefused(missing, missing.size());
      }
      numbered = numberedSource(header, false);
      execute(
          connection,
          "CREATE TABLE lookup AS SELECT * FROM read_csv("
              + literal(lookupFile)
              + ", header = true, auto_detect = false, delim = ',', columns = {'lsoa_code':"
              + " 'VARCHAR', 'lsoa21_code': 'VARCHAR', 'imd_decile': 'INTEGER', 'imd_quintile':"
              + " 'INTEGER', 'ics_fifth': 'INTEGER', 'icb_code': 'VARCHAR', 'sub_icb_code':"
              + " 'VARCHAR', 'lad_code': 'VARCHAR', 'population': 'BIGINT'})");
      createPathways();
      long[] counts = new long[3];
      query(
          connection,
          "SELECT count(*), coalesce(sum(bit_count(problems)), 0) FROM pathways",
          rs -> {
            counts[0] = rs.getLong(1);
            counts[1] = rs.getLong(2);
          });
      long rows = counts[0];
      long flagged = counts[1];
      if (rows == 0) {
        throw new ExtractRefused(
            List.of(ExtractRule.NO_PATHWAYS.problem(0, "", "", censusDate)), 1);
      }
      query(
          connection,
          "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM pathways"
              + " WHERE pathway_id IS NOT NULL GROUP BY pathway_id HAVING count(*) > 1)",
          rs -> counts[2] = rs.getLong(1));
      long duplicates = counts[2];
      if (flagged + duplicates > 0) {
        // The rare path: read the file again in order, numbering its lines, to name each problem's
        // line. Numbering every row costs a third of the time of a clean file, so it is not done
        // until a problem is known to be there.
        execute(connection, "DROP TABLE pathways");
        execute(connection, "SET preserve_insertion_order = true");
        numbered = numberedSource(header, true);
        createPathways();
        throw refusal(flagged + duplicates, duplicates > 0);
      }
      return new EngineAggregates(censusDate, total(), groups(), functions());
    }

    /** Reads the file into the pathways table; a file DuckDB cannot read is refused. */
    private void createPathways() throws ExtractRefused {
      try {
        execute(connection, pathwaysTable());
      } catch (SQLException e) {
        throw unreadable(e);
      }
    }

    /** The file's header names (trimmed), CSV from its first line, Parquet from its schema. */
    private List<String> header() throws IOException, SQLException, ExtractRefused {
      if (source.format() == ExtractFormat.PARQUET) {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "DESCRIBE SELECT * FROM read_parquet(" + literal(source.file()) + ")")) {
          while (rs.next()) {
            names.add(rs.getString(1));
          }
        } catch (SQLException e) {
          throw ExtractRefused.ofFile("", "The file could not be read as Parquet: " + first(e));
        }
        return names;
      }
      try (InputStream raw = Files.newInputStream(source.file());
          InputStream in =
              source.file().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line = readBoundedLine(reader);
        if (line == null) {
          throw ExtractRefused.ofFile("", "The file is empty");
        }
        if (line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        return csvFields(line).stream().map(String::trim).toList();
      }
    }

    private static String readBoundedLine(BufferedReader reader) throws IOException {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = reader.read()) >= 0) {
        if (c == '\n') {
          break;
        }
        if (line.length() >= 1 << 20) {
          throw new IOException("the header line is longer than 1 MiB");
        }
        line.append((char) c);
      }
      if (c < 0 && line.isEmpty()) {
        return null;
      }
      int end = line.length();
      if (end > 0 && line.charAt(end - 1) == '\r') {
        line.setLength(end - 1);
      }
      return line.toString();
    }

    private static List<String> csvFields(String line) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      return fields;
    }

    /**
     * The file as rows of text columns, with each row's line number when {@code lines} (0 when not:
     * numbering needs the rows in file order, which costs DuckDB its parallel read).
     */
    private String numberedSource(List<String> header, boolean lines) {
      if (source.format() == ExtractFormat.PARQUET) {
        StringBuilder columns = new StringBuilder();
        for (String name : header) {
          columns
              .append(", CAST(")
              .append(identifier(name))
              .append(" AS VARCHAR) AS ")
              .append(identifier(name));
        }
        return "(SELECT file_row_number + 2 AS line"
            + columns
            + " FROM read_parquet("
            + literal(source.file())
            + ", file_row_number = true))";
      }
      StringBuilder columns = new StringBuilder();
      for (int i = 0; i < header.size(); i++) {
        columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
      }
      return "(SELECT "
          + (lines ? "row_number() OVER () + 1" : "CAST(0 AS BIGINT)")
          + " AS line, * FROM read_csv("
          + literal(source.file())
          + ", header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
          + " null_padding = true, columns = {"
          + columns
          + "}))";
    }

    /** The column's value, surrounding spaces trimmed (only when it has a space: cheaper). */
    private String value(ExtractColumn column) {
      String x = raw.get(column);
      return x == null
          ? "''"
          : "coalesce(CASE WHEN contains("
              + x
              + ", ' ') THEN trim("
              + x
              + ") ELSE "
              + x
              + " END, '')";
    }

    private String upper(ExtractColumn column) {
      return "upper(" + value(column) + ")";
    }

    /**
     * One pass over the file: per row its line, pathway id, wait and group labels, a label being
     * NULL where the value breaks its rule, and a bit mask (bit = {@link ExtractColumn} ordinal) of
     * the columns that broke a rule. The rules are {@link ExtractValidation}'s, in SQL.
     */
    private String pathwaysTable() {
      String census = "DATE " + literal(censusDate);
      String codes =
          "SELECT line, "
              + value(ExtractColumn.PATHWAY_ID)
              + " AS pathway_id, "
              + upper(ExtractColumn.LSOA_CODE)
              + " AS lsoa_code, "
              + value(ExtractColumn.AGE)
              + " AS age, "
              + upper(ExtractColumn.SEX)
              + " AS sex, "
              + upper(ExtractColumn.ETHNICITY)
              + " AS ethnicity, "
              + upper(ExtractColumn.FIRST_LANGUAGE_ENGLISH)
              + " AS language, "
              + upper(ExtractColumn.LEARNING_DISABILITY)
              + " AS disability, "
              + upper(ExtractColumn.MENTAL_HEALTH)
              + " AS mental_health, "
              + upper(ExtractColumn.TREATMENT_FUNCTION)
              + " AS treatment_function, "
              + value(ExtractColumn.CLOCK_START)
              + " AS clock_start, "
              + value(ExtractColumn.PROVIDER_CODE)
              + " AS provider_code FROM "
              + numbered;
      String labels =
          "SELECT line, pathway_id, lsoa_code, treatment_function, provider_code,"
              + " CASE WHEN length(clock_start) = 10 AND clock_start[5] = '-'"
              + " AND clock_start[8] = '-' THEN TRY_CAST(clock_start AS DATE) END AS clock,"
              + " CASE WHEN age = '' THEN 'Not known'"
              + " WHEN NOT regexp_full_match(age, '[0-9]{1,3}') THEN NULL"
              + " WHEN CAST(age AS INTEGER) < 18 THEN '0-17'"
              + " WHEN CAST(age AS INTEGER) < 40 THEN '18-39'"
              + " WHEN CAST(age AS INTEGER) < 60 THEN '40-59'"
              + " WHEN CAST(age AS INTEGER) < 75 THEN '60-74'"
              + " WHEN CAST(age AS INTEGER) <= 120 THEN '75+' END AS age_band,"
              + " CASE sex WHEN '1' THEN 'Male' WHEN 'M' THEN 'Male' WHEN '2' THEN 'Female'"
              + " WHEN 'F' THEN 'Female' WHEN '9' THEN 'Indeterminate' WHEN '0' THEN 'Not known'"
              + " WHEN 'X' THEN 'Not known' WHEN '' THEN 'Not known' END AS sex,"
              + " CASE ethnicity WHEN 'A' THEN 'White' WHEN 'B' THEN 'White' WHEN 'C' THEN 'White'"
              + " WHEN 'D' THEN 'Mixed' WHEN 'E' THEN 'Mixed' WHEN 'F' THEN 'Mixed'"
              + " WHEN 'G' THEN 'Mixed' WHEN 'H' THEN 'Asian' WHEN 'J' THEN 'Asian'"
              + " WHEN 'K' THEN 'Asian' WHEN 'L' THEN 'Asian' WHEN 'M' THEN 'Black'"
              + " WHEN 'N' THEN 'Black' WHEN 'P' THEN 'Black' WHEN 'R' THEN 'Other'"
              + " WHEN 'S' THEN 'Other' WHEN 'Z' THEN 'Not stated' WHEN '99' THEN 'Not stated'"
              + " WHEN '' THEN 'Not stated' END AS ethnicity,"
              + flag("language")
              + " AS language,"
              + flag("disability")
              + " AS learning_disability,"
              + flag("mental_health")
              + " AS mental_health"
              + " FROM ("
              + codes
              + ")";
      String[] checks = {
        "pathway_id = '' OR length(pathway_id) > 64",
        "l.lsoa_code IS NULL",
        "age_band IS NULL",
        "r.sex IS NULL",
        "r.ethnicity IS NULL",
        "r.language IS NULL",
        "r.learning_disability IS NULL",
        "r.mental_health IS NULL",
        "NOT regexp_full_match(treatment_function, '[0-9]{3}|X0[1-6]')",
        "clock IS NULL OR clock > " + census,
        "length(provider_code) > 64"
      };
      StringBuilder mask = new StringBuilder();
      for (int bit = 0; bit < checks.length; bit++) {
        mask.append(bit == 0 ? "" : " + ")
            .append("CASE WHEN ")
            .append(checks[bit])
            .append(" THEN ")
            .append(1 << bit)
            .append(" ELSE 0 END");
      }
      // A temporary table: kept in memory up to the memory limit and spilled to temp_directory
      // beyond it, never written into the database file (which halves the time of a large file).
      return "CREATE TEMP TABLE pathways AS SELECT line,"
          + " CASE WHEN pathway_id <> '' AND length(pathway_id) <= 64 THEN pathway_id END"
          + " AS pathway_id,"
          + " CAST("
          + census
          + " - clock AS INTEGER) AS wait,"
          + " CAST(l.imd_quintile AS VARCHAR) AS imd_quintile,"
          + " CAST(l.imd_decile AS VARCHAR) AS imd_decile,"
          + " CAST(l.ics_fifth AS VARCHAR) AS ics_fifth,"
          + " r.ethnicity, r.language, r.learning_disability, r.mental_health, age_band, r.sex,"
          + " l.sub_icb_code AS sub_icb, l.lad_code AS district, treatment_function,"
          + " CAST("
          + mask
          + " AS INTEGER) AS problems"
          + " FROM ("
          + labels
          + ") r LEFT JOIN lookup l ON l.lsoa_code = r.lsoa_code";
    }

    private static String flag(String column) {
      return " CASE "
          + column
          + " WHEN 'Y' THEN 'Yes' WHEN 'N' THEN 'No' WHEN '' THEN 'Not recorded' END";
    }

    private ExtractRefused unreadable(SQLException e) {
      String message = first(e);
      Matcher line = CSV_ERROR_LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
      long at = line.find() ? Long.parseLong(line.group(1)) : 0;
      return new ExtractRefused(
          List.of(
              new ExtractProblem(
                  at,
                  "",
                  "The file could not be read as "
                      + (source.format() == ExtractFormat.CSV ? "CSV" : "Parquet")
                      + ": "
                      + message)),
          1);
    }

    private static String first(SQLException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      message = message.replaceFirst("^[A-Za-z ]+Error: ", "");
      int end = message.indexOf('\n');
      String firstLine = end < 0 ? message : message.substring(0, end);
      Matcher detail = Pattern.compile("\n(Expected Number of Columns[^\n]*)").matcher(message);
      if (detail.find()) {
        firstLine += " (" + detail.group(1) + ")";
      }
      return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }

    /** The refusal: the first problem lines read again from the file and named in Java. */
    private ExtractRefused refusal(long total, boolean anyDuplicates) throws SQLException {
      Map<Long, Integer> masks = new TreeMap<>();
      query(
          connection,
          "SELECT line, problems FROM pathways WHERE problems <> 0 ORDER BY line LIMIT "
              + ExtractRefused.MAX_PROBLEMS,
          rs -> masks.put(rs.getLong(1), rs.getInt(2)));
      TreeSet<Long> duplicateLines = new TreeSet<>();
      if (anyDuplicates) {
        query(
            connection,
            "SELECT line FROM (SELECT line, row_number() OVER (PARTITION BY pathway_id"
                + " ORDER BY line) AS repeat FROM pathways WHERE pathway_id IN (SELECT"
                + " pathway_id FROM pathways WHERE pathway_id IS NOT NULL GROUP BY"
                + " pathway_id HAVING count(*) > 1)) WHERE repeat > 1 ORDER BY line LIMIT "
                + ExtractRefused.MAX_PROBLEMS,
            rs -> duplicateLines.add(rs.getLong(1)));
      }
      TreeSet<Long> lines = new TreeSet<>(masks.keySet());
      lines.addAll(duplicateLines);
      Map<Long, Map<ExtractColumn, String>> values = rawValues(lines);
      List<ExtractProblem> problems = new ArrayList<>();
      for (long line : lines) {
        Map<ExtractColumn, String> row = values.getOrDefault(line, Map.of());
        int bits = masks.getOrDefault(line, 0);
        for (ExtractColumn column : ExtractColumn.values()) {
          String value = row.getOrDefault(column, "");
          if ((bits & (1 << column.ordinal())) != 0) {
            Optional<ExtractRule> rule = ExtractValidation.check(column, value, censusDate, lookup);
            problems.add(
                rule.map(r -> r.problem(line, source.header(column), value, censusDate))
                    .orElseGet(
                        () ->
                            new ExtractProblem(
                                line, source.header(column), "'" + value + "' is not valid")));
          } else if (column == ExtractColumn.PATHWAY_ID && duplicateLines.contains(line)) {
            problems.add(
                ExtractRule.DUPLICATE_PATHWAY.problem(
                    line, source.header(column), value, censusDate));
          }
        }
      }
      problems.sort(
          Comparator.comparingLong(ExtractProblem::line)
              .thenComparingInt(p -> columnOrder(p.column())));
      return new ExtractRefused(
          problems.subList(0, Math.min(problems.size(), ExtractRefused.MAX_PROBLEMS)), total);
    }

    private int columnOrder(String header) {
      for (ExtractColumn column : ExtractColumn.values()) {
        if (source.header(column).equals(header)) {
          return column.ordinal();
        }
      }
      return Integer.MAX_VALUE;
    }

    /** The trimmed raw values of some lines, read again from the file. */
    private Map<Long, Map<ExtractColumn, String>> rawValues(TreeSet<Long> lines)
        throws SQLException {
      Map<Long, Map<ExtractColumn, String>> values = new HashMap<>();
      if (lines.isEmpty()) {
        return values;
      }
      StringBuilder select = new StringBuilder("SELECT line");
      List<ExtractColumn> present = new ArrayList<>(raw.keySet());
      for (ExtractColumn column : present) {
        select.append(", ").append(value(column));
      }
      StringBuilder in = new StringBuilder();
      for (long line : lines) {
        in.append(in.isEmpty() ? "" : ", ").append(line);
      }
      select.append(" FROM ").append(numbered).append(" WHERE line IN (").append(in).append(")");
      query(
          connection,
          select.toString(),
          rs -> {
            Map<ExtractColumn, String> row = new EnumMap<>(ExtractColumn.class);
            for (int i = 0; i < present.size(); i++) {
              row.put(present.get(i), rs.getString(i + 2));
            }
            values.put(rs.getLong(1), row);
          });
      return values;
    }

    private static final Map<Breakdown, String> COLUMNS = new EnumMap<>(Breakdown.class);

    static {
      COLUMNS.put(Breakdown.IMD_QUINTILE, "imd_quintile");
      COLUMNS.put(Breakdown.IMD_DECILE, "imd_decile");
      COLUMNS.put(Breakdown.ICS_FIFTH, "ics_fifth");
      COLUMNS.put(Breakdown.ETHNICITY, "ethnicity");
      COLUMNS.put(Breakdown.LANGUAGE, "language");
      COLUMNS.put(Breakdown.LEARNING_DISABILITY, "learning_disability");
      COLUMNS.put(Breakdown.MENTAL_HEALTH, "mental_health");
      COLUMNS.put(Breakdown.AGE_BAND, "age_band");
      COLUMNS.put(Breakdown.SEX, "sex");
      COLUMNS.put(Breakdown.SUB_ICB, "sub_icb");
      COLUMNS.put(Breakdown.DISTRICT, "district");
      COLUMNS.put(Breakdown.TREATMENT_FUNCTION, "treatment_function");
    }

    private org.fourthpurpose.analytics.WaitStatistics total() throws SQLException {
      WaitHistogram histogram = new WaitHistogram();
      query(
          connection,
          "SELECT wait, count(*) FROM pathways GROUP BY wait",
          rs -> histogram.add(rs.getInt(1), rs.getLong(2)));
      return histogram.statistics();
    }

    /** Per group (and two-way cell) and wait, in one scan with grouping sets. */
    private List<GroupAggregate> groups() throws SQLException {
      List<String> sets = new ArrayList<>();
      List<Breakdown> order = new ArrayList<>();
      for (Breakdown b : Breakdown.values()) {
        order.add(b);
        sets.add(
            b.isTwoWay()
                ? "("
                    + COLUMNS.get(b.rows())
                    + ", "
                    + COLUMNS.get(b.columns().orElseThrow())
                    + ", wait)"
                : "(" + COLUMNS.get(b) + ", wait)");
      }
      StringBuilder grouping = new StringBuilder();
      for (Breakdown b : Breakdown.oneWay()) {
        grouping.append(grouping.isEmpty() ? "" : ", ").append(COLUMNS.get(b));
      }
      String sql =
          "SELECT GROUPING("
              + grouping
              + ") AS set_id, "
              + grouping
              + ", wait, count(*) AS n FROM pathways GROUP BY GROUPING SETS ("
              + String.join(", ", sets)
              + ")";
      Map<List<String>, WaitHistogram> histograms = new HashMap<>();
      List<Breakdown> oneWay = Breakdown.oneWay();
      query(
          connection,
          sql,
          rs -> {
            long setId = rs.getLong(1);
            // GROUPING(...) sets a bit (most significant first) for each column not grouped.
            List<Breakdown> grouped = new ArrayList<>();
            for (int i = 0; i < oneWay.size(); i++) {
              if ((setId & (1L << (oneWay.size() - 1 - i))) == 0) {
                grouped.add(oneWay.get(i));
              }
            }
            Breakdown breakdown = breakdownOf(grouped);
            String group = rs.getString(2 + oneWay.indexOf(breakdown.rows()));
            String column =
                breakdown.columns().isPresent()
                    ? rs.getString(2 + oneWay.indexOf(breakdown.columns().get()))
                    : "";
            histograms
                .computeIfAbsent(List.of(breakdown.name(), group, column), k -> new WaitHistogram())
                .add(rs.getInt(2 + oneWay.size()), rs.getLong(3 + oneWay.size()));
          });
      List<GroupAggregate> groups = new ArrayList<>();
      histograms.forEach(
          (key, histogram) ->
              groups.add(
                  new GroupAggregate(
                      Breakdown.valueOf(key.get(0)),
                      key.get(1),
                      key.get(2),
                      histogram.statistics())));
      return groups;
    }

    private static Breakdown breakdownOf(List<Breakdown> grouped) {
      if (grouped.size() == 1) {
        return grouped.get(0);
      }
      for (Breakdown b : Breakdown.twoWay()) {
        if (grouped.equals(List.of(b.rows(), b.columns().orElseThrow()))
            || grouped.equals(List.of(b.columns().orElseThrow(), b.rows()))) {
          return b;
        }
      }
      throw new IllegalStateException("unexpected grouping set " + grouped);
    }

    /** Per group and treatment function: pathways and those over 18 weeks. */
    private List<FunctionAggregate> functions() throws SQLException {
      List<Breakdown> breakdowns = new ArrayList<>();
      for (Breakdown b : Breakdown.oneWay()) {
        if (b != Breakdown.TREATMENT_FUNCTION) {
          breakdowns.add(b);
        }
      }
      StringBuilder grouping = new StringBuilder();
      List<String> sets = new ArrayList<>();
      for (Breakdown b : breakdowns) {
        grouping.append(grouping.isEmpty() ? "" : ", ").append(COLUMNS.get(b));
        sets.add("(" + COLUMNS.get(b) + ", treatment_function)");
      }
      String sql =
          "SELECT GROUPING("
              + grouping
              + ") AS set_id, "
              + grouping
              + ", treatment_function, count(*) AS n, count_if(wait > 126) AS over18"
              + " FROM pathways GROUP BY GROUPING SETS ("
              + String.join(", ", sets)
              + ")";
      List<FunctionAggregate> functions = new ArrayList<>();
      query(
          connection,
          sql,
          rs -> {
            long setId = rs.getLong(1);
            int grouped = -1;
            for (int i = 0; i < breakdowns.size(); i++) {
              if ((setId & (1L << (breakdowns.size() - 1 - i))) == 0) {
                grouped = i;
              }
            }
            functions.add(
                new FunctionAggregate(
                    breakdowns.get(grouped),
                    rs.getString(2 + grouped),
                    rs.getString(2 + breakdowns.size()),
                    rs.getLong(3 + breakdowns.size()),
                    rs.getLong(4 + breakdowns.size())));
          });
      return functions;
    }
  }

  /** The working directory of this engine (for tests and the benchmark's report). */
  Path workDirectory() {
    return workDirectory;
  }
}
