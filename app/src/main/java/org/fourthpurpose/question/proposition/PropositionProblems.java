package org.fourthpurpose.question.proposition;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/** A proposition or status change that cannot be stored as given, with every field at fault. */
class PropositionProblems extends RuntimeException {

  private final transient List<FieldProblem> problems;

  PropositionProblems(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  PropositionProblems(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  List<FieldProblem> problems() {
    return problems;
  }

  InvalidInputException asInvalidInput() {
    return new InvalidInputException(problems.get(0).field(), getMessage());
  }
}
