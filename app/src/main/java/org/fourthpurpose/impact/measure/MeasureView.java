package org.fourthpurpose.impact.measure;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.chart.DataTable;
import org.fourthpurpose.chart.SpcChart;
import org.fourthpurpose.impact.LinkTarget;

/**
 * A measure as its pages and the report show it: the chart, its description and data table, the
 * icons' codes, the reading and the summary table's cells.
 *
 * @param variationWords the variation in words for the summary table (never colour alone)
 * @param assuranceWords the assurance in words, or "No target" / "Not enough values"
 */
public record MeasureView(
    Measure measure,
    MeasureAnalysis.Result analysis,
    LinkTarget link,
    String linkKindLabel,
    SpcChart chart,
    String chartTitle,
    String chartDescription,
    DataTable table,
    String latest,
    String target,
    String variation,
    boolean high,
    String variationWords,
    String assurance,
    String assuranceWords,
    String reading,
    int values,
    List<Rebase> rebases) {

  /** Builds the view of an analysed measure. */
  public static MeasureView of(Measures.Analysed a) {
    Measure m = a.measure();
    MeasureAnalysis.Result r = a.analysis();
    List<SpcChart.Input> inputs = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (MeasureAnalysis.Point p : r.points()) {
      SpcChart.Kind kind =
          p.pointType() == null
              ? SpcChart.Kind.COMMON
              : switch (p.pointType()) {
                case "special_cause_improvement" -> SpcChart.Kind.IMPROVEMENT;
                case "special_cause_concern" -> SpcChart.Kind.CONCERN;
                case "special_cause_neutral_high" -> SpcChart.Kind.HIGH;
                case "special_cause_neutral_low" -> SpcChart.Kind.LOW;
                default -> SpcChart.Kind.COMMON;
              };
      inputs.add(
          new SpcChart.Input(
              p.label(), p.value(), p.mean(), p.lpl(), p.upl(), p.group(), kind, p.ruleText()));
      rows.add(
          List.of(
              p.label(),
              Numbers.plain(p.value()),
              Numbers.plain(p.mean()),
              p.groupHasLimits() ? Numbers.plain(p.lpl()) : "–",
              p.groupHasLimits() ? Numbers.plain(p.upl()) : "–",
              p.groupHasLimits()
                  ? kind.words().substring(0, 1).toUpperCase() + kind.words().substring(1)
                  : "No limits yet (fewer than " + MeasureAnalysis.ENOUGH + " values)",
              p.ruleText() == null ? "" : p.ruleText()));
    }
    SpcChart chart =
        SpcChart.of(inputs, m.improvement().equals("neutral") ? null : m.target(), Numbers::plain);
    String unit = m.unit();
    String title = m.name() + " (" + unit + "), statistical process control chart";
    StringBuilder desc = new StringBuilder();
    if (r.points().isEmpty()) {
      desc.append("No values yet.");
    } else {
      desc.append(r.points().size())
          .append(r.points().size() == 1 ? " value from " : " values from ")
          .append(r.points().get(0).label())
          .append(" to ")
          .append(r.latest().label())
          .append(
              inputs.size() > SpcChart.MAX_POINTS
                  ? " (the latest " + SpcChart.MAX_POINTS + " drawn)"
                  : "")
          .append(". ")
          .append(r.sentence());
      if (r.groups().size() > 1) {
        desc.append(" Rebased ")
            .append(r.groups().size() - 1)
            .append(r.groups().size() == 2 ? " time." : " times.");
      }
    }
    DataTable table =
        new DataTable(
            m.name() + ": each value with its mean and process limits",
            List.of(
                "Period",
                "Value (" + unit + ")",
                "Mean",
                "Lower limit",
                "Upper limit",
                "Type",
                "Rule"),
            List.of(false, true, true, true, true, false, false),
            rows);
    MeasureAnalysis.Point latest = r.latest();
    String variationWords =
        r.variation() == null
            ? "Not enough values"
            : switch (r.variation()) {
              case "common_cause" -> "Common cause";
              case "special_cause_improvement" ->
                  "Improvement (" + (r.high() ? "high" : "low") + ")";
              case "special_cause_concern" -> "Concern (" + (r.high() ? "high" : "low") + ")";
              case "special_cause_neutral_high" -> "Special cause (high)";
              default -> "Special cause (low)";
            };
    String assuranceWords =
        r.assurance() == null
            ? (m.target() == null || m.improvement().equals("neutral")
                ? "No target"
                : "Not enough values")
            : switch (r.assurance()) {
              case "consistent_pass" -> "Will meet the target";
              case "consistent_fail" -> "Will miss the target";
              default -> "May meet or miss the target";
            };
    return new MeasureView(
        m,
        r,
        a.link(),
        m.linkKind() == null ? null : LinkTargetRegistry.label(m.linkKind()),
        chart,
        title,
        desc.toString(),
        table,
        latest == null
            ? "No values"
            : Numbers.format(latest.value(), unit) + " (" + latest.label() + ")",
        m.target() == null
            ? "None"
            : Numbers.format(m.target(), unit)
                + (m.targetDate() == null ? "" : " by " + MeasureAnalysis.when(m.targetDate())),
        r.variation(),
        r.high(),
        variationWords,
        r.assurance(),
        assuranceWords,
        r.sentence(),
        a.values().size(),
        a.rebases());
  }

  /** The id used for this measure's elements on a page. */
  public String anchor() {
    return "measure-" + measure.id();
  }
}
