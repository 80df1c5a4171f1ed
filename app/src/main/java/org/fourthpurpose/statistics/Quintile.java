package org.fourthpurpose.statistics;

import java.util.Objects;

/**
 * An area's fifth of the ranking among its peers: quintile 1 holds the lowest values and 5 the
 * highest, whatever the polarity; {@link #label()} says what that means for this indicator.
 *
 * @param number 1 (lowest values) to 5 (highest values)
 * @param polarity the indicator's polarity, which decides the label
 */
public record Quintile(int number, Polarity polarity) {

  public Quintile {
    if (number < 1 || number > 5) {
      throw new IllegalArgumentException("quintile number must be 1 to 5, was " + number);
    }
    Objects.requireNonNull(polarity, "polarity");
  }

  /**
   * BEST to WORST when the indicator has a polarity (quintile 5 is BEST when higher is better, 1
   * when lower is better), LOWEST to HIGHEST when it has none.
   */
  public Label label() {
    return switch (polarity) {
      case HIGHER_IS_BETTER -> Label.JUDGED[5 - number];
      case LOWER_IS_BETTER -> Label.JUDGED[number - 1];
      case NO_JUDGEMENT -> Label.UNJUDGED[number - 1];
    };
  }

  /** What a quintile means to a reader of the indicator. */
  public enum Label {
    BEST,
    BETTER,
    MIDDLE,
    WORSE,
    WORST,
    LOWEST,
    LOW,
    HIGH,
    HIGHEST;

    private static final Label[] JUDGED = {BEST, BETTER, MIDDLE, WORSE, WORST};
    private static final Label[] UNJUDGED = {LOWEST, LOW, MIDDLE, HIGH, HIGHEST};
  }
}
