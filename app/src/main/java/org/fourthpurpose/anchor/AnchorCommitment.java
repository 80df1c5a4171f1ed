package org.fourthpurpose.anchor;

import java.time.LocalDate;
import java.util.List;

/**
 * What one organisation has promised to do for its place, under one pillar.
 *
 * @param strategyId the anchor strategy it belongs to, or null
 * @param themeCodes the Step 1 themes (indicator catalogue theme codes) it addresses
 * @param indicatorCodes the catalogue indicators it addresses
 * @param measure how progress is measured, in words
 * @param metricCode a standard reporting metric code for the measure, or null
 */
public record AnchorCommitment(
    long id,
    long organisationId,
    Long strategyId,
    Pillar pillar,
    String promise,
    List<String> themeCodes,
    List<String> indicatorCodes,
    String baseline,
    String target,
    LocalDate targetDate,
    String measure,
    String metricCode,
    String owner,
    String evidence,
    CommitmentStatus status) {

  public AnchorCommitment {
    themeCodes = List.copyOf(themeCodes);
    indicatorCodes = List.copyOf(indicatorCodes);
  }
}
