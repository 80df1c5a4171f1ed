package org.fourthpurpose.anchor.commitment;

import java.util.List;
import org.fourthpurpose.anchor.register.FieldProblem;
import org.fourthpurpose.web.InvalidInputException;

/**
 * A strategy, commitment or progression level that cannot be stored as given, with every field at
 * fault; nothing changed.
 */
class CommitmentProblems extends RuntimeException {

  private final transient List<FieldProblem> problems;

  CommitmentProblems(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  List<FieldProblem> problems() {
    return problems;
  }

  InvalidInputException asInvalidInput() {
    return new InvalidInputException(problems.get(0).field(), getMessage());
  }
}
