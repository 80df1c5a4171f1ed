package org.fourthpurpose.indicator.local;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/**
 * A definition with one or more fields that cannot be used; nothing was changed. Pages show every
 * problem in an error summary; the API answers with the first, naming its field.
 */
final class DefinitionProblems extends RuntimeException {

  private final List<FieldProblem> problems;

  DefinitionProblems(List<FieldProblem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).message(), null, false, false);
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }

  /** The first problem as the web layer's 400 naming its field. */
  InvalidInputException asInvalidInput() {
    FieldProblem first = problems.get(0);
    return new InvalidInputException(
        "invalid-local-indicator",
        "Invalid local indicator",
        first.field(),
        null,
        first.field() + ": " + first.message());
  }
}
