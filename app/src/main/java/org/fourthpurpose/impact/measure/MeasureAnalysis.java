package org.fourthpurpose.impact.measure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fourthpurpose.statistics.AssuranceType;
import org.fourthpurpose.statistics.Improvement;
import org.fourthpurpose.statistics.PointType;
import org.fourthpurpose.statistics.Spc;
import org.fourthpurpose.statistics.SpcInput;
import org.fourthpurpose.statistics.SpcOptions;
import org.fourthpurpose.statistics.SpcPoint;
import org.fourthpurpose.statistics.SpcResult;
import org.fourthpurpose.statistics.SpcRule;
import org.fourthpurpose.statistics.SpcSummary;

/**
 * A measure's Making Data Count reading: its XmR chart (from {@link Spc}), the variation and
 * assurance of the latest point, and one sentence that says what a board should take from it.
 *
 * <p>What the measure's settings mean for the chart: values before the baseline start are left out;
 * when the baseline ends before the latest value and holds at least {@value #ENOUGH} values, the
 * limits are fixed on it (and, as NHSRplotthedots does, each rebase group's limits on as many of
 * its first values); each rebase date starts a new group at the first value dated on or after it. A
 * group with fewer than {@value #ENOUGH} values gets no limits and no special causes, and when the
 * latest group is such a group the measure has no variation or assurance icon: its sentence says
 * how many values there are and how many are needed.
 */
public final class MeasureAnalysis {

  /** Values a group needs before its limits and icons are shown: NHSRplotthedots' warning size. */
  public static final int ENOUGH = Spc.SHORT_GROUP;

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** One charted value with its group's mean and limits (NaN where not shown) and its type. */
  public record Point(
      LocalDate date,
      String label,
      double value,
      double mean,
      double lpl,
      double upl,
      int group,
      boolean groupHasLimits,
      String pointType,
      String rule,
      String ruleText) {

    public boolean special() {
      return pointType != null && !pointType.equals("common_cause");
    }
  }

  /** One rebase group: its first date, size, mean and limits (NaN when too short for limits). */
  public record Group(
      int group, LocalDate from, LocalDate to, int n, double mean, double lpl, double upl) {

    public boolean hasLimits() {
      return n >= ENOUGH;
    }
  }

  /**
   * The reading.
   *
   * @param variation the latest point's variation code, or null when there are too few values
   * @param assurance the assurance code, or null (no target, neutral, or too few values)
   * @param sentence one sentence for a board
   * @param notes what a reader should know about how the chart was drawn (rebases or a baseline
   *     that could not apply)
   */
  public record Result(
      Measure measure,
      List<Point> points,
      List<Group> groups,
      String variation,
      String assurance,
      String sentence,
      List<String> notes,
      int valuesBeforeBaseline) {

    public boolean enough() {
      return variation != null;
    }

    public Point latest() {
      return points.isEmpty() ? null : points.get(points.size() - 1);
    }

    /** Whether the variation icon shows a high special cause (above the mean or rising). */
    public boolean high() {
      return variation != null
          && org.fourthpurpose.statistics.VariationType.valueOf(variation.toUpperCase(Locale.ROOT))
              .high(Improvement.fromCode(measure.improvement()));
    }
  }

  private MeasureAnalysis() {}

