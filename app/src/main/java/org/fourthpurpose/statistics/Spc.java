package org.fourthpurpose.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * XmR statistical process control charts as NHS England's <i>Making Data Count</i> draws them, and
 * exactly as the NHS-R community's NHSRplotthedots 0.2.x computes them ({@code ptd_spc} and its
 * {@code summary}).
 *
 * <p>The points are put in date order and split into rebase groups at the rebase dates. In each
 * group:
 *
 * <pre>{@code
 * mean = mean(y)                       (of the first n points when fixed after n)
 * mR_i = |y_i - y_(i-1)|                (within the first n points when fixed)
 * amR  = mean(mR); with screening, mR_i >= 3.267 amR are dropped and amR is recomputed
 * lpl, upl = mean -/+ 2.66 amR;   two sigma = mean -/+ (2 x 2.66 / 3) amR
 * }</pre>
 *
 * <p>The special-cause rules, in order of precedence (a point takes the first that marks it): a
 * point outside the limits; a trend of 7 points each strictly higher (or lower) than the last; two
 * of three consecutive points beyond two sigma with all three on the same side of the mean (only
 * the points beyond two sigma marked); a shift of 7 points on the same side of the mean (a point on
 * the mean breaks a run). With {@link SpcOptions#sixPointRun()} the trend and shift runs are 6. A
 * special cause is an improvement or concern by the measure's improvement direction, or high or low
 * for a neutral measure.
 *
 * <p>The variation type of each group is the point type of its latest point. The assurance type is
 * given for the latest group when there is a target and the measure is not neutral: a target above
 * the upper limit is a consistent fail when higher is better and a consistent pass when lower is
 * better, below the lower limit the reverse, and otherwise inconsistent.
 */
public final class Spc {

  /** The process limits lie this many average moving ranges from the mean (3 / 1.128). */
  public static final double LIMIT = 2.66;

  /** Moving ranges of this many average moving ranges or more are screened out (3.267 = D4). */
  public static final double MOVING_RANGE_OUTLIER = 3.267;

  /** Groups with fewer points have trial limits and get a warning, as in NHSRplotthedots. */
  public static final int SHORT_GROUP = 12;

  private static final double TWO_SIGMA = 2 * LIMIT / 3;

  private Spc() {}

  /**
   * The XmR chart of one series.
   *
   * @param points the series, in any order, with distinct dates
   * @throws IllegalArgumentException if the series is empty, has a null point or repeats a date
   */
  public static SpcResult xmr(List<SpcInput> points, SpcOptions options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(options, "options");
    if (points.isEmpty()) {
      throw new IllegalArgumentException("an XmR chart needs at least one point");
    }
    List<SpcInput> sorted = new ArrayList<>(points.size());
    for (SpcInput point : points) {
      sorted.add(Objects.requireNonNull(point, "point"));
    }
    sorted.sort(Comparator.comparing(SpcInput::x));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).x().equals(sorted.get(i - 1).x())) {
        throw new IllegalArgumentException("the date " + sorted.get(i).x() + " appears twice");
      }
    }

    Set<LocalDate> rebaseDates = new HashSet<>(options.rebase());
    List<String> warnings = new ArrayList<>();
    Set<LocalDate> unmatched = new TreeSet<>(options.rebase());
    List<SpcPoint> out = new ArrayList<>(sorted.size());
    List<SpcSummary> groups = new ArrayList<>();
    int group = 0;
    int start = 0;
    for (int i = 0; i <= sorted.size(); i++) {
      boolean rebaseHere = i < sorted.size() && rebaseDates.contains(sorted.get(i).x());
      if (rebaseHere) {
        unmatched.remove(sorted.get(i).x());
      }
      if (i == sorted.size() || (rebaseHere && i > start)) {
        groups.add(group(sorted.subList(start, i), group, options, out, warnings));
        start = i;
      }
      if (rebaseHere) {
        // As the package's cumsum of rebase flags: a rebase on the first point makes it group 1.
        group++;
      }
    }
    for (LocalDate date : unmatched) {
      warnings.add("The rebase date " + date + " matches no point, so nothing was rebased there.");
    }
    groups = withAssurance(groups, out.get(out.size() - 1), options);
    return new SpcResult(out, groups, warnings);
  }

  private static SpcSummary group(
      List<SpcInput> points,
      int group,
      SpcOptions options,
      List<SpcPoint> out,
      List<String> warnings) {
    int n = points.size();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = points.get(i).y();
    }
    int fixed = options.fixAfter().isPresent() ? Math.min(n, options.fixAfter().getAsInt()) : n;

    double sum = 0;
    for (int i = 0; i < fixed; i++) {
      sum += y[i];
    }
    double mean = sum / fixed;
    double[] movingRange = new double[Math.max(0, fixed - 1)];
    for (int i = 1; i < fixed; i++) {
      movingRange[i - 1] = Math.abs(y[i] - y[i - 1]);
    }
    double averageMovingRange = mean(movingRange, Double.POSITIVE_INFINITY);
    if (options.screenOutliers()) {
      averageMovingRange = mean(movingRange, MOVING_RANGE_OUTLIER * averageMovingRange);
    }
    double lpl = mean - LIMIT * averageMovingRange;
    double upl = mean + LIMIT * averageMovingRange;
    double lowerTwoSigma = mean - TWO_SIGMA * averageMovingRange;
    double upperTwoSigma = mean + TWO_SIGMA * averageMovingRange;

    boolean[] outside = new boolean[n];
    boolean[] close = new boolean[n];
    int[] side = new int[n];
    for (int i = 0; i < n; i++) {
      // NaN limits (one point) compare false: nothing is outside or close, as in R.
      outside[i] = y[i] > upl || y[i] < lpl;
      side[i] = (int) Math.signum(y[i] - mean);
      close[i] = !outside[i] && (y[i] < lowerTwoSigma || y[i] > upperTwoSigma);
    }
    int run = options.runLength();
    boolean[] inTrend = partOfRun(trendEnds(y, run), run);
    boolean[] inShift = partOfRun(shiftEnds(side, run), run);
    boolean[] inTwoOfThree = twoInThree(close, side);

    for (int i = 0; i < n; i++) {
      SpcRule rule = null;
      int direction = 0;
      if (outside[i]) {
        rule = SpcRule.OUTSIDE_LIMITS;
        direction = side[i] == 1 ? 1 : -1;
      } else if (inTrend[i]) {
        rule = SpcRule.TREND;
        direction = trendDirection(y, inTrend, i);
      } else if (inTwoOfThree[i]) {
        rule = SpcRule.TWO_IN_THREE;
        direction = side[i] > 0 ? 1 : -1;
      } else if (inShift[i]) {
        rule = SpcRule.SHIFT;
        direction = side[i] > 0 ? 1 : -1;
      }
      PointType type = PointType.of(direction, options.improvement());
      out.add(new SpcPoint(points.get(i).x(), y[i], mean, lpl, upl, group, type, rule));
    }
    if (n < SHORT_GROUP) {
      warnings.add(
          "Rebase group "
              + group
              + " has "
              + n
              + (n == 1 ? " point" : " points")
              + ", fewer than "
              + SHORT_GROUP
              + ": its limits are trial limits that will move as points are added.");
    }
    PointType latest = out.get(out.size() - 1).pointType();
    return new SpcSummary(group, mean, lpl, upl, n, VariationType.of(latest), null);
  }

  /** The mean of the values below the cap (all values for an infinite cap); NaN if none. */
  private static double mean(double[] values, double cap) {
    double sum = 0;
    int count = 0;
    for (double value : values) {
      if (value < cap || cap == Double.POSITIVE_INFINITY) {
        sum += value;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** +1 or -1 at the last point of a run of strictly rising or falling points, 0 elsewhere. */
  private static int[] trendEnds(double[] y, int run) {
    int[] ends = new int[y.length];
    for (int i = run - 1; i < y.length; i++) {
      int direction = (int) Math.signum(y[i] - y[i - 1]);
      boolean all = direction != 0;
      for (int j = i - run + 2; all && j <= i; j++) {
        all = (int) Math.signum(y[j] - y[j - 1]) == direction;
      }
      ends[i] = all ? direction : 0;
    }
    return ends;
  }

  /** +1 or -1 at the last point of a run of points on one side of the mean, 0 elsewhere. */
  private static int[] shiftEnds(int[] side, int run) {
    int[] ends = new int[side.length];
    for (int i = run - 1; i < side.length; i++) {
      boolean all = side[i] != 0;
      for (int j = i - run + 1; all && j < i; j++) {
        all = side[j] == side[i];
      }
      ends[i] = all ? side[i] : 0;
    }
    return ends;
  }

  /** A point is part of a run if the run ends at it or at one of the next run − 1 points. */
  private static boolean[] partOfRun(int[] ends, int run) {
    boolean[] part = new boolean[ends.length];
    for (int i = 0; i < ends.length; i++) {
      for (int j = i; j < Math.min(ends.length, i + run) && !part[i]; j++) {
        part[i] = ends[j] != 0;
      }
    }
    return part;
  }

  /**
   * Points beyond two sigma in a window of three consecutive points with at least two beyond two
   * sigma and all three on the same side of the mean.
   */
  private static boolean[] twoInThree(boolean[] close, int[] side) {
    int n = close.length;
    boolean[] part = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!close[i]) {
        continue;
      }
      for (int first = i - 2; first <= i && !part[i]; first++) {
        if (first < 0 || first + 2 >= n) {
          continue;
        }
        int beyond = 0;
        int sides = 0;
        for (int j = first; j < first + 3; j++) {
          beyond += close[j] ? 1 : 0;
          sides += side[j];
        }
        part[i] = beyond >= 2 && Math.abs(sides) == 3;
      }
    }
    return part;
  }

  /**
   * The direction of a trend point as the package words it: the step to the next point when that
   * point is in a trend too, otherwise the step from the previous point (a flat or missing step
   * reads as decreasing, as in the package).
   */
  private static int trendDirection(double[] y, boolean[] inTrend, int i) {
    double step;
    if (i + 1 < y.length && inTrend[i + 1]) {
      step = y[i + 1] - y[i];
    } else {
      step = i > 0 ? y[i] - y[i - 1] : 0;
    }
    return step > 0 ? 1 : -1;
  }

  private static List<SpcSummary> withAssurance(
      List<SpcSummary> groups, SpcPoint last, SpcOptions options) {
    if (options.target().isEmpty() || options.improvement() == Improvement.NEUTRAL) {
      return groups;
    }
    double target = options.target().getAsDouble();
    boolean increasing = options.improvement() == Improvement.INCREASE;
    AssuranceType assurance;
    if (target > last.upl()) {
      assurance = increasing ? AssuranceType.CONSISTENT_FAIL : AssuranceType.CONSISTENT_PASS;
    } else if (target < last.lpl()) {
      assurance = increasing ? AssuranceType.CONSISTENT_PASS : AssuranceType.CONSISTENT_FAIL;
    } else {
      assurance = AssuranceType.INCONSISTENT;
    }
    List<SpcSummary> withLatest = new ArrayList<>(groups);
    SpcSummary latest = withLatest.remove(withLatest.size() - 1);
    withLatest.add(
        new SpcSummary(
            latest.rebaseGroup(),
            latest.mean(),
            latest.lpl(),
            latest.upl(),
            latest.n(),
            latest.variationType(),
            assurance));
    return withLatest;
  }
}
