package org.fourthpurpose.indicator.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.FourthPurposeApplication;
import org.fourthpurpose.geography.Geography;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures importing a large tidy CSV through {@link IndicatorImports}: rows per second and the
 * peak heap used during the import. Run by {@code bench/import/run.sh}; not a test.
 *
 * <p>Arguments: rows, working directory (holds the H2 database and the generated file), and a mode:
 * {@code new} (the default: into an empty workspace), {@code replace} (after importing the rows
 * once, untimed, a file with every value changed, so every stored value is replaced) or {@code
 * reject-last} (the rows and then one bad row, so the file is rejected after every good row was
 * stored and is rolled back).
 */
public final class ImportBenchmark {

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[0]);
    Path work = Path.of(args[1]).toAbsolutePath();
    String mode = args.length > 2 ? args[2] : "new";
    if (!List.of("new", "replace", "reject-last").contains(mode)) {
      throw new IllegalArgumentException("mode is new, replace or reject-last, not " + mode);
    }
    Files.createDirectories(work);
    ConfigurableApplicationContext context =
        new SpringApplication(FourthPurposeApplication.class)
            .run(
                "--server.port=0",
                "--fp.data-dir=" + work,
                // The catalogue loads in the background otherwise, and would not be there yet.
                "--fp.reference.background-loading=false",
                "--logging.level.root=WARN",
                "--logging.level.org.fourthpurpose.indicator=INFO");
    try {
      Geography geography = context.getBean(Geography.class);
      List<String> areas =
          java.util.stream.Stream.concat(
                  geography.icbs().stream().map(i -> i.code()),
                  geography.lads().stream().map(l -> l.code()))
              .toList();
      Path file = work.resolve("tidy-" + rows + "-" + mode + ".csv");
      generate(file, rows, areas, mode.equals("replace") ? 1 : 0);
      if (mode.equals("reject-last")) {
        Files.writeString(
            file,
            "employment-rate,E54000051,2024,not a number,,,,\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.APPEND);
      }
      IndicatorImports imports = context.getBean(IndicatorImports.class);
      // Start from an empty workspace, so the same file is not recognised as already imported.
      var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      jdbc.update("delete from imported_value");
      jdbc.update("delete from indicator_import_error");
      jdbc.update("delete from indicator_import");
      if (!mode.equals("new")) {
        Path first = work.resolve("tidy-" + rows + "-first.csv");
        generate(first, rows, areas, 0);
        ImportOutcome before =
            imports.importNow("E54000051", first, first.getFileName().toString(), "bench");
        System.out.println(
            "RESULT before: status="
                + before.record().status()
                + " stored="
                + before.record().rowsStored());
      }

      System.gc();
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      // Sample the heap in use every 20 ms: the sum of each pool's own peak overstates it, as the
      // pools peak at different moments.
      java.util.concurrent.atomic.AtomicLong sampledPeak =
          new java.util.concurrent.atomic.AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                  sampledPeak.accumulateAndGet(used, Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      long started = System.nanoTime();
      ImportOutcome outcome =
          imports.importNow("E54000051", file, file.getFileName().toString(), "bench");
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds =
          (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuBefore) / 1e9;
      long valuesStored = jdbc.queryForObject("select count(*) from imported_value", Long.class);
      sampler.interrupt();
      long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long max = Runtime.getRuntime().maxMemory();
      System.out.printf(
          Locale.ROOT,
          "RESULT mode=%s status=%s rows=%d stored=%d values_in_table=%d seconds=%.2f"
              + " process_cpu_seconds=%.2f rows_per_second=%.0f"
              + " heap_used_before_mb=%.0f sampled_peak_heap_mb=%.0f sum_of_pool_peaks_mb=%.0f"
              + " max_heap_mb=%.0f"
              + " file_mb=%.1f%n",
          mode,
          outcome.record().status(),
          rows,
          outcome.record().rowsStored(),
          valuesStored,
          seconds,
          cpuSeconds,
          rows / seconds,
          heapBefore / 1048576.0,
          sampledPeak.get() / 1048576.0,
          peak / 1048576.0,
          max / 1048576.0,
          Files.size(file) / 1048576.0);
      imports.problems(outcome.record().id()).stream()
          .limit(5)
          .forEach(p -> System.out.println("PROBLEM " + p));
    } finally {
      context.close();
    }
  }

  /**
   * Writes {@code rows} distinct rows: 5 indicators x areas x months from January 1900; another
   * {@code salt} gives other values for the same rows.
   */
  static void generate(Path file, int rows, List<String> areas, int salt) throws IOException {
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
            int numerator = 100 + (int) ((written * 7919L + salt) % 900);
            if (written % 2 == 0) {
              out.write(
                  indicator + "," + areas.get(a) + "," + period + ",," + numerator + ",1000,,\n");
            } else {
              double value = numerator / 10.0;
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
                      // A percentage's interval ends at 100: the import refuses one beyond it.
                      + ","
                      + Math.min(100, value + 1.5)
                      + "\n");
            }
            written++;
          }
        }
      }
    }
  }
}
