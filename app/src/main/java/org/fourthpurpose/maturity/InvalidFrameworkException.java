package org.fourthpurpose.maturity;

/** A framework definition that cannot be published; the field gives the JSON path at fault. */
public class InvalidFrameworkException extends MaturityProblem {

  public InvalidFrameworkException(String field, String value, String message) {
    super(400, field, value, message);
  }

  @Override
  public String title() {
    return "Invalid framework";
  }
}
