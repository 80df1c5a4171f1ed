package org.fourthpurpose.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.FourthPurposeApplication;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.indicator.importing.IndicatorImports;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures backing up and restoring a workspace with many imported values: seconds, the backup's
 * size and the peak heap in use, then checks that a second backup after the restore has the same
 * data. Run by {@code bench/backup/run.sh}; not a test.
 *
 * <p>Arguments: rows (imported values), working directory (holds the H2 database and the files).
 */
public final class BackupBenchmark {

  private static final String WORKSPACE = "E54000051";

  private BackupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    Path work = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(work);
    ConfigurableApplicationContext context =
        new SpringApplication(FourthPurposeApplication.class)
            .run(
                "--server.port=0",
                "--fp.data-dir=" + work,
                // A file database (the test configuration on the class path would keep it in the
                // heap being measured).
                "--spring.datasource.url=jdbc:h2:file:"
                    + work.resolve("fourthpurpose")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--fp.reference.background-loading=false",
                "--logging.level.root=WARN",
                "--logging.level.org.fourthpurpose.backup=INFO");
    try {
      Geography geography = context.getBean(Geography.class);
      List<String> areas =
          java.util.stream.Stream.concat(
                  geography.icbs().stream().map(i -> i.code()),
                  geography.lads().stream().map(l -> l.code()))
              .toList();
      var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      long stored =
          jdbc.queryForObject(
              "select count(*) from imported_value where workspace_icb_code = ?",
              Long.class,
              WORKSPACE);
      if (stored != rows) {
        jdbc.update("delete from imported_value");
        jdbc.update("delete from indicator_import_error");
        jdbc.update("delete from indicator_import");
        Path csv = work.resolve("values-" + rows + ".csv");
        generate(csv, rows, areas);
        context
            .getBean(IndicatorImports.class)
            .importNow(WORKSPACE, csv, csv.getFileName().toString(), "bench");
        Files.delete(csv);
      }
      WorkspaceBackups backups = context.getBean(WorkspaceBackups.class);
      Path backup = measure("export", () -> backups.export(WORKSPACE));
      System.out.printf(
          Locale.ROOT,
          "RESULT backup_mb=%.1f uncompressed_mb=%.1f%n",
          Files.size(backup) / 1048576.0,
          uncompressedSize(backup) / 1048576.0);
      measure("restore", () -> backups.restore(WORKSPACE, backup, "bench", false));
      Path again = backups.export(WORKSPACE);
      System.out.println(
          "RESULT same_data_after_restore=" + dataDigest(backup).equals(dataDigest(again)));
      Files.delete(backup);
      Files.delete(again);
    } finally {
      context.close();
    }
  }

  private static <T> T measure(String what, Supplier<T> work) {
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long started = System.nanoTime();
    T result = work.get();
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    System.out.printf(
        Locale.ROOT,
        "RESULT %s seconds=%.2f heap_before_mb=%.0f sampled_peak_heap_mb=%.0f max_heap_mb=%.0f%n",
        what,
        seconds,
        before / 1048576.0,
        peak.get() / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
    return result;
  }

  private static long uncompressedSize(Path backup) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(backup), 65536)) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** SHA-256 of everything from the data on (the header before it has the time of the backup). */
  private static String dataDigest(Path backup) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] marker = ",\"data\":".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(backup), 65536)) {
      int matched = 0;
      int b;
      while (matched < marker.length && (b = in.read()) >= 0) {
        matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
      }
      byte[] buffer = new byte[65536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** {@code rows} distinct values of five indicators for every ICB and district, month by month. */
  private static void generate(Path file, int rows, List<String> areas) throws IOException {
    String[] indicators = {
      "employment-rate",
      "economic-inactivity",
      "claimant-count",
      "adult-obesity",
      "no-qualifications"
    };
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci\n");
      int written = 0;
      for (int month = 0; written < rows; month++) {
        String period = String.format(Locale.ROOT, "%d-%02d", 1900 + month / 12, month % 12 + 1);
        for (String indicator : indicators) {
          for (int a = 0; a < areas.size() && written < rows; a++) {
            double value = (100 + (written * 7919L) % 900) / 10.0 + written / 1e7;
            out.write(
                indicator
                    + ","
                    + areas.get(a)
                    + ","
                    + period
                    + ","
                    + value
                    + ",,,"
                    + (value - 1.5)
                    + ","
                    + (value + 1.5)
                    + "\n");
            written++;
          }
        }
      }
    }
  }
}
