package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.geography.IntegratedCareBoard;

/**
 * An ICS's indicator profile against one comparator: every public indicator with ICB values, by
 * theme, and the summary of its assets, strengths and needs.
 *
 * @param comparatorLabel e.g. "England", "North West", "Nearest neighbours", a group's name
 * @param comparatorMembers the ICBs a comparator is made from (empty for England)
 * @param comparatorMethod how comparator values were made, in a sentence
 */
public record IcsProfile(
    IntegratedCareBoard icb,
    ComparatorChoice comparator,
    String comparatorLabel,
    List<IntegratedCareBoard> comparatorMembers,
    String comparatorMethod,
    List<ThemeProfile> themes,
    List<SummarySentence> summary) {

  public IcsProfile {
    comparatorMembers = List.copyOf(comparatorMembers);
    themes = List.copyOf(themes);
    summary = List.copyOf(summary);
  }

  /** Every row, theme by theme. */
  public List<ProfileRow> rows() {
    return themes.stream().flatMap(t -> t.rows().stream()).toList();
  }

  /**
   * One sentence of the summary, with the indicators it names (possibly none).
   *
   * @param kind strengths, needs, better-than-comparator, worse-than-comparator, best-fifth,
   *     worst-fifth, improving or worsening: for page anchors and styling
   */
  public record SummarySentence(String kind, String text, List<ProfileRow> indicators) {
    public SummarySentence {
      indicators = List.copyOf(indicators);
    }
  }
}
