package org.fourthpurpose.analytics.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.fourthpurpose.analytics.EngineAggregates;
import org.fourthpurpose.analytics.EquityAnalyses;
import org.fourthpurpose.analytics.EquityResult;
import org.fourthpurpose.analytics.ExtractFormat;
import org.fourthpurpose.analytics.ExtractProblem;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.NeighbourhoodLookups;

/**
 * The Spark job's command line: runs the equity analyses of one waiting-list extract and writes one
 * CSV file per breakdown.
 *
 * <pre>
 * java -jar fourth-purpose-spark-job.jar --input FILE --census-date YYYY-MM-DD --output DIR
 *     [--lookup FILE] [--master URL] [--format csv|parquet]
 *
 * spark-submit --class org.fourthpurpose.analytics.spark.SparkJob fourth-purpose-spark-job.jar …
 * </pre>
 *
 * <p>Exit status: 0 when the tables were written; 1 when the extract was refused (its problems,
 * with line and column, are printed); 2 when the arguments or the lookup are wrong; 3 when Spark or
 * the output directory failed.
 */
public final class SparkJob {

  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE = 2;
  static final int FAILED = 3;

  static final String USAGE_TEXT =
      """
      Usage: java -jar fourth-purpose-spark-job.jar --input FILE --census-date YYYY-MM-DD --output DIR
                 [--lookup FILE] [--master URL] [--format csv|parquet]

        --input        the waiting-list extract, one row per open pathway (CSV or Parquet)
        --census-date  the date the list was taken: waits are counted up to it
        --output       the directory to write <breakdown>.csv into (made if missing)
        --lookup       the neighbourhood lookup CSV (NeighbourhoodLookup format); without it, the
                       lookup is built from the reference files shipped in this jar
        --master       the Spark master URL (default local[2]; spark-submit's when run by it)
        --format       csv or parquet (default: from the file name: .csv, .csv.gz, .parquet, .pq)
      """;

  private SparkJob() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, true);
    if (status != OK) {
      System.exit(status);
    }
  }

  /** The parsed command line. */
  record Arguments(
      Path input,
      LocalDate censusDate,
      Path output,
      Path lookup,
      String master,
      ExtractFormat format) {

    static Arguments parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!List.of("--input", "--census-date", "--output", "--lookup", "--master", "--format")
            .contains(name)) {
          throw new IllegalArgumentException("Unknown argument " + name);
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        if (values.put(name, args[++i]) != null) {
          throw new IllegalArgumentException(name + " is given twice");
        }
      }
      for (String required : List.of("--input", "--census-date", "--output")) {
        if (!values.containsKey(required)) {
          throw new IllegalArgumentException(required + " is required");
        }
      }
      Path input = Path.of(values.get("--input"));
      LocalDate censusDate;
      try {
        censusDate = LocalDate.parse(values.get("--census-date"));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--census-date '" + values.get("--census-date") + "' is not a date written YYYY-MM-DD");
      }
      ExtractFormat format;
      if (values.containsKey("--format")) {
        String f = values.get("--format").toUpperCase(Locale.ROOT);
        if (!List.of("CSV", "PARQUET").contains(f)) {
          throw new IllegalArgumentException("--format must be csv or parquet");
        }
        format = ExtractFormat.valueOf(f);
      } else {
        format =
            ExtractFormat.fromFileName(input)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Cannot tell the format of "
                                + input.getFileName()
                                + " from its name: give --format csv or --format parquet"));
      }
      return new Arguments(
          input,
          censusDate,
          Path.of(values.get("--output")),
          values.containsKey("--lookup") ? Path.of(values.get("--lookup")) : null,
          values.get("--master"),
          format);
    }
  }

  /**
   * Runs the job.
   *
   * @param stopSession whether to stop the Spark session at the end (not when a test shares it)
   * @return the exit status
   */
  static int run(String[] args, PrintStream out, PrintStream err, boolean stopSession) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE_TEXT);
      return USAGE;
    }
    NeighbourhoodLookup lookup;
    try {
      lookup =
          arguments.lookup() != null
              ? NeighbourhoodLookup.readCsv(arguments.lookup())
              : shippedLookup();
    } catch (IOException | RuntimeException e) {
      err.println("The neighbourhood lookup could not be read: " + e.getMessage());
      return USAGE;
    }
    long started = System.nanoTime();
    SparkSession spark = SparkSessions.create(arguments.master(), Map.of());
    try {
      SparkRecordLevelAnalytics engine = new SparkRecordLevelAnalytics(spark);
      ExtractSource source = new ExtractSource(arguments.input(), arguments.format(), Map.of());
      EngineAggregates aggregates = engine.aggregate(source, arguments.censusDate(), lookup);
      EquityResult result = EquityAnalyses.finish(aggregates);
      List<Path> files = BreakdownFiles.write(result, arguments.output());
      out.printf(
          Locale.ROOT,
          "%s: %d pathways at %s; wrote %d tables to %s in %.1f s%n",
          engine.engineName(),
          aggregates.total().waiting(),
          arguments.censusDate(),
          files.size(),
          arguments.output(),
          (System.nanoTime() - started) / 1e9);
      for (String finding : result.findings()) {
        out.println("  " + finding);
      }
      return OK;
    } catch (ExtractRefused refused) {
      err.println(
          "The extract was refused ("
              + refused.totalProblems()
              + (refused.totalProblems() == 1 ? " problem" : " problems")
              + "; nothing was written):");
      for (ExtractProblem problem : refused.problems()) {
        err.println("  " + problem);
      }
      if (refused.totalProblems() > refused.problems().size()) {
        err.println("  … and " + (refused.totalProblems() - refused.problems().size()) + " more");
      }
      return REFUSED;
    } catch (IOException e) {
      err.println(
          "The tables could not be written to " + arguments.output() + ": " + e.getMessage());
      return FAILED;
    } finally {
      if (stopSession) {
        spark.stop();
      }
    }
  }

  /** The lookup built from the reference files packed in this jar (from the web application's). */
  static NeighbourhoodLookup shippedLookup() throws IOException {
    Path dir = Files.createTempDirectory("fp-spark-reference");
    try {
      for (String name :
          List.of(
              NeighbourhoodLookups.IMD,
              NeighbourhoodLookups.ICB,
              NeighbourhoodLookups.LAD,
              NeighbourhoodLookups.POPULATION,
              NeighbourhoodLookups.LSOA11)) {
        try (InputStream in = SparkJob.class.getResourceAsStream("/reference/" + name)) {
          if (in == null) {
            throw new IOException("the jar has no reference/" + name);
          }
          Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return NeighbourhoodLookups.fromShippedFiles(dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
