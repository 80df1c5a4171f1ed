package org.fourthpurpose.system;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.chart.BarChart;
import org.fourthpurpose.deprivation.DecilePopulation;

/**
 * The population of an area by national IMD decile as shares, beside England's, as a bar chart and
 * as the rows of its table. England's share is 10% in every decile only roughly (deciles are of
 * LSOAs, not people), so it is shown as a marker across each bar.
 */
final class DecileChart {

  private DecileChart() {}

  /** One decile of the table: residents, their share and England's share. */
  record Row(int decile, String label, long population, double share, double englandShare) {}

  /** The deciles of {@code area} beside {@code england}'s, decile 1 first. */
  static List<Row> rows(List<DecilePopulation> area, List<DecilePopulation> england) {
    long total = area.stream().mapToLong(DecilePopulation::population).sum();
    long englandTotal = england.stream().mapToLong(DecilePopulation::population).sum();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < area.size(); i++) {
      DecilePopulation d = area.get(i);
      rows.add(
          new Row(
              d.decile(),
              DeprivationScales.decileLabel(d.decile()),
              d.population(),
              share(d.population(), total),
              share(england.get(i).population(), englandTotal)));
    }
    return rows;
  }

  /** The bars, scaled to the largest share rounded up to 5%, coloured by decile. */
  static BarChart of(List<DecilePopulation> area, List<DecilePopulation> england) {
    // As the table's figures are written (half-even), so chart and table agree.
    DecimalFormat percent =
        new DecimalFormat("0.0'%'", DecimalFormatSymbols.getInstance(Locale.UK));
    return BarChart.of(
        rows(area, england).stream()
            .map(
                r ->
                    new BarChart.Item(
                        Integer.toString(r.decile()),
                        r.label(),
                        r.share(),
                        r.englandShare(),
                        DeprivationScales.DECILES.cssClass(r.decile())))
            .toList(),
        0.05,
        share -> percent.format(share * 100),
        "Most deprived",
        "Least deprived");
  }

  private static double share(long part, long total) {
    return total == 0 ? 0 : (double) part / total;
  }
}
