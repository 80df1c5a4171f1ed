package org.fourthpurpose.maturity;

/** A change was attempted to a round that has been closed. */
public class RoundClosedException extends MaturityProblem {

  public RoundClosedException(String field, String value, String message) {
    super(409, field, value, message);
  }

  @Override
  public String title() {
    return "Round closed";
  }
}