  /** Reads a measure's values (any order, distinct dates) with its rebases. */
  public static Result of(Measure measure, List<MeasureValue> values, List<Rebase> rebases) {
    List<MeasureValue> sorted = new ArrayList<>(values);
    sorted.sort(java.util.Comparator.comparing(MeasureValue::period));
    int before = 0;
    if (measure.baselineStart() != null) {
      int all = sorted.size();
      sorted.removeIf(v -> v.period().isBefore(measure.baselineStart()));
      before = all - sorted.size();
    }
    List<String> notes = new ArrayList<>();
    if (before > 0) {
      notes.add(
          count(before, "value")
              + " before the baseline starts ("
              + when(measure.baselineStart())
              + ") "
              + (before == 1 ? "is" : "are")
              + " left out of the chart.");
    }
    if (sorted.isEmpty()) {
      return new Result(
          measure,
          List.of(),
          List.of(),
          null,
          null,
          "No values yet: enter or import at least "
              + ENOUGH
              + " to see the chart, its limits and its icons.",
          notes,
          before);
    }
    Set<LocalDate> rebaseAt = new LinkedHashSet<>();
    for (Rebase r : rebases) {
      LocalDate at =
          sorted.stream()
              .map(MeasureValue::period)
              .filter(d -> !d.isBefore(r.date()))
              .findFirst()
              .orElse(null);
      if (at == null) {
        notes.add(
            "The rebase of "
                + when(r.date())
                + " is after the latest value; it will apply once values from then are added.");
      } else if (at.equals(sorted.get(0).period())) {
        notes.add(
            "The rebase of "
                + when(r.date())
                + " is at or before the first value charted, so it changes nothing.");
      } else {
        rebaseAt.add(at);
      }
    }
    Improvement improvement = Improvement.fromCode(measure.improvement());
    SpcOptions options = SpcOptions.of(improvement).withRebase(List.copyOf(rebaseAt));
    if (measure.target() != null && improvement != Improvement.NEUTRAL) {
      options = options.withTarget(measure.target());
    }
    if (measure.baselineEnd() != null) {
      LocalDate firstRebase = rebaseAt.stream().findFirst().orElse(null);
      int inBaseline =
          (int)
              sorted.stream()
                  .map(MeasureValue::period)
                  .filter(d -> !d.isAfter(measure.baselineEnd()))
                  .filter(d -> firstRebase == null || d.isBefore(firstRebase))
                  .count();
      if (inBaseline >= ENOUGH) {
        options = options.withFixAfter(inBaseline);
      } else {
        notes.add(
            "The baseline up to "
                + when(measure.baselineEnd())
                + " has "
                + count(inBaseline, "value")
                + ", fewer than the "
                + ENOUGH
                + " needed to fix the limits on it, so the limits use every value.");
      }
    }
    List<SpcInput> inputs = sorted.stream().map(v -> new SpcInput(v.period(), v.value())).toList();
    SpcResult spc = Spc.xmr(inputs, options);
    List<Group> groups = new ArrayList<>();
    List<SpcPoint> points = spc.points();
    for (SpcSummary s : spc.groups()) {
      List<SpcPoint> in = points.stream().filter(p -> p.rebaseGroup() == s.rebaseGroup()).toList();
      boolean limits = s.n() >= ENOUGH;
      groups.add(
          new Group(
              s.rebaseGroup(),
              in.get(0).x(),
              in.get(in.size() - 1).x(),
              s.n(),
              s.mean(),
              limits ? s.lpl() : Double.NaN,
              limits ? s.upl() : Double.NaN));
    }
    List<Point> charted = new ArrayList<>();
    int runLength = options.runLength();
    for (int i = 0; i < points.size(); i++) {
      SpcPoint p = points.get(i);
      Group g = groupOf(groups, p.rebaseGroup());
      boolean limits = g.hasLimits();
      PointType type = limits ? p.pointType() : PointType.COMMON_CAUSE;
      SpcRule rule = limits ? p.rule() : null;
      charted.add(
          new Point(
              p.x(),
              sorted.get(i).label(),
              p.y(),
              p.mean(),
              limits ? p.lpl() : Double.NaN,
              limits ? p.upl() : Double.NaN,
              p.rebaseGroup(),
              limits,
              limits ? type.code() : null,
              rule == null ? null : rule.code(),
              rule == null ? null : ruleText(rule, p, runLength)));
    }
    Group latestGroup = groups.get(groups.size() - 1);
    if (!latestGroup.hasLimits()) {
      String sentence;
      if (groups.size() == 1) {
        sentence =
            "Not enough values for a chart yet: "
                + count(latestGroup.n(), "value")
                + (latestGroup.n() == 1 ? "" : " since " + when(latestGroup.from()))
                + ", and Making Data Count needs at least "
                + ENOUGH
                + " before its limits and icons can be trusted.";
      } else {
        sentence =
            "Rebased in "
                + when(latestGroup.from())
                + ": only "
                + count(latestGroup.n(), "value")
                + " since, and the new limits need at least "
                + ENOUGH
                + ", so no icons are shown yet.";
      }
      return new Result(measure, charted, groups, null, null, sentence, notes, before);
    }
    SpcSummary summary = spc.latestGroup();
    String variation = summary.variationType().code();
    AssuranceType assurance = summary.assuranceType();
    String sentence =
        sentence(measure, charted, latestGroup, assurance == null ? null : assurance.code());
    return new Result(
        measure,
        charted,
        groups,
        variation,
        assurance == null ? null : assurance.code(),
        sentence,
        notes,
        before);
  }

  private static Group groupOf(List<Group> groups, int group) {
    return groups.stream().filter(g -> g.group() == group).findFirst().orElseThrow();
  }

