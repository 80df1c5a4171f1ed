package org.fourthpurpose.impact.measure;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/** A measure, value or rebase that cannot be stored, with every field at fault. */
class MeasureRefused extends RuntimeException {

  private final transient List<FieldProblem> problems;

  MeasureRefused(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  static MeasureRefused of(String field, String message) {
    return new MeasureRefused(List.of(new FieldProblem(field, message)));
  }

  List<FieldProblem> problems() {
    return problems;
  }

  /** The API's 400 problem, naming the first field at fault and listing all of them. */
  InvalidInputException asInvalidInput() {
    return new InvalidInputException(problems.get(0).field(), getMessage());
  }
}
