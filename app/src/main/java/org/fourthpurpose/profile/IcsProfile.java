package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.geography.IntegratedCareBoard;

/**
 * An ICS's indicator profile against one comparator: every public indicator with ICB values, by
 * theme, and the summary of its assets, strengths and needs: in full ({@code summary}, every
 * indicator under each sentence) and as a short narrative ({@code narrative}, a few ranked points
 * per heading, see {@link SummaryPoints}).
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
    List<SummarySentence> summary,
    List<SummaryHeading> narrative) {

  public IcsProfile {
    comparatorMembers = List.copyOf(comparatorMembers);
    themes = List.copyOf(themes);
    summary = List.copyOf(summary);
    narrative = List.copyOf(narrative);
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

  /**
   * One heading of the narrative summary: a lead-in sentence and at most five points.
   *
   * @param kind strengths, needs, better-than-comparator, worse-than-comparator, improving or
   *     worsening
   * @param found how many indicators qualified before the five were chosen
   */
  public record SummaryHeading(
      String kind, String title, String leadIn, int found, List<SummaryPoint> points) {
    public SummaryHeading {
      points = List.copyOf(points);
    }
  }

  /**
   * One point of the narrative: the indicator, its sentence, and what it was ranked on.
   *
   * @param distance how far from England (or the comparator) in standard deviations of the 42
   *     systems' values; for a trend, the z-score of the trend test
   * @param reliability 1, halved for a wide interval, small numbers and old data
   */
  public record SummaryPoint(ProfileRow row, String text, double distance, double reliability) {
    public double score() {
      return distance * reliability;
    }
  }
}
