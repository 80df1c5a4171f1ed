package org.fourthpurpose.maturity;

/** A round with the same name already exists in the workspace. */
public class DuplicateRoundException extends MaturityProblem {

  public DuplicateRoundException(String field, String value, String message) {
    super(409, field, value, message);
  }

  @Override
  public String title() {
    return "Round already exists";
  }
}
