package org.fourthpurpose.anchor.spend;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.anchor.spend.SpendPlaces.LsoaFacts;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.fourthpurpose.geography.LsoaLocator;
import org.fourthpurpose.geography.ShippedLsoaBoundaries;

/**
 * Times a spend file of N rows (default 500,000), each placed by latitude and longitude, read,
 * placed and added up as an upload is ({@link CsvSpendRows} into {@link SpendAggregation}), for
 * West Yorkshire's footprint. The places come from the shipped reference files and the boundaries
 * from the shipped GeoJSON, so no database is involved: the upload's own work is what is timed. Run
 * by {@code bench/spend/run.sh}; not a test.
 *
 * <p>The generated file: suppliers drawn from 20,000 names; amounts from £0.01 to £100,000; each
 * position an LSOA's population-weighted centroid moved up to about 300 m in each direction (so
 * some land over a border or just off a coast), and one row in fifty in Wales, Scotland or the sea.
 */
public final class SpendBenchmark {

  private SpendBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    Path work = Path.of(args.length > 1 ? args[1] : System.getProperty("java.io.tmpdir"));
    Files.createDirectories(work);
    Path file = work.resolve("spend-" + rows + ".csv");
    String icb = "E54000054";

    long t0 = System.nanoTime();
    LsoaLocator locator = ShippedLsoaBoundaries.locator();
    double boundariesSeconds = (System.nanoTime() - t0) / 1e9;
    SpendPlaces places = places(icb, locator);
    if (!Files.exists(file)) {
      generate(file, rows);
    }
    System.gc();
    long heapBefore = used();

    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    sampler.start();
    long start = System.nanoTime();
    SpendSummary summary;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      summary =
          new SpendAggregation(places, file.getFileName().toString())
              .read(new CsvSpendRows(in, file.getFileName().toString()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    sampler.interrupt();
    System.out.printf(
        Locale.ROOT,
        "RESULT rows=%d bytes=%d seconds=%.2f thread_cpu_seconds=%.2f rows_per_second=%.0f"
            + " boundaries_built_seconds=%.2f heap_before_mb=%.0f sampled_peak_heap_mb=%.0f"
            + " max_heap_mb=%.0f total=%s footprint=%s most_deprived20=%s unlocated=%s"
            + " unplaced_rows=%d near_placed_rows=%d suppliers=%d districts=%d%n",
        summary.rows(),
        Files.size(file),
        seconds,
        cpu,
        summary.rows() / seconds,
        boundariesSeconds,
        heapBefore / 1048576.0,
        peak.get() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0,
        SpendSummary.pounds(summary.totalPence()),
        SpendSummary.pounds(summary.footprintPence()),
        SpendSummary.pounds(summary.mostDeprived20Pence()),
        SpendSummary.pounds(summary.unlocatedPence()),
        summary.unplacedRows(),
        summary.nearPlacedRows(),
        summary.suppliers(),
        summary.byDistrict().size());
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void generate(Path file, int rows) throws IOException {
    List<double[]> centroids = new ArrayList<>();
    for (CsvRecord r :
        csv("/work/shared/data/geography/lsoa21_population_weighted_centroids.csv")) {
      centroids.add(new double[] {Double.parseDouble(r.field(2)), Double.parseDouble(r.field(1))});
    }
    double[][] outside = {{51.4816, -3.1791}, {55.9533, -3.1883}, {54.0, 1.5}, {50.3, -1.5}};
    Random random = new Random(11);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("supplier,amount,lsoa_code,lad_code,latitude,longitude\n");
      for (int i = 0; i < rows; i++) {
        double[] at =
            random.nextInt(50) == 0
                ? outside[random.nextInt(outside.length)]
                : centroids.get(random.nextInt(centroids.size()));
        double latitude = at[0] + (random.nextDouble() - 0.5) * 0.0054;
        double longitude = at[1] + (random.nextDouble() - 0.5) * 0.0086;
        long pence = 1 + (long) (random.nextDouble() * random.nextDouble() * 10_000_000);
        out.write(
            String.format(
                Locale.ROOT,
                "Supplier %d Ltd,%d.%02d,,,%.6f,%.6f%n",
                random.nextInt(20_000),
                pence / 100,
                pence % 100,
                latitude,
                longitude));
      }
    }
  }

  /** The places of England and the footprint of one ICB, from the shipped reference files. */
  static SpendPlaces places(String icb, LsoaLocator locator) throws IOException {
    Map<String, String> icbOf = new HashMap<>();
    for (CsvRecord r : resource("lookup_lsoa21_sicbl24_icb24.csv.gz")) {
      icbOf.put(r.field(1), r.field(6));
    }
    Map<String, Integer> decile = new HashMap<>();
    for (CsvRecord r : resource("imd2025_england_lsoa21.csv.gz")) {
      decile.put(r.field(0), Integer.parseInt(r.field(1)));
    }
    Map<String, LsoaFacts> lsoas = new HashMap<>();
    TreeSet<String> footprint = new TreeSet<>();
    for (CsvRecord r : resource("lookup_lsoa21_ward24_ltla24.csv.gz")) {
      boolean in = icb.equals(icbOf.get(r.field(1)));
      lsoas.put(
          r.field(1),
          new LsoaFacts(r.field(5), icbOf.get(r.field(1)), decile.getOrDefault(r.field(1), 0)));
      if (in) {
        footprint.add(r.field(5));
      }
    }
    Map<String, String> districts = new HashMap<>();
    for (CsvRecord r : resource("lookup_ltla24_region24.csv.gz")) {
      districts.put(r.field(1), r.field(0));
    }
    return new SpendPlaces(icb, lsoas, districts, footprint, locator::place, null);
  }

  private static List<CsvRecord> resource(String name) throws IOException {
    try (InputStream in = SpendBenchmark.class.getResourceAsStream("/reference/" + name)) {
      return records(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
    }
  }

  private static List<CsvRecord> csv(String path) throws IOException {
    return records(Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8));
  }

  private static List<CsvRecord> records(Reader in) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new BufferedReader(in))) {
      reader.next();
      for (var r = reader.next(); r.isPresent(); r = reader.next()) {
        records.add(r.get());
      }
    }
    return records;
  }
}
