package org.fourthpurpose.indicator;

/**
 * One indicator on an ICS profile: the system's latest value, how it compares with England, its
 * recent trend, and where it sits among the 42 systems (the spine).
 *
 * @param trend Fingertips' wording, e.g. "Increasing and getting better" or "Cannot be calculated"
 */
public record ProfileRow(
    Indicator indicator,
    AreaComparison area,
    Double englandValue,
    String value,
    String interval,
    String england,
    String comparison,
    String trend,
    Spine spine) {

  /** Whether the system is significantly better than England on this indicator. */
  public boolean better() {
    return !area.comparedByQuintile() && "better".equals(area.comparison());
  }

  /** Whether the system is significantly worse than England on this indicator. */
  public boolean worse() {
    return !area.comparedByQuintile() && "worse".equals(area.comparison());
  }
}
