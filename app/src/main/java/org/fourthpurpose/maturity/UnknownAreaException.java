package org.fourthpurpose.maturity;

/** An area of focus that is not part of the round or framework was named. */
public class UnknownAreaException extends MaturityProblem {

  public UnknownAreaException(String field, String value, String message) {
    super(400, field, value, message);
  }

  @Override
  public String title() {
    return "Unknown area of focus";
  }
}
