package org.fourthpurpose.anchor.register;

import java.util.List;
import org.fourthpurpose.web.InvalidInputException;

/** An organisation that cannot be stored as given, with every field at fault; nothing changed. */
public class OrganisationProblems extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public OrganisationProblems(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** The first problem as the API's 400 problem naming its field, the others in its message. */
  public InvalidInputException asInvalidInput() {
    return new InvalidInputException(problems.get(0).field(), getMessage());
  }
}
