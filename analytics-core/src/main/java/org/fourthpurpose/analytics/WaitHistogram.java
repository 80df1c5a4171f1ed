package org.fourthpurpose.analytics;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many pathways of a group waited each whole number of days: enough to work out every {@link
 * WaitStatistics} exactly, including the continuous quantiles, without holding one value per
 * pathway. Engines may aggregate {@code GROUP BY group, wait} and finish here, so the quantile
 * arithmetic is the same double expression in every engine ({@link
 * org.fourthpurpose.statistics.ContinuousQuantile}'s). Not thread-safe.
 */
public final class WaitHistogram {

  private final TreeMap<Integer, Long> counts = new TreeMap<>();
  private long total;

  /** Adds {@code count} pathways that waited {@code days}. */
  public WaitHistogram add(int days, long count) {
    if (days < 0 || count < 0) {
      throw new IllegalArgumentException("days and count must not be negative");
    }
    if (count > 0) {
      counts.merge(days, count, Long::sum);
      total += count;
    }
    return this;
  }

  /** How many pathways. */
  public long total() {
    return total;
  }

  /** The waits of the pathways added; at least one must have been. */
  public WaitStatistics statistics() {
    if (total == 0) {
      throw new IllegalStateException("no pathways");
    }
    long over18 = 0;
    long over52 = 0;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      if (e.getKey() > PathwayGroups.EIGHTEEN_WEEKS_DAYS) {
        over18 += e.getValue();
      }
      if (e.getKey() > PathwayGroups.FIFTY_TWO_WEEKS_DAYS) {
        over52 += e.getValue();
      }
    }
    return new WaitStatistics(total, quantile(0.5), quantile(0.92), over18, over52);
  }

  /** The continuous quantile (type 7) of the waits, as {@code ContinuousQuantile.of}. */
  public double quantile(double p) {
    double h = (total - 1) * p;
    long lo = (long) Math.floor(h);
    double low = valueAt(lo);
    if (lo >= total - 1) {
      return low;
    }
    double high = valueAt(lo + 1);
    return low + (h - lo) * (high - low);
  }

  /** The value at 0-based rank {@code rank} in ascending order. */
  private double valueAt(long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (rank < seen) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("rank " + rank + " beyond " + total);
  }
}
