package org.fourthpurpose.indicator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.chart.FunnelChart;
import org.fourthpurpose.statistics.FunnelInput;
import org.fourthpurpose.statistics.FunnelLimit;
import org.fourthpurpose.statistics.FunnelPlot;
import org.fourthpurpose.statistics.FunnelPoint;
import org.fourthpurpose.statistics.FunnelPosition;
import org.fourthpurpose.statistics.FunnelStatistic;
import org.fourthpurpose.statistics.Overdispersion;

/**
 * The funnel plot of an indicator's systems, for its page: each system with a count and a
 * denominator placed against the 95% and 99.8% limits around the overall value ({@link
 * FunnelPlot}), drawn by the chart kit and listed in a table. Only proportions, rates and ratios
 * with counts and denominators can be drawn; otherwise the page says why.
 */
public final class IndicatorFunnels {

  /** Fewer systems with counts than this make no useful funnel. */
  static final int MINIMUM_AREAS = 5;

  private IndicatorFunnels() {}

  /** One system in the funnel's table. */
  public record Row(
      String areaCode,
      String areaName,
      String numerator,
      String denominator,
      String value,
      FunnelPosition position,
      String cssClass) {}

  /** A kind of marker in the legend: its shape, size, colour class and words. */
  public record LegendItem(String shape, boolean large, String cssClass, String label) {}

  /**
   * The funnel section: either a chart with its table and legend, or the reason there is none.
   *
   * @param reason why there is no funnel, or empty
   * @param adjustment the over-dispersion adjustment shown
   */
  public record View(
      String reason,
      FunnelChart chart,
      List<Row> rows,
      List<LegendItem> legend,
      String statistic,
      String target,
      String phi,
      Overdispersion adjustment,
      String denominatorName,
      int outside95,
      int outside998) {

    public boolean available() {
      return reason.isEmpty();
    }
  }

  /**
   * The over-dispersion adjustment named in the page's {@code funnel} parameter (none if unknown).
   */
  static Overdispersion adjustment(String parameter) {
    if (parameter == null) {
      return Overdispersion.NONE;
    }
    for (Overdispersion o : Overdispersion.values()) {
      if (o.code().equalsIgnoreCase(parameter.strip())) {
        return o;
      }
    }
    return Overdispersion.NONE;
  }

  static View of(Indicator indicator, IndicatorTable table, Overdispersion adjustment) {
    Optional<FunnelStatistic> statistic = statistic(indicator.valueType());
    if (statistic.isEmpty()) {
      return unavailable(
          "A funnel plot needs a proportion or a rate of events with a count and a denominator"
              + " for each system (or observed and expected events); this indicator is a "
              + indicator.valueType().name().toLowerCase(Locale.ROOT)
              + (indicator.valueType() == ValueType.RATIO
                  ? " of two quantities, not observed over expected events."
                  : "."),
          adjustment);
    }
    List<AreaComparison> counted = new ArrayList<>();
    double multiplier = Double.NaN;
    for (AreaComparison r : table.rows()) {
      if (r.value() == null
          || r.numerator() == null
          || r.denominator() == null
          || !(r.denominator() > 0)
          || r.numerator() < 0
          || (statistic.get() == FunnelStatistic.PROPORTION && r.numerator() > r.denominator())) {
        continue;
      }
      counted.add(r);
      if (Double.isNaN(multiplier) && r.numerator() > 0) {
        multiplier = r.value() * r.denominator() / r.numerator();
      }
    }
    if (counted.size() < MINIMUM_AREAS || Double.isNaN(multiplier)) {
      return unavailable(
          "A funnel plot needs a count and a denominator for each system; "
              + (counted.isEmpty() ? "none" : "only " + counted.size())
              + " of the systems have them in "
              + table.period()
              + ".",
          adjustment);
    }
    double scale = roundMultiplier(multiplier);
    for (AreaComparison r : counted) {
      double expected = r.numerator() / r.denominator() * scale;
      if (Math.abs(expected - r.value()) > 1e-6 * Math.max(1, Math.abs(r.value()))) {
        return unavailable(
            "A funnel plot compares counts over denominators, but this indicator's values are not"
                + " simply its count over its denominator (for example, they are age-standardised),"
                + " so the plot would not match them.",
            adjustment);
      }
      if (statistic.get() == FunnelStatistic.RATE && r.numerator() != Math.rint(r.numerator())) {
        return unavailable(
            "A funnel plot of a rate needs whole counts of events; this indicator's numerators are"
                + " measured amounts (such as tonnes or pounds), not events.",
            adjustment);
      }
    }
    List<FunnelInput> inputs = new ArrayList<>();
    for (AreaComparison r : counted) {
      inputs.add(new FunnelInput(r.areaCode(), r.numerator(), r.denominator()));
    }
    FunnelPlot plot = FunnelPlot.of(statistic.get(), inputs, scale, adjustment);
    boolean judged = indicator.polarity() != Polarity.NEITHER;
    Map<FunnelPosition, String> classes = colours(indicator.polarity());

    List<Row> rows = new ArrayList<>();
    List<FunnelChart.Item> items = new ArrayList<>();
    int outside95 = 0;
    int outside998 = 0;
    for (int i = 0; i < counted.size(); i++) {
      AreaComparison r = counted.get(i);
      FunnelPoint p = plot.points().get(i);
      String css = classes.get(p.position());
      rows.add(
          new Row(
              r.areaCode(),
              r.areaName(),
              ValueText.format(r.numerator()),
              ValueText.format(r.denominator()),
              ValueText.format(p.value()),
              p.position(),
              css));
      items.add(
          new FunnelChart.Item(
              r.areaName(),
              p.denominator(),
              p.value(),
              FunnelChart.Position.valueOf(p.position().name()),
              css,
              r.areaName()
                  + ": "
                  + ValueText.format(p.value())
                  + " ("
                  + ValueText.format(r.numerator())
                  + " of "
                  + ValueText.format(r.denominator())
                  + "), "
                  + p.position().label().toLowerCase(Locale.ROOT)));
      if (p.position() != FunnelPosition.WITHIN) {
        outside95++;
      }
      if (p.position() == FunnelPosition.ABOVE_998 || p.position() == FunnelPosition.BELOW_998) {
        outside998++;
      }
    }
    rows.sort(
        java.util.Comparator.comparing((Row r) -> r.position().ordinal())
            .thenComparing(Row::areaName));
    List<FunnelChart.Limit> limits = new ArrayList<>();
    for (FunnelLimit l : plot.limits()) {
      limits.add(
          new FunnelChart.Limit(
              l.denominator(), l.lower998(), l.lower95(), l.upper95(), l.upper998()));
    }
    FunnelChart chart =
        FunnelChart.of(items, limits, plot.target(), ValueText::format, IndicatorFunnels::compact);
    List<LegendItem> legend = new ArrayList<>();
    for (FunnelPosition position : FunnelPosition.values()) {
      FunnelChart.Position shape = FunnelChart.Position.valueOf(position.name());
      legend.add(
          new LegendItem(
              shape.shape(),
              shape.beyond998(),
              classes.get(position),
              position.label() + (judged ? judgement(position, indicator.polarity()) : "")));
    }
    return new View(
        "",
        chart,
        rows,
        legend,
        statistic.get().code(),
        ValueText.format(plot.target()),
        Double.isNaN(plot.phi()) ? "" : String.format(Locale.ROOT, "%.1f", plot.phi()),
        adjustment,
        "Denominator",
        outside95,
        outside998);
  }

