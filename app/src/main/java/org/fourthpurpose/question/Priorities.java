package org.fourthpurpose.question;

import java.util.List;

/**
 * A workspace's prioritisation of its questions: the ranking by weighted criteria (evidence of
 * need, partner appetite, leverage, feasibility, fit with the integrated care strategy) and the
 * priorities it agreed. The caller checks the person's access to the workspace.
 */
public interface Priorities {

  /** The agreed priorities, by rank. */
  List<WorkspaceQuestion> agreed(String icbCode);

  /** Every question of the workspace with its weighted score, best first (rank 1). */
  List<RankedQuestion> ranking(String icbCode);

  /**
   * A question's place in the ranking.
   *
   * @param score the weighted score, 0 to 100, over the criteria that have a value; null when none
   *     has
   * @param rank 1 for the best score
   */
  record RankedQuestion(WorkspaceQuestion question, Double score, int rank) {}
}
