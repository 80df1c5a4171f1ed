package org.fourthpurpose.maturity;

/** An assessor was invited by an email address that has no account. */
public class UnknownAccountException extends MaturityProblem {

  public UnknownAccountException(String field, String value, String message) {
    super(400, field, value, message);
  }

  @Override
  public String title() {
    return "No such account";
  }
}
