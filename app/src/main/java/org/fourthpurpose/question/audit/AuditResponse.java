package org.fourthpurpose.question.audit;

import java.util.Map;

/**
 * One stored response: its sector and its answers by question id (an {@link Integer} for a scale
 * question, a {@link String} for choice and text). Skipped questions have no entry.
 */
public record AuditResponse(String sector, Map<Long, Object> answers) {

  public AuditResponse {
    answers = Map.copyOf(answers);
  }
}
