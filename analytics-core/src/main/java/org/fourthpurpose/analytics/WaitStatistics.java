package org.fourthpurpose.analytics;

/**
 * The waits of a set of pathways at the census date, before disclosure control.
 *
 * @param waiting how many pathways, at least 1
 * @param medianDays the median wait in days (continuous quantile 0.5: linear interpolation between
 *     closest ranks, DuckDB's {@code quantile_cont}, R's type 7), unrounded
 * @param p92Days the 92nd percentile wait in days (continuous quantile 0.92, as above), unrounded
 * @param over18Weeks how many waited more than 126 days
 * @param over52Weeks how many waited more than 364 days
 */
public record WaitStatistics(
    long waiting, double medianDays, double p92Days, long over18Weeks, long over52Weeks) {

  public WaitStatistics {
    if (waiting < 1 || over18Weeks < 0 || over52Weeks < 0) {
      throw new IllegalArgumentException("counts out of range: waiting " + waiting);
    }
    if (over18Weeks > waiting || over52Weeks > over18Weeks) {
      throw new IllegalArgumentException(
          "over 52 weeks ≤ over 18 weeks ≤ waiting, was "
              + over52Weeks
              + ", "
              + over18Weeks
              + ", "
              + waiting);
    }
  }

  /** Whether the two agree: counts exactly, waits to {@code tolerance} days. */
  public boolean agrees(WaitStatistics other, double tolerance) {
    return waiting == other.waiting
        && over18Weeks == other.over18Weeks
        && over52Weeks == other.over52Weeks
        && Math.abs(medianDays - other.medianDays) <= tolerance
        && Math.abs(p92Days - other.p92Days) <= tolerance;
  }
}
