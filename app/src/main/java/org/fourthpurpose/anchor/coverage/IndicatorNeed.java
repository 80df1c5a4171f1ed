package org.fourthpurpose.anchor.coverage;

/**
 * One Step 1 indicator of a system and whether it shows need: significantly worse (at 95%) than
 * England or than the comparator.
 *
 * @param englandComparison the profile's comparison with England in words, e.g. "Worse than
 *     England"
 * @param comparatorComparison the comparison with the comparator in words, e.g. "Similar to North
 *     West"; empty when the comparator is England
 */
public record IndicatorNeed(
    String indicatorId,
    String title,
    String themeCode,
    boolean worseThanEngland,
    boolean worseThanComparator,
    String englandComparison,
    String comparatorComparison) {

  public boolean inNeed() {
    return worseThanEngland || worseThanComparator;
  }
}
