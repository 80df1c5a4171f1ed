package org.fourthpurpose.statistics;

/**
 * The result of comparing an area with a benchmark at one confidence level. Indicators with a
 * polarity get {@link #BETTER}, {@link #SIMILAR} or {@link #WORSE}; indicators with {@link
 * Polarity#NO_JUDGEMENT} get {@link #HIGHER}, {@link #SIMILAR} or {@link #LOWER}.
 */
public enum Significance {
  BETTER,
  SIMILAR,
  WORSE,
  HIGHER,
  LOWER;

  /** Whether the area differs significantly from the benchmark at this level. */
  public boolean isSignificant() {
    return this != SIMILAR;
  }

  /** The judgement for an area whose interval lies wholly above ({@code +1}) or below. */
  static Significance of(int side, Polarity polarity) {
    if (side == 0) {
      return SIMILAR;
    }
    return switch (polarity) {
      case HIGHER_IS_BETTER -> side > 0 ? BETTER : WORSE;
      case LOWER_IS_BETTER -> side > 0 ? WORSE : BETTER;
      case NO_JUDGEMENT -> side > 0 ? HIGHER : LOWER;
    };
  }
}
