package org.fourthpurpose.maturity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server-rendered SVG bar chart per domain: one group of bars per area, one bar per round, each
 * bar labelled with its round and level in text, so colour never carries meaning alone. Pages show
 * the progress table beside it as the text alternative.
 */
public record ProgressChart(String domainTitle, String svg) {

  private static final String[] FILLS = {"#005eb8", "#330072", "#007f3b", "#7c2855", "#425563"};
  private static final int LABEL_WIDTH = 260;
  private static final int PLOT_WIDTH = 360;
  private static final int BAR_HEIGHT = 16;
  private static final int GAP = 4;

  public static List<ProgressChart> perDomain(Progress progress) {
    List<ProgressChart> charts = new ArrayList<>();
    for (String domain : progress.domainTitles()) {
      charts.add(
          new ProgressChart(domain, svg(domain, progress.rowsIn(domain), progress.rounds())));
    }
    return charts;
  }

  static String svg(String domain, List<Progress.Row> rows, List<AssessmentRound> rounds) {
    int rowHeight = Math.max(1, rounds.size()) * (BAR_HEIGHT + GAP) + 14;
    int height = 30 + rows.size() * rowHeight + 24;
    int width = LABEL_WIDTH + PLOT_WIDTH + 170;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-labelledby=\"chart-")
        .append(FrameworkCatalogue.slug(domain))
        .append("\"><title id=\"chart-")
        .append(FrameworkCatalogue.slug(domain))
        .append("\">Agreed level per round for each area in ")
        .append(escape(domain))
        .append("; the table below gives the same figures.</title>");
    // Scale: gridlines at each level.
    String[] ticks = {"Not yet", "Emerging", "Established", "Expanding"};
    for (int t = 0; t < ticks.length; t++) {
      int x = LABEL_WIDTH + t * PLOT_WIDTH / 3;
      s.append("<line x1=\"")
          .append(x)
          .append("\" y1=\"24\" x2=\"")
          .append(x)
          .append("\" y2=\"")
          .append(height - 20)
          .append("\" stroke=\"#aeb7bd\" stroke-width=\"1\"/>");
      s.append("<text x=\"")
          .append(x)
          .append("\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" fill=\"#212b32\">")
          .append(ticks[t])
          .append("</text>");
    }
    int y = 30;
    for (Progress.Row row : rows) {
      s.append("<text x=\"0\" y=\"")
          .append(y + 12)
          .append("\" font-size=\"13\" font-weight=\"bold\" fill=\"#212b32\">")
          .append(escape(shorten(row.areaTitle(), 40)))
          .append("</text>");
      for (int r = 0; r < rounds.size(); r++) {
        int barY = y + r * (BAR_HEIGHT + GAP);
        Optional<Agreement> agreed = row.agreed().get(r);
        String label =
            rounds.get(r).name()
                + ": "
                + agreed.map(a -> a.level().label() + fulfilmentSuffix(a)).orElse("not agreed");
        double score = agreed.map(Agreement::score).orElse(0.0);
        int barWidth = (int) Math.round(score * PLOT_WIDTH / 3);
        if (agreed.isPresent() && barWidth > 0) {
          s.append("<rect x=\"")
              .append(LABEL_WIDTH)
              .append("\" y=\"")
              .append(barY)
              .append("\" width=\"")
              .append(barWidth)
              .append("\" height=\"")
              .append(BAR_HEIGHT)
              .append("\" fill=\"")
              .append(FILLS[r % FILLS.length])
              .append("\"/>");
        }
        s.append("<text x=\"")
            .append(LABEL_WIDTH + barWidth + 6)
            .append("\" y=\"")
            .append(barY + 12)
            .append("\" font-size=\"12\" fill=\"#212b32\">")
            .append(escape(label))
            .append("</text>");
      }
      y += rowHeight;
    }
    s.append("</svg>");
    return s.toString();
  }

  private static String fulfilmentSuffix(Agreement a) {
    return a.fulfilment() == null ? "" : " (" + a.fulfilment().code() + ")";
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
