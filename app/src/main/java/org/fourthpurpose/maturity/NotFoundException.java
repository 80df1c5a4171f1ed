package org.fourthpurpose.maturity;

/**
 * A round, assessor, link or milestone that does not exist (or is not visible here) was asked for.
 */
public class NotFoundException extends MaturityProblem {

  public NotFoundException(String field, String value, String message) {
    super(404, field, value, message);
  }

  @Override
  public String title() {
    return "Not found";
  }
}
