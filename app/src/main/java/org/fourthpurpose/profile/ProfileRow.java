package org.fourthpurpose.profile;

import java.util.Locale;
import org.fourthpurpose.chart.SpineChart;
import org.fourthpurpose.indicator.AreaComparison;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCharts;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.statistics.RecentTrend;
import org.fourthpurpose.statistics.Significance;

/**
 * One indicator on an ICS profile: the system's latest value and how it compares with England and
 * with the chosen comparator, its recent trend, its rank and where it sits among the 42 systems.
 *
 * @param area the system's latest value, compared with England (by interval or quintile)
 * @param comparator the comparator's value for the same period, and how it was made
 * @param comparatorSignificance the system against the comparator at 95% by Fingertips' method;
 *     null when it cannot be tested (no interval, or no comparator value)
 * @param rank 1 for the best value among the systems with one (the highest when the indicator has
 *     no better direction), null without a value
 * @param ranked how many systems have a value
 */
public record ProfileRow(
    Indicator indicator,
    AreaComparison area,
    Double englandValue,
    BenchmarkValue comparator,
    Significance comparatorSignificance,
    RecentTrend recentTrend,
    Integer rank,
    int ranked,
    SpineChart spine) {

  public String value() {
    return area.value() == null ? "No value" : ValueText.format(area.value());
  }

  public String interval() {
    return area.lower95() == null
        ? ""
        : ValueText.format(area.lower95()) + " to " + ValueText.format(area.upper95());
  }

  public String england() {
    return ValueText.format(englandValue);
  }

  /**
   * The comparison with England in words, e.g. "Better than England" or "Quintile 2 (second best)".
   */
  public String comparison() {
    if (local() && area.value() != null && area.comparison() == null) {
      // A local indicator is compared only by interval: say why it was not, never "similar".
      return englandValue == null
          ? "No England value"
          : area.lower95() == null
              ? "Not compared (no confidence interval)"
              : "Not compared (interval does not contain the value)";
    }
    return ValueText.comparisonText(area);
  }

  /** An indicator the system defined and imported values for itself, not a national one. */
  public boolean local() {
    return !indicator.isPublic();
  }

  public String comparatorValue() {
    return comparator.value() == null ? "No value" : ValueText.format(comparator.value());
  }

  /** The comparison with the comparator in words. */
  public String comparatorComparison() {
    if (comparator.value() == null) {
      return "No comparator value";
    }
    if (comparatorSignificance == null) {
      return area.value() == null ? "" : "Not tested (no confidence interval)";
    }
    return comparedWith(comparatorSignificance, comparator.label());
  }

  /** A significance against a named comparator in words, e.g. "Better than North West". */
  static String comparedWith(Significance significance, String label) {
    return switch (significance) {
      case SIMILAR -> "Similar to " + label;
      default -> capitalised(significance) + " than " + label;
    };
  }

  /** Fingertips' wording, e.g. "Increasing and getting better" or "Cannot be calculated". */
  public String trend() {
    return recentTrend.label();
  }

  /** e.g. "3rd best of 42" or "12th highest of 42". */
  public String rankText() {
    return rankText(indicator.polarity(), rank, ranked);
  }

  /** A rank in words, e.g. "3rd best of 42"; empty without a rank. */
  static String rankText(Polarity polarity, Integer rank, int ranked) {
    if (rank == null) {
      return "";
    }
    String word = polarity == Polarity.NEITHER ? "highest" : "best";
    return ordinal(rank) + " " + word + " of " + ranked;
  }

  /**
   * The colour-language class of the comparison with England (chart.ColourScale): compared by
   * confidence interval or by quintile, judged only where the indicator has a better direction.
   */
  public String comparisonSwatch() {
    return IndicatorCharts.key(indicator, area.comparedByQuintile()).cssClass(area.band());
  }

  /** Significantly better than England at 95%. */
  public boolean better() {
    return !area.comparedByQuintile() && "better".equals(area.comparison());
  }

  /** Significantly worse than England at 95%. */
  public boolean worse() {
    return !area.comparedByQuintile() && "worse".equals(area.comparison());
  }

  public boolean betterThanComparator() {
    return comparatorSignificance == Significance.BETTER;
  }

  public boolean worseThanComparator() {
    return comparatorSignificance == Significance.WORSE;
  }

  /** A significant recent trend in the better direction. */
  public boolean improving() {
    return recentTrend.judgement() == RecentTrend.Judgement.GETTING_BETTER;
  }

  /** A significant recent trend in the worse direction. */
  public boolean worsening() {
    return recentTrend.judgement() == RecentTrend.Judgement.GETTING_WORSE;
  }

  /** In the best fifth of the 42, for an indicator compared by quintile. */
  public boolean bestFifth() {
    return area.comparedByQuintile() && bandIsBest(true);
  }

  /** In the worst fifth of the 42, for an indicator compared by quintile. */
  public boolean worstFifth() {
    return area.comparedByQuintile() && bandIsBest(false);
  }

  private boolean bandIsBest(boolean best) {
    if (indicator.polarity() == Polarity.NEITHER || area.band() == 0) {
      return false;
    }
    // Quintile 1 is always the best fifth where there is a better direction (Quintile).
    return area.band() == (best ? 1 : 5);
  }

  private static String capitalised(Significance s) {
    String word = s.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
