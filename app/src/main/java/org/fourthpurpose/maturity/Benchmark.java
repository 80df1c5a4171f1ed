package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Map;

/**
 * How agreed levels are spread across the ICSs that share them. Nothing is shown for fewer than
 * {@link #MINIMUM_SYSTEMS} systems, and only systems that chose to publish are named.
 */
public record Benchmark(
    int systemsSharing, List<BenchmarkArea> areas, List<PublishedSystem> published) {

  public static final int MINIMUM_SYSTEMS = 5;

  public boolean suppressed() {
    return systemsSharing < MINIMUM_SYSTEMS;
  }

  /** The distribution for one area; counts are empty when fewer than the minimum agreed it. */
  public record BenchmarkArea(
      String domainTitle,
      String areaId,
      String title,
      int systems,
      Map<MaturityLevel, Integer> counts) {

    public boolean suppressed() {
      return systems < MINIMUM_SYSTEMS;
    }

    public int count(MaturityLevel level) {
      return counts.getOrDefault(level, 0);
    }
  }

  /** A system that chose to be named, with the round it shares and its agreed level per area id. */
  public record PublishedSystem(String name, String round, Map<String, MaturityLevel> levels) {}
}
