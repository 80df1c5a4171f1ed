package org.fourthpurpose.maturity;

/** A value given in a form or request is missing, too long or not one of the allowed values. */
public class InvalidInputException extends MaturityProblem {

  public InvalidInputException(String field, String value, String message) {
    super(400, field, value, message);
  }

  @Override
  public String title() {
    return "Invalid input";
  }
}
