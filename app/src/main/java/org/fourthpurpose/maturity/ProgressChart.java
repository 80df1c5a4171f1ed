package org.fourthpurpose.maturity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.chart.GroupedBarChart;

/**
 * One domain's progress as a chart: a group of bars per area, one bar per round, each bar labelled
 * with its round and level in words, so colour never carries meaning alone. Pages show the progress
 * table (the heat map) as the text alternative.
 *
 * @param id the chart's id on the page, from the domain's title
 */
public record ProgressChart(String domainTitle, String id, GroupedBarChart chart) {

  /** The levels along the axis: an agreement's score is its distance from the first. */
  static final List<String> LEVELS = List.of("Not yet", "Emerging", "Established", "Expanding");

  public static List<ProgressChart> perDomain(Progress progress) {
    List<ProgressChart> charts = new ArrayList<>();
    for (String domain : progress.domainTitles()) {
      charts.add(
          new ProgressChart(
              domain,
              "chart-" + FrameworkCatalogue.slug(domain),
              chart(progress.rowsIn(domain), progress.rounds())));
    }
    return charts;
  }

  static GroupedBarChart chart(List<Progress.Row> rows, List<AssessmentRound> rounds) {
    List<GroupedBarChart.Item> items = new ArrayList<>();
    for (Progress.Row row : rows) {
      List<Double> scores = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int r = 0; r < rounds.size(); r++) {
        Optional<Agreement> agreed = row.agreed().get(r);
        scores.add(agreed.map(Agreement::score).orElse(null));
        labels.add(
            rounds.get(r).name()
                + ": "
                + agreed.map(a -> a.level().label() + fulfilmentSuffix(a)).orElse("not agreed"));
      }
      items.add(new GroupedBarChart.Item(row.areaTitle(), scores, labels));
    }
    return GroupedBarChart.of(LEVELS, rounds.size(), items);
  }

  private static String fulfilmentSuffix(Agreement a) {
    return a.fulfilment() == null ? "" : " (" + a.fulfilment().code() + ")";
  }
}
