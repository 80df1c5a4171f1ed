package org.fourthpurpose.question.priority;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.question.WorkspaceQuestion;

/**
 * Everything the prioritisation page and API show for one workspace: the weights, the ranking with
 * each criterion's value and where it came from, each person's scores, where they disagree, how
 * stable the top is, and the agreed priorities.
 */
public record PriorityView(
    String icbCode,
    Map<Criterion, Integer> weights,
    List<Row> rows,
    List<Scorer> scorers,
    List<Disagreement> disagreements,
    PriorityModel.Stability stability,
    List<WorkspaceQuestion> agreed,
    boolean audited,
    int leverageMax,
    String comparatorLabel) {

  /** A person who has scored at least one question. */
  public record Scorer(long accountId, String name) {}

  /**
   * One question in the ranking.
   *
   * @param values each criterion's value on the 0 to 1 scale, absent when it has none
   * @param leftOut the criteria with a weight but no value for this question, in words
   * @param partners the partner sectors whose appetite counts (bank entry's partners)
   * @param appetite mean appetite 1 to 5 of the partner sectors with results, null without
   * @param leverage how many organisations have a live commitment under the question's theme
   * @param scores each scorer's scores by criterion code (feasibility, fit)
   */
  public record Row(
      int rank,
      WorkspaceQuestion question,
      String themeTitle,
      Double score,
      Map<Criterion, Double> values,
      List<String> leftOut,
      NeedEvidence need,
      List<String> partners,
      Double appetite,
      int leverage,
      Double feasibility,
      Double fit,
      Map<Long, Map<String, Integer>> scores,
      boolean disagreement) {

    /** A value as a whole number out of 100 for pages, or null. */
    public Long percent(Criterion c) {
      Double v = values.get(c);
      return v == null ? null : Math.round(v * 100);
    }
  }

  /** A question and criterion where people's scores spread by two or more. */
  public record Disagreement(
      long questionId, String question, Criterion criterion, List<Integer> scores, int spread) {}
}
