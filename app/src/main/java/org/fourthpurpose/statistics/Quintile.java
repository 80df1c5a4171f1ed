package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * An area's fifth of the ranking among its peers, numbered from the top as ranks are: quintile 1
 * holds the best values where the indicator has a better direction, and the highest values where it
 * has none; quintile 5 the worst, or the lowest.
 *
 * <p>One convention everywhere (pages, maps, downloads and the API): "Quintile 1 (best)" …
 * "Quintile 5 (worst)" only when the polarity is known, otherwise "Quintile 1 (highest values)" …
 * "Quintile 5 (lowest values)". So quintile 1 never means "worst" on one indicator and "best" on
 * the next.
 *
 * @param number 1 (best, or highest values) to 5 (worst, or lowest values)
 * @param polarity the indicator's polarity, which decides whether the label judges
 */
public record Quintile(int number, Polarity polarity) {

  public Quintile {
    if (number < 1 || number > 5) {
      throw new IllegalArgumentException("quintile number must be 1 to 5, was " + number);
    }
    Objects.requireNonNull(polarity, "polarity");
  }

  /** BEST to WORST when the indicator has a polarity, HIGHEST to LOWEST when it has none. */
  public Label label() {
    return polarity == Polarity.NO_JUDGEMENT
        ? Label.UNJUDGED[number - 1]
        : Label.JUDGED[number - 1];
  }

  /** The quintile as every page, key and download names it, e.g. "Quintile 1 (highest values)". */
  public String description() {
    return description(number, polarity != Polarity.NO_JUDGEMENT);
  }

  /**
   * The name of quintile {@code number}: "Quintile 1 (best)" … "Quintile 5 (worst)" when {@code
   * judged}, else "Quintile 1 (highest values)" … "Quintile 5 (lowest values)".
   */
  public static String description(int number, boolean judged) {
    Label label = judged ? Label.JUDGED[number - 1] : Label.UNJUDGED[number - 1];
    return "Quintile " + number + " (" + label.phrase() + ")";
  }

  /** What a quintile means to a reader of the indicator. */
  public enum Label {
    BEST("best"),
    BETTER("second best"),
    MIDDLE("middle"),
    WORSE("second worst"),
    WORST("worst"),
    HIGHEST("highest values"),
    HIGH("second highest"),
    LOW("second lowest"),
    LOWEST("lowest values");

    private static final Label[] JUDGED = {BEST, BETTER, MIDDLE, WORSE, WORST};
    private static final Label[] UNJUDGED = {HIGHEST, HIGH, MIDDLE, LOW, LOWEST};

    private final String phrase;

    Label(String phrase) {
      this.phrase = phrase;
    }

    /** In words, as in "Quintile 2 (second best)". */
    public String phrase() {
      return phrase;
    }
  }
}