  /** What a rule found at a point, in words (e.g. "7 points above the mean"). */
  static String ruleText(SpcRule rule, SpcPoint p, int runLength) {
    boolean up = p.y() > p.mean();
    return switch (rule) {
      case OUTSIDE_LIMITS -> up ? "above the upper process limit" : "below the lower process limit";
      case TREND ->
          "part of " + runLength + " or more points in a row " + (up ? "rising" : "falling");
      case TWO_IN_THREE ->
          "2 of 3 points close to the " + (up ? "upper" : "lower") + " process limit";
      case SHIFT ->
          "part of " + runLength + " or more points " + (up ? "above" : "below") + " the mean";
    };
  }

  private static String sentence(Measure m, List<Point> points, Group group, String assurance) {
    Point last = points.get(points.size() - 1);
    List<Point> inGroup = points.stream().filter(p -> p.group() == last.group()).toList();
    StringBuilder s = new StringBuilder();
    if (!last.special()) {
      s.append("Common cause variation since ")
          .append(when(group.from()))
          .append(": the latest value, ")
          .append(Numbers.format(last.value(), m.unit()))
          .append(", is within the process limits of ")
          .append(Numbers.format(last.lpl(), m.unit()))
          .append(" to ")
          .append(Numbers.format(last.upl(), m.unit()))
          .append(" around a mean of ")
          .append(Numbers.format(last.mean(), m.unit()));
    } else {
      String kind =
          switch (last.pointType()) {
            case "special_cause_improvement" -> "Special cause improvement";
            case "special_cause_concern" -> "Special cause concern";
            case "special_cause_neutral_high" -> "Special cause variation (high)";
            default -> "Special cause variation (low)";
          };
      boolean up = last.value() > last.mean();
      int k;
      String what;
      switch (last.rule()) {
        case "shift" -> {
          k = trailing(inGroup, p -> up ? p.value() > p.mean() : p.value() < p.mean());
          what = k + " points " + (up ? "above" : "below") + " the mean";
        }
        case "trend" -> {
          k = 1;
          for (int i = inGroup.size() - 1; i > 0; i--) {
            double d = inGroup.get(i).value() - inGroup.get(i - 1).value();
            if (up ? d > 0 : d < 0) {
              k++;
            } else {
              break;
            }
          }
          boolean rising =
              inGroup.size() > 1 && last.value() > inGroup.get(inGroup.size() - 2).value();
          what = k + " points in a row " + (rising ? "rising" : "falling");
        }
        case "outside_limits" -> {
          k = trailing(inGroup, p -> up ? p.value() > p.upl() : p.value() < p.lpl());
          what =
              k == 1
                  ? "the latest value, "
                      + Numbers.format(last.value(), m.unit())
                      + ", is "
                      + (up ? "above the upper" : "below the lower")
                      + " process limit of "
                      + Numbers.format(up ? last.upl() : last.lpl(), m.unit())
                  : k
                      + " points "
                      + (up ? "above the upper" : "below the lower")
                      + " process limit of "
                      + Numbers.format(up ? last.upl() : last.lpl(), m.unit());
        }
        default -> {
          k = Math.min(3, inGroup.size());
          what =
              "2 of the last 3 points are close to the "
                  + (up ? "upper" : "lower")
                  + " process limit";
        }
      }
      Point from = inGroup.get(inGroup.size() - k);
      s.append(kind).append(k == 1 ? " in " : " since ").append(when(from.date())).append(": ");
      s.append(what);
    }
    if (assurance != null && m.target() != null) {
      String target = Numbers.format(m.target(), m.unit());
      s.append(
          switch (assurance) {
            case "consistent_pass" ->
                "; the target of " + target + " will be met consistently if nothing changes";
            case "consistent_fail" ->
                "; the target of " + target + " will not be met unless the process changes";
            default ->
                "; the target of "
                    + target
                    + " lies within the limits, so it will be met only some of the time";
          });
    }
    return s.append('.').toString();
  }

  private static int trailing(List<Point> points, java.util.function.Predicate<Point> test) {
    int k = 0;
    for (int i = points.size() - 1; i >= 0 && test.test(points.get(i)); i--) {
      k++;
    }
    return Math.max(1, k);
  }

  /** A date as a board reads it: "March 2025" for the first of a month, else "3 March 2025". */
  public static String when(LocalDate date) {
    return date.getDayOfMonth() == 1 ? MONTH.format(date) : DAY.format(date);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
