package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.indicator.ValueText;
import org.fourthpurpose.peergroup.PeerGroup;

/**
 * A saved group's members side by side, theme by theme: each indicator's latest value for every
 * member with its comparison with England, the group's combined value and England's.
 *
 * @param themes the group's own theme first for a thematic group, then the rest in catalogue order
 */
public record GroupComparison(
    PeerGroup group, List<IntegratedCareBoard> members, List<ThemeRows> themes) {

  /** One theme's indicators. */
  public record ThemeRows(Theme theme, boolean focus, List<IndicatorRow> rows) {}

  /** One indicator across the members. */
  public record IndicatorRow(
      Indicator indicator,
      String period,
      List<Cell> cells,
      Double groupValue,
      String groupMethod,
      Double englandValue) {

    public String group() {
      return groupValue == null ? "" : ValueText.format(groupValue);
    }

    public String england() {
      return englandValue == null ? "" : ValueText.format(englandValue);
    }
  }

  /**
   * One member's value.
   *
   * @param band 1 to 5 as on maps (worse … better, or quintile), 0 for nothing to shade
   * @param swatchClass the band's class in the colour language (chart.ColourScale)
   * @param comparison the comparison with England in words, or the quintile
   * @param comparisonCode the same as the API writes it: better, similar, worse, higher, lower or
   *     "quintile n (…)", numbered as in statistics.Quintile
   * @param rank e.g. "3rd best of 42"
   */
  public record Cell(
      String areaCode,
      Double value,
      Double lower95,
      Double upper95,
      String text,
      int band,
      String comparison,
      String comparisonCode,
      String rank,
      String swatchClass) {}
}
