package org.fourthpurpose.question;

import java.util.List;

/**
 * One of a workspace's questions.
 *
 * @param bankId the bank entry it was adopted from (kept when the wording is edited), or null for a
 *     question the workspace wrote itself
 * @param theme the Step 1 theme (indicator catalogue theme code)
 * @param indicatorIds the Step 1 indicators that evidence it
 * @param policyIds the policies and funding programmes linked to it
 * @param priority whether the workspace agreed it as a priority
 * @param priorityRationale why it was agreed, or null
 * @param rank its place among the agreed priorities (1 first), or null when not a priority
 */
public record WorkspaceQuestion(
    long id,
    String bankId,
    String theme,
    String transactional,
    String transformational,
    List<String> indicatorIds,
    List<String> policyIds,
    boolean priority,
    String priorityRationale,
    Integer rank) {

  public WorkspaceQuestion {
    indicatorIds = List.copyOf(indicatorIds);
    policyIds = List.copyOf(policyIds);
  }
}
