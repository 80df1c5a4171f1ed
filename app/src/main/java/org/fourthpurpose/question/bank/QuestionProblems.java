package org.fourthpurpose.question.bank;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/** The problems that stop a workspace question from being saved; nothing is saved. */
public final class QuestionProblems extends RuntimeException {

  /** One field at fault and what to do about it. */
  public record Problem(String field, String message) {}

  private final List<Problem> problems;

  QuestionProblems(List<Problem> problems) {
    super(problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The first problem's field, every message, as a 400. */
  public InvalidInputException asInvalidInput() {
    return new InvalidInputException(
        "invalid-question",
        "Invalid question",
        problems.get(0).field(),
        null,
        String.join("; ", problems.stream().map(Problem::message).toList()));
  }
}
