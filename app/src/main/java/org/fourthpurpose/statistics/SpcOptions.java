package org.fourthpurpose.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to compute an XmR chart, as the arguments of NHSRplotthedots' {@code ptd_spc}.
 *
 * @param improvement which way the measure improves
 * @param target the target the assurance type is judged against; empty for none (and ignored for a
 *     neutral measure, as in the package)
 * @param rebase the dates at which the limits are recalculated: a point dated exactly on one of
 *     them starts a new rebase group (dates that match no point change nothing and are reported in
 *     the warnings)
 * @param fixAfter fix each rebase group's mean and limits on its first n points (at least 12, as
 *     the package requires); empty to use every point
 * @param screenOutliers leave moving ranges of 3.267 times the average moving range or more out of
 *     the average, as the package does by default
 * @param sixPointRun use runs of six instead of seven for the shift and trend rules (off by
 *     default; some trusts' SPC guides and the IHI run-chart rules use six)
 */
public record SpcOptions(
    Improvement improvement,
    OptionalDouble target,
    List<LocalDate> rebase,
    OptionalInt fixAfter,
    boolean screenOutliers,
    boolean sixPointRun) {

  /** The smallest number of points the limits may be fixed on, as NHSRplotthedots requires. */
  public static final int MIN_FIX_AFTER = 12;

  public SpcOptions {
    Objects.requireNonNull(improvement, "improvement");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(fixAfter, "fixAfter");
    rebase = List.copyOf(Objects.requireNonNull(rebase, "rebase"));
    if (target.isPresent()) {
      Require.finite("target", target.getAsDouble());
    }
    if (fixAfter.isPresent() && fixAfter.getAsInt() < MIN_FIX_AFTER) {
      throw new IllegalArgumentException(
          "fixAfter must be at least " + MIN_FIX_AFTER + ", was " + fixAfter.getAsInt());
    }
  }

  /** The package's defaults: no target, no rebasing, no fixing, outliers screened, runs of 7. */
  public static SpcOptions of(Improvement improvement) {
    return new SpcOptions(
        improvement, OptionalDouble.empty(), List.of(), OptionalInt.empty(), true, false);
  }

  public SpcOptions withTarget(double value) {
    return new SpcOptions(
        improvement, OptionalDouble.of(value), rebase, fixAfter, screenOutliers, sixPointRun);
  }

  public SpcOptions withRebase(List<LocalDate> dates) {
    return new SpcOptions(improvement, target, dates, fixAfter, screenOutliers, sixPointRun);
  }

  public SpcOptions withFixAfter(int points) {
    return new SpcOptions(
        improvement, target, rebase, OptionalInt.of(points), screenOutliers, sixPointRun);
  }

  public SpcOptions withScreenOutliers(boolean screen) {
    return new SpcOptions(improvement, target, rebase, fixAfter, screen, sixPointRun);
  }

  public SpcOptions withSixPointRun(boolean six) {
    return new SpcOptions(improvement, target, rebase, fixAfter, screenOutliers, six);
  }

  /** The length of the shift and trend runs: 7, or 6 with {@link #sixPointRun()}. */
  public int runLength() {
    return sixPointRun ? 6 : 7;
  }
}
