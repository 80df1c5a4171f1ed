package org.fourthpurpose.question.proposition;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What propositions and the plan read from the rest of Step 2: a workspace's questions with their
 * priority, and the policy catalogue. One adapter over the question bank's API, so that the
 * proposition pages do not depend on how questions and policies are stored.
 */
public interface StepTwoSources {

  /** A workspace question as a proposition shows it. */
  record QuestionRef(
      long id,
      String theme,
      String text,
      boolean priority,
      Integer rank,
      String rationale,
      List<String> indicatorCodes) {
    public QuestionRef {
      indicatorCodes = List.copyOf(indicatorCodes);
    }
  }

  /**
   * A policy lever or funding programme of the catalogue.
   *
   * @param kind {@code policy} or {@code funding}
   * @param status {@code open}, {@code closed} or {@code changing}
   */
  record PolicyRef(
      String id, String kind, String name, String status, LocalDate checkedOn, String url) {

    public boolean funding() {
      return "funding".equals(kind);
    }

    public boolean closed() {
      return "closed".equals(status);
    }
  }

  /** The workspace's questions, priorities first by rank. */
  List<QuestionRef> questions(String icbCode);

  default Optional<QuestionRef> question(String icbCode, long id) {
    return questions(icbCode).stream().filter(q -> q.id() == id).findFirst();
  }

  /** Every entry of the policy catalogue, by name. */
  List<PolicyRef> policies();

  default Optional<PolicyRef> policy(String id) {
    return policies().stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
