package org.fourthpurpose.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.FourthPurposeApplication;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCache;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures computing every indicator's statistics and comparisons for all 42 ICBs: each public
 * indicator's ICB table (95% and 99.8% intervals, the Fingertips comparison with England or
 * quintiles), then every ICB's profile against England, its region and its nearest neighbours
 * (comparator values and tests, recent trends, ranks, spines and summaries). Run by {@code
 * bench/profile/run.sh}; not a test.
 *
 * <p>"Cold" starts from an empty cache, so it includes reading the values from the database; "warm"
 * repeats the profiles with the values cached, which is what a page request does.
 *
 * <p>Arguments: working directory (holds the H2 database), rounds.
 */
public final class StatisticsBenchmark {

  private StatisticsBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Files.createDirectories(work);
    ConfigurableApplicationContext context =
        new SpringApplication(FourthPurposeApplication.class)
            .run(
                "--server.port=0",
                "--fp.data-dir=" + work,
                "--fp.reference.background-loading=false",
                "--logging.level.root=WARN");
    try {
      IndicatorCache cache = context.getBean(IndicatorCache.class);
      IcsProfiles profiles = context.getBean(IcsProfiles.class);
      List<IntegratedCareBoard> icbs = context.getBean(Geography.class).icbs();
      List<ComparatorChoice> comparators =
          List.of(ComparatorChoice.ENGLAND, ComparatorChoice.REGION, ComparatorChoice.NEIGHBOURS);
      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      long rows = 0;
      for (int round = 0; round < rounds; round++) {
        cache.onReferenceDataLoaded(new ReferenceDataLoaded(List.of()));
        long start = System.nanoTime();
        int indicators = 0;
        for (Indicator indicator : cache.icbIndicators()) {
          if (cache.data(indicator).isPresent()) {
            indicators++;
          }
        }
        rows = 0;
        for (IntegratedCareBoard icb : icbs) {
          for (ComparatorChoice c : comparators) {
            rows += profiles.profile(icb, c, null).rows().size();
          }
        }
        cold.add((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (IntegratedCareBoard icb : icbs) {
          for (ComparatorChoice c : comparators) {
            profiles.profile(icb, c, null);
          }
        }
        warm.add((System.nanoTime() - start) / 1e9);
        System.out.printf(
            Locale.ROOT,
            "round %d: %d indicators, %d ICBs x %d comparators = %d profile rows; cold %.3f s,"
                + " warm %.3f s%n",
            round + 1,
            indicators,
            icbs.size(),
            comparators.size(),
            rows,
            cold.get(round),
            warm.get(round));
      }
      System.out.printf(
          Locale.ROOT,
          "RESULT statistics_all_42: rows=%d cold_best_s=%.3f cold_median_s=%.3f warm_best_s=%.3f"
              + " warm_median_s=%.3f (target: under 5 s)%n",
          rows,
          cold.stream().mapToDouble(d -> d).min().orElseThrow(),
          median(cold),
          warm.stream().mapToDouble(d -> d).min().orElseThrow(),
          median(warm));
    } finally {
      context.close();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
