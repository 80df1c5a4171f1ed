package org.fourthpurpose.question.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A relationship audit's results after disclosure control: what may be shown and why the rest is
 * not. A suppressed cell carries no figures at all, not even its count.
 *
 * @param respondents everyone who responded, or null while fewer than {@link
 *     AuditDisclosure#MINIMUM} have
 * @param minimumGroup the fewest people any shown figure describes (5)
 * @param overall all sectors together
 * @param bySector each sector that was sent links, in the order of the sector list
 * @param notes plain sentences on what is withheld and why
 */
public record AuditResults(
    Integer respondents,
    int minimumGroup,
    Group overall,
    List<SectorGroup> bySector,
    List<String> notes) {

  /** All respondents together. */
  @Schema(name = "RelationshipAuditGroup")
  public record Group(boolean suppressed, String reason, List<QuestionResult> questions) {}

  /** One sector. {@code respondents} is null and {@code questions} empty when it is suppressed. */
  @Schema(name = "RelationshipAuditSector")
  public record SectorGroup(
      String sector,
      String label,
      Integer respondents,
      boolean suppressed,
      String reason,
      List<QuestionResult> questions) {}

  /**
   * One question's answers in a group. When suppressed: no count, mean, counts or texts.
   *
   * @param answered how many in the group answered it
   * @param mean a scale question's mean (two decimals), null otherwise
   * @param counts how many gave each scale value (1 to 5) or each option, in order
   * @param texts a text question's answers, names and emails removed, in alphabetical order (so
   *     they cannot be lined up with one another)
   */
  @Schema(name = "RelationshipAuditQuestionResult")
  public record QuestionResult(
      long id,
      String type,
      String text,
      boolean appetite,
      Integer answered,
      boolean suppressed,
      String reason,
      Double mean,
      List<ValueCount> counts,
      List<String> texts) {}

  /** How many gave one answer. */
  @Schema(name = "RelationshipAuditValueCount")
  public record ValueCount(String value, int count) {}

  /** The sector group with this code, if it is listed. */
  public java.util.Optional<SectorGroup> sector(String code) {
    return bySector.stream().filter(s -> s.sector().equals(code)).findFirst();
  }
}
