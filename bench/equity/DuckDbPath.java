import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.fourthpurpose.analytics.EngineAggregates;
import org.fourthpurpose.analytics.EquityAnalyses;
import org.fourthpurpose.analytics.EquityResult;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.NeighbourhoodLookups;
import org.fourthpurpose.analytics.duckdb.DuckDbAnalytics;

/**
 * The product's DuckDB path on one extract: DuckDbAnalytics.aggregate (read, validate, aggregate)
 * then EquityAnalyses.finish (statistics and disclosure control), timed together. The lookup is
 * built before the clock starts (the web application builds it once and keeps it).
 *
 * <p>java -Xmx512m -cp CLASSPATH bench/equity/DuckDbPath.java FILE CENSUS_DATE [MEMORY_LIMIT]
 */
public class DuckDbPath {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    LocalDate census = LocalDate.parse(args[1]);
    String memoryLimit = args.length > 2 ? args[2] : "256MB";
    NeighbourhoodLookup lookup =
        NeighbourhoodLookups.fromShippedFiles(Path.of("app/src/main/resources/reference"));
    Path work = Files.createTempDirectory("duckdb-path-");
    DuckDbAnalytics engine = new DuckDbAnalytics(work, memoryLimit, 2);
    // Loads DuckDB's native library, as the web application does once when it starts.
    engine.engineName();
    long started = System.nanoTime();
    EngineAggregates aggregates = engine.aggregate(ExtractSource.csv(file), census, lookup);
    long aggregated = System.nanoTime();
    EquityResult result = EquityAnalyses.finish(aggregates);
    long finished = System.nanoTime();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "%s rows=%d aggregate=%.2fs finish=%.3fs total=%.2fs heapUsed=%dMB memoryLimit=%s%n",
        engine.engineName(),
        aggregates.total().waiting(),
        (aggregated - started) / 1e9,
        (finished - aggregated) / 1e9,
        (finished - started) / 1e9,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20,
        memoryLimit);
    System.out.println(result.findings().get(0));
  }
}
