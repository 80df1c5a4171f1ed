package org.fourthpurpose.maturity;

/** An assessor tried to change ratings they have already submitted. */
public class AlreadySubmittedException extends MaturityProblem {

  public AlreadySubmittedException(String field, String value, String message) {
    super(409, field, value, message);
  }

  @Override
  public String title() {
    return "Already submitted";
  }
}
