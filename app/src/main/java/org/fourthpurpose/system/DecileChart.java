package org.fourthpurpose.system;

import java.util.ArrayList;
import java.util.List;
import org.fourthpurpose.deprivation.DecilePopulation;

/**
 * The population of an area by national IMD decile as shares, beside England's, laid out as
 * horizontal bars for a server-rendered SVG. England's share is 10% in every decile by construction
 * of LSOA deciles only roughly (deciles are of LSOAs, not people), so it is shown as a marker.
 *
 * <p>The layout is narrow (about 300 units) so that its text stays readable when the SVG is scaled
 * down to a phone's width: the decile numbers sit in a slim column, with "most deprived" and "least
 * deprived" written once above and below the bars.
 */
record DecileChart(List<Bar> bars, double maxShare, int width, int height) {

  /** Room above the first bar for the "most deprived" note. */
  static final int TOP = 22;

  static final int ROW = 26;
  static final int LABEL = 26;
  static final int PLOT = 220;

  /** Room after the longest bar for its value label, such as "19.8%". */
  static final int VALUE = 52;

  /** Room below the last bar for the "least deprived" note. */
  static final int BOTTOM = 26;

  private static final int GAP = 6;
  private static final int VALUE_LABEL_WIDTH = 44;

  record Bar(
      int decile,
      String label,
      long population,
      double share,
      double englandShare,
      int y,
      double barWidth,
      double englandX) {

    /** Where the bar starts, after the decile number. */
    public int barX() {
      return LABEL;
    }

    /**
     * Where the value label goes: just after the bar, or just after England's marker when the
     * marker would otherwise run through the label.
     */
    public double valueX() {
      double barEnd = LABEL + barWidth;
      boolean markerInTheWay =
          englandX >= barEnd - 2 && englandX <= barEnd + GAP + VALUE_LABEL_WIDTH;
      return (markerInTheWay ? englandX : barEnd) + GAP;
    }
  }

  static DecileChart of(List<DecilePopulation> area, List<DecilePopulation> england) {
    long total = area.stream().mapToLong(DecilePopulation::population).sum();
    long englandTotal = england.stream().mapToLong(DecilePopulation::population).sum();
    double max = 0;
    for (int i = 0; i < area.size(); i++) {
      max = Math.max(max, share(area.get(i).population(), total));
      max = Math.max(max, share(england.get(i).population(), englandTotal));
    }
    double axis = Math.max(0.05, Math.ceil(max * 20) / 20); // round up to 5%
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < area.size(); i++) {
      DecilePopulation d = area.get(i);
      double share = share(d.population(), total);
      double englandShare = share(england.get(i).population(), englandTotal);
      String label =
          d.decile() == 1
              ? "1 (most deprived)"
              : d.decile() == 10 ? "10 (least deprived)" : Integer.toString(d.decile());
      bars.add(
          new Bar(
              d.decile(),
              label,
              d.population(),
              share,
              englandShare,
              TOP + i * ROW,
              PLOT * share / axis,
              LABEL + PLOT * englandShare / axis));
    }
    return new DecileChart(bars, axis, LABEL + PLOT + VALUE, TOP + area.size() * ROW + BOTTOM);
  }

  private static double share(long part, long total) {
    return total == 0 ? 0 : (double) part / total;
  }
}
