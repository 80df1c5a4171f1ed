package org.fourthpurpose.anchor.commitment;

import java.util.List;

/**
 * A commitment as a person types it (a form or a row of a file), every field text.
 *
 * @param strategyId the id of one of the organisation's strategies, or empty
 * @param pillar a pillar's code, such as {@code procurement}
 * @param themes Step 1 theme codes of the indicator catalogue
 * @param indicators indicator codes of the catalogue (or the workspace's local indicators)
 * @param targetDate a date as yyyy-mm-dd or dd/mm/yyyy, or empty
 * @param status {@code planned}, {@code under-way}, {@code achieved} or {@code lapsed}
 */
record CommitmentDraft(
    String strategyId,
    String pillar,
    String promise,
    List<String> themes,
    List<String> indicators,
    String baseline,
    String target,
    String targetDate,
    String measure,
    String metricCode,
    String owner,
    String evidence,
    String status) {

  CommitmentDraft {
    themes = themes == null ? List.of() : List.copyOf(themes);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }
}