  private static View unavailable(String reason, Overdispersion adjustment) {
    return new View(reason, null, List.of(), List.of(), "", "", "", adjustment, "", 0, 0);
  }

  private static Optional<FunnelStatistic> statistic(ValueType type) {
    return switch (type) {
      case PROPORTION -> Optional.of(FunnelStatistic.PROPORTION);
      case RATE -> Optional.of(FunnelStatistic.RATE);
      // The catalogue's ratios (patients per GP, house prices over earnings) are not observed
      // over expected events, the only ratio a funnel plot can judge.
      default -> Optional.empty();
    };
  }

  /** The value's scale, such as 100 or 100,000, recovered from a row (value = n / d × scale). */
  static double roundMultiplier(double multiplier) {
    double power = Math.pow(10, Math.rint(Math.log10(multiplier)));
    return Math.abs(power / multiplier - 1) < 1e-6 ? power : multiplier;
  }

  /**
   * The colour of each position from the page's comparison colours: better or worse when the
   * indicator has a better direction, otherwise higher or lower; within is "similar".
   */
  private static Map<FunnelPosition, String> colours(Polarity polarity) {
    String above =
        switch (polarity) {
          case HIGHER_IS_BETTER -> "fp-compare-5";
          case LOWER_IS_BETTER -> "fp-compare-1";
          case NEITHER -> "fp-compare-4";
        };
    String below =
        switch (polarity) {
          case HIGHER_IS_BETTER -> "fp-compare-1";
          case LOWER_IS_BETTER -> "fp-compare-5";
          case NEITHER -> "fp-compare-2";
        };
    Map<FunnelPosition, String> classes = new EnumMap<>(FunnelPosition.class);
    classes.put(FunnelPosition.ABOVE_998, above);
    classes.put(FunnelPosition.ABOVE_95, above);
    classes.put(FunnelPosition.WITHIN, "fp-compare-3");
    classes.put(FunnelPosition.BELOW_95, below);
    classes.put(FunnelPosition.BELOW_998, below);
    return classes;
  }

  private static String judgement(FunnelPosition position, Polarity polarity) {
    if (position == FunnelPosition.WITHIN) {
      return "";
    }
    boolean above = position == FunnelPosition.ABOVE_95 || position == FunnelPosition.ABOVE_998;
    boolean better = above == (polarity == Polarity.HIGHER_IS_BETTER);
    return better ? " (better)" : " (worse)";
  }

  /** A denominator for an axis: 1,200 or 1.2m or 350k. */
  static String compact(double value) {
    if (value >= 1_000_000) {
      return trim(value / 1_000_000) + "m";
    }
    if (value >= 10_000) {
      return trim(value / 1_000) + "k";
    }
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
