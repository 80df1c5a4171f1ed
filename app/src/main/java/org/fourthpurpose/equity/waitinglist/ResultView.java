package org.fourthpurpose.equity.waitinglist;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.chart.IntervalChart;
import org.fourthpurpose.chart.ScatterChart;
import org.fourthpurpose.statistics.ConfidenceInterval;
import org.fourthpurpose.statistics.ConfidenceLevel;
import org.fourthpurpose.statistics.WilsonInterval;

/**
 * What the results pages show of a done analysis, worked out once for the workspace's page and the
 * public page: the findings, the chosen table in words (with the change since the previous census
 * date where there is one), the chart of the share waiting over 18 weeks by group with intervals,
 * the deprivation gradient with its slope index, and the two-way heat tables.
 */
public record ResultView(
    List<String> findings,
    List<Choice> choices,
    EquityTable table,
    List<RowView> rows,
    boolean anySuppressed,
    IntervalChart chart,
    String chartDescription,
    ScatterChart gradient,
    String gradientDescription,
    List<MeasureView> measures,
    List<HeatTable> heatTables,
    ColourScale heatScale,
    String previousCensusDate) {

  /** A table that can be chosen, and whether it is. */
  public record Choice(String slug, String title, boolean selected) {}

  /** One group in words. */
  public record RowView(
      String group,
      String waiting,
      String medianDays,
      String p92Days,
      String over18Weeks,
      String over52Weeks,
      String percentOver18Weeks,
      String rateRatio,
      String standardisedRatio,
      String change,
      boolean suppressed) {}

  /** A summary measure in words. */
  public record MeasureView(String name, String value) {}

  /** A two-way table: column headings and rows of shaded cells. */
  public record HeatTable(
      String slug, String title, String description, List<String> columns, List<HeatRow> rows) {}

  public record HeatRow(String group, List<HeatCell> cells) {}

  /** A cell: its figure, its shade's class and the comparison in words (colour never alone). */
  public record HeatCell(String text, String cssClass, String note) {}

  static final String SUPPRESSED = "*";

  static ResultView of(
      Map<String, List<GroupRow>> tables,
      List<AnalysedExtract.Measure> measures,
      List<String> findings,
      String chosen,
      Optional<Map<String, List<GroupRow>>> previous,
      String previousCensusDate) {
    List<Choice> choices = new ArrayList<>();
    EquityTable table = null;
    for (EquityTable t : EquityTable.oneWay()) {
      if (tables.containsKey(t.slug())) {
        boolean selected = t.slug().equals(chosen);
        choices.add(new Choice(t.slug(), t.title(), selected));
        if (selected) {
          table = t;
        }
      }
    }
    if (table == null) {
      table =
          choices.isEmpty()
              ? EquityTable.IMD_QUINTILE
              : EquityTable.of(choices.get(0).slug()).orElseThrow();
      String first = table.slug();
      choices =
          choices.stream()
              .map(c -> new Choice(c.slug(), c.title(), c.slug().equals(first)))
              .toList();
    }
    List<GroupRow> rows = tables.getOrDefault(table.slug(), List.of());
    Map<String, GroupRow> before = new HashMap<>();
    String slug = table.slug();
    previous.ifPresent(p -> p.getOrDefault(slug, List.of()).forEach(r -> before.put(r.group(), r)));
    List<RowView> views = new ArrayList<>();
    boolean anySuppressed = false;
    for (GroupRow r : rows) {
      anySuppressed |= r.suppressed();
      views.add(
          new RowView(
              groupLabel(table, r.group()),
              count(r.waiting()),
              days(r.medianDays()),
              days(r.p92Days()),
              count(r.over18Weeks()),
              count(r.over52Weeks()),
              percent(r.percentOver18Weeks()),
              ratio(r.rateRatio(), r.rateRatioLower(), r.rateRatioUpper()),
              ratio(r.standardisedRatio(), r.standardisedLower(), r.standardisedUpper()),
              previous.isEmpty() ? "" : change(before.get(r.group()), r),
              r.suppressed()));
    }
    return new ResultView(
        findings,
        choices,
        table,
        views,
        anySuppressed,
        chart(table, rows),
        chartDescription(table, rows),
        gradient(tables.getOrDefault(EquityTable.IMD_DECILE.slug(), List.of()), measures),
        gradientDescription(tables.getOrDefault(EquityTable.IMD_DECILE.slug(), List.of())),
        measures.stream()
            .filter(m -> !m.name().equals("sii-intercept"))
            .map(ResultView::measure)
            .toList(),
        heatTables(tables),
        ColourScale.comparison("the whole waiting list", true),
        previousCensusDate);
  }

  static String groupLabel(EquityTable table, String group) {
    if (!table.deprivation()) {
      return group;
    }
    int last = table == EquityTable.IMD_DECILE ? 10 : 5;
    if (group.equals("1")) {
      return "1 (most deprived)";
    }
    if (group.equals(Integer.toString(last))) {
      return group + " (least deprived)";
    }
    return group;
  }

  /** The share over 18 weeks with its Wilson interval, from the counts shown. */
  static Optional<ConfidenceInterval> interval(GroupRow r) {
    if (r.suppressed() || r.waiting() == null || r.over18Weeks() == null || r.waiting() <= 0) {
      return Optional.empty();
    }
    long over = Math.min(r.over18Weeks(), r.waiting());
    return Optional.of(
        WilsonInterval.of(over, r.waiting(), ConfidenceLevel.NINETY_FIVE).times(100));
  }

  private static IntervalChart chart(EquityTable table, List<GroupRow> rows) {
    List<IntervalChart.Item> items = new ArrayList<>();
    long waiting = 0;
    long over = 0;
    for (GroupRow r : rows) {
      Optional<ConfidenceInterval> ci = interval(r);
      if (ci.isEmpty() || r.percentOver18Weeks() == null) {
        continue;
      }
      waiting += r.waiting();
      over += r.over18Weeks();
      items.add(
          new IntervalChart.Item(
              r.group(),
              groupLabel(table, r.group()),
              r.percentOver18Weeks(),
              ci.get().lower(),
              ci.get().upper(),
              false));
    }
    Double reference = waiting > 0 ? 100.0 * over / waiting : null;
    return IntervalChart.of(items, reference, v -> one(v) + "%");
  }

  private static String chartDescription(EquityTable table, List<GroupRow> rows) {
    long shown = rows.stream().filter(r -> interval(r).isPresent()).count();
    return "The percentage of pathways waiting more than 18 weeks in each group of "
        + table.title().toLowerCase(Locale.ROOT)
        + " ("
        + shown
        + " groups shown, lowest on the left), each with its 95% interval; the dashed line is"
        + " the percentage for all the groups shown. Suppressed groups are left out. The table"
        + " below gives the same figures.";
  }

  /**
   * The gradient across national deprivation deciles: each decile's share over 18 weeks at the
   * middle of its place in the waiting list ordered from most to least deprived (relative rank 0 to
   * 1), and the least-squares line through them weighted by the numbers waiting, whose rise from
   * rank 0 to rank 1 is the slope index of inequality (as in PHE's method, here on the rounded
   * counts shown).
   */
  static ScatterChart gradient(List<GroupRow> deciles, List<AnalysedExtract.Measure> measures) {
    List<GroupRow> shown =
        deciles.stream()
            .filter(r -> interval(r).isPresent() && r.percentOver18Weeks() != null)
            .toList();
    if (shown.size() < 2) {
      return null;
    }
    double total = shown.stream().mapToDouble(GroupRow::waiting).sum();
    double cumulative = 0;
    double[] x = new double[shown.size()];
    double[] y = new double[shown.size()];
    double[] w = new double[shown.size()];
    List<ScatterChart.Item> items = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      GroupRow r = shown.get(i);
      x[i] = (cumulative + r.waiting() / 2.0) / total;
      cumulative += r.waiting();
      y[i] = r.percentOver18Weeks();
      w[i] = r.waiting();
      ConfidenceInterval ci = interval(r).orElseThrow();
      items.add(
          new ScatterChart.Item(
              "Decile " + groupLabel(EquityTable.IMD_DECILE, r.group()),
              x[i],
              y[i],
              ci.lower(),
              ci.upper(),
              false,
              false));
    }
    // The analysis's own slope index (from the unrounded counts) when it has one; otherwise the
    // same weighted least-squares line through the points shown.
    double[] line = weightedLine(x, y, w);
    Double sii = measure(measures, "sii");
    Double intercept = measure(measures, "sii-intercept");
    if (sii != null && intercept != null) {
      line = new double[] {intercept, sii};
    }
    return ScatterChart.of(
        items,
        line[0],
        line[1],
        "Slope index of inequality: "
            + signed(line[1])
            + " percentage points from the most to the least deprived end",
        "Relative rank, most deprived (0) to least deprived (1)",
        "% waiting over 18 weeks",
        v -> two(v),
        v -> one(v) + "%");
  }

  private static Double measure(List<AnalysedExtract.Measure> measures, String name) {
    return measures.stream()
        .filter(m -> m.name().equals(name))
        .map(AnalysedExtract.Measure::value)
        .findFirst()
        .orElse(null);
  }

  /** Intercept and slope of the least-squares line of y on x weighted by w. */
  static double[] weightedLine(double[] x, double[] y, double[] w) {
    double sw = 0;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      sw += w[i];
      mx += w[i] * x[i];
      my += w[i] * y[i];
    }
    mx /= sw;
    my /= sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += w[i] * (x[i] - mx) * (x[i] - mx);
      sxy += w[i] * (x[i] - mx) * (y[i] - my);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    return new double[] {my - slope * mx, slope};
  }

  private static String gradientDescription(List<GroupRow> deciles) {
    return "Each point is a national deprivation decile, placed at the middle of its share of the"
        + " waiting list ordered from the most deprived (left) to the least deprived (right), at"
        + " the percentage of its pathways waiting more than 18 weeks with its 95% interval. The"
        + " line is the least-squares line through the points weighted by the numbers waiting;"
        + " its rise from left to right is the slope index of inequality.";
  }

  private static List<HeatTable> heatTables(Map<String, List<GroupRow>> tables) {
    List<HeatTable> heat = new ArrayList<>();
    ColourScale scale = ColourScale.comparison("the whole waiting list", true);
    for (EquityTable t : EquityTable.twoWayTables()) {
      List<GroupRow> rows = tables.get(t.slug());
      if (rows == null || rows.isEmpty()) {
        continue;
      }
      long waiting = 0;
      long over = 0;
      List<String> columns = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      Map<String, GroupRow> cells = new HashMap<>();
      for (GroupRow r : rows) {
        if (!columns.contains(r.secondGroup())) {
          columns.add(r.secondGroup());
        }
        if (!groups.contains(r.group())) {
          groups.add(r.group());
        }
        cells.put(r.group() + "\u0000" + r.secondGroup(), r);
        if (!r.suppressed() && r.waiting() != null && r.over18Weeks() != null) {
          waiting += r.waiting();
          over += r.over18Weeks();
        }
      }
      double overall = waiting > 0 ? (double) over / waiting * 100 : Double.NaN;
      List<HeatRow> heatRows = new ArrayList<>();
      for (String g : groups) {
        List<HeatCell> line = new ArrayList<>();
        for (String c : columns) {
          GroupRow r = cells.get(g + "\u0000" + c);
          Optional<ConfidenceInterval> ci = r == null ? Optional.empty() : interval(r);
          if (r == null || ci.isEmpty() || r.percentOver18Weeks() == null) {
            line.add(
                new HeatCell(
                    r == null ? "–" : SUPPRESSED,
                    scale.cssClass(0),
                    r == null ? "No one waiting" : "Too few to show"));
            continue;
          }
          int step;
          String note;
          if (ci.get().lower() > overall) {
            step = 1;
            note = "Higher than the whole list";
          } else if (ci.get().upper() < overall) {
            step = 5;
            note = "Lower than the whole list";
          } else {
            step = 3;
            note = "Similar to the whole list";
          }
          line.add(
              new HeatCell(
                  percent(r.percentOver18Weeks()) + " of " + count(r.waiting()),
                  scale.cssClass(step),
                  note));
        }
        heatRows.add(new HeatRow(g, line));
      }
      String columnWord = t == EquityTable.ETHNICITY_BY_ICS_FIFTH ? "Fifth " : "";
      heat.add(
          new HeatTable(
              t.slug(),
              t.title(),
              t.groups(),
              columns.stream().map(c -> columnWord + c).toList(),
              heatRows));
    }
    return heat;
  }

  private static MeasureView measure(AnalysedExtract.Measure m) {
    String value =
        m.value() == null
            ? "Not worked out (too few pathways in some deciles)"
            : two(m.value())
                + (m.lower95() == null
                    ? ""
                    : " (95% interval " + two(m.lower95()) + " to " + two(m.upper95()) + ")");
    return new MeasureView(measureName(m.name()), value);
  }

  static String measureName(String name) {
    return switch (name) {
      case "sii" ->
          "Slope index of inequality (percentage points over 18 weeks, least minus most"
              + " deprived end)";
      case "rii" ->
          "Relative index of inequality (the least deprived end's share over 18 weeks divided by"
              + " the most deprived end's)";
      default -> name.replace('-', ' ');
    };
  }

  private static String change(GroupRow before, GroupRow now) {
    if (before == null) {
      return "Not in the previous analysis";
    }
    if (before.suppressed()
        || now.suppressed()
        || before.waiting() == null
        || now.waiting() == null) {
      return "Not shown (too few)";
    }
    String waiting = signedCount(now.waiting() - before.waiting()) + " waiting";
    if (before.percentOver18Weeks() == null || now.percentOver18Weeks() == null) {
      return waiting;
    }
    return waiting
        + ", "
        + signed(now.percentOver18Weeks() - before.percentOver18Weeks())
        + " points over 18 weeks";
  }

  static String count(Long n) {
    return n == null ? SUPPRESSED : String.format(Locale.UK, "%,d", n);
  }

  static String days(Double d) {
    return d == null ? SUPPRESSED : one(d);
  }

  static String percent(Double p) {
    return p == null ? SUPPRESSED : one(p) + "%";
  }

  static String ratio(Double r, Double lower, Double upper) {
    if (r == null) {
      return "–";
    }
    return two(r)
        + (lower == null || upper == null ? "" : " (" + two(lower) + " to " + two(upper) + ")");
  }

  static String one(double v) {
    return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
  }

  static String two(double v) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
  }

  static String signed(double v) {
    String text = one(Math.abs(v));
    return v > 0.05 ? "+" + text : v < -0.05 ? "−" + text : "0.0";
  }

  static String signedCount(long v) {
    return v > 0 ? "+" + count(v) : v < 0 ? "−" + count(-v) : "0";
  }
}
