package org.fourthpurpose.question.policy;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/** The problems that stop a policy from being saved; a page shows them all, the API the first. */
public final class PolicyProblems extends RuntimeException {

  private final List<PolicyDraft.Problem> problems;

  PolicyProblems(List<PolicyDraft.Problem> problems) {
    super(problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<PolicyDraft.Problem> problems() {
    return problems;
  }

  /** The first problem as a 400 naming its field. */
  public InvalidInputException asInvalidInput() {
    PolicyDraft.Problem first = problems.get(0);
    return new InvalidInputException(
        "invalid-policy", "Invalid policy", first.field(), null, joined());
  }

  private String joined() {
    return String.join("; ", problems.stream().map(PolicyDraft.Problem::message).toList());
  }
}
